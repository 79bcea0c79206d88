import type { Dashboard, ItemSeries } from '../../../../shared/results';
import type { Locale } from '../../../../shared/text';
import { formatCount, formatPercent, NO_VALUE, pick } from './format';

/**
 * Select-all-that-apply questions on the results screen: per option and wave how many respondents
 * ticked it, as a share of those who answered the question (so the shares add up to more than
 * 100%). A wave below the minimum group shows nothing but that it is withheld.
 */

export interface TickedWave {
  waveId: string;
  waveLabel: string;
  /** Respondents who ticked anything. */
  answered: number;
  /** Saw the question and ticked nothing. */
  missing: number;
  suppressed: boolean;
  absent: boolean;
}

export interface TickedOption {
  code: number;
  label: string;
  scored: boolean;
  /** Per wave (in `waves` order): respondents who ticked it; null where the wave shows nothing. */
  counts: (number | null)[];
}

export interface TickedTable {
  itemId: string;
  label: string;
  question: string;
  waves: TickedWave[];
  options: TickedOption[];
}

export const isMultipleChoice = (it: ItemSeries) => it.type === 'multiple';

export function tickedTables(d: Dashboard, locale: Locale): TickedTable[] {
  return d.items.filter(isMultipleChoice).map((it) => {
    const waves: TickedWave[] = d.waves.map((w) => {
      const stats = it.perWave.find((p) => p.waveId === w.waveId)?.stats;
      const absent = !it.presentIn.includes(w.waveId);
      return { waveId: w.waveId, waveLabel: w.label, answered: stats?.n ?? 0, missing: stats?.missing ?? 0, suppressed: stats?.suppressed ?? false, absent };
    });
    const options = new Map<number, TickedOption>();
    it.perWave.forEach((p) => {
      for (const o of p.stats.distribution ?? []) {
        if (!options.has(o.code)) options.set(o.code, { code: o.code, label: pick(o.label, locale), scored: o.scored, counts: waves.map(() => null) });
      }
    });
    for (const option of options.values()) {
      option.counts = waves.map((w, i) => {
        if (w.absent || w.suppressed || w.answered === 0) return null;
        return it.perWave[i]?.stats.distribution?.find((o) => o.code === option.code)?.count ?? 0;
      });
    }
    const all = [...options.values()];
    return { itemId: it.itemId, label: pick(it.label, locale), question: pick(it.text, locale), waves, options: [...all.filter((o) => o.scored), ...all.filter((o) => !o.scored)] };
  });
}

/** "3 (50%)": the respondents who ticked an option and their share of those who answered; a dash where nothing is shown. */
export function tickedCell(count: number | null, answered: number, locale: Locale): string {
  if (count === null || answered === 0) return NO_VALUE;
  return `${formatCount(count, locale)} (${formatPercent(count / answered, locale)})`;
}
