import type { ScoreRange } from '../../../shared/results';

/**
 * Score ranges on screen: every axis of a mean is drawn on the instrument's own answer scale (1–3,
 * 1–5, 1–7, 1–10 …), and things on different ranges never share an axis. Pure: no React, no i18next.
 */

/** One key per range ("1-7"), for grouping and test ids. */
export const rangeKey = (r: ScoreRange) => `${r.min}-${r.max}`;

/** Whole-number ticks from one end of a domain to the other; a wide range gets a coarser step (at most 11 ticks). */
export function rangeTicks([low, high]: readonly [number, number]): number[] {
  const step = Math.max(1, Math.ceil((high - low) / 10));
  const ticks: number[] = [];
  for (let v = low; v <= high; v += step) ticks.push(v);
  if (ticks.at(-1) !== high) ticks.push(high);
  return ticks;
}

/** Things with a range, grouped per range in order of first appearance: what may share one axis. */
export function byRange<T>(list: readonly T[], rangeOf: (t: T) => ScoreRange): { key: string; range: ScoreRange; members: T[] }[] {
  const groups = new Map<string, { key: string; range: ScoreRange; members: T[] }>();
  for (const t of list) {
    const range = rangeOf(t);
    const key = rangeKey(range);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, range, members: [] }));
    group.members.push(t);
  }
  return [...groups.values()];
}
