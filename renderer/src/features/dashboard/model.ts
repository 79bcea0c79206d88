import { changeVerdict, indicatorChanges } from '../../../../shared/results-summary';
import type {
  AlphaResult,
  AnswerOption,
  ChangeVerdict,
  Comparison,
  Dashboard,
  GroupBreakdown,
  IndependentResult,
  ItemStats,
  NetworkComparison,
  PairedResult,
  ScaleSeries,
  ScaleStats,
  ScoreRange,
  WaveColumn,
} from '../../../../shared/results';
import type { Locale, LocalizedText } from '../../../../shared/text';
import { orderWaves } from '../../../../shared/waves';
import { byRange } from '../../lib/ranges';
import {
  formatCount,
  formatNumber,
  formatP,
  formatPercent,
  formatSigned,
  formatSignedInterval,
  NO_VALUE,
  pick,
} from './format';

/**
 * Chart data and table cells built from a Dashboard, as pure functions. The rule throughout: a
 * suppressed or missing statistic becomes `null` in chart data (recharts then draws nothing for
 * it) and a sentence in tables; it never becomes 0, NaN or a bar.
 */

/** Sentences the tables use for values that cannot be shown; the caller translates them. */
export interface CellTexts {
  /** "te weinig antwoorden (minder dan 5)" */
  suppressed: string;
  /** "geen antwoorden" */
  noAnswers: string;
}

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** The number a chart may draw: only for shown, computed statistics. */
export function shownMean(stats: { mean: number | null; suppressed: boolean } | null | undefined): number | null {
  if (!stats || stats.suppressed || !finite(stats.mean)) return null;
  return stats.mean;
}

/** A mean for a table cell: the number, the suppression sentence, or "geen antwoorden". */
export function meanCell(stats: { n: number; mean: number | null; suppressed: boolean } | null | undefined, locale: Locale, texts: CellTexts): string {
  if (!stats) return NO_VALUE;
  if (stats.suppressed) return texts.suppressed;
  if (!finite(stats.mean)) return stats.n > 0 ? NO_VALUE : texts.noAnswers;
  return formatNumber(stats.mean, locale);
}

/** Key of a wave's series in chart rows (ids contain dashes, which some data-key paths dislike). */
export const waveKey = (index: number) => `w${index}`;
export const seriesKey = (index: number) => `s${index}`;

// --- 1. Responses ------------------------------------------------------------------------------

export interface ResponseRow {
  waveId: string;
  label: string;
  invited: number | null;
  started: number;
  complete: number;
  /** Complete / invited, when invitations are known. */
  completeShare: number | null;
}

export function responseRows(d: Dashboard): ResponseRow[] {
  return d.waves.map((w) => {
    const c = d.counts.find((x) => x.waveId === w.waveId);
    const invited = c?.invited ?? null;
    const complete = c?.complete ?? 0;
    return {
      waveId: w.waveId,
      label: w.label,
      invited,
      started: c?.started ?? 0,
      complete,
      completeShare: invited !== null && invited > 0 ? complete / invited : null,
    };
  });
}

// --- Score ranges: every chart on the instrument's own answer scale -----------------------------------

export { byRange, rangeKey, rangeTicks } from '../../lib/ranges';

/**
 * The rule for a scale with few labelled answers (ja / deels / nee): with at most this many scored
 * options, and every item on that one answer scale, a scale is shown as the share of each answer per
 * item and wave, not as a mean (a mean of 2,4 on 1–3 reads like a weak score on a 1–5 radar).
 */
export const SHARES_MAX_OPTIONS = 3;

export const showsShares = (s: ScaleSeries): boolean => s.options !== null && s.options.length <= SHARES_MAX_OPTIONS;

/** The lowest and highest answer of a range, with their labels when the scales on it share their options. */
export interface RangeText {
  min: number;
  max: number;
  minLabel: string | null;
  maxLabel: string | null;
}

/** The ranges the scales of a dashboard are on, once each, for a caption such as "1 (helemaal oneens) tot 5 (helemaal eens)". */
export function rangeTexts(scales: readonly ScaleSeries[], locale: Locale): RangeText[] {
  return byRange(scales, (s) => s.range).map(({ range, members }) => {
    const first = members[0]!.options;
    const same = first !== null && members.every((m) => m.options !== null && sameEnds(m.options, first));
    return {
      min: range.min,
      max: range.max,
      minLabel: same ? pick(first[0]!.label, locale) : null,
      maxLabel: same ? pick(first.at(-1)!.label, locale) : null,
    };
  });
}

