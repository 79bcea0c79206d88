import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../shared/results';
import {
  alphaRows,
  changeDomain,
  changeRows,
  conversationGroups,
  conversationValue,
  distributionCell,
  distributionChartRows,
  distributionOptions,
  distributionRows,
  groupCell,
  groupChartRows,
  groupScales,
  hasScaleValues,
  independentCells,
  labelMap,
  meanCell,
  networkComparison,
  omittedPoints,
  orderedRows,
  pairedCells,
  radarRows,
  responseRows,
  shownMean,
  trendDomain,
  trendSeries,
  wavesWithPoints,
} from '../../renderer/src/features/dashboard/model';
import { noticeTexts, type Translate } from '../../renderer/src/features/dashboard/notices';
import { emptyDashboard, hidden, independent, itemStats, paired, richDashboard, shown, suppressedDashboard, W0, W1, W2 } from './dashboard-fixtures';

/**
 * Chart data and table cells built from hand-made Dashboard objects. The expected values are
 * read off the fixtures by hand (see dashboard-fixtures.ts), not computed by the code under test.
 */

const texts = { suppressed: 'te weinig antwoorden (minder dan 5)', noAnswers: 'geen antwoorden' };

describe('shownMean and meanCell', () => {
  it('draw and print only shown, computed means', () => {
    expect(shownMean(shown(12, 3.25))).toBe(3.25);
    expect(shownMean(hidden(4))).toBeNull();
    expect(shownMean({ mean: Number.NaN, suppressed: false })).toBeNull();
    expect(shownMean(null)).toBeNull();
    expect(meanCell(shown(12, 3.25), 'nl', texts)).toBe('3,25');
    expect(meanCell(hidden(4), 'nl', texts)).toBe(texts.suppressed);
    expect(meanCell({ n: 0, mean: null, suppressed: false }, 'nl', texts)).toBe('geen antwoorden');
    expect(meanCell({ n: 3, mean: null, suppressed: false }, 'nl', texts)).toBe('–');
  });
});

describe('responses', () => {
  it('gives invited, started and complete per wave, and the response rate only when invitations are known', () => {
    expect(responseRows(richDashboard())).toEqual([
      { waveId: W0, label: 'T0', invited: 20, started: 15, complete: 14, completeShare: 14 / 20 },
      { waveId: W1, label: 'T1', invited: 20, started: 13, complete: 12, completeShare: 12 / 20 },
      { waveId: W2, label: 'T2', invited: null, started: 9, complete: 9, completeShare: null },
    ]);
  });
});

describe('radar', () => {
  it('has one row per condition with a value per wave, and null for the suppressed point', () => {
    const rows = radarRows(richDashboard(), 'nl');
    expect(rows.map((r) => r.label)).toEqual(['Gedeelde ambitie', 'Recht doen aan belangen', 'Goed persoonlijk samenwerken', 'Professioneel organiseren', 'Betekenisgevend proces']);
    expect(rows[0]).toMatchObject({ w0: 3.4, w1: 3.85, w2: 4.05 });
    expect(rows[3]).toMatchObject({ scaleId: 'ks_org', w0: 2.8, w1: null, w2: 3.1 });
  });

  it('lists the omitted points with the reason', () => {
    expect(omittedPoints(richDashboard(), 'nl')).toEqual([{ scale: 'Professioneel organiseren', wave: 'T1', reason: 'suppressed' }]);
    expect(omittedPoints(emptyDashboard(), 'en')).toHaveLength(5);
    expect(omittedPoints(emptyDashboard(), 'en')[0]).toEqual({ scale: 'Shared ambition', wave: 'T0', reason: 'empty' });
  });

  it('draws no polygon for a wave without any shown point', () => {
    expect(wavesWithPoints(richDashboard())).toEqual([0, 1, 2]);
    expect(wavesWithPoints(suppressedDashboard())).toEqual([]);
    expect(hasScaleValues(suppressedDashboard())).toBe(false);
    expect(hasScaleValues(emptyDashboard())).toBe(false);
  });
});

