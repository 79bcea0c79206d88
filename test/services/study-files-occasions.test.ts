import { describe, expect, it } from 'vitest';
import { snapshot, studyFileOf, useServices, type Laptop } from '../support/services';

/**
 * Occasions (each MDO, with a before and an after wave) travel in study files: two laptops that
 * each evaluated MDOs of the same T0 end with all of them, their waves and their responses, and the
 * before/after comparison on one laptop counts the pairs filled in on the other.
 */

const open = useServices();
const MDO = 'mdo-evaluatie';

function clock(start = Date.UTC(2026, 2, 1, 9)) {
  let ms = start;
  return { now: () => new Date(ms).toISOString(), advance: (minutes: number) => (ms += minutes * 60_000) };
}

async function submit(s: Laptop, waveId: string, code: string, core: number) {
  const r = await s.ok('startResponse', { waveId, respondentCode: code, organisationId: null, mode: 'form' });
  await s.ok('saveAnswer', { responseId: r.id, instrumentId: MDO, itemId: 'mdo_rol', value: 1, text: null });
  for (const item of ['mdo_doel', 'mdo_wiewat', 'mdo_inbreng', 'mdo_afspraken', 'mdo_samen']) {
    await s.ok('saveAnswer', { responseId: r.id, instrumentId: MDO, itemId: item, value: core, text: null });
  }
  await s.ok('completeResponse', { responseId: r.id });
}

const occasionTables = (s: Laptop) => ({
  occasions: s.db.prepare('SELECT id, wave_id, label, held_on FROM occasions ORDER BY id').all(),
  waves: s.db.prepare('SELECT id, label, occasion_id, occasion_moment FROM waves ORDER BY id').all(),
  responses: s.db.prepare('SELECT id, wave_id, status FROM responses ORDER BY id').all(),
});

/** Laptop A sets up the network and its T0 and hands it to laptop B. */
async function twoLaptops() {
  const time = clock();
  const a = open({ now: time.now });
  const b = open({ now: time.now });
  const net = await a.ok('createNetwork', { name: 'DementieNet Gemert' });
  await a.ok('updateNetworkSettings', { networkId: net.id, consentNl: null, consentEn: null, codePolicy: 'free', idleSeconds: 120, minGroupSize: 3 });
  const t0 = await a.ok('createWave', { networkId: net.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: 'kansrijke-samenwerking', version: 1 }] });
  time.advance(1);
  await b.ok('importStudyFile', { content: await studyFileOf(a, [net.id]), decisions: [] });
  return { time, a, b, net, t0 };
}