const sameEnds = (a: readonly AnswerOption[], b: readonly AnswerOption[]) =>
  a[0]!.label.nl === b[0]!.label.nl && a.at(-1)!.label.nl === b.at(-1)!.label.nl && a[0]!.code === b[0]!.code && a.at(-1)!.code === b.at(-1)!.code;

// --- 2. Scores per scale: radars (one per range) and bars ---------------------------------------------

/** One row per scale with a value per wave (`w0`, `w1`, …); null where the point is omitted. */
export function radarRows(d: Dashboard, scales: readonly ScaleSeries[], locale: Locale): Record<string, string | number | null>[] {
  return scales.map((s) => {
    const row: Record<string, string | number | null> = { scaleId: s.scaleId, label: pick(s.label, locale) };
    d.waves.forEach((w, i) => {
      row[waveKey(i)] = shownMean(s.perWave.find((p) => p.waveId === w.waveId)?.stats);
    });
    return row;
  });
}

/** Points left out of a chart and why (the table next to it says so). */
export function omittedPoints(d: Dashboard, scales: readonly ScaleSeries[], locale: Locale): { scale: string; wave: string; reason: 'suppressed' | 'empty' }[] {
  const out: { scale: string; wave: string; reason: 'suppressed' | 'empty' }[] = [];
  for (const s of scales) {
    for (const w of d.waves) {
      const stats = s.perWave.find((p) => p.waveId === w.waveId)?.stats;
      if (shownMean(stats) !== null) continue;
      out.push({ scale: pick(s.label, locale), wave: w.label, reason: stats?.suppressed ? 'suppressed' : 'empty' });
    }
  }
  return out;
}

/** Waves with at least one point among these scales: a wave without any gets no polygon or legend entry. */
export function wavesWithPoints(d: Dashboard, scales: readonly ScaleSeries[]): number[] {
  return d.waves.map((w, i) => ({ w, i })).filter(({ w }) => scales.some((s) => shownMean(s.perWave.find((p) => p.waveId === w.waveId)?.stats) !== null)).map(({ i }) => i);
}

/** A radar needs three axes; fewer scales on a range are drawn as bars. */
export const RADAR_MIN_AXES = 3;

export interface ScoreChartGroup {
  key: string;
  range: ScoreRange;
  kind: 'radar' | 'bars';
  scales: ScaleSeries[];
}

/**
 * The charts of the scores per scale: the scales shown as means (not as shares), one chart per
 * score range, so that scales on different answer scales never share a radar or an axis.
 */
export function scoreChartGroups(d: Dashboard): ScoreChartGroup[] {
  return byRange(
    d.scales.filter((s) => !showsShares(s)),
    (s) => s.range,
  ).map(({ key, range, members }) => ({ key, range, kind: members.length >= RADAR_MIN_AXES ? 'radar' : 'bars', scales: members }));
}

export interface TrendPoint {
  wave: string;
  waveId: string;
  mean: number | null;
  /** Distances below and above the mean for an error bar; null without a CI. */
  ci: [number, number] | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
}

export interface TrendSeries {
  scaleId: string;
  label: string;
  range: ScoreRange;
  points: TrendPoint[];
}

export function trendSeries(d: Dashboard, locale: Locale): TrendSeries[] {
  return d.scales.map((s) => ({
    scaleId: s.scaleId,
    label: pick(s.label, locale),
    range: s.range,
    points: d.waves.map((w) => {
      const stats = s.perWave.find((p) => p.waveId === w.waveId)?.stats;
      const mean = shownMean(stats);
      const low = mean !== null && finite(stats?.ciLow) ? stats.ciLow : null;
      const high = mean !== null && finite(stats?.ciHigh) ? stats.ciHigh : null;
      return {
        wave: w.label,
        waveId: w.waveId,
        mean,
        ci: mean !== null && low !== null && high !== null ? [Math.max(0, mean - low), Math.max(0, high - mean)] : null,
        ciLow: low,
        ciHigh: high,
        n: stats?.n ?? 0,
      };
    }),
  }));
}

