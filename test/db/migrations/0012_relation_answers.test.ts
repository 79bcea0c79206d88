import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { applyPragmas, migrate, openDatabase } from '../../../electron/db/open';
import { useTempDir } from '../../support/tmp';

const tempDir = useTempDir();
const now = '2026-01-15T10:00:00.000Z';

function v11File(): string {
  const file = join(tempDir(), 'v11.sqlite');
  const db = new Database(file);
  applyPragmas(db);
  migrate(db, 0, MIGRATIONS.slice(0, 11));
  db.exec(`
    INSERT INTO networks (id, name, created_at, updated_at, device_id) VALUES ('n1', 'Wijknetwerk', '${now}', '${now}', 'd');
    INSERT INTO organisations (id, network_id, name, sector, created_at, updated_at, device_id) VALUES ('o1', 'n1', 'Thuiszorg Oost', 'zorg', '${now}', '${now}', 'd');
    INSERT INTO organisations (id, network_id, name, sector, created_at, updated_at, device_id) VALUES ('o2', 'n1', 'Huisartsen Centrum', 'huisartsenzorg', '${now}', '${now}', 'd');
    INSERT INTO instruments (instrument_id, version, definition, created_at, device_id) VALUES ('netwerk', 1, '{}', '${now}', 'd');
    INSERT INTO waves (id, network_id, label, kind, created_at, updated_at, device_id) VALUES ('w1', 'n1', 'Nulmeting', 'T0', '${now}', '${now}', 'd');
    INSERT INTO respondents (id, network_id, code, organisation_id, created_at, updated_at, device_id) VALUES ('p1', 'n1', 'ABC123', 'o1', '${now}', '${now}', 'd');
    INSERT INTO responses (id, respondent_id, wave_id, status, mode, started_at, updated_at, device_id) VALUES ('r1', 'p1', 'w1', 'in_progress', 'kiosk', '${now}', '${now}', 'd');
  `);
  db.close();
  return file;
}

const answer = (id: string, organisation: string, value: number) =>
  `INSERT INTO relation_answers (id, response_id, instrument_id, instrument_version, item_id, organisation_id, value, updated_at, device_id)
   VALUES ('${id}', 'r1', 'netwerk', 1, 'pa_frequentie', '${organisation}', ${value}, '${now}', 'd')`;

describe('migration 0012: answers about partner organisations', () => {
  it('migrates a v11 file to an empty table', () => {
    const { db, fromVersion } = openDatabase(v11File(), MIGRATIONS.slice(0, 12));
    expect(fromVersion).toBe(11);
    expect(db.pragma('user_version', { simple: true })).toBe(12);
    expect(db.prepare('SELECT count(*) AS n FROM relation_answers').get()).toEqual({ n: 0 });
    db.close();
  });

  it('holds one answer per item and organisation, keeps a named organisation, and goes with its response', () => {
    const { db } = openDatabase(v11File(), MIGRATIONS.slice(0, 12));
    db.exec(answer('a1', 'o2', 3));
    expect(() => db.exec(answer('a2', 'o2', 4))).toThrow(/UNIQUE/);
    expect(() => db.exec(answer('a3', 'o9', 4))).toThrow(/FOREIGN KEY/);
    expect(() => db.exec("DELETE FROM organisations WHERE id = 'o2'")).toThrow(/FOREIGN KEY/);
    db.exec("DELETE FROM responses WHERE id = 'r1'");
    expect(db.prepare('SELECT count(*) AS n FROM relation_answers').get()).toEqual({ n: 0 });
    db.close();
  });
});
