import type { Database } from 'better-sqlite3';

/**
 * Schema v12: answers about partner organisations. A relation item ("how often do you work with
 * …", "how much do you trust …") is asked once for every partner organisation, so its answers name
 * the organisation and cannot share the answers table's one row per item. Erasing or throwing away
 * a response deletes its relation answers with it; an organisation named in one is in use and is
 * archived, never deleted.
 */
export function migrateToVersion12(db: Database): void {
  db.exec(`
    CREATE TABLE relation_answers (
      id TEXT PRIMARY KEY,
      response_id TEXT NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
      instrument_id TEXT NOT NULL,
      instrument_version INTEGER NOT NULL,
      item_id TEXT NOT NULL,
      organisation_id TEXT NOT NULL REFERENCES organisations(id) ON DELETE RESTRICT,
      value INTEGER NOT NULL,
      updated_at TEXT NOT NULL,
      device_id TEXT NOT NULL,
      UNIQUE (response_id, instrument_id, item_id, organisation_id),
      FOREIGN KEY (instrument_id, instrument_version) REFERENCES instruments(instrument_id, version) ON DELETE RESTRICT
    ) STRICT;
    CREATE INDEX relation_answers_organisation ON relation_answers(organisation_id);
  `);
}
