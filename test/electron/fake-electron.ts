import { vi } from 'vitest';

/**
 * Hand-made fakes of the parts of Electron the main process and preload use. Electron's binary
 * cannot run here, so tests do
 *   vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
 * The module object reads the current fakes through getters, so resetElectronFakes() gives every
 * test fresh ones. The fakes record calls; they implement no behaviour beyond what tests need.
 */

type Listener = (...args: unknown[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== wrapped));
      return listener(...args);
    };
    return this.on(event, wrapped);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }
  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** A cancellable Electron event: `url` for navigation events, preventDefault recorded. */
export function fakeEvent(fields: Record<string, unknown> = {}) {
  return { ...fields, defaultPrevented: false, preventDefault: vi.fn(function (this: { defaultPrevented: boolean }) { this.defaultPrevented = true; }) };
}

export class FakeSession {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  headersReceived: Listener | null = null;
  setPermissionRequestHandler = vi.fn((handler: Listener | null) => {
    this.permissionRequestHandler = handler;
  });
  setPermissionCheckHandler = vi.fn((handler: Listener | null) => {
    this.permissionCheckHandler = handler;
  });
  webRequest = {
    onHeadersReceived: vi.fn((listener: Listener) => {
      this.headersReceived = listener;
    }),
  };
}

let nextWebContentsId = 1;

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
}

export class FakeWebContents extends FakeEmitter {
  readonly id = nextWebContentsId++;
  destroyed = false;
  windowOpenHandler: Listener | null = null;
  readonly mainFrame: FakeFrame;
  constructor(
    public session: FakeSession,
    url = 'about:blank',
  ) {
    super();
    this.mainFrame = new FakeFrame(url);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler = vi.fn((handler: Listener) => {
    this.windowOpenHandler = handler;
  });
  devToolsOpen = false;
  isDevToolsOpened = vi.fn(() => this.devToolsOpen);
  closeDevTools = vi.fn(() => {
    this.devToolsOpen = false;
  });
  printToPDF = vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.7 fake'));
  /** Messages pushed to the page (webContents.send). */
  send = vi.fn((_channel: string, ..._args: unknown[]) => {});
}

export class FakeBrowserWindow extends FakeEmitter {
  readonly webContents: FakeWebContents;
  loadedFile: string | null = null;
  loadedUrl: string | null = null;
  visible = false;
  minimized = false;
  destroyed = false;
  show = vi.fn(() => {
    this.visible = true;
  });
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  kiosk = false;
  fullScreen = false;
  menuBarVisible = true;
  closed = false;
  setKiosk = vi.fn((flag: boolean) => {
    this.kiosk = flag;
  });
  setFullScreen = vi.fn((flag: boolean) => {
    this.fullScreen = flag;
  });
  setMenuBarVisibility = vi.fn((visible: boolean) => {
    this.menuBarVisible = visible;
  });
  /** As in Electron: 'close' may be prevented; otherwise the window goes and 'closed' follows. */
  close = vi.fn(() => {
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.closed = true;
    this.destroyed = true;
    this.emit('closed');
  });
  constructor(public options: Record<string, unknown>) {
    super();
    this.kiosk = options['kiosk'] === true;
    this.fullScreen = options['fullscreen'] === true;
    state.browserWindows.push(this);
    this.webContents = new FakeWebContents(state.session.defaultSession);
    // As in Electron: the webContents exists (and app hears about it) before anything loads.
    state.app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  loadFile(path: string): Promise<void> {
    this.loadedFile = path;
    return Promise.resolve();
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

class FakeApp extends FakeEmitter {
  isPackaged = false;
  lockAcquired = true;
  paths: Record<string, string> = { appData: '/fake/appData', userData: '/fake/appData/netwerkspiegel', documents: '/fake/Documents' };
  name = 'netwerkspiegel';
  quit = vi.fn();
  exit = vi.fn();
  enableSandbox = vi.fn();
  requestSingleInstanceLock = vi.fn(() => this.lockAcquired);
  whenReady = vi.fn(() => Promise.resolve());
  getPath = vi.fn((name: string) => {
    const path = this.paths[name];
    if (path === undefined) throw new Error(`no fake path for ${name}`);
    return path;
  });
  getVersion = vi.fn(() => '9.9.9-test');
  setName = vi.fn((name: string) => {
    this.name = name;
  });
  setPath = vi.fn((name: string, path: string) => {
    this.paths[name] = path;
  });
}

class FakeIpcMain extends FakeEmitter {
  readonly handlers = new Map<string, Listener>();
  handle = vi.fn((channel: string, listener: Listener) => {
    // Electron's own ipcMain.handle refuses a second handler for a channel.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  });
}

/** The page side of IPC: invoke answers with what it was asked; on/send/removeListener are recorded. */
class FakeIpcRenderer extends FakeEmitter {
  invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }));
  send = vi.fn((_channel: string, ..._args: unknown[]) => {});
  removeListener = vi.fn((event: string, listener: Listener) => {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
    return this;
  });
}

function freshState() {
  return {
    app: new FakeApp(),
    session: { defaultSession: new FakeSession() },
    ipcMain: new FakeIpcMain(),
    browserWindows: [] as FakeBrowserWindow[],
    dialog: {
      showErrorBox: vi.fn(),
      showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
      showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
    },
    Menu: {
      setApplicationMenu: vi.fn(),
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
    },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: new FakeIpcRenderer(),
  };
}

export let state = freshState();

export function resetElectronFakes(): void {
  state = freshState();
}

/** What `import ... from 'electron'` yields under vi.mock. */
export const electronModule = {
  get app() {
    return state.app;
  },
  get session() {
    return state.session;
  },
  get ipcMain() {
    return state.ipcMain;
  },
  get dialog() {
    return state.dialog;
  },
  get Menu() {
    return state.Menu;
  },
  get contextBridge() {
    return state.contextBridge;
  },
  get ipcRenderer() {
    return state.ipcRenderer;
  },
  BrowserWindow: FakeBrowserWindow,
};
