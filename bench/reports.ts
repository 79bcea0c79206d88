/**
 * Benchmark: reports as a person waits for them. One network (bench/report-network.ts) with 30
 * partner organisations of 10 respondents each, T0, T1 and T2, and the four built-in instruments in
 * every wave (900 questionnaires), served by the browser harness to the built renderer in Debian's
 * Chromium. Through the report screen, from the click until it says where the file(s) went:
 *
 * - the network report (Word), every instrument and wave, breakdown by role group: target ≤ 5 s;
 * - the presentation (PowerPoint);
 * - a report per partner organisation (Word, one folder, 30 files): target ≤ 60 s.
 *
 * Each is split by where the time goes, from the page's resource timing: the results service
 * (getDashboard and the other reads), handing over the pictures (addReportImages), writing the
 * files (writeReport), and the rest, which is drawing the charts and encoding them as PNG in the
 * page. A benchmark, not a test: it reports, it does not assert. BENCH_ROUNDS (default 3) rounds,
 * the median printed with the first.
 *
 * Needs the built renderer (`npx electron-vite build`) and Chromium. Run: `npm run bench:reports`.
 */
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { inChromium, median, rendererCpuOf } from './chromium';
import { shimScript, startHarness } from '../test/harness/server';
import { seedReportNetworkFile } from './report-network';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const NETWORK = 'Netwerk Rivierenland';
const PARTNERS = 30;
const KINDS = [
  { kind: 'network', label: 'network report (Word), 4 instruments × 3 waves', target: 5000 },
  { kind: 'presentation', label: 'presentation (PowerPoint), 4 instruments × 3 waves', target: null },
  { kind: 'partners', label: `a report per partner organisation (Word), ${PARTNERS} files`, target: 60_000 },
] as const;

interface Timing {
  total: number;
  /** CPU time of Chromium's renderer processes (drawing, encoding) and of this process (the harness with the services) meanwhile: less disturbed by a busy machine than wall time. */
  pageCpu: number;
  serviceCpu: number;
  /** Wall time in API calls, by group (calls may overlap: the reads run side by side). */
  reads: number;
  images: number;
  writes: number;
}

/** Sum of the durations of the page's API calls since the last clear, by method group. */
/** Cumulative CPU time (ms) of Chromium's renderer processes, from the browser's own process list. */
let rendererCpu: () => Promise<number> = async () => 0;

async function apiTimes(page: Page): Promise<Omit<Timing, 'total' | 'pageCpu' | 'serviceCpu'>> {
  const entries = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => [e.name.split('/api/')[1] ?? '', e.duration] as const));
  const sum = (methods: string[]) => entries.filter(([m]) => methods.includes(m)).reduce((s, [, d]) => s + d, 0);
  return { reads: sum(['getDashboard', 'getNetwork', 'getAppInfo', 'listOpenAnswers']), images: sum(['addReportImages']), writes: sum(['writeReport', 'beginReport', 'endReport']) };
}

async function makeReport(page: Page, kind: string): Promise<Timing> {
  await page.evaluate(() => {
    performance.clearResourceTimings();
    performance.setResourceTimingBufferSize(10_000);
  });
  const page0 = await rendererCpu();
  const node0 = process.cpuUsage();
  const start = performance.now();
  await page.getByTestId(`make-report-${kind}`).click();
  await page.getByTestId('report-result').waitFor();
  const total = performance.now() - start;
  const node = process.cpuUsage(node0);
  const pageCpu = (await rendererCpu()) - page0;
  const text = (await page.getByTestId('report-result').textContent()) ?? '';
  if (!text.startsWith('Klaar')) throw new Error(`the report did not finish: ${text}`);
  return { total, pageCpu, serviceCpu: (node.user + node.system) / 1000, ...(await apiTimes(page)) };
}

async function main() {
  await inChromium('reports', async (browser, dir) => {
    const databasePath = join(dir, 'app.sqlite');
    const t0 = performance.now();
    const study = await seedReportNetworkFile(databasePath, {
      name: NETWORK,
      organisations: Array.from({ length: PARTNERS }, (_, i) => ({ name: `Partner ${String(i + 1).padStart(2, '0')}`, respondents: 10 })),
      openEvery: 7,
    });
    const generated = performance.now() - t0;
    const harness = await startHarness({ databasePath, exportDir: join(dir, 'exports') });
    try {
      rendererCpu = await rendererCpuOf(browser);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
      await context.addInitScript(shimScript());
      const page = await context.newPage();
      page.setDefaultTimeout(300_000);
      await page.goto(harness.url);
      await page.getByRole('button', { name: `Netwerk ${NETWORK} openen` }).click();
      await page.getByRole('button', { name: `Rapport maken voor netwerk ${NETWORK}` }).click();
      await page.getByTestId('make-report-network').waitFor();

      const loadBefore = loadavg();
      const runs: Record<string, Timing[]> = {};
      for (let round = 0; round < ROUNDS; round++) for (const { kind } of KINDS) (runs[kind] ??= []).push(await makeReport(page, kind));
      await context.close();

      const ms = (v: number) => `${(v / 1000).toFixed(2).padStart(6)} s`;
      console.log(`load average at the start: ${loadBefore.map((l) => l.toFixed(1)).join(', ')} on ${availableParallelism()} cores`);
      console.log(
        `reports benchmark: 1 network, ${PARTNERS} partner organisations × 10 respondents × 3 waves, ${study.instrumentIds.length} instruments (${study.responses} questionnaires, generated in ${(generated / 1000).toFixed(1)} s); Chromium at 1280 × 900; ${ROUNDS} rounds`,
      );
      for (const { kind, label, target } of KINDS) {
        const r = runs[kind]!;
        const med = (pick: (t: Timing) => number) => median(r.map(pick));
        const total = med((t) => t.total);
        const verdict = target === null ? '' : ` (target ≤ ${target / 1000} s: ${total <= target ? 'within' : 'OVER'})`;
        console.log(`  ${label}: click → file(s) written`);
        console.log(`    wall median ${ms(total)}${verdict}  first ${ms(r[0]!.total)}  min ${ms(Math.min(...r.map((t) => t.total)))}  max ${ms(Math.max(...r.map((t) => t.total)))}`);
        console.log(
          `    CPU median: the page's renderer ${ms(med((t) => t.pageCpu))}, the harness with the services and the writers ${ms(med((t) => t.serviceCpu))}`,
        );
        console.log(
          `    in API calls (median, calls may overlap): results service ${ms(med((t) => t.reads))}, pictures handed over ${ms(med((t) => t.images))}, files written ${ms(med((t) => t.writes))}; the rest (drawing, PNG encoding, building) ${ms(total - med((t) => t.reads + t.images + t.writes))}`,
        );
      }
    } finally {
      await harness.close();
    }
  });
}

void main();
