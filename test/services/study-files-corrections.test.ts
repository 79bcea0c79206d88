import { describe, expect, it } from 'vitest';
import { studyFileOf, useServices, type Laptop } from '../support/services';

/**
 * A correction and a thrown-away questionnaire travel in study files: merged in any order, on any
 * laptop, the responses and answers end up the same; a thrown-away unfinished questionnaire never
 * comes back, and a submitted one is never thrown away by a merge.
 */

const open = useServices();
const KS = 'kansrijke-samenwerking';

const save = (s: Laptop, responseId: string, itemId: string, value: number) => s.ok('saveAnswer', { responseId, instrumentId: KS, itemId, value, text: null });

/** Every row of the responses and answers tables, every column, in id order. */
function responsesAndAnswers(s: Laptop) {
  return {
    responses: s.db.prepare('SELECT * FROM responses ORDER BY id').all(),
    answers: s.db.prepare('SELECT * FROM answers ORDER BY id').all(),
    discarded: s.db.prepare('SELECT * FROM discarded_responses ORDER BY id').all(),
  };
}

async function importFile(s: Laptop, content: string) {
  return s.ok('importStudyFile', { content, decisions: [] });
}

/** A's file into B, B's into A, and both onto C (A first) and onto D (B first). */
async function mergeInEveryOrder(l: { a: Laptop; b: Laptop; c: Laptop; d: Laptop }, fileA: string, fileB: string) {
  await importFile(l.b, fileA);
  await importFile(l.a, fileB);
  await importFile(l.c, fileA);
  await importFile(l.c, fileB);
  await importFile(l.d, fileB);
  await importFile(l.d, fileA);
}

/** Laptop A sets up a wave with two submitted questionnaires and an unfinished one, and hands copies to B, C and D. */
async function fourLaptops() {
  const [a, b, c, d] = [open(), open(), open(), open()];
  const network = await a.ok('createNetwork', { name: 'Dementie Twente' });
  const wave = await a.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
  const start = (code: string) => a.ok('startResponse', { waveId: wave.id, respondentCode: code, organisationId: null, mode: 'paper' });
  const r1 = await start('P01');
  await save(a, r1.id, 'ks_amb_01', 4);
  await save(a, r1.id, 'ks_amb_02', 5);
  await a.ok('completeResponse', { responseId: r1.id });
  const r2 = await start('P02');
  await save(a, r2.id, 'ks_amb_01', 3);
  const r3 = await start('P03');
  await save(a, r3.id, 'ks_amb_01', 1);
  await a.ok('completeResponse', { responseId: r3.id });
  const base = await studyFileOf(a, [network.id]);
  for (const laptop of [b, c, d]) await importFile(laptop, base);
  return { a, b, c, d, network, r1, r2, r3 };
}