/** The y-range of one scale's trend chart: the scale's own range, widened to whole numbers when a CI reaches beyond it. */
export function trendDomain(series: TrendSeries): [number, number] {
  let low = series.range.min;
  let high = series.range.max;
  for (const p of series.points) {
    for (const v of [p.ciLow, p.ciHigh, p.mean]) {
      if (v === null) continue;
      low = Math.min(low, Math.floor(v));
      high = Math.max(high, Math.ceil(v));
    }
  }
  return [low, high];
}

// --- Alpha ---------------------------------------------------------------------------------------

export interface AlphaCell {
  waveId: string;
  /** The formatted alpha; null when there is none to show (then `unavailable` says why, if known). */
  alpha: string | null;
  n: string;
  items: string;
  smallSample: boolean;
  /** Why alpha cannot be computed (from the results service), or null. */
  unavailable: AlphaResult['unavailable'];
  /** Items left out because everyone gave them the same answer (as psych::alpha does). */
  constantItems: number;
}

export function alphaRows(d: Dashboard, locale: Locale): { scaleId: string; label: string; cells: AlphaCell[] }[] {
  return d.scales.map((s) => ({
    scaleId: s.scaleId,
    label: pick(s.label, locale),
    cells: d.waves.map((w) => {
      const a = s.perWave.find((p) => p.waveId === w.waveId)?.alpha;
      const shown = finite(a?.alpha);
      return {
        waveId: w.waveId,
        alpha: shown ? formatNumber(a!.alpha, locale, 2) : null,
        n: formatCount(a?.n ?? null, locale),
        items: formatCount(a?.items ?? null, locale),
        smallSample: shown ? a!.smallSample || a!.n < 30 : false,
        unavailable: shown ? null : (a?.unavailable ?? null),
        constantItems: a && finite(a.constantItems) ? a.constantItems : 0,
      };
    }),
  }));
}

// --- 4. Change: the comparison over everyone, per scale and per item ------------------------------------

export type DifferenceStatus = 'ok' | 'tooSmall' | 'absent';

export interface DifferenceRow {
  id: string;
  kind: 'scale' | 'item';
  label: string;
  /** The item's scale (empty for scales and for items of no scale). */
  scaleLabel: string;
  /** The scale's or item's score range (the axis its difference is drawn on). */
  range: ScoreRange | null;
  /** A reverse-keyed item: its difference is of the scores after reversal. */
  reverse: boolean;
  nBaseline: number;
  nFollowUp: number;
  nPairs: number;
  diff: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** Distances from the difference to the CI bounds, for an error bar; null without a CI. */
  ci: [number, number] | null;
  t: number | null;
  df: number | null;
  p: number | null;
  status: DifferenceStatus;
  /** The difference in words (shared/results-summary.ts): *duidelijk hoger*, *ongeveer gelijk* … */
  verdict: ChangeVerdict;
}

/**
 * The headline comparison of one follow-up wave with the baseline: per scale (or per item) the
 * all-respondents difference, follow-up minus baseline, with its 95% interval and the n of both waves
 * and of the pairs among them. A row that is not in both versions, or has too few answers, has no bar.
 */
export function differenceRows(d: Dashboard, c: Comparison, kind: 'scale' | 'item', locale: Locale): DifferenceRow[] {
  const scales = new Map(d.scales.map((s) => [s.scaleId, s]));
  const items = new Map(d.items.map((it) => [it.itemId, it]));
  return c.rows
    .filter((r) => r.kind === kind)
    .map((r) => {
      const a = r.allRespondents;
      const item = kind === 'item' ? items.get(r.id) : undefined;
      const status: DifferenceStatus = r.notices.some((n) => n.code === 'not-in-both') ? 'absent' : a.tooSmall || !finite(a.meanDiff) ? 'tooSmall' : 'ok';
      const ok = status === 'ok';
      const diff = ok ? a.meanDiff : null;
      const ciLow = ok && finite(a.ciLow) && finite(a.ciHigh) ? a.ciLow : null;
      const ciHigh = ciLow !== null ? a.ciHigh : null;
      const range = kind === 'scale' ? (scales.get(r.id)?.range ?? null) : (item?.range ?? null);
      return {
        id: r.id,
        kind,
        label: pick(r.label, locale),
        scaleLabel: item?.scaleId ? pick(scales.get(item.scaleId)?.label, locale) : '',
        range,
        reverse: item?.reverse ?? false,
        nBaseline: a.nBaseline,
        nFollowUp: a.nFollowUp,
        nPairs: a.nPairs,
        diff,
        ciLow,
        ciHigh,
        ci: diff !== null && ciLow !== null && ciHigh !== null ? [Math.max(0, diff - ciLow), Math.max(0, ciHigh - diff)] : null,
        t: ok && finite(a.t) ? a.t : null,
        df: ok && finite(a.df) ? a.df : null,
        p: ok && finite(a.p) ? a.p : null,
        status,
        verdict: ok && range ? changeVerdict(a, range) : 'tooFew',
      };
    });
}

