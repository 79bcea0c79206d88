import type { AllRespondentsResult, Dashboard, IndependentResult, ItemSeries, ItemStats, PairedResult, ScaleStats } from '../../shared/results';

/**
 * Hand-made Dashboard objects for the renderer's results helpers (and for looking at the screen
 * before the results service exists). Numbers are invented; what matters is their shape: shown,
 * suppressed and missing values side by side.
 */

export const W0 = '00000000-0000-4000-8000-000000000000';
export const W1 = '11111111-1111-4111-8111-111111111111';
export const W2 = '22222222-2222-4222-8222-222222222222';

const CONDITIONS: [string, string, string][] = [
  ['ks_amb', 'Gedeelde ambitie', 'Shared ambition'],
  ['ks_bel', 'Recht doen aan belangen', 'Doing justice to interests'],
  ['ks_per', 'Goed persoonlijk samenwerken', 'Good personal collaboration'],
  ['ks_org', 'Professioneel organiseren', 'Professional organisation'],
  ['ks_pro', 'Betekenisgevend proces', 'Meaningful process'],
];

export const OPTIONS = [
  { code: 1, label: { nl: 'Helemaal oneens', en: 'Strongly disagree' }, scored: true },
  { code: 2, label: { nl: 'Oneens', en: 'Disagree' }, scored: true },
  { code: 3, label: { nl: 'Neutraal', en: 'Neutral' }, scored: true },
  { code: 4, label: { nl: 'Eens', en: 'Agree' }, scored: true },
  { code: 5, label: { nl: 'Helemaal eens', en: 'Strongly agree' }, scored: true },
  { code: 9, label: { nl: 'Weet niet / n.v.t.', en: 'Don’t know / not applicable' }, scored: false },
];

export const shown = (n: number, mean: number, sd = 0.8): ScaleStats => ({
  n,
  mean,
  sd,
  ciLow: mean - 0.5,
  ciHigh: mean + 0.5,
  suppressed: false,
});
export const hidden = (n: number): ScaleStats => ({ n, mean: null, sd: null, ciLow: null, ciHigh: null, suppressed: true });

export function itemStats(counts: number[]): ItemStats {
  // counts for codes 1..5 and 9
  const scored = counts.slice(0, 5);
  const n = scored.reduce((a, b) => a + b, 0);
  const mean = n === 0 ? null : scored.reduce((sum, c, i) => sum + c * (i + 1), 0) / n;
  return {
    n,
    missing: 1,
    declined: counts[5] ?? 0,
    mean,
    sd: n > 1 ? 0.9 : null,
    median: mean,
    q1: mean,
    q3: mean,
    distribution: OPTIONS.map((o, i) => ({ ...o, count: counts[i] ?? 0 })),
    shareAgree: n === 0 ? null : ((scored[3] ?? 0) + (scored[4] ?? 0)) / n,
    suppressed: false,
  };
}

const suppressedItem: ItemStats = {
  n: 3,
  missing: 0,
  declined: 0,
  mean: null,
  sd: null,
  median: null,
  q1: null,
  q3: null,
  distribution: null,
  shareAgree: null,
  suppressed: true,
};

export const allRespondents = (over: Partial<AllRespondentsResult> = {}): AllRespondentsResult => ({
  nBaseline: 14,
  nFollowUp: 12,
  nPairs: 9,
  meanDiff: 0.36,
  ciLow: 0.02,
  ciHigh: 0.7,
  t: 2.2,
  df: 14.6,
  p: 0.044,
  tooSmall: false,
  ...over,
});

export const paired = (over: Partial<PairedResult> = {}): PairedResult => ({
  n: 9,
  meanDiff: 0.42,
  ciLow: -0.05,
  ciHigh: 0.89,
  t: 2.05,
  df: 8,
  pT: 0.0745,
  wilcoxonV: 33.5,
  pWilcoxon: 0.0812,
  wilcoxonMethod: 'normal',
  dz: 0.68,
  rankBiserial: 0.49,
  tooSmall: false,
  ...over,
});

export const independent = (over: Partial<IndependentResult> = {}): IndependentResult => ({
  nBaseline: 5,
  nFollowUp: 6,
  meanDiff: -0.2,
  welchT: -0.61,
  welchDf: 8.7,
  pWelch: 0.557,
  mannWhitneyW: 12,
  pMannWhitney: 0.0004,
  mannWhitneyMethod: 'exact',
  rankBiserial: -0.2,
  tooSmall: false,
  ...over,
});

