/** Ranks as R's `rank(x)` (ties get their average rank), and the tie sizes `table(rank(x))` gives. */

import { integerCounts } from './descriptives';

export interface Ranking {
  ranks: number[];
  /** Size of each group of equal values (1 for untied values). */
  tieSizes: number[];
  hasTies: boolean;
}

export function rankAverage(values: ArrayLike<number>): Ranking {
  return rankSmallIntegers(values) ?? rankBySorting(values);
}

/** Integers in a narrow range (item scores, their differences): ranks by counting, no sort. */
function rankSmallIntegers(values: ArrayLike<number>): Ranking | null {
  const counted = integerCounts(values);
  if (!counted) return null;
  const { min, counts } = counted;
  const n = values.length;
  const rankOf: number[] = new Array<number>(counts.length).fill(0);
  const tieSizes: number[] = [];
  let hasTies = false;
  let below = 0;
  for (let k = 0; k < counts.length; k++) {
    const c = counts[k]!;
    if (c === 0) continue;
    rankOf[k] = below + (c + 1) / 2;
    below += c;
    tieSizes.push(c);
    if (c > 1) hasTies = true;
  }
  const ranks = new Array<number>(n);
  for (let i = 0; i < n; i++) ranks[i] = rankOf[values[i]! - min]!;
  return { ranks, tieSizes, hasTies };
}

function rankBySorting(values: ArrayLike<number>): Ranking {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const ranks = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    // Positions lo..hi − 1 (0-based) hold this value: its average rank is (lo + 1 + hi) / 2.
    const v = values[i]!;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    let top = n;
    while (end < top) {
      const mid = (end + top) >>> 1;
      if (sorted[mid]! <= v) end = mid + 1;
      else top = mid;
    }
    ranks[i] = (lo + 1 + end) / 2;
  }
  const tieSizes: number[] = [];
  let hasTies = false;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++;
    tieSizes.push(j - i);
    if (j - i > 1) hasTies = true;
    i = j;
  }
  return { ranks, tieSizes, hasTies };
}

export interface RankSum {
  /** Sum of the average ranks of the first `first` values. */
  sum: number;
  tieSizes: number[];
  hasTies: boolean;
}

/** The sum of the (average) ranks of the first `first` values among all: what both Wilcoxon statistics need. */
export function rankSumOfFirst(values: ArrayLike<number>, first: number): RankSum {
  const { ranks, tieSizes, hasTies } = rankAverage(values);
  // Average ranks are whole or halves, so this sum is exact in any order.
  let sum = 0;
  for (let i = 0; i < first; i++) sum += ranks[i]!;
  return { sum, tieSizes, hasTies };
}

/** Σ(t³ − t) over the tie groups: the tie correction term of the normal approximations. */
export function tieTerm(tieSizes: readonly number[]): number {
  let sum = 0;
  for (const t of tieSizes) sum += t * t * t - t;
  return sum;
}

/**
 * Rounds to `digits` significant digits, as R's `signif` (used like `wilcox.test(digits.rank = )`
 * so that scores that are equal on paper but differ in the last bit count as ties).
 */
export function signif(x: number, digits: number): number {
  if (!Number.isFinite(digits) || x === 0 || !Number.isFinite(x)) return x;
  // Integers below 10^digits have nothing to round.
  if (Number.isInteger(x) && Math.abs(x) < 10 ** Math.min(digits, 15)) return x;
  const d = Math.max(1, Math.min(22, Math.round(digits)));
  const magnitude = Math.floor(Math.log10(Math.abs(x)));
  const shift = d - 1 - magnitude;
  // Scale by an exact power of ten where possible (multiplying by 1e-k is inexact, dividing by 1e+k is not).
  if (shift >= 0 && shift <= 22) {
    const p = 10 ** shift;
    return Math.round(x * p) / p;
  }
  return Number(x.toPrecision(d));
}

