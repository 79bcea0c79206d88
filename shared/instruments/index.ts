import { kansrijkeSamenwerking } from './kansrijke-samenwerking';
import type { InstrumentDefinition } from './schema';

export * from './schema';
export { DONT_KNOW_CODE } from './kansrijke-samenwerking';

/** Instruments that ship with the app; they are stored in each database on first start. */
export const builtInInstruments: readonly InstrumentDefinition[] = [kansrijkeSamenwerking];