describe('trend', () => {
  it('gives the mean with the distances to the CI bounds for the error bars', () => {
    const amb = trendSeries(richDashboard(), 'nl')[0]!;
    // Fixture CIs are mean ± 0.5.
    expect(amb.points[0]).toMatchObject({ wave: 'T0', mean: 3.4, ciLow: 2.9, ciHigh: 3.9, n: 14 });
    expect(amb.points[0]!.ci![0]).toBeCloseTo(0.5, 12);
    expect(amb.points[0]!.ci![1]).toBeCloseTo(0.5, 12);
    const org = trendSeries(richDashboard(), 'nl')[3]!;
    expect(org.points[1]).toMatchObject({ mean: null, ci: null, ciLow: null, ciHigh: null, n: 4 });
  });

  it('uses 1–5 unless a CI reaches beyond it', () => {
    expect(trendDomain(trendSeries(richDashboard(), 'nl'))).toEqual([1, 5]);
    expect(trendDomain(trendSeries(emptyDashboard(), 'nl'))).toEqual([1, 5]);
    const d = richDashboard();
    d.scales[0]!.perWave[0]!.stats = { ...shown(2, 4.8), ciLow: 3.2, ciHigh: 6.4 };
    expect(trendDomain(trendSeries(d, 'nl'))).toEqual([1, 7]);
  });
});

describe('alpha', () => {
  it('gives alpha with n and flags n < 30', () => {
    const rows = alphaRows(richDashboard(), 'nl');
    expect(rows[0]!.cells[0]).toEqual({ waveId: W0, alpha: '0,81', n: '13', items: '4', smallSample: true });
    expect(rows[0]!.cells[2]).toMatchObject({ alpha: '–', n: '2' });
    const d = richDashboard();
    d.scales[0]!.perWave[0]!.alpha = { alpha: 0.9, n: 31, items: 4, smallSample: false, constantItems: 0, unavailable: null };
    expect(alphaRows(d, 'nl')[0]!.cells[0]!.smallSample).toBe(false);
  });
});

describe('change per indicator', () => {
  it('is the follow-up item mean minus the baseline item mean, with both n', () => {
    const rows = changeRows(richDashboard(), W1, 'nl');
    expect(rows).toHaveLength(20); // the rapportcijfer belongs to no scale and is left out
    const first = rows[0]!;
    // ks_amb_01 (k = 1): T0 counts [1,2,4,5,2] + (1+j)%2 = [1,0,1,0,1] → [2,2,5,5,3] → n = 17,
    //   sum = 2·1 + 2·2 + 5·3 + 5·4 + 3·5 = 56 → mean 56/17;
    // T1 counts [0,1,3,6,2] + [1,0,1,0,1] → [1,1,4,6,3] → n = 15, sum = 1 + 2 + 12 + 24 + 15 = 54 → 54/15 = 3.6.
    expect(first).toMatchObject({ itemId: 'ks_amb_01', scaleLabel: 'Gedeelde ambitie', nBaseline: 17, nFollowUp: 15, status: 'ok' });
    expect(first.diff).toBeCloseTo(3.6 - 56 / 17, 12);
  });

  it('has no bar for a suppressed item or one missing from a version, and says which', () => {
    const t1 = changeRows(richDashboard(), W1, 'nl');
    expect(t1.find((r) => r.itemId === 'ks_org_01')).toMatchObject({ status: 'suppressed', diff: null, baselineMean: null, followUpMean: null });
    const t2 = changeRows(richDashboard(), W2, 'nl');
    expect(t2.find((r) => r.itemId === 'ks_pro_04')).toMatchObject({ status: 'absent', diff: null });
    expect(changeRows(emptyDashboard(), W0, 'nl')).toEqual([]);
    expect(changeRows(suppressedDashboard(), W1, 'nl').every((r) => r.diff === null && r.status === 'suppressed')).toBe(true);
  });

  it('centres the axis on zero', () => {
    expect(changeDomain([])).toEqual([-1, 1]);
    expect(changeDomain(changeRows(richDashboard(), W1, 'nl'))).toEqual([-1, 1]);
    expect(changeDomain([{ diff: -1.3 } as never, { diff: null } as never])).toEqual([-1.5, 1.5]);
  });
});

