/**
 * The *Samenvatting* of a network's results: what a coordinator asks first ("did our collaboration
 * improve, where, and for whom?"), computed from the Dashboard as pure functions. It decides; the
 * renderer words it (renderer/src/features/dashboard/summary-text.ts) from the locale files. Every
 * number here is also in the details: the rows of the Dashboard it was taken from.
 *
 * The rules (docs/decisions/2026-12-01-results-summary.md):
 * - A change is the comparison over everyone (`AllRespondentsResult`: follow-up minus baseline with
 *   its 95% interval). Interval entirely above zero: *duidelijk hoger*; entirely below: *duidelijk
 *   lager*. An interval that contains zero is *mogelijk hoger / lager* when the difference itself
 *   is at least the practical threshold (one twentieth of the score range: 0,2 on 1 to 5), and
 *   *ongeveer gelijk* when it is smaller. Too few answers (or none to compare): *te weinig gegevens*.
 * - The latest wave is the last wave shown that has a scale mean; the baseline is the first wave
 *   shown (as in the comparisons).
 * - Strongest and weakest: by position on each condition's own range, in the latest wave, when at
 *   least two conditions have a mean and they differ. Biggest rise and fall: by the difference as a
 *   share of the range, among the changes that are clearly or possibly higher (lower).
 * - The *rapportcijfer*: the first number question scored 1 to 10.
 */
import type { AllRespondentsResult, ChangeVerdict, Comparison, ComparisonRow, Dashboard, ItemSeries, ScoreRange } from './results';
import type { LocalizedText } from './text';

/** The practical threshold as a share of the score range (0,2 on 1 to 5, 0,3 on 1 to 7, 0,45 on 1 to 10). */
export const PRACTICAL_SHARE = 0.05;

/** Rounding noise: a difference of exactly the threshold counts as reaching it. */
const EPSILON = 1e-9;

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** The smallest difference that matters in practice on this range. */
export const practicalDifference = (range: ScoreRange): number => PRACTICAL_SHARE * (range.max - range.min);

/** What a verdict needs of a comparison. */
export interface ChangeInput {
  meanDiff: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  tooSmall: boolean;
}

/**
 * The verdict on a change. Without an interval but with a difference (every difference equal, so
 * the interval has no width), the interval is the difference itself; a broken interval (one bound,
 * or NaN) cannot be judged.
 */
export function changeVerdict(change: ChangeInput, range: ScoreRange): ChangeVerdict {
  if (change.tooSmall || !finite(change.meanDiff)) return 'tooFew';
  const diff = change.meanDiff;
  const noInterval = change.ciLow === null && change.ciHigh === null;
  // Half an interval, or one that could not be computed (NaN, ±Infinity), cannot be judged.
  if (!noInterval && !(finite(change.ciLow) && finite(change.ciHigh))) return 'tooFew';
  const low = noInterval ? diff : change.ciLow!;
  const high = noInterval ? diff : change.ciHigh!;
  if (low > 0) return 'higher';
  if (high < 0) return 'lower';
  const threshold = practicalDifference(range);
  if (diff >= threshold - EPSILON) return 'possiblyHigher';
  if (diff <= -threshold + EPSILON) return 'possiblyLower';
  return 'similar';
}

/** True for a verdict whose interval excludes zero: a change that is marked in every list. */
export const isClearChange = (verdict: ChangeVerdict): boolean => verdict === 'higher' || verdict === 'lower';

// --- the summary ---------------------------------------------------------------------------------------

/** A mean in one wave as the details show it: null when suppressed or not computable. */
export interface WaveMean {
  waveId: string;
  n: number;
  mean: number | null;
  suppressed: boolean;
}

/** A change over everyone between the baseline and a follow-up wave (its n, difference and interval), with its verdict. */
export type ChangeSummary = Pick<AllRespondentsResult, 'nBaseline' | 'nFollowUp' | 'nPairs' | 'meanDiff' | 'ciLow' | 'ciHigh'> & {
  baselineWaveId: string;
  followUpWaveId: string;
  verdict: ChangeVerdict;
};

export interface ConditionSummary {
  scaleId: string;
  label: LocalizedText;
  range: ScoreRange;
  /** The first wave; null when the baseline is the latest wave (one wave with results). */
  baseline: WaveMean | null;
  latest: WaveMean;
  /** Baseline to latest over everyone; null with one wave with results. */
  change: ChangeSummary | null;
}

/** A condition named for its mean in the latest wave (strongest, weakest). */
export interface RankedCondition {
  scaleId: string;
  label: LocalizedText;
  range: ScoreRange;
  waveId: string;
  mean: number;
  n: number;
}

/** A condition named for its change (biggest rise, biggest fall). */
export interface ChangedCondition {
  scaleId: string;
  label: LocalizedText;
  range: ScoreRange;
  change: ChangeSummary;
}

