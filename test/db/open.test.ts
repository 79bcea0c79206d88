import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../electron/db/migrations';
import { openDatabase } from '../../electron/db/open';
import { ApiError } from '../../shared/errors';
import { useTempDir } from '../support/tmp';

const tempDir = useTempDir();
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function refusal(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected the database to be refused');
}

/** A closed database file at the latest schema, with one network. */
function makeCurrentFile(): string {
  const file = join(tempDir(), 'data.sqlite');
  const { db } = openDatabase(file);
  db.prepare("INSERT INTO networks (id, name, created_at, updated_at, device_id) VALUES ('n1', 'Wijknetwerk Oost', 'x', 'x', 'd')").run();
  db.close();
  return file;
}

describe('openDatabase', () => {
  it('creates a new file with the app pragmas and the latest schema', () => {
    const file = join(tempDir(), 'sub', 'new.sqlite');
    const { db, fromVersion, backupPath } = openDatabase(file);
    expect(fromVersion).toBe(0);
    expect(backupPath).toBeNull();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
    expect(existsSync(file)).toBe(true);
  });

  it('reopens an existing file without migrating or copying it', () => {
    const file = makeCurrentFile();
    const { db, fromVersion, backupPath } = openDatabase(file);
    expect(fromVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(backupPath).toBeNull();
    expect(db.prepare('SELECT name FROM networks').get()).toEqual({ name: 'Wijknetwerk Oost' });
    db.close();
  });

  it('refuses a file from a newer app, names both versions and leaves the file as it was', () => {
    const file = makeCurrentFile();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 3}`);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = sha(file);
    const err = refusal(() => openDatabase(file));
    expect(err.code).toBe('DB_NEWER_VERSION');
    expect(err.message).toContain(`schemaversie ${LATEST_SCHEMA_VERSION + 3}`);
    expect(err.message).toContain(`schemaversie ${LATEST_SCHEMA_VERSION} kent`);
    expect(sha(file)).toBe(before);
  });

  it.each([
    ['truncated', (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2) + 100)],
    ['byte-flipped in a table page', (bytes: Buffer) => {
      const copy = Buffer.from(bytes);
      for (let i = 4096 + 16; i < Math.min(copy.length, 4096 * 3); i += 7) copy[i] = copy[i]! ^ 0xff;
      return copy;
    }],
    ['not a database at all', () => Buffer.from('Dit is een boodschappenlijstje, geen database.\n'.repeat(200))],
  ])('refuses a damaged file (%s) with a clear message and never overwrites it', (_name, damage) => {
    const file = makeCurrentFile();
    writeFileSync(file, damage(readFileSync(file)));
    const before = sha(file);
    const err = refusal(() => openDatabase(file));
    expect(err.code).toBe('DB_DAMAGED');
    expect(err.message).toMatch(/beschadigd/);
    expect(err.message).toMatch(/niet gewijzigd/);
    expect(sha(file)).toBe(before);
  });

  it('copies the file before migrating, and the copy still has the old schema and data', () => {
    const file = makeCurrentFile();
    const next: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      file: 'test_step',
      up: (db) => db.exec('ALTER TABLE networks ADD COLUMN region TEXT'),
    };
    const { db, fromVersion, backupPath } = openDatabase(file, [...MIGRATIONS, next]);
    expect(fromVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    db.close();
    expect(backupPath).not.toBeNull();
    // In the backups folder beside the file, named like every other backup.
    expect(readdirSync(join(file, '..', 'backups')).some((f) => f.includes(`voor-migratie-v${LATEST_SCHEMA_VERSION}`))).toBe(true);
    const copy = new Database(backupPath!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(copy.prepare('SELECT name FROM networks').get()).toEqual({ name: 'Wijknetwerk Oost' });
    const cols = (copy.prepare('PRAGMA table_info(networks)').all() as { name: string }[]).map((c) => c.name);
    expect(cols).not.toContain('region');
    copy.close();
  });

  it('runs all pending steps in one transaction: a failing step leaves the earlier ones undone too', () => {
    const file = makeCurrentFile();
    const steps: Migration[] = [
      ...MIGRATIONS,
      { version: LATEST_SCHEMA_VERSION + 1, file: 'ok_step', up: (db) => db.exec('CREATE TABLE extra (x INTEGER)') },
      { version: LATEST_SCHEMA_VERSION + 2, file: 'bad_step', up: (db) => db.exec('ALTER TABLE no_such_table ADD COLUMN y TEXT') },
    ];
    expect(() => openDatabase(file, steps)).toThrow(/no_such_table/);
    const { db } = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'extra'").get()).toEqual({ n: 0 });
    db.close();
  });
});
