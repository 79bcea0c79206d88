/** Domain records as the API returns them. Ids are UUIDs unless said otherwise. */
import type { Locale, LocalizedText } from './text';

export const SECTORS = ['zorg', 'welzijn', 'gemeente', 'huisartsenzorg', 'ziekenhuis', 'zorgverzekeraar', 'vrijwilligers', 'onderwijs', 'overig'] as const;
export type Sector = (typeof SECTORS)[number];

/** Organisations are classed by size: fewer than 100 FTE, or 100 FTE and more. */
export const SIZE_CLASSES = ['lt100', 'ge100'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export const WAVE_KINDS = ['T0', 'T1', 'T2', 'custom'] as const;
export type WaveKind = (typeof WAVE_KINDS)[number];

/** `meeting`: answered on the respondent's own phone in meeting mode (*bijeenkomstmodus*). */
export const RESPONSE_MODES = ['form', 'kiosk', 'paper', 'meeting'] as const;
export type ResponseMode = (typeof RESPONSE_MODES)[number];

export type ResponseStatus = 'in_progress' | 'complete';

/**
 * The codes an answer can hold: every stored value lies in this range (saving refuses others),
 * so response options and the range of a number question must lie in it too.
 */
export const ANSWER_CODE_MIN = -99;
export const ANSWER_CODE_MAX = 999;

/** How respondents identify themselves: any code, only codes from the network's list, or a self-generated code. */
export const CODE_POLICIES = ['free', 'assigned', 'self'] as const;
export type CodePolicy = (typeof CODE_POLICIES)[number];

/**
 * What happens to the answers of a respondent who chooses *Stoppen* in kiosk mode: kept as an
 * incomplete response (the standard consent text promises this), or thrown away.
 */
export const KIOSK_STOP_CHOICES = ['keep', 'discard'] as const;
export type KioskStop = (typeof KIOSK_STOP_CHOICES)[number];

export interface Network {
  id: string;
  name: string;
  description: string | null;
  minGroupSize: number;
  createdAt: string;
  /** Informed-consent text shown in kiosk mode; null means the app's standard text. */
  consentNl: string | null;
  consentEn: string | null;
  codePolicy: CodePolicy;
  /** Seconds of quiet before kiosk mode asks "are you still there?". */
  idleSeconds: number;
  /** What a respondent's *Stoppen* in kiosk mode does with the answers given so far. */
  kioskStop: KioskStop;
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
  /** The day the organisation joined the network (*toetreding*), when known. */
  joinedOn: string | null;
  /** The day the organisation left the network (*uittreding*); null while it takes part. */
  leftOn: string | null;
  /** How many participants the network expects of this organisation per wave; null when not set. */
  expectedParticipants: number | null;
  /** Archived: hidden from the choices of a new response, kept in results and exports. */
  archived: boolean;
  /** Responses name this organisation, so it can be archived but never removed. */
  inUse: boolean;
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
  /** The measurement waves (T0, T1, T2, interim): what results, trends and reports are about. */
  waves: Wave[];
  /** The before and after waves of occasions (each MDO): filled in like any wave, listed with their occasion. */
  occasionWaves: Wave[];
}

export interface InstrumentSummary extends InstrumentRef {
  name: LocalizedText;
  /** The languages its texts are in: Dutch, or Dutch and English (shared/instruments/languages.ts). */
  languages: readonly Locale[];
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
  organisationId: string | null;
  status: ResponseStatus;
  mode: ResponseMode;
  language: 'nl' | 'en';
  consentAt: string | null;
  startedAt: string;
  completedAt: string | null;
  answers: Answer[];
  /** Answers about partner organisations (relation items), so a resumed questionnaire shows them. */
  relationAnswers: RelationAnswer[];
}

/** An answer to a relation item about one partner organisation (shared/instruments/relations.ts). */
export interface RelationAnswer {
  instrumentId: string;
  itemId: string;
  organisationId: string;
  value: number;
  updatedAt: string;
}

/** A relation answer stored (or cleared, `value` null) the moment it was given. */
export interface SavedRelationAnswer {
  responseId: string;
  itemId: string;
  organisationId: string;
  value: number | null;
  savedAt: string;
}

/** One line of a wave's response list for the researcher (status, resume). */
export interface ResponseSummary {
  id: string;
  respondentCode: string;
  status: ResponseStatus;
  mode: ResponseMode;
  startedAt: string;
  updatedAt: string;
  completedAt: string | null;
  answered: number;
}

export interface AssignedCode {
  code: string;
  createdAt: string;
  /** Labels of the waves in which this code has a response, with its status. */
  waves: { waveId: string; label: string; status: ResponseStatus }[];
}

/** What the kiosk (afnamemodus) needs to run, or null when no kiosk session is active. */
export interface KioskSession {
  networkId: string;
  networkName: string;
  waveId: string;
  waveLabel: string;
  instruments: InstrumentRef[];
  organisations: { id: string; name: string }[];
  codePolicy: CodePolicy;
  consent: { nl: string | null; en: string | null };
  idleSeconds: number;
  /** What *Stoppen* does with the answers so far (the network's setting). */
  kioskStop: KioskStop;
  /** Whether any of the wave's questionnaires has a required question, so the standard consent text does not promise that every question may be skipped. */
  requiredQuestions: boolean;
  startedAt: string;
  /** The response being filled in now; null on the welcome screen. */
  currentResponseId: string | null;
}

export interface KioskState {
  pinSet: boolean;
  session: KioskSession | null;
}

export interface SavedAnswer {
  responseId: string;
  itemId: string;
  savedAt: string;
}

export interface ConditionSummary {
  instrumentId: string;
  subscaleId: string;
  label: LocalizedText;
  /** Lowest and highest possible score (the instrument's answer scale), for the chart's axis. */
  range: { min: number; max: number };
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
  /** Where the database file is; null in kiosk mode, where respondents have no business knowing. */
  databasePath: string | null;
  deviceId: string;
  schemaVersion: number;
}
