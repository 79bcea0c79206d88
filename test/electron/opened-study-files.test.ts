import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PUSH_CHANNELS, type OpenedStudyFile } from '../../shared/contract';
import { runApp, type RunningApp } from '../../electron/main/lifecycle';
import { createStudyFileInbox, readOpenedStudyFile, studyFilePathFromArgv } from '../../electron/main/opened-study-files';
import { type FakeBrowserWindow, fakeEvent, resetElectronFakes, state } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

/**
 * Opening a .nwstudie file from outside the app (double-click, "Open with"): which command-line
 * argument is the study file, which files are refused, and how the main process holds a file back
 * until the page listens and kiosk mode is off. The lifecycle tests run the real main process
 * against the fake Electron and a real SQLite file.
 */

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'netwerkspiegel-open-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('which command-line argument is a study file', () => {
  it('takes the study file after the executable (packaged app on Linux or Windows)', () => {
    expect(studyFilePathFromArgv(['/opt/Netwerkspiegel/netwerkspiegel', '/home/anna/Downloads/twente.nwstudie'], '/')).toBe('/home/anna/Downloads/twente.nwstudie');
  });

  it('skips the app folder in development and the switches Chromium adds to a second copy', () => {
    expect(studyFilePathFromArgv(['/usr/lib/electron/electron', '.', '/home/anna/twente.nwstudie'], '/')).toBe('/home/anna/twente.nwstudie');
    expect(
      studyFilePathFromArgv(
        ['/opt/Netwerkspiegel/netwerkspiegel', '--allow-file-access-from-files', '/home/anna/T1 laptop B.NWSTUDIE', '--original-process-start-time=13370000000'],
        '/',
      ),
    ).toBe('/home/anna/T1 laptop B.NWSTUDIE');
  });

  it('reads a file:// URL (Linux desktops pass %U) and takes a relative path from the working folder', () => {
    expect(studyFilePathFromArgv(['/opt/x/netwerkspiegel', 'file:///home/anna/Studie%20Twente.nwstudie'], '/')).toBe('/home/anna/Studie Twente.nwstudie');
    expect(studyFilePathFromArgv(['/opt/x/netwerkspiegel', 'exports/twente.nwstudie'], '/home/anna')).toBe('/home/anna/exports/twente.nwstudie');
  });

  it('finds none among flags, other files and the executable itself; of several, the last one counts', () => {
    expect(studyFilePathFromArgv(['/opt/x/netwerkspiegel'], '/')).toBeNull();
    expect(studyFilePathFromArgv(['/opt/x/netwerkspiegel', '--database=/data/oud.nwstudie'], '/')).toBeNull();
    expect(studyFilePathFromArgv(['/opt/x/netwerkspiegel', '/home/anna/twente.json', '/home/anna/nwstudie'], '/')).toBeNull();
    expect(studyFilePathFromArgv(['/home/anna/vreemd.nwstudie'], '/')).toBeNull();
    expect(studyFilePathFromArgv(['/opt/x/netwerkspiegel', '/a/eerste.nwstudie', '/a/tweede.nwstudie'], '/')).toBe('/a/tweede.nwstudie');
  });
});

