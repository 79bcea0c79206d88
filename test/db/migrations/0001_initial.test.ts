import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateToVersion1 } from '../../../electron/db/migrations/0001_initial';
import { applyPragmas, migrate } from '../../../electron/db/open';
import { useTempDir } from '../../support/tmp';

const tempDir = useTempDir();
const now = '2026-01-15T10:00:00.000Z';
const dev = 'device-a';

function freshV1() {
  const db = new Database(join(tempDir(), 'v1.sqlite'));
  applyPragmas(db);
  migrate(db, 0, [{ version: 1, file: '0001_initial', up: migrateToVersion1 }]);
  return db;
}

function seed(db: Database.Database) {
  db.prepare("INSERT INTO networks (id, name, created_at, updated_at, device_id) VALUES ('n1', 'Dementie Twente', ?, ?, ?)").run(now, now, dev);
  db.prepare("INSERT INTO instruments (instrument_id, version, definition, created_at, device_id) VALUES ('ks', 1, '{}', ?, ?)").run(now, dev);
  db.prepare("INSERT INTO waves (id, network_id, label, kind, created_at, updated_at, device_id) VALUES ('w1', 'n1', 'T0', 'T0', ?, ?, ?)").run(now, now, dev);
  db.prepare("INSERT INTO wave_instruments VALUES ('w1', 'ks', 1, 0)").run();
  db.prepare("INSERT INTO respondents (id, network_id, code, created_at, updated_at, device_id) VALUES ('p1', 'n1', 'ABC123', ?, ?, ?)").run(now, now, dev);
  db.prepare("INSERT INTO responses (id, respondent_id, wave_id, status, mode, started_at, updated_at, device_id) VALUES ('r1', 'p1', 'w1', 'in_progress', 'form', ?, ?, ?)").run(now, now, dev);
}

describe('migration 0001: schema v1', () => {
  it('sets user_version 1 and creates the domain tables', () => {
    const db = freshV1();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(['answers', 'audit_log', 'instruments', 'networks', 'organisations', 'respondents', 'responses', 'settings', 'wave_instruments', 'waves']);
  });

  it('gives every row that can travel between laptops a device id', () => {
    const db = freshV1();
    for (const table of ['networks', 'organisations', 'instruments', 'waves', 'respondents', 'responses', 'answers', 'audit_log']) {
      const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; notnull: number }[]);
      expect(columns.find((c) => c.name === 'device_id'), table).toMatchObject({ notnull: 1 });
    }
  });

  it('keeps seeded rows consistent and enforces foreign keys, enumerations and uniqueness', () => {
    const db = freshV1();
    seed(db);
    expect(() =>
      db.prepare("INSERT INTO waves (id, network_id, label, kind, created_at, updated_at, device_id) VALUES ('w2', 'missing', 'T1', 'T1', ?, ?, ?)").run(now, now, dev),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.prepare("INSERT INTO waves (id, network_id, label, kind, created_at, updated_at, device_id) VALUES ('w3', 'n1', 'T9', 'T9', ?, ?, ?)").run(now, now, dev),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO organisations (id, network_id, name, sector, size_class, created_at, updated_at, device_id) VALUES ('o1', 'n1', 'X', 'zorg', '50', ?, ?, ?)").run(now, now, dev),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO respondents (id, network_id, code, created_at, updated_at, device_id) VALUES ('p2', 'n1', 'ABC123', ?, ?, ?)").run(now, now, dev),
    ).toThrow(/UNIQUE/);
    // A complete response must have a completion time, and the other way round.
    expect(() => db.prepare("UPDATE responses SET status = 'complete' WHERE id = 'r1'").run()).toThrow(/CHECK/);
    // An answer needs a value or a text.
    expect(() =>
      db.prepare("INSERT INTO answers (id, response_id, instrument_id, instrument_version, item_id, updated_at, device_id) VALUES ('a1', 'r1', 'ks', 1, 'q1', ?, ?)").run(now, dev),
    ).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: 0 });
  });

  it('makes the audit log append-only', () => {
    const db = freshV1();
    db.prepare("INSERT INTO audit_log (id, at, device_id, action, entity) VALUES ('l1', ?, ?, 'x', 'y')").run(now, dev);
    expect(() => db.prepare("UPDATE audit_log SET action = 'changed'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT action FROM audit_log').get()).toEqual({ action: 'x' });
  });

  it('freezes an instrument version once marked: no edit, no delete, no unfreeze', () => {
    const db = freshV1();
    seed(db);
    db.prepare("UPDATE instruments SET definition = '{\"a\":1}' WHERE instrument_id = 'ks'").run();
    db.prepare("UPDATE instruments SET frozen_at = ? WHERE instrument_id = 'ks'").run(now);
    expect(() => db.prepare("UPDATE instruments SET definition = '{\"a\":2}' WHERE instrument_id = 'ks'").run()).toThrow(/frozen/);
    expect(() => db.prepare("UPDATE instruments SET frozen_at = NULL WHERE instrument_id = 'ks'").run()).toThrow(/frozen/);
    expect(() => db.prepare("DELETE FROM instruments WHERE instrument_id = 'ks'").run()).toThrow(/frozen/);
    expect(db.prepare('SELECT definition FROM instruments').get()).toEqual({ definition: '{"a":1}' });
  });
});
