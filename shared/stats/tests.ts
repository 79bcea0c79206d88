/**
 * Two-sample comparisons as R computes them: `t.test(x, y, paired = TRUE)`, `t.test(x, y)` (Welch),
 * `wilcox.test(x, y, paired = TRUE)` and `wilcox.test(x, y)`, two-sided, with R's defaults
 * (`exact = NULL`, `correct = TRUE`). `x` is the follow-up and `y` the baseline, so differences are
 * follow-up minus baseline. Anything R would report as NA, NaN or an error is null here.
 */
import { normalCdf, tCdf, tQuantile } from './distributions';
import { mean, varianceAround } from './descriptives';
import { pSignrank, pWilcox } from './exact';
import { rankSumOfFirst, signif, tieTerm } from './ranks';

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

export interface TTestResult {
  /** Mean difference (paired) or difference of means (Welch), x minus y. */
  estimate: number | null;
  t: number | null;
  df: number | null;
  p: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

/**
 * R's "essentially constant" rule: a spread within rounding of the level it is measured at
 * (10 ε × |level|) counts as none. False for NaN.
 */
const variesBeyondRounding = (spread: number, level: number) => spread > 10 * Number.EPSILON * Math.abs(level);

const noTTest = (estimate: number | null): TTestResult => ({ estimate, t: null, df: null, p: null, ciLow: null, ciHigh: null });

/** `level` null: leave the confidence interval out (it costs a quantile). */
function tResult(estimate: number, stderr: number, df: number, level: number | null): TTestResult {
  // R refuses "essentially constant" data; we report the estimate and leave the test out.
  if (!variesBeyondRounding(stderr, estimate) || !(df > 0)) return noTTest(estimate);
  const t = estimate / stderr;
  const p = 2 * tCdf(-Math.abs(t), df);
  if (level === null) return { estimate, t: finite(t), df, p: finite(Math.min(1, p)), ciLow: null, ciHigh: null };
  const half = tQuantile(1 - (1 - level) / 2, df) * stderr;
  return { estimate, t: finite(t), df, p: finite(Math.min(1, p)), ciLow: finite(estimate - half), ciHigh: finite(estimate + half) };
}

/** Paired t-test on x − y (R: `t.test(x, y, paired = TRUE)`). */
export function pairedTTest(x: ArrayLike<number>, y: ArrayLike<number>, level = 0.95): TTestResult {
  return pairedTTestOnDifferences(differences(x, y), level);
}

/** The paired t-test from the differences x − y already taken. */
export function pairedTTestOnDifferences(d: ArrayLike<number>, level = 0.95): TTestResult {
  const n = d.length;
  const m = mean(d);
  if (m === null || n < 2) return noTTest(m);
  return tResult(m, Math.sqrt(varianceAround(d, m)!) / Math.sqrt(n), n - 1, level);
}

/** Welch two-sample t-test (R: `t.test(x, y)`, `var.equal = FALSE`); `level` null leaves the interval out. */
export function welchTTest(x: ArrayLike<number>, y: ArrayLike<number>, level: number | null = 0.95): TTestResult {
  const mx = mean(x);
  const my = mean(y);
  const estimate = mx !== null && my !== null ? mx - my : null;
  if (estimate === null || x.length < 2 || y.length < 2) return noTTest(estimate);
  const sx2 = varianceAround(x, mx!)! / x.length;
  const sy2 = varianceAround(y, my!)! / y.length;
  const stderr = Math.sqrt(sx2 + sy2);
  const df = (sx2 + sy2) ** 2 / (sx2 ** 2 / (x.length - 1) + sy2 ** 2 / (y.length - 1));
  if (!variesBeyondRounding(stderr, Math.max(Math.abs(mx!), Math.abs(my!)))) return noTTest(estimate);
  return tResult(estimate, stderr, df, level);
}

/**
 * The partially overlapping samples t-test, unequal-variance form (Derrick, Russ, Toher & White
 * 2017, JMASM 16(1): T_new2 with df ν₂). It compares the follow-up with the baseline over everyone
 * who answered either wave: `pairedX`/`pairedY` are the matched people's follow-up and baseline
 * scores (same order), `onlyX` those who answered only the follow-up, `onlyY` only the baseline.
 *
 *   x̄₁, s₁ over pairedX ∪ onlyX (n₁ values); x̄₂, s₂ over pairedY ∪ onlyY (n₂ values); n₁₂ pairs;
 *   r = cor(pairedX, pairedY), 0 when either side of the pairs is constant or n₁₂ < 2;
 *   SE = √(s₁²/n₁ + s₂²/n₂ − 2·r·s₁·s₂·n₁₂/(n₁n₂)),  t = (x̄₁ − x̄₂)/SE;
 *   γ = Welch's df over the two whole samples;  ν₂ = (n₁₂ − 1) + (γ − n₁₂ + 1)·(nₐ + n_b)/(nₐ + n_b + 2n₁₂).
 *
 * Without pairs it is Welch's test (ν₂ = γ); without unpaired people it is the paired t-test
 * (ν₂ = n₁₂ − 1, SE = sd(d)/√n₁₂). Fewer than 2 values on a side, or constant data: the estimate
 * only, as the other t-tests here.
 */
export function partiallyOverlappingTTest(
  pairedX: ArrayLike<number>,
  pairedY: ArrayLike<number>,
  onlyX: ArrayLike<number>,
  onlyY: ArrayLike<number>,
  level: number | null = 0.95,
): TTestResult {
  const pairs = pairedX.length;
  if (pairedY.length !== pairs) throw new Error('paired samples must have the same length');
  const x = [...Array.from(pairedX), ...Array.from(onlyX)];
  const y = [...Array.from(pairedY), ...Array.from(onlyY)];
  const mx = mean(x);
  const my = mean(y);
  const estimate = mx !== null && my !== null ? mx - my : null;
  const n1 = x.length;
  const n2 = y.length;
  if (estimate === null || n1 < 2 || n2 < 2) return noTTest(estimate);
  const vx = varianceAround(x, mx!)!;
  const vy = varianceAround(y, my!)!;
  const r = pairs >= 2 ? correlation(pairedX, pairedY) : 0;
  const sx2 = vx / n1;
  const sy2 = vy / n2;
  const se2 = sx2 + sy2 - (2 * r * Math.sqrt(vx) * Math.sqrt(vy) * pairs) / (n1 * n2);
  const stderr = Math.sqrt(Math.max(0, se2));
  const welch = (sx2 + sy2) ** 2 / (sx2 ** 2 / (n1 - 1) + sy2 ** 2 / (n2 - 1));
  const unpaired = onlyX.length + onlyY.length;
  const df = pairs - 1 + ((welch - pairs + 1) * unpaired) / (unpaired + 2 * pairs);
  if (!variesBeyondRounding(stderr, Math.max(Math.abs(mx!), Math.abs(my!)))) return noTTest(estimate);
  return tResult(estimate, stderr, df, level);
}

/** Pearson's r; 0 when either side is constant (as Derrick's reference code does). */
function correlation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const mx = mean(x)!;
  const my = mean(y)!;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** x − y, element by element. (Plain arrays throughout: small typed arrays cost more to make than they save.) */
export function differences(x: ArrayLike<number>, y: ArrayLike<number>): number[] {
  if (x.length !== y.length) throw new Error('paired samples must have the same length');
  const d: number[] = [];
  for (let i = 0; i < x.length; i++) d.push(x[i]! - y[i]!);
  return d;
}

export type TestMethod = 'exact' | 'normal';

export interface SignedRankResult {
  /** R's V: the sum of the ranks of the positive differences. */
  v: number | null;
  p: number | null;
  method: TestMethod | null;
  /** Pairs left after dropping zero differences (R drops them). */
  nonZero: number;
  zeros: number;
  ties: boolean;
}

export interface RankOptions {
  /** As R's `digits.rank`: round to this many significant digits before ranking (default: no rounding). */
  digitsRank?: number;
}

/** Wilcoxon signed-rank test on x − y (R: `wilcox.test(x, y, paired = TRUE)`). */
export function wilcoxonSignedRank(x: ArrayLike<number>, y: ArrayLike<number>, options: RankOptions = {}): SignedRankResult {
  return signedRankOnDifferences(differences(x, y), options);
}

/** The signed-rank test from the differences x − y already taken. */
export function signedRankOnDifferences(all: ArrayLike<number>, options: RankOptions = {}): SignedRankResult {
  const digits = options.digitsRank ?? Number.POSITIVE_INFINITY;
  const round = Number.isFinite(digits);
  // Zeros dropped (after rounding, as R). The magnitudes of the positive differences go first, so
  // V is the rank sum of the first `positives` of them.
  const positive: number[] = [];
  const negative: number[] = [];
  for (let i = 0; i < all.length; i++) {
    const raw = all[i]!;
    const value = round && !Number.isInteger(raw) ? signif(raw, digits) : raw;
    if (value > 0) positive.push(value);
    else if (value < 0) negative.push(-value);
  }
  const positives = positive.length;
  const n = positives + negative.length;
  const zeros = all.length - n;
  if (n === 0) return { v: null, p: null, method: null, nonZero: 0, zeros, ties: false };
  for (const m of negative) positive.push(m);
  const { sum: v, tieSizes, hasTies } = rankSumOfFirst(positive, positives);
  if (n < 50 && !hasTies && zeros === 0) {
    const p = v > (n * (n + 1)) / 4 ? pSignrank(v - 1, n, false) : pSignrank(v, n, true);
    return { v, p: Math.min(2 * p, 1), method: 'exact', nonZero: n, zeros, ties: hasTies };
  }
  const z0 = v - (n * (n + 1)) / 4;
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieTerm(tieSizes) / 48);
  if (!(sigma > 0)) return { v, p: null, method: 'normal', nonZero: n, zeros, ties: hasTies };
  const z = (z0 - Math.sign(z0) * 0.5) / sigma;
  const p = 2 * Math.min(normalCdf(z), normalCdf(-z));
  return { v, p: finite(Math.min(p, 1)), method: 'normal', nonZero: n, zeros, ties: hasTies };
}