export interface GradeSummary {
  itemId: string;
  label: LocalizedText;
  range: ScoreRange;
  perWave: WaveMean[];
  /** Baseline to latest over everyone; null with one wave with results or without the grade in both. */
  change: ChangeSummary | null;
}

export interface ResponseSummary {
  waveId: string;
  invited: number | null;
  started: number;
  complete: number;
}

export interface ResultsSummary {
  /** The first wave shown; null without waves. */
  baselineWaveId: string | null;
  /** The last wave with a scale mean (else the last wave); null without waves. */
  latestWaveId: string | null;
  conditions: ConditionSummary[];
  strongest: RankedCondition | null;
  weakest: RankedCondition | null;
  biggestRise: ChangedCondition | null;
  biggestFall: ChangedCondition | null;
  grade: GradeSummary | null;
  response: ResponseSummary[];
  /** People linked between the baseline and the latest wave (equal codes and accepted near matches). */
  linked: { followUpWaveId: string; count: number } | null;
}

const waveMean = (waveId: string, stats: { n: number; mean: number | null; suppressed: boolean } | undefined): WaveMean => ({
  waveId,
  n: stats?.n ?? 0,
  mean: stats && !stats.suppressed && finite(stats.mean) ? stats.mean : null,
  suppressed: stats?.suppressed ?? false,
});

/** Position of a mean on its range: 0 at the lowest score, 1 at the highest. */
export const positionOnRange = (mean: number, range: ScoreRange): number => (range.max > range.min ? (mean - range.min) / (range.max - range.min) : 0);

/** The latest wave shown with at least one scale mean, else the last wave. */
export function latestWaveWithResults(d: Dashboard): string | null {
  for (let i = d.waves.length - 1; i >= 0; i--) {
    const waveId = d.waves[i]!.waveId;
    if (d.scales.some((s) => waveMean(waveId, s.perWave.find((p) => p.waveId === waveId)?.stats).mean !== null)) return waveId;
  }
  return d.waves.at(-1)?.waveId ?? null;
}

/** The comparison of the baseline with one follow-up wave; undefined when there is none. */
export const comparisonWith = (d: Dashboard, followUpWaveId: string | null): Comparison | undefined =>
  followUpWaveId === null ? undefined : d.comparisons.find((c) => c.followUpWaveId === followUpWaveId);

/** A comparison row summarised with its verdict; "not in both versions" cannot be judged. */
export function changeOf(c: Comparison, row: ComparisonRow | undefined, range: ScoreRange): ChangeSummary {
  const a = row?.allRespondents;
  const absent = !row || row.notices.some((n) => n.code === 'not-in-both');
  const usable = !!a && !absent;
  return {
    baselineWaveId: c.baselineWaveId,
    followUpWaveId: c.followUpWaveId,
    nBaseline: a?.nBaseline ?? 0,
    nFollowUp: a?.nFollowUp ?? 0,
    nPairs: a?.nPairs ?? 0,
    meanDiff: usable && finite(a.meanDiff) ? a.meanDiff : null,
    ciLow: usable && finite(a.ciLow) ? a.ciLow : null,
    ciHigh: usable && finite(a.ciHigh) ? a.ciHigh : null,
    verdict: usable ? changeVerdict(a, range) : 'tooFew',
  };
}

/** The *rapportcijfer*: the first number question scored 1 to 10. */
export const gradeItem = (d: Dashboard): ItemSeries | undefined =>
  d.items.find((it) => it.type === 'number' && it.range !== null && it.range.min === 1 && it.range.max === 10);

/** The first of the highest (or lowest) by `key`, in the given order. */
function extreme<T>(list: readonly T[], key: (x: T) => number, highest: boolean): T | null {
  let best: T | null = null;
  let bestKey = 0;
  for (const x of list) {
    const k = key(x);
    if (best === null || (highest ? k > bestKey + EPSILON : k < bestKey - EPSILON)) {
      best = x;
      bestKey = k;
    }
  }
  return best;
}

