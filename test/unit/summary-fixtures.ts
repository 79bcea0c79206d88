import type { AllRespondentsResult, ComparisonRow, Dashboard, ItemSeries, ItemStats, ScaleSeries, ScoreRange } from '../../shared/results';
import { allRespondents, hidden, independent, paired, shown } from './dashboard-fixtures';

/**
 * A small hand-made dashboard for the summary: two waves, five conditions on 1 to 5, a
 * rapportcijfer and a few statements, with changes whose verdicts are read off by hand:
 *
 *   condition  T0 (n)       T1 (n)      change over everyone        verdict (threshold 0,2 on 1–5)
 *   ks_amb     3,00 (10)    3,60 (12)   +0,60 [+0,10; +1,10]        interval above 0: duidelijk hoger
 *   ks_bel     3,20 (10)    3,25 (12)   +0,05 [−0,20; +0,30]        contains 0, |0,05| < 0,2: ongeveer gelijk
 *   ks_per     3,80 (10)    3,50 (12)   −0,30 [−0,70; +0,10]        contains 0, |−0,30| ≥ 0,2: mogelijk lager
 *   ks_org     2,50 (10)    2,00 (12)   −0,50 [−0,90; −0,10]        interval below 0: duidelijk lager
 *   ks_pro     – (3, hidden) 3,00 (12)  too small                   te weinig gegevens
 *
 * At T1 the strongest is ks_amb (3,60: (3,6 − 1)/4 = 0,65 of the range), the weakest ks_org
 * (2,00: 0,25). Biggest rise ks_amb (+0,60), biggest fall ks_org (−0,50; ks_per's −0,30 is smaller).
 * Rapportcijfer (ks_cijfer, number 1–10): 6,5 (10) → 7,2 (12), +0,70 [+0,20; +1,20]: duidelijk hoger.
 * Response: T0 12 started, 10 complete of 15 invited; T1 13 started, 12 complete of 15. Linked: 8 + 1 = 9.
 */
export const T0 = 'w0';
export const T1 = 'w1';
const FIVE: ScoreRange = { min: 1, max: 5 };
const lt = (nl: string, en = nl) => ({ nl, en });

const CONDITIONS: [string, string, string, [number | null, number], [number, number, number] | null][] = [
  ['ks_amb', 'Gedeelde ambitie', 'Shared ambition', [3.0, 3.6], [0.6, 0.1, 1.1]],
  ['ks_bel', 'Recht doen aan belangen', 'Doing justice to interests', [3.2, 3.25], [0.05, -0.2, 0.3]],
  ['ks_per', 'Goed persoonlijk samenwerken', 'Good personal collaboration', [3.8, 3.5], [-0.3, -0.7, 0.1]],
  ['ks_org', 'Professioneel organiseren', 'Professional organisation', [2.5, 2.0], [-0.5, -0.9, -0.1]],
  ['ks_pro', 'Betekenisgevend proces', 'Meaningful process', [null, 3.0], null],
];

const alpha = { alpha: null, n: 0, items: 4, smallSample: true, constantItems: 0, unavailable: null };

export function change(diff: number | null, low: number | null, high: number | null, over: Partial<AllRespondentsResult> = {}): AllRespondentsResult {
  return allRespondents({ nBaseline: 10, nFollowUp: 12, nPairs: 8, meanDiff: diff, ciLow: low, ciHigh: high, tooSmall: diff === null, ...over });
}

export const row = (kind: 'scale' | 'item', id: string, label: string, a: AllRespondentsResult, notices: ComparisonRow['notices'] = []): ComparisonRow => ({
  kind,
  id,
  label: lt(label),
  allRespondents: a,
  paired: paired(),
  independent: independent(),
  notices,
});

const itemStatsOf = (n: number, mean: number | null, declined = 0): ItemStats => ({
  n,
  missing: 0,
  declined,
  mean,
  sd: null,
  median: mean,
  q1: null,
  q3: null,
  distribution: null,
  shareAgree: null,
  suppressed: mean === null && n > 0,
});

export const statement = (itemId: string, scaleId: string | null, label: string, range: ScoreRange = FIVE): ItemSeries => ({
  itemId,
  label: lt(label),
  text: lt(label),
  type: 'scale',
  scaleId,
  range,
  reverse: false,
  presentIn: [T0, T1],
  perWave: [
    { waveId: T0, stats: itemStatsOf(10, 3) },
    { waveId: T1, stats: itemStatsOf(12, 3) },
  ],
});

export function summaryDashboard(): Dashboard {
  const scales: ScaleSeries[] = CONDITIONS.map(([scaleId, nl, en, [m0, m1]]) => ({
    scaleId,
    label: lt(nl, en),
    range: FIVE,
    options: null,
    perWave: [
      { waveId: T0, stats: m0 === null ? hidden(3) : shown(10, m0), alpha },
      { waveId: T1, stats: shown(12, m1), alpha },
    ],
  }));
  const grade: ItemSeries = {
    itemId: 'ks_cijfer',
    label: lt('Rapportcijfer', 'Overall grade'),
    text: lt('Welk rapportcijfer?'),
    type: 'number',
    scaleId: null,
    range: { min: 1, max: 10 },
    reverse: false,
    presentIn: [T0, T1],
    perWave: [
      { waveId: T0, stats: itemStatsOf(10, 6.5) },
      { waveId: T1, stats: itemStatsOf(12, 7.2) },
    ],
  };
  return {
    networkId: 'n1',
    networkName: 'Dementie Twente',
    organisation: null,
    instrumentId: 'kansrijke-samenwerking',
    instrumentName: { nl: 'Kansrijke samenwerking', en: 'Promising collaboration' },
    minGroupSize: 5,
    waves: [
      { waveId: T0, label: 'Nulmeting', kind: 'T0', plannedDate: null },
      { waveId: T1, label: 'Na 1 jaar', kind: 'T1', plannedDate: null },
    ],
    counts: [
      { waveId: T0, invited: 15, started: 12, complete: 10 },
      { waveId: T1, invited: 15, started: 13, complete: 12 },
    ],
    scales,
    items: [statement('ks_amb_01', 'ks_amb', 'Mate van gedeeldheid'), grade],
    comparisons: [
      {
        baselineWaveId: T0,
        followUpWaveId: T1,
        linking: { baselineWaveId: T0, followUpWaveId: T1, matched: 8, tolerant: 1, proposals: 0, rejected: 0, unmatchedBaseline: 1, unmatchedFollowUp: 3 },
        exploratory: true,
        rows: [
          ...CONDITIONS.map(([scaleId, nl, , , c]) => row('scale', scaleId, nl, c ? change(c[0], c[1], c[2]) : change(null, null, null, { nBaseline: 3 }))),
          row('item', 'ks_amb_01', 'Mate van gedeeldheid', change(0.2, -0.1, 0.5)),
          row('item', 'ks_cijfer', 'Rapportcijfer', change(0.7, 0.2, 1.2)),
        ],
      },
    ],
    organisations: { groupBy: 'organisation', groups: [], hiddenGroups: 0 },
    spreadFallback: null,
    breakdown: null,
    responseByOrganisation: [],
    conversation: [],
    notices: [],
  };
}

/** The same dashboard with its first wave only: no comparison. */
export function oneWave(d: Dashboard): Dashboard {
  d.waves = d.waves.slice(0, 1);
  d.comparisons = [];
  for (const s of d.scales) s.perWave = s.perWave.slice(0, 1);
  return d;
}
