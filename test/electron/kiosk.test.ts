import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/contract';
import { unwrap, type Envelope } from '../../shared/errors';
import { isBlockedKioskShortcut } from '../../electron/main/kiosk';
import { runApp, type RunningApp } from '../../electron/main/lifecycle';
import { type FakeBrowserWindow, fakeEvent, resetElectronFakes, state } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

/**
 * Kiosk mode (afnamemodus) in the main process: the services switch it on and off through
 * ServiceContext.setKioskWindow; the window then locks (kiosk, full screen, no menu bar, no
 * closing, no reload/devtools/navigation shortcuts) and unlocks. A session left in the database
 * locks the window again on the next start.
 */

const MAIN_DIR = '/app/out/main';
const APP_URL = 'file:///app/out/renderer/index.html';
const KS = 'kansrijke-samenwerking';
const PIN = '482913';

let dir: string;
const runningApps: RunningApp[] = [];

beforeEach(() => {
  resetElectronFakes();
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  dir = mkdtempSync(join(tmpdir(), 'netwerkspiegel-kiosk-main-'));
});

afterEach(() => {
  vi.restoreAllMocks();
  for (const r of runningApps.splice(0)) if (r.services.db.open) r.services.db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<{ running: RunningApp; win: FakeBrowserWindow }> {
  const running = await runApp({ argv: ['electron', '.', `--database=${join(dir, 'kiosk.sqlite')}`], env: {}, mainDir: MAIN_DIR, installProcessHandlers: false });
  if (!running) throw new Error('the app did not start');
  runningApps.push(running);
  const win = state.browserWindows.at(-1) as FakeBrowserWindow;
  win.webContents.mainFrame.url = APP_URL;
  return { running, win };
}

/** A call over IPC from the window, as the preload makes it. */
async function ipc<K extends MethodName>(win: FakeBrowserWindow, name: K, input: Input<K>): Promise<Envelope<Output<K>>> {
  const handler = state.ipcMain.handlers.get(`api:${name}`);
  if (!handler) throw new Error(`no handler for ${name}`);
  return (await handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, input)) as Envelope<Output<K>>;
}
const ok = async <K extends MethodName>(win: FakeBrowserWindow, name: K, input: Input<K>) => unwrap(await ipc(win, name, input));

async function startKiosk(win: FakeBrowserWindow): Promise<void> {
  const network = await ok(win, 'createNetwork', { name: 'Dementie Twente' });
  const wave = await ok(win, 'createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
  await ok(win, 'setResearcherPin', { pin: PIN, currentPin: null });
  await ok(win, 'startKiosk', { waveId: wave.id, pin: PIN });
}

type KeyInput = Parameters<typeof isBlockedKioskShortcut>[0];
const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => {
  const code = /^[a-z]$/i.test(k) ? `Key${k.toUpperCase()}` : /^\d$/.test(k) ? `Digit${k}` : k;
  return { type: 'keyDown', key: k, code, control: false, meta: false, alt: false, shift: false, ...mods };
};

/** Sends one key press to the window as Electron would, and says whether it was stopped. */
function press(win: FakeBrowserWindow, input: KeyInput): boolean {
  const event = fakeEvent();
  win.webContents.emit('before-input-event', event, input);
  return event.defaultPrevented;
}

describe('isBlockedKioskShortcut', () => {
  it('blocks reload, developer tools, back/forward, close, quit and full-screen keys', () => {
    const blocked: [string, KeyInput][] = [
      ['F5', key('F5')],
      ['Ctrl+R', key('r', { control: true })],
      ['Ctrl+Shift+R', key('R', { control: true, shift: true })],
      ['Cmd+R', key('r', { meta: true })],
      ['F12', key('F12')],
      ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
      ['Ctrl+Shift+J', key('J', { control: true, shift: true })],
      ['Ctrl+Shift+C', key('C', { control: true, shift: true })],
      ['Cmd+Alt+I', key('i', { meta: true, alt: true })],
      ['Alt+Left', key('ArrowLeft', { alt: true })],
      ['Alt+Right', key('ArrowRight', { alt: true })],
      ['Cmd+[', { ...key('['), code: 'BracketLeft', meta: true }],
      ['BrowserBack', key('BrowserBack')],
      ['Ctrl+W', key('w', { control: true })],
      ['Cmd+Q', key('q', { meta: true })],
      ['Ctrl+Q', key('q', { control: true })],
      ['Alt+F4', key('F4', { alt: true })],
      ['F11', key('F11')],
      ['Cmd+M', key('m', { meta: true })],
      ['Cmd+H', key('h', { meta: true })],
      ['Ctrl+P', key('p', { control: true })],
      ['Ctrl+Cmd+F', key('f', { control: true, meta: true })],
    ];
    for (const [name, input] of blocked) expect(isBlockedKioskShortcut(input), name).toBe(true);
  });

  it('lets through everything a respondent needs to answer and type', () => {
    const allowed: [string, KeyInput][] = [
      ...'0123456789'.split('').map((d): [string, KeyInput] => [d, key(d)]),
      ['n', key('n')],
      ['Shift+A', key('A', { shift: true })],
      ['Enter', key('Enter')],
      ['Tab', key('Tab')],
      ['Shift+Tab', key('Tab', { shift: true })],
      ['Space', { ...key(' '), code: 'Space' }],
      ['Escape', key('Escape')],
      ['Backspace', key('Backspace')],
      ['ArrowLeft', key('ArrowLeft')],
      ['ArrowRight', key('ArrowRight')],
      ['Ctrl+C', key('c', { control: true })],
      ['Ctrl+V', key('v', { control: true })],
      ['Ctrl+A', key('a', { control: true })],
      ['Ctrl+Z', key('z', { control: true })],
      ['Ctrl+= (zoom in)', key('=', { control: true })],
      ['Ctrl+- (zoom out)', key('-', { control: true })],
    ];
    for (const [name, input] of allowed) expect(isBlockedKioskShortcut(input), name).toBe(false);
  });

  it('looks only at key presses, not at key releases', () => {
    expect(isBlockedKioskShortcut({ ...key('F5'), type: 'keyUp' })).toBe(false);
  });

  it('uses the physical key for letters, so another keyboard layout cannot slip Ctrl+R through', () => {
    // On a Cyrillic layout Ctrl+R gives key 'к' with code 'KeyR'.
    expect(isBlockedKioskShortcut({ ...key('к', { control: true }), code: 'KeyR' })).toBe(true);
  });
});

describe('the kiosk window', () => {
  it('starts unlocked when no kiosk session exists', async () => {
    const { running, win } = await start();
    expect(running.kioskWindow.isOn()).toBe(false);
    expect(win.options['kiosk']).toBeUndefined();
    expect(win.kiosk).toBe(false);
    expect(win.setKiosk).not.toHaveBeenCalled(); // a fresh window is left as it is
    expect(press(win, key('F5'))).toBe(false);
    win.close();
    expect(win.closed).toBe(true);
  });

  it('locks when the services start kiosk mode and unlocks only after the right PIN', async () => {
    const { running, win } = await start();
    await startKiosk(win);

    expect(running.kioskWindow.isOn()).toBe(true);
    expect(win.setKiosk).toHaveBeenLastCalledWith(true);
    expect(win.setFullScreen).toHaveBeenLastCalledWith(true);
    expect(win.setMenuBarVisibility).toHaveBeenLastCalledWith(false);
    expect({ kiosk: win.kiosk, fullScreen: win.fullScreen, menuBarVisible: win.menuBarVisible }).toEqual({ kiosk: true, fullScreen: true, menuBarVisible: false });

    // Shortcuts that would reload, open devtools, navigate or quit are swallowed; answering keys are not.
    for (const input of [key('F5'), key('r', { control: true }), key('I', { control: true, shift: true }), key('F12'), key('ArrowLeft', { alt: true }), key('w', { control: true }), key('q', { meta: true })]) {
      expect(press(win, input), `${input.key}`).toBe(true);
    }
    for (const input of [key('4'), key('Enter'), key('n'), key('Tab')]) expect(press(win, input), input.key).toBe(false);

    // The window cannot be closed (Alt+F4, the close button, Cmd+W from a menu all end here).
    win.close();
    expect(win.closed).toBe(false);

    // Developer tools opened some other way are closed again at once.
    win.webContents.devToolsOpen = true;
    win.webContents.emit('devtools-opened');
    expect(win.webContents.closeDevTools).toHaveBeenCalled();
    expect(win.webContents.devToolsOpen).toBe(false);

    // A wrong PIN changes nothing.
    const wrong = await ipc(win, 'exitKiosk', { pin: '000000' });
    expect(wrong.ok === false && wrong.error.code).toBe('FORBIDDEN');
    expect(running.kioskWindow.isOn()).toBe(true);
    expect(win.kiosk).toBe(true);

    await ok(win, 'exitKiosk', { pin: PIN });
    expect(running.kioskWindow.isOn()).toBe(false);
    expect({ kiosk: win.kiosk, fullScreen: win.fullScreen, menuBarVisible: win.menuBarVisible }).toEqual({ kiosk: false, fullScreen: false, menuBarVisible: true });
    expect(press(win, key('F5'))).toBe(false);
    win.close();
    expect(win.closed).toBe(true);
  });

  it('comes back locked after a restart while a kiosk session was active', async () => {
    const first = await start();
    await startKiosk(first.win);
    // The app is killed: nothing tells the database kiosk mode ended.
    first.running.services.db.close();

    resetElectronFakes();
    const { running, win } = await start();
    expect(running.kioskWindow.isOn()).toBe(true);
    // Locked from the first frame (constructor options), and through the controller.
    expect(win.options).toMatchObject({ kiosk: true, fullscreen: true });
    expect({ kiosk: win.kiosk, fullScreen: win.fullScreen, menuBarVisible: win.menuBarVisible }).toEqual({ kiosk: true, fullScreen: true, menuBarVisible: false });
    expect(press(win, key('F5'))).toBe(true);
    win.close();
    expect(win.closed).toBe(false);

    const kiosk = await ok(win, 'getKioskState', {});
    expect(kiosk.session?.waveLabel).toBe('T0');
    await ok(win, 'exitKiosk', { pin: PIN });
    expect(win.kiosk).toBe(false);
  });

  it('lets the window close when the operating system ends the session', async () => {
    const { win } = await start();
    await startKiosk(win);
    win.close();
    expect(win.closed).toBe(false);
    win.emit('session-end', fakeEvent());
    win.close();
    expect(win.closed).toBe(true);
  });
});
