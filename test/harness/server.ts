import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { METHOD_NAMES } from '../../shared/contract';
import { startServices } from '../../electron/services/app';
import { createDispatcher } from '../../electron/services/dispatch';
import { createHandlers } from '../../electron/services/handlers';
import { getKioskState } from '../../electron/services/administration/kiosk';

/**
 * The browser harness: serves the built renderer unchanged and answers the same API as the
 * Electron main process over HTTP on 127.0.0.1. The handlers, validation and SQLite file are the
 * real ones; only the transport differs.
 */

export const RENDERER_DIR = resolve(__dirname, '../../out/renderer');
// The largest input the contract accepts is a study file of 25 MB; IPC has no other limit.
const MAX_BODY = 26_000_000;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface HarnessOptions {
  databasePath: string;
  exportDir: string;
  port?: number;
}

export interface Harness {
  url: string;
  close: () => Promise<void>;
  services: ReturnType<typeof startServices>;
  /**
   * What the Electron window would be: locked for kiosk mode or not. `on` starts from the database
   * (a kiosk session survives a restart, as in lifecycle.ts); `changes` lists each
   * ServiceContext.setKioskWindow call.
   */
  kioskWindow: { on: boolean; changes: boolean[] };
}

/** Name of the window property through which a test pushes events the main process would push. */
export const HARNESS_HOOK = '__netwerkspiegelHarness';

/**
 * The script a test injects before the page loads: `window.api` forwarding each method over HTTP.
 * Pushed events have no main process here: a test plays the operating system with
 * `window.${HARNESS_HOOK}.openStudyFile(file)`, which hands the file to the page's listeners (as
 * the main process does once the page listens) and returns how many there were.
 */
export function shimScript(): string {
  return `(() => {
    const names = ${JSON.stringify(METHOD_NAMES)};
    const api = {};
    for (const name of names) {
      api[name] = async (input) => {
        const res = await fetch('/api/' + name, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input ?? {}) });
        return res.json();
      };
    }
    const studyFileListeners = new Set();
    api.onStudyFileOpened = (listener) => {
      studyFileListeners.add(listener);
      return () => studyFileListeners.delete(listener);
    };
    const hook = { openStudyFile: (file) => { for (const listener of studyFileListeners) listener(file); return studyFileListeners.size; } };
    Object.defineProperty(window, 'api', { value: Object.freeze(api), configurable: false, writable: false });
    Object.defineProperty(window, ${JSON.stringify(HARNESS_HOOK)}, { value: Object.freeze(hook), configurable: false, writable: false });
  })();`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        fail(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function serveStatic(res: ServerResponse, urlPath: string): void {
  const rel = normalize(decodeURIComponent(urlPath.split('?')[0] ?? '/')).replace(/^([/\\])+/, '');
  const file = join(RENDERER_DIR, rel === '' ? 'index.html' : rel);
  if (!file.startsWith(RENDERER_DIR) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  createReadStream(file).pipe(res);
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`De renderer is niet gebouwd (${RENDERER_DIR} ontbreekt). Voer eerst 'npm run build' uit.`);
  }
  mkdirSync(options.exportDir, { recursive: true });
  let exportCounter = 0;
  const kioskWindow = { on: false, changes: [] as boolean[] };
  const services = startServices({
    databasePath: options.databasePath,
    appVersion: 'harness',
    chooseExportPath: async (name) => join(options.exportDir, `${++exportCounter}-${name}`),
    // A fresh folder per report, as a user would pick an empty one; the service makes its own folder inside.
    chooseExportFolder: async (name) => {
      const folder = join(options.exportDir, `${++exportCounter}-${name}`);
      mkdirSync(folder, { recursive: true });
      return folder;
    },
    setKioskWindow: (on) => {
      kioskWindow.on = on;
      kioskWindow.changes.push(on);
    },
  });
  kioskWindow.on = getKioskState(services).session !== null;
  const dispatch = createDispatcher(createHandlers(services));

  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (req.method === 'POST' && url.startsWith('/api/')) {
      readBody(req)
        .then(async (body) => {
          let input: unknown;
          try {
            input = body === '' ? {} : JSON.parse(body);
          } catch {
            input = Symbol('invalid json');
          }
          const envelope = await dispatch(url.slice('/api/'.length), input);
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(envelope));
        })
        .catch(() => res.writeHead(413).end());
      return;
    }
    if (req.method === 'GET') serveStatic(res, url);
    else res.writeHead(405).end();
  });
  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    services,
    kioskWindow,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => {
          services.db.close();
          ok();
        });
      }),
  };
}
