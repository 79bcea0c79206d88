import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { applyPragmas, migrate, openDatabase } from '../../../electron/db/open';
import { useTempDir } from '../../support/tmp';

const tempDir = useTempDir();
const now = '2026-01-15T10:00:00.000Z';
const organisationId = '0b7e3c1a-5d2f-4e6a-9b8c-1d2e3f4a5b6c';

function v8File(): string {
  const file = join(tempDir(), 'v8.sqlite');
  const db = new Database(file);
  applyPragmas(db);
  migrate(db, 0, MIGRATIONS.slice(0, 8));
  db.exec(`INSERT INTO networks (id, name, created_at, updated_at, device_id) VALUES ('n1', 'Wijknetwerk', '${now}', '${now}', 'd')`);
  db.close();
  return file;
}

describe('migration 0009: the register of removed organisations', () => {
  it('migrates a v8 file to an empty register, its other data unchanged', () => {
    const { db, fromVersion } = openDatabase(v8File(), MIGRATIONS.slice(0, 9));
    expect(fromVersion).toBe(8);
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    expect(db.prepare('SELECT count(*) AS n FROM removed_organisations').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT name FROM networks').all()).toEqual([{ name: 'Wijknetwerk' }]);
    db.close();
  });

  it('is append-only: an entry is never changed, removed or replaced', () => {
    const { db } = openDatabase(v8File(), MIGRATIONS.slice(0, 9));
    db.prepare('INSERT INTO removed_organisations (id, network_id, removed_at, device_id) VALUES (?, ?, ?, ?)').run(organisationId, 'n1', now, 'd');
    expect(() => db.prepare('UPDATE removed_organisations SET device_id = ?').run('x')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM removed_organisations').run()).toThrow(/append-only/);
    expect(() => db.prepare('INSERT OR REPLACE INTO removed_organisations (id, network_id, removed_at, device_id) VALUES (?, ?, ?, ?)').run(organisationId, 'n1', now, 'e')).toThrow(/append-only/);
    expect(db.prepare('SELECT id, device_id FROM removed_organisations').all()).toEqual([{ id: organisationId, device_id: 'd' }]);
    db.close();
  });
});