describe('groups (organisations, role groups)', () => {
  it('gives each shown group its mean per condition and the range between them', () => {
    const d = richDashboard();
    const t1 = groupScales(d, d.organisations, W1, 'nl');
    // org-a: 3 + k·0.2 + 0.2 per wave; org-b: 3.8 − k·0.25 + 0.2 per wave (k = condition index).
    expect(t1[0]!.groups.map((g) => [g.label, g.mean])).toEqual([
      ['Thuiszorg Oost', 3.2],
      ['Welzijn Twente', 4],
    ]);
    expect(t1[0]).toMatchObject({ min: 3.2, max: 4 });
    const rows = groupChartRows(t1);
    expect(rows[0]).toMatchObject({ scaleId: 'ks_amb', range: [3.2, 4], g0: 3.2, g1: 4 });
  });

  it('shows the sentence and not the n for a suppressed group', () => {
    const d = richDashboard();
    const t2 = groupScales(d, d.organisations, W2, 'nl');
    expect(t2[0]).toMatchObject({ min: null, max: null });
    expect(groupChartRows(t2)[0]).toMatchObject({ range: null, g0: null, g1: null });
    const cell = groupCell(t2[0]!.groups[0]!, 'nl', texts);
    expect(cell).toBe(texts.suppressed);
    expect(cell).not.toContain('3');
    expect(groupScales(d, null, W0, 'nl')).toEqual([]);
  });
});

describe('answer distributions', () => {
  it('gives shares of all answers given, "weet niet" included, and the count with percentage per cell', () => {
    const rows = distributionRows(richDashboard(), 'ks_amb', 'nl');
    expect(rows).toHaveLength(12); // 4 items × 3 waves
    // ks_amb_01 at T0: [1,2,4,5,2 | 1] + [1,0,1,0,1 | 0] = [2,2,5,5,3] and 1 × weet niet = 18 answers
    const r = rows[0]!;
    expect(r).toMatchObject({ itemId: 'ks_amb_01', waveLabel: 'T0', total: 18, missing: 1, suppressed: false, absent: false });
    expect(distributionCell(r, 3, 'nl')).toBe('5 (28%)'); // 5/18 = 27.8%
    expect(distributionCell(r, 9, 'nl')).toBe('1 (6%)'); // 1/18 = 5.6%
    expect(distributionOptions(rows).map((o) => o.code)).toEqual([1, 2, 3, 4, 5, 9]);
    const chart = distributionChartRows(rows)[0]!;
    expect(chart.label).toBe('Gedeelde ambitie 1 · T0');
    expect(chart.o9).toBeCloseTo(1 / 18, 12);
  });

  it('leaves suppressed and absent items out of the chart', () => {
    const org = distributionRows(richDashboard(), 'ks_org', 'nl');
    expect(org.filter((r) => r.waveId === W1).every((r) => r.suppressed && r.total === 0)).toBe(true);
    expect(distributionChartRows(org)).toHaveLength(8);
    const pro = distributionRows(richDashboard(), 'ks_pro', 'nl');
    expect(pro.find((r) => r.itemId === 'ks_pro_04' && r.waveId === W2)).toMatchObject({ absent: true, total: 0 });
    expect(distributionCell(pro.find((r) => r.absent)!, 3, 'nl')).toBe('–');
  });

  it('handles items of no scale and "all weet niet"', () => {
    expect(distributionRows(richDashboard(), null, 'nl').map((r) => r.itemId)).toEqual(['ks_cijfer', 'ks_cijfer', 'ks_cijfer']);
    const d = richDashboard();
    d.items[0]!.perWave[0]!.stats = itemStats([0, 0, 0, 0, 0, 6]);
    const r = distributionRows(d, 'ks_amb', 'nl')[0]!;
    expect(r.total).toBe(6);
    expect(distributionCell(r, 9, 'nl')).toBe('6 (100%)');
    expect(distributionCell(r, 1, 'nl')).toBe('0 (0%)');
  });
});

