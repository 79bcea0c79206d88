import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { applyPragmas, migrate, openDatabase } from '../../../electron/db/open';
import { useTempDir } from '../../support/tmp';

const tempDir = useTempDir();
const now = '2026-04-01T10:00:00.000Z';

/** A v2 file with a response and two log entries, as the kiosk release wrote it. */
function v2File(): string {
  const file = join(tempDir(), 'v2.sqlite');
  const db = new Database(file);
  applyPragmas(db);
  migrate(db, 0, MIGRATIONS.slice(0, 2));
  db.exec(`
    INSERT INTO networks (id, name, created_at, updated_at, device_id) VALUES ('n1', 'Wijknetwerk', '${now}', '${now}', 'd');
    INSERT INTO instruments (instrument_id, version, definition, created_at, device_id) VALUES ('ks', 1, '{}', '${now}', 'd');
    INSERT INTO waves (id, network_id, label, kind, created_at, updated_at, device_id) VALUES ('w1', 'n1', 'T0', 'T0', '${now}', '${now}', 'd');
    INSERT INTO respondents (id, network_id, code, created_at, updated_at, device_id) VALUES ('p1', 'n1', 'ABC123', '${now}', '${now}', 'd');
    INSERT INTO responses (id, respondent_id, wave_id, status, mode, started_at, updated_at, device_id) VALUES ('r1', 'p1', 'w1', 'in_progress', 'form', '${now}', '${now}', 'd');
    INSERT INTO audit_log (id, at, device_id, action, entity, entity_id) VALUES ('a1', '${now}', 'd', 'network.created', 'network', 'n1');
    INSERT INTO audit_log (id, at, device_id, action, entity, entity_id) VALUES ('a2', '${now}', 'd', 'response.started', 'response', 'r1');
  `);
  db.close();
  return file;
}

describe('migration 0003: erasure register, merge decisions, no REPLACE on the log', () => {
  it('migrates a v2 file, keeping its rows, with empty new tables', () => {
    const { db, fromVersion } = openDatabase(v2File(), MIGRATIONS.slice(0, 3));
    expect(fromVersion).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.prepare('SELECT id FROM responses').pluck().all()).toEqual(['r1']);
    expect(db.prepare('SELECT id FROM audit_log ORDER BY id').pluck().all()).toEqual(['a1', 'a2']);
    expect(db.prepare('SELECT count(*) FROM erasures').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM merge_decisions').pluck().get()).toBe(0);
    db.close();
  });

  it('keeps the erasure register append-only and checks its values', () => {
    const { db } = openDatabase(v2File(), MIGRATIONS.slice(0, 3));
    db.prepare("INSERT INTO erasures (id, kind, network_id, erased_at, device_id) VALUES ('p1', 'respondent', 'n1', ?, 'd')").run(now);
    expect(() => db.prepare("UPDATE erasures SET kind = 'response'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM erasures').run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT OR REPLACE INTO erasures (id, kind, network_id, erased_at, device_id) VALUES ('p1', 'response', 'n1', ?, 'd')").run(now)).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO erasures (id, kind, network_id, erased_at, device_id) VALUES ('x', 'code', 'n1', ?, 'd')").run(now)).toThrow(/CHECK/);
    expect(db.prepare('SELECT kind FROM erasures').pluck().all()).toEqual(['respondent']);
    db.close();
  });

  it('refuses INSERT OR REPLACE on the audit log, which v1 let through without firing its DELETE trigger', () => {
    const { db } = openDatabase(v2File(), MIGRATIONS.slice(0, 3));
    expect(() => db.prepare("INSERT OR REPLACE INTO audit_log (id, at, device_id, action, entity) VALUES ('a1', ?, 'd', 'vervalst', 'x')").run(now)).toThrow(/append-only/);
    expect(() => db.prepare("REPLACE INTO audit_log (id, at, device_id, action, entity) VALUES ('a2', ?, 'd', 'vervalst', 'x')").run(now)).toThrow(/append-only/);
    expect(db.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all()).toEqual(['network.created', 'response.started']);
    // A new entry is still welcome.
    db.prepare("INSERT INTO audit_log (id, at, device_id, action, entity) VALUES ('a3', ?, 'd', 'x.y', 'x')").run(now);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(3);
    db.close();
  });

  it('remembers one decision per response and pair of versions, with checked values', () => {
    const { db } = openDatabase(v2File(), MIGRATIONS.slice(0, 3));
    const insert = db.prepare('INSERT INTO merge_decisions (response_id, versions_hash, kind, choice, decided_at, device_id) VALUES (?, ?, ?, ?, ?, ?)');
    insert.run('r1', 'h1', 'conflict', 'local', now, 'd');
    expect(() => insert.run('r1', 'h1', 'conflict', 'incoming', now, 'd')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run('r1', 'h2', 'conflict', 'newest', now, 'd')).toThrow(/CHECK/);
    expect(() => insert.run('r1', 'h3', 'other', 'local', now, 'd')).toThrow(/CHECK/);
    db.close();
  });
});
