import type {
  AlphaResult,
  Comparison,
  ConversationPoint,
  Dashboard,
  GroupBreakdown,
  IndependentResult,
  ItemStats,
  NetworkComparison,
  PairedResult,
  ScaleStats,
  WaveColumn,
} from '../../../../shared/results';
import type { Locale, LocalizedText } from '../../../../shared/text';
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

// --- 2. Radar and 3. trend ---------------------------------------------------------------------

export function statsFor(d: Dashboard, scaleId: string, waveId: string): { stats: ScaleStats; alpha: AlphaResult } | null {
  return d.scales.find((s) => s.scaleId === scaleId)?.perWave.find((p) => p.waveId === waveId) ?? null;
}

/** One row per scale with a value per wave (`w0`, `w1`, …); null where the point is omitted. */
export function radarRows(d: Dashboard, locale: Locale): Record<string, string | number | null>[] {
  return d.scales.map((s) => {
    const row: Record<string, string | number | null> = { scaleId: s.scaleId, label: pick(s.label, locale) };
    d.waves.forEach((w, i) => {
      row[waveKey(i)] = shownMean(s.perWave.find((p) => p.waveId === w.waveId)?.stats);
    });
    return row;
  });
}

/** Points left out of the radar chart and why (the table next to it says so). */
export function omittedPoints(d: Dashboard, locale: Locale): { scale: string; wave: string; reason: 'suppressed' | 'empty' }[] {
  const out: { scale: string; wave: string; reason: 'suppressed' | 'empty' }[] = [];
  for (const s of d.scales) {
    for (const w of d.waves) {
      const stats = s.perWave.find((p) => p.waveId === w.waveId)?.stats;
      if (shownMean(stats) !== null) continue;
      out.push({ scale: pick(s.label, locale), wave: w.label, reason: stats?.suppressed ? 'suppressed' : 'empty' });
    }
  }
  return out;
}

/** Waves with at least one point on the radar: a wave without any gets no polygon or legend entry. */
export function wavesWithPoints(d: Dashboard): number[] {
  return d.waves.map((w, i) => ({ w, i })).filter(({ w }) => d.scales.some((s) => shownMean(s.perWave.find((p) => p.waveId === w.waveId)?.stats) !== null)).map(({ i }) => i);
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
  points: TrendPoint[];
}