const means: Record<string, [number, number, number]> = {
  ks_amb: [3.4, 3.85, 4.05],
  ks_bel: [3.1, 3.3, 3.6],
  ks_per: [3.9, 3.7, 3.95],
  ks_org: [2.8, 3.25, 3.1],
  ks_pro: [3.0, 3.4, 3.55],
};

/** Three waves, five conditions: T0 shows all, T1 withholds "Professioneel organiseren", T2 is small. */
/** An organisation without an expected number of participants, taking part. */
const noExpectation = { expected: null, archived: false, leftOn: null };

export function richDashboard(): Dashboard {
  const waves = [
    { waveId: W0, label: 'T0', kind: 'T0' as const, plannedDate: '2026-01-15' },
    { waveId: W1, label: 'T1', kind: 'T1' as const, plannedDate: '2027-01-15' },
    { waveId: W2, label: 'T2', kind: 'T2' as const, plannedDate: null },
  ];
  const scales = CONDITIONS.map(([scaleId, nl, en]) => ({
    scaleId,
    label: { nl, en },
    range: { min: 1, max: 5 },
    options: OPTIONS.filter((o) => o.scored).map(({ code, label }) => ({ code, label })),
    perWave: waves.map((w, i) => ({
      waveId: w.waveId,
      stats: scaleId === 'ks_org' && i === 1 ? hidden(4) : shown([14, 12, 9][i]!, means[scaleId]![i]!),
      alpha: { alpha: i === 2 ? null : 0.81 - i * 0.05, n: [13, 11, 2][i]!, items: 4, smallSample: true, constantItems: 0, unavailable: i === 2 ? ('too-small' as const) : null },
    })),
  }));
  const items: ItemSeries[] = CONDITIONS.flatMap(([scaleId, nl]) =>
    [1, 2, 3, 4].map((k) => ({
      itemId: `${scaleId}_0${k}`,
      label: { nl: `${nl} ${k}`, en: `Indicator ${scaleId} ${k}` },
      text: { nl: `Uitspraak ${k}`, en: `Statement ${k}` },
      type: 'scale' as const,
      scaleId,
      range: { min: 1, max: 5 },
      // One reverse-keyed statement: "Betekenisgevend proces 2".
      reverse: scaleId === 'ks_pro' && k === 2,
      presentIn: scaleId === 'ks_pro' && k === 4 ? [W0, W1] : [W0, W1, W2],
      perWave: waves.map((w, i) => ({
        waveId: w.waveId,
        stats:
          scaleId === 'ks_org' && i === 1
            ? suppressedItem
            : scaleId === 'ks_pro' && k === 4 && i === 2
              ? { ...suppressedItem, n: 0, suppressed: false }
              : itemStats([[1, 2, 4, 5, 2, 1], [0, 1, 3, 6, 2, 2], [0, 1, 2, 4, 2, 0]][i]!.map((c, j) => c + ((k + j) % 2))),
      })),
    })),
  );
  items.push({
    itemId: 'ks_cijfer',
    label: { nl: 'Rapportcijfer', en: 'Overall grade' },
    text: { nl: 'Welk rapportcijfer?', en: 'What grade?' },
    type: 'number',
    scaleId: null,
    range: { min: 1, max: 10 },
    reverse: false,
    presentIn: [W0, W1, W2],
    perWave: waves.map((w) => ({ waveId: w.waveId, stats: { ...itemStats([0, 0, 0, 0, 0, 0]), distribution: null, n: 12, mean: 7.1 } })),
  });
  const groupStats = (base: number) => waves.map((w, i) => ({ waveId: w.waveId, stats: i === 2 ? hidden(3) : shown(6, base + i * 0.2) }));
  return {
    networkId: '33333333-3333-4333-8333-333333333333',
    networkName: 'Dementie Twente',
    organisation: null,
    instrumentId: 'kansrijke-samenwerking',
    instrumentName: { nl: 'Kansrijke samenwerking', en: 'Promising collaboration' },
    minGroupSize: 5,
    waves,
    counts: [
      { waveId: W0, invited: 20, started: 15, complete: 14 },
      { waveId: W1, invited: 20, started: 13, complete: 12 },
      { waveId: W2, invited: null, started: 9, complete: 9 },
    ],
    scales,
    items,
    comparisons: [W1, W2].map((f, fi) => ({
      baselineWaveId: W0,
      followUpWaveId: f,
      linking: { baselineWaveId: W0, followUpWaveId: f, matched: 9 - fi * 5, tolerant: 1, proposals: 0, rejected: 0, unmatchedBaseline: 5, unmatchedFollowUp: 3 },
      exploratory: true as const,
      rows: [
        ...CONDITIONS.map(([scaleId, nl, en]) => ({
          kind: 'scale' as const,
          id: scaleId,
          label: { nl, en },
          allRespondents: allRespondents(fi === 1 ? { nPairs: 4 } : {}),
          paired:
            fi === 1
              ? paired({ n: 4, tooSmall: true, meanDiff: null, ciLow: null, ciHigh: null, t: null, df: null, pT: null, wilcoxonV: null, pWilcoxon: null, wilcoxonMethod: null, dz: null, rankBiserial: null })
              : paired(),
          independent: independent(),
          notices: [],
        })),
        {
          kind: 'item' as const,
          id: 'ks_pro_04',
          label: { nl: 'Betekenisgevend proces 4', en: 'Indicator ks_pro 4' },
          allRespondents: allRespondents({ meanDiff: null, ciLow: null, ciHigh: null, t: null, df: null, p: null, tooSmall: true }),
          paired: paired({ meanDiff: null, ciLow: null, ciHigh: null, t: null, df: null, pT: null, wilcoxonV: null, pWilcoxon: null, dz: null, rankBiserial: null, wilcoxonMethod: null }),
          independent: independent({ meanDiff: null, welchT: null, welchDf: null, pWelch: null, mannWhitneyW: null, pMannWhitney: null, rankBiserial: null, mannWhitneyMethod: null }),
          notices: [{ code: 'not-in-both', params: { itemId: 'ks_pro_04' } }],
        },
      ],
    })),
    organisations: {
      groupBy: 'organisation',
      groups: [
        { groupId: 'org-a', label: { nl: 'Thuiszorg Oost', en: 'Thuiszorg Oost' }, perScale: CONDITIONS.map(([scaleId], k) => ({ scaleId, perWave: groupStats(3 + k * 0.2) })) },
        { groupId: 'org-b', label: { nl: 'Welzijn Twente', en: 'Welzijn Twente' }, perScale: CONDITIONS.map(([scaleId], k) => ({ scaleId, perWave: groupStats(3.8 - k * 0.25) })) },
      ],
      hiddenGroups: 2,
    },
    spreadFallback: null,
    breakdown: {
      groupBy: 'role',
      groups: [
        { groupId: '1', label: { nl: 'Professional (zorg of welzijn)', en: 'Professional' }, perScale: CONDITIONS.map(([scaleId], k) => ({ scaleId, perWave: groupStats(3.2 + k * 0.1) })) },
        { groupId: '2', label: { nl: 'Leidinggevende of bestuurder', en: 'Manager' }, perScale: CONDITIONS.map(([scaleId], k) => ({ scaleId, perWave: groupStats(3.6 - k * 0.1) })) },
      ],
      hiddenGroups: 1,
    },
    responseByOrganisation: [
      { organisationId: 'org-a', name: 'Thuiszorg Oost', ...noExpectation, perWave: waves.map((w, i) => ({ waveId: w.waveId, started: 7 - i, complete: 6 - i, ofExpected: null })) },
      { organisationId: 'org-b', name: 'Welzijn Twente', ...noExpectation, perWave: waves.map((w) => ({ waveId: w.waveId, started: 6, complete: 6, ofExpected: null })) },
      {
        organisationId: 'org-c',
        name: 'Huisartsen Centrum',
        ...noExpectation,
        perWave: waves.map((w, i) => ({ waveId: w.waveId, started: i === 2 ? 0 : 2, complete: i === 2 ? 0 : 1, ofExpected: null })),
      },
    ],
    conversation: [
      {
        kind: 'low',
        itemId: 'ks_org_03',
        label: { nl: 'Daadkracht', en: 'Decisiveness' },
        scaleId: 'ks_org',
        waveId: W1,
        mean: 2.45,
        range: { min: 1, max: 5 },
        prompt: { nl: 'Welke resultaten hadden we ons voorgenomen, en wat houdt ons tegen?', en: 'Which results did we set out to achieve, and what holds us back?' },
      },
      {
        kind: 'dontKnow',
        itemId: 'ks_bel_02',
        label: { nl: 'Waardecreatie', en: 'Value creation' },
        scaleId: 'ks_bel',
        waveId: W1,
        count: 3,
        seen: 10,
        share: 'third',
        prompt: { nl: 'Weten partners wat de samenwerking de ander oplevert?', en: 'Do partners know what the collaboration brings the others?' },
      },
    ],
    notices: [
      { code: 'alpha-small-n', params: { threshold: 30 } },
      { code: 'instrument-changed', params: { versions: 'T0: 1, T1: 1, T2: 2', items: 1 } },
      { code: 'no-scores', params: { waveId: W1, scaleId: 'ks_org' } },
      { code: 'something-new-from-a-later-version', params: { n: 3 } },
    ],
  };
}