describe('reading an opened study file', () => {
  it('gives the content and the file name, without a byte-order mark', () => {
    const path = join(dir, 'Twente T0.nwstudie');
    writeFileSync(path, '\uFEFF{"format":"netwerkspiegel-studiebestand"}', 'utf8');
    expect(readOpenedStudyFile(path, 3)).toEqual({ sequence: 3, fileName: 'Twente T0.nwstudie', content: '{"format":"netwerkspiegel-studiebestand"}' });
  });

  it('refuses a file of another kind in Dutch, naming the file and what to choose instead', () => {
    const path = join(dir, 'antwoorden.xlsx');
    writeFileSync(path, 'PK');
    const file = readOpenedStudyFile(path, 1);
    expect(file).not.toHaveProperty('content');
    expect(file).toEqual({
      sequence: 1,
      fileName: 'antwoorden.xlsx',
      refusal:
        '"antwoorden.xlsx" is geen studiebestand van Netwerkspiegel: alleen bestanden die eindigen op .nwstudie kunnen worden ingelezen. ' +
        'Kies het studiebestand (.nwstudie) dat de andere laptop heeft geëxporteerd.',
    });
  });

  it('accepts a file of exactly 25 MB and refuses one byte more', () => {
    const limit = join(dir, 'grens.nwstudie');
    writeFileSync(limit, '');
    truncateSync(limit, 25_000_000);
    const atLimit = readOpenedStudyFile(limit, 1);
    expect('content' in atLimit && atLimit.content.length).toBe(25_000_000);

    const over = join(dir, 'te-groot.nwstudie');
    writeFileSync(over, '');
    truncateSync(over, 25_000_001);
    expect(readOpenedStudyFile(over, 2)).toEqual({
      sequence: 2,
      fileName: 'te-groot.nwstudie',
      refusal: '"te-groot.nwstudie" is te groot voor een studiebestand (meer dan 25 MB). Controleer of dit het bestand is dat de andere laptop heeft geëxporteerd.',
    });
  });

  it('refuses a missing file and a folder', () => {
    expect(readOpenedStudyFile(join(dir, 'weg.nwstudie'), 1)).toMatchObject({ refusal: expect.stringMatching(/^"weg\.nwstudie" kon niet worden gelezen\. Controleer of het bestand nog bestaat/) });
    mkdirSync(join(dir, 'map.nwstudie'));
    expect(readOpenedStudyFile(join(dir, 'map.nwstudie'), 1)).toMatchObject({ refusal: '"map.nwstudie" is geen bestand maar een map. Kies het studiebestand zelf.' });
  });
});

