import { ApiError } from '../../shared/errors';
import { builtInInstruments, type InstrumentDefinition } from '../../shared/instruments';
import type { Db } from '../db/open';
import * as repo from '../db/repositories/instruments';
import type { ServiceContext } from './context';

export function seedBuiltInInstruments(db: Db, deviceId: string, now: string): void {
  db.transaction(() => {
    for (const def of builtInInstruments) repo.insertInstrumentIfMissing(db, deviceId, def, true, now);
  })();
}

// Parsed definitions by id@version. A version in use is frozen (triggers refuse changes), and
// nothing in the API edits a stored version, so a cached definition never goes stale.
const cache = new WeakMap<Db, Map<string, InstrumentDefinition>>();

export function loadInstrument(ctx: Pick<ServiceContext, 'db'>, instrumentId: string, version: number): InstrumentDefinition {
  let perDb = cache.get(ctx.db);
  if (!perDb) cache.set(ctx.db, (perDb = new Map()));
  const key = `${instrumentId}@${version}`;
  let def = perDb.get(key);
  if (!def) {
    def = repo.getInstrument(ctx.db, instrumentId, version);
    if (!def) throw new ApiError('NOT_FOUND', `Vragenlijst ${instrumentId} versie ${version} bestaat niet in deze database.`);
    perDb.set(key, def);
  }
  return def;
}
