/**
 * One partner organisation's dashboard through the real dispatcher over a real SQLite file: only
 * responses naming the organisation count, pairs only where both sides name it, and whatever the
 * network's spread between organisations would hide stays hidden. Every expected number is worked
 * out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../shared/results';
import { answersFor, KS, respond, type Services } from '../support/results-study';
import { useServices } from '../support/services';

const open = useServices();

function expectClose(actual: number | null, expected: number) {
  expect(actual, `expected ${expected}`).toBeTypeOf('number');
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

/*
 * "Netwerk Oost", self-made codes, minimum group size 5; Gedeelde ambitie (ks_amb) and rapportcijfer (ks_cijfer):
 *
 * T0  Zorggroep A   AA011 3.0/6  AB022 2.5/7  AC033 3.5/8  AD044 4.0/7  AE055 2.0/6  MO066 3.0/8   (6: amb 18/6 = 3.0, cijfer 42/6 = 7.0)
 *     Welzijn B     BA101 3.0    BB112 3.5    BC123 2.5                                           (3)
 *     no organisation NA134 2.0/6  NB145 4.0/6                                                    (2)
 * T1  Zorggroep A   AA011 3.5    AB022 3.0    AC033 3.5    AD044 4.5    AE055 2.5    AG077 2.0    (6: amb 19/6)
 *     Welzijn B     BA101 3.0    BB112 3.0    MO066 4.0 (moved from A)                           (3)
 *     no organisation NC156 3.0  ND167 3.0, no rapportcijfer                                      (2)
 * T2  Zorggroep A   the six codes of T1, amb 3.0 each                                             (6)
 *     Welzijn B     BA101 BB112 MO066, amb 3.0                                                    (3)
 *
 * B (3 < 5) is hidden in every wave. In T0 and T1 the rest of the network beside A is 3 + 2 = 5, so
 * A shows, except A's T1 rapportcijfer: beside A's 6 only B's 3 gave one, so the network's minus A's
 * would be B's. In T2 the rest is B's 3 alone: the network's numbers minus A's would be B's, so A is withheld.
 * A's pairs T0 → T1: AA011…AE055 (MO066 moved to B: a pair of the network, of neither organisation).
 *   differences 0.5 0.5 0 0.5 0.5 → mean 0.4; SD √(0.2/4) = √0.05; t = 0.4 / (√0.05/√5) = 4, df 4;
 *   two-sided p = 1 − I_{0.8}(1/2, 2) = 1 − (1.5·√0.8 − 0.5·0.8^1.5) (t² / (t² + 4) = 0.8).
 */
const A_T0 = [
  ['AA011', 3.0, 6],
  ['AB022', 2.5, 7],
  ['AC033', 3.5, 8],
  ['AD044', 4.0, 7],
  ['AE055', 2.0, 6],
  ['MO066', 3.0, 8],
] as const;
const A_T1 = [
  ['AA011', 3.5],
  ['AB022', 3.0],
  ['AC033', 3.5],
  ['AD044', 4.5],
  ['AE055', 2.5],
  ['AG077', 2.0],
] as const;

async function study(s: Services) {
  const network = await s.ok('createNetwork', { name: 'Netwerk Oost' });
  await s.ok('updateNetworkSettings', { networkId: network.id, consentNl: null, consentEn: null, codePolicy: 'self', idleSeconds: 180, minGroupSize: 5 });
  const a = await s.ok('addOrganisation', { networkId: network.id, name: 'Zorggroep A', sector: 'zorg', sizeClass: 'ge100' });
  const b = await s.ok('addOrganisation', { networkId: network.id, name: 'Welzijn B', sector: 'welzijn', sizeClass: 'lt100' });
  const instruments = [{ instrumentId: KS, version: 1 }];
  const [t0, t1, t2] = await Promise.all(
    (['T0', 'T1', 'T2'] as const).map((kind, i) => s.ok('createWave', { networkId: network.id, label: kind, kind, plannedDate: `202${6 + i}-01-15`, instruments })),
  );
  for (const [code, amb, cijfer] of A_T0) await respond(s, t0!.id, code, a.id, { ...answersFor(amb), ks_cijfer: cijfer });
  for (const [code, amb] of [['BA101', 3.0], ['BB112', 3.5], ['BC123', 2.5]] as const) await respond(s, t0!.id, code, b.id, { ...answersFor(amb), ks_cijfer: 5 });
  for (const [code, amb] of [['NA134', 2.0], ['NB145', 4.0]] as const) await respond(s, t0!.id, code, null, { ...answersFor(amb), ks_cijfer: 6 });
  for (const [code, amb] of A_T1) await respond(s, t1!.id, code, a.id, { ...answersFor(amb), ks_cijfer: 7 });
  for (const [code, amb] of [['BA101', 3.0], ['BB112', 3.0], ['MO066', 4.0]] as const) await respond(s, t1!.id, code, b.id, { ...answersFor(amb), ks_cijfer: 5 });
  for (const code of ['NC156', 'ND167']) await respond(s, t1!.id, code, null, answersFor(3.0));
  for (const [code] of A_T1) await respond(s, t2!.id, code, a.id, answersFor(3.0));
  for (const code of ['BA101', 'BB112', 'MO066']) await respond(s, t2!.id, code, b.id, answersFor(3.0));
  return { network, a, b, waves: [t0!, t1!, t2!] };
}