/**
 * The change per statement (shared/results-summary.ts `indicatorChanges`) as rows for the
 * difference chart and table: largest rise first, largest fall last, then what cannot be compared.
 */
export function indicatorChangeRows(d: Dashboard, c: Comparison, locale: Locale): DifferenceRow[] {
  const scales = new Map(d.scales.map((s) => [s.scaleId, s]));
  return indicatorChanges(d, c).map((r) => {
    const ch = r.change;
    const ok = r.status === 'ok';
    const diff = ok ? ch.meanDiff : null;
    const ciLow = ok ? ch.ciLow : null;
    const ciHigh = ok ? ch.ciHigh : null;
    return {
      id: r.itemId,
      kind: 'item',
      label: pick(r.label, locale),
      scaleLabel: r.scaleId ? pick(scales.get(r.scaleId)?.label, locale) : '',
      range: r.range,
      reverse: r.reverse,
      nBaseline: ch.nBaseline,
      nFollowUp: ch.nFollowUp,
      nPairs: ch.nPairs,
      diff,
      ciLow,
      ciHigh,
      ci: diff !== null && ciLow !== null && ciHigh !== null ? [Math.max(0, diff - ciLow), Math.max(0, ciHigh - diff)] : null,
      t: null,
      df: null,
      p: null,
      status: r.status === 'tooFew' ? 'tooSmall' : r.status,
      verdict: ch.verdict,
    };
  });
}

/** The rows with a bar, one chart per score range (a difference of 1 on 1–3 is not one on 1–7). */
export function differenceCharts(rows: readonly DifferenceRow[]): { key: string; range: ScoreRange; rows: DifferenceRow[] }[] {
  const drawn = rows.filter((r) => r.diff !== null && r.range !== null);
  return byRange(drawn, (r) => r.range!).map(({ key, range, members }) => ({ key, range, rows: members }));
}

/** The tick step of a difference axis reaching `edge`: 0,5 up to ±2, then 1, 2 and 5, so that there are at most nine ticks. */
const changeStep = (edge: number) => (edge <= 2 ? 0.5 : edge <= 4 ? 1 : edge <= 8 ? 2 : 5);

/** A symmetric x-range around zero for diverging bars and their intervals: at least ±1, on a whole tick step. */
export function changeDomain(rows: readonly Pick<DifferenceRow, 'diff' | 'ciLow' | 'ciHigh'>[]): [number, number] {
  const max = Math.max(1, rows.reduce((m, r) => Math.max(m, ...[r.diff, r.ciLow, r.ciHigh].filter(finite).map(Math.abs)), 0));
  const step = changeStep(max);
  const edge = Math.ceil(max / step - 1e-9) * step;
  return [-edge, edge];
}

/** The ticks of a difference axis: from −edge to +edge on its step, zero included. */
export function changeTicks([, edge]: readonly [number, number]): number[] {
  const step = changeStep(edge);
  const count = Math.round(edge / step);
  return Array.from({ length: 2 * count + 1 }, (_, i) => (i - count) * step);
}

/** The cells of a headline row after its label, in column order: n baseline, n follow-up, of which pairs, difference, CI, t (df); p. */
export function differenceCells(r: DifferenceRow, locale: Locale): string[] {
  return [
    formatCount(r.nBaseline, locale),
    formatCount(r.nFollowUp, locale),
    formatCount(r.nPairs, locale),
    formatSigned(r.diff, locale),
    formatSignedInterval(r.ciLow, r.ciHigh, locale),
    r.t === null ? NO_VALUE : `${formatNumber(r.t, locale, 2)} (${formatNumber(r.df, locale, 1)}); ${formatP(r.p, locale)}`,
  ];
}

// --- 5. Spread between organisations and 6. breakdown ---------------------------------------------