describe('holding an opened study file until it can be shown', () => {
  function inbox(kiosk = { on: false }) {
    const delivered: OpenedStudyFile[] = [];
    const read = vi.fn((path: string, sequence: number): OpenedStudyFile => ({ sequence, fileName: path, content: `inhoud van ${path}` }));
    const box = createStudyFileInbox({ deliver: (file) => delivered.push(file), isKioskOn: () => kiosk.on, read, log: () => {} });
    return { box, delivered, read, kiosk };
  }

  it('delivers a file that arrived before the page listened once it listens, and later ones at once', () => {
    const { box, delivered } = inbox();
    box.offer('/a/eerste.nwstudie');
    expect(delivered).toEqual([]);
    box.rendererListening();
    expect(delivered).toEqual([{ sequence: 1, fileName: '/a/eerste.nwstudie', content: 'inhoud van /a/eerste.nwstudie' }]);
    box.offer('/a/eerste.nwstudie');
    expect(delivered.map((f) => f.sequence)).toEqual([1, 2]);
  });

  it('keeps only the newest of several files that arrive while nobody listens', () => {
    const { box, delivered, read } = inbox();
    box.rendererListening();
    box.rendererGone();
    box.offer('/a/eerste.nwstudie');
    box.offer('/a/tweede.nwstudie');
    box.rendererListening();
    expect(delivered.map((f) => f.fileName)).toEqual(['/a/tweede.nwstudie']);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('in kiosk mode neither reads nor shows the file; it waits until the researcher has left kiosk mode', () => {
    const { box, delivered, read, kiosk } = inbox({ on: true });
    box.rendererListening();
    box.offer('/a/twente.nwstudie');
    expect(delivered).toEqual([]);
    expect(read).not.toHaveBeenCalled();
    kiosk.on = false;
    // Leaving kiosk mode mounts the researcher's screens again, which subscribe anew.
    box.rendererListening();
    expect(delivered.map((f) => f.fileName)).toEqual(['/a/twente.nwstudie']);
  });
});

describe('the main process with a double-clicked study file', () => {
  const MAIN_DIR = '/app/out/main';
  const APP_URL = 'file:///app/out/renderer/index.html';
  let running: RunningApp | null = null;

  beforeEach(() => {
    resetElectronFakes();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    if (running?.services.db.open) running.services.db.close();
    running = null;
  });

  function studyFile(name: string, content: string): string {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  }
  const start = (...extraArgs: string[]) =>
    runApp({ argv: ['/opt/Netwerkspiegel/netwerkspiegel', `--database=${join(dir, 'db.sqlite')}`, ...extraArgs], env: {}, mainDir: MAIN_DIR, installProcessHandlers: false });
  const window = () => state.browserWindows[0] as FakeBrowserWindow;
  /** What the page's preload does on subscribing: say it listens, from the app's own page. */
  function pageListens(sender = window().webContents) {
    sender.mainFrame.url = APP_URL;
    state.ipcMain.emit(PUSH_CHANNELS.studyFileListening, { sender, senderFrame: sender.mainFrame });
  }
  const pushed = () => window().webContents.send.mock.calls.filter(([channel]) => channel === PUSH_CHANNELS.studyFileOpened).map(([, file]) => file);

  it('pushes the file from the first start\'s command line once the page listens', async () => {
    const path = studyFile('twente.nwstudie', '{"laptop":"B"}');
    running = await start(path);
    expect(pushed()).toEqual([]);
    pageListens();
    expect(pushed()).toEqual([{ sequence: 1, fileName: 'twente.nwstudie', content: '{"laptop":"B"}' }]);
  });

  it('ignores "listening" from anything but the app page in the main window', async () => {
    running = await start(studyFile('twente.nwstudie', '{}'));
    const win = window();
    win.webContents.mainFrame.url = 'https://example.org/';
    state.ipcMain.emit(PUSH_CHANNELS.studyFileListening, { sender: win.webContents, senderFrame: win.webContents.mainFrame });
    expect(pushed()).toEqual([]);
  });

  it('takes the file from a second copy\'s command line and from macOS open-file, and focuses the window', async () => {
    running = await start();
    pageListens();
    window().minimized = true;
    studyFile('tweede.nwstudie', '{"nr":2}');
    // The second copy's path is relative to the folder it was started in.
    state.app.emit('second-instance', fakeEvent(), ['/opt/Netwerkspiegel/netwerkspiegel', '--allow-file-access-from-files', 'tweede.nwstudie'], dir);
    expect(pushed()).toEqual([{ sequence: 1, fileName: 'tweede.nwstudie', content: '{"nr":2}' }]);
    expect(window().restore).toHaveBeenCalled();

    const openFile = fakeEvent();
    state.app.emit('open-file', openFile, studyFile('derde.xlsx', 'PK'));
    expect(openFile.preventDefault).toHaveBeenCalled();
    expect(pushed().at(-1)).toMatchObject({ sequence: 2, fileName: 'derde.xlsx', refusal: expect.stringContaining('is geen studiebestand van Netwerkspiegel') });
  });

  it('holds a file back while kiosk mode is on and shows it after the researcher leaves kiosk mode', async () => {
    running = await start();
    pageListens();
    running!.kioskWindow.set(true);
    state.app.emit('open-file', fakeEvent(), studyFile('tijdens-afname.nwstudie', '{}'));
    expect(pushed()).toEqual([]);
    running!.kioskWindow.set(false);
    pageListens();
    expect(pushed()).toEqual([{ sequence: 1, fileName: 'tijdens-afname.nwstudie', content: '{}' }]);
  });

  it('waits again after the page starts loading anew', async () => {
    running = await start();
    pageListens();
    window().webContents.emit('did-start-loading');
    state.app.emit('open-file', fakeEvent(), studyFile('na-herladen.nwstudie', '{}'));
    expect(pushed()).toEqual([]);
    pageListens();
    expect(pushed()).toHaveLength(1);
  });
});
