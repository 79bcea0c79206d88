import { describe, expect, it } from 'vitest';
import { partnernetwerk } from '../../shared/instruments/partnernetwerk';
import type { WaveRelationRow } from '../../electron/db/repositories/relation-answers';
import { layoutPartners, partnerNetworkChanges, partnerNetworkOfWave } from '../../electron/services/results/partner-network';
import { useServices } from '../support/services';

/**
 * The partner network's numbers against values worked out by hand on a small graph, then the same
 * through the real services on a real SQLite file.
 *
 * Four organisations A, B, C, D; minimum group k = 3. Frequency codes: 1 nooit, 2 een paar keer per
 * jaar, 3 maandelijks, 4 wekelijks, 5 (bijna) dagelijks, 9 ken ik niet.
 *
 *   A's a1–a3 about B: 4, 4, 3 (all work with B)           → tie A→B, mean (4+4+3)/3 = 11/3
 *             about C: 1, 1, 2 (1 of 3 works with C)       → no tie (less than half)
 *             about D: 9, 9, 9 (ken ik niet)                → no reporters, no tie
 *   B's b1–b3 about A: 2, 3, 3                              → tie B→A, mean 8/3
 *             about C: 5, 5, 1 (2 of 3)                     → tie B→C, mean 11/3
 *   C's c1–c3 about D: 3, 3, 1 (2 of 3)                     → tie C→D, mean 7/3
 *   D's d1–d4 about A: 2, 2, 1, 1 (exactly half)            → tie D→A, mean 6/4 = 1.5
 *
 * Shown ties A→B, B→A, B→C, C→D, D→A: 5 of 4 × 3 = 12 possible, density 5/12.
 * Out-degree A 1, B 2, C 1, D 1; in-degree A 2 (B, D), B 1 (A), C 1 (B), D 1 (C). Centrality is
 * degree / (4 − 1): out A 1/3, B 2/3, C 1/3, D 1/3; in A 2/3, B 1/3, C 1/3, D 1/3; total (in + out)
 * A 3/3, B 3/3, C 2/3, D 2/3.
 * Reciprocity: A→B and B→A are mutual, 2 of 5 ties = 0.4.
 */

const PA = partnernetwerk;
const orgs = ['A', 'B', 'C', 'D'].map((id) => ({ id, name: `Organisatie ${id}`, archived: false }));
const wave = { id: 'w0', label: 'T0' };

type Said = [response: string, from: string | null, to: string, item: 'pa_frequentie' | 'pa_vertrouwen' | 'pa_waarde', value: number];
const rows = (said: Said[]): WaveRelationRow[] =>
  said.map(([responseId, fromOrganisationId, toOrganisationId, itemId, value]) => ({ responseId, fromOrganisationId, toOrganisationId, itemId, value, instrumentId: PA.id }));
const freq = (responses: string[], from: string, to: string, codes: number[]): Said[] => responses.map((r, i) => [r, from, to, 'pa_frequentie', codes[i]!]);
const trust = (responses: string[], from: string, to: string, codes: number[]): Said[] => responses.map((r, i) => [r, from, to, 'pa_vertrouwen', codes[i]!]);

const a = ['a1', 'a2', 'a3'];
const b = ['b1', 'b2', 'b3'];
const c = ['c1', 'c2', 'c3'];
const d = ['d1', 'd2', 'd3', 'd4'];

const answers: Said[] = [
  ...freq(a, 'A', 'B', [4, 4, 3]),
  ...trust(a, 'A', 'B', [3, 4, 4]),
  ...freq(a, 'A', 'C', [1, 1, 2]),
  // a1 never works with C: the trust given anyway counts nowhere.
  ['a1', 'A', 'C', 'pa_vertrouwen', 1],
  ...freq(a, 'A', 'D', [9, 9, 9]),
  ...freq(b, 'B', 'A', [2, 3, 3]),
  ...trust(b, 'B', 'A', [2, 3, 4]),
  ...freq(b, 'B', 'C', [5, 5, 1]),
  ...trust(['b1', 'b2'], 'B', 'C', [4, 4]),
  ...freq(c, 'C', 'D', [3, 3, 1]),
  ...freq(d, 'D', 'A', [2, 2, 1, 1]),
  ...trust(['d1', 'd2'], 'D', 'A', [4, 4]),
  // No organisation given, and an answer about the own organisation: no place in the graph.
  ['x1', null, 'A', 'pa_frequentie', 5],
  ['a1', 'A', 'A', 'pa_frequentie', 5],
];

const tieList = (w: ReturnType<typeof partnerNetworkOfWave>) => w.ties.map((t) => `${t.from}→${t.to}`);
const byNode = (w: ReturnType<typeof partnerNetworkOfWave>, field: 'inCentrality' | 'outCentrality' | 'degreeCentrality' | 'inDegree' | 'outDegree') =>
  Object.fromEntries(w.nodes.map((n) => [n.organisationId, n[field]]));