export interface RankSumResult {
  /** R's W: the rank sum of x minus nx(nx + 1)/2 (the Mann–Whitney U of x). */
  w: number | null;
  p: number | null;
  method: TestMethod | null;
  ties: boolean;
}

/** Wilcoxon rank-sum / Mann–Whitney test (R: `wilcox.test(x, y)`). */
export function mannWhitney(x: ArrayLike<number>, y: ArrayLike<number>, options: RankOptions = {}): RankSumResult {
  const nx = x.length;
  const ny = y.length;
  if (nx === 0 || ny === 0) return { w: null, p: null, method: null, ties: false };
  const digits = options.digitsRank ?? Number.POSITIVE_INFINITY;
  const round = Number.isFinite(digits);
  const combined: number[] = [];
  for (let i = 0; i < nx; i++) combined.push(round && !Number.isInteger(x[i]!) ? signif(x[i]!, digits) : x[i]!);
  for (let i = 0; i < ny; i++) combined.push(round && !Number.isInteger(y[i]!) ? signif(y[i]!, digits) : y[i]!);
  const { sum: rx, tieSizes, hasTies } = rankSumOfFirst(combined, nx);
  const w = rx - (nx * (nx + 1)) / 2;
  if (nx < 50 && ny < 50 && !hasTies) {
    const p = w > (nx * ny) / 2 ? pWilcox(w - 1, nx, ny, false) : pWilcox(w, nx, ny, true);
    return { w, p: Math.min(2 * p, 1), method: 'exact', ties: false };
  }
  const z0 = w - (nx * ny) / 2;
  const sigma = Math.sqrt((nx * ny) / 12 * (nx + ny + 1 - tieTerm(tieSizes) / ((nx + ny) * (nx + ny - 1))));
  if (!(sigma > 0)) return { w, p: null, method: 'normal', ties: hasTies };
  const z = (z0 - Math.sign(z0) * 0.5) / sigma;
  const p = 2 * Math.min(normalCdf(z), normalCdf(-z));
  return { w, p: finite(Math.min(p, 1)), method: 'normal', ties: hasTies };
}

