/**
 * Benchmark (issue 4): the whole results dashboard for a large study against one plain SQL scan
 * over the same answers. A study is generated with a fixed seed: 50 networks × 3 waves (T0, T1, T2)
 * × 40 respondents × 60 items = 360,000 answers, in a temporary SQLite file with the app's pragmas.
 * Respondents are partly the same people across waves (linked by code), 6 organisations per
 * network, about 4% "weet niet". Target: dashboard ≤ 1.5 × scan.
 *
 * Run: `npm run bench:dashboard` (tsx). A benchmark, not a test: it reports, it does not assert.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServices } from '../electron/services/app';
import { createDispatcher } from '../electron/services/dispatch';
import { createHandlers } from '../electron/services/handlers';
import { unwrap } from '../shared/errors';

const NETWORKS = 50;
const RESPONDENTS = 40;
const ITEMS = 60;
const SUBSCALES = 6;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const INSTRUMENT = 'bench-zestig';

/** mulberry32: a small seeded PRNG, so every run generates the same study. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function instrumentDefinition() {
  const itemId = (s: number, i: number) => `bz_s${s + 1}_${String(i + 1).padStart(2, '0')}`;
  const perSubscale = ITEMS / SUBSCALES;
  const subscales = Array.from({ length: SUBSCALES }, (_, s) => ({
    id: `bz_s${s + 1}`,
    label: { nl: `Schaal ${s + 1}`, en: `Scale ${s + 1}` },
    items: Array.from({ length: perSubscale }, (_, i) => itemId(s, i)),
    minAnsweredShare: 0.75,
  }));
  return {
    id: INSTRUMENT,
    version: 1,
    name: { nl: 'Benchmark, zestig uitspraken', en: 'Benchmark, sixty statements' },
    description: { nl: 'Gegenereerd voor de benchmark.', en: 'Generated for the benchmark.' },
    attribution: { nl: 'Netwerkspiegel', en: 'Netwerkspiegel' },
    licence: { nl: 'Vrij', en: 'Free' },
    scales: [
      {
        id: 'eens5',
        options: ['Helemaal oneens', 'Oneens', 'Neutraal', 'Eens', 'Helemaal eens'].map((nl, i) => ({ code: i + 1, label: { nl, en: nl } })),
        notScored: [{ code: 9, label: { nl: 'Weet niet', en: 'Don\u2019t know' } }],
      },
    ],
    items: subscales.flatMap((s) =>
      s.items.map((id, i) => ({ id, type: 'scale', text: { nl: id, en: id }, label: { nl: id, en: id }, scale: 'eens5', reverse: i === 0 })),
    ),
    subscales,
    sections: subscales.map((s) => ({ id: `sec_${s.id}`, title: s.label, items: s.items })),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'netwerkspiegel-bench-dashboard-'));
  try {
    const services = startServices({ databasePath: join(dir, 'app.sqlite'), appVersion: 'bench', chooseExportPath: async () => null });
    const dispatch = createDispatcher(createHandlers(services));
    const ok = async <T>(name: Parameters<typeof dispatch>[0], input: unknown) => unwrap(await dispatch(name, input)) as T;
    const db = services.db;
    const random = prng(20261123);
    const def = instrumentDefinition();
    await ok('importInstrument', { definitionJson: JSON.stringify(def) });
    const itemIds = def.items.map((i) => i.id);

    // Networks, organisations and waves through the API; respondents, responses and answers in one bulk transaction.
    const t0 = performance.now();
    const networks: { id: string; waves: string[]; orgs: string[] }[] = [];
    for (let n = 0; n < NETWORKS; n++) {
      const network = await ok<{ id: string }>('createNetwork', { name: `Netwerk ${String(n + 1).padStart(2, '0')}` });
      const orgs: string[] = [];
      for (let o = 0; o < 6; o++) {
        orgs.push((await ok<{ id: string }>('addOrganisation', { networkId: network.id, name: `Organisatie ${o + 1}`, sector: 'zorg', sizeClass: null })).id);
      }
      const waves: string[] = [];
      for (const kind of ['T0', 'T1', 'T2'] as const) {
        waves.push((await ok<{ id: string }>('createWave', { networkId: network.id, label: kind, kind, plannedDate: null, instruments: [{ instrumentId: INSTRUMENT, version: 1 }] })).id);
      }
      networks.push({ id: network.id, waves, orgs });
    }
    const now = new Date().toISOString();
    const device = services.deviceId;
    const insertRespondent = db.prepare(
      "INSERT INTO respondents (id, network_id, code, code_kind, organisation_id, created_at, updated_at, device_id) VALUES (?, ?, ?, 'free', ?, ?, ?, ?)",
    );
    const insertResponse = db.prepare(
      `INSERT INTO responses (id, respondent_id, wave_id, status, mode, organisation_id, started_at, completed_at, updated_at, device_id)
       VALUES (?, ?, ?, 'complete', 'form', ?, ?, ?, ?, ?)`,
    );
    const insertAnswer = db.prepare(
      `INSERT INTO answers (id, response_id, instrument_id, instrument_version, item_id, value, text, updated_at, device_id)
       VALUES (?, ?, ?, 1, ?, ?, NULL, ?, ?)`,
    );
    let answers = 0;
    db.transaction(() => {
      db.prepare('UPDATE instruments SET frozen_at = ? WHERE instrument_id = ? AND frozen_at IS NULL').run(now, INSTRUMENT);
      for (const [n, network] of networks.entries()) {
        // Each wave: 40 respondents; from T1 on, about 70% are people from the wave before.
        let previous: { id: string; org: string; level: number }[] = [];
        let next = 0;
        for (const waveId of network.waves) {
          const people: { id: string; org: string; level: number }[] = [];
          for (const p of previous) if (people.length < RESPONDENTS && random() < 0.7) people.push(p);
          while (people.length < RESPONDENTS) {
            const id = randomUUID();
            const org = network.orgs[Math.floor(random() * network.orgs.length)]!;
            insertRespondent.run(id, network.id, `N${n}R${next++}`, org, now, now, device);
            people.push({ id, org, level: 1.5 + random() * 3 });
          }
          for (const person of people) {
            const responseId = randomUUID();
            insertResponse.run(responseId, person.id, waveId, person.org, now, now, now, device);
            for (const itemId of itemIds) {
              const value = random() < 0.04 ? 9 : Math.min(5, Math.max(1, Math.round(person.level + (random() - 0.5) * 2)));
              insertAnswer.run(randomUUID(), responseId, INSTRUMENT, itemId, value, now, device);
              answers++;
            }
          }
          previous = people;
        }
      }
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('ANALYZE');
    const generated = performance.now() - t0;

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
