import { randomUUID } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNetwork } from '../../electron/services/administration/networks';
import { studyChecksum } from '../../electron/services/data/study-files';
import type { StudyFile } from '../../shared/study';
import { snapshot, studyFileOf, useServices, type Laptop } from '../support/services';
import { useTempDir } from '../support/tmp';

/**
 * Previews and imports of study files run in a worker thread on a connection of their own, so the
 * main process keeps turning: the file is never parsed on the main thread and its rows are not
 * written through the main connection; an import that waits for the write lock does so in its
 * worker while the main process goes on; what the main process saves meanwhile is kept (the import
 * plans again), and calls made while the import writes wait for it without blocking. A worker that
 * stops or cannot start comes back as a Dutch message and changes nothing.
 */

const open = useServices();
const tempDir = useTempDir();
const KS = 'kansrijke-samenwerking';
const nextTurn = () => new Promise<void>((ok) => setImmediate(ok));

afterEach(() => vi.restoreAllMocks());

/**
 * Laptop A's network with `respondents` respondents, each with a response that answers every scale
 * question of Kansrijke samenwerking, as a study file: one real response saved through the API,
 * copied with new ids and codes.
 */
async function generatedFile(respondents: number) {
  const a = open();
  const network = await a.ok('createNetwork', { name: 'Groot netwerk' });
  const wave = await a.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
  const r = await a.ok('startResponse', { waveId: wave.id, respondentCode: 'R0000', organisationId: null, mode: 'form' });
  const items = (await a.ok('getInstrument', { instrumentId: KS, version: 1 })).items.filter((i) => i.type === 'scale');
  for (const item of items) await a.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: item.id, value: 3, text: null });
  const file = JSON.parse(await studyFileOf(a, [network.id])) as StudyFile;
  const [respondent] = file.data.respondents;
  const [response] = file.data.responses;
  const answers = file.data.answers;
  for (let n = 1; n < respondents; n++) {
    const rid = randomUUID();
    const sid = randomUUID();
    file.data.respondents.push({ ...respondent!, id: rid, code: `R${String(n).padStart(4, '0')}` });
    file.data.responses.push({ ...response!, id: sid, respondent_id: rid });
    for (const answer of answers.slice(0, items.length)) file.data.answers.push({ ...answer, id: randomUUID(), response_id: sid });
  }
  file.checksum.value = studyChecksum(file.manifest, file.data);
  return { content: JSON.stringify(file), network, wave, answers: respondents * items.length };
}

const totalChanges = (s: Laptop) => s.db.prepare('SELECT total_changes()').pluck().get() as number;
const count = (s: Laptop, table: string) => s.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const importBackups = (s: Laptop) => readdirSync(join(s.dir, 'backups')).filter((n) => n.includes('voor-import'));

/** Polls the progress until the import is in its writing phase. */
async function untilWriting(s: Laptop): Promise<void> {
  for (let p = await s.ok('getStudyFileProgress', {}); !(p.running && p.phase === 'writing'); p = await s.ok('getStudyFileProgress', {})) await nextTurn();
}

