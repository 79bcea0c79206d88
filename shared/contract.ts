import { z } from 'zod';
import {
  CODE_POLICIES,
  RESPONSE_MODES,
  SECTORS,
  SIZE_CLASSES,
  WAVE_KINDS,
  type AppInfo,
  type ExportResult,
  type AssignedCode,
  type InstrumentSummary,
  type KioskState,
  type Network,
  type NetworkDetail,
  type NetworkSummary,
  type Organisation,
  type ResponseRecord,
  type ResponseSummary,
  type SavedAnswer,
  type Wave,
  type WaveOverview,
} from './domain';
import type { Envelope } from './errors';
import type { Dashboard, NetworkComparison } from './results';
import type { InstrumentDefinition } from './instruments/schema';

/**
 * The one API contract. Every method has a zod schema for its input and a declared output
 * type; the main process, the preload, the renderer and the test harness are all checked
 * against it. Inputs are strict objects with bounded strings, so oversized or unknown fields
 * are refused before any handler runs.
 */

const id = z.uuid({ error: 'Dit is geen geldige id' });
const name = z.string().trim().min(1, 'Vul een naam in').max(120, 'Gebruik hoogstens 120 tekens');
const isoDate = z.iso.date({ error: 'Gebruik een datum als 2026-03-31' });
/** Pseudonymous respondent code: letters, digits and dashes; never a name. */
export const respondentCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{2,15}$/, 'Een respondentcode heeft 3 tot 16 letters, cijfers of streepjes');

const none = z.strictObject({});
/** The researcher's PIN: 4 to 8 digits. */
const pin = z.string().regex(/^\d{4,8}$/, 'Een pincode heeft 4 tot 8 cijfers');
const locale = z.enum(['nl', 'en'], { error: 'Kies Nederlands of Engels' });
const instrumentRef = z.strictObject({ instrumentId: z.string().min(1).max(64), version: z.number().int().min(1) });

/** Declares one method: its input schema, and its output type as a phantom. */
function method<O>() {
  return <I extends z.ZodType>(input: I): { input: I; output?: O } => ({ input });
}

