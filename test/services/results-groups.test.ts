/**
 * "For whom": the dashboard's group tables through the real dispatcher over a real SQLite file:
 * breakdowns by sector, size class and governance body, the spread between partners falling back
 * to sectors or size classes, and the response per organisation. Every expected number is worked
 * out by hand in the comments from the scores given below.
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { BreakdownChoice, GroupBreakdown } from '../../shared/results';
import { AG, answersFor, KS, respond, resultsStudy, type Services } from '../support/results-study';
import { studyExportInput, useServices } from '../support/services';

const open = useServices();

/** The ks_amb cell of a group in a wave. */
const amb = (b: GroupBreakdown, groupId: string, waveId: string) =>
  b.groups.find((g) => g.groupId === groupId)!.perScale.find((p) => p.scaleId === 'ks_amb')!.perWave.find((p) => p.waveId === waveId)!.stats;

/** Relative agreement to 1e-12. */
function expectClose(actual: number | null, expected: number) {
  expect(actual, `expected ${expected}`).toBeTypeOf('number');
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
}

/*
 * "Dementienetwerk Twente": six partner organisations, minimum group size 5.
 *
 * T0 (Kansrijke samenwerking, Achtergrond version 1): 22 complete, one started. Gedeelde ambitie (ks_amb):
 *   Thuiszorg Oost       zorg            ≥ 100 fte   3.0 3.5 4.0 4.5   (4, sum 15)
 *   Verpleeghuis De Es   zorg            ≥ 100 fte   2.0 2.5 3.0 3.5   (4, sum 11)
 *   Welzijn West         welzijn         < 100 fte   4.0 4.0 3.5       (3, sum 11.5)
 *   Welzijn Noord        welzijn         < 100 fte   3.0 2.5 3.0       (3, sum 8.5)
 *   Gemeente Zuid        gemeente        ≥ 100 fte   2.0 2.0 2.0 2.0   (4, sum 8)
 *   Huisartsen Centrum   huisartsenzorg  < 100 fte   5.0 5.0           (2, sum 10) + one started, never submitted
 *   no organisation                                  3.0 3.0           (2, sum 6)
 *   Every organisation has fewer than 5: not one can be shown, so there is no spread between partners.
 *   Sectors: zorg 8 (26 / 8 = 3.25), welzijn 6 (20 / 6), gemeente 4 and huisartsenzorg 2 hidden;
 *   the rest, 22 − 8 − 6 = 8 (4 + 2 + 2 without organisation), is at least 5, so zorg and welzijn show.
 *   Size classes: ≥ 100 fte 12 (34 / 12), < 100 fte 8 (30 / 8). Both are at least 5, but zorg (8, all
 *   ≥ 100 fte) lies inside ≥ 100 fte and leaves Gemeente Zuid's 4 over: 12 · 34/12 − 8 · 3.25 = 8 → 8 / 4
 *   = 2.0, Gemeente Zuid's mean. Likewise welzijn (6) inside < 100 fte leaves Huisartsen Centrum's 2. So
 *   neither size class may be shown next to the sectors.
 *
 * T1 (Kansrijke samenwerking, Achtergrond version 2 with ag_overleg): 16 complete, one started.
 *   Thuiszorg Oost       6   stuurgroep (1)        4 4 4 4 3 3   sum 22
 *   Verpleeghuis De Es   5   werkgroep (3)         2 3 3 3 3     sum 14
 *   Welzijn West         5   klankbordgroep (5) ×2: 5 5; declined (9) ×3: 3 3 3   sum 19
 *   Gemeente Zuid        one started, never submitted
 *   Three organisations of at least 5: the spread between partners shows at T1.
 *   Governance bodies: stuurgroep 6 (22 / 6), werkgroep 5 (14 / 5 = 2.8), klankbordgroep 2 hidden;
 *   16 − 6 − 5 = 5 (2 + 3 declined) ≥ 5, so the two show.
 */
