import type { Db } from '../open';
import { prepared } from '../prepared';

/**
 * Erasure (AVG/GDPR): deleting a respondent and everything they answered, and the register of
 * erased ids that keeps them from coming back through a study file or a restored backup. The
 * register holds ids only; the code and the answers are gone.
 */

export interface RespondentToErase {
  id: string;
  networkId: string;
  code: string;
  responses: { id: string; waveLabel: string; status: 'in_progress' | 'complete' }[];
}

export function findRespondentToErase(db: Db, networkId: string, code: string): RespondentToErase | undefined {
  const respondent = prepared(db, 'SELECT id, network_id AS networkId, code FROM respondents WHERE network_id = ? AND code = ?').get(networkId, code) as
    | Omit<RespondentToErase, 'responses'>
    | undefined;
  if (!respondent) return undefined;
  const responses = prepared(
    db,
    `SELECT r.id, w.label AS waveLabel, r.status FROM responses r JOIN waves w ON w.id = r.wave_id WHERE r.respondent_id = ?
     ORDER BY CASE w.kind WHEN 'T0' THEN 0 WHEN 'T1' THEN 1 WHEN 'T2' THEN 2 ELSE 3 END, w.created_at`,
  ).all(respondent.id) as RespondentToErase['responses'];
  return { ...respondent, responses };
}

/** Adds ids to the register (an id already there stays as it was). */
export function registerErasure(db: Db, entry: { id: string; kind: 'respondent' | 'response'; networkId: string; erasedAt: string; deviceId: string }): boolean {
  return (
    prepared(db, 'INSERT INTO erasures (id, kind, network_id, erased_at, device_id) SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM erasures WHERE id = ?)').run(
      entry.id,
      entry.kind,
      entry.networkId,
      entry.erasedAt,
      entry.deviceId,
      entry.id,
    ).changes === 1
  );
}

/**
 * Deletes every row the register names: responses (their answers go with them), then respondents
 * with any response they still have and the link decisions about them. Returns how many responses
 * and respondents went.
 */
export function applyErasureRegister(db: Db): { responses: number; respondents: number } {
  prepared(db, "DELETE FROM merge_decisions WHERE response_id IN (SELECT id FROM erasures WHERE kind = 'response')").run();
  // Link decisions are append-only; their table lets a decision go only once a respondent of it is in the register.
  prepared(
    db,
    `DELETE FROM link_decisions WHERE baseline_respondent_id IN (SELECT id FROM erasures WHERE kind = 'respondent')
       OR follow_up_respondent_id IN (SELECT id FROM erasures WHERE kind = 'respondent')`,
  ).run();
  const responses =
    prepared(db, "DELETE FROM responses WHERE id IN (SELECT id FROM erasures WHERE kind = 'response')").run().changes +
    prepared(db, "DELETE FROM responses WHERE respondent_id IN (SELECT id FROM erasures WHERE kind = 'respondent')").run().changes;
  const respondents = prepared(db, "DELETE FROM respondents WHERE id IN (SELECT id FROM erasures WHERE kind = 'respondent')").run().changes;
  return { responses, respondents };
}

/** Rows erased content is overwritten with zeros from now on, for this connection (SQLite's secure_delete). */
export function secureDelete(db: Db): void {
  db.pragma('secure_delete = ON');
}

/**
 * Moves everything from the WAL into the database file and empties the WAL, so no earlier copy of
 * an erased page stays behind in it. Best effort: with another reader active it may not complete.
 */
export function flushWal(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

// --- Restoring a backup --------------------------------------------------------------------------

export interface ErasureEntry {
  id: string;
  kind: 'respondent' | 'response';
  networkId: string;
  erasedAt: string;
  deviceId: string;
}

/**
 * For a restore, with the database being replaced attached as `previous` to the restored one
 * (main): the entries of its register the restored one lacks (erasures since the backup was
 * made), split by the rule of docs/decisions/2026-12-01-restore.md. `keep`: erased on this laptop
 * (never undone), or whose row the backup does not hold (nothing to bring back). `bringBack`: an
 * erasure made on another laptop, which came in with a study file imported after the backup, of
 * a row the backup still holds.
 */
export function erasuresSinceBackup(db: Db, thisDevice: string): { keep: ErasureEntry[]; bringBack: ErasureEntry[] } {
  const rows = db
    .prepare(
      `SELECT p.id, p.kind, p.network_id AS networkId, p.erased_at AS erasedAt, p.device_id AS deviceId,
              p.device_id <> ? AND CASE p.kind
                WHEN 'respondent' THEN EXISTS (SELECT 1 FROM main.respondents r WHERE r.id = p.id)
                ELSE EXISTS (SELECT 1 FROM main.responses r WHERE r.id = p.id) END AS bringBack
       FROM previous.erasures p
       WHERE NOT EXISTS (SELECT 1 FROM main.erasures e WHERE e.id = p.id)
       ORDER BY p.rowid`,
    )
    .all(thisDevice) as (ErasureEntry & { bringBack: 0 | 1 })[];
  const entry = ({ bringBack: _b, ...e }: ErasureEntry & { bringBack: 0 | 1 }): ErasureEntry => e;
  return { keep: rows.filter((r) => !r.bringBack).map(entry), bringBack: rows.filter((r) => r.bringBack).map(entry) };
}

/** Whether the row an erasure names is in the database. */
export function erasedRowPresent(db: Db, entry: Pick<ErasureEntry, 'id' | 'kind'>): boolean {
  const table = entry.kind === 'respondent' ? 'respondents' : 'responses';
  return !!prepared(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(entry.id);
}
