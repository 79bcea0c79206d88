import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../shared/results';
import {
  alphaRows,
  byRange,
  changeDomain,
  changeTicks,
  differenceCells,
  differenceCharts,
  differenceRows,
  indicatorChangeRows,
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
  rangeTexts,
  rangeTicks,
  responseRows,
  reverseKeyed,
  scoreChartGroups,
  showsShares,
  shownMean,
  trendDomain,
  trendSeries,
  wavesWithPoints,
} from '../../renderer/src/features/dashboard/model';
import { optionColour } from '../../renderer/src/features/dashboard/palette';
import { noticeTexts, type Translate } from '../../renderer/src/features/dashboard/notices';
import { conditionLine, highlightLines, overallLine, pointFacts, pointsByKind, POINT_KINDS, responseLines } from '../../renderer/src/features/dashboard/summary-text';
import { summarize } from '../../shared/results-summary';
import { emptyDashboard, hidden, independent, itemStats, mixedDashboard, paired, richDashboard, shown, suppressedDashboard, W0, W1, W2 } from './dashboard-fixtures';

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
    const d = richDashboard();
    const rows = radarRows(d, d.scales, 'nl');
    expect(rows.map((r) => r.label)).toEqual(['Gedeelde ambitie', 'Recht doen aan belangen', 'Goed persoonlijk samenwerken', 'Professioneel organiseren', 'Betekenisgevend proces']);
    expect(rows[0]).toMatchObject({ w0: 3.4, w1: 3.85, w2: 4.05 });
    expect(rows[3]).toMatchObject({ scaleId: 'ks_org', w0: 2.8, w1: null, w2: 3.1 });
  });

  it('lists the omitted points with the reason', () => {
    const rich = richDashboard();
    const empty = emptyDashboard();
    expect(omittedPoints(rich, rich.scales, 'nl')).toEqual([{ scale: 'Professioneel organiseren', wave: 'T1', reason: 'suppressed' }]);
    expect(omittedPoints(empty, empty.scales, 'en')).toHaveLength(5);
    expect(omittedPoints(empty, empty.scales, 'en')[0]).toEqual({ scale: 'Shared ambition', wave: 'T0', reason: 'empty' });
  });

  it('draws no polygon for a wave without any shown point', () => {
    const rich = richDashboard();
    const suppressed = suppressedDashboard();
    expect(wavesWithPoints(rich, rich.scales)).toEqual([0, 1, 2]);
    expect(wavesWithPoints(suppressed, suppressed.scales)).toEqual([]);
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

  it('uses each scale’s own range unless a CI reaches beyond it', () => {
    expect(trendDomain(trendSeries(richDashboard(), 'nl')[0]!)).toEqual([1, 5]);
    expect(trendDomain(trendSeries(emptyDashboard(), 'nl')[0]!)).toEqual([1, 5]);
    const d = richDashboard();
    d.scales[0]!.perWave[0]!.stats = { ...shown(2, 4.8), ciLow: 3.2, ciHigh: 6.4 };
    expect(trendDomain(trendSeries(d, 'nl')[0]!)).toEqual([1, 7]);
    // The other scales keep 1–5: one scale's wide interval does not stretch the others.
    expect(trendDomain(trendSeries(d, 'nl')[1]!)).toEqual([1, 5]);
    const mixed = trendSeries(mixedDashboard(), 'nl');
    // Veiligheid 5,2 ± 0,5 and 5,6 ± 0,5 on 1–7: the axis is 1–7, not 1–5 or 1–6.
    expect(trendDomain(mixed.find((s) => s.scaleId === 'tk_vei')!)).toEqual([1, 7]);
    expect(trendDomain(mixed.find((s) => s.scaleId === 'ip_kenmerk')!)).toEqual([1, 3]);
  });
});

