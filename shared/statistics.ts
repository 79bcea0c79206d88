/** Descriptive statistics over small groups, with small-cell protection built in. */
import type { ScaleStats } from './results';
import { confidenceIntervalFrom, mean, varianceAround } from './stats/descriptives';

export const DEFAULT_MIN_GROUP_SIZE = 5;

export interface GroupMean {
  n: number;
  /** null when n is zero or when the group is below the minimum size (suppressed). */
  mean: number | null;
  suppressed: boolean;
}

/**
 * Mean of a group of scores. A group with fewer than `minGroupSize` values is not shown:
 * its mean is withheld so no small group of respondents can be singled out.
 */
export function protectedMean(values: readonly number[], minGroupSize: number): GroupMean {
  const n = values.length;
  if (n === 0) return { n, mean: null, suppressed: false };
  if (n < minGroupSize) return { n, mean: null, suppressed: true };
  return { n, mean: values.reduce((a, b) => a + b, 0) / n, suppressed: false };
}

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
