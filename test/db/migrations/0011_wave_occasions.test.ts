import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { applyPragmas, migrate, openDatabase } from '../../../electron/db/open';
import { useTempDir } from '../../support/tmp';

const tempDir = useTempDir();
const now = '2026-01-15T10:00:00.000Z';

function v10File(): string {
  const file = join(tempDir(), 'v10.sqlite');
  const db = new Database(file);
  applyPragmas(db);
  migrate(db, 0, MIGRATIONS.slice(0, 10));
  db.exec(`
    INSERT INTO networks (id, name, created_at, updated_at, device_id) VALUES ('n1', 'Wijknetwerk', '${now}', '${now}', 'd');
    INSERT INTO waves (id, network_id, label, kind, created_at, updated_at, device_id) VALUES ('w1', 'n1', 'Nulmeting', 'T0', '${now}', '${now}', 'd');
  `);
  db.close();
  return file;
}

const wave = (id: string, label: string, occasion: string | null, moment: string | null) =>
  `INSERT INTO waves (id, network_id, label, kind, occasion_id, occasion_moment, created_at, updated_at, device_id)
   VALUES ('${id}', 'n1', '${label}', 'custom', ${occasion === null ? 'NULL' : `'${occasion}'`}, ${moment === null ? 'NULL' : `'${moment}'`}, '${now}', '${now}', 'd')`;

describe('migration 0011: occasions within a wave, each with a before and an after wave', () => {
  it('migrates a v10 file; existing waves belong to no occasion', () => {
    const { db, fromVersion } = openDatabase(v10File(), MIGRATIONS.slice(0, 11));
    expect(fromVersion).toBe(10);
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    expect(db.prepare('SELECT id, occasion_id, occasion_moment FROM waves').all()).toEqual([{ id: 'w1', occasion_id: null, occasion_moment: null }]);
    expect(db.prepare('SELECT count(*) AS n FROM occasions').get()).toEqual({ n: 0 });
    db.close();
  });

  it('holds one before and one after wave per occasion, and refuses a third moment, a second before or an unknown occasion', () => {
    const { db } = openDatabase(v10File(), MIGRATIONS.slice(0, 11));
    db.exec(`INSERT INTO occasions (id, wave_id, label, held_on, created_at, updated_at, device_id) VALUES ('mdo1', 'w1', 'MDO 12 maart', '2026-03-12', '${now}', '${now}', 'd')`);
    db.exec(wave('b1', 'MDO 12 maart voor', 'mdo1', 'before'));
    db.exec(wave('a1', 'MDO 12 maart na', 'mdo1', 'after'));
    expect(() => db.exec(wave('b2', 'MDO 12 maart voor (2)', 'mdo1', 'before'))).toThrow(/UNIQUE/);
    expect(() => db.exec(wave('x1', 'MDO tijdens', 'mdo1', 'during'))).toThrow(/CHECK/);
    expect(() => db.exec(wave('x2', 'MDO onbekend', 'nope', 'before'))).toThrow(/FOREIGN KEY/);
    expect(() => db.exec(`INSERT INTO occasions (id, wave_id, label, held_on, created_at, updated_at, device_id) VALUES ('mdo2', 'w1', 'MDO', '12-03-2026', '${now}', '${now}', 'd')`)).toThrow(/CHECK/);
    expect(() => db.exec("DELETE FROM occasions WHERE id = 'mdo1'")).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