export interface GroupValue {
  groupId: string;
  label: string;
  mean: number | null;
  n: number;
  suppressed: boolean;
}

export interface GroupScale {
  scaleId: string;
  label: string;
  range: ScoreRange;
  groups: GroupValue[];
  /** Lowest and highest shown group mean; null with fewer than one shown value. */
  min: number | null;
  max: number | null;
}

export function groupScales(d: Dashboard, breakdown: GroupBreakdown | null, waveId: string, locale: Locale): GroupScale[] {
  if (!breakdown) return [];
  return d.scales.map((s) => {
    const groups = breakdown.groups.map((g) => {
      const stats = g.perScale.find((p) => p.scaleId === s.scaleId)?.perWave.find((p) => p.waveId === waveId)?.stats;
      return { groupId: g.groupId, label: pick(g.label, locale), mean: shownMean(stats), n: stats?.n ?? 0, suppressed: stats?.suppressed ?? false };
    });
    const shown = groups.map((g) => g.mean).filter((m): m is number => m !== null);
    return {
      scaleId: s.scaleId,
      label: pick(s.label, locale),
      range: s.range,
      groups,
      min: shown.length ? Math.min(...shown) : null,
      max: shown.length ? Math.max(...shown) : null,
    };
  });
}

/** Rows for the spread chart: `range` [min, max] per scale and `g0`, `g1`, … per group. */
export function groupChartRows(scales: readonly GroupScale[]): Record<string, string | number | null | [number, number]>[] {
  return scales.map((s) => {
    const row: Record<string, string | number | null | [number, number]> = {
      scaleId: s.scaleId,
      label: s.label,
      range: s.min !== null && s.max !== null ? [s.min, s.max] : null,
    };
    s.groups.forEach((g, i) => {
      row[`g${i}`] = g.mean;
    });
    return row;
  });
}

export const hasGroupValues = (scales: readonly GroupScale[]) => scales.some((s) => s.groups.some((g) => g.mean !== null));

/** A group's cell: the mean with its n, or the suppression sentence (without n). */
export function groupCell(g: GroupValue, locale: Locale, texts: CellTexts): string {
  if (g.suppressed) return texts.suppressed;
  if (g.mean === null) return g.n > 0 ? NO_VALUE : texts.noAnswers;
  return formatNumber(g.mean, locale);
}

// --- 7. Answer distributions ------------------------------------------------------------------------

export interface DistributionSegment {
  code: number;
  label: string;
  count: number;
  share: number;
  scored: boolean;
}

export interface DistributionRow {
  key: string;
  itemId: string;
  itemLabel: string;
  waveId: string;
  waveLabel: string;
  /** Answers given (scored + not scored); missing answers are not part of the 100%. */
  total: number;
  missing: number;
  /** A reverse-keyed item: the segments are its raw answers, as given (its mean is after reversal). */
  reverse: boolean;
  /** Share agreeing of the raw answers (agreement statements only). */
  shareAgree: number | null;
  segments: DistributionSegment[];
  suppressed: boolean;
  absent: boolean;
}

export interface DistributionOption {
  code: number;
  label: string;
  scored: boolean;
}

/** The options across the items shown, in the scale's order, scored before not scored. */
export function distributionOptions(rows: readonly DistributionRow[]): DistributionOption[] {
  const seen = new Map<number, DistributionOption>();
  for (const r of rows) for (const s of r.segments) if (!seen.has(s.code)) seen.set(s.code, { code: s.code, label: s.label, scored: s.scored });
  const all = [...seen.values()];
  return [...all.filter((o) => o.scored), ...all.filter((o) => !o.scored)];
}

