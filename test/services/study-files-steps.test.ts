import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { studyChecksum } from '../../electron/services/data/study-files';
import { studyChecksumInSteps } from '../../electron/services/data/study-file-reading';
import { Steps, studyFileStep } from '../../electron/services/data/study-file-steps';
import { startResponse } from '../../electron/services/administration/responses';
import type { StudyFile } from '../../shared/study';
import { snapshot, studyFileOf, useServices, type Laptop } from '../support/services';

/**
 * A study file is read, checked and planned in steps, in a worker thread: the checksum computed in
 * steps is the same as in one go, progress can be polled meanwhile, one file is handled at a time,
 * a restore in between stops the work without a change, and a change made in between is not lost.
 */

const open = useServices();
const KS = 'kansrijke-samenwerking';

const nextTurn = () => new Promise<void>((ok) => setImmediate(ok));

describe('the checksum, computed in steps', () => {
  it('equals the checksum of JSON.stringify in one go, for lists around the batch size and unusual keys and texts', async () => {
    const s = open();
    const steps = new Steps(s.db);
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i, text: i % 3 === 0 ? `"€\u00e9\n${i}"` : null, nested: [i, { deep: [i] }] }));
    const cases: [unknown, unknown][] = [
      [{ createdAt: 'x', networks: rows(3) }, { networks: [], answers: rows(999), audit_log: rows(1000), erasures: rows(1001), more: rows(2500) }],
      [undefined, { b: 1, a: 2, 10: 'ten', 2: 'two', '': [null, true, 1.5e-7] }],
      [{ a: 1 }, undefined],
      [[1, 2, 3], 'not an object'],
      [null, [[rows(2)], rows(1001)]],
    ];
    for (const [manifest, data] of cases) {
      expect(await studyChecksumInSteps(manifest, data, steps)).toBe(studyChecksum(manifest, data));
    }
  });
});

/** A network with one response on laptop A, as a study file with `entries` extra log entries from a third laptop (a large, valid file). */
async function largeFile(entries: number) {
  const a = open();
  const network = await a.ok('createNetwork', { name: 'Groot netwerk' });
  const wave = await a.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
  const r = await a.ok('startResponse', { waveId: wave.id, respondentCode: 'ABC123', organisationId: null, mode: 'form' });
  await a.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_amb_01', value: 4, text: null });
  const file = JSON.parse(await studyFileOf(a, [network.id])) as StudyFile;
  const device = randomUUID();
  for (let i = 0; i < entries; i++) {
    file.data.audit_log.push({ id: randomUUID(), at: file.manifest.createdAt, device_id: device, actor: null, action: 'network.viewed', entity: 'network', entity_id: network.id, details: null });
  }
  file.checksum.value = studyChecksum(file.manifest, file.data);
  return { a, network, wave, content: JSON.stringify(file) };
}

const PHASES = ['reading', 'checking', 'planning', 'backup', 'writing'];

/** Whether `seen` goes through the phases in their order (a poll sees the phase last reported: a short one may pass unseen). */
const inOrder = (seen: string[]) => seen.every((phase, i) => i === 0 || PHASES.indexOf(phase) > PHASES.indexOf(seen[i - 1]!));

/** Polls until `work` settles; returns the phases seen, in order. */
async function phasesWhile(s: Laptop, work: Promise<unknown>): Promise<string[]> {
  const phases: string[] = [];
  let settled = false;
  void work.then(
    () => (settled = true),
    () => (settled = true),
  );
  while (!settled) {
    const p = await s.ok('getStudyFileProgress', {});
    if (p.running && phases.at(-1) !== p.phase) phases.push(p.phase);
    await nextTurn();
  }
  return phases;
}