describe('alpha', () => {
  it('gives alpha with n and flags n < 30', () => {
    const rows = alphaRows(richDashboard(), 'nl');
    expect(rows[0]!.cells[0]).toEqual({ waveId: W0, alpha: '0,81', n: '13', items: '4', smallSample: true, unavailable: null, constantItems: 0 });
    expect(rows[0]!.cells[2]).toMatchObject({ alpha: null, n: '2', unavailable: 'too-small', smallSample: false });
    const d = richDashboard();
    d.scales[0]!.perWave[0]!.alpha = { alpha: 0.9, n: 31, items: 4, smallSample: false, constantItems: 0, unavailable: null };
    expect(alphaRows(d, 'nl')[0]!.cells[0]!.smallSample).toBe(false);
  });
});

describe('alpha that cannot be computed', () => {
  it('says why, and how many items without variance were left out', () => {
    const rows = alphaRows(mixedDashboard(), 'nl');
    const vei = rows.find((r) => r.scaleId === 'tk_vei')!;
    expect(vei.cells[0]).toMatchObject({ alpha: null, unavailable: 'no-variance', constantItems: 1 });
    expect(vei.cells[1]).toMatchObject({ alpha: null, unavailable: null, constantItems: 0 });
  });
});

describe('score ranges', () => {
  it('puts whole-number ticks on the range, at most eleven', () => {
    expect(rangeTicks([1, 7])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rangeTicks([1, 3])).toEqual([1, 2, 3]);
    expect(rangeTicks([1, 10])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rangeTicks([0, 100])).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    // 0–25 in steps of 3 (25 / 10 rounded up), and the top end always.
    expect(rangeTicks([0, 25])).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 25]);
  });

  it('groups by range in order of first appearance', () => {
    const groups = byRange([{ r: { min: 1, max: 5 } }, { r: { min: 1, max: 7 } }, { r: { min: 1, max: 5 } }], (x) => x.r);
    expect(groups.map((g) => [g.key, g.members.length])).toEqual([
      ['1-5', 2],
      ['1-7', 1],
    ]);
  });

  it('never puts scales of different ranges on one radar; two scales on a range get bars; ja / deels / nee gets shares', () => {
    const d = mixedDashboard();
    const groups = scoreChartGroups(d);
    expect(groups.map((g) => [g.key, g.kind, g.scales.map((s) => s.scaleId)])).toEqual([
      ['1-5', 'radar', ['ks_amb', 'ks_bel', 'ks_per', 'ks_org', 'ks_pro']],
      ['1-7', 'bars', ['tk_vei', 'tk_ste']],
    ]);
    for (const g of groups) expect(new Set(g.scales.map((s) => `${s.range.min}-${s.range.max}`))).toEqual(new Set([g.key]));
    expect(d.scales.filter(showsShares).map((s) => s.scaleId)).toEqual(['ip_kenmerk']);
    const sevenRows = radarRows(d, groups[1]!.scales, 'nl');
    expect(sevenRows).toEqual([
      { scaleId: 'tk_vei', label: 'Veiligheid', w0: 5.2, w1: 5.6, w2: null },
      { scaleId: 'tk_ste', label: 'Steun', w0: 4.1, w1: 4.4, w2: null },
    ]);
    expect(wavesWithPoints(d, groups[1]!.scales)).toEqual([0, 1]);
  });

  it('a scale of four or more options, or of mixed answer scales, is shown as a mean', () => {
    const d = mixedDashboard();
    const kenmerk = d.scales.find((s) => s.scaleId === 'ip_kenmerk')!;
    expect(showsShares({ ...kenmerk, options: null })).toBe(false);
    expect(showsShares({ ...kenmerk, options: [...kenmerk.options!, { code: 4, label: { nl: 'Altijd', en: 'Always' } }] })).toBe(false);
  });

  it('names each range once, with its end labels when the scales on it share them', () => {
    expect(rangeTexts(mixedDashboard().scales, 'nl')).toEqual([
      { min: 1, max: 5, minLabel: 'Helemaal oneens', maxLabel: 'Helemaal eens' },
      { min: 1, max: 7, minLabel: 'Helemaal oneens', maxLabel: 'Helemaal eens' },
      { min: 1, max: 3, minLabel: 'Nee', maxLabel: 'Ja' },
    ]);
    const d = richDashboard();
    d.scales[1]!.options = null;
    expect(rangeTexts(d.scales, 'en')).toEqual([{ min: 1, max: 5, minLabel: null, maxLabel: null }]);
  });

  it('colours the options of any scale from red-brown through grey to blue', () => {
    expect([0, 1, 2, 3, 4].map((i) => optionColour(i, 5, true))).toEqual(['#8c2d04', '#d9825b', '#c9ced6', '#6aa3cc', '#1f5f8b']);
    expect([0, 1, 2].map((i) => optionColour(i, 3, true))).toEqual(['#8c2d04', '#c9ced6', '#1f5f8b']);
    // 7 options: position 1 lies 4/6 of the way from #8c2d04 to #d9825b:
    // 140 + 77·⅔ = 191,3 → bf; 45 + 85·⅔ = 101,7 → 66; 4 + 87·⅔ = 62 → 3e. The middle (3) is the grey.
    expect(optionColour(1, 7, true)).toBe('#bf663e');
    expect(optionColour(3, 7, true)).toBe('#c9ced6');
    expect(optionColour(2, 5, false)).toBe('#7a8491');
  });
});

