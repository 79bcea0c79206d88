import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { applyPragmas, migrate, openDatabase } from '../../../electron/db/open';
import { useTempDir } from '../../support/tmp';

const tempDir = useTempDir();
const now = '2027-02-01T10:00:00.000Z';

/** A v3 file with two self-code respondents one slip apart (MA123 at T0, MA133 at T1), as the erasure release wrote it. */
function v3File(): string {
  const file = join(tempDir(), 'v3.sqlite');
  const db = new Database(file);
  applyPragmas(db);
  migrate(db, 0, MIGRATIONS.slice(0, 3));
  db.exec(`
    INSERT INTO networks (id, name, created_at, updated_at, device_id, code_policy) VALUES ('n1', 'Wijknetwerk', '${now}', '${now}', 'd', 'self');
    INSERT INTO respondents (id, network_id, code, code_kind, created_at, updated_at, device_id) VALUES ('p1', 'n1', 'MA123', 'self', '${now}', '${now}', 'd');
    INSERT INTO respondents (id, network_id, code, code_kind, created_at, updated_at, device_id) VALUES ('p2', 'n1', 'MA133', 'self', '${now}', '${now}', 'd');
    INSERT INTO respondents (id, network_id, code, code_kind, created_at, updated_at, device_id) VALUES ('p3', 'n1', 'MA124', 'self', '${now}', '${now}', 'd');
    INSERT INTO erasures (id, kind, network_id, erased_at, device_id) VALUES ('r9', 'response', 'n1', '${now}', 'd');
  `);
  db.close();
  return file;
}

const insertSql = 'INSERT INTO link_decisions (id, network_id, baseline_respondent_id, follow_up_respondent_id, decision, decided_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?)';

describe('migration 0004: link decisions', () => {
  it('migrates a v3 file, keeping its rows, with an empty decision table', () => {
    const { db, fromVersion } = openDatabase(v3File(), MIGRATIONS.slice(0, 4));
    expect(fromVersion).toBe(3);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare('SELECT code FROM respondents ORDER BY code').pluck().all()).toEqual(['MA123', 'MA124', 'MA133']);
    expect(db.prepare('SELECT id FROM erasures').pluck().all()).toEqual(['r9']);
    expect(db.prepare('SELECT count(*) FROM link_decisions').pluck().get()).toBe(0);
    db.close();
  });

  it('checks the decision, the respondents and the network', () => {
    const { db } = openDatabase(v3File(), MIGRATIONS.slice(0, 4));
    const insert = db.prepare(insertSql);
    expect(() => insert.run('l1', 'n1', 'p1', 'p2', 'maybe', now, 'd')).toThrow(/CHECK/);
    expect(() => insert.run('l1', 'n1', 'p1', 'p1', 'accepted', now, 'd')).toThrow(/CHECK/);
    expect(() => insert.run('l1', 'n1', 'p1', 'nobody', 'accepted', now, 'd')).toThrow(/FOREIGN KEY/);
    expect(() => insert.run('l1', 'n9', 'p1', 'p2', 'accepted', now, 'd')).toThrow(/FOREIGN KEY/);
    insert.run('l1', 'n1', 'p1', 'p2', 'accepted', now, 'd');
    expect(db.prepare('SELECT decision FROM link_decisions').pluck().all()).toEqual(['accepted']);
    db.close();
  });

  it('keeps decisions append-only: no update, no delete, no replace, one per pair and laptop', () => {
    const { db } = openDatabase(v3File(), MIGRATIONS.slice(0, 4));
    const insert = db.prepare(insertSql);
    insert.run('l1', 'n1', 'p1', 'p2', 'accepted', now, 'd');
    expect(() => db.prepare("UPDATE link_decisions SET decision = 'rejected'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM link_decisions').run()).toThrow(/append-only/);
    expect(() => db.prepare(insertSql.replace('INSERT', 'INSERT OR REPLACE')).run('l1', 'n1', 'p1', 'p2', 'rejected', now, 'd')).toThrow(/append-only/);
    // The same pair again from the same laptop, under a new id: refused too (REPLACE would have deleted the first).
    expect(() => insert.run('l2', 'n1', 'p1', 'p2', 'rejected', now, 'd')).toThrow(/append-only/);
    expect(() => db.prepare(insertSql.replace('INSERT', 'INSERT OR REPLACE')).run('l2', 'n1', 'p1', 'p2', 'rejected', now, 'd')).toThrow(/append-only/);
    // Another laptop's decision on the same pair is kept beside it (merged study files).
    insert.run('l3', 'n1', 'p1', 'p2', 'rejected', now, 'e');
    expect(db.prepare('SELECT id || decision || device_id FROM link_decisions ORDER BY id').pluck().all()).toEqual(['l1acceptedd', 'l3rejectede']);
    db.close();
  });

  it('lets a decision go only with the erasure of one of its respondents', () => {
    const { db } = openDatabase(v3File(), MIGRATIONS.slice(0, 4));
    const insert = db.prepare(insertSql);
    insert.run('l1', 'n1', 'p1', 'p2', 'accepted', now, 'd');
    insert.run('l2', 'n1', 'p3', 'p2', 'rejected', now, 'd');
    // A respondent with a decision cannot simply be deleted.
    expect(() => db.prepare("DELETE FROM respondents WHERE id = 'p1'").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO erasures (id, kind, network_id, erased_at, device_id) VALUES ('p1', 'respondent', 'n1', ?, 'd')").run(now);
    expect(db.prepare("DELETE FROM link_decisions WHERE baseline_respondent_id = 'p1'").run().changes).toBe(1);
    expect(() => db.prepare("DELETE FROM link_decisions WHERE id = 'l2'").run()).toThrow(/append-only/);
    expect(db.prepare('SELECT id FROM link_decisions').pluck().all()).toEqual(['l2']);
    db.close();
  });
});
