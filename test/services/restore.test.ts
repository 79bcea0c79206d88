import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupsDirFor, restoreTempPathFor } from '../../electron/db/backup-files';
import { applyPragmas, migrate } from '../../electron/db/open';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/db/migrations';
import { RESTORE_STEPS, type RestoreStep } from '../../electron/services/data/restore';
import { snapshot, studyFileOf, useServices, type Laptop } from '../support/services';
import { useTempDir } from '../support/tmp';

/**
 * Restoring a backup through the real services over real files, beyond the basics in
 * backups.test.ts: bringing back a person whom a study file erased (and never one erased on this
 * laptop), a failure at a step before the swap changing nothing, an older backup migrated on the
 * way, and a restore interrupted by a crash being reported once at the next start. Killing the
 * process at every step is test/durability/restore-kill.test.ts.
 */

const open = useServices();
const tempDir = useTempDir();
const KS = 'kansrijke-samenwerking';

function clock(start = '2026-06-01T09:00:00.000Z') {
  let ms = Date.parse(start);
  return { now: () => new Date(ms).toISOString(), advance: (minutes = 1) => (ms += minutes * 60_000) };
}

async function respond(s: Laptop, waveId: string, code: string, value: number) {
  const r = await s.ok('startResponse', { waveId, respondentCode: code, organisationId: null, mode: 'form' });
  await s.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_amb_01', value, text: null });
  await s.ok('completeResponse', { responseId: r.id });
  return r;
}

const count = (s: Laptop, sql: string, ...params: unknown[]) => s.services.db.prepare(sql).pluck().get(...params) as number;
const respondentIdOf = (s: Laptop, code: string) => s.services.db.prepare('SELECT id FROM respondents WHERE code = ?').pluck().get(code) as string | undefined;

/**
 * Laptop A and laptop B share a network. On A: WEG001 (B will erase them), WIS002 (A will erase
 * them), BLIJF3 (stays). B got everything through a study file.
 */
async function sharedNetwork() {
  const time = clock();
  const a = open({ now: time.now });
  const b = open({ now: time.now });
  const network = await a.ok('createNetwork', { name: 'Wijknetwerk Noord' });
  const wave = await a.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
  const responses: Record<string, string> = {};
  for (const [code, value] of [['WEG001', 2], ['WIS002', 3], ['BLIJF3', 4]] as const) responses[code] = (await respond(a, wave.id, code, value)).id;
  time.advance();
  await b.ok('importStudyFile', { content: await studyFileOf(a, [network.id]), decisions: [], confirmErasures: true });
  return { a, b, time, network, wave, responses };
}

