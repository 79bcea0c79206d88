import type { Database } from 'better-sqlite3';

/**
 * Schema v7: the register of thrown-away responses. `discardResponse` removes an unfinished
 * response (one started under a mistyped code, a respondent who stopped); the register keeps its id
 * (never a code or an answer), travels in study files, and makes sure a merge never brings the
 * response back from a laptop that still had a copy. Append-only, like the erasure register; see
 * docs/decisions/2026-12-01-corrections.md.
 */
export function migrateToVersion7(db: Database): void {
  db.exec(`
    CREATE TABLE discarded_responses (
      id TEXT PRIMARY KEY,
      network_id TEXT NOT NULL,
      discarded_at TEXT NOT NULL,
      device_id TEXT NOT NULL
    ) STRICT;
    CREATE INDEX discarded_responses_network ON discarded_responses(network_id);

    CREATE TRIGGER discarded_responses_no_update BEFORE UPDATE ON discarded_responses
    BEGIN SELECT RAISE(ABORT, 'the register of thrown-away responses is append-only'); END;
    CREATE TRIGGER discarded_responses_no_delete BEFORE DELETE ON discarded_responses
    BEGIN SELECT RAISE(ABORT, 'the register of thrown-away responses is append-only'); END;
    -- INSERT OR REPLACE would delete the old row without firing the DELETE trigger.
    CREATE TRIGGER discarded_responses_no_replace BEFORE INSERT ON discarded_responses
    WHEN EXISTS (SELECT 1 FROM discarded_responses WHERE id = NEW.id)
    BEGIN SELECT RAISE(ABORT, 'the register of thrown-away responses is append-only'); END;
  `);
}
