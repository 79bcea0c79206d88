/**
 * Benchmark: the whole results dashboard for a large study against one plain SQL scan
 * over the same answers. A study is generated with a fixed seed: 50 networks × 3 waves (T0, T1, T2)
 * × 40 respondents × 60 items = 360,000 answers, in a temporary SQLite file with the app's pragmas.
 * Respondents are partly the same people across waves (linked by code), 6 organisations per
 * network, about 4% "weet niet". Target: dashboard ≤ 1.5 × scan.
 *
 * The study comes from bench/generate-study.ts. Run: `npm run bench:dashboard` (tsx). A benchmark, not a test: it reports, it does not assert.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServices } from '../electron/services/app';
import { createDispatcher } from '../electron/services/dispatch';
import { createHandlers } from '../electron/services/handlers';
import { unwrap } from '../shared/errors';
import { STUDY, generateStudy } from './generate-study';

const { networks: NETWORKS, respondents: RESPONDENTS, items: ITEMS, instrument: INSTRUMENT } = STUDY;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'netwerkspiegel-bench-dashboard-'));
  try {
    const databasePath = join(dir, 'app.sqlite');
    const t0 = performance.now();
    const { networkIds, answers } = await generateStudy(databasePath);
    const generated = performance.now() - t0;
    const networks = networkIds.map((id) => ({ id }));

    const services = startServices({ databasePath, appVersion: 'bench', chooseExportPath: async () => null });
    const dispatch = createDispatcher(createHandlers(services));
    const ok = async <T>(name: Parameters<typeof dispatch>[0], input: unknown) => unwrap(await dispatch(name, input)) as T;
    const db = services.db;

    const scan = () => {
      let rows = 0;
      for (const row of db.prepare('SELECT response_id, item_id, value FROM answers').iterate()) if (row) rows++;
      return rows;
    };
    const dashboards = async () => {
      let scales = 0;
      for (const network of networks) {
        const d = await ok<{ scales: unknown[] }>('getDashboard', { networkId: network.id, waveIds: [], instrumentId: INSTRUMENT, breakdown: 'none' });
        scales += d.scales.length;
      }
      return scales;
    };

    // Warm-up (statement caches, compiled instrument, JIT), then alternate rounds so noise hits both alike.
    // Wall time is what a person waits; CPU time of this process is less disturbed by other work on the machine.
    scan();
    await dashboards();
    const scanTimes: number[] = [];
    const dashboardTimes: number[] = [];
    const scanCpu: number[] = [];
    const dashboardCpu: number[] = [];
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const d = process.cpuUsage(since);
      return (d.user + d.system) / 1000;
    };
    let scannedRows = 0;
    for (let round = 0; round < ROUNDS; round++) {
      let cpu = process.cpuUsage();
      let start = performance.now();
      scannedRows = scan();
      scanTimes.push(performance.now() - start);
      scanCpu.push(cpuMs(cpu));
      cpu = process.cpuUsage();
      start = performance.now();
      await dashboards();
      dashboardTimes.push(performance.now() - start);
      dashboardCpu.push(cpuMs(cpu));
    }
    db.close();

    const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;
    const line = (label: string, wall: number[], cpu: number[]) =>
      `  ${label.padEnd(58)} wall median ${fmt(median(wall))}  min ${fmt(Math.min(...wall))}  cpu median ${fmt(median(cpu))}`;
    console.log(`dashboard benchmark: ${NETWORKS} networks × 3 waves × ${RESPONDENTS} respondents × ${ITEMS} items = ${answers.toLocaleString('en')} answers (generated in ${(generated / 1000).toFixed(1)} s), ${ROUNDS} rounds`);
    console.log(line(`plain scan: SELECT response_id, item_id, value FROM answers (${scannedRows.toLocaleString('en')} rows)`, scanTimes, scanCpu));
    console.log(line('all dashboards: getDashboard per network, summed', dashboardTimes, dashboardCpu));
    const ratio = (a: number[], b: number[]) => `${(median(a) / median(b)).toFixed(2)}×`;
    console.log(
      `  ratio dashboards / scan: wall median ${ratio(dashboardTimes, scanTimes)}, wall min ${(Math.min(...dashboardTimes) / Math.min(...scanTimes)).toFixed(2)}×, cpu median ${ratio(dashboardCpu, scanCpu)} (target ≤ 1.5×)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