export function trendSeries(d: Dashboard, locale: Locale): TrendSeries[] {
  return d.scales.map((s) => ({
    scaleId: s.scaleId,
    label: pick(s.label, locale),
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

/** The y-range of a trend chart: the 1–5 agreement scale, widened when a CI reaches beyond it. */
export function trendDomain(series: readonly TrendSeries[]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const s of series) {
    for (const p of s.points) {
      for (const v of [p.ciLow, p.ciHigh, p.mean]) {
        if (v === null) continue;
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
    }
  }
  if (low === Infinity) return [1, 5];
  return [Math.min(1, Math.floor(low)), Math.max(5, Math.ceil(high))];
}

// --- Alpha ---------------------------------------------------------------------------------------

export interface AlphaCell {
  waveId: string;
  alpha: string;
  n: string;
  items: string;
  smallSample: boolean;
}

export function alphaRows(d: Dashboard, locale: Locale): { scaleId: string; label: string; cells: AlphaCell[] }[] {
  return d.scales.map((s) => ({
    scaleId: s.scaleId,
    label: pick(s.label, locale),
    cells: d.waves.map((w) => {
      const a = s.perWave.find((p) => p.waveId === w.waveId)?.alpha;
      return {
        waveId: w.waveId,
        alpha: formatNumber(a?.alpha ?? null, locale, 2),
        n: formatCount(a?.n ?? null, locale),
        items: formatCount(a?.items ?? null, locale),
        smallSample: a ? a.smallSample || a.n < 30 : false,
      };
    }),
  }));
}

// --- 4. Change per indicator ---------------------------------------------------------------------

export type ChangeStatus = 'ok' | 'suppressed' | 'absent' | 'empty';

export interface ChangeRow {
  itemId: string;
  label: string;
  scaleLabel: string;
  diff: number | null;
  baselineMean: number | null;
  followUpMean: number | null;
  nBaseline: number;
  nFollowUp: number;
  status: ChangeStatus;
}

/**
 * Follow-up minus baseline item mean (all respondents of each wave), for the items that belong
 * to a scale (the agreement statements). An item that is not in both versions, or whose mean is
 * not shown in either wave, has no bar and says why.
 */
export function changeRows(d: Dashboard, followUpWaveId: string, locale: Locale): ChangeRow[] {
  const baseline = d.waves[0];
  if (!baseline || baseline.waveId === followUpWaveId) return [];
  const scaleLabels = new Map(d.scales.map((s) => [s.scaleId, pick(s.label, locale)]));
  return d.items
    .filter((it) => it.scaleId !== null)
    .map((it) => {
      const b = it.perWave.find((p) => p.waveId === baseline.waveId)?.stats;
      const f = it.perWave.find((p) => p.waveId === followUpWaveId)?.stats;
      const bm = shownMean(b);
      const fm = shownMean(f);
      let status: ChangeStatus = 'ok';
      if (!it.presentIn.includes(baseline.waveId) || !it.presentIn.includes(followUpWaveId)) status = 'absent';
      else if (b?.suppressed || f?.suppressed) status = 'suppressed';
      else if (bm === null || fm === null) status = 'empty';
      const ok = status === 'ok' && bm !== null && fm !== null;
      return {
        itemId: it.itemId,
        label: pick(it.label, locale),
        scaleLabel: it.scaleId ? (scaleLabels.get(it.scaleId) ?? '') : '',
        diff: ok ? fm - bm : null,
        baselineMean: ok ? bm : null,
        followUpMean: ok ? fm : null,
        nBaseline: b?.n ?? 0,
        nFollowUp: f?.n ?? 0,
        status,
      };
    });
}

/** A symmetric x-range around zero for diverging bars, at least ±1 and in steps of 0,5. */
export function changeDomain(rows: readonly ChangeRow[]): [number, number] {
  const max = rows.reduce((m, r) => (r.diff === null ? m : Math.max(m, Math.abs(r.diff))), 0);
  const edge = Math.max(1, Math.ceil(max * 2) / 2);
  return [-edge, edge];
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
    if (it.scaleId !== scaleId) continue;
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

// --- 9. Conversation points ------------------------------------------------------------------------

export function conversationGroups(d: Dashboard): { lowest: ConversationPoint[]; declined: ConversationPoint[] } {
  const valid = d.conversation.filter((c) => finite(c.value));
  return { lowest: valid.filter((c) => c.kind === 'lowest'), declined: valid.filter((c) => c.kind === 'declined') };
}

export function conversationValue(c: ConversationPoint, locale: Locale): string {
  return c.kind === 'lowest' ? formatNumber(c.value, locale) : formatPercent(c.value, locale);
}

// --- Labels ---------------------------------------------------------------------------------------------

export function labelMap(d: Dashboard): Map<string, LocalizedText> {
  const map = new Map<string, LocalizedText>();
  for (const s of d.scales) map.set(s.scaleId, s.label);
  for (const it of d.items) map.set(it.itemId, it.label);
  return map;
}

/** True when no wave has a single shown scale mean: then there is no picture to draw. */
export const hasScaleValues = (d: Dashboard) => d.scales.some((s) => s.perWave.some((p) => shownMean(p.stats) !== null));

// --- Network comparison -------------------------------------------------------------------------------

export interface ComparisonSeries {
  key: string;
  networkId: string;
  label: string;
  waveLabel: string;
  values: Map<string, ScaleStats>;
}

/**
 * Series for the comparison across networks: per network its latest wave (with any scale
 * values), or every wave. Scales are the union over the networks, in order of first appearance.
 */
export function networkComparison(nc: NetworkComparison, mode: 'latest' | 'all', locale: Locale) {
  const scales = new Map<string, string>();
  const series: ComparisonSeries[] = [];
  for (const net of nc.networks) {
    for (const w of net.waves) for (const s of w.scales) if (!scales.has(s.scaleId)) scales.set(s.scaleId, pick(s.label, locale));
    let waves = net.waves;
    if (mode === 'latest') {
      const withValues = net.waves.filter((w) => w.scales.some((s) => shownMean(s.stats) !== null));
      const last = (withValues.length ? withValues : net.waves).at(-1);
      waves = last ? [last] : [];
    }
    for (const w of waves) {
      series.push({
        key: `${net.networkId}/${w.waveId}`,
        networkId: net.networkId,
        label: mode === 'latest' ? `${net.name} (${w.label})` : `${net.name} · ${w.label}`,
        waveLabel: w.label,
        values: new Map(w.scales.map((s) => [s.scaleId, s.stats])),
      });
    }
  }
  const scaleList = [...scales].map(([scaleId, label]) => ({ scaleId, label }));
  const rows = scaleList.map(({ scaleId, label }) => {
    const row: Record<string, string | number | null> = { scaleId, label };
    series.forEach((s, i) => {
      row[seriesKey(i)] = shownMean(s.values.get(scaleId));
    });
    return row;
  });
  return { scales: scaleList, series, rows, hasValues: rows.some((r) => series.some((_, i) => r[seriesKey(i)] !== null)) };
}
