/** Descriptive statistics over small groups, with small-cell protection built in. */
import type { ScaleStats } from './results';
import { confidenceIntervalFrom, mean, varianceAround } from './stats/descriptives';

export const DEFAULT_MIN_GROUP_SIZE = 5;

/**
 * Descriptives of a scale score in one group, as the dashboard shows them: n, mean, SD and the
 * t-based 95% CI. Below the minimum size the numbers are withheld (suppressed); with no values
 * there is nothing to withhold. Never NaN.
 */
export function scaleStats(values: ArrayLike<number>, minGroupSize: number): ScaleStats {
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null, ciLow: null, ciHigh: null, suppressed: false };
  if (n < minGroupSize) return { n, mean: null, sd: null, ciLow: null, ciHigh: null, suppressed: true };
  const m = mean(values)!;
  const v = varianceAround(values, m);
  const s = v === null ? null : Math.sqrt(v);
  const ci = s === null ? null : confidenceIntervalFrom(m, s, n);
  return { n, mean: m, sd: s, ciLow: ci?.low ?? null, ciHigh: ci?.high ?? null, suppressed: false };
}

/** A cell hidden by small-cell protection in a group breakdown: no numbers, and not its n either. */
export function hiddenScaleStats(): ScaleStats {
  return { n: 0, mean: null, sd: null, ciLow: null, ciHigh: null, suppressed: true };
}