const T0_ORGS = [
  { key: 'thuiszorg', name: 'Thuiszorg Oost', sector: 'zorg', sizeClass: 'ge100', amb: [3.0, 3.5, 4.0, 4.5] },
  { key: 'verpleeghuis', name: 'Verpleeghuis De Es', sector: 'zorg', sizeClass: 'ge100', amb: [2.0, 2.5, 3.0, 3.5] },
  { key: 'welzijnWest', name: 'Welzijn West', sector: 'welzijn', sizeClass: 'lt100', amb: [4.0, 4.0, 3.5] },
  { key: 'welzijnNoord', name: 'Welzijn Noord', sector: 'welzijn', sizeClass: 'lt100', amb: [3.0, 2.5, 3.0] },
  { key: 'gemeente', name: 'Gemeente Zuid', sector: 'gemeente', sizeClass: 'ge100', amb: [2.0, 2.0, 2.0, 2.0] },
  { key: 'huisartsen', name: 'Huisartsen Centrum', sector: 'huisartsenzorg', sizeClass: 'lt100', amb: [5.0, 5.0] },
] as const;

async function twente(s: Services) {
  const network = await s.ok('createNetwork', { name: 'Dementienetwerk Twente' });
  const orgs: Record<string, string> = {};
  for (const o of T0_ORGS) orgs[o.key] = (await s.ok('addOrganisation', { networkId: network.id, name: o.name, sector: o.sector, sizeClass: o.sizeClass })).id;
  const t0 = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: '2026-01-15', instruments: [{ instrumentId: KS, version: 1 }, { instrumentId: AG, version: 1 }] });
  const t1 = await s.ok('createWave', { networkId: network.id, label: 'T1', kind: 'T1', plannedDate: '2027-01-15', instruments: [{ instrumentId: KS, version: 1 }, { instrumentId: AG, version: 2 }] });
  let n = 0;
  const code = () => `R-${String(++n).padStart(3, '0')}`;
  for (const o of T0_ORGS) for (const score of o.amb) await respond(s, t0.id, code(), orgs[o.key]!, answersFor(score), { ag_rol: 1 });
  for (const score of [3.0, 3.0]) await respond(s, t0.id, code(), null, answersFor(score));
  await respond(s, t0.id, code(), orgs.huisartsen!, answersFor(1), {}, false);

  const t1Plan: [string, number, number][] = [
    ...[4, 4, 4, 4, 3, 3].map((score): [string, number, number] => ['thuiszorg', score, 1]),
    ...[2, 3, 3, 3, 3].map((score): [string, number, number] => ['verpleeghuis', score, 3]),
    ...[5, 5].map((score): [string, number, number] => ['welzijnWest', score, 5]),
    ...[3, 3, 3].map((score): [string, number, number] => ['welzijnWest', score, 9]),
  ];
  for (const [org, score, body] of t1Plan) await respond(s, t1.id, code(), orgs[org]!, answersFor(score), { ag_overleg: body });
  await respond(s, t1.id, code(), orgs.gemeente!, answersFor(1), {}, false);
  return { ...s, network, orgs, t0, t1 };
}

const dashboard = (w: Awaited<ReturnType<typeof twente>>, waveIds: string[], breakdown: BreakdownChoice, instrumentId = KS) =>
  w.ok('getDashboard', { networkId: w.network.id, waveIds, instrumentId, breakdown });

