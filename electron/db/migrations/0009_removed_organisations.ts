import type { Database } from 'better-sqlite3';

/**
 * Schema v9: the register of removed partner organisations. `removeOrganisation` removes an
 * organisation no response or respondent names; the register keeps its id (and its network), travels
 * in study files, and makes sure a merge never brings the organisation back from a laptop that still
 * had it. Append-only, like the registers of erasures and thrown-away responses; see
 * docs/decisions/2026-12-01-network-edits.md.
 */
export function migrateToVersion9(db: Database): void {
  db.exec(`
    CREATE TABLE removed_organisations (
      id TEXT PRIMARY KEY,
      network_id TEXT NOT NULL,
      removed_at TEXT NOT NULL,
      device_id TEXT NOT NULL
    ) STRICT;
    CREATE INDEX removed_organisations_network ON removed_organisations(network_id);

    CREATE TRIGGER removed_organisations_no_update BEFORE UPDATE ON removed_organisations
    BEGIN SELECT RAISE(ABORT, 'the register of removed organisations is append-only'); END;
    CREATE TRIGGER removed_organisations_no_delete BEFORE DELETE ON removed_organisations
    BEGIN SELECT RAISE(ABORT, 'the register of removed organisations is append-only'); END;
    -- INSERT OR REPLACE would delete the old row without firing the DELETE trigger.
    CREATE TRIGGER removed_organisations_no_replace BEFORE INSERT ON removed_organisations
    WHEN EXISTS (SELECT 1 FROM removed_organisations WHERE id = NEW.id)
    BEGIN SELECT RAISE(ABORT, 'the register of removed organisations is append-only'); END;
  `);
}
