import type { Database } from 'better-sqlite3';

/**
 * Schema v3, for erasure (AVG/GDPR) and merging laptops:
 * - `erasures`: the register of erased rows, by id only (never a code or an answer). A study file
 *   carries it to other laptops, and an import or a restore never brings an erased row back. The
 *   register itself is append-only.
 * - `merge_decisions`: what the user chose for a conflict in a study file, per incoming response
 *   and pair of versions, so importing the same file again asks nothing and changes nothing.
 * - A hole in v1's append-only audit log closed: `INSERT OR REPLACE` deletes the old row without
 *   firing DELETE triggers (SQLite fires them only with recursive_triggers on), so an insert
 *   with an id that is already there is now refused. Same for the erasure register.
 */
export function migrateToVersion3(db: Database): void {
  db.exec(`
    CREATE TABLE erasures (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('respondent','response')),
      network_id TEXT NOT NULL,
      erased_at TEXT NOT NULL,
      device_id TEXT NOT NULL
    ) STRICT;
    CREATE INDEX erasures_network ON erasures(network_id);

    CREATE TRIGGER erasures_no_update BEFORE UPDATE ON erasures
    BEGIN SELECT RAISE(ABORT, 'erasure register is append-only'); END;
    CREATE TRIGGER erasures_no_delete BEFORE DELETE ON erasures
    BEGIN SELECT RAISE(ABORT, 'erasure register is append-only'); END;

    CREATE TRIGGER erasures_no_replace BEFORE INSERT ON erasures
    WHEN EXISTS (SELECT 1 FROM erasures WHERE id = NEW.id)
    BEGIN SELECT RAISE(ABORT, 'erasure register is append-only'); END;

    CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
    WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
    BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;

    CREATE TABLE merge_decisions (
      response_id TEXT NOT NULL,
      -- SHA-256 of the local and the incoming version together: a decision holds only for exactly those two.
      versions_hash TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('conflict','duplicate')),
      choice TEXT NOT NULL CHECK (choice IN ('local','incoming','both')),
      decided_at TEXT NOT NULL,
      device_id TEXT NOT NULL,
      PRIMARY KEY (response_id, versions_hash)
    ) STRICT;
  `);
}