/** The items of one scale (or of no scale when `scaleId` is null), one row per item and wave. */
export function distributionRows(d: Dashboard, scaleId: string | null, locale: Locale): DistributionRow[] {
  const rows: DistributionRow[] = [];
  for (const it of d.items) {
    // Select all that apply has its own section: its options' shares do not add up to 100%.
    if (it.scaleId !== scaleId || it.type === 'multiple') continue;
    for (const w of d.waves) {
      const stats: ItemStats | undefined = it.perWave.find((p) => p.waveId === w.waveId)?.stats;
      const absent = !it.presentIn.includes(w.waveId);
      const suppressed = stats?.suppressed ?? false;
      const dist = !absent && !suppressed && stats?.distribution ? stats.distribution : [];
      const total = dist.reduce((sum, o) => sum + (finite(o.count) ? o.count : 0), 0);
      rows.push({
        key: `${it.itemId}/${w.waveId}`,
        itemId: it.itemId,
        itemLabel: pick(it.label, locale),
        waveId: w.waveId,
        waveLabel: w.label,
        total,
        missing: stats?.missing ?? 0,
        reverse: it.reverse,
        shareAgree: !absent && !suppressed && finite(stats?.shareAgree) ? stats.shareAgree : null,
        segments: dist.map((o) => ({ code: o.code, label: pick(o.label, locale), count: o.count, share: total > 0 ? o.count / total : 0, scored: o.scored })),
        suppressed,
        absent,
      });
    }
  }
  return rows;
}

/** Chart rows: one per item and wave with a share per option (`o<code>`), only rows with answers. */
export function distributionChartRows(rows: readonly DistributionRow[]): Record<string, string | number>[] {
  return rows
    .filter((r) => r.total > 0)
    .map((r) => {
      const row: Record<string, string | number> = { key: r.key, label: `${r.itemLabel} · ${r.waveLabel}` };
      for (const s of r.segments) row[`o${s.code}`] = s.share;
      return row;
    });
}

/** "3 (25%)" for one option of one row; a dash when the row has no answers to count. */
export function distributionCell(r: DistributionRow, code: number, locale: Locale): string {
  if (r.total === 0) return NO_VALUE;
  const s = r.segments.find((x) => x.code === code);
  const count = s?.count ?? 0;
  return `${formatCount(count, locale)} (${formatPercent(count / r.total, locale)})`;
}

// --- 8. Statistics -----------------------------------------------------------------------------------

/** The cells of the matched (paired) comparison, in column order. */
export function pairedCells(p: PairedResult, locale: Locale, tooSmallText: string): string[] {
  if (p.tooSmall) return [formatCount(p.n, locale), tooSmallText, NO_VALUE, NO_VALUE, NO_VALUE, NO_VALUE, NO_VALUE];
  return [
    formatCount(p.n, locale),
    formatSigned(p.meanDiff, locale),
    formatSignedInterval(p.ciLow, p.ciHigh, locale),
    p.t === null ? NO_VALUE : `${formatNumber(p.t, locale, 2)} (${formatNumber(p.df, locale, 0)}); ${formatP(p.pT, locale)}`,
    p.wilcoxonV === null ? NO_VALUE : `${formatNumber(p.wilcoxonV, locale, Number.isInteger(p.wilcoxonV) ? 0 : 1)}; ${formatP(p.pWilcoxon, locale)}`,
    formatNumber(p.dz, locale, 2),
    formatNumber(p.rankBiserial, locale, 2),
  ];
}

/** The cells of the unmatched (independent groups) comparison, in column order. */
export function independentCells(r: IndependentResult, locale: Locale, tooSmallText: string): string[] {
  const ns = `${formatCount(r.nBaseline, locale)} / ${formatCount(r.nFollowUp, locale)}`;
  if (r.tooSmall) return [ns, tooSmallText, NO_VALUE, NO_VALUE, NO_VALUE];
  return [
    ns,
    formatSigned(r.meanDiff, locale),
    r.welchT === null ? NO_VALUE : `${formatNumber(r.welchT, locale, 2)} (${formatNumber(r.welchDf, locale, 1)}); ${formatP(r.pWelch, locale)}`,
    r.mannWhitneyW === null ? NO_VALUE : `${formatNumber(r.mannWhitneyW, locale, Number.isInteger(r.mannWhitneyW) ? 0 : 1)}; ${formatP(r.pMannWhitney, locale)}`,
    formatNumber(r.rankBiserial, locale, 2),
  ];
}

export function waveLabelOf(waves: readonly WaveColumn[], waveId: string): string {
  return waves.find((w) => w.waveId === waveId)?.label ?? NO_VALUE;
}

/** Comparisons in the order of the waves shown; rows of scales before rows of items. */
export function orderedRows(c: Comparison) {
  return [...c.rows.filter((r) => r.kind === 'scale'), ...c.rows.filter((r) => r.kind === 'item')];
}

// --- Labels ---------------------------------------------------------------------------------------------

