/**
 * The order of a network's waves in time, used everywhere a wave comes "before" or "after" another:
 * results, trends, conversation points, comparisons (the baseline is the first wave), exports and
 * "the latest wave".
 *
 * Rule: by planned date; on the same date T0 before T1 before T2 before an interim (custom) wave;
 * then by creation. A T-wave without a planned date counts from the latest date of the T-waves
 * before it (T1 without a date sits right after T0, never before it), so a network that dated only
 * its T0 still reads T0, T1, T2. A custom wave without a date comes last. Every wave gets one key,
 * so the order is total and the same wherever it is computed.
 */
import type { WaveKind } from './domain';

export interface OrderableWave {
  kind: WaveKind;
  plannedDate: string | null;
  /** ISO timestamp of when the wave was set up; breaks remaining ties. */
  createdAt: string;
}

const KIND_RANK: Record<WaveKind, number> = { T0: 0, T1: 1, T2: 2, custom: 3 };
/** Sorts before every ISO date. */
const BEFORE_ALL = '';
/** Sorts after every ISO date. */
const AFTER_ALL = '\uffff';

export function orderWaves<W extends OrderableWave>(waves: readonly W[]): W[] {
  const latestDateUpTo = new Map<number, string>();
  for (const w of waves) {
    if (w.kind === 'custom' || w.plannedDate === null) continue;
    const rank = KIND_RANK[w.kind];
    if ((latestDateUpTo.get(rank) ?? BEFORE_ALL) < w.plannedDate) latestDateUpTo.set(rank, w.plannedDate);
  }
  const effectiveDate = (w: W): string => {
    if (w.plannedDate !== null) return w.plannedDate;
    if (w.kind === 'custom') return AFTER_ALL;
    let latest = BEFORE_ALL;
    for (const [rank, date] of latestDateUpTo) if (rank < KIND_RANK[w.kind] && date > latest) latest = date;
    return latest;
  };
  const keyed = waves.map((w) => ({ w, date: effectiveDate(w), rank: KIND_RANK[w.kind] }));
  keyed.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.rank - b.rank || (a.w.createdAt < b.w.createdAt ? -1 : a.w.createdAt > b.w.createdAt ? 1 : 0)));
  return keyed.map((k) => k.w);
}
