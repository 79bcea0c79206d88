/**
 * Benchmark: previewing and importing a large study file, and how long the main process is blocked
 * at a time meanwhile (it cannot answer the window while it is).
 *
 * Files:
 * - "25 MB": as many networks of the large study (bench/generate-study.ts: per network 6
 *   organisations, T0/T1/T2, 40 respondents per wave, 60 items) as fit in a study file of at most
 *   25 MB, exported by the app itself;
 * - "10,000 waves": 10 networks × 1,000 waves, each wave with two instruments, no responses (the
 *   shape that made the merge quadratic).
 * Measured through the API dispatcher, each on a laptop of its own:
 * - preview of the 25 MB file on an empty laptop;
 * - import of the 25 MB file on a laptop that already holds as much other data (another part of
 *   the large study), then the same file again (nothing changes);
 * - preview of the 10,000-wave file.
 * "Longest stretch" is the longest time between two turns of the main thread's event loop,
 * measured by a ticker running beside the work (a 1 ms timer: a ticker that never sleeps, as
 * setImmediate, would take a core from the worker, which an idle main process does not). Beside it:
 * the most CPU time the main thread spent in one such stretch (a busy machine stretches the first,
 * not the second), and the same ticker with nothing to do, alone and beside a spinning thread, for
 * the machine's own noise. The work itself runs in the study-file worker (a worker thread, here
 * started from the sources through tsx); it is started once before the measurements, so the totals
 * do not include its start, which is timed on its own. The backup before the import (made in the
 * worker) is timed on its own as well, as part of the import's total.
 *
 * Run: `npm run bench:study-import` (BENCH_ROUNDS, default 1). A benchmark, not a test: it reports.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { randomUUID } from 'node:crypto';
import type { MethodName } from '../shared/contract';
import { unwrap } from '../shared/errors';
import { STUDY_FILE_MAX_CHARS, type StudyFile } from '../shared/study';
import { startServices } from '../electron/services/app';
import type { ServiceContext } from '../electron/services/context';
import { createDispatcher } from '../electron/services/dispatch';
import { createHandlers } from '../electron/services/handlers';
import { createBackup } from '../electron/services/data/backups';
import { buildStudyFile, studyChecksum } from '../electron/services/data/study-files';
import { generateStudy, STUDY } from './generate-study';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);

interface Measured {
  totalMs: number;
  longestMs: number;
  /** The most CPU time the main thread spent between two turns: the stretch without the time it waited for a core. */
  longestCpuMs: number;
}

/** CPU time of this thread so far, in ms (user and system). */
function threadCpuMs(): number {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
}

