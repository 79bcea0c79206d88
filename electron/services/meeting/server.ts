import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import type { Envelope } from '../../../shared/errors';
import { MEETING_HEADER, MEETING_TOKEN_PATTERN, PHONE_HEADER } from '../../../shared/meeting';
import { inSubnet } from './interfaces';
import { RateLimiter } from './rate-limit';

/**
 * The HTTP side of meeting mode: a server that listens on one address of the laptop only, drops
 * connections from outside that address's subnet before reading a byte, and bounds what one phone
 * can make it do (request size, request rate, wrong tokens, slow senders). It knows nothing of the
 * database: the phone calls themselves are `handlePhoneCall` (phone-calls.ts). Every refusal here
 * is a Dutch sentence in the same envelope the app's API uses.
 */

export interface MeetingLimits {
  /** The largest request body: an open answer is at most 4000 characters, which JSON keeps well under this. */
  maxBodyBytes: number;
  /** Time for a request's headers, and for the whole request: a connection that trickles bytes is cut off. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
  /** Requests per remote address: a burst, then so many per second. */
  requestBurst: number;
  requestsPerSecond: number;
  /** Wrong or expired tokens per remote address: a few, then one a minute (guessing a token is hopeless, but it should also be slow). */
  wrongTokenBurst: number;
  wrongTokensPerSecond: number;
  /** Questionnaires begun per remote address. */
  beginBurst: number;
  beginsPerSecond: number;
}

export const MEETING_LIMITS: MeetingLimits = {
  maxBodyBytes: 32 * 1024,
  headersTimeoutMs: 20_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 512,
  requestBurst: 300,
  requestsPerSecond: 100,
  wrongTokenBurst: 20,
  wrongTokensPerSecond: 1 / 60,
  beginBurst: 60,
  beginsPerSecond: 2,
};

export interface PhoneRequest {
  call: string;
  meetingToken: string | null;
  phoneToken: string | null;
  input: unknown;
}

export interface PhoneAnswer {
  envelope: Envelope<unknown>;
  /** The meeting or phone token was not accepted: counts against the sender's wrong-token allowance. */
  wrongToken: boolean;
}

export interface PhoneServerOptions {
  address: string;
  /** 0 lets the system choose a free port. */
  port: number;
  subnet: string;
  /** The built renderer holding phone.html; without it the server answers calls but serves no page. */
  phonePageDir?: string;
  limits?: Partial<MeetingLimits>;
  isMeetingToken: (token: string) => boolean;
  /** Called each time a phone is given the page: the researcher's check ("open it on your own phone first") sees it arrive. */
  onPageServed?: () => void;
  handlePhoneCall: (request: PhoneRequest) => Promise<PhoneAnswer>;
}

export interface PhoneServer {
  port: number;
  /** Stops listening and cuts every open connection: once this resolves, nothing listens. */
  close: () => Promise<void>;
}

/**
 * The phone page's policy: its own scripts and styles (no inline ones), calls to this server only,
 * no forms posting elsewhere; the same as the meta tag in renderer/phone.html (a test keeps them
 * equal), plus `frame-ancestors`, which only a header can carry.
 */
export const PHONE_PAGE_META_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";
export const PHONE_PAGE_CSP = `${PHONE_PAGE_META_CSP}; frame-ancestors 'none'`;

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

const refusal = (code: string, message: string): Envelope<never> => ({ ok: false, error: { code: code as 'VALIDATION', message } });

