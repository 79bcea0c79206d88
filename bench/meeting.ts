/**
 * Benchmark: meeting mode with 40 phones at once. Two parts:
 *
 * 1. Phones: 40 Chromium contexts (360 px, touch, each its own profile) open the meeting's address
 *    served by the real meeting server (the browser harness's services, built phone page) and go
 *    through the whole flow at the same time: consent, code, organisation, every choice question
 *    on every page (each waited for until it shows *Opgeslagen*), review, submit. Reported: the
 *    latency of saving an answer as the phone sees it (Chromium's timing of each saveAnswer
 *    request, send to last byte), p50/p95/p99/max, and whether every answer a phone showed as saved
 *    is on disk in its own response and nowhere else.
 * 2. Server alone: 40 HTTP clients without a browser, each from its own loopback address
 *    (127.0.0.10 …) as phones have their own, saving answers back to back (the same server, token
 *    and contract), to separate the server's share from the browsers' on a small machine:
 *    p50/p95/p99/max and answers per second.
 * 3. At a person's pace: the same 40 clients, each answering 20 questions with a pause of 1 to 4 s
 *    between answers (a fixed seed), as a room of people filling in does: p50/p95/p99/max.
 *
 * Chromium cannot send from another address, so in part 1 all phones come from 127.0.0.1: the
 * per-address limits of the meeting server are multiplied by the number of phones there, and the
 * requests the server still refused (429) or found too slow (408) are counted.
 *
 * A benchmark, not a test: it reports, it does not assert. Needs the built renderer
 * (`npx electron-vite build`) and Chromium (CHROMIUM_PATH). Run: `npm run bench:meeting`.
 * BENCH_PHONES changes the number of phones (default 40).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ResponseRecord } from '../shared/domain';
import { launchChromium } from '../test/e2e/support/browser';
import { apiAt, setUpWave } from '../test/e2e/support/kiosk';
import { answerAllPages, beginOnPhone, openPhone, submitOnPhone } from '../test/e2e/support/meeting';
import { MEETING_LIMITS } from '../electron/services/meeting/server';
import { MEETING_HEADER, PHONE_HEADER } from '../shared/meeting';
import type { Envelope } from '../shared/errors';
import { startHarness } from '../test/harness/server';
import { newPhoneToken } from '../test/support/meeting';

const PHONES = Number(process.env.BENCH_PHONES ?? 40);
const HTTP_SAVES_PER_CLIENT = 50;
const ORGANISATIONS = ['Zorggroep Oost', 'Welzijn Hengelo', 'Gemeente Enschede', 'Huisartsen Twente'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function describe(label: string, latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  const f = (n: number) => `${n.toFixed(1)} ms`;
  return `${label}: n=${sorted.length}, p50 ${f(percentile(sorted, 50))}, p95 ${f(percentile(sorted, 95))}, p99 ${f(percentile(sorted, 99))}, max ${f(sorted[sorted.length - 1]!)}`;
}

/** A phone without a browser, sending from its own loopback address over one kept-alive connection at a time. */
function httpPhone(port: number, meetingToken: string, localAddress: string) {
  const phoneToken = newPhoneToken();
  const ok = <T>(call: string, input: unknown): Promise<T> =>
    new Promise((done, fail) => {
      const body = JSON.stringify(input);
      const req = request(
        { host: '127.0.0.1', port, localAddress, method: 'POST', path: `/api/${call}`, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), [MEETING_HEADER]: meetingToken, [PHONE_HEADER]: phoneToken } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          res.on('end', () => {
            const envelope = JSON.parse(text) as Envelope<T>;
            if (envelope.ok) done(envelope.value);
            else fail(new Error(`${call}: ${res.statusCode} ${envelope.error.message}`));
          });
        },
      );
      req.on('error', fail);
      req.end(body);
    });
  return { ok };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'netwerkspiegel-bench-meeting-'));
  const databasePath = join(dir, 'netwerkspiegel.sqlite');
  const perAddress = { requestBurst: MEETING_LIMITS.requestBurst * PHONES, requestsPerSecond: MEETING_LIMITS.requestsPerSecond * PHONES, beginBurst: MEETING_LIMITS.beginBurst * PHONES };
  const harness = await startHarness({ databasePath, exportDir: join(dir, 'exports'), meetingLimits: perAddress });
  const browser = await launchChromium();
  try {
    const call = apiAt(harness.url);
    const { wave } = await setUpWave(call, { organisations: ORGANISATIONS, pin: false });
    const { meeting } = await call('startMeeting', { waveId: wave.id, address: '127.0.0.1' });
    const url = meeting!.url;
    console.log(`Meeting mode, ${PHONES} phones, ${availableParallelism()} cores, load ${loadavg()[0]!.toFixed(1)} at the start`);

    // --- 1. phones in Chromium -------------------------------------------------------------------
    const phones = [];
    for (let i = 0; i < PHONES; i++) phones.push(await openPhone(browser, 300_000));
    const started = performance.now();
    const seen = await Promise.all(
      phones.map(async (phone, i) => {
        const code = `TEL-${String(i).padStart(3, '0')}`;
        await beginOnPhone(phone.page, url, code, ORGANISATIONS[i % ORGANISATIONS.length]!);
        const saved = await answerAllPages(phone.page, i);
        await submitOnPhone(phone.page);
        return { code, saved };
      }),
    );
    const wall = (performance.now() - started) / 1000;
    const latencies = phones.flatMap((p) => p.saveLatencies);
    const problems = phones.flatMap((p) => p.problems);
    const statuses = new Map<number, number>();
    for (const phone of phones) for (const [status, n] of phone.statuses) statuses.set(status, (statuses.get(status) ?? 0) + n);
    for (const phone of phones) await phone.context.close();

    const db = new Database(databasePath, { readonly: true, fileMustExist: true });
    let stored = 0;
    let mismatched = 0;
    for (const { code, saved } of seen) {
      const rows = db
        .prepare("SELECT a.item_id AS itemId, a.value FROM answers a JOIN responses r ON r.id = a.response_id JOIN respondents p ON p.id = r.respondent_id WHERE p.code = ? AND r.status = 'complete' AND r.mode = 'meeting'")
        .all(code) as { itemId: string; value: number }[];
      stored += rows.length;
      const onDisk = new Map(rows.map((r) => [r.itemId, r.value]));
      if (onDisk.size !== saved.size || [...saved].some(([item, value]) => onDisk.get(item) !== value)) mismatched++;
    }
    const acknowledged = seen.reduce((n, s) => n + s.saved.size, 0);
    console.log(`\n1. ${PHONES} phones through the whole flow at once, in ${wall.toFixed(1)} s`);
    console.log(`   ${describe('saving an answer, as the phone sees it', latencies)}`);
    console.log(`   answers shown as saved: ${acknowledged}; on disk in the right response: ${stored}; phones whose stored answers differ from what they showed: ${mismatched}`);
    console.log(`   answers other than 200 (each sent again by the phone): ${statuses.size === 0 ? 'none' : [...statuses].map(([s, n]) => `${n} × ${s}`).join(', ')}`);
    console.log(`   page errors and console errors on the phones: ${problems.length}${problems.length ? ` (${problems.slice(0, 3).join('; ')})` : ''}`);
    db.close();

    // --- 2. the server alone, 40 HTTP clients --------------------------------------------------
    const token = meeting!.shortAddress.split('/')[1]!;
    const port = meeting!.port;
    const clients = await Promise.all(
      Array.from({ length: PHONES }, async (_, i) => {
        const phone = httpPhone(port, token, `127.0.0.${10 + i}`);
        const response = await phone.ok<ResponseRecord>('begin', { respondentCode: `HTTP-${String(i).padStart(3, '0')}`, consent: true, language: 'nl' });
        return { phone, responseId: response.id };
      }),
    );
    const items = ['ks_amb_01', 'ks_amb_02', 'ks_amb_03', 'ks_amb_04', 'ks_bel_01', 'ks_bel_02', 'ks_bel_03', 'ks_bel_04', 'ks_per_01', 'ks_per_02'];
    const serverLatencies: number[] = [];
    const httpStart = performance.now();
    await Promise.all(
      clients.map(async ({ phone, responseId }, c) => {
        for (let n = 0; n < HTTP_SAVES_PER_CLIENT; n++) {
          const t0 = performance.now();
          await phone.ok('saveAnswer', { responseId, instrumentId: 'kansrijke-samenwerking', itemId: items[n % items.length]!, value: ((n + c) % 5) + 1, text: null });
          serverLatencies.push(performance.now() - t0);
        }
      }),
    );
    const httpSeconds = (performance.now() - httpStart) / 1000;
    console.log(`\n2. ${PHONES} HTTP clients without a browser, ${HTTP_SAVES_PER_CLIENT} answers each, back to back`);
    console.log(`   ${describe('saving an answer over HTTP', serverLatencies)}`);
    console.log(`   ${(serverLatencies.length / httpSeconds).toFixed(0)} answers per second`);

    // --- 3. at a person's pace --------------------------------------------------------------------
    let seed = 20261201;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pauses = clients.map(() => Array.from({ length: 20 }, () => 1000 + random() * 3000));
    const pacedLatencies: number[] = [];
    await Promise.all(
      clients.map(async ({ phone, responseId }, c) => {
        for (let n = 0; n < 20; n++) {
          await new Promise((done) => setTimeout(done, pauses[c]![n]));
          const t0 = performance.now();
          await phone.ok('saveAnswer', { responseId, instrumentId: 'kansrijke-samenwerking', itemId: items[n % items.length]!, value: ((n + c + 2) % 5) + 1, text: null });
          pacedLatencies.push(performance.now() - t0);
        }
      }),
    );
    console.log(`\n3. ${PHONES} HTTP clients at a person's pace (20 answers each, 1 to 4 s apart)`);
    console.log(`   ${describe('saving an answer over HTTP', pacedLatencies)}`);
  } finally {
    await browser.close();
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