const amb = (d: Dashboard, wi: number) => d.scales.find((x) => x.scaleId === 'ks_amb')!.perWave[wi]!;
const cijfer = (d: Dashboard, wi: number) => d.items.find((x) => x.itemId === 'ks_cijfer')!.perWave[wi]!.stats;
const ambRow = (d: Dashboard, ci: number) => d.comparisons[ci]!.rows.find((r) => r.id === 'ks_amb')!;

describe("an organisation's dashboard", () => {
  it("counts only the organisation's responses, pairs only its own, and hides what the network's spread hides", async () => {
    const s = open();
    const { network, a, b, waves } = await study(s);
    const input = { networkId: network.id, waveIds: [], instrumentId: KS, breakdown: 'sector' as const };
    const whole = await s.ok('getDashboard', input);
    const ofA = await s.ok('getDashboard', { ...input, organisationId: a.id });
    const ofB = await s.ok('getDashboard', { ...input, organisationId: b.id });

    expect(whole.organisation).toBeNull();
    expect(ofA.organisation).toEqual({ id: a.id, name: 'Zorggroep A' });
    expect(ofA.counts.map((c) => c.complete)).toEqual([6, 6, 6]);
    expect(ofB.counts.map((c) => c.complete)).toEqual([3, 3, 3]);

    // A, T0 and T1: means by hand; T2 withheld although A has 6 there.
    expect(amb(ofA, 0).stats).toMatchObject({ n: 6, mean: 3.0, suppressed: false });
    expectClose(amb(ofA, 1).stats.mean, 19 / 6);
    expect(amb(ofA, 2).stats).toMatchObject({ mean: null, suppressed: true });
    expect(amb(ofA, 2).alpha.alpha).toBeNull();
    expect(cijfer(ofA, 0)).toMatchObject({ n: 6, mean: 7.0, suppressed: false });
    expect(cijfer(ofA, 1)).toMatchObject({ n: 6, mean: null, distribution: null, suppressed: true });
    expect(whole.items.find((x) => x.itemId === 'ks_cijfer')!.perWave[1]!.stats).toMatchObject({ n: 9, mean: (6 * 7 + 3 * 5) / 9 });
    expect(ofA.conversation.some((p) => p.itemId === 'ks_cijfer')).toBe(false);
    expect(ofA.comparisons[0]!.rows.find((r) => r.id === 'ks_cijfer')!.allRespondents.meanDiff).toBeNull();
    expect(ofA.items.find((x) => x.itemId === 'ks_amb_01')!.perWave[2]!.stats).toMatchObject({ n: 6, mean: null, distribution: null, suppressed: true });
    expect(ofA.notices).toContainEqual({ code: 'organisation-derivable', params: { waveId: waves[2]!.id, n: 6, min: 5 } });
    expect(ofA.notices.filter((n) => n.code.startsWith('organisation-'))).toHaveLength(1);

    // A's pairs: five, the mover is none of them.
    const t0t1 = ofA.comparisons[0]!;
    expect(t0t1.linking).toMatchObject({ matched: 5, tolerant: 0, unmatchedBaseline: 1, unmatchedFollowUp: 1 });
    const paired = ambRow(ofA, 0).paired;
    expect(paired).toMatchObject({ n: 5, df: 4, tooSmall: false });
    expectClose(paired.meanDiff, 0.4);
    expectClose(paired.t, 4);
    expectClose(paired.pT, 1 - (1.5 * Math.sqrt(0.8) - 0.5 * 0.8 ** 1.5));
    // All respondents: A's 6 against A's 6, of whom 5 paired.
    expect(ambRow(ofA, 0).allRespondents).toMatchObject({ nBaseline: 6, nFollowUp: 6, nPairs: 5 });
    // T0 → T2 uses the withheld wave: nothing.
    expect(ambRow(ofA, 1).paired).toMatchObject({ meanDiff: null, tooSmall: true });
    expect(ambRow(ofA, 1).allRespondents.meanDiff).toBeNull();
    // Conversation points come from T1, the latest wave A's numbers show.
    expect(ofA.conversation.length).toBeGreaterThan(0);
    expect(new Set(ofA.conversation.map((p) => p.waveId))).toEqual(new Set([waves[1]!.id]));

    // The network pairs the mover (5 of A + BA101, BB112 in T1 + MO066); B does not.
    expect(whole.comparisons[0]!.linking.matched).toBe(8);
    expect(ofB.comparisons[0]!.linking).toMatchObject({ matched: 2, unmatchedBaseline: 1, unmatchedFollowUp: 1 });

    // B: below the minimum in every wave, every number hidden, the reason given per wave.
    expect(ofB.notices.filter((n) => n.code === 'organisation-below-minimum')).toEqual(
      waves.map((w) => ({ code: 'organisation-below-minimum', params: { waveId: w.id, n: 3, min: 5 } })),
    );
    for (const wi of [0, 1, 2]) {
      for (const scale of ofB.scales) expect(scale.perWave[wi]!.stats).toMatchObject({ mean: null, sd: null, ciLow: null, suppressed: true });
      for (const item of ofB.items) expect(item.perWave[wi]!.stats).toMatchObject({ mean: null, median: null, distribution: null, shareAgree: null });
    }
    for (const c of ofB.comparisons) {
      for (const row of c.rows) {
        expect(row.paired.meanDiff).toBeNull();
        expect(row.allRespondents.meanDiff).toBeNull();
        expect(row.independent.meanDiff).toBeNull();
      }
    }
    expect(ofB.conversation).toEqual([]);
    expect(ofB.breakdown!.groups).toEqual([]);

    // One organisation has no spread; its response table is its own row only.
    expect(ofA.organisations.groups).toEqual([]);
    expect(ofA.spreadFallback).toBeNull();
    expect(ofA.responseByOrganisation.map((r) => r.organisationId)).toEqual([a.id]);
    // The sector breakdown of A: one sector, all of A, shown where A shows.
    expect(ofA.breakdown!.groups.map((g) => g.groupId)).toEqual(['zorg']);
    const zorg = ofA.breakdown!.groups[0]!.perScale.find((p) => p.scaleId === 'ks_amb')!.perWave;
    expect(zorg.map((p) => p.stats.mean)).toEqual([3.0, expect.closeTo(19 / 6, 12), null]);

    // The network's spread shows A exactly where A's own dashboard does, with the same numbers
    // (B below 5; in T2 A too, as B's complement).
    expect(whole.organisations.groups.map((g) => g.groupId)).toEqual([a.id]);
    const spreadA = whole.organisations.groups[0]!.perScale.find((p) => p.scaleId === 'ks_amb')!.perWave;
    expect(spreadA.map((p) => p.stats.mean)).toEqual([0, 1, 2].map((wi) => amb(ofA, wi).stats.mean));
    expect(spreadA[2]!.stats.suppressed).toBe(true);
    expect(amb(whole, 0).stats).toMatchObject({ n: 11, suppressed: false });
    expectClose(amb(whole, 0).stats.mean, (18 + 9 + 6) / 11);
  }, 60_000);

  it("refuses an unknown organisation and another network's", async () => {
    const s = open();
    const { network } = await study(s);
    const other = await s.ok('createNetwork', { name: 'Netwerk West' });
    const elsewhere = await s.ok('addOrganisation', { networkId: other.id, name: 'Elders', sector: 'zorg', sizeClass: 'ge100' });
    const input = { networkId: network.id, waveIds: [], instrumentId: KS, breakdown: 'none' as const };
    for (const organisationId of [elsewhere.id, '7d4f8a52-93c1-4b8e-a7f0-1c2d3e4f5a6b']) {
      const refused = await s.call('getDashboard', { ...input, organisationId });
      expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Deze organisatie hoort niet bij dit netwerk. Kies een organisatie uit de lijst.' } });
    }
  }, 60_000);
});