describe('change: the comparison over everyone', () => {
  it('gives per scale the all-respondents difference with its interval, both n and the pairs', () => {
    const d = richDashboard();
    const rows = differenceRows(d, d.comparisons[0]!, 'scale', 'nl');
    expect(rows.map((r) => r.id)).toEqual(['ks_amb', 'ks_bel', 'ks_per', 'ks_org', 'ks_pro']);
    // Fixture allRespondents: 14 / 12, 9 pairs, +0,36 [0,02; 0,70], t 2,2 (df 14,6), p 0,044.
    // The interval [+0,02; +0,70] lies above zero: "duidelijk hoger".
    expect(rows[0]).toMatchObject({ label: 'Gedeelde ambitie', nBaseline: 14, nFollowUp: 12, nPairs: 9, diff: 0.36, ciLow: 0.02, ciHigh: 0.7, p: 0.044, status: 'ok', range: { min: 1, max: 5 }, verdict: 'higher' });
    expect(rows[0]!.ci![0]).toBeCloseTo(0.34, 12);
    expect(rows[0]!.ci![1]).toBeCloseTo(0.34, 12);
    expect(differenceCells(rows[0]!, 'nl')).toEqual(['14', '12', '9', '+0,36', '[+0,02; +0,70]', '2,20 (14,6); 0,044']);
    expect(differenceCells(rows[0]!, 'en')).toEqual(['14', '12', '9', '+0.36', '[+0.02, +0.70]', '2.20 (14.6); 0.044']);
  });

  it('has no bar for an item not in both versions or with too few answers, and says which', () => {
    const d = richDashboard();
    const items = differenceRows(d, d.comparisons[0]!, 'item', 'nl');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: 'ks_pro_04', scaleLabel: 'Betekenisgevend proces', status: 'absent', diff: null, ci: null, verdict: 'tooFew' });
    const suppressed = suppressedDashboard();
    const rows = differenceRows(suppressed, suppressed.comparisons[0]!, 'scale', 'nl');
    expect(rows.every((r) => r.status === 'tooSmall' && r.diff === null && r.nBaseline === 1)).toBe(true);
    expect(differenceCharts(rows)).toEqual([]);
  });

  it('marks a reverse-keyed item: its difference is after reversal', () => {
    const d = richDashboard();
    d.comparisons[0]!.rows.push({ ...d.comparisons[0]!.rows[5]!, id: 'ks_pro_02', notices: [] });
    const row = differenceRows(d, d.comparisons[0]!, 'item', 'nl').find((r) => r.id === 'ks_pro_02')!;
    expect(row).toMatchObject({ reverse: true, status: 'tooSmall' });
    expect(reverseKeyed(d, 'nl')).toEqual([{ itemId: 'ks_pro_02', label: 'Betekenisgevend proces 2' }]);
  });

  it('draws one chart per range, on an axis around zero that holds the intervals', () => {
    const d = mixedDashboard();
    const rows = differenceRows(d, d.comparisons[0]!, 'scale', 'nl');
    const charts = differenceCharts(rows);
    expect(charts.map((c) => [c.key, c.rows.map((r) => r.id)])).toEqual([
      ['1-5', ['ks_amb', 'ks_bel', 'ks_per', 'ks_org', 'ks_pro']],
      ['1-7', ['tk_vei']],
      ['1-3', ['ip_kenmerk']],
    ]);
    expect(changeDomain([])).toEqual([-1, 1]);
    expect(changeDomain(charts[0]!.rows)).toEqual([-1, 1]);
    // −1,3 with its interval down to −1,8: ±2.
    expect(changeDomain(charts[2]!.rows)).toEqual([-2, 2]);
    expect(changeDomain([{ diff: -1.3, ciLow: null, ciHigh: null }])).toEqual([-1.5, 1.5]);
    // Wider: 2,87 → step 1 → ±3; 6,2 → step 2 → ±8.
    expect(changeDomain([{ diff: 1.5, ciLow: 0.13, ciHigh: 2.87 }])).toEqual([-3, 3]);
    expect(changeDomain([{ diff: -6.2, ciLow: null, ciHigh: null }])).toEqual([-8, 8]);
    expect(changeTicks([-1, 1])).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(changeTicks([-3, 3])).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(changeTicks([-8, 8])).toEqual([-8, -6, -4, -2, 0, 2, 4, 6, 8]);
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
    expect(r).toMatchObject({ itemId: 'ks_amb_01', waveLabel: 'T0', total: 18, missing: 1, suppressed: false, absent: false, reverse: false });
    // Share agreeing of the 17 scored answers: 5 × Eens + 3 × Helemaal eens = 8 / 17.
    expect(r.shareAgree).toBeCloseTo(8 / 17, 12);
    expect(distributionRows(richDashboard(), 'ks_pro', 'nl').find((x) => x.itemId === 'ks_pro_02')!.reverse).toBe(true);
    expect(distributionCell(r, 3, 'nl')).toBe('5 (28%)'); // 5/18 = 27.8%
    expect(distributionCell(r, 9, 'nl')).toBe('1 (6%)'); // 1/18 = 5.6%
    expect(distributionOptions(rows).map((o) => o.code)).toEqual([1, 2, 3, 4, 5, 9]);
    const chart = distributionChartRows(rows)[0]!;
    expect(chart.label).toBe('Gedeelde ambitie 1 · T0');
    expect(chart.o9).toBeCloseTo(1 / 18, 12);
  });

  it('gives the ja / deels / nee checklist as shares of each answer per item and wave', () => {
    const rows = distributionRows(mixedDashboard(), 'ip_kenmerk', 'nl');
    expect(rows).toHaveLength(3);
    // nee 2, deels 3, ja 7, weet niet 1: 13 answers.
    expect(distributionOptions(rows).map((o) => o.label)).toEqual(['Nee', 'Deels', 'Ja', 'Weet niet']);
    expect(['Nee', 'Deels', 'Ja'].map((_, i) => distributionCell(rows[0]!, i + 1, 'nl'))).toEqual(['2 (15%)', '3 (23%)', '7 (54%)']);
    expect(rows[0]!.shareAgree).toBeNull();
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

describe('change per statement', () => {
  it('gives the statements as difference rows, largest rise first, with their verdict; what cannot be compared last', () => {
    const d = richDashboard();
    const c = d.comparisons[0]!;
    // ks_amb_01 +0,36 [+0,02; +0,70], ks_bel_01 −0,40 [−0,80; −0,05], ks_per_01 +0,25 [−0,10; +0,60]; ks_pro_04 is in one version only.
    c.rows.push(
      { ...c.rows[0]!, kind: 'item', id: 'ks_amb_01', label: { nl: 'Gedeelde ambitie 1', en: 'a' } },
      { ...c.rows[0]!, kind: 'item', id: 'ks_bel_01', label: { nl: 'Recht doen aan belangen 1', en: 'b' }, allRespondents: { ...c.rows[0]!.allRespondents, meanDiff: -0.4, ciLow: -0.8, ciHigh: -0.05 } },
      { ...c.rows[0]!, kind: 'item', id: 'ks_per_01', label: { nl: 'Goed persoonlijk samenwerken 1', en: 'c' }, allRespondents: { ...c.rows[0]!.allRespondents, meanDiff: 0.25, ciLow: -0.1, ciHigh: 0.6 } },
    );
    const rows = indicatorChangeRows(d, c, 'nl');
    expect(rows.map((r) => [r.id, r.status, r.verdict, r.diff])).toEqual([
      ['ks_amb_01', 'ok', 'higher', 0.36],
      ['ks_per_01', 'ok', 'possiblyHigher', 0.25],
      ['ks_bel_01', 'ok', 'lower', -0.4],
      ['ks_pro_04', 'absent', 'tooFew', null],
    ]);
    expect(rows[0]).toMatchObject({ label: 'Gedeelde ambitie 1', scaleLabel: 'Gedeelde ambitie', nBaseline: 14, nFollowUp: 12, nPairs: 9, ciLow: 0.02, ciHigh: 0.7 });
    // The rapportcijfer (a number question) is no statement.
    expect(rows.some((r) => r.id === 'ks_cijfer')).toBe(false);
  });
});

describe('network comparison', () => {
  const FIVE = { min: 1, max: 5 };
  const nc = {
    instrumentId: 'kansrijke-samenwerking',
    instrumentName: { nl: 'Kansrijke samenwerking', en: 'Promising collaboration' },
    networks: [
      {
        networkId: 'n1',
        name: 'Dementie Twente',
        waves: [
          { waveId: 'a0', label: 'T0', kind: 'T0' as const, plannedDate: null, scales: [{ scaleId: 'ks_amb', label: { nl: 'Gedeelde ambitie', en: 'Shared ambition' }, range: FIVE, stats: shown(8, 3.1) }] },
          { waveId: 'a1', label: 'T1', kind: 'T1' as const, plannedDate: null, scales: [{ scaleId: 'ks_amb', label: { nl: 'Gedeelde ambitie', en: 'Shared ambition' }, range: FIVE, stats: shown(7, 3.6) }] },
        ],
      },
      {
        networkId: 'n2',
        name: 'Wijknetwerk Noord',
        waves: [
          { waveId: 'b0', label: 'T0', kind: 'T0' as const, plannedDate: null, scales: [
              { scaleId: 'ks_bel', label: { nl: 'Recht doen aan belangen', en: 'Doing justice' }, range: FIVE, stats: shown(6, 2.9) },
              { scaleId: 'tk_vei', label: { nl: 'Veiligheid', en: 'Safety' }, range: { min: 1, max: 7 }, stats: shown(6, 5.5) },
            ] },
          { waveId: 'b1', label: 'T1', kind: 'T1' as const, plannedDate: null, scales: [{ scaleId: 'ks_bel', label: { nl: 'Recht doen aan belangen', en: 'Doing justice' }, range: FIVE, stats: hidden(3) }] },
        ],
      },
    ],
  };

  it('takes the latest wave with values per network', () => {
    const c = networkComparison(nc, 'latest', 'nl');
    expect(c.series.map((s) => s.label)).toEqual(['Dementie Twente (T1)', 'Wijknetwerk Noord (T0)']);
    expect(c.scales.map((s) => s.scaleId)).toEqual(['ks_amb', 'ks_bel', 'tk_vei']);
    expect(c.rows).toEqual([
      { scaleId: 'ks_amb', label: 'Gedeelde ambitie', s0: 3.6, s1: null },
      { scaleId: 'ks_bel', label: 'Recht doen aan belangen', s0: null, s1: 2.9 },
      { scaleId: 'tk_vei', label: 'Veiligheid', s0: null, s1: 5.5 },
    ]);
    expect(c.hasValues).toBe(true);
    // One chart per range: the 1–7 scale is not drawn on the 1–5 axis.
    expect(c.charts.map((x) => [x.key, x.rows.map((r) => r.scaleId)])).toEqual([
      ['1-5', ['ks_amb', 'ks_bel']],
      ['1-7', ['tk_vei']],
    ]);
  });

  it('or every wave, with suppressed values as null', () => {
    const c = networkComparison(nc, 'all', 'nl');
    expect(c.series).toHaveLength(4);
    expect(c.rows[1]).toMatchObject({ s2: 2.9, s3: null });
    expect(c.rows[2]).toMatchObject({ s2: 5.5, s3: null });
    expect(networkComparison({ instrumentId: 'x', instrumentName: { nl: 'X', en: 'X' }, networks: [] }, 'all', 'nl')).toMatchObject({ series: [], rows: [], hasValues: false });
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
  d.comparisons[0]!.rows[1]!.allRespondents = { ...d.comparisons[0]!.rows[1]!.allRespondents, meanDiff: Number.NaN, ciLow: Number.NEGATIVE_INFINITY, t: Number.NaN };
  d.comparisons[0]!.rows[2]!.allRespondents = { ...d.comparisons[0]!.rows[2]!.allRespondents, ciHigh: Number.NaN, p: Number.POSITIVE_INFINITY };
  d.organisations.groups[0]!.perScale[0]!.perWave[0]!.stats = { n: 6, mean: Number.NaN, sd: null, ciLow: null, ciHigh: null, suppressed: false };
  const base = { itemId: 'ks_amb_01', label: { nl: 'Mate', en: 'Degree' }, scaleId: 'ks_amb', waveId: W1, prompt: { nl: 'Vraag?', en: 'Question?' } };
  d.conversation.push(
    { ...base, kind: 'fall', mean: Number.NaN, range: { min: 1, max: 5 }, change: { baselineWaveId: W0, meanDiff: Number.NaN, ciLow: null, ciHigh: null, verdict: 'lower' } },
    { ...base, kind: 'dontKnow', count: Number.POSITIVE_INFINITY, seen: 0, share: 'all' },
  );
  return d;
}

const fakeT: Translate = (key, params) => `${key.split('.').at(-1)}: ${Object.values(params ?? {}).join(' ')}`;

describe('no broken text for any dashboard', () => {
  const cases: [string, () => Dashboard][] = [
    ['rich', richDashboard],
    ['empty (no responses)', emptyDashboard],
    ['suppressed (single respondent, all weet niet)', suppressedDashboard],
    ['poisoned (NaN and Infinity)', poisoned],
    ['mixed ranges (1–5, 1–7, ja / deels / nee)', mixedDashboard],
  ];
  for (const [name, make] of cases) {
    it(name, () => {
      const d = make();
      const outputs: unknown[] = [];
      for (const locale of ['nl', 'en'] as const) {
        outputs.push(responseRows(d), radarRows(d, d.scales, locale), omittedPoints(d, d.scales, locale), trendSeries(d, locale), alphaRows(d, locale), rangeTexts(d.scales, locale));
        outputs.push(trendSeries(d, locale).map(trendDomain));
        for (const c of d.comparisons) {
          for (const kind of ['scale', 'item'] as const) {
            const rows = differenceRows(d, c, kind, locale);
            outputs.push(rows, rows.map((r) => differenceCells(r, locale)), differenceCharts(rows).map((x) => changeDomain(x.rows)));
          }
        }
        for (const w of d.waves) {
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
        const s = summarize(d);
        outputs.push(s, s.conditions.map((c) => conditionLine(c, d, fakeT, locale)), overallLine(s, fakeT), highlightLines(s, d, fakeT, locale), responseLines(s, d, fakeT, locale));
        const points = pointsByKind(d);
        outputs.push(POINT_KINDS.flatMap((k) => points[k].map((p) => pointFacts(p, d, fakeT, locale))));
        for (const c of d.comparisons) outputs.push(indicatorChangeRows(d, c, locale));
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
