import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { IpcMainInvokeEvent, MenuItemConstructorOptions, Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { createSenderCheck, FORBIDDEN_ENVELOPE, registerIpc, type Dispatch } from '../../electron/main/ipc';
import { runApp } from '../../electron/main/lifecycle';
import { buildMenuTemplate } from '../../electron/main/menu';
import {
  CONTENT_SECURITY_POLICY,
  createAppUrlMatcher,
  hardenSession,
  hardenWebContents,
  withCspHeader,
} from '../../electron/main/security';
import { createMainWindow, mainWindowOptions, resolveRendererTarget } from '../../electron/main/window';
import { type FakeBrowserWindow, FakeFrame, FakeSession, FakeWebContents, fakeEvent, resetElectronFakes, state } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const APP_URL = 'file:///opt/netwerkspiegel/resources/app/out/renderer/index.html';
const isAppUrl = createAppUrlMatcher(APP_URL, 'linux');
const silent = () => {};

beforeEach(() => {
  resetElectronFakes();
});

describe('main window', () => {
  it('is sandboxed, isolated, without Node and with the preload', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.js').webPreferences;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      preload: '/app/out/preload/index.js',
    });
  });

  it('starts hidden, is titled Netwerkspiegel, loads the built file and shows on ready-to-show', () => {
    const target = resolveRendererTarget({ isPackaged: true, env: {}, mainDir: '/app/out/main' });
    const win = createMainWindow({ target, preloadPath: '/app/out/preload/index.js' }) as unknown as FakeBrowserWindow;
    expect(win.options).toMatchObject({ show: false, title: 'Netwerkspiegel' });
    expect(win.options['webPreferences']).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(win.loadedFile).toBe(resolve('/app/out/renderer/index.html'));
    expect(win.loadedUrl).toBeNull();
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
  });

  it('uses the dev server only when unpackaged and only for http(s)', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    expect(resolveRendererTarget({ isPackaged: false, env, mainDir: '/app/out/main' })).toEqual({
      kind: 'dev-server',
      url: 'http://localhost:5173/',
    });
    expect(resolveRendererTarget({ isPackaged: true, env, mainDir: '/app/out/main' }).kind).toBe('file');
    expect(
      resolveRendererTarget({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'javascript:alert(1)' }, mainDir: '/app/out/main' }).kind,
    ).toBe('file');
  });
});