describe('occasions in study files', () => {
  it('carries occasions, their waves and responses to another laptop, and both laptops end equal whichever file is imported first', async () => {
    const { time, a, b, net, t0 } = await twoLaptops();
    const onA = await a.ok('createOccasion', { waveId: t0.id, label: 'MDO 12 maart', heldOn: '2026-03-12' });
    for (const [code, core] of [['PER-1', 3], ['PER-2', 2], ['PER-3', 4]] as const) await submit(a, onA.before.waveId, code, core);
    time.advance(5);
    const onB = await b.ok('createOccasion', { waveId: t0.id, label: 'MDO 9 april', heldOn: '2026-04-09' });
    await submit(b, onB.before.waveId, 'PER-1', 2);
    time.advance(5);
    const fileA = await studyFileOf(a, [net.id]);
    const fileB = await studyFileOf(b, [net.id]);

    const preview = await a.ok('previewStudyFile', { content: fileB });
    expect(preview.counts.occasions).toEqual({ added: 1, skipped: 0 });
    expect(preview.counts.waves).toEqual({ added: 2, skipped: 1 });
    await a.ok('importStudyFile', { content: fileB, decisions: [] });
    await b.ok('importStudyFile', { content: fileA, decisions: [] });
    expect(occasionTables(b)).toEqual(occasionTables(a));
    expect((await a.ok('listOccasions', { waveId: t0.id })).map((o) => [o.label, o.before.complete])).toEqual([
      ['MDO 12 maart', 3],
      ['MDO 9 april', 1],
    ]);
    // Still only T0 among the network's waves.
    expect((await b.ok('getNetwork', { networkId: net.id })).waves.map((w) => w.label)).toEqual(['T0']);

    // The after questionnaires filled in on B pair with the before ones filled in on A.
    for (const [code, core] of [['PER-1', 4], ['PER-2', 4], ['PER-3', 5]] as const) await submit(b, onA.after.waveId, code, core);
    const comparison = await b.ok('getOccasionComparisons', { waveId: t0.id });
    const first = comparison.occasions.find((o) => o.label === 'MDO 12 maart')!;
    // Differences 1, 2, 1: mean 4/3.
    expect(first.nPairs).toBe(3);
    expect(first.groups[0]!.rows.find((r) => r.id === 'mdo_kern')!.paired.meanDiff).toBeCloseTo(4 / 3, 10);
  });

  it('takes the later rename of an occasion on both laptops', async () => {
    const { time, a, b, net, t0 } = await twoLaptops();
    const occasion = await a.ok('createOccasion', { waveId: t0.id, label: 'MDO', heldOn: null });
    time.advance(1);
    await b.ok('importStudyFile', { content: await studyFileOf(a, [net.id]), decisions: [] });
    time.advance(1);
    await a.ok('updateOccasion', { occasionId: occasion.id, label: 'MDO mevrouw A', heldOn: null });
    time.advance(1);
    await b.ok('updateOccasion', { occasionId: occasion.id, label: 'MDO mevrouw B', heldOn: '2026-03-20' });
    time.advance(1);
    const fileA = await studyFileOf(a, [net.id]);
    const fileB = await studyFileOf(b, [net.id]);
    await a.ok('importStudyFile', { content: fileB, decisions: [] });
    await b.ok('importStudyFile', { content: fileA, decisions: [] });
    expect(occasionTables(a)).toEqual(occasionTables(b));
    expect((await a.ok('listOccasions', { waveId: t0.id })).map((o) => [o.label, o.heldOn, o.before.label])).toEqual([['MDO mevrouw B', '2026-03-20', 'MDO mevrouw B (voor)']]);
  });

  it('refuses a file whose occasion wave has a name that here belongs to another occasion, and changes nothing', async () => {
    const { a, b, net, t0 } = await twoLaptops();
    const t1 = await a.ok('createWave', { networkId: net.id, label: 'T1', kind: 'T1', plannedDate: null, instruments: [{ instrumentId: 'kansrijke-samenwerking', version: 1 }] });
    await b.ok('importStudyFile', { content: await studyFileOf(a, [net.id]), decisions: [] });
    // The same name in different waves: both laptops name their waves "MDO (voor)" and "MDO (na)".
    await a.ok('createOccasion', { waveId: t0.id, label: 'MDO', heldOn: null });
    await b.ok('createOccasion', { waveId: t1.id, label: 'MDO', heldOn: null });
    const before = snapshot(a.db);
    const refused = await a.call('previewStudyFile', { content: await studyFileOf(b, [net.id]) });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/MDO waarvan de naam hier al bij een andere meting hoort.*"MDO \(voor\)".*een andere naam/s);
    expect(snapshot(a.db)).toEqual(before);
  });

  it('reads a file from before occasions (no occasions table, no occasion columns on waves)', async () => {
    const { a, b, net } = await twoLaptops();
    const file = JSON.parse(await studyFileOf(a, [net.id])) as { data: Record<string, unknown[]>; checksum: { value: string }; manifest: unknown };
    delete file.data['occasions'];
    for (const w of file.data['waves'] as Record<string, unknown>[]) {
      delete w['occasion_id'];
      delete w['occasion_moment'];
    }
    const { studyChecksum } = await import('../../electron/services/data/study-files');
    file.checksum.value = studyChecksum(file.manifest as never, file.data as never);
    const preview = await b.ok('previewStudyFile', { content: JSON.stringify(file) });
    expect(preview.counts.occasions).toEqual({ added: 0, skipped: 0 });
    expect(preview.nothingChanged).toBe(true);
  });
});
