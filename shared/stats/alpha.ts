/**
 * Cronbach's alpha over complete cases: k/(k − 1) · (1 − Σ var(item) / var(total)), which is
 * psych::alpha's raw_alpha (tr(C) and sum(C) of the covariance matrix C) on the rows without
 * missing values. psych itself uses pairwise covariances when values are missing; results.ts
 * promises complete cases, so rows with any missing item are left out first.
 */
import { variance } from './descriptives';

export interface AlphaValue {
  alpha: number | null;
  /** Complete cases used. */
  n: number;
  items: number;
}

/** `rows`: one array per respondent, one entry per item (null = missing). */
export function cronbachAlpha(rows: readonly (readonly (number | null)[])[], items: number): AlphaValue {
  const complete: (readonly number[])[] = [];
  for (const row of rows) {
    let ok = row.length === items;
    for (let j = 0; ok && j < items; j++) if (row[j] === null) ok = false;
    if (ok) complete.push(row as readonly number[]);
  }
  const n = complete.length;
  if (items < 2 || n < 2) return { alpha: null, n, items };
  const column = new Float64Array(n);
  const totals = new Float64Array(n);
  let itemVariances = 0;
  for (let j = 0; j < items; j++) {
    for (let i = 0; i < n; i++) {
      column[i] = complete[i]![j]!;
      totals[i]! += column[i]!;
    }
    itemVariances += variance(column)!;
  }
  const totalVariance = variance(totals)!;
  if (!(totalVariance > 0)) return { alpha: null, n, items };
  const alpha = (items / (items - 1)) * (1 - itemVariances / totalVariance);
  return { alpha: Number.isFinite(alpha) ? alpha : null, n, items };
}
