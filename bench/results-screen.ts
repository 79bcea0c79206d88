/**
 * Benchmark: the results screens as a person waits for them, on the large study (bench/generate-study.ts:
 * 50 networks × 3 waves × 40 respondents × 60 items), served by the browser harness to the built
 * renderer in Debian's Chromium.
 *
 * - One network's results: from the click on "Resultaten van netwerk …" until the screen is
 *   interactive: the summary it opens on is visible and the tab *Per conditie* answers a click with
 *   its charts and tables drawn. The time to the summary is printed too. Target ≤ 1 s.
 *   Measured the first time after the app starts (the screen's code is loaded then) and again.
 * - The comparison of all 50 networks: from the click on "Vergelijken" until the sortable table has
 *   its 50 rows and the small multiples are drawn. Target ≤ 1.5 s.
 *
 * Each is split into the time of the API call (service + HTTP, from the page's resource timing) and
 * the rest (rendering), and the CPU time the page's renderer process and the harness (with the
 * services) used meanwhile: on a busy machine wall time grows with the others' work, CPU time much
 * less. Median of BENCH_ROUNDS rounds (default 7) after one warm-up round, which is printed as well.
 * A benchmark, not a test: it reports, it does not assert.
 *
 * Needs the built renderer (`npx electron-vite build`) and Chromium (CHROMIUM_PATH, default
 * /usr/bin/chromium). Run: `npm run bench:results-screen`. BENCH_SCREENSHOTS=<folder> also saves
 * screenshots of both screens at 1280 px.
 */
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { inChromium, median, rendererCpuOf } from './chromium';
import { shimScript, startHarness } from '../test/harness/server';
import { STUDY, generateStudy } from './generate-study';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const SCREENSHOTS = process.env.BENCH_SCREENSHOTS;
const NETWORK = 'Netwerk 01';

interface Timing {
  /** Wall time, click to done. */
  total: number;
  /** Wall time of the API call (service + HTTP), from the page's resource timing. */
  api: number;
  /** CPU time the page's renderer process used meanwhile (less disturbed by other work on the machine). */
  pageCpu: number;
  /** CPU time this process (the harness with the services, and the driver) used meanwhile. */
  serviceCpu: number;
  /** Wall time, click to the summary's lines visible (one network's results only). */
  summary?: number;
}

/** Cumulative CPU time (ms) of Chromium's renderer processes, from the browser's own process list. */
let rendererCpu: () => Promise<number> = async () => 0;

/** Runs `action` and returns its wall time and the CPU time of the page and of this process. */
async function measured(action: () => Promise<void>): Promise<Omit<Timing, 'api'>> {
  const page0 = await rendererCpu();
  const node0 = process.cpuUsage();
  const start = performance.now();
  await action();
  const total = performance.now() - start;
  const node = process.cpuUsage(node0);
  return { total, pageCpu: (await rendererCpu()) - page0, serviceCpu: (node.user + node.system) / 1000 };
}

/** Duration of the last API call of that method the page made (request start to response end). */
async function apiTime(page: Page, method: string): Promise<number> {
  return page.evaluate((name) => {
    const entries = performance.getEntriesByType('resource').filter((e) => e.name.endsWith(`/api/${name}`));
    return entries.at(-1)?.duration ?? Number.NaN;
  }, method);
}

async function openNetworks(page: Page, url: string) {
  await page.goto(url);
  await page.getByTestId('open-compare').waitFor();
  await page.evaluate(() => performance.clearResourceTimings());
}

/**
 * Opens one network's results screen and waits until it is interactive: the summary (the tab it
 * opens on) visible, then a click on the tab *Per conditie* answered with its panel drawn (its
 * first chart and a table's copy button). Only the open tab is drawn, so the click is part of it.
 */
async function openResults(page: Page): Promise<Timing> {
  const open = page.getByRole('button', { name: `Resultaten van netwerk ${NETWORK}` });
  await open.waitFor();
  await page.evaluate(() => performance.clearResourceTimings());
  let clickAt = Number.NaN;
  let summaryAt = Number.NaN;
  const times = await measured(async () => {
    clickAt = performance.now();
    await open.click();
    // The screen opens on Samenvatting: its lines per condition are what the coordinator reads first.
    await page.getByTestId('summary-conditions').locator('li').first().waitFor();
    summaryAt = performance.now();
    // Interactive: a tab answers a click, and its panel is drawn (Per conditie, charts and tables).
    await page.getByRole('tab', { name: 'Per conditie', exact: true }).click();
    const panel = page.getByTestId('tabpanel');
    await panel.locator('svg.recharts-surface').first().waitFor();
    await panel.getByRole('button', { name: /^Tabel kopiëren/ }).first().waitFor();
  });
  return { ...times, summary: summaryAt - clickAt, api: await apiTime(page, 'getDashboard') };
}

