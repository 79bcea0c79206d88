/** Descriptive statistics over small groups, with small-cell protection built in. */

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
