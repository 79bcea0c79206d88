import { instrumentLanguages } from '../../../shared/instruments/languages';
import { parseStoredDefinition, type InstrumentDefinition } from '../../../shared/instruments/schema';
import type { InstrumentSummary } from '../../../shared/domain';
import type { Db } from '../open';
import { prepared } from '../prepared';

/** Stores a definition unless that id and version already exist (built-ins are seeded at every start). */
export function insertInstrumentIfMissing(db: Db, deviceId: string, def: InstrumentDefinition, builtIn: boolean, now: string): boolean {
  const result = prepared(db, 
      'INSERT OR IGNORE INTO instruments (instrument_id, version, definition, built_in, created_at, device_id) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(def.id, def.version, JSON.stringify(def), builtIn ? 1 : 0, now, deviceId);
  return result.changes === 1;
}

export function getInstrument(db: Db, instrumentId: string, version: number): InstrumentDefinition | undefined {
  const row = prepared(db, 'SELECT definition FROM instruments WHERE instrument_id = ? AND version = ?').get(instrumentId, version) as
    | { definition: string }
    | undefined;
  // Stored definitions passed the schema when written; parsing again guards against a hand-edited file.
  return row && parseStoredDefinition(JSON.parse(row.definition));
}

export function listInstruments(db: Db): InstrumentSummary[] {
  const rows = prepared(db, 'SELECT instrument_id AS instrumentId, version, definition, frozen_at AS frozenAt, built_in AS builtIn FROM instruments ORDER BY instrument_id, version')
    .all() as { instrumentId: string; version: number; definition: string; frozenAt: string | null; builtIn: number }[];
  return rows.map((r) => {
    const def = JSON.parse(r.definition) as InstrumentDefinition;
    return {
      instrumentId: r.instrumentId,
      version: r.version,
      name: def.name,
      languages: instrumentLanguages(def),
      frozen: r.frozenAt !== null,
      builtIn: r.builtIn === 1,
    };
  });
}

/** Marks a version as used; from then on the triggers refuse changes to it. */
export function freezeInstrument(db: Db, instrumentId: string, version: number, now: string): void {
  prepared(db, 'UPDATE instruments SET frozen_at = ? WHERE instrument_id = ? AND version = ? AND frozen_at IS NULL').run(now, instrumentId, version);
}

/**
 * Replaces the definition of a version nobody has used yet (the editor saving a draft again). The
 * triggers of migration 0001 refuse a frozen version, and the WHERE leaves built-ins alone; the
 * count of changed rows says whether it happened.
 */
export function replaceUnfrozenDefinition(db: Db, def: InstrumentDefinition): boolean {
  const result = prepared(db, 'UPDATE instruments SET definition = ? WHERE instrument_id = ? AND version = ? AND frozen_at IS NULL AND built_in = 0').run(
    JSON.stringify(def),
    def.id,
    def.version,
  );
  return result.changes === 1;
}
