import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RENDERER_DIR } from '../harness/server';
import { type Session, useE2eSessions } from './support/harness';
import { PIN, setUpWave, waitWelcome } from './support/kiosk';

/**
 * Screens other than the first are loaded when they open. Checked on the built renderer in
 * Chromium: which JavaScript files the page asks for before and after opening *Resultaten*, where
 * focus is while a screen loads and when it arrives, and what a failed load shows. Loading is held
 * back or refused with Playwright's request routing, so nothing here depends on timing.
 */

const { newSession } = useE2eSessions();

const NETWORK = 'Dementienetwerk Oost';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  /** Manifest keys of the chunks it imports statically (loaded with it). */
  imports?: string[];
}

/** The built chunks, from the Vite manifest (build.manifest in electron.vite.config.ts). */
function builtChunks() {
  const manifest = JSON.parse(readFileSync(join(RENDERER_DIR, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const chunks = Object.values(manifest);
  const fileOf = (match: (c: ManifestChunk) => boolean, what: string): string => {
    const found = chunks.find(match);
    if (!found) throw new Error(`${what} is not in the build's manifest`);
    return found.file;
  };
  const assets = join(RENDERER_DIR, 'assets');
  // What the first screen loads: the entry chunk and what it imports statically (a chunk of modules
  // it shares with lazy screens, which the bundler may split off), sorted as the test compares them.
  const firstScreen = new Set<string>();
  const addWithImports = (key: string) => {
    const chunk = manifest[key]!;
    if (firstScreen.has(chunk.file)) return;
    firstScreen.add(chunk.file);
    for (const imported of chunk.imports ?? []) addWithImports(imported);
  };
  addWithImports(Object.keys(manifest).find((key) => manifest[key]!.isEntry === true)!);
  return {
    entry: fileOf((c) => c.isEntry === true, 'The entry chunk'),
    firstScreen: [...firstScreen].sort(),
    dashboard: fileOf((c) => c.src === 'src/features/dashboard/DashboardScreen.tsx', 'DashboardScreen'),
    /** The detail tabs of the results (every chart), loaded after the summary. */
    details: fileOf((c) => c.src === 'src/features/dashboard/DetailPanels.tsx', 'DetailPanels'),
    /** Every chunk holding recharts code (recharts names the element around a chart `recharts-wrapper`; the chart export only looks for `recharts-surface`). */
    recharts: readdirSync(assets)
      .filter((f) => f.endsWith('.js') && readFileSync(join(assets, f), 'utf8').includes('recharts-wrapper'))
      .map((f) => `assets/${f}`),
  };
}

/** Records the path (`assets/….js`) of every JavaScript file the page requests. */
function trackScripts(page: Page): string[] {
  const requested: string[] = [];
  page.on('request', (req) => {
    const path = new URL(req.url()).pathname.replace(/^\//, '');
    if (path.endsWith('.js')) requested.push(path);
  });
  return requested;
}

/** Waits until the focused element matches `selector` (and `text`, if given), then returns its tag and text. */
async function focusedWhenIt(page: Page, selector: string, text?: string) {
  await page.waitForFunction(
    ([sel, txt]) => {
      const el = document.activeElement;
      return !!el && el.matches(sel) && (txt === null || (el.textContent ?? '').includes(txt));
    },
    [selector, text ?? null] as const,
  );
  return page.evaluate(() => ({ tag: document.activeElement?.tagName, text: document.activeElement?.textContent?.replace(/\s+/g, ' ').trim() }));
}

async function networkWithWave(session: Session) {
  const network = await session.call('createNetwork', { name: NETWORK });
  await session.call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: 'kansrijke-samenwerking', version: 1 }] });
  return network;
}