describe('the spread between partners falls back to sectors or size classes', () => {
  it('shows the spread by sector when no organisation reaches the minimum group size, with hand-computed means', async () => {
    const w = await twente(open());
    const d = await dashboard(w, [w.t0.id], 'none');
    expect(d.minGroupSize).toBe(5);
    // Not one organisation can be shown: six hidden.
    expect(d.organisations.groups).toEqual([]);
    expect(d.organisations.hiddenGroups).toBe(6);

    const spread = d.spreadFallback!;
    expect(spread.groupBy).toBe('sector');
    expect(spread.groups.map((g) => g.groupId)).toEqual(['zorg', 'welzijn']);
    // Gemeente (4) and huisartsenzorg (2) are below 5.
    expect(spread.hiddenGroups).toBe(2);
    expect(amb(spread, 'zorg', w.t0.id)).toMatchObject({ n: 8, suppressed: false });
    expectClose(amb(spread, 'zorg', w.t0.id).mean, 26 / 8);
    expect(amb(spread, 'welzijn', w.t0.id)).toMatchObject({ n: 6, suppressed: false });
    expectClose(amb(spread, 'welzijn', w.t0.id).mean, 20 / 6);
    // Persoonlijk samenwerken is 4 for everyone.
    expect(spread.groups.map((g) => g.perScale.find((p) => p.scaleId === 'ks_per')!.perWave[0]!.stats.mean)).toEqual([4, 4]);
    // The network's own mean is the whole: (26 + 20 + 8 + 10 + 6) / 22.
    expectClose(d.scales.find((s) => s.scaleId === 'ks_amb')!.perWave[0]!.stats.mean, 70 / 22);
  }, 60_000);

  it('does not fall back when some wave has two organisations to show side by side', async () => {
    const w = await twente(open());
    const d = await dashboard(w, [], 'none');
    expect(d.spreadFallback).toBeNull();
    expect(d.organisations.groups.map((g) => g.label.nl)).toEqual(['Thuiszorg Oost', 'Verpleeghuis De Es', 'Welzijn West']);
    expectClose(amb(d.organisations, w.orgs.thuiszorg!, w.t1.id).mean, 22 / 6);
    expectClose(amb(d.organisations, w.orgs.verpleeghuis!, w.t1.id).mean, 14 / 5);
    expectClose(amb(d.organisations, w.orgs.welzijnWest!, w.t1.id).mean, 19 / 5);
    // At T0 they are all too small.
    expect(amb(d.organisations, w.orgs.thuiszorg!, w.t0.id)).toMatchObject({ n: 0, mean: null, suppressed: true });

    // The study of the other results tests: Thuiszorg Oost and Welzijn West both have 7 at T1.
    const other = await resultsStudy(open());
    const o = await other.ok('getDashboard', { networkId: other.network.id, waveIds: [], instrumentId: KS, breakdown: 'none' });
    expect(o.organisations.groups).toHaveLength(2);
    expect(o.spreadFallback).toBeNull();
  }, 60_000);

  it('falls back to size classes when the sectors cannot show two groups either', async () => {
    const s = open();
    const network = await s.ok('createNetwork', { name: 'Wijknetwerk Oost' });
    // Four organisations of three: A zorg ≥ 100 (2, 2, 2), B zorg < 100 (3, 3, 3), C zorg < 100 (5, 5, 5), D welzijn ≥ 100 (4, 4, 4).
    // Sectors: welzijn 3 hidden; zorg 9 holds < 100 fte (B + C = 6 ≥ 5), which leaves A's 3 over: hidden too.
    // Size classes: ≥ 100 fte = A + D = 6, mean (6 + 12) / 6 = 3; < 100 fte = B + C = 6, mean (9 + 15) / 6 = 4.
    // No sector of at least 5 lies inside either size class, so both show.
    const plan = [
      { name: 'A', sector: 'zorg', sizeClass: 'ge100', score: 2 },
      { name: 'B', sector: 'zorg', sizeClass: 'lt100', score: 3 },
      { name: 'C', sector: 'zorg', sizeClass: 'lt100', score: 5 },
      { name: 'D', sector: 'welzijn', sizeClass: 'ge100', score: 4 },
    ] as const;
    const t0 = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    let n = 0;
    for (const p of plan) {
      const org = await s.ok('addOrganisation', { networkId: network.id, name: p.name, sector: p.sector, sizeClass: p.sizeClass });
      for (let i = 0; i < 3; i++) await respond(s, t0.id, `O-${++n}`, org.id, answersFor(p.score));
    }
    const d = await s.ok('getDashboard', { networkId: network.id, waveIds: [], instrumentId: KS, breakdown: 'sector' });
    expect(d.breakdown!.groups).toEqual([]);
    expect(d.breakdown!.hiddenGroups).toBe(2);
    const spread = d.spreadFallback!;
    expect(spread.groupBy).toBe('sizeClass');
    expect(spread.groups.map((g) => g.groupId)).toEqual(['lt100', 'ge100']);
    expect(amb(spread, 'ge100', t0.id)).toMatchObject({ n: 6, mean: 3, suppressed: false });
    expect(amb(spread, 'lt100', t0.id)).toMatchObject({ n: 6, mean: 4, suppressed: false });
  }, 60_000);
});

