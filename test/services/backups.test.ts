import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPragmas, migrate } from '../../electron/db/open';
import { MIGRATIONS } from '../../electron/db/migrations';
import { backupIfDue, recoveryCandidates, replaceDamagedDatabase } from '../../electron/services/data/backups';
import { startServices } from '../../electron/services/app';
import { useServices } from '../support/services';
import { useTempDir } from '../support/tmp';

/**
 * Backups through the real services over real files: when they are made, how many are kept, that
 * each is a consistent SQLite file, restoring one (the current file saved first, the live
 * connection swapped, the log kept complete), and replacing a damaged file at start-up.
 */

const open = useServices();
const tempDir = useTempDir();
const KS = 'kansrijke-samenwerking';

/** A clock the test moves forward; every call returns the current value. */
function clock(start = '2026-03-02T09:00:00.000Z') {
  let ms = Date.parse(start);
  return { now: () => new Date(ms).toISOString(), advance: (minutes: number) => (ms += minutes * 60_000) };
}

const backupDir = (dir: string) => join(dir, 'backups');
const namesIn = (dir: string) => (existsSync(backupDir(dir)) ? readdirSync(backupDir(dir)).sort() : []);
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function quickCheck(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('quick_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

describe('when backups are made', () => {
  it('makes none for a new database, one at every later start, in backups/ beside the file', async () => {
    const dir = tempDir();
    const first = open({ dir });
    await first.ok('createNetwork', { name: 'Wijknetwerk Oost' });
    expect(namesIn(dir)).toEqual([]);
    first.db.close();

    const second = open({ dir });
    const names = namesIn(dir);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^netwerkspiegel-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-start\.sqlite$/);
    const file = join(backupDir(dir), names[0]!);
    expect(quickCheck(file)).toBe('ok');
    const copy = new Database(file, { readonly: true });
    expect(copy.prepare('SELECT name FROM networks').all()).toEqual([{ name: 'Wijknetwerk Oost' }]);
    copy.close();
    expect((await second.ok('listBackups', {})).backups.map((b) => [b.name, b.reason])).toEqual([[names[0], 'start']]);
  });

  it('copies an old file before migrating it into the same folder, named after the old version', () => {
    const dir = tempDir();
    const file = join(dir, 'netwerkspiegel.sqlite');
    const v2 = new Database(file);
    applyPragmas(v2);
    migrate(v2, 0, MIGRATIONS.slice(0, 2));
    v2.close();
    const services = startServices({ databasePath: file, appVersion: 'test', chooseExportPath: async () => null });
    services.db.close();
    const names = namesIn(dir);
    expect(names).toHaveLength(1); // no start-up backup on top of the migration copy
    expect(names[0]).toMatch(/-voor-migratie-v2\.sqlite$/);
    const copy = new Database(join(backupDir(dir), names[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(2);
    copy.close();
  });

  it('makes the daily backup only when the newest one is a day old', async () => {
    const time = clock();
    const s = open({ now: time.now });
    await s.ok('createNetwork', { name: 'A' });
    expect(backupIfDue(s.services)?.reason).toBe('dagelijks');
    time.advance(23 * 60);
    expect(backupIfDue(s.services)).toBeNull();
    time.advance(61);
    expect(backupIfDue(s.services)?.reason).toBe('dagelijks');
    expect(namesIn(s.dir)).toHaveLength(2);
  });

  it('makes a backup on request, logs it, and keeps only the newest N', async () => {
    const time = clock();
    const s = open({ now: time.now });
    await s.ok('updateDataSettings', { researcherName: 'Anna de Vries', backupKeep: 3 });
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      time.advance(5);
      made.push((await s.ok('createBackup', {})).name);
    }
    const list = await s.ok('listBackups', {});
    expect(list.keep).toBe(3);
    expect(list.folder).toBe(backupDir(s.dir));
    expect(list.backups.map((b) => b.name)).toEqual(made.slice(2).reverse()); // newest first
    expect(list.backups.every((b) => b.reason === 'handmatig' && b.bytes > 0 && !b.beforeErasure)).toBe(true);
    expect(namesIn(s.dir)).toEqual([...made.slice(2)].sort());
    const logged = s.db.prepare("SELECT actor, entity_id AS entityId FROM audit_log WHERE action = 'backup.created' ORDER BY rowid").all();
    expect(logged).toEqual(made.map((name) => ({ actor: 'Anna de Vries', entityId: name })));
  });
});

describe('restoring a backup', () => {
  it('backs up the current file first, swaps the live connection and keeps the log complete', async () => {
    const time = clock();
    const s = open({ now: time.now });
    const kept = await s.ok('createNetwork', { name: 'Blijft' });
    const wave = await s.ok('createWave', { networkId: kept.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    time.advance(1);
    const backup = await s.ok('createBackup', {});
    time.advance(1);
    const later = await s.ok('createNetwork', { name: 'Later toegevoegd' });
    const oldConnection = s.services.db;

    time.advance(1);
    const result = await s.ok('restoreBackup', { backupName: backup.name });
    expect(result.restored.name).toBe(backup.name);
    expect(result.safetyBackup.reason).toBe('voor-herstel');
    expect(oldConnection.open).toBe(false);
    expect(s.services.db).not.toBe(oldConnection);
    expect(s.services.db.open).toBe(true);

    // The data is the backup's; the copy made just before holds what came after it.
    expect((await s.ok('listNetworks', {})).map((n) => n.name)).toEqual(['Blijft']);
    const safety = new Database(join(backupDir(s.dir), result.safetyBackup.name), { readonly: true });
    expect(safety.prepare('SELECT name FROM networks ORDER BY name').pluck().all()).toEqual(['Blijft', 'Later toegevoegd']);
    safety.close();

    // The log still tells what happened after the backup, and that a restore happened.
    const actions = s.services.db.prepare('SELECT action, entity_id AS entityId FROM audit_log ORDER BY at, rowid').all() as { action: string; entityId: string }[];
    expect(actions).toContainEqual({ action: 'network.created', entityId: later.id });
    expect(actions.at(-1)).toEqual({ action: 'backup.restored', entityId: backup.name });

    // Every service works on the restored file from the next call on, caches included.
    const r = await s.ok('startResponse', { waveId: wave.id, respondentCode: 'ABC123', organisationId: null, mode: 'form' });
    await s.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_amb_01', value: 4, text: null });
    expect(s.services.db.prepare('SELECT value FROM answers').pluck().get()).toBe(4);
    expect(s.services.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.services.db.pragma('quick_check', { simple: true })).toBe('ok');
  });

  it('refuses a damaged backup and changes nothing', async () => {
    const s = open();
    await s.ok('createNetwork', { name: 'A' });
    const backup = await s.ok('createBackup', {});
    const path = join(backupDir(s.dir), backup.name);
    writeFileSync(path, readFileSync(path).subarray(0, 1000));
    const before = sha(join(s.dir, 'netwerkspiegel.sqlite'));
    const result = await s.call('restoreBackup', { backupName: backup.name });
    expect(result).toMatchObject({ ok: false, error: { code: 'DB_DAMAGED' } });
    if (!result.ok) expect(result.error.message).toMatch(/beschadigd.*er is niets gewijzigd\.$/);
    expect(sha(join(s.dir, 'netwerkspiegel.sqlite'))).toBe(before);
    expect((await s.ok('listNetworks', {})).map((n) => n.name)).toEqual(['A']);
  });

  it('is refused while kiosk mode is on', async () => {
    const s = open();
    const network = await s.ok('createNetwork', { name: 'A' });
    const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    const backup = await s.ok('createBackup', {});
    await s.ok('setResearcherPin', { pin: '2468', currentPin: null });
    await s.ok('startKiosk', { waveId: wave.id, pin: '2468' });
    for (const call of [
      s.call('restoreBackup', { backupName: backup.name }),
      s.call('listBackups', {}),
      s.call('listAuditLog', { offset: 0, limit: 10 }),
      s.call('previewStudyFile', { content: '{}' }),
      s.call('eraseRespondent', { networkId: network.id, respondentCode: 'ABC123', confirmCode: 'ABC123' }),
    ]) {
      expect(await call).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('does not bring back a person erased after the backup was made', async () => {
    const s = open();
    const network = await s.ok('createNetwork', { name: 'A' });
    const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    await s.ok('startResponse', { waveId: wave.id, respondentCode: 'WIS001', organisationId: null, mode: 'form' });
    const backup = await s.ok('createBackup', {});
    await s.ok('eraseRespondent', { networkId: network.id, respondentCode: 'WIS001', confirmCode: 'WIS001' });
    const list = await s.ok('listBackups', {});
    expect(list.backups.find((b) => b.name === backup.name)?.beforeErasure).toBe(true);

    await s.ok('restoreBackup', { backupName: backup.name });
    expect(s.services.db.prepare('SELECT count(*) FROM respondents').pluck().get()).toBe(0);
    expect(s.services.db.prepare('SELECT count(*) FROM responses').pluck().get()).toBe(0);
    const restored = s.services.db.prepare("SELECT details FROM audit_log WHERE action = 'backup.restored'").pluck().get() as string;
    expect(JSON.parse(restored)).toMatchObject({ erasedAgain: 2 });
    // The erasure is still known after the restore: the old backup stays marked.
    expect((await s.ok('listBackups', {})).lastErasureAt).toBe(list.lastErasureAt);
  });
});

describe('a damaged database at start-up', () => {
  it('offers only usable backups and renames the damaged file aside instead of deleting it', async () => {
    const time = clock();
    const dir = tempDir();
    const s = open({ dir, now: time.now });
    await s.ok('createNetwork', { name: 'Goed' });
    time.advance(1);
    const good = await s.ok('createBackup', {});
    time.advance(1);
    const broken = await s.ok('createBackup', {});
    s.db.close();
    const brokenPath = join(backupDir(dir), broken.name);
    writeFileSync(brokenPath, Buffer.from('kapot'.repeat(500)));

    const file = join(dir, 'netwerkspiegel.sqlite');
    writeFileSync(file, readFileSync(file).subarray(0, 2048));
    const damagedSha = sha(file);
    expect(recoveryCandidates(file).map((c) => c.name)).toEqual([good.name]);

    const { asidePath } = replaceDamagedDatabase(file, good.name, '2026-03-02T10:00:00.000Z');
    expect(asidePath).toBe(`${file}.beschadigd-2026-03-02T10-00-00-000Z`);
    expect(sha(asidePath)).toBe(damagedSha);
    // Already in WAL mode before anything opens it (header bytes 18 and 19 are 2 for WAL, 1 for a
    // rollback journal; a backup made by VACUUM INTO has 1), with no journal beside it.
    const header = readFileSync(file).subarray(18, 20);
    expect([header[0], header[1]]).toEqual([2, 2]);
    expect(existsSync(`${file}-journal`) || existsSync(`${file}-wal`)).toBe(false);
    expect(quickCheck(file)).toBe('ok');
    const again = open({ dir });
    expect((await again.ok('listNetworks', {})).map((n) => n.name)).toEqual(['Goed']);
  });
});