describe('partner network metrics on a small graph, by hand', () => {
  const full = partnerNetworkOfWave({ def: PA, organisations: orgs, answers: rows(answers), minGroupSize: 3, wave });

  it('counts a tie when at least half of its reporters work with the other, and gives the mean frequency', () => {
    expect(tieList(full)).toEqual(['A→B', 'B→A', 'B→C', 'C→D', 'D→A']);
    expect(full.ties.map((t) => [t.reporters, t.meanFrequency])).toEqual([
      [3, 11 / 3],
      [3, 8 / 3],
      [3, 11 / 3],
      [3, 7 / 3],
      [4, 1.5],
    ]);
    expect(full.ties.map((t) => t.mutual)).toEqual([true, true, false, false, false]);
    expect(full.tiesSuppressed).toBe(0);
  });

  it('gives density 5/12, reciprocity 2/5 and degree centrality per organisation as computed by hand', () => {
    expect(full.density).toBeCloseTo(5 / 12, 12);
    expect(full.reciprocity).toBeCloseTo(2 / 5, 12);
    expect(byNode(full, 'outDegree')).toEqual({ A: 1, B: 2, C: 1, D: 1 });
    expect(byNode(full, 'inDegree')).toEqual({ A: 2, B: 1, C: 1, D: 1 });
    const third = 1 / 3;
    for (const [id, expected] of Object.entries({ A: third, B: 2 * third, C: third, D: third })) expect(byNode(full, 'outCentrality')[id], id).toBeCloseTo(expected, 12);
    for (const [id, expected] of Object.entries({ A: 2 * third, B: third, C: third, D: third })) expect(byNode(full, 'inCentrality')[id], id).toBeCloseTo(expected, 12);
    for (const [id, expected] of Object.entries({ A: 1, B: 1, C: 2 * third, D: 2 * third })) expect(byNode(full, 'degreeCentrality')[id], id).toBeCloseTo(expected, 12);
    // Respondents who count: 3 + 3 + 3 + 4 (x1 has no organisation).
    expect(full.respondents).toBe(13);
  });

  it('gives trust as rated by the other organisations only from k raters who work with them, and per tie likewise', () => {
    const node = (id: string) => full.nodes.find((n) => n.organisationId === id)!;
    // A: b1–b3 (2, 3, 4) and d1, d2 (4, 4): 17/5.
    expect(node('A').trust).toEqual({ mean: 17 / 5, n: 5 });
    // B: a1–a3 (3, 4, 4): 11/3.
    expect(node('B').trust.n).toBe(3);
    expect(node('B').trust.mean).toBeCloseTo(11 / 3, 12);
    // C: only b1, b2 (a1's 1 does not count: a1 never works with C): below k, no mean.
    expect(node('C').trust).toEqual({ mean: null, n: 2 });
    expect(node('D').trust).toEqual({ mean: null, n: 0 });
    const tie = (from: string, to: string) => full.ties.find((t) => t.from === from && t.to === to)!;
    expect(tie('B', 'A').meanTrust).toBe(3);
    expect(tie('D', 'A').meanTrust).toBeNull();
    expect(tie('A', 'B').meanValue).toBeNull();
  });

  it('leaves out a tie fewer than k respondents reported, and computes every metric without it', () => {
    // c3 did not answer about D: C→D has 2 reporters (3, 3), it counts but is not shown.
    const fewer = answers.filter(([r, , to]) => !(r === 'c3' && to === 'D'));
    const w = partnerNetworkOfWave({ def: PA, organisations: orgs, answers: rows(fewer), minGroupSize: 3, wave });
    expect(tieList(w)).toEqual(['A→B', 'B→A', 'B→C', 'D→A']);
    expect(w.tiesSuppressed).toBe(1);
    // 4 of 12 ties; 2 of 4 mutual. Out A 1, B 2, C 0, D 1; in A 2, B 1, C 1, D 0; total A 3, B 3, C 1, D 1 (÷ 3).
    expect(w.density).toBeCloseTo(4 / 12, 12);
    expect(w.reciprocity).toBeCloseTo(2 / 4, 12);
    const third = 1 / 3;
    for (const [id, expected] of Object.entries({ A: 1, B: 1, C: third, D: third })) expect(byNode(w, 'degreeCentrality')[id], id).toBeCloseTo(expected, 12);
    expect(byNode(w, 'outDegree')).toEqual({ A: 1, B: 2, C: 0, D: 1 });
    expect(byNode(w, 'inDegree')).toEqual({ A: 2, B: 1, C: 1, D: 0 });

    // Against the full graph as baseline: ties 5 → 4, density 5/12 → 4/12, reciprocity 0.4 → 0.5; C and D go from 2/3 to 1/3.
    const [change] = partnerNetworkChanges([full, w]);
    expect(change!.metrics.map((m) => [m.metric, m.baseline, m.value])).toEqual([
      ['ties', 5, 4],
      ['density', 5 / 12, 4 / 12],
      ['reciprocity', 0.4, 0.5],
    ]);
    expect(change!.metrics[1]!.change).toBeCloseTo(-1 / 12, 12);
    expect(Object.fromEntries(change!.organisations.map((o) => [o.organisationId, Math.round(o.change * 3)]))).toEqual({ A: 0, B: 0, C: -1, D: -1 });
  });

  it('places the organisations the same way every time, inside the map', () => {
    const ties = [
      { from: 'A', to: 'B' },
      { from: 'B', to: 'C' },
    ];
    const first = layoutPartners(['A', 'B', 'C', 'D'], ties);
    expect(layoutPartners(['A', 'B', 'C', 'D'], ties)).toEqual(first);
    for (const { x, y } of first.values()) {
      expect(x >= 0.12 - 1e-9 && x <= 0.88 + 1e-9, `x ${x}`).toBe(true);
      expect(y >= 0.08 - 1e-9 && y <= 0.86 + 1e-9, `y ${y}`).toBe(true);
    }
    expect(new Set([...first.values()].map((p) => `${p.x.toFixed(3)},${p.y.toFixed(3)}`)).size).toBe(4);
  });
});