export function summarize(d: Dashboard): ResultsSummary {
  const baselineWaveId = d.waves[0]?.waveId ?? null;
  const latestWaveId = latestWaveWithResults(d);
  const comparison = latestWaveId !== baselineWaveId ? comparisonWith(d, latestWaveId) : undefined;
  const rowOf = (kind: 'scale' | 'item', id: string) => comparison?.rows.find((r) => r.kind === kind && r.id === id);

  const conditions: ConditionSummary[] =
    latestWaveId === null
      ? []
      : d.scales.map((s) => ({
          scaleId: s.scaleId,
          label: s.label,
          range: s.range,
          baseline: comparison ? waveMean(baselineWaveId!, s.perWave.find((p) => p.waveId === baselineWaveId)?.stats) : null,
          latest: waveMean(latestWaveId, s.perWave.find((p) => p.waveId === latestWaveId)?.stats),
          change: comparison ? changeOf(comparison, rowOf('scale', s.scaleId), s.range) : null,
        }));

  const ranked: RankedCondition[] = conditions
    .filter((c) => c.latest.mean !== null)
    .map((c) => ({ scaleId: c.scaleId, label: c.label, range: c.range, waveId: c.latest.waveId, mean: c.latest.mean!, n: c.latest.n }));
  const position = (r: RankedCondition) => positionOnRange(r.mean, r.range);
  let strongest = ranked.length >= 2 ? extreme(ranked, position, true) : null;
  let weakest = ranked.length >= 2 ? extreme(ranked, position, false) : null;
  if (strongest && weakest && Math.abs(position(strongest) - position(weakest)) <= EPSILON) strongest = weakest = null;

  const changed: ChangedCondition[] = conditions
    .filter((c) => c.change !== null && c.change.verdict !== 'tooFew' && c.change.meanDiff !== null)
    .map((c) => ({ scaleId: c.scaleId, label: c.label, range: c.range, change: c.change! }));
  const relative = (c: ChangedCondition) => c.change.meanDiff! / Math.max(EPSILON, c.range.max - c.range.min);
  // Only a rise or fall worth its name: clearly or possibly higher (lower), never "about the same".
  const biggestRise = extreme(
    changed.filter((c) => c.change.verdict === 'higher' || c.change.verdict === 'possiblyHigher'),
    relative,
    true,
  );
  const biggestFall = extreme(
    changed.filter((c) => c.change.verdict === 'lower' || c.change.verdict === 'possiblyLower'),
    relative,
    false,
  );

  const item = gradeItem(d);
  const grade: GradeSummary | null = item
    ? {
        itemId: item.itemId,
        label: item.label,
        range: item.range!,
        perWave: d.waves.map((w) => waveMean(w.waveId, item.perWave.find((p) => p.waveId === w.waveId)?.stats)),
        change: comparison ? changeOf(comparison, rowOf('item', item.itemId), item.range!) : null,
      }
    : null;

  return {
    baselineWaveId,
    latestWaveId,
    conditions,
    strongest,
    weakest,
    biggestRise,
    biggestFall,
    grade,
    response: d.waves.map((w) => {
      const c = d.counts.find((x) => x.waveId === w.waveId);
      return { waveId: w.waveId, invited: c?.invited ?? null, started: c?.started ?? 0, complete: c?.complete ?? 0 };
    }),
    linked: comparison ? { followUpWaveId: comparison.followUpWaveId, count: comparison.linking.matched + comparison.linking.tolerant } : null,
  };
}

// --- change per indicator ---------------------------------------------------------------------------------

export interface IndicatorChange {
  itemId: string;
  label: LocalizedText;
  scaleId: string | null;
  range: ScoreRange;
  /** Reverse-keyed: the change is of the scores after reversal. */
  reverse: boolean;
  /** `absent`: not in both instrument versions; `tooFew`: too few answers to compare; `ok` otherwise. */
  status: 'ok' | 'tooFew' | 'absent';
  change: ChangeSummary;
}

/**
 * Each statement's change over everyone, baseline to the comparison's follow-up wave, from the
 * largest rise to the largest fall (as a share of its range, so different answer scales compare
 * fairly; equal changes in the instrument's order). Statements that cannot be judged come last, in
 * the instrument's order. Number and choice questions are not statements and are left out.
 */
export function indicatorChanges(d: Dashboard, c: Comparison): IndicatorChange[] {
  const rows: IndicatorChange[] = [];
  for (const it of d.items) {
    if (it.type !== 'scale' || it.range === null) continue;
    const row = c.rows.find((r) => r.kind === 'item' && r.id === it.itemId);
    if (!row) continue;
    const change = changeOf(c, row, it.range);
    const absent = row.notices.some((n) => n.code === 'not-in-both');
    rows.push({
      itemId: it.itemId,
      label: it.label,
      scaleId: it.scaleId,
      range: it.range,
      reverse: it.reverse,
      status: absent ? 'absent' : change.verdict === 'tooFew' ? 'tooFew' : 'ok',
      change,
    });
  }
  const order = new Map(rows.map((r, i) => [r.itemId, i]));
  const relative = (r: IndicatorChange) => r.change.meanDiff! / Math.max(EPSILON, r.range.max - r.range.min);
  return [...rows].sort((a, b) => {
    const okA = a.status === 'ok' ? 0 : 1;
    const okB = b.status === 'ok' ? 0 : 1;
    if (okA !== okB) return okA - okB;
    if (okA === 0) {
      const diff = relative(b) - relative(a);
      if (Math.abs(diff) > EPSILON) return diff;
    }
    return order.get(a.itemId)! - order.get(b.itemId)!;
  });
}
