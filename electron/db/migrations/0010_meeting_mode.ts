import type { Database } from 'better-sqlite3';

const OLD_MODE_CHECK = "CHECK (mode IN ('form','kiosk','paper'))";
const NEW_MODE_CHECK = "CHECK (mode IN ('form','kiosk','paper','meeting'))";

/**
 * Schema v10: meeting mode (*bijeenkomstmodus*), respondents answering on their own phones.
 *
 * 1. A response can have mode `meeting`. SQLite cannot alter a CHECK constraint, and rebuilding
 *    `responses` inside the migration transaction (foreign keys on, which cannot be switched off
 *    inside a transaction) would cascade-delete every answer. A wider CHECK changes nothing on disk
 *    and every existing row still satisfies it, so this uses SQLite's documented procedure for
 *    loosening a constraint: edit the table's SQL in sqlite_schema, bump the schema version, and
 *    run integrity_check (docs/decisions/2026-12-01-meeting-mode.md, *The new response mode*).
 * 2. `meeting_phones`: which phone session (the SHA-256 of its token, never the token) is bound to
 *    which response in a running meeting. Only for as long as the meeting runs: ending it deletes
 *    its rows; erasing or throwing away a response deletes its row with it.
 */
export function migrateToVersion10(db: Database): void {
  const table = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'responses'").get() as { sql: string } | undefined;
  if (!table?.sql.includes(OLD_MODE_CHECK)) throw new Error('migration 10: the responses table does not have the expected mode constraint');
  const version = db.pragma('schema_version', { simple: true }) as number;
  // better-sqlite3 runs SQLite in defensive mode, which forbids writing sqlite_schema; for this one statement it is lifted.
  db.unsafeMode(true);
  try {
    db.pragma('writable_schema = ON');
    db.prepare("UPDATE sqlite_schema SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = 'responses'").run(OLD_MODE_CHECK, NEW_MODE_CHECK);
    db.pragma(`schema_version = ${version + 1}`);
    db.pragma('writable_schema = OFF');
  } finally {
    db.unsafeMode(false);
  }
  const check = db.pragma('integrity_check', { simple: true });
  if (check !== 'ok') throw new Error(`migration 10: integrity check failed: ${String(check)}`);

  db.exec(`
    CREATE TABLE meeting_phones (
      token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
      meeting_id TEXT NOT NULL,
      response_id TEXT NOT NULL UNIQUE REFERENCES responses(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX meeting_phones_meeting ON meeting_phones(meeting_id);
  `);
}
