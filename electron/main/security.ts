import type { Session, WebContents } from 'electron';

/**
 * The app's Content-Security-Policy. renderer/index.html carries the same string in a meta tag;
 * the main process adds it as a response header as well (see hardenSession). Keep both equal.
 * frame-ancestors is only honoured in a header (Chromium logs an error for it in a meta tag),
 * so only the header adds it.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

export type UrlMatcher = (url: string) => boolean;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function decodedPath(url: URL): string {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return url.pathname;
  }
}

/**
 * Builds the test "is this URL the app's own page?".
 * - For a file:// app URL only that exact file counts (query and hash are ignored), so a file
 *   dropped on the window or a link to another local file is foreign.
 * - For an http(s) app URL (the dev server) the origin must match.
 * Anything unparseable is foreign.
 */
export function createAppUrlMatcher(appUrl: string, platform: NodeJS.Platform = process.platform): UrlMatcher {
  const app = parse(appUrl);
  if (!app) throw new Error(`Ongeldige app-URL: ${appUrl}`);
  if (app.protocol === 'file:') {
    const fold = (p: string) => (platform === 'win32' ? p.toLowerCase() : p);
    const appPath = fold(decodedPath(app));
    return (url) => {
      const u = parse(url);
      return u !== null && u.protocol === 'file:' && u.host === app.host && fold(decodedPath(u)) === appPath;
    };
  }
  if (app.protocol === 'http:' || app.protocol === 'https:') {
    return (url) => {
      const u = parse(url);
      return u !== null && u.origin === app.origin;
    };
  }
  throw new Error(`Niet-ondersteund protocol voor de app-URL: ${app.protocol}`);
}

/**
 * Hardening for every webContents the app creates: no navigation away from the app's own page,
 * no new windows, no <webview>.
 */
export function hardenWebContents(contents: WebContents, isAppUrl: UrlMatcher, log: (message: string) => void = console.warn): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      log(`Navigatie naar ${event.url} geblokkeerd`);
    }
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      log(`Omleiding naar ${event.url} geblokkeerd`);
    }
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`Nieuw venster voor ${url} geweigerd`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('Een <webview> is geweigerd');
  });
}

/** Adds the app's CSP to a set of response headers without dropping (or loosening) any existing policy. */
export function withCspHeader(headers: Record<string, string | string[]> | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(headers ?? {})) result[key] = Array.isArray(value) ? [...value] : [value];
  const existing = result['Content-Security-Policy'] ?? [];
  result['Content-Security-Policy'] = [...existing, CONTENT_SECURITY_POLICY_HEADER];
  return result;
}

const hardenedSessions = new WeakSet<Session>();

/**
 * Session-wide hardening: every permission request and check is refused (the app needs no
 * camera, notifications, geolocation, ...) and every response gets the CSP header.
 * Note: Chromium passes no response headers for file:// loads, so in a packaged app the CSP
 * meta tag in index.html is what applies; the header covers the dev server.
 * Idempotent per session.
 */
export function hardenSession(session: Session): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders) });
  });
}
