import type { Database } from 'better-sqlite3';

/**
 * Schema v1. Rows that can travel between laptops (a later merge of study files) carry a UUID
 * key and the id of the device that wrote them. Enumerations are CHECK constraints so a bad
 * value cannot land even if a caller skips validation.
 */
export function migrateToVersion1(db: Database): void {
  db.exec(`
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE networks (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
      description TEXT,
      min_group_size INTEGER NOT NULL DEFAULT 5 CHECK (min_group_size BETWEEN 1 AND 100),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      device_id TEXT NOT NULL
    ) STRICT;

    CREATE TABLE organisations (
      id TEXT PRIMARY KEY,
      network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE RESTRICT,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
      sector TEXT NOT NULL CHECK (sector IN ('zorg','welzijn','gemeente','huisartsenzorg','ziekenhuis','zorgverzekeraar','vrijwilligers','onderwijs','overig')),
      size_class TEXT CHECK (size_class IS NULL OR size_class IN ('lt100','ge100')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      device_id TEXT NOT NULL,
      UNIQUE (network_id, name)
    ) STRICT;

    CREATE TABLE instruments (
      instrument_id TEXT NOT NULL,
      version INTEGER NOT NULL CHECK (version >= 1),
      definition TEXT NOT NULL CHECK (json_valid(definition)),
      built_in INTEGER NOT NULL DEFAULT 0 CHECK (built_in IN (0,1)),
      -- Set when the first response uses this version; from then on the definition may not change.
      frozen_at TEXT,
      created_at TEXT NOT NULL,
      device_id TEXT NOT NULL,
      PRIMARY KEY (instrument_id, version)
    ) STRICT;

    CREATE TRIGGER instruments_frozen_no_update BEFORE UPDATE OF definition, instrument_id, version, frozen_at ON instruments
    WHEN OLD.frozen_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'instrument version is frozen'); END;

    CREATE TRIGGER instruments_frozen_no_delete BEFORE DELETE ON instruments
    WHEN OLD.frozen_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'instrument version is frozen'); END;

    CREATE TABLE waves (
      id TEXT PRIMARY KEY,
      network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE RESTRICT,
      label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 40),
      kind TEXT NOT NULL CHECK (kind IN ('T0','T1','T2','custom')),
      planned_date TEXT,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      device_id TEXT NOT NULL,
      UNIQUE (network_id, label)
    ) STRICT;

    CREATE TABLE wave_instruments (
      wave_id TEXT NOT NULL REFERENCES waves(id) ON DELETE CASCADE,
      instrument_id TEXT NOT NULL,
      instrument_version INTEGER NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (wave_id, instrument_id),
      FOREIGN KEY (instrument_id, instrument_version) REFERENCES instruments(instrument_id, version) ON DELETE RESTRICT
    ) STRICT;

    CREATE TABLE respondents (
      id TEXT PRIMARY KEY,
      network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE RESTRICT,
      code TEXT NOT NULL CHECK (length(code) BETWEEN 3 AND 16),
      code_kind TEXT NOT NULL DEFAULT 'free' CHECK (code_kind IN ('free','assigned','self')),
      organisation_id TEXT REFERENCES organisations(id) ON DELETE SET NULL,
      role_group TEXT,
      discipline TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      device_id TEXT NOT NULL,
      UNIQUE (network_id, code)
    ) STRICT;

    CREATE TABLE responses (
      id TEXT PRIMARY KEY,
      respondent_id TEXT NOT NULL REFERENCES respondents(id) ON DELETE RESTRICT,
      wave_id TEXT NOT NULL REFERENCES waves(id) ON DELETE RESTRICT,
      status TEXT NOT NULL CHECK (status IN ('in_progress','complete')),
      mode TEXT NOT NULL CHECK (mode IN ('form','kiosk','paper')),
      started_at TEXT NOT NULL,
      completed_at TEXT,
      updated_at TEXT NOT NULL,
      device_id TEXT NOT NULL,
      UNIQUE (respondent_id, wave_id),
      CHECK ((status = 'complete') = (completed_at IS NOT NULL))
    ) STRICT;
    CREATE INDEX responses_wave ON responses(wave_id);

    CREATE TABLE answers (
      id TEXT PRIMARY KEY,
      response_id TEXT NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
      instrument_id TEXT NOT NULL,
      instrument_version INTEGER NOT NULL,
      item_id TEXT NOT NULL,
      value INTEGER,
      text TEXT,
      updated_at TEXT NOT NULL,
      device_id TEXT NOT NULL,
      UNIQUE (response_id, instrument_id, item_id),
      CHECK (value IS NOT NULL OR text IS NOT NULL),
      FOREIGN KEY (instrument_id, instrument_version) REFERENCES instruments(instrument_id, version) ON DELETE RESTRICT
    ) STRICT;

    -- Append-only: who did what when. Triggers refuse any change to a written entry.
    CREATE TABLE audit_log (
      id TEXT PRIMARY KEY,
      at TEXT NOT NULL,
      device_id TEXT NOT NULL,
      actor TEXT,
      action TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT,
      details TEXT CHECK (details IS NULL OR json_valid(details))
    ) STRICT;
    CREATE INDEX audit_log_at ON audit_log(at);

    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
  `);
}