export function labelMap(d: Dashboard): Map<string, LocalizedText> {
  const map = new Map<string, LocalizedText>();
  for (const s of d.scales) map.set(s.scaleId, s.label);
  for (const it of d.items) map.set(it.itemId, it.label);
  return map;
}

/** The reverse-keyed items (scores after reversal, distributions raw), in the instrument's order. */
export function reverseKeyed(d: Dashboard, locale: Locale): { itemId: string; label: string }[] {
  return d.items.filter((it) => it.reverse).map((it) => ({ itemId: it.itemId, label: pick(it.label, locale) }));
}

/** True when no wave has a single shown scale mean: then there is no picture to draw. */
export const hasScaleValues = (d: Dashboard) => d.scales.some((s) => s.perWave.some((p) => shownMean(p.stats) !== null));

// --- Network comparison -------------------------------------------------------------------------------

export interface ComparisonSeries {
  key: string;
  networkId: string;
  /** "Netwerk (T1)" for the latest wave, "Netwerk · T1" for every wave: the chart's legend. */
  label: string;
  network: string;
  wave: ComparedWave;
  /** The wave's place in its network's time order (0 = first), for ties when sorting. */
  waveOrder: number;
  values: Map<string, ScaleStats>;
}

type ComparedWave = NetworkComparison['networks'][number]['waves'][number];

const hasShownMean = (w: ComparedWave) => w.scales.some((s) => shownMean(s.stats) !== null);

/**
 * A network's waves in time order (shared/waves.ts: planned date, then T0 < T1 < T2 < interim),
 * whatever order the list has; the list's order only breaks what is left of ties.
 */
function wavesInTimeOrder<W extends Pick<ComparedWave, 'kind' | 'plannedDate'>>(waves: readonly W[]): W[] {
  return orderWaves(waves.map((wave, i) => ({ wave, kind: wave.kind, plannedDate: wave.plannedDate, createdAt: String(i).padStart(8, '0') }))).map((k) => k.wave);
}

/** "The latest wave" of a network: the latest in time with any shown scale mean, else the latest in time. */
export function latestWave(waves: readonly ComparedWave[]): ComparedWave | undefined {
  const ordered = wavesInTimeOrder(waves);
  return ordered.filter(hasShownMean).at(-1) ?? ordered.at(-1);
}

/**
 * Series for the comparison across networks: per network its latest wave (with any scale
 * values), or every wave, in time order. Scales are the union over the networks, in order of first
 * appearance, each with its score range; `charts` groups them per range (one chart per answer scale).
 */
export function networkComparison(nc: NetworkComparison, mode: 'latest' | 'all', locale: Locale) {
  const scales = new Map<string, { label: string; range: ScoreRange }>();
  const series: ComparisonSeries[] = [];
  for (const net of nc.networks) {
    for (const w of net.waves) for (const s of w.scales) if (!scales.has(s.scaleId)) scales.set(s.scaleId, { label: pick(s.label, locale), range: s.range });
    const ordered = wavesInTimeOrder(net.waves);
    const latest = latestWave(net.waves);
    const waves = mode === 'latest' ? (latest ? [latest] : []) : ordered;
    for (const w of waves) {
      series.push({
        key: `${net.networkId}/${w.waveId}`,
        networkId: net.networkId,
        label: mode === 'latest' ? `${net.name} (${w.label})` : `${net.name} · ${w.label}`,
        network: net.name,
        wave: w,
        waveOrder: ordered.indexOf(w),
        values: new Map(w.scales.map((s) => [s.scaleId, s.stats])),
      });
    }
  }
  const scaleList = [...scales].map(([scaleId, { label, range }]) => ({ scaleId, label, range }));
  const rows = scaleList.map(({ scaleId, label }) => {
    const row: Record<string, string | number | null> = { scaleId, label };
    series.forEach((s, i) => {
      row[seriesKey(i)] = shownMean(s.values.get(scaleId));
    });
    return row;
  });
  const hasValue = (row: Record<string, string | number | null>) => series.some((_, i) => row[seriesKey(i)] !== null);
  const charts = byRange(scaleList, (s) => s.range)
    .map(({ key, range, members }) => ({ key, range, scaleIds: members.map((m) => m.scaleId), rows: rows.filter((r) => members.some((m) => m.scaleId === r.scaleId)) }))
    .filter((c) => c.rows.some(hasValue));
  return { scales: scaleList, series, rows, charts, hasValues: rows.some(hasValue) };
}