describe('breakdowns by sector, size class and governance body', () => {
  it('hides a sector below the minimum, and a size class whose difference with a sector inside it would describe a few people', async () => {
    const w = await twente(open());
    const bySector = (await dashboard(w, [w.t0.id], 'sector')).breakdown!;
    expect(bySector.groupBy).toBe('sector');
    expect(bySector.groups.map((g) => g.groupId)).toEqual(['zorg', 'welzijn']);
    expectClose(amb(bySector, 'zorg', w.t0.id).mean, 26 / 8);
    expect(JSON.stringify(bySector)).not.toContain('gemeente');

    const bySize = (await dashboard(w, [w.t0.id], 'sizeClass')).breakdown!;
    expect(bySize.groupBy).toBe('sizeClass');
    expect(bySize.groups).toEqual([]);
    expect(bySize.hiddenGroups).toBe(2);

    // Over both waves the sectors show at T1 as well: zorg = Thuiszorg + Verpleeghuis (36 / 11), welzijn = Welzijn West (19 / 5).
    const both = (await dashboard(w, [], 'sector')).breakdown!;
    expectClose(amb(both, 'zorg', w.t1.id).mean, 36 / 11);
    expectClose(amb(both, 'welzijn', w.t1.id).mean, 19 / 5);
    expectClose(amb(both, 'zorg', w.t0.id).mean, 26 / 8);
  }, 60_000);

  it('hides a size class where an organisation (here also its sector) of at least the minimum inside it leaves a few people over', async () => {
    // The study of the other results tests. T0: Thuiszorg Oost (zorg, ≥ 100 fte) 6, Welzijn West (welzijn,
    // < 100 fte) 5, Huisartsen Centrum (huisartsenzorg, < 100 fte) 2. < 100 fte = 7, but Welzijn West's 5
    // lie inside it and leave Huisartsen Centrum's 2: hidden at T0. ≥ 100 fte is Thuiszorg Oost alone
    // (pre1[0..5]: 3 + 2.5 + 3.25 + 2.75 + 2 + 3.5 = 17, over 6). T1: < 100 fte is Welzijn West's 7 (25.5 / 7).
    const w = await resultsStudy(open());
    const d = await w.ok('getDashboard', { networkId: w.network.id, waveIds: [], instrumentId: KS, breakdown: 'sizeClass' });
    const bySize = d.breakdown!;
    expect(bySize.groups.map((g) => g.groupId)).toEqual(['lt100', 'ge100']);
    expect(amb(bySize, 'lt100', w.t0.id)).toMatchObject({ n: 0, mean: null, suppressed: true });
    expect(amb(bySize, 'ge100', w.t0.id)).toMatchObject({ n: 6, suppressed: false });
    expectClose(amb(bySize, 'ge100', w.t0.id).mean, 17 / 6);
    expect(amb(bySize, 'lt100', w.t1.id)).toMatchObject({ n: 7, suppressed: false });
    expectClose(amb(bySize, 'lt100', w.t1.id).mean, 25.5 / 7);
  }, 60_000);

  it('breaks down by the governance body of Achtergrond version 2, and says which wave did not ask it', async () => {
    const w = await twente(open());
    const d = await dashboard(w, [], 'governanceBody');
    const bodies = d.breakdown!;
    expect(bodies.groupBy).toBe('governanceBody');
    expect(bodies.groups.map((g) => [g.groupId, g.label.nl])).toEqual([
      ['1', 'Stuurgroep / algemeen bestuur'],
      ['3', 'Werkgroep / themagroep'],
    ]);
    expect(bodies.hiddenGroups).toBe(1);
    expectClose(amb(bodies, '1', w.t1.id).mean, 22 / 6);
    expect(amb(bodies, '3', w.t1.id)).toMatchObject({ n: 5, mean: 2.8 });
    // T0 used version 1, which has no such question: no one is in a group there.
    expect(amb(bodies, '1', w.t0.id)).toMatchObject({ n: 0, mean: null });
    expect(d.notices).toContainEqual({ code: 'breakdown-not-in-wave', params: { waveId: w.t0.id, groupBy: 'governanceBody' } });

    // Only T0: the question was never asked.
    const t0Only = await dashboard(w, [w.t0.id], 'governanceBody');
    expect(t0Only.breakdown!.groups).toEqual([]);
    expect(t0Only.notices).toContainEqual({ code: 'governance-unavailable', params: {} });
  }, 60_000);

  it('shows the results of Achtergrond over both versions: version 2 labels, ag_overleg only where it was asked', async () => {
    const w = await twente(open());
    const d = await dashboard(w, [], 'none', AG);
    expect(d.items.map((i) => i.itemId)).toEqual(['ag_rol', 'ag_discipline', 'ag_jaren', 'ag_overleg']);
    const overleg = d.items.find((i) => i.itemId === 'ag_overleg')!;
    expect(overleg.presentIn).toEqual([w.t1.id]);
    // At T1: 13 chose a body (6 stuurgroep, 5 werkgroep, 2 klankbordgroep), 3 declined.
    const t1 = overleg.perWave.find((p) => p.waveId === w.t1.id)!.stats;
    expect(t1).toMatchObject({ n: 13, declined: 3 });
    expect(t1.distribution!.map((o) => [o.code, o.count])).toEqual([[1, 6], [2, 0], [3, 5], [4, 0], [5, 2], [6, 0], [9, 3]]);
    expect(d.notices.some((n) => n.code === 'instrument-changed')).toBe(true);
  }, 60_000);
});