/** One wave, no responses at all: every statistic is missing. */
export function emptyDashboard(): Dashboard {
  const d = richDashboard();
  const wave = d.waves[0]!;
  return {
    ...d,
    waves: [wave],
    counts: [{ waveId: wave.waveId, invited: null, started: 0, complete: 0 }],
    scales: d.scales.map((s) => ({
      ...s,
      perWave: [{ waveId: wave.waveId, stats: { n: 0, mean: null, sd: null, ciLow: null, ciHigh: null, suppressed: false }, alpha: { alpha: null, n: 0, items: 4, smallSample: true, constantItems: 0, unavailable: 'too-few-respondents' as const } }],
    })),
    items: d.items.map((it) => ({
      ...it,
      presentIn: [wave.waveId],
      perWave: [{ waveId: wave.waveId, stats: { n: 0, missing: 0, declined: 0, mean: null, sd: null, median: null, q1: null, q3: null, distribution: null, shareAgree: null, suppressed: false } }],
    })),
    comparisons: [],
    organisations: { groupBy: 'organisation', groups: [], hiddenGroups: 0 },
    spreadFallback: null,
    breakdown: null,
    responseByOrganisation: [],
    conversation: [],
    notices: [{ code: 'no-responses', params: { waveId: wave.waveId } }],
  };
}

