import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { applyPragmas, migrate, openDatabase } from '../../../electron/db/open';
import { useTempDir } from '../../support/tmp';

const tempDir = useTempDir();
const now = '2026-01-15T10:00:00.000Z';

/** A v1 file with a respondent in an organisation and a response, as the first release wrote it. */
function v1File(): string {
  const file = join(tempDir(), 'v1.sqlite');
  const db = new Database(file);
  applyPragmas(db);
  migrate(db, 0, MIGRATIONS.slice(0, 1));
  db.exec(`
    INSERT INTO networks (id, name, created_at, updated_at, device_id) VALUES ('n1', 'Wijknetwerk', '${now}', '${now}', 'd');
    INSERT INTO organisations (id, network_id, name, sector, created_at, updated_at, device_id) VALUES ('o1', 'n1', 'Huisarts', 'huisartsenzorg', '${now}', '${now}', 'd');
    INSERT INTO instruments (instrument_id, version, definition, created_at, device_id) VALUES ('ks', 1, '{}', '${now}', 'd');
    INSERT INTO waves (id, network_id, label, kind, created_at, updated_at, device_id) VALUES ('w1', 'n1', 'T0', 'T0', '${now}', '${now}', 'd');
    INSERT INTO respondents (id, network_id, code, organisation_id, created_at, updated_at, device_id) VALUES ('p1', 'n1', 'ABC123', 'o1', '${now}', '${now}', 'd');
    INSERT INTO responses (id, respondent_id, wave_id, status, mode, started_at, completed_at, updated_at, device_id) VALUES ('r1', 'p1', 'w1', 'complete', 'form', '${now}', '${now}', '${now}', 'd');
    INSERT INTO answers (id, response_id, instrument_id, instrument_version, item_id, value, updated_at, device_id) VALUES ('a1', 'r1', 'ks', 1, 'ks_amb_01', 4, '${now}', 'd');
  `);
  db.close();
  return file;
}

describe('migration 0002: kiosk settings, consent and codes', () => {
  it('migrates a v1 file, keeping its rows and giving old responses their organisation', () => {
    const { db, fromVersion, backupPath } = openDatabase(v1File(), MIGRATIONS.slice(0, 2));
    expect(fromVersion).toBe(1);
    expect(backupPath).not.toBeNull();
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT code_policy, idle_seconds, consent_nl FROM networks').get()).toEqual({ code_policy: 'free', idle_seconds: 180, consent_nl: null });
    expect(db.prepare('SELECT organisation_id, language, consent_at FROM responses').get()).toEqual({ organisation_id: 'o1', language: 'nl', consent_at: null });
    expect(db.prepare('SELECT value FROM answers').get()).toEqual({ value: 4 });
    db.close();
  });

  it('refuses a code policy, language or idle timeout outside the allowed values', () => {
    const { db } = openDatabase(v1File(), MIGRATIONS.slice(0, 2));
    expect(() => db.prepare("UPDATE networks SET code_policy = 'random'").run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE networks SET idle_seconds = 5').run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE responses SET language = 'de'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE responses SET organisation_id = 'nope'").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