describe('bringing back a person a study file erased', () => {
  it('restoring the backup made before the import brings them back and logs it by id; a person erased here stays erased', async () => {
    const { a, b, time, network, responses } = await sharedNetwork();
    const wegId = respondentIdOf(a, 'WEG001')!;
    const wisId = respondentIdOf(a, 'WIS002')!;

    // On B the user erases WEG001; B's study file carries that erasure to A.
    time.advance();
    await b.ok('eraseRespondent', { networkId: network.id, respondentCode: 'WEG001', confirmCode: 'WEG001' });
    time.advance();
    const fromB = await studyFileOf(b, [network.id]);
    time.advance();
    const imported = await a.ok('importStudyFile', { content: fromB, decisions: [], confirmErasures: true });
    expect(imported.erasuresApplied).toBe(2); // the respondent and their response
    expect(imported.backup).toMatch(/-voor-import\.sqlite$/);
    expect(respondentIdOf(a, 'WEG001')).toBeUndefined();

    // On A the user erases WIS002 after that import.
    time.advance();
    await a.ok('eraseRespondent', { networkId: network.id, respondentCode: 'WIS002', confirmCode: 'WIS002' });
    const erasedBefore = (await a.ok('listBackups', {})).lastErasureAt;
    const auditBefore = a.services.db.prepare('SELECT id FROM audit_log').pluck().all() as string[];

    time.advance();
    const result = await a.ok('restoreBackup', { backupName: imported.backup! });
    expect(result.broughtBack).toBe(1);

    // WEG001 is back with their answer; WIS002 stays erased; BLIJF3 is untouched.
    expect(a.services.db.prepare('SELECT code FROM respondents ORDER BY code').pluck().all()).toEqual(['BLIJF3', 'WEG001']);
    expect(a.services.db.prepare('SELECT value FROM answers WHERE response_id = ?').pluck().get(responses['WEG001'])).toBe(2);
    expect(count(a, 'SELECT count(*) FROM responses WHERE id = ?', responses['WIS002'])).toBe(0);

    // The register: WIS002's erasure (this laptop's) is there, WEG001's (B's, undone here) is not.
    const register = a.services.db.prepare('SELECT id, device_id AS deviceId FROM erasures ORDER BY kind, id').all();
    expect(register).toEqual([
      { id: responses['WIS002'], deviceId: a.services.deviceId }, // kind 'response' sorts after 'respondent'
      { id: wisId, deviceId: a.services.deviceId },
    ].reverse());

    // The log keeps every entry, and says who came back (by id), from which laptop's erasure.
    const ids = new Set(a.services.db.prepare('SELECT id FROM audit_log').pluck().all() as string[]);
    expect(auditBefore.filter((id) => !ids.has(id))).toEqual([]);
    const back = a.services.db
      .prepare("SELECT action, entity_id AS entityId, details FROM audit_log WHERE action LIKE '%.brought_back' ORDER BY action")
      .all() as { action: string; entityId: string; details: string }[];
    expect(back.map((e) => [e.action, e.entityId])).toEqual([
      ['respondent.brought_back', wegId],
      ['response.brought_back', responses['WEG001']],
    ]);
    expect(JSON.parse(back[0]!.details)).toEqual({ backup: imported.backup, erasedOnDevice: b.services.deviceId, erasedAt: expect.any(String) });
    const restored = a.services.db.prepare("SELECT details FROM audit_log WHERE action = 'backup.restored'").pluck().get() as string;
    expect(JSON.parse(restored)).toMatchObject({ broughtBack: 1, erasedAgain: 2 });
    expect(JSON.stringify(a.services.db.prepare('SELECT * FROM audit_log').all())).not.toMatch(/WEG001|WIS002/);

    // The backups made before A's own erasure are still listed for deletion.
    const list = await a.ok('listBackups', {});
    expect(list.lastErasureAt).toBe(erasedBefore);
    expect(list.backups.find((x) => x.name === imported.backup)?.beforeErasure).toBe(true);

    // Importing B's file again takes B's erasure over again: the restore undid the import, not B's erasure.
    time.advance();
    const again = await a.ok('importStudyFile', { content: fromB, decisions: [], confirmErasures: true });
    expect(again.erasuresApplied).toBe(2);
    expect(respondentIdOf(a, 'WEG001')).toBeUndefined();
  });

  it('never brings back a person erased on this laptop, even when the erasure went round through another laptop', async () => {
    const { a, b, time, network } = await sharedNetwork();
    time.advance();
    const before = await a.ok('createBackup', {});
    time.advance();
    await a.ok('eraseRespondent', { networkId: network.id, respondentCode: 'WIS002', confirmCode: 'WIS002' });
    // B takes the erasure over, and A gets it back from B's file (B's file names A as the erasing laptop).
    time.advance();
    await b.ok('importStudyFile', { content: await studyFileOf(a, [network.id]), decisions: [], confirmErasures: true });
    time.advance();
    await a.ok('importStudyFile', { content: await studyFileOf(b, [network.id]), decisions: [], confirmErasures: true });

    time.advance();
    const result = await a.ok('restoreBackup', { backupName: before.name });
    expect(result.broughtBack).toBe(0);
    expect(respondentIdOf(a, 'WIS002')).toBeUndefined();
    expect(a.services.db.prepare('SELECT code FROM respondents ORDER BY code').pluck().all()).toEqual(['BLIJF3', 'WEG001']);
    expect(count(a, "SELECT count(*) FROM audit_log WHERE action LIKE '%.brought_back'")).toBe(0);
  });
});

describe('a restore that fails half-way', () => {
  const beforeSwap = RESTORE_STEPS.slice(0, RESTORE_STEPS.indexOf('renamed'));
  it.each(beforeSwap.filter((step) => step !== 'safety-backup-written'))('changes nothing when it fails after step %s', async (failAt) => {
    const { a, time, network } = await sharedNetwork();
    const backup = await a.ok('createBackup', {});
    time.advance();
    await a.ok('createNetwork', { name: 'Na de reservekopie' });
    await a.ok('eraseRespondent', { networkId: network.id, respondentCode: 'WIS002', confirmCode: 'WIS002' });
    const before = snapshot(a.services.db);
    a.services.restoreStepReached = (step: RestoreStep) => {
      if (step === failAt) throw new Error(`een storing na ${step}`);
    };
    const result = await a.call('restoreBackup', { backupName: backup.name });
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.error.message).toMatch(/een storing na .*niet gewijzigd|een storing na .*niets gewijzigd/);
    expect(a.services.db.open).toBe(true);
    expect(snapshot(a.services.db)).toEqual(before);
    expect(existsSync(restoreTempPathFor(join(a.dir, 'netwerkspiegel.sqlite'), backup.name))).toBe(false);
    delete a.services.restoreStepReached;
    // And the next attempt succeeds.
    await a.ok('restoreBackup', { backupName: backup.name });
    expect((await a.ok('listNetworks', {})).map((n) => n.name)).toEqual(['Wijknetwerk Noord']);
    expect(respondentIdOf(a, 'WIS002')).toBeUndefined();
  });
});

