import type { Database } from 'better-sqlite3';

/**
 * Schema v4: a researcher's decisions on near matches of self-made codes (two codes that differ in
 * one element may be one person with a slip, or two people). Only accepted pairs are linked across
 * waves; see docs/decisions/2026-12-01-linking-and-self-codes.md.
 *
 * A decision names two respondents (ids only, never codes) and is append-only like the erasure
 * register: it is not changed or removed, except together with an erased respondent. One laptop
 * decides a pair once; two laptops may each have decided it, and both rows travel in study files
 * (a union), so the rule that picks the one that holds (the later, then the smaller device id) gives
 * the same answer on every laptop whatever order the files arrive in.
 */
export function migrateToVersion4(db: Database): void {
  db.exec(`
    CREATE TABLE link_decisions (
      id TEXT PRIMARY KEY,
      network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE RESTRICT,
      baseline_respondent_id TEXT NOT NULL REFERENCES respondents(id) ON DELETE RESTRICT,
      follow_up_respondent_id TEXT NOT NULL REFERENCES respondents(id) ON DELETE RESTRICT,
      decision TEXT NOT NULL CHECK (decision IN ('accepted','rejected')),
      decided_at TEXT NOT NULL,
      device_id TEXT NOT NULL,
      CHECK (baseline_respondent_id <> follow_up_respondent_id),
      UNIQUE (baseline_respondent_id, follow_up_respondent_id, device_id)
    ) STRICT;
    CREATE INDEX link_decisions_network ON link_decisions(network_id);
    CREATE INDEX link_decisions_follow_up ON link_decisions(follow_up_respondent_id);

    CREATE TRIGGER link_decisions_no_update BEFORE UPDATE ON link_decisions
    BEGIN SELECT RAISE(ABORT, 'link decisions are append-only'); END;

    -- Only the erasure of one of the two respondents takes a decision away.
    CREATE TRIGGER link_decisions_no_delete BEFORE DELETE ON link_decisions
    WHEN NOT EXISTS (
      SELECT 1 FROM erasures WHERE kind = 'respondent' AND id IN (OLD.baseline_respondent_id, OLD.follow_up_respondent_id)
    )
    BEGIN SELECT RAISE(ABORT, 'link decisions are append-only'); END;

    -- INSERT OR REPLACE would delete the old row without firing the DELETE trigger.
    CREATE TRIGGER link_decisions_no_replace BEFORE INSERT ON link_decisions
    WHEN EXISTS (
      SELECT 1 FROM link_decisions
      WHERE id = NEW.id
         OR (baseline_respondent_id = NEW.baseline_respondent_id AND follow_up_respondent_id = NEW.follow_up_respondent_id AND device_id = NEW.device_id)
    )
    BEGIN SELECT RAISE(ABORT, 'link decisions are append-only'); END;
  `);
}
