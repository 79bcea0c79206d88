/**
 * Benchmark: saving one answer through the API handler (validation, kiosk guard, lookups, one
 * durable single-row upsert) against the same raw upsert on the same table, file and pragmas. Target: handler p50 ≤ 1.5 × raw p50. Run: `npm run bench`.
 * A benchmark, not a test: it reports, it does not assert.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServices } from '../electron/services/app';
import { createDispatcher } from '../electron/services/dispatch';
import { createHandlers } from '../electron/services/handlers';
import { unwrap } from '../shared/errors';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2000);
const WARMUP = 200;
const KS = 'kansrijke-samenwerking';
const items = Array.from({ length: 20 }, (_, i) => `ks_${['amb', 'bel', 'per', 'org', 'pro'][Math.floor(i / 4)]}_0${(i % 4) + 1}`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}

async function timeEach(rounds: number, fn: (i: number) => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = process.hrtime.bigint();
    await fn(i);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return samples;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'netwerkspiegel-bench-'));
  try {
    // Through the handler: the real services over a real file.
    const services = startServices({ databasePath: join(dir, 'app.sqlite'), appVersion: 'bench', chooseExportPath: async () => null });
    const dispatch = createDispatcher(createHandlers(services));
    const network = unwrap(await dispatch('createNetwork', { name: 'Bench' })) as { id: string };
    const wave = unwrap(await dispatch('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] })) as { id: string };
    const response = unwrap(await dispatch('startResponse', { waveId: wave.id, respondentCode: 'BENCH01', organisationId: null, mode: 'kiosk' })) as { id: string };
    const save = (i: number) =>
      dispatch('saveAnswer', { responseId: response.id, instrumentId: KS, itemId: items[i % items.length]!, value: (i % 5) + 1, text: null });

    // Raw: the same upsert statement on the same table, file and connection, without the handler
    // around it (no validation, no lookups). Rounds alternate between the two so that noise on a
    // shared machine hits both alike.
    const upsert = services.db.prepare(`INSERT INTO answers (id, response_id, instrument_id, instrument_version, item_id, value, text, updated_at, device_id)
      VALUES (?, ?, ?, 1, ?, ?, NULL, ?, ?)
      ON CONFLICT (response_id, instrument_id, item_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, device_id = excluded.device_id`);
    const rawSave = (i: number) =>
      upsert.run(randomUUID(), response.id, KS, items[(i + 7) % items.length]!, ((i + 2) % 5) + 1, new Date().toISOString(), services.deviceId);

    for (let i = 0; i < WARMUP; i++) {
      await save(i);
      rawSave(i);
    }
    const handler: number[] = [];
    const rawSamples: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      handler.push(...(await timeEach(1, () => save(i))));
      rawSamples.push(...(await timeEach(1, () => rawSave(i))));
    }
    services.db.close();

    const h = summarize(handler);
    const r = summarize(rawSamples);
    const fmt = (x: number) => `${x.toFixed(3)} ms`;
    console.log(`saveAnswer benchmark, ${ROUNDS} saves each, synchronous=FULL, WAL, file in ${tmpdir()}`);
    console.log(`  raw upsert      p50 ${fmt(r.p50)}  p99 ${fmt(r.p99)}  mean ${fmt(r.mean)}`);
    console.log(`  via handler     p50 ${fmt(h.p50)}  p99 ${fmt(h.p99)}  mean ${fmt(h.mean)}`);
    console.log(`  ratio           p50 ${(h.p50 / r.p50).toFixed(2)}×  p99 ${(h.p99 / r.p99).toFixed(2)}×  (target p50 ≤ 1.5×)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
