/**
 * A spreadsheet as rows of cells, the shape the XLSForm-like converter reads and writes; the
 * services turn it into a workbook's bytes and back (electron/services/administration/instrument-files.ts).
 * The first row of each sheet is its header.
 */

/** A cell's value: text, a number, or empty. */
export type SheetCell = string | number | null;

export interface SheetData {
  name: string;
  rows: SheetCell[][];
}

/** The two languages an instrument's texts can have, as XLSForm names language columns. */
export const LANGUAGE_SUFFIX = { nl: 'Nederlands (nl)', en: 'English (en)' } as const;

/** A header cell taken apart: `label::English (en)` is column `label` in English; a column without a language is Dutch. */
export interface HeaderColumn {
  base: string;
  language: 'nl' | 'en' | null;
  /** A language other than Dutch or English, as written. */
  otherLanguage?: string;
}

export function parseHeader(header: string): HeaderColumn {
  const [rawBase, ...rest] = header.split('::');
  const base = rawBase!.trim().toLowerCase().replace(/\s+/g, '_');
  if (rest.length === 0) return { base, language: null };
  const language = rest.join('::').trim();
  const code = (/\(([A-Za-z-]+)\)\s*$/.exec(language)?.[1] ?? language).toLowerCase();
  if (code === 'nl' || code === 'dutch' || code === 'nederlands') return { base, language: 'nl' };
  if (code === 'en' || code === 'english' || code === 'engels') return { base, language: 'en' };
  return { base, language: null, otherLanguage: language };
}

/** A sheet read by column name: `get(row, 'label', 'en')`; a column without a language counts as Dutch. */
export class SheetTable {
  readonly name: string;
  private readonly columns = new Map<string, number>();
  private readonly headers = new Map<string, string>();
  /** Columns in a language the app does not have, and repeated column names. */
  readonly otherLanguageColumns: string[] = [];
  readonly duplicateColumns: string[] = [];
  readonly rows: { row: number; cells: SheetCell[] }[];

  constructor(sheet: SheetData) {
    this.name = sheet.name;
    const header = sheet.rows[0] ?? [];
    header.forEach((cell, index) => {
      const text = cell === null ? '' : String(cell).trim();
      if (text === '') return;
      const column = parseHeader(text);
      if (column.otherLanguage !== undefined) {
        this.otherLanguageColumns.push(text);
        return;
      }
      const key = `${column.base}::${column.language ?? 'nl'}`;
      if (this.columns.has(key)) this.duplicateColumns.push(text);
      else {
        this.columns.set(key, index);
        this.headers.set(key, text);
      }
    });
    this.rows = sheet.rows
      .slice(1)
      .map((cells, i) => ({ row: i + 2, cells }))
      .filter(({ cells }) => cells.some((c) => c !== null && String(c).trim() !== ''));
  }

  /** The headers of columns with at least one filled cell whose name is not among `known`, as written. */
  unknownFilledColumns(known: ReadonlySet<string>): string[] {
    return [...this.columns]
      .filter(([key, index]) => !known.has(key.split('::')[0]!) && this.rows.some(({ cells }) => cells[index] !== null && cells[index] !== undefined && String(cells[index]).trim() !== ''))
      .map(([key]) => this.headers.get(key)!);
  }

  has(base: string, language: 'nl' | 'en' = 'nl'): boolean {
    return this.columns.has(`${base}::${language}`);
  }

  get(cells: readonly SheetCell[], base: string, language: 'nl' | 'en' = 'nl'): SheetCell {
    const index = this.columns.get(`${base}::${language}`);
    return index === undefined ? null : (cells[index] ?? null);
  }
}
