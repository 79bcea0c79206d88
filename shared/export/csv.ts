/**
 * CSV as Dutch Excel, SPSS and R read it: UTF-8 with a byte-order mark (without it Excel guesses
 * the wrong encoding and garbles é and ë), CRLF line ends, fields quoted only when needed.
 * Separator `;` goes with a decimal comma (what Dutch Excel expects); `,` with a decimal point.
 * Texts that could start a formula are neutralised (see neutralise.ts); line breaks inside a text
 * become spaces, because SPSS reads every line break as the end of a case.
 */
import { neutraliseForCsv } from './neutralise';
import type { Cell, Column, Table } from './table';

export type CsvSeparator = ';' | ',';

export const BOM = '\uFEFF';

export function decimalMarkFor(separator: CsvSeparator): '.' | ',' {
  return separator === ';' ? ',' : '.';
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A moment as local date and time, `2026-03-01 10:05:00` (SPSS YMDHMS, R `%Y-%m-%d %H:%M:%S`). */
export function formatDateTime(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * A moment as ISO 8601 in local time with its offset from UTC, `2026-10-25T02:30:00+01:00`.
 * Unlike local time alone it names one moment: at the autumn clock change 02:30 happens twice,
 * once at +02:00 and an hour later at +01:00.
 */
export function formatIsoWithOffset(d: Date): string {
  const offset = -d.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${formatDateOnly(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function formatDateOnly(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function formatCsvNumber(n: number, decimalMark: '.' | ','): string {
  if (!Number.isFinite(n)) return '';
  const s = String(n);
  return decimalMark === ',' ? s.replace('.', ',') : s;
}

function quote(field: string, separator: CsvSeparator): string {
  return field.includes(separator) || field.includes('"') || field.includes('\n') || field.includes('\r') ? `"${field.replace(/"/g, '""')}"` : field;
}

export function csvField(value: Cell, column: Pick<Column, 'kind'>, separator: CsvSeparator): string {
  if (value === null) return '';
  if (typeof value === 'number') return formatCsvNumber(value, decimalMarkFor(separator));
  if (value instanceof Date) return column.kind === 'date' ? formatDateOnly(value) : formatDateTime(value);
  // A line break inside a field ends the case for SPSS and PSPP (even when quoted), so in the CSV
  // it becomes a space; the workbook keeps it.
  return quote(neutraliseForCsv(value).replace(/\r\n?|\n/g, ' '), separator);
}

/** The whole table as CSV text, starting with the byte-order mark. */
export function toCsv(table: Table, separator: CsvSeparator): string {
  const lines: string[] = [table.columns.map((c) => quote(c.name, separator)).join(separator)];
  const { columns } = table;
  for (const row of table.rows) {
    const fields = new Array<string>(columns.length);
    for (let i = 0; i < columns.length; i++) fields[i] = csvField(row[i] ?? null, columns[i]!, separator);
    lines.push(fields.join(separator));
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
