/**
 * The results dashboard through the real dispatcher over a real SQLite file. Expected numbers are
 * worked out by hand in the comments or come from R 4.2.2 / psych 2.2.9 (`options(digits = 15)`),
 * with the R call next to them; the data are built so the R reference cases of
 * test/unit/stats-reference.test.ts reappear as condition scores.
 */
import { describe, expect, it } from 'vitest';
import { THEME_PROMPTS } from '../../shared/conversation';
import type { AllRespondentsResult, Dashboard, ScaleStats } from '../../shared/results';
import { answersFor, decideSlip, KS, respond, resultsStudy } from '../support/results-study';
import { AGREE7, DONT_KNOW, OFTEN5, REVERSED_ITEM, SEVEN_POINT_ID, sevenPointInstrument } from '../support/seven-point-instrument';
import { useServices } from '../support/services';

const open = useServices();
const study = () => resultsStudy(open());

/** Relative agreement to 1e-9. */
function expectRel(actual: number | null | undefined, expected: number, rel = 1e-9) {
  expect(actual, `expected ${expected}`).toBeTypeOf('number');
  expect(Math.abs((actual as number) - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(rel * Math.max(Math.abs(expected), 1e-12));
}

/** An all-respondents result against R's po() (test/unit/stats-reference.test.ts): estimate, t, df, p, CI low, CI high. */
function expectPo(r: AllRespondentsResult, po: [number, number, number, number, number, number]) {
  [r.meanDiff, r.t, r.df, r.p, r.ciLow, r.ciHigh].forEach((actual, i) => expectRel(actual, po[i]!));
}

/** Every number anywhere in the value is finite: no NaN, no Infinity. */
function expectNoNaN(value: unknown, path = '$') {
  if (typeof value === 'number') expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
  else if (Array.isArray(value)) value.forEach((v, i) => expectNoNaN(v, `${path}[${i}]`));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) expectNoNaN(v, `${path}.${k}`);
}

const scale = (d: Dashboard, id: string) => d.scales.find((s) => s.scaleId === id)!;
const item = (d: Dashboard, id: string) => d.items.find((s) => s.itemId === id)!;
const onWave = <T extends { waveId: string }>(list: T[], waveId: string) => list.find((p) => p.waveId === waveId)!;

describe('getDashboard on a network with T0, T1 and an empty T2', () => {
  it('computes counts, scales, items, comparisons, groups and conversation points', async () => {
    const w = await study();
    await decideSlip(w, 'accepted');
    const d = await w.ok('getDashboard', { networkId: w.network.id, waveIds: [], instrumentId: KS, breakdown: 'role' });
    expectNoNaN(d);
    expect(d.waves.map((c) => c.label)).toEqual(['T0', 'T1', 'T2']);
    expect(d.minGroupSize).toBe(5);

    // Counts: no code list (self codes), so invited is unknown.
    expect(d.counts).toEqual([
      { waveId: w.t0.id, invited: null, started: 13, complete: 13 },
      { waveId: w.t1.id, invited: null, started: 15, complete: 14 },
      { waveId: w.t2.id, invited: null, started: 0, complete: 0 },
    ]);

    // ks_amb at T0: c(pre1, y1). R: mean, sd, t.test(.)$conf.int → 2.538461538461538, 0.652288869467178, 2.14428731963523, 2.932635757287847
    const amb = scale(d, 'ks_amb');
    const ambT0 = onWave(amb.perWave, w.t0.id);
    expect(ambT0.stats.n).toBe(13);
    expectRel(ambT0.stats.mean, 2.538461538461538);
    expectRel(ambT0.stats.sd, 0.652288869467178);
    expectRel(ambT0.stats.ciLow, 2.14428731963523);
    expectRel(ambT0.stats.ciHigh, 2.932635757287847);
    // psych::alpha(items_for(c(pre1, y1)))$total$raw_alpha → 0.934086629001883, 13 complete cases (< 30: unstable)
    expectRel(ambT0.alpha.alpha, 0.934086629001883);
    expect(ambT0.alpha).toMatchObject({ n: 13, items: 4, smallSample: true });
    // T1: c(post1, x1) → 3.392857142857143, 0.691391334934115, 2.993659671003777, 3.792054614710509; alpha 0.946360153256705
    const ambT1 = onWave(amb.perWave, w.t1.id);
    expect(ambT1.stats.n).toBe(14);
    expectRel(ambT1.stats.mean, 3.392857142857143);
    expectRel(ambT1.stats.sd, 0.691391334934115);
    expectRel(ambT1.stats.ciLow, 2.993659671003777);
    expectRel(ambT1.stats.ciHigh, 3.792054614710509);
    expectRel(ambT1.alpha.alpha, 0.946360153256705);
    // T2 has no responses: nothing to show, nothing to hide.
    expect(onWave(amb.perWave, w.t2.id).stats).toEqual({ n: 0, mean: null, sd: null, ciLow: null, ciHigh: null, suppressed: false });
    // ks_bel: every item 3, or three items 3 and "weet niet" (prorated): all scores 3, no spread.
    expect(onWave(scale(d, 'ks_bel').perWave, w.t1.id).stats).toEqual({ n: 14, mean: 3, sd: 0, ciLow: 3, ciHigh: 3, suppressed: false });

    // Item ks_amb_01 at T0: codes 2 ×4, 3 ×6, 4 ×3 (R: table(items_for(.)[, 1])).
    // mean, sd, quantile(c(.25, .5, .75)) → 2.92307692307692, 0.75955452531275, 2, 3, 3; share agreeing mean(i1 >= 4) → 0.230769230769231
    const i1 = onWave(item(d, 'ks_amb_01').perWave, w.t0.id).stats;
    expect(i1).toMatchObject({ n: 13, missing: 0, declined: 0, suppressed: false, q1: 2, median: 3, q3: 3 });
    expectRel(i1.mean, 2.92307692307692);
    expectRel(i1.sd, 0.75955452531275);
    expectRel(i1.shareAgree, 0.230769230769231);
    expect(i1.distribution!.map((o) => [o.code, o.count, o.scored])).toEqual([[1, 0, true], [2, 4, true], [3, 6, true], [4, 3, true], [5, 0, true], [9, 0, false]]);
    // ks_bel_04 at T1: 8 answered 3, 6 "weet niet".
    const bel4 = onWave(item(d, 'ks_bel_04').perWave, w.t1.id).stats;
    expect(bel4).toMatchObject({ n: 8, declined: 6, missing: 0, mean: 3, shareAgree: 0 });
    expect(bel4.distribution!.find((o) => o.code === 9)).toMatchObject({ count: 6, scored: false });
    // The grade is a number item: no distribution, no agreement share.
    const grade = onWave(item(d, 'ks_cijfer').perWave, w.t1.id).stats;
    expect(grade).toMatchObject({ n: 14, mean: 7, distribution: null, shareAgree: null });
    expect(item(d, 'ks_cijfer').scaleId).toBeNull();
    expect(item(d, 'ks_amb_01').scaleId).toBe('ks_amb');
    expect(d.items.some((it) => it.itemId === 'ks_open_goed')).toBe(false);

    // T0 versus T1: 7 exact matches + MA123 → MA133 (day of birth mistyped, accepted above), 5 and 6 unmatched.
    const c1 = d.comparisons.find((c) => c.followUpWaveId === w.t1.id)!;
    expect(c1.exploratory).toBe(true);
    expect(c1.linking).toEqual({ baselineWaveId: w.t0.id, followUpWaveId: w.t1.id, matched: 7, tolerant: 1, proposals: 0, rejected: 0, unmatchedBaseline: 5, unmatchedFollowUp: 6 });
    expect(d.notices).toContainEqual({ code: 'tolerant-matches', params: { waveId: w.t1.id, count: 1 } });
    expect(d.notices.some((n) => n.code === 'link-proposals')).toBe(false);
    const ambRow = c1.rows.find((r) => r.kind === 'scale' && r.id === 'ks_amb')!;
    // Everyone = the partially overlapping samples t-test (Derrick et al. 2017) over c(post1, x1)
    // against c(pre1, y1) with the 8 pairs, written out in base R as po() in
    // test/unit/stats-reference.test.ts: po(x1, y1, post1, pre1)
    //   → 0.854395604395604, t 2.917521866080917, df 14.329714152353009, p 0.011024813195499,
    //     CI 0.227648453059085 … 1.481142755732124
    expect(ambRow.allRespondents).toMatchObject({ nBaseline: 13, nFollowUp: 14, nPairs: 8, tooSmall: false });
    expectPo(ambRow.allRespondents, [0.854395604395604, 2.917521866080917, 14.329714152353009, 0.011024813195499, 0.227648453059085, 1.481142755732124]);
    // Paired = the R case t.test(post1, pre1, paired = TRUE) and wilcox.test(post1, pre1, paired = TRUE).
    expect(ambRow.paired).toMatchObject({ n: 8, df: 7, wilcoxonV: 29, wilcoxonMethod: 'exact', tooSmall: false });
    expectRel(ambRow.paired.meanDiff, 0.6875);
    expectRel(ambRow.paired.t, 1.717911380774667);
    expectRel(ambRow.paired.pT, 0.129510110224891);
    expectRel(ambRow.paired.ciLow, -0.258811428612204);
    expectRel(ambRow.paired.ciHigh, 1.633811428612204);
    expectRel(ambRow.paired.pWilcoxon, 0.1484375);
    expectRel(ambRow.paired.dz, 0.607373393411656);
    expectRel(ambRow.paired.rankBiserial, 0.611111111111111);
    // Unmatched = the R case t.test(x1, y1) and wilcox.test(x1, y1).
    expect(ambRow.independent).toMatchObject({ nBaseline: 5, nFollowUp: 6, mannWhitneyW: 26, mannWhitneyMethod: 'exact', tooSmall: false });
    expectRel(ambRow.independent.meanDiff, 1.1);
    expectRel(ambRow.independent.welchT, 2.4369346127355298);
    expectRel(ambRow.independent.welchDf, 8.455406158007797);
    expectRel(ambRow.independent.pWelch, 0.0391976323831295);
    expectRel(ambRow.independent.pMannWhitney, 0.051948051948052);
    expectRel(ambRow.independent.rankBiserial, 0.733333333333333);
    // No change at all on ks_per: mean difference 0, no test (R: "data are essentially constant").
    const perRow = c1.rows.find((r) => r.id === 'ks_per')!;
    expect(perRow.paired).toMatchObject({ n: 8, meanDiff: 0, t: null, pT: null, wilcoxonV: null, pWilcoxon: null, dz: null, tooSmall: false });
    // Items are compared too, choices are not.
    expect(c1.rows.filter((r) => r.kind === 'item').map((r) => r.id)).toContain('ks_cijfer');
    // T0 versus the empty T2: nothing to compare, and it says so.
    const c2 = d.comparisons.find((c) => c.followUpWaveId === w.t2.id)!;
    expect(c2.linking).toMatchObject({ matched: 0, tolerant: 0, proposals: 0, rejected: 0, unmatchedBaseline: 13, unmatchedFollowUp: 0 });
    expect(c2.rows.every((r) => r.paired.tooSmall && r.independent.tooSmall && r.allRespondents.tooSmall)).toBe(true);
    expect(d.notices).toContainEqual({ code: 'no-responses', params: { waveId: w.t2.id, started: 0 } });

    // Organisations at T0: Thuiszorg 6, Welzijn 5, Huisartsen 2 of 13. Huisartsen (2) is too small; then
    // 13 − 6 − 5 = 2 would give it away by subtraction, so Welzijn (the next smallest) is hidden too.
    // At T1: Thuiszorg 7, Welzijn 7, nobody else: both shown. Huisartsen never shows: one hidden group.
    const orgs = d.organisations;
    expect(orgs.groupBy).toBe('organisation');
    expect(orgs.hiddenGroups).toBe(1);
    expect(orgs.groups.map((g) => g.label.nl)).toEqual(['Thuiszorg Oost', 'Welzijn West']);
    const orgStats = (name: string, waveId: string): ScaleStats =>
      onWave(orgs.groups.find((g) => g.label.nl === name)!.perScale.find((p) => p.scaleId === 'ks_amb')!.perWave, waveId).stats;
    // Thuiszorg T0: pre1[1..6] → mean, sd, t.test(.)$conf.int = 2.833333333333333, 0.540061724867322, 2.266573311513867, 3.4000933551528
    const tzT0 = orgStats('Thuiszorg Oost', w.t0.id);
    expect(tzT0.n).toBe(6);
    expectRel(tzT0.mean, 2.833333333333333);
    expectRel(tzT0.sd, 0.540061724867322);
    expectRel(tzT0.ciLow, 2.266573311513867);
    expectRel(tzT0.ciHigh, 3.4000933551528);
    expect(orgStats('Welzijn West', w.t0.id)).toEqual({ n: 0, mean: null, sd: null, ciLow: null, ciHigh: null, suppressed: true });
    // T1: Thuiszorg (2.75 + 3 + 4 + 3.75 + 3.25 + 2 + 3.25) / 7 = 22 / 7; Welzijn (4 + 3.75 + 4 + 3.75 + 2.5 + 4.5 + 3) / 7 = 25.5 / 7.
    expectRel(orgStats('Thuiszorg Oost', w.t1.id).mean, 22 / 7);
    expectRel(orgStats('Welzijn West', w.t1.id).mean, 25.5 / 7);
    expect(JSON.stringify(orgs)).not.toContain('Huisartsen');

    // Role groups at T0: professional 7, manager 4 (hidden), 2 declined; 13 − 7 = 6 ≥ 5, so professionals show.
    const roles = d.breakdown!;
    expect(roles.groupBy).toBe('role');
    expect(roles.groups.map((g) => g.groupId)).toEqual(['1', '2']);
    expect(roles.hiddenGroups).toBe(0);
    const roleStats = (id: string, waveId: string) => onWave(roles.groups.find((g) => g.groupId === id)!.perScale.find((p) => p.scaleId === 'ks_amb')!.perWave, waveId).stats;
    expect(roleStats('1', w.t0.id)).toMatchObject({ n: 7, mean: 2.75, suppressed: false }); // 19.25 / 7
    expect(roleStats('2', w.t0.id)).toMatchObject({ n: 0, mean: null, suppressed: true });
    expectRel(roleStats('1', w.t1.id).mean, 29.75 / 9);
    expectRel(roleStats('2', w.t1.id).mean, 3.55); // 17.75 / 5
    expect(roles.groups[0]!.label.nl).toBe('Professional (zorg of welzijn)');

    // Conversation points from T1 (T2 is empty), with each statement's change since T0 (items by itemsFor above):
    //   ks_amb_01 38/13 = 2.923 → 51/14 = 3.643, +0.720; ks_amb_02 35/13 = 2.692 → 49/14 = 3.500, +0.808;
    //   ks_amb_03 31/13 = 2.385 → 47/14 = 3.357, +0.973; ks_amb_04 28/13 = 2.154 → 43/14 = 3.071, +0.918.
    //   Every rise is at least the threshold 0.2 (clearly or possibly higher); one per condition: ks_amb_03.
    //   High scores: ks_per and ks_org (all 4: (4 − 1)/4 = 0.75), the first of each. Nothing fell.
    //   Low, one per condition: ks_pro_01 (all 2: 0.25), ks_bel_01 (3: 0.5), ks_amb_04 (3.071: 0.518).
    //   "Weet niet": ks_bel_04, 6 of the 14 who saw it (43%: about half).
    const of = (kind: string) => d.conversation.filter((p) => p.kind === kind);
    expect(d.conversation.every((p) => p.waveId === w.t1.id)).toBe(true);
    const successes = of('success');
    expect(successes.map((p) => [p.itemId, p.kind === 'success' ? p.reason : null])).toEqual([
      ['ks_amb_03', 'rise'],
      ['ks_per_01', 'high'],
      ['ks_org_01', 'high'],
    ]);
    const rise = successes[0]!;
    if (rise.kind !== 'success') throw new Error('a success');
    expect(['higher', 'possiblyHigher']).toContain(rise.change!.verdict);
    expect(rise.change!.baselineWaveId).toBe(w.t0.id);
    expectRel(rise.change!.meanDiff, 47 / 14 - 31 / 13);
    expect(of('fall')).toEqual([]);
    const low = of('low');
    expect(low.map((p) => p.itemId)).toEqual(['ks_pro_01', 'ks_bel_01', 'ks_amb_04']);
    expect(low.map((p) => (p.kind === 'low' ? p.mean : null))).toEqual([2, 3, 43 / 14]);
    expect(low[0]!.prompt).toEqual(THEME_PROMPTS.ks_pro!.low);
    expect(of('dontKnow')).toEqual([
      { kind: 'dontKnow', itemId: 'ks_bel_04', label: item(d, 'ks_bel_04').label, scaleId: 'ks_bel', waveId: w.t1.id, count: 6, seen: 14, share: 'half', prompt: THEME_PROMPTS.ks_bel!.dontKnow },
    ]);
    // Every item says what kind of question it is: the grade is a number, the statements are on a scale.
    expect(item(d, 'ks_cijfer').type).toBe('number');
    expect(item(d, 'ks_amb_01').type).toBe('scale');
  }, 60_000);

  it('shows only the chosen waves, and puts them in measurement order', async () => {
    const w = await study();
    const d = await w.ok('getDashboard', { networkId: w.network.id, waveIds: [w.t1.id, w.t0.id], instrumentId: KS, breakdown: 'none' });
    expect(d.waves.map((c) => c.label)).toEqual(['T0', 'T1']);
    expect(d.breakdown).toBeNull();
    expect(d.comparisons).toHaveLength(1);
    // Only T1 as "baseline": no comparisons, and T1's own numbers.
    const only = await w.ok('getDashboard', { networkId: w.network.id, waveIds: [w.t1.id], instrumentId: KS, breakdown: 'none' });
    expect(only.comparisons).toEqual([]);
    expectRel(onWave(scale(only, 'ks_amb').perWave, w.t1.id).stats.mean, 3.392857142857143);
    expectNoNaN(only);
  }, 60_000);

  it('compares networks on their scale means, with the same suppression', async () => {
    const w = await study();
    const small = await w.ok('createNetwork', { name: 'Wijknetwerk Zuid' });
    const t0 = await w.ok('createWave', { networkId: small.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    for (const code of ['AAA01', 'AAA02', 'AAA03']) await respond(w, t0.id, code, null, answersFor(3));
    const cmp = await w.ok('compareNetworks', { networkIds: [w.network.id, small.id], instrumentId: KS });
    expectNoNaN(cmp);
    expect(cmp.networks.map((n) => n.name)).toEqual(['Dementienetwerk Noord', 'Wijknetwerk Zuid']);
    const big = cmp.networks[0]!;
    expect(big.waves.map((x) => x.label)).toEqual(['T0', 'T1', 'T2']);
    expectRel(big.waves[0]!.scales.find((s) => s.scaleId === 'ks_amb')!.stats.mean, 2.538461538461538);
    expect(cmp.networks[1]!.waves[0]!.scales[0]!.stats).toMatchObject({ n: 3, mean: null, suppressed: true });
  }, 60_000);
});

describe('getDashboard: a near match of self-made codes enters a test only once accepted', () => {
  const t1Comparison = (d: Dashboard, waveId: string) => d.comparisons.find((c) => c.followUpWaveId === waveId)!;
  const amb = (d: Dashboard, waveId: string) => t1Comparison(d, waveId).rows.find((r) => r.kind === 'scale' && r.id === 'ks_amb')!;

  it('before a decision: MA123 → MA133 is a proposal, in no comparison at all', async () => {
    const w = await study();
    const d = await w.ok('getDashboard', { networkId: w.network.id, waveIds: [], instrumentId: KS, breakdown: 'none' });
    expectNoNaN(d);
    expect(t1Comparison(d, w.t1.id).linking).toEqual({ baselineWaveId: w.t0.id, followUpWaveId: w.t1.id, matched: 7, tolerant: 0, proposals: 1, rejected: 0, unmatchedBaseline: 5, unmatchedFollowUp: 6 });
    expect(d.notices).toContainEqual({ code: 'link-proposals', params: { waveId: w.t1.id, count: 1 } });
    expect(d.notices.some((n) => n.code === 'tolerant-matches')).toBe(false);
    // Paired: the seven exact pairs only. Differences post1 − pre1 for 1..7: −0.25, 0.5, 0.75, 1, 1.25, −1.5, 1.75
    // (by hand: sum 3.5, mean 0.5; |d| all distinct, so exact; V = 2 + 3 + 4 + 5 + 7 = 21, r = (21 − 7) / 28 = 0.5).
    // R: pre <- pre1[1:7]; post <- post1[1:7]; t.test(post, pre, paired = TRUE); wilcox.test(post, pre, paired = TRUE); mean(post - pre) / sd(post - pre)
    //    → t 1.22474487139159, df 6, p 0.266569703380069, CI −0.4989475801457 … 1.4989475801457; V 21, p 0.296875; d_z 0.462910049886276
    const paired = amb(d, w.t1.id).paired;
    expect(paired).toMatchObject({ n: 7, df: 6, wilcoxonV: 21, wilcoxonMethod: 'exact', tooSmall: false });
    expectRel(paired.meanDiff, 0.5);
    expectRel(paired.t, 1.22474487139159);
    expectRel(paired.pT, 0.266569703380069);
    expectRel(paired.ciLow, -0.4989475801457);
    expectRel(paired.ciHigh, 1.4989475801457);
    expectRel(paired.pWilcoxon, 0.296875);
    expectRel(paired.dz, 0.462910049886276);
    expectRel(paired.rankBiserial, 0.5);
    // Two groups: y1 and x1 only, as with the pair accepted (the proposal may be one person on both sides).
    expect(amb(d, w.t1.id).independent).toMatchObject({ nBaseline: 5, nFollowUp: 6, mannWhitneyW: 26 });
    expectRel(amb(d, w.t1.id).independent.welchT, 2.4369346127355298);
    // Everyone: without MA123 and MA133 as well. R, with po() from test/unit/stats-reference.test.ts:
    //   po(x1, y1, post1[1:7], pre1[1:7]) → 0.7612179487179489, t 2.5440283113673798, df 13.470484403377661,
    //   p 0.0239370581279131, CI 0.1170853018165742 … 1.4053505956193235
    const everyone = amb(d, w.t1.id).allRespondents;
    expect(everyone).toMatchObject({ nBaseline: 12, nFollowUp: 13, nPairs: 7, tooSmall: false });
    expectPo(everyone, [0.7612179487179489, 2.5440283113673798, 13.470484403377661, 0.0239370581279131, 0.1170853018165742, 1.4053505956193235]);
  }, 60_000);

  it('after accepting it: eight pairs (the R case of the main test); after rejecting it: two more unmatched people', async () => {
    const accepted = await study();
    await decideSlip(accepted, 'accepted');
    const a = await accepted.ok('getDashboard', { networkId: accepted.network.id, waveIds: [], instrumentId: KS, breakdown: 'none' });
    expect(amb(a, accepted.t1.id).paired).toMatchObject({ n: 8, wilcoxonV: 29 });
    expectRel(amb(a, accepted.t1.id).paired.meanDiff, 0.6875);

    const rejected = await study();
    await decideSlip(rejected, 'rejected');
    const r = await rejected.ok('getDashboard', { networkId: rejected.network.id, waveIds: [], instrumentId: KS, breakdown: 'none' });
    expectNoNaN(r);
    expect(t1Comparison(r, rejected.t1.id).linking).toMatchObject({ matched: 7, tolerant: 0, proposals: 0, rejected: 1, unmatchedBaseline: 6, unmatchedFollowUp: 7 });
    expect(r.notices.some((n) => n.code === 'link-proposals' || n.code === 'tolerant-matches')).toBe(false);
    expect(amb(r, rejected.t1.id).paired).toMatchObject({ n: 7, wilcoxonV: 21 });
    // Two people now: MA123 (1.75) joins the T0-only group, MA133 (3.75) the T1-only group.
    // R: x <- c(x1, 3.75); y <- c(y1, 1.75); t.test(x, y); wilcox.test(x, y) (ties: normal approximation)
    //    → difference 1.24404761904762, t 3.18034911273258, df 10.3116180905237, p 0.00945597360369937; W 38, p 0.0182558605874593
    // Rank-biserial by hand: 2 · 38 / (7 · 6) − 1 = 34 / 42.
    const independent = amb(r, rejected.t1.id).independent;
    expect(independent).toMatchObject({ nBaseline: 6, nFollowUp: 7, mannWhitneyW: 38, mannWhitneyMethod: 'normal', tooSmall: false });
    expectRel(independent.meanDiff, 1.24404761904762);
    expectRel(independent.welchT, 3.18034911273258);
    expectRel(independent.welchDf, 10.3116180905237);
    expectRel(independent.pWelch, 0.00945597360369937);
    expectRel(independent.pMannWhitney, 0.0182558605874593);
    expectRel(independent.rankBiserial, 34 / 42);
    // Everyone: all 13 and 14, seven of them pairs. R: po(c(x1, 3.75), c(y1, 1.75), post1[1:7], pre1[1:7])
    //   → 0.85439560439560447, t 2.9942824083860935, df 15.14387093426231, p 0.00900151967679965,
    //     CI 0.24670562409710606 … 1.46208558469410299 (the same means as with the pair accepted, another SE)
    const everyone = amb(r, rejected.t1.id).allRespondents;
    expect(everyone).toMatchObject({ nBaseline: 13, nFollowUp: 14, nPairs: 7, tooSmall: false });
    expectPo(everyone, [0.85439560439560447, 2.9942824083860935, 15.14387093426231, 0.00900151967679965, 0.24670562409710606, 1.46208558469410299]);
  }, 60_000);
});

describe('getDashboard on an imported 7-point instrument', () => {
  it('gives every scale and item its own score range, and the share agreeing above the middle of 7', async () => {
    const s = open();
    await s.ok('importInstrument', { definitionJson: JSON.stringify(sevenPointInstrument()) });
    const net = await s.ok('createNetwork', { name: 'Zevenpunts' });
    const t0 = await s.ok('createWave', { networkId: net.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: SEVEN_POINT_ID, version: 1 }] });
    // Six respondents. tk_vei_01: 7, 6, 5, 4, 2 and "weet niet" (99); the reverse-keyed tk_ste_03: 6, 6, 6, 2, 2, 7.
    const vei01 = [7, 6, 5, 4, 2, DONT_KNOW];
    const ste03 = [6, 6, 6, 2, 2, 7];
    for (let i = 0; i < 6; i++) {
      const r = await s.ok('startResponse', { waveId: t0.id, respondentCode: `ZP00${i}`, organisationId: null, mode: 'form' });
      const values: Record<string, number> = { tk_vei_01: vei01[i]!, tk_vei_02: 6, tk_vei_03: 6, tk_doe_01: 3, tk_doe_02: 3, tk_doe_03: 3, tk_ste_01: 5, tk_ste_02: 5, tk_ste_03: ste03[i]!, tk_ove_01: 4, tk_ove_02: 2 };
      for (const [itemId, value] of Object.entries(values)) await s.ok('saveAnswer', { responseId: r.id, instrumentId: SEVEN_POINT_ID, itemId, value, text: null });
      await s.ok('completeResponse', { responseId: r.id });
    }
    const d = await s.ok('getDashboard', { networkId: net.id, waveIds: [], instrumentId: SEVEN_POINT_ID, breakdown: 'none' });
    expectNoNaN(d);
    expect(d.scales.map((x) => [x.scaleId, x.range])).toEqual([
      ['tk_vei', { min: 1, max: 7 }],
      ['tk_doe', { min: 1, max: 7 }],
      ['tk_ste', { min: 1, max: 7 }],
      ['tk_ove', { min: 1, max: 5 }],
    ]);
    expect(scale(d, 'tk_vei').options!.map((o) => o.label.nl)).toEqual(AGREE7);
    expect(scale(d, 'tk_ove').options!.map((o) => o.label.nl)).toEqual(OFTEN5);
    expect(item(d, 'tk_vei_01')).toMatchObject({ range: { min: 1, max: 7 }, reverse: false });
    expect(item(d, REVERSED_ITEM)).toMatchObject({ range: { min: 1, max: 7 }, reverse: true });
    expect(item(d, 'tk_ove_01')).toMatchObject({ range: { min: 1, max: 5 }, reverse: false });

    // tk_vei_01: 5 scored answers (one "weet niet"); agreeing = 5, 6 or 7 (above Neutraal = 4): 7, 6, 5 → 3 of 5 = 0.6.
    const vei = item(d, 'tk_vei_01').perWave[0]!.stats;
    expect(vei).toMatchObject({ n: 5, declined: 1, shareAgree: 0.6 });
    expectRel(vei.mean, 24 / 5); // (7 + 6 + 5 + 4 + 2) / 5
    // Reverse-keyed tk_ste_03: the mean is after reversal (8 − code: 2, 2, 2, 6, 6, 1 → 19 / 6);
    // the distribution and the share agreeing are of the raw answers (6, 6, 6, 7 agree → 4 of 6).
    const ste = item(d, REVERSED_ITEM).perWave[0]!.stats;
    expectRel(ste.mean, 19 / 6);
    expectRel(ste.shareAgree, 4 / 6);
    expect(ste.distribution!.filter((o) => o.count > 0).map((o) => [o.code, o.count])).toEqual([[2, 2], [6, 3], [7, 1]]);
    // Steun = mean of 5, 5 and the reversed tk_ste_03: (5 + 5 + 2) / 3 = 4 for three people, (5 + 5 + 6) / 3 for two, (5 + 5 + 1) / 3 for one.
    expectRel(scale(d, 'tk_ste').perWave[0]!.stats.mean, (3 * 4 + 2 * (16 / 3) + 11 / 3) / 6);
    // Nooit … Altijd is no agreement scale: no share agreeing.
    expect(item(d, 'tk_ove_01').perWave[0]!.stats.shareAgree).toBeNull();

    const cmp = await s.ok('compareNetworks', { networkIds: [net.id], instrumentId: SEVEN_POINT_ID });
    expect(cmp.networks[0]!.waves[0]!.scales.map((x) => [x.scaleId, x.range])).toEqual([
      ['tk_vei', { min: 1, max: 7 }],
      ['tk_doe', { min: 1, max: 7 }],
      ['tk_ste', { min: 1, max: 7 }],
      ['tk_ove', { min: 1, max: 5 }],
    ]);
  }, 60_000);

  it('the built-ins: 1–5 statements, the 1–3 checklist with ja / deels / nee, and the grade 1–10', async () => {
    const w = await study();
    const d = await w.ok('getDashboard', { networkId: w.network.id, waveIds: [], instrumentId: KS, breakdown: 'none' });
    expect(d.scales.every((x) => x.range.min === 1 && x.range.max === 5)).toBe(true);
    expect(item(d, 'ks_cijfer').range).toEqual({ min: 1, max: 10 });
    // The study's waves do not use the interprofessional instrument; its scales still come from the stored version.
    const ip = await w.ok('getDashboard', { networkId: w.network.id, waveIds: [], instrumentId: 'interprofessioneel-samenwerken', breakdown: 'none' });
    expect(scale(ip, 'ip_tpr').range).toEqual({ min: 1, max: 5 });
    expect(scale(ip, 'ip_kenmerk').range).toEqual({ min: 1, max: 3 });
    expect(scale(ip, 'ip_kenmerk').options!.map((o) => o.label.nl)).toEqual(['Nee', 'Deels', 'Ja']);
    expect(item(ip, 'ip_tpr_02').reverse).toBe(true);
    expect(item(ip, 'ip_tpr_01').reverse).toBe(false);
  }, 60_000);
});

describe('getDashboard on bad and unusual input', () => {
  async function network(name: string, instruments = [{ instrumentId: KS, version: 1 }]) {
    const s = open();
    const net = await s.ok('createNetwork', { name });
    const wave = await s.ok('createWave', { networkId: net.id, label: 'T0', kind: 'T0', plannedDate: null, instruments });
    return { ...s, net, wave };
  }

  it('a network without responses: empty numbers and a notice, no NaN', async () => {
    const w = await network('Leeg netwerk');
    const d = await w.ok('getDashboard', { networkId: w.net.id, waveIds: [], instrumentId: KS, breakdown: 'discipline' });
    expectNoNaN(d);
    expect(d.notices).toContainEqual({ code: 'no-responses', params: { waveId: w.wave.id, started: 0 } });
    expect(d.notices).toContainEqual({ code: 'breakdown-unavailable', params: { groupBy: 'discipline' } });
    expect(d.scales.every((s) => s.perWave.every((p) => p.stats.n === 0 && p.stats.mean === null && p.alpha.alpha === null))).toBe(true);
    expect(d.conversation).toEqual([]);
    expect(d.organisations).toEqual({ groupBy: 'organisation', groups: [], hiddenGroups: 0 });
    expect(d.breakdown).toEqual({ groupBy: 'discipline', groups: [], hiddenGroups: 0 });
  });

  it('a network without waves', async () => {
    const s = open();
    const net = await s.ok('createNetwork', { name: 'Zonder metingen' });
    const d = await s.ok('getDashboard', { networkId: net.id, waveIds: [], instrumentId: KS, breakdown: 'none' });
    expect(d.waves).toEqual([]);
    expect(d.notices).toContainEqual({ code: 'no-waves', params: {} });
    expect(d.scales.map((x) => x.scaleId)).toEqual(['ks_amb', 'ks_bel', 'ks_per', 'ks_org', 'ks_pro']);
  });

  it('a single respondent: everything suppressed, nothing of theirs shown', async () => {
    const w = await network('Eén respondent');
    await respond(w, w.wave.id, 'SOLO1', null, answersFor(4));
    const d = await w.ok('getDashboard', { networkId: w.net.id, waveIds: [], instrumentId: KS, breakdown: 'none' });
    expectNoNaN(d);
    expect(d.notices).toContainEqual({ code: 'single-respondent', params: { waveId: w.wave.id } });
    expect(d.scales.every((s) => s.perWave[0]!.stats.suppressed && s.perWave[0]!.stats.mean === null && s.perWave[0]!.alpha.alpha === null)).toBe(true);
    for (const it of d.items) {
      const stats = it.perWave[0]!.stats;
      if (stats.n + stats.declined > 0) expect(stats).toMatchObject({ suppressed: true, mean: null, median: null, distribution: null, shareAgree: null });
    }
    expect(d.conversation).toEqual([]);
  });

  it('all answers "weet niet": no scores, the distribution shows the declines, and a notice', async () => {
    const w = await network('Alles weet niet');
    const all9 = Object.fromEntries(['amb', 'bel', 'per', 'org', 'pro'].flatMap((c) => [1, 2, 3, 4].map((i) => [`ks_${c}_0${i}`, 9])));
    for (const code of ['WN001', 'WN002', 'WN003', 'WN004', 'WN005']) await respond(w, w.wave.id, code, null, all9);
    const d = await w.ok('getDashboard', { networkId: w.net.id, waveIds: [], instrumentId: KS, breakdown: 'none' });
    expectNoNaN(d);
    expect(d.notices).toContainEqual({ code: 'all-declined', params: { waveId: w.wave.id } });
    expect(d.scales.every((s) => s.perWave[0]!.stats.n === 0 && s.perWave[0]!.stats.mean === null)).toBe(true);
    const stats = d.items.find((i) => i.itemId === 'ks_amb_01')!.perWave[0]!.stats;
    expect(stats).toMatchObject({ n: 0, declined: 5, missing: 0, mean: null, shareAgree: null, suppressed: false });
    expect(stats.distribution!.find((o) => o.code === 9)!.count).toBe(5);
    // All five declined everything: the first statement of the first three conditions (one per condition)
    // are conversation points, all 5 of 5; nothing scores.
    expect(d.conversation.map((p) => (p.kind === 'dontKnow' ? [p.itemId, p.count, p.seen, p.share] : p.kind))).toEqual([
      ['ks_amb_01', 5, 5, 'all'],
      ['ks_bel_01', 5, 5, 'all'],
      ['ks_per_01', 5, 5, 'all'],
    ]);
  });

  it('an instrument version changed between waves: items in one version only are not compared, with notices', async () => {
    const s = open();
    const base = {
      id: 'teamscan',
      name: { nl: 'Teamscan', en: 'Team scan' },
      description: { nl: 'd', en: 'd' },
      attribution: { nl: 'a', en: 'a' },
      licence: { nl: 'l', en: 'l' },
      scales: [{ id: 'e5', options: [1, 2, 3, 4, 5].map((code) => ({ code, label: { nl: code === 5 ? 'Helemaal eens' : String(code), en: String(code) } })), notScored: [] }],
    };
    const def = (version: number, ids: string[]) => ({
      ...base,
      version,
      items: ids.map((id) => ({ id, type: 'scale', text: { nl: id, en: id }, label: { nl: id, en: id }, scale: 'e5', reverse: false })),
      subscales: [{ id: 'ts_team', label: { nl: 'Team', en: 'Team' }, items: ids, minAnsweredShare: 0.75 }],
      sections: [{ id: 'sec', title: { nl: 'S', en: 'S' }, items: ids }],
    });
    await s.ok('importInstrument', { definitionJson: JSON.stringify(def(1, ['ts_a', 'ts_b', 'ts_c', 'ts_d'])) });
    await s.ok('importInstrument', { definitionJson: JSON.stringify(def(2, ['ts_a', 'ts_b', 'ts_c', 'ts_e'])) });
    const net = await s.ok('createNetwork', { name: 'Versies' });
    const t0 = await s.ok('createWave', { networkId: net.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: 'teamscan', version: 1 }] });
    const t1 = await s.ok('createWave', { networkId: net.id, label: 'T1', kind: 'T1', plannedDate: null, instruments: [{ instrumentId: 'teamscan', version: 2 }] });
    const answer = async (waveId: string, code: string, values: Record<string, number>) => {
      const r = await s.ok('startResponse', { waveId, respondentCode: code, organisationId: null, mode: 'form' });
      for (const [itemId, value] of Object.entries(values)) await s.ok('saveAnswer', { responseId: r.id, instrumentId: 'teamscan', itemId, value, text: null });
      await s.ok('completeResponse', { responseId: r.id });
    };
    // Five people in both waves; ts_a goes from 2 to 4 for everyone except the last (3 → 4).
    for (let i = 0; i < 5; i++) {
      await answer(t0.id, `VV00${i}`, { ts_a: i === 4 ? 3 : 2, ts_b: 3, ts_c: 3, ts_d: 3 });
      await answer(t1.id, `VV00${i}`, { ts_a: 4, ts_b: 3, ts_c: 3, ts_e: 5 });
    }
    const d = await s.ok('getDashboard', { networkId: net.id, waveIds: [], instrumentId: 'teamscan', breakdown: 'none' });
    expectNoNaN(d);
    expect(d.notices).toContainEqual({ code: 'instrument-changed', params: { versions: 'T0: 1, T1: 2', items: 2 } });
    // Labels and order follow the newest version; the dropped item keeps its place after them.
    expect(d.items.map((i) => [i.itemId, i.presentIn.length])).toEqual([['ts_a', 2], ['ts_b', 2], ['ts_c', 2], ['ts_e', 1], ['ts_d', 1]]);
    expect(d.items.find((i) => i.itemId === 'ts_d')!.perWave[1]!.stats).toMatchObject({ n: 0, mean: null, distribution: null });
    const rows = d.comparisons[0]!.rows;
    expect(rows.find((r) => r.id === 'ts_d')!.notices).toEqual([{ code: 'not-in-both', params: { itemId: 'ts_d' } }]);
    expect(rows.find((r) => r.id === 'ts_e')!.paired).toMatchObject({ n: 0, meanDiff: null, tooSmall: true });
    expect(rows.find((r) => r.id === 'ts_team')!.notices).toEqual([{ code: 'scale-changed', params: { scaleId: 'ts_team' } }]);
    // ts_a: differences 2, 2, 2, 2, 1 → mean 1.8 (by hand); ties, so the normal approximation.
    const a = rows.find((r) => r.id === 'ts_a')!.paired;
    expect(a).toMatchObject({ n: 5, wilcoxonV: 15, wilcoxonMethod: 'normal', rankBiserial: 1 });
    expectRel(a.meanDiff, 1.8);
    // Team score T0: (2+3+3+3)/4 = 2.75 ×4 and 3 ×1; T1: (4+3+3+5)/4 = 3.75 for all.
    expectRel(d.scales[0]!.perWave[0]!.stats.mean, (4 * 2.75 + 3) / 5);
    expect(d.scales[0]!.perWave[1]!.stats).toMatchObject({ n: 5, mean: 3.75, sd: 0 });
  }, 60_000);

  it('refuses a wave of another network and an unknown instrument', async () => {
    const a = await network('Netwerk A');
    const b = await a.ok('createNetwork', { name: 'Netwerk B' });
    const other = await a.call('getDashboard', { networkId: b.id, waveIds: [a.wave.id], instrumentId: KS, breakdown: 'none' });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const unknown = await a.call('getDashboard', { networkId: a.net.id, waveIds: [], instrumentId: 'aitcs-ii', breakdown: 'none' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const unknownCompare = await a.call('compareNetworks', { networkIds: [a.net.id], instrumentId: 'aitcs-ii' });
    expect(unknownCompare).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