describe('a large study file is handled in steps', { timeout: 30_000 }, () => {
  // A turn for the event loop at every chance, so what happens in between does not depend on the machine's speed.
  beforeEach(() => (studyFileStep.ms = 0));
  afterEach(() => (studyFileStep.ms = 40));

  it('reports its progress while it runs, and handles one file at a time', async () => {
    const { content } = await largeFile(20_000);
    const b = open();
    expect(await b.ok('getStudyFileProgress', {})).toEqual({ running: false });
    const preview = b.ok('previewStudyFile', { content });
    await nextTurn();
    expect(await b.call('importStudyFile', { content, decisions: [] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const previewPhases = await phasesWhile(b, preview);
    expect((await preview).counts.auditLog.added).toBeGreaterThan(20_000);
    expect(previewPhases[0]).toBe('reading');
    expect(inOrder(previewPhases)).toBe(true);
    expect(previewPhases).not.toContain('backup');
    expect(previewPhases).not.toContain('writing');

    const imported = b.ok('importStudyFile', { content, decisions: [] });
    const importPhases = await phasesWhile(b, imported);
    expect((await imported).counts.responses.added).toBe(1);
    // The backup and the writing run in the worker too, so they can be seen (study-files-worker.test.ts sees the writing for certain).
    expect(importPhases[0]).toBe('reading');
    expect(inOrder(importPhases)).toBe(true);
    expect(await b.ok('getStudyFileProgress', {})).toEqual({ running: false });
  });

  it('stops without a change when a backup is restored in between', async () => {
    const { content } = await largeFile(20_000);
    const b = open();
    const backup = await b.ok('createBackup', {});
    await b.ok('createNetwork', { name: 'Na de reservekopie' });
    const importing = b.call('importStudyFile', { content, decisions: [] });
    await nextTurn();
    await b.ok('restoreBackup', { backupName: backup.name });
    const before = snapshot(b.services.db);
    const result = await importing;
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!result.ok) expect(result.error.message).toMatch(/intussen vervangen .* Er is niets gewijzigd\.$/);
    expect(snapshot(b.services.db)).toEqual(before);
  });

  it('plans again when something is saved while it checks: a response started meanwhile becomes a duplicate to decide on', async () => {
    const { a, network, wave, content } = await largeFile(20_000);
    const b = open();
    // B has the network (set up from A) but not yet A's response of ABC123.
    const setUp = JSON.parse(content) as StudyFile;
    setUp.data = { ...setUp.data, respondents: [], responses: [], answers: [], audit_log: [] };
    setUp.checksum.value = studyChecksum(setUp.manifest, setUp.data);
    await b.ok('importStudyFile', { content: JSON.stringify(setUp), decisions: [] });
    const backups = (await b.ok('listBackups', {})).backups.length;

    // B's own connection holds the write lock from before the import starts until the response is
    // saved: the import (in its worker, on a connection of its own) cannot write before that save,
    // however fast it checks. The response is started through the service: the API would wait for
    // the import's writing, which waits for this lock.
    b.db.exec('BEGIN IMMEDIATE');
    const importing = b.call('importStudyFile', { content, decisions: [] });
    for (let p = await b.ok('getStudyFileProgress', {}); !(p.running && p.phase === 'checking'); p = await b.ok('getStudyFileProgress', {})) await nextTurn();
    const onB = startResponse(b.services, { waveId: wave.id, respondentCode: 'ABC123', organisationId: null, mode: 'paper' });
    b.db.exec('COMMIT');
    // Planned before that, the import would add a second ABC123 to the network; planned again, it asks which one stays.
    const result = await importing;
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!result.ok) expect(result.error.message).toMatch(/^Kies eerst bij elk conflict welke versie blijft \(nog 1 open\)/);
    expect(b.db.prepare('SELECT id FROM responses').pluck().all()).toEqual([onB.id]);
    expect((await b.ok('listBackups', {})).backups.length).toBe(backups);

    const fromA = a.db.prepare('SELECT id FROM responses').pluck().get() as string;
    const report = await b.ok('importStudyFile', { content, decisions: [{ incomingResponseId: fromA, choice: 'both' }] });
    expect(report.conflicts.map((c) => [c.kind, c.newRespondentCode])).toEqual([['duplicate', 'ABC123-2']]);
    expect(b.db.prepare("SELECT count(*) FROM respondents WHERE network_id = ? AND code LIKE 'ABC123%'").pluck().get(network.id)).toBe(2);
  });
});
