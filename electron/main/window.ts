import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const WINDOW_TITLE = 'Netwerkspiegel';

/** Where the renderer comes from: the electron-vite dev server, or the built index.html. */
export type RendererTarget = { kind: 'dev-server'; url: string } | { kind: 'file'; path: string; url: string };

/**
 * The dev server (ELECTRON_RENDERER_URL, set by `electron-vite dev`) is only honoured in an
 * unpackaged app and only for http(s); otherwise the built file `<mainDir>/../renderer/index.html`.
 */
export function resolveRendererTarget(options: {
  isPackaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
  mainDir: string;
}): RendererTarget {
  const devUrl = options.env['ELECTRON_RENDERER_URL'];
  if (!options.isPackaged && devUrl) {
    try {
      const url = new URL(devUrl);
      if (url.protocol === 'http:' || url.protocol === 'https:') return { kind: 'dev-server', url: url.href };
    } catch {
      // fall through to the built file
    }
  }
  const path = join(options.mainDir, '..', 'renderer', 'index.html');
  return { kind: 'file', path, url: pathToFileURL(path).href };
}

/** The main window's options. The renderer is sandboxed and isolated; it reaches the app only via window.api. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 560,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/**
 * Creates the main window, shows it once the first paint is ready and loads the renderer.
 * `kiosk`: the window opens locked and full screen (a kiosk session was still active).
 */
export function createMainWindow(options: { target: RendererTarget; preloadPath: string; kiosk?: boolean }): BrowserWindow {
  const win = new BrowserWindow({ ...mainWindowOptions(options.preloadPath), ...(options.kiosk ? { kiosk: true, fullscreen: true } : {}) });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('did-fail-load', (_event, code, description, url) => {
    console.error(`De vensterinhoud kon niet worden geladen (${code} ${description}): ${url}`);
  });
  const loading = options.target.kind === 'file' ? win.loadFile(options.target.path) : win.loadURL(options.target.url);
  loading.catch((err: unknown) => console.error('De vensterinhoud kon niet worden geladen', err));
  return win;
}

/** Brings an existing window to the front (used when a second copy of the app is started). */
export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
