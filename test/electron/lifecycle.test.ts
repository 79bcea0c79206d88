import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { createExportPathChooser } from '../../electron/main/dialogs';
import { runApp, STARTUP_ERROR_TITLE, type RunningApp } from '../../electron/main/lifecycle';
import { type FakeBrowserWindow, FakeFrame, FakeSession, FakeWebContents, fakeEvent, resetElectronFakes, state } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const MAIN_DIR = '/app/out/main';
const APP_URL = 'file:///app/out/renderer/index.html';

let dir: string;
let running: RunningApp | null = null;

let logged: MockInstance<typeof console.error>;

beforeEach(() => {
  resetElectronFakes();
  logged = vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  dir = mkdtempSync(join(tmpdir(), 'netwerkspiegel-main-'));
});

afterEach(() => {
  vi.restoreAllMocks();
  if (running?.services.db.open) running.services.db.close();
  running = null;
  rmSync(dir, { recursive: true, force: true });
});

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const start = (databasePath: string) =>
  runApp({ argv: ['electron', '.', `--database=${databasePath}`], env: {}, mainDir: MAIN_DIR, installProcessHandlers: false });

describe('startup with a good database', () => {
  it('opens the database from --database, registers IPC, sets the menu and opens one hardened window', async () => {
    const databasePath = join(dir, 'team.sqlite');
    running = await start(databasePath);
    expect(running).not.toBeNull();
    expect(state.app.enableSandbox).toHaveBeenCalled();
    expect(state.app.quit).not.toHaveBeenCalled();
    expect(running?.services.databasePath).toBe(databasePath);
    expect(readdirSync(dir)).toContain('team.sqlite');
    // The worker electron-vite builds beside index.js (test/packaging/study-file-worker.test.ts runs it).
    expect(running?.services.studyFileWorkerFile).toBe('/app/out/main/study-file-worker.js');

    expect(state.ipcMain.handlers.size).toBe(METHOD_NAMES.length);
    expect(state.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(state.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledTimes(1);

    expect(state.browserWindows).toHaveLength(1);
    const win = state.browserWindows[0] as FakeBrowserWindow;
    expect(win.options['webPreferences']).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: '/app/out/preload/index.js' });
    expect(win.loadedFile).toBe('/app/out/renderer/index.html');
    // web-contents-created hardened the window's contents before it loaded anything.
    expect(win.webContents.setWindowOpenHandler).toHaveBeenCalled();
    const nav = fakeEvent({ url: 'https://example.org/' });
    win.webContents.emit('will-navigate', nav);
    expect(nav.preventDefault).toHaveBeenCalled();
  });

  it('without flag or environment keeps the database in <appData>/Netwerkspiegel', async () => {
    state.app.paths['appData'] = dir;
    running = await runApp({ argv: ['electron', '.'], env: {}, mainDir: MAIN_DIR, installProcessHandlers: false });
    expect(running?.services.databasePath).toBe(join(dir, 'Netwerkspiegel', 'netwerkspiegel.sqlite'));
    expect(readdirSync(join(dir, 'Netwerkspiegel'))).toContain('netwerkspiegel.sqlite');
  });

  it('answers the main window over IPC and refuses any other webContents', async () => {
    running = await start(join(dir, 'a.sqlite'));
    const win = state.browserWindows[0] as FakeBrowserWindow;
    win.webContents.mainFrame.url = APP_URL;
    const handler = state.ipcMain.handlers.get('api:getAppInfo');

    const fromWindow = (await handler?.({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, {})) as Envelope<{ databasePath: string; version: string }>;
    expect(fromWindow.ok).toBe(true);
    expect(fromWindow.ok && fromWindow.value.databasePath).toBe(join(dir, 'a.sqlite'));
    expect(fromWindow.ok && fromWindow.value.version).toBe('9.9.9-test');

    const stranger = new FakeWebContents(new FakeSession(), APP_URL);
    const fromStranger = (await handler?.({ sender: stranger, senderFrame: stranger.mainFrame }, {})) as Envelope<unknown>;
    expect(fromStranger.ok === false && fromStranger.error.code).toBe('FORBIDDEN');

    const foreignFrame = (await handler?.({ sender: win.webContents, senderFrame: new FakeFrame('https://example.org/') }, {})) as Envelope<unknown>;
    expect(foreignFrame.ok === false && foreignFrame.error.code).toBe('FORBIDDEN');

    const invalid = (await state.ipcMain.handlers.get('api:getNetwork')?.({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, { networkId: 'geen-uuid' })) as Envelope<unknown>;
    expect(invalid.ok === false && invalid.error.code).toBe('VALIDATION');
  });

  it('focuses the existing window when a second copy starts', async () => {
    running = await start(join(dir, 'b.sqlite'));
    const win = state.browserWindows[0] as FakeBrowserWindow;
    win.minimized = true;
    state.app.emit('second-instance', fakeEvent(), ['electron', '.'], '/');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(state.browserWindows).toHaveLength(1);
  });

  it('saves the print view as an A4 PDF through the main window', async () => {
    running = await start(join(dir, 'pdf.sqlite'));
    const win = state.browserWindows[0] as FakeBrowserWindow;
    const bytes = await running!.services.printToPdf!();
    expect(Buffer.from(bytes).toString()).toBe('%PDF-1.7 fake');
    expect(win.webContents.printToPDF).toHaveBeenCalledWith({ printBackground: true, pageSize: 'A4' });
  });

  it('quits when all windows are closed and closes the database on will-quit', async () => {
    running = await start(join(dir, 'c.sqlite'));
    state.app.emit('window-all-closed');
    expect(state.app.quit).toHaveBeenCalled();
    expect(running?.services.db.open).toBe(true);
    state.app.emit('will-quit', fakeEvent());
    expect(running?.services.db.open).toBe(false);
  });
});

describe('startup with a database that must be refused', () => {
  it('shows the Dutch error, exits and leaves a damaged file byte-for-byte untouched', async () => {
    const databasePath = join(dir, 'kapot.sqlite');
    writeFileSync(databasePath, Buffer.from('Dit is geen SQLite-bestand maar wel belangrijk.'.repeat(200)));
    const before = sha(databasePath);

    running = await start(databasePath);
    expect(running).toBeNull();
    expect(state.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, message] = state.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe(STARTUP_ERROR_TITLE);
    expect(message).toContain(databasePath);
    expect(message).toMatch(/beschadigd/);
    expect(message).not.toMatch(/\n\s+at /); // no stack trace on screen
    // ... but the error itself, with its stack, is in the log.
    expect(logged.mock.calls.some((call) => call.some((arg) => arg instanceof Error && /open\.ts/.test(arg.stack ?? '')))).toBe(true);
    expect(state.app.exit).toHaveBeenCalledWith(1);
    expect(state.browserWindows).toHaveLength(0);
    expect(state.ipcMain.handlers.size).toBe(0);
    expect(sha(databasePath)).toBe(before);
    expect(readdirSync(dir)).toEqual(['kapot.sqlite']);
  });

  it('refuses a file from a newer app version without changing it', async () => {
    const databasePath = join(dir, 'nieuw.sqlite');
    const db = new Database(databasePath);
    db.exec('CREATE TABLE t (x)');
    db.pragma('user_version = 999');
    db.close();
    const before = sha(databasePath);

    running = await start(databasePath);
    expect(running).toBeNull();
    const [title, message] = state.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe(STARTUP_ERROR_TITLE);
    expect(message).toMatch(/nieuwere versie/);
    expect(state.app.exit).toHaveBeenCalledWith(1);
    expect(sha(databasePath)).toBe(before);
  });
});

describe('export path chooser', () => {
  const win = { isDestroyed: () => false } as unknown as BrowserWindow;

  it('asks for an .xlsx file in Documents and returns the chosen path', async () => {
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: '/home/anna/Documenten/export.xlsx' }));
    const choose = createExportPathChooser({ showSaveDialog, getWindow: () => win, documentsDir: () => '/home/anna/Documenten' });
    await expect(choose('T0-antwoorden.xlsx')).resolves.toBe('/home/anna/Documenten/export.xlsx');
    const [options, parent] = showSaveDialog.mock.calls[0] as unknown as [Record<string, unknown>, unknown];
    expect(options['defaultPath']).toBe('/home/anna/Documenten/T0-antwoorden.xlsx');
    expect(options['filters']).toEqual([{ name: 'Excel-werkmap', extensions: ['xlsx'] }]);
    expect(parent).toBe(win);
  });

  it('follows the suggested extension: a .json instrument export is offered as a JSON file', async () => {
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: '/docs/vragenlijst.json' }));
    const choose = createExportPathChooser({ showSaveDialog, getWindow: () => win, documentsDir: () => '/docs' });
    await expect(choose('kansrijke-samenwerking-v1.json')).resolves.toBe('/docs/vragenlijst.json');
    const [options] = showSaveDialog.mock.calls[0] as unknown as [Record<string, unknown>];
    expect(options['defaultPath']).toBe('/docs/kansrijke-samenwerking-v1.json');
    expect(options['filters']).toEqual([{ name: 'JSON-bestand', extensions: ['json'] }]);
    expect(options['title']).toBe('Vragenlijst exporteren');
  });

  it('says Excel-werkmap for .xlsx whatever the case of the extension', async () => {
    const showSaveDialog = vi.fn(async () => ({ canceled: true, filePath: '' }));
    const choose = createExportPathChooser({ showSaveDialog, getWindow: () => null, documentsDir: () => '/docs' });
    await choose('T1.XLSX');
    const [options] = showSaveDialog.mock.calls[0] as unknown as [Record<string, unknown>];
    expect(options['filters']).toEqual([{ name: 'Excel-werkmap', extensions: ['xlsx'] }]);
    expect(options['title']).toBe('Antwoorden exporteren');
  });

  it('returns null when the dialog is cancelled', async () => {
    const showSaveDialog = vi.fn(async () => ({ canceled: true, filePath: '' }));
    const choose = createExportPathChooser({ showSaveDialog, getWindow: () => null, documentsDir: () => '/docs' });
    await expect(choose('x.xlsx')).resolves.toBeNull();
  });

  it('keeps a suggested name inside the Documents folder', async () => {
    const showSaveDialog = vi.fn(async () => ({ canceled: true, filePath: '' }));
    const choose = createExportPathChooser({ showSaveDialog, getWindow: () => null, documentsDir: () => '/docs' });
    await choose('../../etc/x.xlsx');
    const [options] = showSaveDialog.mock.calls[0] as unknown as [Record<string, unknown>];
    expect(options['defaultPath']).toBe('/docs/x.xlsx');
  });
});
