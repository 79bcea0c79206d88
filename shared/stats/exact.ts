/**
 * Exact null distributions of the Wilcoxon statistics, computed as R does (counts of subsets,
 * `csignrank` and `cwilcox` in R's nmath), with the same summation over the shorter tail.
 */

const signrankCache = new Map<number, Float64Array>();

/** Number of subsets of {1..n} per rank sum 0..n(n+1)/2. */
function signrankCounts(n: number): Float64Array {
  let counts = signrankCache.get(n);
  if (counts) return counts;
  const max = (n * (n + 1)) / 2;
  counts = new Float64Array(max + 1);
  counts[0] = 1;
  let reach = 0;
  for (let i = 1; i <= n; i++) {
    reach += i;
    for (let s = reach; s >= i; s--) counts[s]! += counts[s - i]!;
  }
  signrankCache.set(n, counts);
  return counts;
}

/** P(V ≤ q) (lower) or P(V > q) (upper) for the signed-rank statistic with n pairs (R: `psignrank`). */
export function pSignrank(q: number, n: number, lowerTail: boolean): number {
  const total = (n * (n + 1)) / 2;
  let x = Math.round(q + 1e-7);
  if (x < 0) return lowerTail ? 0 : 1;
  if (x >= total) return lowerTail ? 1 : 0;
  const counts = signrankCounts(n);
  const f = Math.exp(-n * Math.LN2);
  let p = 0;
  let lower = lowerTail;
  if (x <= total / 2) {
    for (let i = 0; i <= x; i++) p += counts[i]! * f;
  } else {
    x = total - x;
    for (let i = 0; i < x; i++) p += counts[i]! * f;
    lower = !lower;
  }
  return lower ? p : 0.5 - p + 0.5;
}

const wilcoxCache = new Map<string, Float64Array>();

/** Number of arrangements per value 0..m·n of the Mann–Whitney U for group sizes m and n. */
function wilcoxCounts(m: number, n: number): Float64Array {
  const a = Math.min(m, n);
  const b = Math.max(m, n);
  const key = `${a},${b}`;
  let counts = wilcoxCache.get(key);
  if (counts) return counts;
  // f(i, j, k) = f(i − 1, j, k − j) + f(i, j − 1, k), built up over j = 0..b for all i ≤ a.
  let rows: Float64Array[] = Array.from({ length: a + 1 }, () => Float64Array.of(1));
  for (let j = 1; j <= b; j++) {
    const next: Float64Array[] = [Float64Array.of(1)];
    for (let i = 1; i <= a; i++) {
      const row = new Float64Array(i * j + 1);
      const previousJ = rows[i]!;
      for (let k = 0; k < previousJ.length; k++) row[k] = previousJ[k]!;
      const previousI = next[i - 1]!;
      for (let k = 0; k < previousI.length; k++) row[k + j]! += previousI[k]!;
      next.push(row);
    }
    rows = next;
  }
  counts = rows[a]!;
  if (wilcoxCache.size > 500) wilcoxCache.clear();
  wilcoxCache.set(key, counts);
  return counts;
}

function choose(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/** P(W ≤ q) (lower) or P(W > q) (upper) for the rank-sum statistic with group sizes m, n (R: `pwilcox`). */
export function pWilcox(q: number, m: number, n: number, lowerTail: boolean): number {
  let x = Math.floor(q + 1e-7);
  if (x < 0) return lowerTail ? 0 : 1;
  if (x >= m * n) return lowerTail ? 1 : 0;
  const counts = wilcoxCounts(m, n);
  const c = choose(m + n, n);
  let p = 0;
  let lower = lowerTail;
  if (x <= (m * n) / 2) {
    for (let i = 0; i <= x; i++) p += counts[i]! / c;
  } else {
    x = m * n - x;
    for (let i = 0; i < x; i++) p += counts[i]! / c;
    lower = !lower;
  }
  return lower ? p : 0.5 - p + 0.5;
}