/** Two waves where everything is suppressed or "weet niet" (a single respondent, all declined). */
export function suppressedDashboard(): Dashboard {
  const d = richDashboard();
  const waves = d.waves.slice(0, 2);
  return {
    ...d,
    waves,
    counts: waves.map((w) => ({ waveId: w.waveId, invited: null, started: 1, complete: 1 })),
    scales: d.scales.map((s) => ({ ...s, perWave: waves.map((w) => ({ waveId: w.waveId, stats: hidden(1), alpha: { alpha: null, n: 1, items: 4, smallSample: true, constantItems: 0, unavailable: 'too-small' as const } })) })),
    items: d.items.map((it) => ({
      ...it,
      perWave: waves.map((w) => ({ waveId: w.waveId, stats: { ...suppressedItem, n: 0, declined: 1, suppressed: true } })),
    })),
    comparisons: [
      {
        baselineWaveId: waves[0]!.waveId,
        followUpWaveId: waves[1]!.waveId,
        linking: { baselineWaveId: waves[0]!.waveId, followUpWaveId: waves[1]!.waveId, matched: 1, tolerant: 0, proposals: 0, rejected: 0, unmatchedBaseline: 0, unmatchedFollowUp: 0 },
        exploratory: true,
        rows: d.scales.map((s) => ({
          kind: 'scale' as const,
          id: s.scaleId,
          label: s.label,
          allRespondents: allRespondents({ nBaseline: 1, nFollowUp: 1, nPairs: 1, tooSmall: true, meanDiff: null, ciLow: null, ciHigh: null, t: null, df: null, p: null }),
          paired: paired({ n: 1, tooSmall: true, meanDiff: null, ciLow: null, ciHigh: null, t: null, df: null, pT: null, wilcoxonV: null, pWilcoxon: null, wilcoxonMethod: null, dz: null, rankBiserial: null }),
          independent: independent({ nBaseline: 0, nFollowUp: 0, tooSmall: true, meanDiff: null, welchT: null, welchDf: null, pWelch: null, mannWhitneyW: null, pMannWhitney: null, mannWhitneyMethod: null, rankBiserial: null }),
          notices: [{ code: 'too-small', params: {} }],
        })),
      },
    ],
    organisations: { groupBy: 'organisation', groups: [], hiddenGroups: 1 },
    breakdown: { groupBy: 'discipline', groups: [], hiddenGroups: 1 },
    conversation: [],
    notices: [
      { code: 'single-respondent', params: { waveId: waves[0]!.waveId } },
      { code: 'all-declined', params: { waveId: waves[1]!.waveId } },
    ],
  };
}