/**
 * One network's results screen, twice: the first time after the app starts (its code is loaded
 * then), and again after going back to the network (the code is there, the data is asked afresh).
 */
async function networkResults(page: Page, url: string, screenshot?: string): Promise<{ first: Timing; again: Timing }> {
  await openNetworks(page, url);
  await page.getByRole('button', { name: `Netwerk ${NETWORK} openen` }).click();
  const first = await openResults(page);
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  await page.getByRole('button', { name: 'Terug naar het netwerk' }).click();
  const again = await openResults(page);
  return { first, again };
}

/** The comparison of every network: the click on "Vergelijken" → table and small multiples drawn. */
async function comparison(page: Page, url: string, screenshot?: string): Promise<Timing> {
  await openNetworks(page, url);
  await page.getByTestId('open-compare').click();
  const submit = page.getByRole('button', { name: 'Vergelijken', exact: true });
  await submit.waitFor();
  await page.getByLabel('Vragenlijst').selectOption({ label: 'Benchmark, zestig uitspraken' });
  const result = page.getByTestId('compare-result');
  const times = await measured(async () => {
    await submit.click();
    await result.locator(`[data-testid="compare-table"] tbody tr:nth-child(${STUDY.networks})`).waitFor();
    await result.locator('svg.small-multiple').nth(STUDY.networks - 1).waitFor();
  });
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  return { ...times, api: await apiTime(page, 'compareNetworks') };
}

async function main() {
  await inChromium('results-screen', async (browser, dir) => {
    const databasePath = join(dir, 'app.sqlite');
    const t0 = performance.now();
    const { answers } = await generateStudy(databasePath);
    const generated = performance.now() - t0;
    const harness = await startHarness({ databasePath, exportDir: join(dir, 'exports') });
    try {
      rendererCpu = await rendererCpuOf(browser);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.url });
      await context.addInitScript(shimScript());
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);

      const loadBefore = loadavg();
      const warmUp = await networkResults(page, harness.url);
      const cold = { network: warmUp.first, again: warmUp.again, compare: await comparison(page, harness.url) };
      const network: Timing[] = [];
      const again: Timing[] = [];
      const compare: Timing[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const last = round === ROUNDS - 1 && SCREENSHOTS;
        const visits = await networkResults(page, harness.url, last ? join(SCREENSHOTS, 'bench-results-network.png') : undefined);
        network.push(visits.first);
        again.push(visits.again);
        compare.push(await comparison(page, harness.url, last ? join(SCREENSHOTS, 'bench-results-compare.png') : undefined));
      }
      await context.close();

      const ms = (v: number) => `${v.toFixed(0).padStart(5)} ms`;
      const line = (label: string, runs: Timing[], first: Timing, target: number) => {
        const med = (pick: (t: Timing) => number) => median(runs.map(pick));
        const total = med((r) => r.total);
        const verdict = total <= target ? 'within' : 'OVER';
        return [
          `  ${label}`,
          `    wall median ${ms(total)} (target ≤ ${target} ms: ${verdict})  min ${ms(Math.min(...runs.map((r) => r.total)))}  max ${ms(Math.max(...runs.map((r) => r.total)))}  warm-up ${ms(first.total)}`,
          ...(runs[0]?.summary === undefined ? [] : [`    the summary visible after median ${ms(med((r) => r.summary!))}`]),
          `    of which the API call (service + HTTP) median ${ms(med((r) => r.api))}, the rest (rendering, clicks) ${ms(total - med((r) => r.api))}`,
          `    CPU median: the page's renderer ${ms(med((r) => r.pageCpu))}, the harness with the services ${ms(med((r) => r.serviceCpu))}`,
        ].join('\n');
      };
      console.log(`load average at the start of the rounds: ${loadBefore.map((l) => l.toFixed(1)).join(', ')} on ${availableParallelism()} cores`);
      console.log(`results-screen benchmark: ${STUDY.networks} networks × 3 waves × ${STUDY.respondents} respondents × ${STUDY.items} items = ${answers.toLocaleString('en')} answers (generated in ${(generated / 1000).toFixed(1)} s); Chromium at 1280 × 900; ${ROUNDS} rounds after a warm-up`);
      console.log(line(`one network's results (${NETWORK}), first after start: click → summary visible → tab Per conditie clicked and drawn`, network, cold.network, 1000));
      console.log(line(`one network's results (${NETWORK}), again (screen code already loaded)`, again, cold.again, 1000));
      console.log(line(`comparison of ${STUDY.networks} networks: click → table and small multiples drawn`, compare, cold.compare, 1500));
    } finally {
      await harness.close();
    }
  });
}

void main();
