/** Domain records as the API returns them. Ids are UUIDs unless said otherwise. */

export const SECTORS = ['zorg', 'welzijn', 'gemeente', 'huisartsenzorg', 'ziekenhuis', 'zorgverzekeraar', 'vrijwilligers', 'onderwijs', 'overig'] as const;
export type Sector = (typeof SECTORS)[number];

/** Organisations are classed by size: fewer than 100 FTE, or 100 FTE and more. */
export const SIZE_CLASSES = ['lt100', 'ge100'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export const WAVE_KINDS = ['T0', 'T1', 'T2', 'custom'] as const;
export type WaveKind = (typeof WAVE_KINDS)[number];

export const RESPONSE_MODES = ['form', 'kiosk', 'paper'] as const;
export type ResponseMode = (typeof RESPONSE_MODES)[number];

export type ResponseStatus = 'in_progress' | 'complete';

export interface Network {
  id: string;
  name: string;
  description: string | null;
  minGroupSize: number;
  createdAt: string;
}

export interface NetworkSummary extends Network {
  organisationCount: number;
  waveCount: number;
}

export interface Organisation {
  id: string;
  networkId: string;
  name: string;
  sector: Sector;
  sizeClass: SizeClass | null;
}

export interface InstrumentRef {
  instrumentId: string;
  version: number;
}

export interface Wave {
  id: string;
  networkId: string;
  label: string;
  kind: WaveKind;
  plannedDate: string | null;
  status: 'open' | 'closed';
  instruments: InstrumentRef[];
}

export interface NetworkDetail {
  network: Network;
  organisations: Organisation[];
  waves: Wave[];
}

export interface InstrumentSummary extends InstrumentRef {
  name: { nl: string; en: string };
  frozen: boolean;
  /** Shipped with the app (as opposed to imported by a user). */
  builtIn: boolean;
}

export interface Answer {
  instrumentId: string;
  itemId: string;
  value: number | null;
  text: string | null;
  updatedAt: string;
}

export interface ResponseRecord {
  id: string;
  respondentId: string;
  respondentCode: string;
  waveId: string;
  status: ResponseStatus;
  mode: ResponseMode;
  startedAt: string;
  completedAt: string | null;
  answers: Answer[];
}

export interface SavedAnswer {
  responseId: string;
  itemId: string;
  savedAt: string;
}

export interface ConditionSummary {
  instrumentId: string;
  subscaleId: string;
  label: { nl: string; en: string };
  n: number;
  mean: number | null;
  suppressed: boolean;
}

export interface WaveOverview {
  waveId: string;
  minGroupSize: number;
  started: number;
  complete: number;
  conditions: ConditionSummary[];
}

export type ExportResult = { cancelled: true } | { cancelled: false; filePath: string; rows: number; columns: number };

export interface AppInfo {
  version: string;
  databasePath: string;
  deviceId: string;
  schemaVersion: number;
}