describe('statistics cells', () => {
  it('formats the paired comparison', () => {
    expect(pairedCells(paired(), 'nl', 'n te klein')).toEqual(['9', '+0,42', '[-0,05; +0,89]', '2,05 (8); 0,075', '33,5; 0,081', '0,68', '0,49']);
  });

  it('formats the unmatched comparison, with p below 0.001', () => {
    expect(independentCells(independent(), 'nl', 'n te klein')).toEqual(['5 / 6', '-0,20', '-0,61 (8,7); 0,557', '12; < 0,001', '-0,20']);
  });

  it('says "n te klein" instead of numbers when n is too small', () => {
    const cells = pairedCells(paired({ n: 2, tooSmall: true }), 'nl', 'n te klein');
    expect(cells.slice(0, 2)).toEqual(['2', 'n te klein']);
    expect(independentCells(independent({ tooSmall: true }), 'nl', 'n te klein')[1]).toBe('n te klein');
  });

  it('orders scales before items', () => {
    expect(orderedRows(richDashboard().comparisons[0]!).map((r) => r.kind)).toEqual(['scale', 'scale', 'scale', 'scale', 'scale', 'item']);
  });
});

describe('conversation points', () => {
  it('splits lowest and most declined, with a mean or a percentage', () => {
    const { lowest, declined } = conversationGroups(richDashboard());
    expect(lowest.map((c) => c.itemId)).toEqual(['ks_org_03']);
    expect(declined.map((c) => c.itemId)).toEqual(['ks_bel_02']);
    expect(conversationValue(lowest[0]!, 'nl')).toBe('2,45');
    expect(conversationValue(declined[0]!, 'nl')).toBe('30%');
  });

  it('drops a point without a usable value', () => {
    const d = richDashboard();
    d.conversation[0]!.value = Number.NaN;
    expect(conversationGroups(d).lowest).toEqual([]);
  });
});

describe('network comparison', () => {
  const nc = {
    instrumentId: 'kansrijke-samenwerking',
    networks: [
      {
        networkId: 'n1',
        name: 'Dementie Twente',
        waves: [
          { waveId: 'a0', label: 'T0', kind: 'T0' as const, scales: [{ scaleId: 'ks_amb', label: { nl: 'Gedeelde ambitie', en: 'Shared ambition' }, stats: shown(8, 3.1) }] },
          { waveId: 'a1', label: 'T1', kind: 'T1' as const, scales: [{ scaleId: 'ks_amb', label: { nl: 'Gedeelde ambitie', en: 'Shared ambition' }, stats: shown(7, 3.6) }] },
        ],
      },
      {
        networkId: 'n2',
        name: 'Wijknetwerk Noord',
        waves: [
          { waveId: 'b0', label: 'T0', kind: 'T0' as const, scales: [{ scaleId: 'ks_bel', label: { nl: 'Recht doen aan belangen', en: 'Doing justice' }, stats: shown(6, 2.9) }] },
          { waveId: 'b1', label: 'T1', kind: 'T1' as const, scales: [{ scaleId: 'ks_bel', label: { nl: 'Recht doen aan belangen', en: 'Doing justice' }, stats: hidden(3) }] },
        ],
      },
    ],
  };

  it('takes the latest wave with values per network', () => {
    const c = networkComparison(nc, 'latest', 'nl');
    expect(c.series.map((s) => s.label)).toEqual(['Dementie Twente (T1)', 'Wijknetwerk Noord (T0)']);
    expect(c.scales.map((s) => s.scaleId)).toEqual(['ks_amb', 'ks_bel']);
    expect(c.rows).toEqual([
      { scaleId: 'ks_amb', label: 'Gedeelde ambitie', s0: 3.6, s1: null },
      { scaleId: 'ks_bel', label: 'Recht doen aan belangen', s0: null, s1: 2.9 },
    ]);
    expect(c.hasValues).toBe(true);
  });

  it('or every wave, with suppressed values as null', () => {
    const c = networkComparison(nc, 'all', 'nl');
    expect(c.series).toHaveLength(4);
    expect(c.rows[1]).toMatchObject({ s2: 2.9, s3: null });
    expect(networkComparison({ instrumentId: 'x', networks: [] }, 'all', 'nl')).toMatchObject({ series: [], rows: [], hasValues: false });
  });
});

