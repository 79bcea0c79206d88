import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { applyPragmas, migrate, openDatabase } from '../../../electron/db/open';
import { listCodedAnswers } from '../../../electron/db/repositories/results';
import { useTempDir } from '../../support/tmp';

const tempDir = useTempDir();
const now = '2026-01-15T10:00:00.000Z';

/** A v4 file with one complete response and two coded answers and an open one. */
function v4File(): string {
  const file = join(tempDir(), 'v4.sqlite');
  const db = new Database(file);
  applyPragmas(db);
  migrate(db, 0, MIGRATIONS.slice(0, 4));
  db.exec(`
    INSERT INTO networks (id, name, created_at, updated_at, device_id) VALUES ('n1', 'Wijknetwerk', '${now}', '${now}', 'd');
    INSERT INTO instruments (instrument_id, version, definition, created_at, device_id) VALUES ('ks', 1, '{}', '${now}', 'd');
    INSERT INTO waves (id, network_id, label, kind, created_at, updated_at, device_id) VALUES ('w1', 'n1', 'T0', 'T0', '${now}', '${now}', 'd');
    INSERT INTO respondents (id, network_id, code, created_at, updated_at, device_id) VALUES ('p1', 'n1', 'ABC123', '${now}', '${now}', 'd');
    INSERT INTO responses (id, respondent_id, wave_id, status, mode, started_at, completed_at, updated_at, device_id) VALUES ('r1', 'p1', 'w1', 'complete', 'form', '${now}', '${now}', '${now}', 'd');
    INSERT INTO answers (id, response_id, instrument_id, instrument_version, item_id, value, updated_at, device_id) VALUES ('a2', 'r1', 'ks', 1, 'ks_bel_01', 2, '${now}', 'd');
    INSERT INTO answers (id, response_id, instrument_id, instrument_version, item_id, value, updated_at, device_id) VALUES ('a1', 'r1', 'ks', 1, 'ks_amb_01', 4, '${now}', 'd');
    INSERT INTO answers (id, response_id, instrument_id, instrument_version, item_id, text, updated_at, device_id) VALUES ('a3', 'r1', 'ks', 1, 'ks_open', 'tekst', '${now}', 'd');
  `);
  db.close();
  return file;
}

describe('migration 0005: a covering index for reading scores', () => {
  it('migrates a v4 file; the score read uses the new index and still returns the coded answers in item order', () => {
    const { db, fromVersion } = openDatabase(v4File(), MIGRATIONS.slice(0, 5));
    expect(fromVersion).toBe(4);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT r.rowid, a.item_id, a.value FROM responses r JOIN answers a ON a.response_id = r.id WHERE r.wave_id = 'w1' AND a.instrument_id = 'ks' AND a.value IS NOT NULL`)
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(/COVERING INDEX answers_scores/);
    const rows = listCodedAnswers(db, ['w1'], 'ks', null);
    expect(rows.map((r) => [r[2], r[3]])).toEqual([['ks_amb_01', 4], ['ks_bel_01', 2]]);
    db.close();
  });
});