describe('response per partner organisation', () => {
  it('counts started and complete responses per organisation and wave, every organisation, by hand', async () => {
    const w = await twente(open());
    const d = await dashboard(w, [], 'none');
    const rows = d.responseByOrganisation.map((r) => [r.name, ...r.perWave.map((p) => `${p.started}/${p.complete}`)]);
    // Organisations by name, then those without one. T0 / T1 as started/complete.
    expect(rows).toEqual([
      ['Gemeente Zuid', '4/4', '1/0'],
      ['Huisartsen Centrum', '3/2', '0/0'],
      ['Thuiszorg Oost', '4/4', '6/6'],
      ['Verpleeghuis De Es', '4/4', '5/5'],
      ['Welzijn Noord', '3/3', '0/0'],
      ['Welzijn West', '3/3', '5/5'],
      [null, '2/2', '0/0'],
    ]);
    expect(d.responseByOrganisation.map((r) => r.organisationId)).toEqual([
      w.orgs.gemeente,
      w.orgs.huisartsen,
      w.orgs.thuiszorg,
      w.orgs.verpleeghuis,
      w.orgs.welzijnNoord,
      w.orgs.welzijnWest,
      null,
    ]);
    // The totals agree with the response per wave.
    for (const [i, c] of d.counts.entries()) {
      expect(d.responseByOrganisation.reduce((sum, r) => sum + r.perWave[i]!.started, 0)).toBe(c.started);
      expect(d.responseByOrganisation.reduce((sum, r) => sum + r.perWave[i]!.complete, 0)).toBe(c.complete);
    }
    // Counts only: no respondent code travels with them.
    expect(JSON.stringify(d.responseByOrganisation)).not.toMatch(/R-\d{3}/);
  }, 60_000);

  it('has no row for responses without an organisation when every response has one', async () => {
    const s = open();
    const network = await s.ok('createNetwork', { name: 'Palliatief netwerk' });
    const org = await s.ok('addOrganisation', { networkId: network.id, name: 'Hospice De Linde', sector: 'zorg', sizeClass: 'lt100' });
    const t0 = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    await respond(s, t0.id, 'P-001', org.id, answersFor(3));
    const d = await s.ok('getDashboard', { networkId: network.id, waveIds: [], instrumentId: KS, breakdown: 'none' });
    expect(d.responseByOrganisation).toEqual([
      { organisationId: org.id, name: 'Hospice De Linde', expected: null, archived: false, leftOn: null, perWave: [{ waveId: t0.id, started: 1, complete: 1, ofExpected: null }] },
    ]);
  }, 60_000);

  it('sets the submitted questionnaires against the expected number where one is set, and keeps an archived organisation that left, by hand', async () => {
    const w = await twente(open());
    const correct = (key: string, name: string, sector: 'zorg' | 'gemeente', changes: { leftOn?: string; expectedParticipants: number }) =>
      w.ok('updateOrganisation', { organisationId: w.orgs[key]!, name, sector, sizeClass: 'ge100', joinedOn: null, leftOn: changes.leftOn ?? null, expectedParticipants: changes.expectedParticipants });
    // Thuiszorg Oost is expected to bring 6; Gemeente Zuid 5, left on 30 June 2026 and is archived.
    await correct('thuiszorg', 'Thuiszorg Oost', 'zorg', { expectedParticipants: 6 });
    await correct('gemeente', 'Gemeente Zuid', 'gemeente', { leftOn: '2026-06-30', expectedParticipants: 5 });
    await w.ok('archiveOrganisation', { organisationId: w.orgs.gemeente!, archived: true });
    const d = await dashboard(w, [], 'none');
    const row = (key: string) => d.responseByOrganisation.find((r) => r.organisationId === w.orgs[key])!;
    // Thuiszorg Oost: T0 4 submitted of 6 = 2/3, T1 6 of 6 = 1.
    expect(row('thuiszorg')).toMatchObject({ expected: 6, archived: false, leftOn: null });
    expect(row('thuiszorg').perWave.map((p) => [p.complete, p.ofExpected])).toEqual([[4, 4 / 6], [6, 1]]);
    // Gemeente Zuid, archived, still in the table: T0 4 of 5 = 0.8, T1 none of 5 (one started, never submitted).
    expect(row('gemeente')).toMatchObject({ name: 'Gemeente Zuid', expected: 5, archived: true, leftOn: '2026-06-30' });
    expect(row('gemeente').perWave.map((p) => [p.started, p.complete, p.ofExpected])).toEqual([[4, 4, 0.8], [1, 0, 0]]);
    // Without an expected number nothing is set against it.
    expect(row('welzijnWest')).toMatchObject({ expected: null, archived: false, leftOn: null });
    expect(row('welzijnWest').perWave.map((p) => p.ofExpected)).toEqual([null, null]);
    expect(d.responseByOrganisation.at(-1)).toMatchObject({ organisationId: null, expected: null, archived: false });
    expect(d.responseByOrganisation).toHaveLength(7);
  }, 60_000);
});