export const contract = {
  getAppInfo: method<AppInfo>()(none),

  listNetworks: method<NetworkSummary[]>()(none),
  createNetwork: method<Network>()(
    z.strictObject({ name, description: z.string().trim().max(2000, 'Gebruik hoogstens 2000 tekens').optional() }),
  ),
  getNetwork: method<NetworkDetail>()(z.strictObject({ networkId: id })),
  addOrganisation: method<Organisation>()(
    z.strictObject({
      networkId: id,
      name,
      sector: z.enum(SECTORS, { error: 'Kies een sector uit de lijst' }),
      sizeClass: z.enum(SIZE_CLASSES, { error: 'Kies een omvang: minder dan 100 fte of 100 fte en meer' }).nullable(),
    }),
  ),
  createWave: method<Wave>()(
    z.strictObject({
      networkId: id,
      label: z.string().trim().min(1, 'Geef de meting een naam, zoals T0').max(40, 'Gebruik hoogstens 40 tekens'),
      kind: z.enum(WAVE_KINDS, { error: 'Kies T0, T1, T2 of een eigen meting' }),
      plannedDate: isoDate.nullable(),
      instruments: z.array(instrumentRef).min(1, 'Kies ten minste één vragenlijst').max(20),
    }),
  ),

  listInstruments: method<InstrumentSummary[]>()(none),
  getInstrument: method<InstrumentDefinition>()(instrumentRef),

  startResponse: method<ResponseRecord>()(
    z.strictObject({
      waveId: id,
      respondentCode,
      organisationId: id.nullable(),
      mode: z.enum(RESPONSE_MODES),
    }),
  ),
  getResponse: method<ResponseRecord>()(z.strictObject({ responseId: id })),
  saveAnswer: method<SavedAnswer>()(
    z.strictObject({
      responseId: id,
      instrumentId: z.string().max(64),
      itemId: z.string().max(32),
      value: z.number().int().min(-99).max(999).nullable(),
      text: z.string().max(4000, 'Een antwoord heeft hoogstens 4000 tekens').nullable(),
    }),
  ),
  completeResponse: method<ResponseRecord>()(z.strictObject({ responseId: id })),

  updateNetworkSettings: method<Network>()(
    z.strictObject({
      networkId: id,
      consentNl: z.string().trim().max(8000, 'Gebruik hoogstens 8000 tekens').nullable(),
      consentEn: z.string().trim().max(8000, 'Gebruik hoogstens 8000 tekens').nullable(),
      codePolicy: z.enum(CODE_POLICIES, { error: 'Kies vrije codes, een codelijst of zelfgemaakte codes' }),
      idleSeconds: z.number().int().min(30, 'Kies ten minste 30 seconden').max(3600, 'Kies hoogstens 3600 seconden'),
      minGroupSize: z.number().int().min(3, 'Een groep van minder dan 3 is niet anoniem').max(100),
    }),
  ),
  generateCodes: method<{ codes: string[] }>()(
    z.strictObject({ networkId: id, count: z.number().int().min(1, 'Maak ten minste 1 code').max(500, 'Maak hoogstens 500 codes tegelijk') }),
  ),
  listCodes: method<AssignedCode[]>()(z.strictObject({ networkId: id })),
  listResponses: method<ResponseSummary[]>()(z.strictObject({ waveId: id })),
  /** The researcher continues an interrupted response (never available inside kiosk mode). */
  resumeResponse: method<ResponseRecord>()(z.strictObject({ responseId: id })),
  setResponseOrganisation: method<ResponseRecord>()(z.strictObject({ responseId: id, organisationId: id.nullable() })),

  getKioskState: method<KioskState>()(none),
  setResearcherPin: method<KioskState>()(z.strictObject({ pin, currentPin: pin.nullable() })),
  startKiosk: method<KioskState>()(z.strictObject({ waveId: id, pin })),
  exitKiosk: method<KioskState>()(z.strictObject({ pin })),
  /** In kiosk mode: the respondent gave consent and a code; starts their response. */
  kioskBegin: method<ResponseRecord>()(
    z.strictObject({
      respondentCode,
      consent: z.literal(true, { error: 'Zonder toestemming kan de vragenlijst niet worden ingevuld' }),
      language: locale,
    }),
  ),
  /** In kiosk mode: back to the welcome screen (after thanks or a timeout); saved answers stay as an incomplete response. */
  kioskReset: method<KioskState>()(none),

  importInstrument: method<InstrumentSummary>()(
    z.strictObject({ definitionJson: z.string().min(2).max(1_000_000, 'Het bestand is te groot (meer dan 1 MB)') }),
  ),
  exportInstrument: method<ExportResult>()(instrumentRef),

  getWaveOverview: method<WaveOverview>()(z.strictObject({ waveId: id })),

  // --- results (issue 4) ---
  getDashboard: method<Dashboard>()(
    z.strictObject({
      networkId: id,
      /** Waves to show, in measurement order; empty means all waves of the network. */
      waveIds: z.array(id).max(20),
      instrumentId: z.string().min(1).max(64),
      breakdown: z.enum(['none', 'role', 'discipline'], { error: 'Kies geen uitsplitsing, rolgroep of discipline' }),
    }),
  ),
  compareNetworks: method<NetworkComparison>()(
    z.strictObject({ networkIds: z.array(id).min(1, 'Kies ten minste één netwerk').max(50), instrumentId: z.string().min(1).max(64) }),
  ),
  // --- end results ---

  // --- backups, study files, audit log, erasure (issue 6) ---
  // --- end issue 6 ---
  exportWaveAnswers: method<ExportResult>()(z.strictObject({ waveId: id })),
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export type Input<K extends MethodName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends MethodName> = z.output<Contract[K]['input']>;
export type Output<K extends MethodName> = NonNullable<Contract[K]['output']>;

/** What the preload exposes as `window.api` (and the harness shim imitates): one function per method. */
export type BridgeApi = { [K in MethodName]: (input: Input<K>) => Promise<Envelope<Output<K>>> };

/** The renderer's view: the same methods, unwrapped, throwing ApiError on failure. */
export type Api = { [K in MethodName]: (input: Input<K>) => Promise<Output<K>> };

/** What the main process (and the harness) implements. */
export type Handlers = { [K in MethodName]: (input: ParsedInput<K>) => Output<K> | Promise<Output<K>> };
