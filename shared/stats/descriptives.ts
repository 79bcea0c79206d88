/**
 * Descriptive statistics as R computes them: `mean`, `sd` (n − 1), `quantile(type = 7)` and the
 * t-based 95% confidence interval of a mean (`t.test(x)$conf.int`). Functions return null where R
 * would give NA or NaN, so no NaN ever reaches the dashboard.
 */
import { tQuantile } from './distributions';

/** Arithmetic mean with R's second-pass correction; null for no values. */
export function mean(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const m = sum / n;
  let correction = 0;
  for (let i = 0; i < n; i++) correction += values[i]! - m;
  return m + correction / n;
}

/** Sample variance (denominator n − 1), two-pass; null for fewer than two values. */
export function variance(values: ArrayLike<number>): number | null {
  return values.length < 2 ? null : varianceAround(values, mean(values)!);
}

/** Sample variance around a mean already computed (two-pass); null for fewer than two values. */
export function varianceAround(values: ArrayLike<number>, m: number): number | null {
  const n = values.length;
  if (n < 2) return null;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - m;
    ss += d * d;
  }
  return ss / (n - 1);
}

/** Sample standard deviation (R: `sd`); null for fewer than two values. */
export function sd(values: ArrayLike<number>): number | null {
  const v = variance(values);
  return v === null ? null : Math.sqrt(v);
}

/** Sample quantile as R's default `quantile(x, p, type = 7)`; null for no values. */
export function quantile7(values: ArrayLike<number>, p: number): number | null {
  if (values.length === 0 || !(p >= 0 && p <= 1)) return null;
  return quantileSorted(sortedCopy(values), p);
}

/**
 * How often each integer occurs (`counts[k]` for the value `min + k`), when the values are
 * integers in a range of at most 1024 (item scores, their differences); else, or for no values, null.
 * Counting them is faster than sorting.
 */
export function integerCounts(values: ArrayLike<number>): { min: number; counts: number[] } | null {
  const n = values.length;
  if (n === 0) return null;
  let min = values[0]!;
  let max = min;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!Number.isInteger(v)) return null;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  if (max - min > 1024) return null;
  const counts: number[] = new Array<number>(max - min + 1).fill(0);
  for (let i = 0; i < n; i++) counts[values[i]! - min]!++;
  return { min, counts };
}

/** The values in ascending order; integers in a narrow range (item scores) by counting instead of sorting. */
export function sortedCopy(values: ArrayLike<number>): ArrayLike<number> {
  const counted = integerCounts(values);
  if (!counted) return Float64Array.from(values).sort();
  const out: number[] = [];
  for (let k = 0; k < counted.counts.length; k++) for (let c = counted.counts[k]!; c > 0; c--) out.push(k + counted.min);
  return out;
}

/** As `quantile7`, for values already sorted ascending. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const index = 1 + (n - 1) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const qs = sorted[lo - 1]!;
  const xHi = sorted[hi - 1]!;
  if (index > lo && xHi !== qs) {
    const h = index - lo;
    return (1 - h) * qs + h * xHi;
  }
  return qs;
}

export interface Descriptives {
  n: number;
  mean: number | null;
  sd: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
}

export function describe(values: ArrayLike<number>): Descriptives {
  const sorted = sortedCopy(values);
  const m = mean(values);
  const v = m === null ? null : varianceAround(values, m);
  return {
    n: values.length,
    mean: m,
    sd: v === null ? null : Math.sqrt(v),
    median: quantileSorted(sorted, 0.5),
    q1: quantileSorted(sorted, 0.25),
    q3: quantileSorted(sorted, 0.75),
  };
}

export interface Interval {
  low: number;
  high: number;
}

/**
 * Confidence interval of a mean from the t distribution (R: `t.test(x, conf.level = level)$conf.int`);
 * null for fewer than two values. With no spread at all the interval is the mean itself.
 */
export function meanConfidenceInterval(values: ArrayLike<number>, level = 0.95): Interval | null {
  const n = values.length;
  if (n < 2) return null;
  return confidenceIntervalFrom(mean(values)!, sd(values)!, n, level);
}

/** The same interval from a mean, SD and n already computed. */
export function confidenceIntervalFrom(m: number, s: number, n: number, level = 0.95): Interval | null {
  if (n < 2) return null;
  const half = tQuantile(1 - (1 - level) / 2, n - 1) * (s / Math.sqrt(n));
  return { low: m - half, high: m + half };
}