describe('a correction on one laptop and a thrown-away questionnaire on another', () => {
  it('merge to the same responses and answers in every order, on both laptops and on a third', async () => {
    const { a, b, c, d, network, r1, r2 } = await fourLaptops();
    await a.ok('correctResponse', { responseId: r1.id, reason: 'Overtypfout', answers: [{ instrumentId: KS, itemId: 'ks_amb_01', value: 2, text: null }, { instrumentId: KS, itemId: 'ks_amb_02', value: null, text: null }] });
    await b.ok('discardResponse', { responseId: r2.id });
    const fileA = await studyFileOf(a, [network.id]);
    const fileB = await studyFileOf(b, [network.id]);

    // What the previews say: on B the correction from A takes over and the copy of P02 stays away;
    // on A its own correction stays and P02 goes.
    const previewOnB = await b.ok('previewStudyFile', { content: fileA });
    expect(previewOnB.conflicts).toEqual([]);
    expect(previewOnB.correctionConflicts.map((x) => [x.respondentCode, x.holds, x.differences.length])).toEqual([['P01', 'incoming', 2]]);
    expect(previewOnB.discardedSkipped).toBe(1);
    const previewOnA = await a.ok('previewStudyFile', { content: fileB });
    expect(previewOnA.correctionConflicts.map((x) => [x.respondentCode, x.holds])).toEqual([['P01', 'local']]);
    expect(previewOnA.discardsApplied).toBe(1);
    expect(previewOnA.counts.discards).toEqual({ added: 1, skipped: 0 });

    await mergeInEveryOrder({ a, b, c, d }, fileA, fileB);

    const onA = responsesAndAnswers(a);
    expect(responsesAndAnswers(b)).toEqual(onA);
    expect(responsesAndAnswers(c)).toEqual(onA);
    expect(responsesAndAnswers(d)).toEqual(onA);
    // And it is what was meant: P02 is gone, P01 has the corrected answers.
    expect(onA.responses.map((r) => (r as { id: string }).id).sort()).not.toContain(r2.id);
    expect(onA.responses).toHaveLength(2);
    expect(a.db.prepare('SELECT item_id AS itemId, value FROM answers WHERE response_id = ? ORDER BY item_id').all(r1.id)).toEqual([{ itemId: 'ks_amb_01', value: 2 }]);
    // The free code of the thrown-away questionnaire is not brought back either.
    for (const laptop of [a, b, c, d]) expect(laptop.db.prepare("SELECT count(*) AS n FROM respondents WHERE code = 'P02'").get()).toEqual({ n: 0 });
    // The correction's log entry with the old values reached every laptop.
    for (const laptop of [b, c, d]) {
      const entry = laptop.db.prepare("SELECT details FROM audit_log WHERE action = 'response.corrected'").get() as { details: string };
      expect(JSON.parse(entry.details).changes[0]).toEqual({ instrumentId: KS, itemId: 'ks_amb_01', old: 4, new: 2 });
    }

    // Importing the same files again changes nothing.
    const again = await importFile(b, fileA);
    expect(again.nothingChanged).toBe(true);
  });

  it('two corrections of one questionnaire: the later holds everywhere, whichever file comes first', async () => {
    const { a, b, c, d, network, r3 } = await fourLaptops();
    await b.ok('correctResponse', { responseId: r3.id, reason: 'Eerste correctie', answers: [{ instrumentId: KS, itemId: 'ks_amb_01', value: 5, text: null }] });
    // A's correction comes at a later millisecond (the order, not a duration, is what matters).
    const first = Date.now();
    while (Date.now() === first) await new Promise((resolve) => setTimeout(resolve, 1));
    await a.ok('correctResponse', { responseId: r3.id, reason: 'Latere correctie', answers: [{ instrumentId: KS, itemId: 'ks_amb_01', value: 3, text: null }] });
    const fileA = await studyFileOf(a, [network.id]);
    const fileB = await studyFileOf(b, [network.id]);
    await mergeInEveryOrder({ a, b, c, d }, fileA, fileB);
    const onA = responsesAndAnswers(a);
    for (const laptop of [b, c, d]) expect(responsesAndAnswers(laptop)).toEqual(onA);
    expect(a.db.prepare('SELECT value FROM answers WHERE response_id = ?').all(r3.id)).toEqual([{ value: 3 }]);
  });

  it('a questionnaire thrown away on one laptop and submitted on the other is kept, in both orders', async () => {
    const { a, b, c, network, r2 } = await fourLaptops();
    await a.ok('discardResponse', { responseId: r2.id });
    await save(b, r2.id, 'ks_amb_02', 4);
    await b.ok('completeResponse', { responseId: r2.id });
    const fileA = await studyFileOf(a, [network.id]);
    const fileB = await studyFileOf(b, [network.id]);
    expect((await a.ok('previewStudyFile', { content: fileB })).discardedButSubmitted).toBe(1);
    expect((await b.ok('previewStudyFile', { content: fileA })).discardedButSubmitted).toBe(1);
    await importFile(a, fileB);
    await importFile(b, fileA);
    await importFile(c, fileA);
    await importFile(c, fileB);
    const onA = responsesAndAnswers(a);
    expect(responsesAndAnswers(b)).toEqual(onA);
    expect(responsesAndAnswers(c)).toEqual(onA);
    expect(a.db.prepare('SELECT status FROM responses WHERE id = ?').get(r2.id)).toEqual({ status: 'complete' });
  });

  it('reads a file from before the register (no discarded_responses section) as one without thrown-away questionnaires', async () => {
    const { a, b, network } = await fourLaptops();
    const file = JSON.parse(await studyFileOf(a, [network.id])) as { data: Record<string, unknown>; checksum: { value: string }; manifest: unknown };
    delete file.data['discarded_responses'];
    const { studyChecksum } = await import('../../electron/services/data/study-files');
    file.checksum.value = studyChecksum(file.manifest as never, file.data as never);
    const report = await b.ok('previewStudyFile', { content: JSON.stringify(file) });
    expect(report.counts.discards).toEqual({ added: 0, skipped: 0 });
    expect(report.nothingChanged).toBe(true);
  });
});