describe('navigation and windows', () => {
  function hardened() {
    const contents = new FakeWebContents(new FakeSession());
    hardenWebContents(contents as unknown as WebContents, isAppUrl, silent);
    return contents;
  }

  it('prevents will-navigate to a foreign URL and allows the app page', () => {
    const contents = hardened();
    for (const url of ['https://example.org/', 'file:///etc/passwd', 'file:///opt/netwerkspiegel/resources/app/out/renderer/other.html']) {
      const event = fakeEvent({ url });
      contents.emit('will-navigate', event);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
    for (const url of [APP_URL, `${APP_URL}#/netwerken`, `${APP_URL}?x=1`]) {
      const event = fakeEvent({ url });
      contents.emit('will-navigate', event);
      expect(event.preventDefault, url).not.toHaveBeenCalled();
    }
  });

  it('prevents a redirect to a foreign URL', () => {
    const contents = hardened();
    const event = fakeEvent({ url: 'https://evil.example/' });
    contents.emit('will-redirect', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies window.open and <webview>', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: APP_URL })).toEqual({ action: 'deny' });
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('matches the dev server by origin', () => {
    const dev = createAppUrlMatcher('http://localhost:5173/');
    expect(dev('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
    expect(dev('https://localhost:5173/')).toBe(false);
    expect(dev('not a url')).toBe(false);
  });

  it('compares file paths case-insensitively on Windows only', () => {
    const win = createAppUrlMatcher('file:///C:/Programma/Netwerkspiegel/out/renderer/index.html', 'win32');
    expect(win('file:///c:/programma/netwerkspiegel/out/renderer/index.html')).toBe(true);
    expect(isAppUrl(APP_URL.toUpperCase().replace('FILE:', 'file:'))).toBe(false);
  });
});

describe('session', () => {
  function hardenedSession() {
    const session = new FakeSession();
    hardenSession(session as unknown as Session);
    return session;
  }

  it('refuses every permission request and check', () => {
    const session = hardenedSession();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      const callback = vi.fn();
      session.permissionRequestHandler?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(session.permissionCheckHandler?.({}, 'media', APP_URL, {})).toBe(false);
  });

  it('adds the CSP response header and keeps the other headers', () => {
    const session = hardenedSession();
    const callback = vi.fn();
    session.headersReceived?.({ url: APP_URL, responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    const headers = callback.mock.calls[0]?.[0]?.responseHeaders as Record<string, string[]>;
    expect(headers['Content-Type']).toEqual(['text/html']);
    const csp = headers['Content-Security-Policy']?.join(' ') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("default-src 'none'");
  });

  it('does not loosen a CSP the response already had', () => {
    const headers = withCspHeader({ 'Content-Security-Policy': "default-src 'none'" });
    expect(headers['Content-Security-Policy']).toEqual(["default-src 'none'", `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`]);
  });

  it('hardens a session only once', () => {
    const session = hardenedSession();
    hardenSession(session as unknown as Session);
    expect(session.webRequest.onHeadersReceived).toHaveBeenCalledTimes(1);
  });

  it('uses the same policy as the meta tag in renderer/index.html, with no inline or eval scripts', () => {
    const scriptSrc = CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    const html = readFileSync(resolve(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('single instance', () => {
  it('quits without opening anything when the lock is held by another copy', async () => {
    state.app.lockAcquired = false;
    const result = await runApp({ argv: [], env: {}, mainDir: '/app/out/main', installProcessHandlers: false });
    expect(result).toBeNull();
    expect(state.app.quit).toHaveBeenCalledTimes(1);
    expect(state.app.whenReady).not.toHaveBeenCalled();
    expect(state.browserWindows).toHaveLength(0);
    expect(state.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('moves userData to <appData>/Netwerkspiegel before taking the lock (the lock lives there)', async () => {
    state.app.lockAcquired = false;
    await runApp({ argv: [], env: {}, mainDir: '/app/out/main', installProcessHandlers: false });
    expect(state.app.setPath).toHaveBeenCalledWith('userData', resolve('/fake/appData', 'Netwerkspiegel'));
    const setPathOrder = state.app.setPath.mock.invocationCallOrder[0] ?? Infinity;
    const lockOrder = state.app.requestSingleInstanceLock.mock.invocationCallOrder[0] ?? -Infinity;
    expect(setPathOrder).toBeLessThan(lockOrder);
  });
});

describe('application menu', () => {
  const onAbout = vi.fn();
  function allItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
    return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
  }

  it('has Dutch top-level menus and Dutch labels on every role', () => {
    const template = buildMenuTemplate({ isPackaged: true, platform: 'win32', onAbout });
    expect(template.map((m) => m.label)).toEqual(['Bestand', 'Bewerken', 'Beeld', 'Help']);
    const labels = allItems(template).map((i) => i.label);
    for (const label of ['Afsluiten', 'Ongedaan maken', 'Opnieuw', 'Knippen', 'Kopiëren', 'Plakken', 'Alles selecteren', 'Volledig scherm', 'Inzoomen', 'Uitzoomen', 'Werkelijke grootte', 'Over Netwerkspiegel']) {
      expect(labels).toContain(label);
    }
    for (const item of allItems(template)) {
      if (item.role !== undefined) expect(item.label, `role ${item.role}`).toMatch(/\S/);
    }
    expect(labels.filter((l) => l !== undefined && /^(File|Edit|View|Quit|Copy|Paste|Undo)$/i.test(l))).toEqual([]);
  });

  it('has no developer tools or reload when packaged, but has them in development', () => {
    const devRoles = ['toggleDevTools', 'reload', 'forceReload'];
    const packaged = allItems(buildMenuTemplate({ isPackaged: true, platform: 'win32', onAbout })).map((i) => i.role);
    for (const role of devRoles) expect(packaged).not.toContain(role);
    const development = allItems(buildMenuTemplate({ isPackaged: false, platform: 'win32', onAbout })).map((i) => i.role);
    expect(development).toContain('toggleDevTools');
  });

  it('opens the Dutch about box from Help', () => {
    onAbout.mockClear();
    const help = buildMenuTemplate({ isPackaged: true, platform: 'linux', onAbout }).find((m) => m.label === 'Help');
    const about = (help?.submenu as MenuItemConstructorOptions[]).find((i) => i.label === 'Over Netwerkspiegel');
    about?.click?.({} as never, undefined, {} as never);
    expect(onAbout).toHaveBeenCalledTimes(1);
  });

  it('puts an application menu first on macOS', () => {
    const template = buildMenuTemplate({ isPackaged: true, platform: 'darwin', onAbout });
    expect(template.map((m) => m.label)).toEqual(['Netwerkspiegel', 'Bestand', 'Bewerken', 'Beeld', 'Help']);
  });
});

describe('IPC registration', () => {
  const trustedContents = new FakeWebContents(new FakeSession(), APP_URL);
  const trustedEvent = { sender: trustedContents, senderFrame: trustedContents.mainFrame } as unknown as IpcMainInvokeEvent;
  const ok: Envelope<unknown> = { ok: true, value: 'uit dispatch' };

  it('registers exactly one handler per contract method', () => {
    const dispatch = vi.fn<Dispatch>(async () => ok);
    const channels = registerIpc(state.ipcMain, dispatch, () => true, silent);
    const registered = state.ipcMain.handle.mock.calls.map((c) => c[0]);
    expect(registered).toHaveLength(METHOD_NAMES.length);
    expect(new Set(registered).size).toBe(METHOD_NAMES.length);
    expect([...registered].sort()).toEqual(METHOD_NAMES.map((n) => `api:${n}`).sort());
    expect(channels).toEqual(registered);
  });

  it('throws when the channels are registered twice', () => {
    const dispatch = vi.fn<Dispatch>(async () => ok);
    registerIpc(state.ipcMain, dispatch, () => true, silent);
    expect(() => registerIpc(state.ipcMain, dispatch, () => true, silent)).toThrow(/al geregistreerd/);
  });

  it('refuses an untrusted sender with FORBIDDEN without calling dispatch', async () => {
    const dispatch = vi.fn<Dispatch>(async () => ok);
    registerIpc(state.ipcMain, dispatch, () => false, silent);
    const handler = state.ipcMain.handlers.get('api:createNetwork');
    const result = (await handler?.(trustedEvent, { name: 'x' })) as Envelope<unknown>;
    expect(result).toEqual(FORBIDDEN_ENVELOPE);
    expect(result.ok === false && result.error.code).toBe('FORBIDDEN');
    expect(result.ok === false && result.error.message).toMatch(/geweigerd/);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('passes a trusted call through to dispatch with the method name and raw input', async () => {
    const dispatch = vi.fn<Dispatch>(async () => ok);
    registerIpc(state.ipcMain, dispatch, () => true, silent);
    const input = { networkId: 'abc' };
    const result = await state.ipcMain.handlers.get('api:getNetwork')?.(trustedEvent, input);
    expect(dispatch).toHaveBeenCalledWith('getNetwork', input);
    expect(result).toBe(ok);
  });

  it('returns an INTERNAL envelope instead of throwing across IPC', async () => {
    const dispatch = vi.fn<Dispatch>(async () => {
      throw new Error('boom');
    });
    registerIpc(state.ipcMain, dispatch, () => true, silent);
    const result = (await state.ipcMain.handlers.get('api:listNetworks')?.(trustedEvent, {})) as Envelope<unknown>;
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.error.code).toBe('INTERNAL');
    expect(result.ok === false && result.error.message).not.toContain('boom');
  });

  describe('sender check', () => {
    const check = createSenderCheck(() => trustedContents as unknown as WebContents, isAppUrl);
    const event = (sender: FakeWebContents, frame: FakeFrame | null) => ({ sender, senderFrame: frame }) as unknown as IpcMainInvokeEvent;

    it('trusts only the main window’s top frame showing the app page', () => {
      expect(check(trustedEvent)).toBe(true);
      const other = new FakeWebContents(new FakeSession(), APP_URL);
      expect(check(event(other, other.mainFrame))).toBe(false);
      expect(check(event(trustedContents, new FakeFrame(APP_URL, trustedContents.mainFrame)))).toBe(false);
      expect(check(event(trustedContents, new FakeFrame('https://example.org/')))).toBe(false);
      expect(check(event(trustedContents, null))).toBe(false);
    });

    it('trusts nobody when there is no live main window', () => {
      expect(createSenderCheck(() => null, isAppUrl)(trustedEvent)).toBe(false);
      const gone = new FakeWebContents(new FakeSession(), APP_URL);
      gone.destroyed = true;
      expect(createSenderCheck(() => gone as unknown as WebContents, isAppUrl)(event(gone, gone.mainFrame))).toBe(false);
    });
  });
});
