/**
 * Cronbach's alpha over complete cases, as psych::alpha's raw_alpha: k/(k − 1) · (1 − Σ var(item) /
 * var(total)). Like psych (2.2.9, `delete = TRUE`), an item without variance among the rows used is
 * left out first, and k counts only the items that vary. psych uses pairwise covariances when values
 * are missing; the results promise complete cases, so rows with any missing item are left out first.
 */
import { variance } from './descriptives';

/** Why alpha could not be computed. */
export type AlphaUnavailable = 'too-few-items' | 'too-few-respondents' | 'no-variance';

export interface AlphaValue {
  alpha: number | null;
  /** Complete cases used. */
  n: number;
  /** Items of the scale. */
  items: number;
  /** Items left out because every complete case gave them the same answer (as psych does). */
  constantItems: number;
  /** Set when alpha is null. */
  unavailable: AlphaUnavailable | null;
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
  const none = (unavailable: AlphaUnavailable, constantItems = 0): AlphaValue => ({ alpha: null, n, items, constantItems, unavailable });
  if (items < 2) return none('too-few-items');
  if (n < 2) return none('too-few-respondents');
  const column = new Float64Array(n);
  const totals = new Float64Array(n);
  let itemVariances = 0;
  let varying = 0;
  for (let j = 0; j < items; j++) {
    for (let i = 0; i < n; i++) {
      column[i] = complete[i]![j]!;
      totals[i]! += column[i]!;
    }
    const v = variance(column)!;
    if (v > 0) {
      itemVariances += v;
      varying++;
    }
  }
  const constantItems = items - varying;
  // A constant item adds nothing to var(total) either, so the total over all items serves.
  if (varying < 2) return none('no-variance', constantItems);
  const totalVariance = variance(totals)!;
  if (!(totalVariance > 0)) return none('no-variance', constantItems);
  const alpha = (varying / (varying - 1)) * (1 - itemVariances / totalVariance);
  return Number.isFinite(alpha) ? { alpha, n, items, constantItems, unavailable: null } : none('no-variance', constantItems);
}