/** Cohen's d_z: mean of the differences x − y divided by their SD; null when undefined. */
export function cohensDz(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  return cohensDzOnDifferences(differences(x, y));
}

export function cohensDzOnDifferences(d: ArrayLike<number>): number | null {
  const m = mean(d);
  const v = m === null ? null : varianceAround(d, m);
  if (m === null || v === null) return null;
  const sd = Math.sqrt(v);
  // Differences that are all the same have SD 0, but rounding can leave ~1e-16: the t-test's
  // rule, else d_z would be an absurd 1e15.
  return variesBeyondRounding(sd, m) ? m / sd : null;
}

/**
 * Matched-pairs rank-biserial correlation (Kerby 2014): (T+ − T−) / (T+ + T−) over the non-zero
 * differences, i.e. 2V / (n(n + 1)/2) − 1. From −1 (all decreased) to 1 (all increased).
 */
export function matchedPairsRankBiserial(result: SignedRankResult): number | null {
  if (result.v === null || result.nonZero === 0) return null;
  return (2 * result.v) / ((result.nonZero * (result.nonZero + 1)) / 2) - 1;
}

/** Rank-biserial correlation for two independent groups: 2W / (nx·ny) − 1 = P(x > y) − P(x < y). */
export function independentRankBiserial(result: RankSumResult, nx: number, ny: number): number | null {
  if (result.w === null || nx === 0 || ny === 0) return null;
  return (2 * result.w) / (nx * ny) - 1;
}
