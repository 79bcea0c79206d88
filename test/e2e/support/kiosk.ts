import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Locator, Page } from 'playwright-core';
import type { Input, MethodName, Output } from '../../../shared/contract';
import { unwrap, type Envelope } from '../../../shared/errors';

/** Helpers for the kiosk (afnamemodus) end-to-end tests. */

export const KS = 'kansrijke-samenwerking';
export const PIN = '482913';

export type Call = <K extends MethodName>(name: K, input: Input<K>) => Promise<Output<K>>;

/** The API of a harness at `baseUrl`, over HTTP as the page reaches it. */
export function apiAt(baseUrl: string): Call {
  return async (name, input) => {
    const res = await fetch(`${baseUrl}api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
    return unwrap((await res.json()) as Envelope<never>);
  };
}

/** A network with its partner organisations and wave T0 (Kansrijke samenwerking), and the researcher's PIN. */
export async function setUpWave(call: Call, options: { network?: string; organisations?: string[]; pin?: boolean } = {}) {
  const network = await call('createNetwork', { name: options.network ?? 'Dementie Twente' });
  const organisations: { id: string; name: string }[] = [];
  for (const name of options.organisations ?? []) {
    const org = await call('addOrganisation', { networkId: network.id, name, sector: 'zorg', sizeClass: null });
    organisations.push({ id: org.id, name: org.name });
  }
  const wave = await call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
  if (options.pin ?? true) await call('setResearcherPin', { pin: PIN, currentPin: null });
  return { network, wave, organisations };
}

// --- In the page ------------------------------------------------------------------------------

export const item = (page: Page, itemId: string): Locator => page.getByTestId(`item-${itemId}`);
export const radio = (page: Page, itemId: string, name: string): Locator => item(page, itemId).getByRole('radio', { name, exact: true });
export const heading = (page: Page, name: string | RegExp): Locator => page.getByRole('heading', { level: 1, name });

export async function waitSaved(page: Page, itemId: string): Promise<void> {
  await page.getByTestId(`saved-${itemId}`).waitFor({ state: 'visible', timeout: 5000 });
}

/** From the welcome screen through consent to the code field. */
export async function toCode(page: Page, accept = 'Ik doe mee'): Promise<void> {
  await page.getByTestId('kiosk-start').click();
  await page.getByTestId('kiosk-consent').waitFor();
  await page.getByRole('button', { name: accept, exact: true }).click();
  await page.getByTestId('kiosk-code').waitFor();
}

/** The blank welcome screen. */
export async function waitWelcome(page: Page, title = 'Welkom'): Promise<void> {
  await page.getByTestId('kiosk-welcome').waitFor();
  await heading(page, title).waitFor();
}

/** Every form control's value and autocomplete attribute, for "nothing was left behind" checks. */
export function controlsOf(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('input, textarea, select')).map((el) => {
      const control = el as HTMLInputElement;
      return { type: control.type, value: control.type === 'radio' ? (control.checked ? 'checked' : '') : control.value, autocomplete: el.getAttribute('autocomplete') };
    }),
  );
}

/** The whole page as text and HTML, including the values of form controls. */
export async function everythingShown(page: Page): Promise<string> {
  const html = await page.content();
  const values = (await controlsOf(page)).map((c) => c.value).join('\n');
  return `${html}\n${values}`;
}

// --- The harness as a child process ------------------------------------------------------------

const REPO = resolve(__dirname, '../../..');

export interface ChildHarness {
  url: string;
  process: ChildProcess;
  /** Kills the harness and everything it started (npx → tsx → node) at once. */
  kill: (signal: NodeJS.Signals) => Promise<void>;
}

/**
 * `npx tsx test/harness/serve.ts` on the given database file, in its own process group so a
 * SIGKILL takes the whole chain down like a crash would. Resolves with the URL it prints first.
 */
export function startChildHarness(databasePath: string, exportDir: string): Promise<ChildHarness> {
  const child = spawn('npx', ['tsx', join('test', 'harness', 'serve.ts')], {
    cwd: REPO,
    env: { ...process.env, NETWERKSPIEGEL_DB: databasePath, NETWERKSPIEGEL_EXPORT_DIR: exportDir, PORT: '0' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
    await exited;
  };
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      void kill('SIGKILL');
      fail(new Error(`the harness did not start within 30 s: ${stderr}`));
    }, 30_000);
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timer);
      ok({ url: line.trim(), process: child, kill });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the harness stopped (${code}): ${stderr}`));
    });
  });
}
