import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { applyPragmas, migrate, openDatabase } from '../../../electron/db/open';
import { findOrganisation } from '../../../electron/db/repositories/networks';
import { useTempDir } from '../../support/tmp';

const tempDir = useTempDir();
const now = '2026-01-15T10:00:00.000Z';

/** A v7 file with one network and two organisations, one of them named by a respondent. */
function v7File(): string {
  const file = join(tempDir(), 'v7.sqlite');
  const db = new Database(file);
  applyPragmas(db);
  migrate(db, 0, MIGRATIONS.slice(0, 7));
  db.exec(`
    INSERT INTO networks (id, name, created_at, updated_at, device_id) VALUES ('n1', 'Wijknetwerk', '${now}', '${now}', 'd');
    INSERT INTO organisations (id, network_id, name, sector, size_class, created_at, updated_at, device_id) VALUES ('o1', 'n1', 'Thuiszorg Oost', 'zorg', 'ge100', '${now}', '${now}', 'd');
    INSERT INTO organisations (id, network_id, name, sector, size_class, created_at, updated_at, device_id) VALUES ('o2', 'n1', 'Huisartsen Centrum', 'huisartsenzorg', NULL, '${now}', '${now}', 'd');
    INSERT INTO respondents (id, network_id, code, organisation_id, created_at, updated_at, device_id) VALUES ('p1', 'n1', 'ABC123', 'o1', '${now}', '${now}', 'd');
  `);
  db.close();
  return file;
}

describe('migration 0008: organisations join, leave, expect participants and are archived', () => {
  it('migrates a v7 file; existing organisations have no dates, no expected number and are not archived', () => {
    const { db, fromVersion, backupPath } = openDatabase(v7File(), MIGRATIONS.slice(0, 8));
    expect(fromVersion).toBe(7);
    expect(backupPath).not.toBeNull();
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    expect(db.prepare('SELECT id, name, joined_on, left_on, expected_participants, archived_at FROM organisations ORDER BY id').all()).toEqual([
      { id: 'o1', name: 'Thuiszorg Oost', joined_on: null, left_on: null, expected_participants: null, archived_at: null },
      { id: 'o2', name: 'Huisartsen Centrum', joined_on: null, left_on: null, expected_participants: null, archived_at: null },
    ]);
    // o1 is named by a respondent: in use; o2 is not. (The repository reads today's schema: migrate on first.)
    migrate(db, 8);
    expect(findOrganisation(db, 'o1')).toMatchObject({ archived: false, inUse: true, joinedOn: null, expectedParticipants: null });
    expect(findOrganisation(db, 'o2')).toMatchObject({ archived: false, inUse: false });
    db.close();
  });

  it('refuses leaving before joining and an expected number outside 1 to 10000', () => {
    const { db } = openDatabase(v7File(), MIGRATIONS.slice(0, 8));
    db.prepare("UPDATE organisations SET joined_on = '2026-01-01', left_on = '2026-06-30', expected_participants = 12 WHERE id = 'o1'").run();
    migrate(db, 8);
    expect(findOrganisation(db, 'o1')).toMatchObject({ joinedOn: '2026-01-01', leftOn: '2026-06-30', expectedParticipants: 12 });
    expect(() => db.prepare("UPDATE organisations SET left_on = '2025-12-31' WHERE id = 'o1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE organisations SET expected_participants = 0 WHERE id = 'o1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE organisations SET expected_participants = 10001 WHERE id = 'o1'").run()).toThrow(/CHECK/);
    db.close();
  });
});