describe('the study export of waves with Achtergrond version 1 and version 2', () => {
  it('has ag_overleg once, in the codebook with version 2 and its codes, empty at T0 and answered at T1', async () => {
    const w = await twente(open());
    const result = await w.ok('exportStudy', studyExportInput(w.network.id));
    if (result.cancelled) throw new Error('export was cancelled');
    const book = XLSX.readFile(result.filePath);
    const codebook = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets.Codeboek!, { defval: null });
    const overleg = codebook.filter((r) => r.variabele === 'ag_overleg');
    expect(overleg).toHaveLength(1);
    expect(overleg[0]).toMatchObject({
      vragenlijst: 'Achtergrond',
      versie: '2',
      codes_en_labels: '1 = Stuurgroep / algemeen bestuur; 2 = Dagelijks bestuur; 3 = Werkgroep / themagroep; 4 = Netwerkgroep; 5 = Klankbordgroep; 6 = Geen van deze; 9 = Zeg ik liever niet',
    });
    const data = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets.Data_lang!, { defval: null });
    const complete = (wave: string) => data.filter((r) => r.meting === wave && r.status === 1); // status 1 = submitted (values as codes)
    // T0: 22 submitted, none was asked; T1: 16 submitted, 6 stuurgroep, 5 werkgroep, 2 klankbordgroep, 3 declined (9).
    expect(complete('T0')).toHaveLength(22);
    expect(complete('T0').every((r) => r.ag_overleg === null)).toBe(true);
    const t1 = complete('T1').map((r) => r.ag_overleg);
    expect([1, 3, 5, 9].map((code) => t1.filter((v) => v === code).length)).toEqual([6, 5, 2, 3]);
  }, 60_000);
});
