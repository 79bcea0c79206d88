import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startServices } from '../../electron/services/app';
import { BACKUP_CHECK_INTERVAL_MS, describeCandidate, startDailyBackups } from '../../electron/main/backups';
import { saveDialogKind } from '../../electron/main/dialogs';
import { runApp, STARTUP_ERROR_TITLE, type RunningApp } from '../../electron/main/lifecycle';
import { resetElectronFakes, state } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

/**
 * The main process when the database is damaged: the person is told what happened and offered the
 * newest good backups; a choice renames the damaged file aside (never deleted) and starts on the
 * backup; declining quits with the file untouched. Also the daily backup timer.
 */

let dir: string;
let running: RunningApp | null = null;

beforeEach(() => {
  resetElectronFakes();
  vi.spyOn(console, 'error').mockImplementation(() => {});
  dir = mkdtempSync(join(tmpdir(), 'netwerkspiegel-recovery-'));
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  if (running?.services.db.open) running.services.db.close();
  running = null;
  rmSync(dir, { recursive: true, force: true });
});

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const start = (databasePath: string) => runApp({ argv: ['electron', '.', `--database=${databasePath}`], env: {}, mainDir: '/app/out/main', installProcessHandlers: false });
const open = (databasePath: string) => startServices({ databasePath, appVersion: 'test', chooseExportPath: async () => null });

/** A database with a network, opened twice so the second start made a backup; then damaged. */
function damagedWithBackup(): { file: string; damagedSha: string } {
  const file = join(dir, 'team.sqlite');
  const first = open(file);
  first.db.prepare("INSERT INTO networks (id, name, created_at, updated_at, device_id) VALUES ('n1', 'Palliatief netwerk', 'x', 'x', 'd')").run();
  first.db.close();
  open(file).db.close();
  writeFileSync(file, readFileSync(file).subarray(0, 1500));
  return { file, damagedSha: sha(file) };
}

describe('a damaged database at start-up', () => {
  it('offers the backups, and on a choice keeps the damaged file aside and starts on the backup', async () => {
    const { file, damagedSha } = damagedWithBackup();
    running = await start(file);

    expect(state.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    const [options] = state.dialog.showMessageBox.mock.calls[0] as [{ type: string; title: string; message: string; detail: string; buttons: string[]; cancelId: number }];
    expect(options.title).toBe(STARTUP_ERROR_TITLE);
    expect(options.message).toMatch(/beschadigd.*reservekopie terugzetten/);
    expect(options.detail).toContain(file);
    expect(options.detail).toMatch(/niet verwijderd/);
    expect(options.buttons).toHaveLength(2);
    expect(options.buttons[0]).toMatch(/^Terugzetten: \d{2}-\d{2}-\d{4},? \d{2}:\d{2} \(bij het starten\)$/);
    expect(options.buttons[1]).toBe('Afsluiten');
    expect(options.cancelId).toBe(1);
    expect(state.dialog.showErrorBox).not.toHaveBeenCalled();

    expect(running).not.toBeNull();
    expect(state.browserWindows).toHaveLength(1);
    expect(running?.services.db.prepare('SELECT name FROM networks').pluck().all()).toEqual(['Palliatief netwerk']);
    const aside = readdirSync(dir).filter((f) => f.startsWith('team.sqlite.beschadigd-') && !/-(wal|shm)$/.test(f));
    expect(aside).toHaveLength(1);
    expect(sha(join(dir, aside[0]!))).toBe(damagedSha);
    expect(state.app.exit).not.toHaveBeenCalled();
  });

  it('quits with the damaged file untouched when the person chooses "Afsluiten"', async () => {
    const { file, damagedSha } = damagedWithBackup();
    state.dialog.showMessageBox.mockImplementationOnce(async () => ({ response: 1, checkboxChecked: false }));
    running = await start(file);
    expect(running).toBeNull();
    expect(state.app.exit).toHaveBeenCalledWith(1);
    expect(sha(file)).toBe(damagedSha);
    expect(readdirSync(dir).some((f) => f.includes('beschadigd'))).toBe(false);
    expect(state.browserWindows).toHaveLength(0);
  });

  it('says so when there is no usable backup, and quits without changing the file', async () => {
    const file = join(dir, 'kapot.sqlite');
    writeFileSync(file, Buffer.from('Geen database, wel belangrijk.'.repeat(100)));
    const before = sha(file);
    running = await start(file);
    expect(running).toBeNull();
    expect(state.dialog.showMessageBox).not.toHaveBeenCalled();
    const [title, message] = state.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe(STARTUP_ERROR_TITLE);
    expect(message).toMatch(/beschadigd/);
    expect(message).toContain(`Er is geen bruikbare reservekopie gevonden in ${join(dir, 'backups')}.`);
    expect(state.app.exit).toHaveBeenCalledWith(1);
    expect(sha(file)).toBe(before);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('asks where to save a study file with its own title and filter', () => {
    expect(saveDialogKind('netwerkspiegel-studie-2026-03-01.nwstudie')).toEqual({
      title: 'Studiebestand exporteren',
      filters: [{ name: 'Netwerkspiegel-studiebestand', extensions: ['nwstudie'] }],
    });
  });

  it('describes a backup by local date, time and reason', () => {
    expect(describeCandidate({ name: 'x', createdAt: '2026-03-12T13:05:00.000Z', reason: 'voor-migratie-v2' })).toMatch(/^\d{2}-\d{2}-\d{4},? \d{2}:\d{2} \(vóór een update\)$/);
  });
});

describe('the daily backup while the app runs', () => {
  it('checks every half hour and backs up when the newest backup is a day old', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const file = join(dir, 'dagelijks.sqlite');
    let now = Date.parse('2026-03-02T09:00:00.000Z');
    const services = startServices({ databasePath: file, appVersion: 'test', chooseExportPath: async () => null, now: () => new Date(now).toISOString() });
    const backups = () => (existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')) : []);
    const stop = startDailyBackups(() => services);
    expect(backups()).toEqual([]); // nothing at once: start-up already had its chance
    vi.advanceTimersByTime(BACKUP_CHECK_INTERVAL_MS);
    expect(backups()).toHaveLength(1); // none existed yet
    now += 23 * 3600_000;
    vi.advanceTimersByTime(BACKUP_CHECK_INTERVAL_MS);
    expect(backups()).toHaveLength(1);
    now += 2 * 3600_000;
    vi.advanceTimersByTime(BACKUP_CHECK_INTERVAL_MS);
    expect(backups().map((n) => n.replace(/^.*Z-/, ''))).toEqual(['dagelijks.sqlite', 'dagelijks.sqlite']);
    stop();
    now += 48 * 3600_000;
    vi.advanceTimersByTime(BACKUP_CHECK_INTERVAL_MS * 4);
    expect(backups()).toHaveLength(2);
    services.db.close();
  });
});
