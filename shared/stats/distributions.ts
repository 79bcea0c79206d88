/**
 * Distribution functions. The t CDF and density and the normal CDF come from stdlib
 * (@stdlib/stats-base-dists-*: pure JavaScript, no Node built-ins; see
 * docs/decisions/2026-11-23-statistics-library.md). The t quantile is solved here by a bracketed
 * Newton iteration on stdlib's CDF: stdlib's own quantile package pulls in a logging library that
 * loads Node's tty/fs/net modules, which shared/ must not.
 */
import normalCdfImpl from '@stdlib/stats-base-dists-normal-cdf';
import tCdfImpl from '@stdlib/stats-base-dists-t-cdf';
import tPdfImpl from '@stdlib/stats-base-dists-t-pdf';

/** P(T ≤ x) for Student's t with `df` degrees of freedom (R: `pt(x, df)`). */
export function tCdf(x: number, df: number): number {
  return tCdfImpl(x, df);
}

export function tPdf(x: number, df: number): number {
  return tPdfImpl(x, df);
}

/** P(Z ≤ z) for the standard normal distribution (R: `pnorm(z)`). */
export function normalCdf(z: number): number {
  return normalCdfImpl(z, 0, 1);
}

/** Quantiles already solved, per probability and then per degrees of freedom (95% intervals ask for few). */
const quantileCache = new Map<number, Map<number, number>>();

/**
 * The x with P(T ≤ x) = p (R: `qt(p, df)`), for 0 < p < 1 and df > 0. Newton steps on the CDF,
 * kept inside a bracket that always contains the root (bisection when a step would leave it).
 */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) return Number.NaN;
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  let perP = quantileCache.get(p);
  if (!perP) quantileCache.set(p, (perP = new Map()));
  const cached = perP.get(df);
  if (cached !== undefined) return cached;

  // Closed forms for one and two degrees of freedom.
  let x: number;
  if (df === 1) x = Math.tan(Math.PI * (p - 0.5));
  else if (df === 2) x = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  else x = solve(p, df);
  if (perP.size > 10_000) perP.clear();
  perP.set(df, x);
  return x;
}

function solve(p: number, df: number): number {
  let lo = 0;
  let hi = 1;
  while (tCdf(hi, df) < p) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) return Number.POSITIVE_INFINITY;
  }
  let x = (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const f = tCdf(x, df) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const density = tPdf(x, df);
    let next = density > 0 ? x - f / density : Number.NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * Math.abs(next) || hi - lo <= 1e-15 * hi) return next;
    x = next;
  }
  return x;
}