const AGREE7 = ['Helemaal oneens', 'Oneens', 'Enigszins oneens', 'Neutraal', 'Enigszins eens', 'Eens', 'Helemaal eens'];
const JA_DEELS_NEE = [
  { code: 1, label: { nl: 'Nee', en: 'No' } },
  { code: 2, label: { nl: 'Deels', en: 'Partly' } },
  { code: 3, label: { nl: 'Ja', en: 'Yes' } },
];

/**
 * The rich dashboard plus scales on other answer scales: two on 1–7 (Veiligheid 5,2 → 5,6; Steun
 * 4,1 → 4,4 at T0 → T1, hidden at T2) and the ja / deels / nee checklist on 1–3 with one item
 * (Regelmatig overleg: nee 2, deels 3, ja 7 at T0), with their comparison rows.
 */
export function mixedDashboard(): Dashboard {
  const d = richDashboard();
  const agree7 = AGREE7.map((nl, i) => ({ code: i + 1, label: { nl, en: nl } }));
  const seven = (scaleId: string, nl: string, means: [number, number]) => ({
    scaleId,
    label: { nl, en: nl },
    range: { min: 1, max: 7 },
    options: agree7,
    perWave: d.waves.map((w, i) => ({
      waveId: w.waveId,
      stats: i === 2 ? hidden(3) : shown(12, means[i]!),
      alpha: { alpha: null, n: 12, items: 3, smallSample: true, constantItems: i === 0 ? 1 : 0, unavailable: i === 0 ? ('no-variance' as const) : null },
    })),
  });
  d.scales.push(seven('tk_vei', 'Veiligheid', [5.2, 5.6]), seven('tk_ste', 'Steun', [4.1, 4.4]), {
    scaleId: 'ip_kenmerk',
    label: { nl: 'Kenmerken', en: 'Characteristics' },
    range: { min: 1, max: 3 },
    options: JA_DEELS_NEE,
    perWave: d.waves.map((w) => ({ waveId: w.waveId, stats: shown(12, 2.4, 0.5), alpha: { alpha: 0.7, n: 12, items: 1, smallSample: true, constantItems: 0, unavailable: null } })),
  });
  d.items.push({
    itemId: 'ip_ken_01',
    label: { nl: 'Regelmatig overleg', en: 'Regular meetings' },
    text: { nl: 'Het team komt regelmatig bij elkaar.', en: 'The team meets regularly.' },
    type: 'scale',
    scaleId: 'ip_kenmerk',
    range: { min: 1, max: 3 },
    reverse: false,
    presentIn: [W0, W1, W2],
    perWave: d.waves.map((w) => ({
      waveId: w.waveId,
      stats: {
        n: 12,
        missing: 0,
        declined: 1,
        mean: (2 * 1 + 3 * 2 + 7 * 3) / 12,
        sd: 0.8,
        median: 3,
        q1: 2,
        q3: 3,
        distribution: [
          ...JA_DEELS_NEE.map((o, i) => ({ ...o, scored: true, count: [2, 3, 7][i]! })),
          { code: 9, label: { nl: 'Weet niet', en: 'Don’t know' }, scored: false, count: 1 },
        ],
        shareAgree: null,
        suppressed: false,
      },
    })),
  });
  for (const c of d.comparisons) {
    c.rows.push(
      { kind: 'scale', id: 'tk_vei', label: { nl: 'Veiligheid', en: 'Veiligheid' }, allRespondents: allRespondents({ meanDiff: 0.4, ciLow: -0.3, ciHigh: 1.1 }), paired: paired(), independent: independent(), notices: [] },
      { kind: 'scale', id: 'ip_kenmerk', label: { nl: 'Kenmerken', en: 'Characteristics' }, allRespondents: allRespondents({ meanDiff: -1.3, ciLow: -1.8, ciHigh: -0.8 }), paired: paired(), independent: independent(), notices: [] },
    );
  }
  return d;
}
