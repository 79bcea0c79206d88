import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { applyPragmas, migrate, openDatabase } from '../../../electron/db/open';
import { getNetwork } from '../../../electron/db/repositories/networks';
import { useTempDir } from '../../support/tmp';

const tempDir = useTempDir();
const now = '2026-01-15T10:00:00.000Z';

/** A v5 file with two networks, one with its own kiosk settings. */
function v5File(): string {
  const file = join(tempDir(), 'v5.sqlite');
  const db = new Database(file);
  applyPragmas(db);
  migrate(db, 0, MIGRATIONS.slice(0, 5));
  db.exec(`
    INSERT INTO networks (id, name, created_at, updated_at, device_id) VALUES ('n1', 'Wijknetwerk', '${now}', '${now}', 'd');
    INSERT INTO networks (id, name, created_at, updated_at, device_id, consent_nl, code_policy, idle_seconds) VALUES ('n2', 'Dementie Oost', '${now}', '${now}', 'd', 'Eigen tekst', 'self', 300);
  `);
  db.close();
  return file;
}

describe('migration 0006: what Stoppen in kiosk mode does with the answers', () => {
  it('migrates a v5 file; every existing network keeps the answers of who stops, its other settings unchanged', () => {
    const { db, fromVersion, backupPath } = openDatabase(v5File(), MIGRATIONS.slice(0, 6));
    expect(fromVersion).toBe(5);
    expect(backupPath).not.toBeNull();
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare('SELECT id, kiosk_stop, consent_nl, code_policy, idle_seconds FROM networks ORDER BY id').all()).toEqual([
      { id: 'n1', kiosk_stop: 'keep', consent_nl: null, code_policy: 'free', idle_seconds: 180 },
      { id: 'n2', kiosk_stop: 'keep', consent_nl: 'Eigen tekst', code_policy: 'self', idle_seconds: 300 },
    ]);
    expect(getNetwork(db, 'n2')).toMatchObject({ name: 'Dementie Oost', kioskStop: 'keep' });
    db.close();
  });

  it('accepts keep and discard, and refuses anything else or nothing', () => {
    const { db } = openDatabase(v5File(), MIGRATIONS.slice(0, 6));
    db.prepare("UPDATE networks SET kiosk_stop = 'discard' WHERE id = 'n1'").run();
    expect(db.prepare("SELECT kiosk_stop FROM networks WHERE id = 'n1'").pluck().get()).toBe('discard');
    expect(() => db.prepare("UPDATE networks SET kiosk_stop = 'ask'").run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE networks SET kiosk_stop = NULL').run()).toThrow(/NOT NULL/);
    db.close();
  });
});
