import { z } from 'zod';
import {
  RESPONSE_MODES,
  SECTORS,
  SIZE_CLASSES,
  WAVE_KINDS,
  type AppInfo,
  type ExportResult,
  type InstrumentSummary,
  type Network,
  type NetworkDetail,
  type NetworkSummary,
  type Organisation,
  type ResponseRecord,
  type SavedAnswer,
  type Wave,
  type WaveOverview,
} from './domain';
import type { Envelope } from './errors';
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

  getWaveOverview: method<WaveOverview>()(z.strictObject({ waveId: id })),
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
