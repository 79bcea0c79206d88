/**
 * The format-neutral shape of everything an export writes: named tables of typed columns. The
 * workbook writer (electron/services/export-xlsx.ts), the CSV writer, the SPSS syntax and the
 * R script all read the same tables, so a number is a number everywhere and a variable carries
 * the same label in the data, the codebook and the syntax.
 */

/** A cell: text, a number, a moment (Date), or empty. */
export type Cell = string | number | Date | null;

/**
 * - `text`: a string cell; `integer` / `decimal`: numeric cells (`decimal` shows two decimals);
 * - `datetime` / `date`: date cells (a Date, shown in local time);
 * - `mixed`: per cell (used by the explanatory sheet).
 */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'datetime' | 'date' | 'mixed';

export type MeasureLevel = 'nominal' | 'ordinal' | 'scale';

export interface ValueLabel {
  code: number;
  label: string;
}

export interface Column {
  /** The header: a variable name (data sheets) or a short column name (other sheets). */
  name: string;
  kind: ColumnKind;
  /** Excel number format when it differs from the kind's default (`0.000` for p-values). */
  format?: string;
  /** Width in characters; the writer otherwise picks one from the header and the kind. */
  width?: number;
  /** Variable label (SPSS VARIABLE LABELS, R attribute, codebook). */
  label?: string;
  level?: MeasureLevel;
  /** Codes with their labels, for coded numeric variables. */
  valueLabels?: ValueLabel[];
  /** Codes that are stored but are not a value on the scale ("weet niet / n.v.t."). */
  missingCodes?: number[];
  /**
   * For a `datetime` column (local time, which repeats an hour at the autumn clock change): the
   * name of the text column holding the same moment as ISO 8601 with its UTC offset.
   */
  exactText?: string;
}

export interface Table {
  /** Sheet name (≤ 31 characters) or file stem. */
  name: string;
  columns: Column[];
  rows: Cell[][];
}

/** Excel number formats per kind (written into the file; Excel shows them in the user's locale). */
export const DEFAULT_FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  integer: '0',
  decimal: '0.00',
  datetime: 'yyyy-mm-dd hh:mm',
  date: 'yyyy-mm-dd',
  mixed: undefined,
};

/** A planned date (YYYY-MM-DD) as a Date at local midnight, so a spreadsheet shows that same day. */
export function localDate(isoDate: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}
