import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { snapshot, studyExportInput, useServices, type Laptop } from '../support/services';

const open = useServices();

const CORE = ['mdo_doel', 'mdo_wiewat', 'mdo_inbreng', 'mdo_afspraken', 'mdo_samen'] as const;
const MDO = 'mdo-evaluatie';

/** A network (minimum group size 3) with a T0 that holds MDOs. */
async function networkWithT0(s: Laptop) {
  const network = await s.ok('createNetwork', { name: 'DementieNet Gemert' });
  await s.ok('updateNetworkSettings', { networkId: network.id, consentNl: null, consentEn: null, codePolicy: 'free', idleSeconds: 120, minGroupSize: 3 });
  const t0 = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: '2026-03-01', instruments: [{ instrumentId: 'kansrijke-samenwerking', version: 1 }] });
  return { network, t0 };
}

/** One questionnaire filled in and submitted: role, the five core statements (one code each, or a list), a rating. */
async function fill(s: Laptop, waveId: string, code: string, role: number, core: number | number[], rating?: number) {
  const response = await s.ok('startResponse', { waveId, respondentCode: code, organisationId: null, mode: 'form' });
  const save = (itemId: string, value: number) => s.ok('saveAnswer', { responseId: response.id, instrumentId: MDO, itemId, value, text: null });
  await save('mdo_rol', role);
  for (const [i, item] of CORE.entries()) await save(item, Array.isArray(core) ? core[i]! : core);
  if (rating !== undefined) await save('mdo_cijfer', rating);
  await s.ok('completeResponse', { responseId: response.id });
  return response;
}

