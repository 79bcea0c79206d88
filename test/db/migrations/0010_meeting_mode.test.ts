import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { applyPragmas, migrate, openDatabase } from '../../../electron/db/open';
import { useTempDir } from '../../support/tmp';

const tempDir = useTempDir();
const now = '2026-01-15T10:00:00.000Z';

/** A v9 file with a network, a wave, one kiosk response with two answers. */
function v9File(): string {
  const file = join(tempDir(), 'v9.sqlite');
  const db = new Database(file);
  applyPragmas(db);
  migrate(db, 0, MIGRATIONS.slice(0, 9));
  db.exec(`
    INSERT INTO instruments (instrument_id, version, definition, built_in, created_at, device_id) VALUES ('ks', 1, '{}', 1, '${now}', 'd');
    INSERT INTO networks (id, name, created_at, updated_at, device_id) VALUES ('n1', 'Wijknetwerk', '${now}', '${now}', 'd');
    INSERT INTO waves (id, network_id, label, kind, created_at, updated_at, device_id) VALUES ('w1', 'n1', 'T0', 'T0', '${now}', '${now}', 'd');
    INSERT INTO respondents (id, network_id, code, created_at, updated_at, device_id) VALUES ('p1', 'n1', 'ABC', '${now}', '${now}', 'd');
    INSERT INTO respondents (id, network_id, code, created_at, updated_at, device_id) VALUES ('p2', 'n1', 'DEF', '${now}', '${now}', 'd');
    INSERT INTO responses (id, respondent_id, wave_id, status, mode, started_at, updated_at, device_id) VALUES ('r1', 'p1', 'w1', 'in_progress', 'kiosk', '${now}', '${now}', 'd');
    INSERT INTO answers (id, response_id, instrument_id, instrument_version, item_id, value, updated_at, device_id) VALUES ('a1', 'r1', 'ks', 1, 'q1', 4, '${now}', 'd');
    INSERT INTO answers (id, response_id, instrument_id, instrument_version, item_id, value, updated_at, device_id) VALUES ('a2', 'r1', 'ks', 1, 'q2', 2, '${now}', 'd');
  `);
  db.close();
  return file;
}

describe('migration 0010: meeting mode', () => {
  it('lets a response have mode meeting, keeps every response and answer, and still refuses an unknown mode', () => {
    const file = v9File();
    const { db, fromVersion } = openDatabase(file, MIGRATIONS.slice(0, 10));
    expect(fromVersion).toBe(9);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT id, mode FROM responses').all()).toEqual([{ id: 'r1', mode: 'kiosk' }]);
    expect(db.prepare('SELECT item_id, value FROM answers ORDER BY item_id').all()).toEqual([
      { item_id: 'q1', value: 4 },
      { item_id: 'q2', value: 2 },
    ]);
    db.prepare(`INSERT INTO responses (id, respondent_id, wave_id, status, mode, started_at, updated_at, device_id) VALUES ('r2', 'p2', 'w1', 'in_progress', 'meeting', ?, ?, 'd')`).run(now, now);
    expect(() => db.prepare(`UPDATE responses SET mode = 'phone' WHERE id = 'r2'`).run()).toThrow(/CHECK constraint failed/);
    // The other constraints of the table are untouched.
    expect(() => db.prepare(`UPDATE responses SET status = 'complete' WHERE id = 'r2'`).run()).toThrow(/CHECK constraint failed/);
    db.close();
    // A connection opened afterwards reads the changed table from the file.
    const again = new Database(file);
    expect(again.prepare("SELECT mode FROM responses WHERE id = 'r2'").get()).toEqual({ mode: 'meeting' });
    expect(() => again.prepare("UPDATE responses SET mode = 'phone' WHERE id = 'r2'").run()).toThrow(/CHECK constraint failed/);
    again.close();
  });

  it('binds a phone session to one response, and forgets it with the response', () => {
    const { db } = openDatabase(v9File(), MIGRATIONS.slice(0, 10));
    const hash = 'a'.repeat(64);
    db.prepare("INSERT INTO meeting_phones (token_hash, meeting_id, response_id, created_at) VALUES (?, 'm1', 'r1', ?)").run(hash, now);
    expect(() => db.prepare("INSERT INTO meeting_phones (token_hash, meeting_id, response_id, created_at) VALUES (?, 'm1', 'r1', ?)").run('b'.repeat(64), now)).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO meeting_phones (token_hash, meeting_id, response_id, created_at) VALUES ('short', 'm1', 'r1', ?)").run(now)).toThrow(/CHECK/);
    db.prepare("DELETE FROM answers WHERE response_id = 'r1'").run();
    db.prepare("DELETE FROM responses WHERE id = 'r1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM meeting_phones').get()).toEqual({ n: 0 });
    db.close();
  });
});
