import type { Db } from '../open';
import { prepared } from '../prepared';

/**
 * The register of thrown-away responses (schema v7): ids only, append-only. A study file carries it,
 * so a response thrown away on one laptop is not brought back by another that had a copy, and the
 * copy there is thrown away too while it is unfinished (docs/decisions/2026-12-01-corrections.md).
 */

export interface DiscardEntry {
  id: string;
  networkId: string;
  discardedAt: string;
  deviceId: string;
}

/** Records a thrown-away response unless it is already in the register; true when it was added. */
export function registerDiscard(db: Db, entry: DiscardEntry): boolean {
  return (
    prepared(
      db,
      'INSERT INTO discarded_responses (id, network_id, discarded_at, device_id) SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM discarded_responses WHERE id = ?)',
    ).run(entry.id, entry.networkId, entry.discardedAt, entry.deviceId, entry.id).changes === 1
  );
}

export function isDiscarded(db: Db, responseId: string): boolean {
  return !!prepared(db, 'SELECT 1 FROM discarded_responses WHERE id = ?').get(responseId);
}

/**
 * Throws away every unfinished response in the register, with its answers, and a free respondent
 * code that is then used nowhere (as discardResponse does). A submitted response stays: it was
 * completed on another laptop after the copy here was thrown away, and a submitted questionnaire is
 * never thrown away silently. Returns how many responses went.
 */
export function applyDiscardRegister(db: Db): number {
  const gone = prepared(
    db,
    "SELECT id, respondent_id AS respondentId FROM responses WHERE status = 'in_progress' AND id IN (SELECT id FROM discarded_responses)",
  ).all() as { id: string; respondentId: string }[];
  for (const r of gone) {
    prepared(db, 'DELETE FROM answers WHERE response_id = ?').run(r.id);
    prepared(db, 'DELETE FROM responses WHERE id = ?').run(r.id);
    prepared(db, "DELETE FROM respondents WHERE id = ? AND code_kind = 'free' AND NOT EXISTS (SELECT 1 FROM responses WHERE respondent_id = ?)").run(r.respondentId, r.respondentId);
  }
  return gone.length;
}
