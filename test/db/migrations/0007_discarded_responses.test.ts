import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { applyPragmas, migrate, openDatabase } from '../../../electron/db/open';
import { useTempDir } from '../../support/tmp';

const tempDir = useTempDir();
const now = '2026-01-15T10:00:00.000Z';
const responseId = '6f1c2b1e-9a0d-4c1e-8a7b-0c2d3e4f5a6b';

function v6File(): string {
  const file = join(tempDir(), 'v6.sqlite');
  const db = new Database(file);
  applyPragmas(db);
  migrate(db, 0, MIGRATIONS.slice(0, 6));
  db.exec(`INSERT INTO networks (id, name, created_at, updated_at, device_id) VALUES ('n1', 'Wijknetwerk', '${now}', '${now}', 'd')`);
  db.close();
  return file;
}

describe('migration 0007: the register of thrown-away responses', () => {
  it('migrates a v6 file to an empty register, its other data unchanged', () => {
    const { db, fromVersion } = openDatabase(v6File(), MIGRATIONS.slice(0, 7));
    expect(fromVersion).toBe(6);
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(db.prepare('SELECT count(*) AS n FROM discarded_responses').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT name FROM networks').all()).toEqual([{ name: 'Wijknetwerk' }]);
    db.close();
  });

  it('is append-only: an entry is never changed, removed or replaced', () => {
    const { db } = openDatabase(v6File(), MIGRATIONS.slice(0, 7));
    db.prepare('INSERT INTO discarded_responses (id, network_id, discarded_at, device_id) VALUES (?, ?, ?, ?)').run(responseId, 'n1', now, 'd');
    expect(() => db.prepare('UPDATE discarded_responses SET device_id = ?').run('x')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM discarded_responses').run()).toThrow(/append-only/);
    expect(() => db.prepare('INSERT OR REPLACE INTO discarded_responses (id, network_id, discarded_at, device_id) VALUES (?, ?, ?, ?)').run(responseId, 'n1', now, 'e')).toThrow(/append-only/);
    expect(db.prepare('SELECT id, device_id FROM discarded_responses').all()).toEqual([{ id: responseId, device_id: 'd' }]);
    db.close();
  });
});