const open = useServices();

describe('the partner network through the services', () => {
  it('counts only submitted questionnaires, per wave that used the instrument, against the network\'s minimum group', async () => {
    const s = open();
    const network = await s.ok('createNetwork', { name: 'Wijknetwerk Zuid' });
    await s.ok('updateNetworkSettings', { networkId: network.id, consentNl: null, consentEn: null, codePolicy: 'free', idleSeconds: 120, minGroupSize: 3 });
    const add = (name: string) => s.ok('addOrganisation', { networkId: network.id, name, sector: 'zorg', sizeClass: null });
    const [thuiszorg, huisarts, welzijn] = [await add('Thuiszorg'), await add('Huisarts'), await add('Welzijn')];
    const waveOf = (label: string, kind: 'T0' | 'T1') =>
      s.ok('createWave', { networkId: network.id, label, kind, plannedDate: null, instruments: [{ instrumentId: 'partnernetwerk', version: 1 }] });
    const t0 = await waveOf('T0', 'T0');
    const t1 = await waveOf('T1', 'T1');
    let n = 0;
    const respond = async (waveId: string, organisationId: string, about: Record<string, number>, submit = true) => {
      const r = await s.ok('startResponse', { waveId, respondentCode: `RSP${String(++n).padStart(3, '0')}`, organisationId, mode: 'form' });
      for (const [to, value] of Object.entries(about)) await s.ok('saveRelationAnswer', { responseId: r.id, instrumentId: 'partnernetwerk', itemId: 'pa_frequentie', organisationId: to, value });
      if (submit) await s.ok('completeResponse', { responseId: r.id });
    };
    // T0: three of Thuiszorg work with Huisarts weekly; two of Huisarts with Thuiszorg (too few to show).
    for (let i = 0; i < 3; i++) await respond(t0.id, thuiszorg.id, { [huisarts.id]: 4, [welzijn.id]: 1 });
    for (let i = 0; i < 2; i++) await respond(t0.id, huisarts.id, { [thuiszorg.id]: 3 });
    // An unfinished questionnaire does not count, even though it would make three.
    await respond(t0.id, huisarts.id, { [thuiszorg.id]: 3 }, false);
    // T1: now Huisarts has three too.
    for (let i = 0; i < 3; i++) await respond(t1.id, thuiszorg.id, { [huisarts.id]: 5 });
    for (let i = 0; i < 3; i++) await respond(t1.id, huisarts.id, { [thuiszorg.id]: 2 });

    const result = await s.ok('getPartnerNetwork', { networkId: network.id, instrumentId: 'partnernetwerk' });
    expect(result.minGroupSize).toBe(3);
    expect(result.waves.map((w) => w.waveLabel)).toEqual(['T0', 'T1']);
    const [w0, w1] = result.waves;
    const names = new Map([thuiszorg, huisarts, welzijn].map((o) => [o.id, o.name]));
    expect(w0!.ties.map((t) => `${names.get(t.from)}→${names.get(t.to)} ${t.reporters} ${t.meanFrequency}`)).toEqual(['Thuiszorg→Huisarts 3 4']);
    expect(w0!.tiesSuppressed).toBe(1);
    // 1 of 3 × 2 = 6 possible ties; no tie mutual.
    expect(w0!.density).toBeCloseTo(1 / 6, 12);
    expect(w0!.reciprocity).toBe(0);
    expect(w1!.ties.map((t) => `${names.get(t.from)}→${names.get(t.to)} ${t.reporters} ${t.meanFrequency} ${t.mutual}`)).toEqual(['Huisarts→Thuiszorg 3 2 true', 'Thuiszorg→Huisarts 3 5 true']);
    expect(w1!.density).toBeCloseTo(2 / 6, 12);
    expect(w1!.reciprocity).toBe(1);
    expect(result.changes[0]!.metrics.map((m) => [m.metric, m.baseline, m.value])).toEqual([
      ['ties', 1, 2],
      ['density', 1 / 6, 2 / 6],
      ['reciprocity', 0, 1],
    ]);
    // Ties in the order of the organisations (by name). One place per organisation, the same in both waves.
    expect(w0!.nodes.map((o) => [o.x, o.y])).toEqual(w1!.nodes.map((o) => [o.x, o.y]));
  });
});
