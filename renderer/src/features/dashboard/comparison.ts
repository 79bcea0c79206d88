import type { Locale } from '../../../../shared/text';
import { shownMean, type ComparisonSeries } from './model';
import { SERIES_COLOURS } from './palette';

/**
 * The comparison of many networks, as pure functions: sorting its table and the panels of the
 * small multiples (one small chart per network, the same axes for all). No i18next, no React.
 */

/** What the table is sorted by: the network's name, its wave's planned date, or a scale's mean. */
export type CompareColumn = { by: 'network' } | { by: 'wave' } | { by: 'scale'; scaleId: string };
export type SortDirection = 'ascending' | 'descending';
export interface CompareSort {
  column: CompareColumn;
  direction: SortDirection;
}

export const columnKey = (c: CompareColumn) => (c.by === 'scale' ? `scale:${c.scaleId}` : c.by);

/**
 * More series than there are distinct series styles (colour, pattern) cannot be told apart in one
 * chart, nor read from a legend that long: from then on every network gets its own small chart.
 */
export const SMALL_MULTIPLES_FROM = SERIES_COLOURS.length + 1;

export const usesSmallMultiples = (series: readonly ComparisonSeries[]) => series.length >= SMALL_MULTIPLES_FROM;

/** The next sort after a click on a column's header: the same column turns around, another starts ascending. */
export function nextSort(current: CompareSort, column: CompareColumn): CompareSort {
  if (columnKey(current.column) === columnKey(column)) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: 'ascending' };
}

/**
 * The rows in the chosen order. Names sort as people read them ("Netwerk 2" before "Netwerk 10");
 * dates and means as numbers. A wave without a planned date, and a mean that is not shown
 * (suppressed, no answers, not measured), go last in either direction. Ties keep the networks in
 * alphabetical order and a network's waves in time order.
 */
export function sortSeries(series: readonly ComparisonSeries[], sort: CompareSort, locale: Locale): ComparisonSeries[] {
  const names = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const byName = (a: ComparisonSeries, b: ComparisonSeries) => names.compare(a.network, b.network) || a.networkId.localeCompare(b.networkId) || a.waveOrder - b.waveOrder;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const { column } = sort;
  if (column.by === 'network') return [...series].sort((a, b) => sign * (names.compare(a.network, b.network) || a.networkId.localeCompare(b.networkId)) || a.waveOrder - b.waveOrder);
  const value = (s: ComparisonSeries): string | number | null => (column.by === 'wave' ? s.wave.plannedDate : shownMean(s.values.get(column.scaleId)));
  return [...series].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    return sign * (va < vb ? -1 : va > vb ? 1 : 0) || byName(a, b);
  });
}

export interface SmallMultiplePanel {
  networkId: string;
  network: string;
  /** The network's waves drawn, in time order (one in "latest wave" mode). */
  waves: ComparisonSeries['wave'][];
  /** One row per scale of the chart, the same scales in every panel; per wave its mean or null. */
  rows: { scaleId: string; label: string; values: (number | null)[] }[];
}

/** One panel per network, in the order the networks first appear in `series` (the table's order). */
export function smallMultiplePanels(series: readonly ComparisonSeries[], scales: readonly { scaleId: string; label: string }[]): SmallMultiplePanel[] {
  const perNetwork = new Map<string, ComparisonSeries[]>();
  for (const s of series) perNetwork.set(s.networkId, [...(perNetwork.get(s.networkId) ?? []), s]);
  return [...perNetwork.values()].map((own) => {
    const inTime = [...own].sort((a, b) => a.waveOrder - b.waveOrder);
    return {
      networkId: own[0]!.networkId,
      network: own[0]!.network,
      waves: inTime.map((s) => s.wave),
      rows: scales.map(({ scaleId, label }) => ({ scaleId, label, values: inTime.map((s) => shownMean(s.values.get(scaleId))) })),
    };
  });
}