describe('screens loaded when they open', () => {
  it('loads no chart code for the networks screen, loads it on opening the results, and keeps focus on the way there and back', async () => {
    const chunks = builtChunks();
    expect(chunks.recharts.length).toBeGreaterThan(0);
    for (const file of chunks.firstScreen) expect(chunks.recharts).not.toContain(file);

    const session = await newSession();
    const { page } = session;
    await networkWithWave(session);
    const requested = trackScripts(page);

    await page.goto(session.harness.url);
    await page.getByRole('heading', { level: 1, name: 'Netwerken' }).waitFor();
    expect(await focusedWhenIt(page, 'h1', 'Netwerken')).toEqual({ tag: 'H1', text: 'Netwerken' });
    // The first screen is the entry chunk and its static imports alone: no screen chunk, no recharts.
    expect([...requested].sort()).toEqual(chunks.firstScreen);

    // Hold the results screen's chunk back (the network screen fetches it ahead): once the results
    // open, the loading state is shown and has focus meanwhile. Hold the chart code back as well:
    // the summary the results open on is drawn without it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/${chunks.dashboard}`, async (route) => {
      await held;
      await route.continue();
    });
    let releaseCharts!: () => void;
    const chartsHeld = new Promise<void>((resolve) => (releaseCharts = resolve));
    for (const file of [...chunks.recharts, chunks.details]) {
      await page.route(`**/${file}`, async (route) => {
        await chartsHeld;
        await route.continue();
      });
    }
    await page.getByRole('button', { name: `Netwerk ${NETWORK} openen` }).click();
    expect(await focusedWhenIt(page, 'h1', NETWORK)).toEqual({ tag: 'H1', text: `Netwerk ${NETWORK}` });
    expect(requested.filter((f) => chunks.recharts.includes(f))).toEqual([]);

    await page.getByRole('button', { name: `Resultaten van netwerk ${NETWORK}` }).click();
    const loading = page.getByRole('status').filter({ hasText: 'Het scherm wordt geladen…' });
    await loading.waitFor();
    expect(await focusedWhenIt(page, '[data-testid="route-loading"]')).toEqual({ tag: 'P', text: 'Het scherm wordt geladen…' });
    expect(requested).toContain(chunks.dashboard);

    release();
    await page.getByRole('heading', { level: 1, name: `Resultaten ${NETWORK}` }).waitFor();
    expect(await focusedWhenIt(page, 'h1', `Resultaten ${NETWORK}`)).toEqual({ tag: 'H1', text: `Resultaten ${NETWORK}` });
    expect(await loading.count()).toBe(0);
    // The summary stands while the chart code is still held back; that code is asked for after it.
    await page.getByTestId('section-summary').waitFor();
    await expect.poll(() => requested.includes(chunks.details)).toBe(true);
    expect(await page.getByTestId('section-summary').isVisible()).toBe(true);
    await page.getByRole('tab', { name: 'Per conditie', exact: true }).click();
    await page.getByTestId('details-loading').waitFor();
    releaseCharts();
    await page.getByTestId('section-radar').waitFor();
    expect(await page.getByTestId('details-loading').count()).toBe(0);
    expect(requested.filter((f) => chunks.recharts.includes(f)).length).toBeGreaterThan(0);

    // Back to the network and the networks screen: their h1 takes focus again.
    await page.getByRole('button', { name: 'Terug naar het netwerk' }).click();
    expect(await focusedWhenIt(page, 'h1', NETWORK)).toEqual({ tag: 'H1', text: `Netwerk ${NETWORK}` });
    await page.getByRole('button', { name: 'Terug naar netwerken' }).click();
    expect(await focusedWhenIt(page, 'h1', 'Netwerken')).toEqual({ tag: 'H1', text: 'Netwerken' });

    // Opening the results again uses the chunk already loaded.
    const before = requested.length;
    await page.getByRole('button', { name: `Netwerk ${NETWORK} openen` }).click();
    await page.getByRole('button', { name: `Resultaten van netwerk ${NETWORK}` }).click();
    expect(await focusedWhenIt(page, 'h1', `Resultaten ${NETWORK}`)).toEqual({ tag: 'H1', text: `Resultaten ${NETWORK}` });
    expect(requested.slice(before)).toEqual([]);

    expect(session.problems).toEqual([]);
  });

  it('shows a Dutch message with "Opnieuw proberen" when a screen fails to load, and loads it on retry', async () => {
    const chunks = builtChunks();
    const session = await newSession();
    const { page } = session;
    await networkWithWave(session);
    const requested = trackScripts(page);

    // Refuse the chunk (the network screen's fetch ahead, Vite's preload and the import itself ask
    // for it) until the retry.
    const refuse = `**/${chunks.dashboard}`;
    await page.route(refuse, (route) => route.abort('failed'));
    await page.goto(session.harness.url);
    await page.getByRole('button', { name: `Netwerk ${NETWORK} openen` }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(NETWORK) }).waitFor();

    await page.getByRole('button', { name: `Resultaten van netwerk ${NETWORK}` }).click();
    const failed = page.getByRole('alert').filter({ hasText: 'Dit scherm kon niet worden geladen.' });
    await failed.waitFor();
    expect((await focusedWhenIt(page, '[data-testid="route-failed"]')).text).toContain('Dit scherm kon niet worden geladen.');
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(0);
    const tries = requested.filter((f) => f === chunks.dashboard).length;
    expect(tries).toBeGreaterThan(0);

    await page.unroute(refuse);
    await failed.getByRole('button', { name: 'Opnieuw proberen' }).click();
    expect(await focusedWhenIt(page, 'h1', `Resultaten ${NETWORK}`)).toEqual({ tag: 'H1', text: `Resultaten ${NETWORK}` });
    expect(requested.filter((f) => f === chunks.dashboard).length).toBeGreaterThan(tries);
    expect(await failed.count()).toBe(0);
  });

  it('shows the kiosk welcome from the first screen’s chunks alone when kiosk mode is on', async () => {
    const chunks = builtChunks();
    const session = await newSession();
    const { page, call } = session;
    const { wave } = await setUpWave(call);
    await call('startKiosk', { waveId: wave.id, pin: PIN });
    const requested = trackScripts(page);

    await page.goto(session.harness.url);
    await waitWelcome(page);
    expect([...requested].sort()).toEqual(chunks.firstScreen);
    expect(session.problems).toEqual([]);
  });
});