describe('restoring a backup from an older version of the app', () => {
  it('migrates the copy before it replaces anything, and keeps the current log', async () => {
    const s = open();
    await s.ok('createNetwork', { name: 'Nu' });
    const dir = backupsDirFor(join(s.dir, 'netwerkspiegel.sqlite'));
    const name = 'netwerkspiegel-2026-01-05T10-00-00-000Z-handmatig.sqlite';
    const old = new Database(join(s.dir, 'v2.sqlite'));
    applyPragmas(old);
    migrate(old, 0, MIGRATIONS.slice(0, 2));
    old.prepare("INSERT INTO networks (id, name, created_at, updated_at, device_id) VALUES ('n-oud', 'Toen', '2026-01-05T09:00:00.000Z', '2026-01-05T09:00:00.000Z', 'oud')").run();
    mkdirSync(dir, { recursive: true });
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    copyFileSync(join(s.dir, 'v2.sqlite'), join(dir, name));
    const created = s.services.db.prepare("SELECT id FROM audit_log WHERE action = 'network.created'").pluck().get();

    await s.ok('restoreBackup', { backupName: name });
    expect((await s.ok('listNetworks', {})).map((n) => n.name)).toEqual(['Toen']);
    expect(s.services.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(s.services.db.prepare('SELECT count(*) FROM audit_log WHERE id = ?').pluck().get(created)).toBe(1);
    expect(s.services.db.pragma('journal_mode', { simple: true })).toBe('wal');
  });
});

describe('a restore interrupted by a crash', () => {
  it('is reported once at the next start: in the log and on the backups screen; the leftover is removed and the data is the old data', async () => {
    const dir = tempDir();
    const first = open({ dir });
    await first.ok('createNetwork', { name: 'Voor het terugzetten' });
    const backup = await first.ok('createBackup', {});
    const database = join(dir, 'netwerkspiegel.sqlite');
    first.services.db.close();
    // What a restore killed before its rename leaves: the temporary restored database beside the file.
    const temp = restoreTempPathFor(database, backup.name);
    copyFileSync(join(backupsDirFor(database), backup.name), temp);
    writeFileSync(`${temp}-journal`, 'half');

    const second = open({ dir });
    expect(existsSync(temp)).toBe(false);
    expect(existsSync(`${temp}-journal`)).toBe(false);
    const list = await second.ok('listBackups', {});
    expect(list.interruptedRestore).toEqual({ foundAt: expect.any(String), backupName: backup.name });
    const logged = second.services.db.prepare("SELECT entity_id AS entityId, details FROM audit_log WHERE action = 'backup.restore_interrupted'").all();
    expect(logged).toEqual([{ entityId: backup.name, details: JSON.stringify({ removed: [`netwerkspiegel.sqlite.herstel-${backup.name}.tmp`, `netwerkspiegel.sqlite.herstel-${backup.name}.tmp-journal`] }) }]);
    expect((await second.ok('listNetworks', {})).map((n) => n.name)).toEqual(['Voor het terugzetten']);
    second.services.db.close();

    const third = open({ dir });
    expect((await third.ok('listBackups', {})).interruptedRestore).toBeNull();
    expect(count(third, "SELECT count(*) FROM audit_log WHERE action = 'backup.restore_interrupted'")).toBe(1);
  });

  it('is also reported when the crash came while the copy of the current data was being written', async () => {
    const dir = tempDir();
    const first = open({ dir });
    await first.ok('createNetwork', { name: 'A' });
    first.services.db.close();
    const backups = backupsDirFor(join(dir, 'netwerkspiegel.sqlite'));
    mkdirSync(backups, { recursive: true });
    writeFileSync(join(backups, 'netwerkspiegel-2026-06-01T09-00-00-000Z-voor-herstel.sqlite.tmp'), 'half');
    writeFileSync(join(backups, 'netwerkspiegel-2026-06-01T09-00-00-000Z-dagelijks.sqlite.tmp'), 'half');

    const second = open({ dir });
    expect((await second.ok('listBackups', {})).interruptedRestore).toEqual({ foundAt: expect.any(String), backupName: null });
    expect(readdirSync(backups).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