describe('occasions within a wave (each MDO, before and after)', () => {
  it('makes an occasion with a before and an after wave of its own, the MDO-evaluatie, dated on the day held; the network lists only its measurement waves', async () => {
    const s = open();
    const { network, t0 } = await networkWithT0(s);
    const occasion = await s.ok('createOccasion', { waveId: t0.id, label: 'MDO 12 maart', heldOn: '2026-03-12' });
    expect(occasion).toMatchObject({ waveId: t0.id, label: 'MDO 12 maart', heldOn: '2026-03-12' });
    expect([occasion.before.label, occasion.after.label]).toEqual(['MDO 12 maart (voor)', 'MDO 12 maart (na)']);
    const rows = s.db
      .prepare('SELECT label, kind, planned_date AS plannedDate, occasion_id AS occasionId, occasion_moment AS moment FROM waves WHERE occasion_id IS NOT NULL ORDER BY occasion_moment DESC')
      .all();
    expect(rows).toEqual([
      { label: 'MDO 12 maart (voor)', kind: 'custom', plannedDate: '2026-03-12', occasionId: occasion.id, moment: 'before' },
      { label: 'MDO 12 maart (na)', kind: 'custom', plannedDate: '2026-03-12', occasionId: occasion.id, moment: 'after' },
    ]);
    const refs = s.db.prepare('SELECT instrument_id AS id, instrument_version AS v FROM wave_instruments WHERE wave_id = ?').all(occasion.before.waveId);
    expect(refs).toEqual([{ id: MDO, v: 1 }]);

    // Kept out of what means the network's measurement waves.
    expect((await s.ok('getNetwork', { networkId: network.id })).waves.map((w) => w.label)).toEqual(['T0']);
    expect((await s.ok('listNetworks', {})).map((n) => n.waveCount)).toEqual([1]);
    const dashboard = await s.ok('getDashboard', { networkId: network.id, waveIds: [], instrumentId: 'kansrijke-samenwerking', breakdown: 'none' });
    expect(dashboard.waves.map((w) => w.label)).toEqual(['T0']);
    // An occasion wave is no wave of the network's results.
    expect((await s.call('getDashboard', { networkId: network.id, waveIds: [occasion.after.waveId], instrumentId: MDO, breakdown: 'none' })).ok).toBe(false);
  });

  it('names a second occasion of the same name elsewhere with a number, refuses the same name in the same wave and an occasion in an occasion wave, and writes nothing then', async () => {
    const s = open();
    const { network, t0 } = await networkWithT0(s);
    const t1 = await s.ok('createWave', { networkId: network.id, label: 'T1', kind: 'T1', plannedDate: '2027-03-01', instruments: [{ instrumentId: 'kansrijke-samenwerking', version: 1 }] });
    const first = await s.ok('createOccasion', { waveId: t0.id, label: 'MDO', heldOn: null });
    const second = await s.ok('createOccasion', { waveId: t1.id, label: 'MDO', heldOn: null });
    expect([second.before.label, second.after.label]).toEqual(['MDO (voor) 2', 'MDO (na) 2']);
    const before = snapshot(s.db);
    const same = await s.call('createOccasion', { waveId: t0.id, label: 'mdo', heldOn: null });
    expect(same).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Meting T0 heeft al een MDO "mdo". Kies een andere naam, bijvoorbeeld met de datum erbij.' } });
    const nested = await s.call('createOccasion', { waveId: first.before.waveId, label: 'Binnenin', heldOn: null });
    expect(nested).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(snapshot(s.db)).toEqual(before);
  });

  it('renames and redates an occasion, and its waves follow; lists occasions by date with their counts', async () => {
    const s = open();
    const { t0 } = await networkWithT0(s);
    const late = await s.ok('createOccasion', { waveId: t0.id, label: 'MDO mevrouw A', heldOn: '2026-05-01' });
    await s.ok('createOccasion', { waveId: t0.id, label: 'MDO meneer B', heldOn: '2026-04-01' });
    const renamed = await s.ok('updateOccasion', { occasionId: late.id, label: 'MDO mevrouw C', heldOn: '2026-03-20' });
    expect([renamed.label, renamed.heldOn, renamed.before.label, renamed.after.label]).toEqual(['MDO mevrouw C', '2026-03-20', 'MDO mevrouw C (voor)', 'MDO mevrouw C (na)']);
    expect(s.db.prepare('SELECT DISTINCT planned_date AS d FROM waves WHERE occasion_id = ?').all(late.id)).toEqual([{ d: '2026-03-20' }]);
    await fill(s, late.before.waveId, 'PER-1', 1, 4);
    await s.ok('startResponse', { waveId: late.before.waveId, respondentCode: 'PER-2', organisationId: null, mode: 'form' });
    const list = await s.ok('listOccasions', { waveId: t0.id });
    expect(list.map((o) => [o.label, o.before.started, o.before.complete, o.after.started])).toEqual([
      ['MDO mevrouw C', 2, 1, 0],
      ['MDO meneer B', 0, 0, 0],
    ]);
  });

  it('starts a questionnaire in an occasion wave with the moment filled in from the wave (before 1, after 2)', async () => {
    const s = open();
    const { t0 } = await networkWithT0(s);
    const occasion = await s.ok('createOccasion', { waveId: t0.id, label: 'MDO', heldOn: null });
    const before = await s.ok('startResponse', { waveId: occasion.before.waveId, respondentCode: 'PER-1', organisationId: null, mode: 'form' });
    const after = await s.ok('startResponse', { waveId: occasion.after.waveId, respondentCode: 'PER-1', organisationId: null, mode: 'form' });
    expect(before.answers.map((a) => [a.itemId, a.value])).toEqual([['mdo_moment', 1]]);
    expect(after.answers.map((a) => [a.itemId, a.value])).toEqual([['mdo_moment', 2]]);
    // The same person in both: one respondent, two responses.
    expect(before.respondentId).toBe(after.respondentId);
    const t0Response = await s.ok('startResponse', { waveId: t0.id, respondentCode: 'PER-1', organisationId: null, mode: 'form' });
    expect(t0Response.answers).toEqual([]);
  });

  it('compares before and after of the same people per occasion and pooled, with the paired statistics of T0 → T1 (R: t.test(after, before, paired = TRUE)) and the small-group rule', async () => {
    const s = open();
    const { t0 } = await networkWithT0(s);
    const one = await s.ok('createOccasion', { waveId: t0.id, label: 'MDO 12 maart', heldOn: '2026-03-12' });
    const two = await s.ok('createOccasion', { waveId: t0.id, label: 'MDO 9 april', heldOn: '2026-04-09' });
    // Occasion one: five pairs. Core (mean of the five statements) before → after:
    // P1 prof 3 → 4, P2 prof 3 (2,3,4,3,3) → 4, P3 naaste 3 → 5, P4 client 4 → 4, P5 mantelzorger 2 → 3.
    // P6 only before, P7 only after: in the counts, in no pair.
    await fill(s, one.before.waveId, 'PER-1', 1, 3);
    await fill(s, one.before.waveId, 'PER-2', 1, [2, 3, 4, 3, 3]);
    await fill(s, one.before.waveId, 'PER-3', 3, 3);
    await fill(s, one.before.waveId, 'PER-4', 2, 4);
    await fill(s, one.before.waveId, 'PER-5', 4, 2);
    await fill(s, one.before.waveId, 'PER-6', 1, 5);
    await fill(s, one.after.waveId, 'PER-1', 1, 4, 7);
    await fill(s, one.after.waveId, 'PER-2', 1, 4, 8);
    await fill(s, one.after.waveId, 'PER-3', 3, 5, 9);
    await fill(s, one.after.waveId, 'PER-4', 2, 4, 6);
    await fill(s, one.after.waveId, 'PER-5', 4, 3, 7);
    await fill(s, one.after.waveId, 'PER-7', 1, 1, 8);
    // An unfinished after questionnaire counts nowhere.
    await s.ok('startResponse', { waveId: one.after.waveId, respondentCode: 'PER-6', organisationId: null, mode: 'form' });
    // Occasion two: two pairs of people also in occasion one: P1 prof 3 → 5, P3 naaste 4 → 4.
    await fill(s, two.before.waveId, 'PER-1', 1, 3);
    await fill(s, two.before.waveId, 'PER-3', 3, 4);
    await fill(s, two.after.waveId, 'PER-1', 1, 5, 9);
    await fill(s, two.after.waveId, 'PER-3', 3, 4, 8);

    const result = await s.ok('getOccasionComparisons', { waveId: t0.id });
    expect(result.minGroupSize).toBe(3);
    const [first, second] = result.occasions;
    expect([first!.label, first!.nBefore, first!.nAfter, first!.nPairs]).toEqual(['MDO 12 maart', 6, 6, 5]);
    // Professionals 2 pairs, client and family 3: the professionals are too few, so neither group is shown.
    expect(first!.groups.map((g) => g.group)).toEqual(['all']);
    const kern = first!.groups[0]!.rows.find((r) => r.id === 'mdo_kern')!;
    // Differences 1, 1, 2, 0, 1. R: t = 3.1623, df = 4, p = 0.03410942317, 95% CI 0.1220109669 to 1.8779890331.
    expect(kern.paired.n).toBe(5);
    expect(kern.meanBefore).toBeCloseTo(3, 10);
    expect(kern.meanAfter).toBeCloseTo(4, 10);
    expect(kern.paired.meanDiff).toBeCloseTo(1, 10);
    expect(kern.paired.t).toBeCloseTo(3.16227766, 7);
    expect(kern.paired.df).toBe(4);
    expect(kern.paired.pT).toBeCloseTo(0.03410942317, 8);
    expect(kern.paired.ciLow).toBeCloseTo(0.1220109669, 8);
    expect(kern.paired.ciHigh).toBeCloseTo(1.8779890331, 8);
    // "Doel duidelijk": 3→4, 2→4, 3→5, 4→4, 2→3: differences 1, 2, 2, 0, 1, mean 1.2.
    expect(first!.groups[0]!.rows.find((r) => r.id === 'mdo_doel')!.paired.meanDiff).toBeCloseTo(1.2, 10);
    // The group statements: the professional one was answered by nobody; too few pairs, no numbers.
    const prof = first!.groups[0]!.rows.find((r) => r.id === 'mdo_wensen_prof')!;
    expect([prof.paired.n, prof.paired.tooSmall, prof.meanBefore]).toEqual([0, true, null]);
    // The rating of everyone who submitted afterwards: 7, 8, 9, 6, 7, 8 → 7.5.
    expect(first!.rating).toEqual({ n: 6, mean: 7.5, suppressed: false });

    // Occasion two has 2 pairs: fewer than 3, no numbers at all.
    expect([second!.nPairs, second!.groups[0]!.suppressed, second!.groups[0]!.rows]).toEqual([2, true, []]);
    expect(second!.rating).toEqual({ n: 2, mean: null, suppressed: true });

    // Pooled: seven person-occasion pairs (P1 and P3 twice). Differences 1, 1, 2, 0, 1, 2, 0.
    // R: t = 3.240370349, df = 6, p = 0.01767866738, 95% CI 0.2448666086 to 1.7551333914.
    const pooled = result.pooled;
    expect([pooled.occasionId, pooled.nBefore, pooled.nAfter, pooled.nPairs]).toEqual([null, 8, 8, 7]);
    const all = pooled.groups.find((g) => g.group === 'all')!.rows.find((r) => r.id === 'mdo_kern')!;
    expect(all.paired.n).toBe(7);
    expect(all.paired.meanDiff).toBeCloseTo(1, 10);
    expect(all.paired.t).toBeCloseTo(3.240370349, 8);
    expect(all.paired.pT).toBeCloseTo(0.01767866738, 8);
    expect(all.paired.ciLow).toBeCloseTo(0.2448666086, 8);
    expect(all.paired.ciHigh).toBeCloseTo(1.7551333914, 8);
    // Both role groups reach 3 pairs (professionals P1, P2, P1; client and family P3, P4, P5, P3), so both are shown.
    expect(pooled.groups.map((g) => [g.group, g.nPairs, g.suppressed])).toEqual([
      ['all', 7, false],
      ['professional', 3, false],
      ['clientOrFamily', 4, false],
    ]);
    // Professionals: 1, 1, 2 → 4/3; client and family: 2, 0, 1, 0 → 0.75.
    const kernOf = (group: string) => pooled.groups.find((g) => g.group === group)!.rows.find((r) => r.id === 'mdo_kern')!.paired.meanDiff;
    expect(kernOf('professional')).toBeCloseTo(4 / 3, 10);
    expect(kernOf('clientOrFamily')).toBeCloseTo(0.75, 10);
  });

  it('exports the responses of occasion waves with the wave that names the MDO and the moment, and leaves them out of the statistics sheets', async () => {
    const s = open();
    const { network, t0 } = await networkWithT0(s);
    const occasion = await s.ok('createOccasion', { waveId: t0.id, label: 'MDO 12 maart', heldOn: '2026-03-12' });
    await fill(s, occasion.before.waveId, 'PER-1', 1, 3);
    await fill(s, occasion.after.waveId, 'PER-1', 1, 4, 8);
    const result = await s.ok('exportStudy', studyExportInput(network.id));
    if (result.cancelled) throw new Error('cancelled');
    const book = XLSX.readFile(result.filePath);
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets['Data_lang']!, { defval: null });
    const mdoRows = rows.filter((r) => String(r['meting']).startsWith('MDO'));
    expect(mdoRows.map((r) => [r['meting'], r['respondent'], r['mdo_moment'], r['mdo_doel'], r['mdo_cijfer']])).toEqual([
      ['MDO 12 maart (voor)', 'PER-1', 1, 3, null],
      ['MDO 12 maart (na)', 'PER-1', 2, 4, 8],
    ]);
    // The descriptives are the dashboard's: measurement waves only.
    const described = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets['Beschrijvend']!, { defval: null });
    expect(described.some((r) => JSON.stringify(r).includes('MDO'))).toBe(false);
  });
});