const TOO_MANY = 'Te veel verzoeken tegelijk van deze telefoon. Wacht even; de pagina probeert het zelf opnieuw.';
const TOO_LARGE = 'Dit verzoek is te groot. Een antwoord heeft hoogstens 4000 tekens.';
const NOT_HERE = 'Dit adres bestaat niet op deze bijeenkomst. Scan de QR-code opnieuw.';
const WRONG_HOST = 'Gebruik het adres dat de onderzoeker toont (met de cijfers van de laptop). Scan de QR-code opnieuw.';
const NOT_JSON = 'Dit verzoek is niet leesbaar. Laad de pagina opnieuw.';
const TOKEN_PAGE = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Netwerkspiegel</title></head><body><main><h1>Deze bijeenkomst is afgelopen, of het adres klopt niet</h1><p>Scan de QR-code opnieuw, of vraag de onderzoeker om het adres.</p><p lang="en">This meeting has ended, or the address is wrong. Scan the QR code again or ask the researcher.</p></main></body></html>`;

/** The files phone.html needs, by URL path, from the build's manifest: nothing else of the renderer is served. */
function phonePageFiles(dir: string | undefined): Map<string, string> {
  const files = new Map<string, string>();
  if (!dir) return files;
  const root = resolve(dir);
  const manifestFile = join(root, '.vite', 'manifest.json');
  if (!existsSync(manifestFile) || !existsSync(join(root, 'phone.html'))) return files;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, { file: string; css?: string[]; assets?: string[]; imports?: string[] }>;
  const seen = new Set<string>();
  const add = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]) {
      const full = resolve(root, file);
      if (full.startsWith(root + sep)) files.set(`/${file}`, full);
    }
    for (const imported of chunk.imports ?? []) add(imported);
  };
  add('phone.html');
  return files;
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(body);
}

function sendEnvelope(res: ServerResponse, status: number, envelope: Envelope<unknown>, headers: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(envelope), headers);
}

/** Reads a JSON body of at most `limit` bytes; null when it is larger (the caller answers 413 and closes). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((done, fail) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      done(null);
      return;
    }
    let size = 0;
    const chunks: Buffer[] = [];
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        done(null);
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

export async function listenForPhones(options: PhoneServerOptions): Promise<PhoneServer> {
  const limits = { ...MEETING_LIMITS, ...options.limits };
  const files = phonePageFiles(options.phonePageDir);
  const requests = new RateLimiter(limits.requestBurst, limits.requestsPerSecond);
  const wrongTokens = new RateLimiter(limits.wrongTokenBurst, limits.wrongTokensPerSecond);
  const begins = new RateLimiter(limits.beginBurst, limits.beginsPerSecond);
  const sockets = new Set<Socket>();
  let host = '';

  const tooMany = (res: ServerResponse, wait: number) => sendEnvelope(res, 429, refusal('FORBIDDEN', TOO_MANY), { 'retry-after': String(Math.max(1, Math.ceil(wait))) });

  function servePage(res: ServerResponse, remote: string, token: string): void {
    if (!options.isMeetingToken(token)) {
      wrongTokens.take(remote);
      send(res, 404, TOKEN_PAGE, { 'content-type': 'text/html; charset=utf-8' });
      return;
    }
    const page = join(resolve(options.phonePageDir ?? '.'), 'phone.html');
    if (files.size === 0 || !existsSync(page)) {
      send(res, 503, TOKEN_PAGE.replace(/<main>.*<\/main>/, '<main><h1>De telefoonpagina ontbreekt in deze installatie</h1><p>Installeer Netwerkspiegel opnieuw.</p></main>'), { 'content-type': 'text/html; charset=utf-8' });
      return;
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': CONTENT_TYPES['.html']!, 'content-security-policy': PHONE_PAGE_CSP });
    createReadStream(page).pipe(res);
    options.onPageServed?.();
  }

  async function answerCall(req: IncomingMessage, res: ServerResponse, remote: string, call: string): Promise<void> {
    if (!(header(req, 'content-type') ?? '').startsWith('application/json')) {
      sendEnvelope(res, 415, refusal('VALIDATION', NOT_JSON));
      return;
    }
    if (call === 'begin') {
      const wait = begins.take(remote);
      if (wait > 0) return tooMany(res, wait);
    }
    const body = await readBody(req, limits.maxBodyBytes);
    if (body === null) {
      // The rest of a huge body is not read: answer, then close the connection.
      sendEnvelope(res, 413, refusal('VALIDATION', TOO_LARGE), { connection: 'close' });
      res.on('finish', () => req.socket.destroy());
      return;
    }
    let input: unknown;
    try {
      input = body === '' ? {} : JSON.parse(body);
    } catch {
      sendEnvelope(res, 400, refusal('VALIDATION', NOT_JSON));
      return;
    }
    const answer = await options.handlePhoneCall({ call, meetingToken: header(req, MEETING_HEADER), phoneToken: header(req, PHONE_HEADER), input });
    if (answer.wrongToken) wrongTokens.take(remote);
    sendEnvelope(res, 200, answer.envelope);
  }

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // How often Node looks for connections past those timeouts; its default (30 s) would let a slow sender stay far longer.
      connectionsCheckingInterval: Math.min(1000, Math.ceil(limits.headersTimeoutMs / 2)),
      maxHeaderSize: 8 * 1024,
    },
    (req, res) => {
      const remote = req.socket.remoteAddress ?? '';
      const wait = requests.take(remote);
      if (wait > 0) return tooMany(res, wait);
      if (wrongTokens.waiting(remote) > 0) return tooMany(res, wrongTokens.waiting(remote));
      // Another name for this address (DNS rebinding) is not this meeting.
      if (header(req, 'host') !== host) return sendEnvelope(res, 400, refusal('FORBIDDEN', WRONG_HOST));
      const path = (req.url ?? '/').split('?')[0]!;
      if (req.method === 'GET') {
        const token = path.slice(1).toUpperCase();
        if (MEETING_TOKEN_PATTERN.test(token)) return servePage(res, remote, token);
        const file = files.get(path);
        if (file) {
          res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
          createReadStream(file).pipe(res);
          return;
        }
        if (path === '/favicon.ico') return send(res, 204, '');
        return sendEnvelope(res, 404, refusal('NOT_FOUND', NOT_HERE));
      }
      if (req.method === 'POST' && path.startsWith('/api/')) {
        answerCall(req, res, remote, path.slice('/api/'.length)).catch(() => sendEnvelope(res, 400, refusal('VALIDATION', NOT_JSON)));
        return;
      }
      sendEnvelope(res, req.method === 'POST' || req.method === 'GET' ? 404 : 405, refusal('NOT_FOUND', NOT_HERE));
    },
  );
  server.maxConnections = limits.maxConnections;
  server.on('connection', (socket) => {
    // Outside the subnet of the chosen connection: dropped before a byte is read.
    if (!inSubnet(socket.remoteAddress, options.subnet)) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    // A request that took too long (a slow sender) gets 408; anything unreadable 400.
    const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    socket.destroy();
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen({ host: options.address, port: options.port, exclusive: true }, () => {
      server.off('error', fail);
      ok();
    });
  });
  const port = (server.address() as AddressInfo).port;
  host = `${options.address}:${port}`;
  return {
    port,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
      }),
  };
}