/** Runs `work` while a ticker (every millisecond) measures the longest time the event loop had no turn. */
async function measure(work: () => Promise<unknown>): Promise<Measured> {
  let longest = 0;
  let longestCpu = 0;
  let last = performance.now();
  let lastCpu = threadCpuMs();
  let running = true;
  const tick = () => {
    const now = performance.now();
    const cpu = threadCpuMs();
    longest = Math.max(longest, now - last);
    longestCpu = Math.max(longestCpu, cpu - lastCpu);
    last = now;
    lastCpu = cpu;
    if (running) setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
  const start = performance.now();
  await work();
  const totalMs = performance.now() - start;
  running = false;
  longest = Math.max(longest, performance.now() - last);
  longestCpu = Math.max(longestCpu, threadCpuMs() - lastCpu);
  return { totalMs, longestMs: longest, longestCpuMs: longestCpu };
}

/** The same ticker for `ms` with nothing to do beside it (or beside a thread that spins): what the machine alone causes. */
function noise(ms: number, busyThread: boolean): Promise<Measured> {
  const spinner = busyThread ? new Worker('for (;;) {}', { eval: true }) : null;
  return measure(() => new Promise((resolve) => setTimeout(resolve, ms))).finally(() => spinner?.terminate());
}

function laptop(databasePath: string) {
  const services = startServices({ databasePath, appVersion: 'bench', chooseExportPath: async () => null });
  const dispatch = createDispatcher(createHandlers(services));
  const call = async (name: MethodName, input: unknown) => unwrap(await dispatch(name, input));
  return { services, call };
}

/** The largest study file of the first networks that stays within the app's limit. */
function fileOfAtMost(services: ServiceContext, networkIds: string[], maxChars: number): { content: string; networks: number } {
  let best = { content: '', networks: 0 };
  for (let n = 1; n <= networkIds.length; n++) {
    const content = JSON.stringify(buildStudyFile(services, networkIds.slice(0, n)));
    if (content.length > maxChars) break;
    best = { content, networks: n };
  }
  return best;
}

/** 10 networks × 1,000 waves with two instruments each, as a study file (synthetic, valid). */
function manyWavesFile(services: ServiceContext): string {
  const base = buildStudyFile(services, []);
  const now = new Date().toISOString();
  const device = randomUUID();
  const stamp = { created_at: now, updated_at: now, device_id: device };
  const data: StudyFile['data'] = { ...base.data, networks: [], waves: [], wave_instruments: [] };
  data.instruments = services.db
    .prepare("SELECT instrument_id, version, definition, built_in, frozen_at, created_at, device_id FROM instruments WHERE instrument_id IN (?, 'kansrijke-samenwerking')")
    .all(STUDY.instrument) as StudyFile['data']['instruments'];
  for (let n = 0; n < 10; n++) {
    const network = { id: randomUUID(), name: `Veel metingen ${n + 1}`, description: null, min_group_size: 5, consent_nl: null, consent_en: null, code_policy: 'free' as const, idle_seconds: 180, kiosk_stop: 'keep' as const, ...stamp };
    data.networks.push(network);
    for (let w = 0; w < 1000; w++) {
      const wave = { id: randomUUID(), network_id: network.id, label: `M${String(w + 1).padStart(4, '0')}`, kind: 'custom' as const, planned_date: null, status: 'open' as const, occasion_id: null, occasion_moment: null, ...stamp };
      data.waves.push(wave);
      data.wave_instruments.push({ wave_id: wave.id, instrument_id: STUDY.instrument, instrument_version: 1, position: 0 });
      data.wave_instruments.push({ wave_id: wave.id, instrument_id: 'kansrijke-samenwerking', instrument_version: 1, position: 1 });
    }
  }
  const manifest = { ...base.manifest, createdAt: now, networks: data.networks.map((n) => ({ id: n.id, name: n.name })) };
  return JSON.stringify({ ...base, manifest, checksum: { algorithm: 'sha256', value: studyChecksum(manifest, data) }, data });
}

const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;
const mb = (chars: number) => `${(chars / 1e6).toFixed(1)} MB`;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'netwerkspiegel-bench-study-import-'));
  try {
    const source = join(dir, 'study.sqlite');
    const t0 = performance.now();
    await generateStudy(source);
    const generated = (performance.now() - t0) / 1000;
    const src = laptop(source);
    const networkIds = src.services.db.prepare('SELECT id FROM networks ORDER BY name').pluck().all() as string[];
    const large = fileOfAtMost(src.services, networkIds, STUDY_FILE_MAX_CHARS);
    const other = JSON.stringify(buildStudyFile(src.services, networkIds.slice(large.networks, 2 * large.networks)));
    const waves = manyWavesFile(src.services);
    const answers = (JSON.parse(large.content) as StudyFile).data.answers.length;
    src.services.db.close();

    console.log(`study-file import benchmark (large study generated in ${generated.toFixed(1)} s); ${ROUNDS} round(s), the slowest shown`);
    console.log(`  25 MB file: ${large.networks} networks, ${answers.toLocaleString('en')} answers, ${mb(large.content.length)}; 10,000-wave file: ${mb(waves.length)}`);
    const rows: [string, Measured][] = [];
    const backups: number[] = [];
    // Starts the worker (it is kept for the next job): a preview of a file of nothing.
    const warm = laptop(join(dir, 'warm.sqlite'));
    const tinyFile = JSON.stringify(buildStudyFile(warm.services, []));
    const w0 = performance.now();
    await warm.call('previewStudyFile', { content: tinyFile });
    const workerStart = performance.now() - w0;
    warm.services.db.close();
    for (let round = 0; round < ROUNDS; round++) {
      const empty = laptop(join(dir, `empty-${round}.sqlite`));
      rows.push(['preview, 25 MB, empty laptop', await measure(() => empty.call('previewStudyFile', { content: large.content }))]);
      rows.push(['preview, 10,000 waves, empty laptop', await measure(() => empty.call('previewStudyFile', { content: waves }))]);
      empty.services.db.close();

      const coordinatorPath = join(dir, `coordinator-${round}.sqlite`);
      const coordinator = laptop(coordinatorPath);
      rows.push(['import, 25 MB, empty laptop', await measure(() => coordinator.call('importStudyFile', { content: other, decisions: [] }))]);
      coordinator.services.db.pragma('wal_checkpoint(TRUNCATE)');
      // The backup the next import makes, timed alone on a copy of the same database.
      const copy = laptop((copyFileSync(coordinatorPath, join(dir, `copy-${round}.sqlite`)), join(dir, `copy-${round}.sqlite`)));
      const b0 = performance.now();
      createBackup(copy.services, 'handmatig');
      backups.push(performance.now() - b0);
      copy.services.db.close();
      rows.push(['import, 25 MB, laptop holding as much other data', await measure(() => coordinator.call('importStudyFile', { content: large.content, decisions: [] }))]);
      rows.push(['import, the same 25 MB file again (nothing changes)', await measure(() => coordinator.call('importStudyFile', { content: large.content, decisions: [] }))]);
      coordinator.services.db.close();
    }
    rows.push(['nothing, 5 s (the machine alone)', await noise(5000, false)]);
    rows.push(['nothing, 5 s, beside a thread that spins', await noise(5000, true)]);
    const names = [...new Set(rows.map(([name]) => name))];
    for (const name of names) {
      const of = rows.filter(([n]) => n === name).map(([, m]) => m);
      const worst = (key: keyof Measured) => Math.max(...of.map((m) => m[key]));
      console.log(`  ${name.padEnd(52)} total ${ms(worst('totalMs'))}   longest stretch ${ms(worst('longestMs'))} (main-thread CPU ${ms(worst('longestCpuMs'))})`);
    }
    console.log(`  the backup before the import, alone (VACUUM INTO of the laptop's database; in the worker) ${ms(Math.max(...backups)).trim()}`);
    console.log(`  starting the worker from the sources (tsx) and previewing an empty file, once ${ms(workerStart).trim()}`);
    console.log('  (target: no stretch of the main thread over 200 ms, for preview and import alike. A stretch counts the time the');
    console.log('  main thread waited for a core as well; "main-thread CPU" leaves that out, and "nothing" shows what the machine alone causes)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