// --- Nothing that reaches a person reads NaN, null, undefined or Infinity ------------------------------

/** Every string inside a value, recursively. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value instanceof Map) [...value.values()].forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

/** Every number in chart data: finite, or null (nothing drawn). */
function numbers(value: unknown, out: unknown[] = []): unknown[] {
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => numbers(v, out));
  else if (value && typeof value === 'object' && !(value instanceof Map)) Object.values(value).forEach((v) => numbers(v, out));
  return out;
}

/** A dashboard whose numbers were damaged on the way: NaN and Infinity where numbers should be. */
function poisoned(): Dashboard {
  const d = richDashboard();
  d.scales[1]!.perWave[0]!.stats = { n: 6, mean: Number.NaN, sd: Number.POSITIVE_INFINITY, ciLow: Number.NaN, ciHigh: null, suppressed: false };
  d.scales[1]!.perWave[0]!.alpha = { alpha: Number.NaN, n: 6, items: 4, smallSample: true, constantItems: 0, unavailable: null };
  d.items[0]!.perWave[0]!.stats = { ...d.items[0]!.perWave[0]!.stats, mean: Number.NaN };
  d.comparisons[0]!.rows[0]!.paired = paired({ meanDiff: Number.NaN, t: Number.POSITIVE_INFINITY, pT: Number.NaN, dz: Number.NaN });
  d.organisations.groups[0]!.perScale[0]!.perWave[0]!.stats = { n: 6, mean: Number.NaN, sd: null, ciLow: null, ciHigh: null, suppressed: false };
  return d;
}

const fakeT: Translate = (key, params) => `${key.split('.').at(-1)}: ${Object.values(params ?? {}).join(' ')}`;

describe('no broken text for any dashboard', () => {
  const cases: [string, () => Dashboard][] = [
    ['rich', richDashboard],
    ['empty (no responses)', emptyDashboard],
    ['suppressed (single respondent, all weet niet)', suppressedDashboard],
    ['poisoned (NaN and Infinity)', poisoned],
  ];
  for (const [name, make] of cases) {
    it(name, () => {
      const d = make();
      const outputs: unknown[] = [];
      for (const locale of ['nl', 'en'] as const) {
        outputs.push(responseRows(d), radarRows(d, locale), omittedPoints(d, locale), trendSeries(d, locale), alphaRows(d, locale));
        for (const w of d.waves) {
          const change = changeRows(d, w.waveId, locale);
          outputs.push(change, changeDomain(change));
          for (const b of [d.organisations, d.breakdown]) {
            const scales = groupScales(d, b, w.waveId, locale);
            outputs.push(scales, groupChartRows(scales), scales.flatMap((s) => s.groups.map((g) => groupCell(g, locale, texts))));
          }
        }
        for (const scaleId of [...d.scales.map((s) => s.scaleId), null]) {
          const rows = distributionRows(d, scaleId, locale);
          outputs.push(rows, distributionChartRows(rows), rows.flatMap((r) => distributionOptions(rows).map((o) => distributionCell(r, o.code, locale))));
        }
        for (const c of d.comparisons) for (const r of c.rows) outputs.push(pairedCells(r.paired, locale, 'n te klein'), independentCells(r.independent, locale, 'n te klein'));
        for (const s of d.scales) for (const p of s.perWave) outputs.push(meanCell(p.stats, locale, texts));
        outputs.push(conversationGroups(d).lowest.map((c) => conversationValue(c, locale)));
        outputs.push(noticeTexts(d.notices, fakeT, { locale, minGroupSize: d.minGroupSize, waves: d.waves, labels: labelMap(d) }));
      }
      for (const text of strings(outputs)) {
        expect(text, `"${text}"`).not.toMatch(/NaN|null|undefined|Infinity|\{\{/);
      }
      for (const n of numbers(outputs.filter((o) => Array.isArray(o)))) {
        expect(Number.isFinite(n), String(n)).toBe(true);
      }
    });
  }
});
