import type { ReportBlock, ReportRun, ReportTable } from '../../../../shared/report';
import type { BreakdownChoice, Dashboard, WaveColumn } from '../../../../shared/results';
import type { Locale } from '../../../../shared/text';
import { formatDate } from '../../lib/format';
import type { CellTexts } from '../dashboard/model';
import type { Translate } from '../dashboard/notices';
import type { ChartRequest, ChartSource, ReportChart } from './chart-requests';

/**
 * The building blocks the report builders share: the list of charts a report asks for, blocks of
 * text, and tables that fit an A4 page in portrait (at most eight columns: wider ones are split).
 */

/** The charts of one report: each picture asked for once, under a name unique within the report. */
export class ChartList {
  readonly requests: ChartRequest[] = [];
  private readonly byKey = new Map<string, string>();

  /** The imageId of this chart of this source; the same chart asked twice is the same picture. */
  ask(source: ChartSource, chart: ReportChart): string {
    const key = JSON.stringify([source.instrumentId, source.organisationId, source.breakdown, chart]);
    const known = this.byKey.get(key);
    if (known) return known;
    const imageId = `chart-${this.requests.length + 1}-${chart.kind}`;
    this.requests.push({ imageId, source, chart });
    this.byKey.set(key, imageId);
    return imageId;
  }
}

/** What every part of a report about one instrument's dashboard needs. */
export interface PartContext {
  d: Dashboard;
  t: Translate;
  locale: Locale;
  charts: ChartList;
  /** The network's (null) or one organisation's dashboard. */
  organisationId: string | null;
}

export const sourceOf = (ctx: PartContext, breakdown: BreakdownChoice = 'none'): ChartSource => ({
  instrumentId: ctx.d.instrumentId,
  organisationId: ctx.organisationId,
  breakdown,
});

export const cellTexts = (ctx: Pick<PartContext, 't'> & { d: Pick<Dashboard, 'minGroupSize'> }): CellTexts => ({
  suppressed: ctx.t('dashboard.suppressed', { min: ctx.d.minGroupSize }),
  noAnswers: ctx.t('dashboard.noAnswers'),
});

export const heading = (level: 1 | 2 | 3, text: string): ReportBlock => ({ type: 'heading', level, text });
export const paragraph = (text: string, style?: 'normal' | 'note' | 'lead'): ReportBlock => ({ type: 'paragraph', runs: [{ text }], ...(style ? { style } : {}) });
export const bullets = (items: readonly string[]): ReportBlock[] => (items.length ? [{ type: 'bullets', items: items.map((text) => [{ text }]) }] : []);
export const runBullets = (items: readonly ReportRun[][]): ReportBlock[] => (items.length ? [{ type: 'bullets', items: items.map((runs) => [...runs]) }] : []);

/** A chart block: the picture the screen's chart code draws for `chart` of this source. */
export function chartBlock(ctx: PartContext, chart: ReportChart, caption: string, alt: string, breakdown: BreakdownChoice = 'none', widthCm = 16): ReportBlock {
  return { type: 'chart', imageId: ctx.charts.ask(sourceOf(ctx, breakdown), chart), caption, alt, widthCm };
}

/** At most this many columns in a table on A4 portrait. */
export const MAX_COLUMNS = 8;

export interface Column {
  label: string;
  align: 'left' | 'right';
}
export const left = (label: string): Column => ({ label, align: 'left' });
export const right = (label: string): Column => ({ label, align: 'right' });

export function table(caption: string, columns: Column[], rows: string[][], note?: string): ReportBlock {
  const t: ReportTable = { type: 'table', caption, columns, rows };
  return note ? { ...t, note } : t;
}

/** Splits a list into pieces of at most `size` (at least one piece, possibly empty). */
export function chunks<T>(list: readonly T[], size: number): T[][] {
  if (list.length === 0) return [[]];
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * A table with fixed leading columns and repeating column groups (one per wave, per group …): as
 * many tables as needed so none has more than MAX_COLUMNS columns; the caption says which part.
 */
export function splitTable<G>(opts: {
  caption: string;
  lead: Column[];
  groups: readonly G[];
  groupColumns: (g: NoInfer<G>) => Column[];
  /** The leading cells of each row. */
  rows: string[][];
  /** A row's cells for one group. */
  cells: (rowIndex: number, g: NoInfer<G>) => string[];
  /** Columns after the last group (in the last table only). */
  tail?: { columns: Column[]; cells: (rowIndex: number) => string[] };
  note?: string;
  t: Translate;
}): ReportBlock[] {
  const perGroup = opts.groups.length ? opts.groupColumns(opts.groups[0]!).length : 1;
  const tailWidth = opts.tail?.columns.length ?? 0;
  const room = Math.max(1, Math.floor((MAX_COLUMNS - opts.lead.length - tailWidth) / perGroup));
  const parts = chunks(opts.groups, room);
  return parts.map((groups, i) => {
    const last = i === parts.length - 1;
    const caption = parts.length > 1 ? opts.t('reportText.tablePart', { caption: opts.caption, part: i + 1, parts: parts.length }) : opts.caption;
    const columns = [...opts.lead, ...groups.flatMap(opts.groupColumns), ...(last && opts.tail ? opts.tail.columns : [])];
    const rows = opts.rows.map((lead, ri) => [...lead, ...groups.flatMap((g) => opts.cells(ri, g)), ...(last && opts.tail ? opts.tail.cells(ri) : [])]);
    return table(caption, columns, rows, last ? opts.note : undefined);
  });
}

/** "T0 (15 januari 2026)", or the label alone without a planned date. */
export function waveWithDate(w: Pick<WaveColumn, 'label' | 'plannedDate'>, t: Translate, locale: Locale): string {
  return w.plannedDate ? t('reportText.waveWithDate', { wave: w.label, date: formatDate(w.plannedDate, locale) }) : w.label;
}

/** "a, b en c" in the report's language. */
export function listText(parts: readonly string[], t: Translate): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} ${t('summary.and')} ${parts.at(-1)}`;
}