describe('a study file is handled in a worker thread', { timeout: 60_000 }, () => {
  it('never parses a large file on the main thread, and writes its rows through a connection of its own', async () => {
    const { content, answers } = await generatedFile(800);
    expect(content.length).toBeGreaterThan(4_000_000);
    const b = open();
    const parse = vi.spyOn(JSON, 'parse');
    const before = totalChanges(b);

    const preview = await b.ok('previewStudyFile', { content });
    expect(preview.counts.answers).toEqual({ added: answers, skipped: 0 });
    const report = await b.ok('importStudyFile', { content, decisions: [] });
    expect(report.counts.answers).toEqual({ added: answers, skipped: 0 });

    // Read and written elsewhere: JSON.parse of this thread never saw the file, and the answers
    // are in the database without this thread's connection having changed a row.
    expect(parse.mock.calls.filter(([text]) => text === content)).toEqual([]);
    expect(count(b, 'answers')).toBe(answers);
    expect(totalChanges(b)).toBe(before);
  });

  it('waits for the write lock in its worker while the main process turns; a save made meanwhile is kept, and the import plans again', async () => {
    const { content } = await generatedFile(20);
    const b = open();
    // B's own connection holds the write lock: the import can read, check, plan and back up, but not write.
    b.db.exec('BEGIN IMMEDIATE');
    let settled = false;
    const importing = b.call('importStudyFile', { content, decisions: [] }).finally(() => (settled = true));
    await untilWriting(b);
    for (let i = 0; i < 100; i++) await nextTurn();
    // The import waits for the lock in its worker; this thread made 100 turns meanwhile.
    expect(settled).toBe(false);
    expect(await b.ok('getStudyFileProgress', {})).toMatchObject({ running: true, phase: 'writing' });
    expect(importBackups(b)).toHaveLength(1);

    // A save made now, while the import waits (through the service: the API would wait for the import's writing).
    const saved = createNetwork(b.services, { name: 'Opgeslagen tijdens het importeren' });
    b.db.exec('COMMIT');
    const result = await importing;
    expect(result.ok).toBe(true);
    expect(b.db.prepare('SELECT name FROM networks ORDER BY name').pluck().all()).toEqual(['Groot netwerk', saved.name]);
    expect(count(b, 'responses')).toBe(20);
    // Planned again after the save: the first backup (made before it) was removed, the second kept.
    expect(importBackups(b)).toHaveLength(1);
    expect(b.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'study.imported'").pluck().get()).toBe(1);
  });

  it('lets calls made while it writes wait for it, then run them: nothing is lost and the main process is not blocked', async () => {
    const { content } = await generatedFile(20);
    const b = open();
    b.db.exec('BEGIN IMMEDIATE');
    const order: string[] = [];
    const importing = b.call('importStudyFile', { content, decisions: [] }).finally(() => order.push('import'));
    await untilWriting(b);
    const saving = b.call('createNetwork', { name: 'Tijdens het schrijven' }).finally(() => order.push('save'));
    for (let i = 0; i < 100; i++) await nextTurn();
    // The save waits (in a promise, not inside SQLite: this thread still turns) for the import.
    expect(order).toEqual([]);
    b.db.exec('COMMIT');
    expect((await importing).ok).toBe(true);
    expect((await saving).ok).toBe(true);
    expect(b.db.prepare('SELECT name FROM networks ORDER BY name').pluck().all()).toEqual(['Groot netwerk', 'Tijdens het schrijven']);
    // The save was written once the import had committed (the log keeps the order of writing).
    const log = b.db.prepare("SELECT action FROM audit_log WHERE device_id = ? AND action IN ('study.imported', 'network.created') ORDER BY rowid").pluck().all(b.services.deviceId);
    expect(log).toEqual(['study.imported', 'network.created']);
  });
});

/** A stand-in for the worker, in plain JavaScript: what it does with the job it is given. */
function standInWorker(body: string): string {
  const file = join(tempDir(), 'worker.cjs');
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  writeFileSync(
    file,
    `const Database = require(${JSON.stringify(sqlite)});\n` +
      `require('node:worker_threads').parentPort.on('message', (message) => { const job = message.job; ${body} });\n`,
  );
  return file;
}

describe('a worker that fails', { timeout: 60_000 }, () => {
  async function laptopWithFile(workerFile: string) {
    const a = open();
    const network = await a.ok('createNetwork', { name: 'Netwerk' });
    const content = await studyFileOf(a, [network.id]);
    const b = open();
    b.services.studyFileWorkerFile = workerFile;
    return { b, content };
  }

  it('that cannot start: a Dutch message, and nothing changed', async () => {
    const { b, content } = await laptopWithFile(join(tempDir(), 'ontbreekt.js'));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const before = snapshot(b.db);
    const result = await b.call('previewStudyFile', { content });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/^Het studiebestand kon niet worden verwerkt: .*stopte onverwacht\. Er is niets gewijzigd\./) } });
    expect(snapshot(b.db)).toEqual(before);
    expect(await b.ok('getStudyFileProgress', {})).toEqual({ running: false });
  });

  it('that dies inside its writing transaction: rolled back, the lock let go, and calls waiting for it run', async () => {
    // It takes the write lock as the real worker does (the shared flag first), writes a row, says
    // it is writing, and dies a moment later with the transaction open.
    const worker = standInWorker(
      `const db = new Database(job.databasePath); db.pragma('busy_timeout = 5000');
       Atomics.store(job.writing, 0, 1);
       db.exec('BEGIN IMMEDIATE');
       db.prepare("INSERT INTO settings (key, value) VALUES ('half', 'geschreven')").run();
       require('node:worker_threads').parentPort.postMessage({ type: 'progress', progress: { running: true, phase: 'writing', done: 1, total: 2 } });
       setTimeout(() => { throw new Error('het hulpproces valt om'); }, 100);`,
    );
    const { b, content } = await laptopWithFile(worker);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const before = snapshot(b.db);
    const importing = b.call('importStudyFile', { content, decisions: [] });
    await untilWriting(b);
    const saving = b.call('createNetwork', { name: 'Na het omvallen' });
    const result = await importing;
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/stopte onverwacht\. Er is niets gewijzigd\./) } });
    expect(await saving).toMatchObject({ ok: true });
    const after = snapshot(b.db);
    expect(after['settings']).toEqual(before['settings']);
    expect(b.db.prepare('SELECT name FROM networks').pluck().all()).toEqual(['Na het omvallen']);
    expect(await b.ok('getStudyFileProgress', {})).toEqual({ running: false });
  });
});
