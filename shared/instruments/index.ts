import { achtergrond, achtergrondVersion1 } from './achtergrond';
import { interprofessioneelSamenwerken } from './interprofessioneel-samenwerken';
import { kansrijkeSamenwerking } from './kansrijke-samenwerking';
import { mdoEvaluatie } from './mdo-evaluatie';
import { netwerkfase } from './netwerkfase';
import { partnernetwerk } from './partnernetwerk';
import type { InstrumentDefinition } from './schema';

export * from './schema';
export { DONT_KNOW_CODE } from './kansrijke-samenwerking';
export { DEFAULT_WAVE_INSTRUMENTS } from './defaults';

/**
 * Instruments that ship with the app; they are stored in each database on first start. Their
 * item ids are export columns, so they are unique across all of them (each has its own prefix).
 * An instrument may ship in more than one version (an older one for the waves that use it, and
 * stored on every start so that laptops agree); new waves are offered only the newest.
 */
export const builtInInstruments: readonly InstrumentDefinition[] = [kansrijkeSamenwerking, interprofessioneelSamenwerken, netwerkfase, achtergrondVersion1, achtergrond, mdoEvaluatie, partnernetwerk];
