import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Input, MethodName, Output } from '../../../shared/contract';
import { unwrap, type Envelope } from '../../../shared/errors';
import { shimScript, startHarness, type Harness } from '../../harness/server';
import { launchChromium } from './browser';

/**
 * One end-to-end session: a fresh temp folder with a real SQLite file, the harness serving the
 * built renderer, a Chromium page with `window.api` shimmed exactly like the preload does, and a
 * read-only connection to the same file for checking what was written.
 */
export interface Session {
  dir: string;
  exportDir: string;
  databasePath: string;
  harness: Harness;
  context: BrowserContext;
  page: Page;
  /** Read-only view of the database the app writes to. */
  db: Database.Database;
  /** Calls the real API over HTTP, as the page does, and unwraps the envelope. */
  call: <K extends MethodName>(name: K, input: Input<K>) => Promise<Output<K>>;
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[];
  close: () => Promise<void>;
}

// No console message is expected from the app; any one fails the test.
const IGNORED_CONSOLE: RegExp[] = [];

/** `beforeStart` may put files in the session's folder before the app starts on it (what a crash left behind). */
export async function openSession(browser: Browser, beforeStart?: (databasePath: string) => void): Promise<Session> {
  const dir = mkdtempSync(join(tmpdir(), 'netwerkspiegel-e2e-'));
  const exportDir = join(dir, 'exports');
  const databasePath = join(dir, 'netwerkspiegel.sqlite');
  beforeStart?.(databasePath);
  const harness = await startHarness({ databasePath, exportDir });
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'nl-NL' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`http ${res.status()}: ${res.url()}`);
  });
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (IGNORED_CONSOLE.some((re) => re.test(msg.text()))) return;
    problems.push(`console: ${msg.text()}`);
  });
  await page.addInitScript(shimScript());
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });

  const call = async <K extends MethodName>(name: K, input: Input<K>): Promise<Output<K>> => {
    const res = await fetch(`${harness.url}api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    return unwrap((await res.json()) as Envelope<Output<K>>);
  };

  return {
    dir,
    exportDir,
    databasePath,
    harness,
    context,
    page,
    db,
    call,
    problems,
    close: async () => {
      await context.close();
      db.close();
      await harness.close();
      // A study-file worker or a backup may still be finishing a file in the folder as it goes: retry, as Node's rm does for ENOTEMPTY.
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}

export interface E2eSessions {
  /** Opens a session that is closed after the test; `afterOpen` (if given) runs on it first. */
  newSession: (beforeStart?: (databasePath: string) => void) => Promise<Session>;
  /** The Chromium launched for this file. */
  browser: () => Browser;
  /** Runs `fn` after the test, once its sessions are closed (last registered runs first). */
  cleanup: (fn: () => Promise<void> | void) => void;
}

/**
 * Registers the vitest hooks every end-to-end file needs: one Chromium for the file, each test's
 * sessions and cleanups closed after it, Chromium closed at the end. Call it at the top level.
 */
export function useE2eSessions(options: { afterOpen?: (session: Session) => Promise<void> } = {}): E2eSessions {
  let browser: Browser | undefined;
  const sessions: Session[] = [];
  const cleanups: (() => Promise<void> | void)[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterEach(async () => {
    for (const s of sessions.splice(0)) await s.close();
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const current = (): Browser => {
    if (!browser) throw new Error('Chromium is not running: call useE2eSessions() at the top level of the test file.');
    return browser;
  };

  return {
    newSession: async (beforeStart) => {
      const session = await openSession(current(), beforeStart);
      sessions.push(session);
      await options.afterOpen?.(session);
      return session;
    },
    browser: current,
    cleanup: (fn) => {
      cleanups.push(fn);
    },
  };
}

/** A locator's text with runs of white space collapsed to one space, trimmed. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Opens a tab of the results screen (Samenvatting, Per conditie, Voor wie, Respons …) by its name,
 * and waits until its sections are drawn: the detail tabs' chart code arrives after the summary.
 */
export async function openResultsTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.getByTestId('details-loading').waitFor({ state: 'detached' });
}

/** A locator's text, trimmed (white space inside kept as it is). */
export async function trimmedText(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').trim();
}

/** The trimmed text of the element with this data-testid. */
export const testIdText = (page: Page, testId: string): Promise<string> => trimmedText(page.getByTestId(testId));

/** axe-core's source, evaluated in the page (page.evaluate is not subject to the page's CSP). */
export function axeSource(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core's WCAG 2.x A/AA rules on the current page. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource());
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** axe-core (WCAG 2.1 A/AA) on the current screen: no finding at all, serious or minor. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  // Minor and moderate findings would show here too; none are expected either.
  expect(violations, `${screen}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}
