/**
 * SPSS syntax beside the CSV, the way LimeSurvey and REDCap ship theirs: running it reads the
 * CSV with the right delimiter, decimal mark and encoding, and sets variable labels, value
 * labels, missing values (the not-scored codes such as 9 = "weet niet / n.v.t.") and measurement
 * levels. Also runs in PSPP.
 */
import { decimalMarkFor, type CsvSeparator } from './csv';
import type { Cell, Column, MeasureLevel, Table } from './table';

export interface SpssOptions {
  /** The CSV file's name (no folder) and the folder it was written to. */
  csvFileName: string;
  folder: string;
  separator: CsvSeparator;
  /** First comment line, e.g. "Netwerkspiegel export, 2026-03-01 10:00". */
  title: string;
  language: 'nl' | 'en';
}

/** SPSS caps a variable label at 255 bytes and a value label at 120. */
const MAX_VARIABLE_LABEL = 255;
const MAX_VALUE_LABEL = 120;
/** Long quoted strings are split over lines joined with `+`, keeping syntax lines short. */
const CHUNK = 80;

export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Shortens a text to at most `max` UTF-8 bytes without splitting a character. */
export function truncateUtf8(text: string, max: number): string {
  if (utf8Length(text) <= max) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const size = utf8Length(ch);
    if (bytes + size > max - 3) break;
    out += ch;
    bytes += size;
  }
  return `${out}...`;
}

/** A quoted SPSS string: single quotes doubled; line breaks become spaces; split with `+` when long. */
export function spssString(text: string, maxBytes: number): string {
  const clean = truncateUtf8(text.replace(/[\r\n\t]+/g, ' ').trim(), maxBytes);
  const chars = [...clean];
  const parts: string[] = [];
  for (let i = 0; i < chars.length || parts.length === 0; i += CHUNK) parts.push(`'${chars.slice(i, i + CHUNK).join('').replace(/'/g, "''")}'`);
  return parts.join('\n    + ');
}

function maxTextBytes(table: Table, column: number): number {
  let max = 1;
  for (const row of table.rows) {
    const v: Cell = row[column] ?? null;
    if (typeof v === 'string') {
      // The CSV may carry a leading apostrophe (formula neutralisation).
      const size = utf8Length(v) + 1;
      if (size > max) max = size;
    }
  }
  return Math.min(32767, Math.max(8, max));
}

function inputFormat(table: Table, column: Column, index: number): string {
  switch (column.kind) {
    case 'integer':
      return 'F8.0';
    case 'decimal':
      return 'F10.4';
    case 'datetime':
      return 'YMDHMS19';
    case 'date':
      return 'SDATE10';
    default:
      return `A${maxTextBytes(table, index)}`;
  }
}

const LEVEL: Record<MeasureLevel, string> = { nominal: 'NOMINAL', ordinal: 'ORDINAL', scale: 'SCALE' };

/** Groups variable names by a key, keeping first-seen order. */
function groupBy<T>(items: T[], key: (item: T) => string | null, name: (item: T) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = groups.get(k) ?? [];
    list.push(name(item));
    groups.set(k, list);
  }
  return groups;
}

/** Variable names wrapped over lines of a readable length. */
function nameList(names: string[], indent = '  '): string {
  const lines: string[] = [];
  let line = '';
  for (const n of names) {
    if (line && line.length + n.length + 1 > 72) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line} ${n}` : n;
  }
  if (line) lines.push(line);
  return lines.join(`\n${indent}`);
}

export function spssSyntax(table: Table, options: SpssOptions): string {
  const nl = options.language === 'nl';
  const comma = decimalMarkFor(options.separator) === ',';
  const out: string[] = [];
  out.push('* Encoding: UTF-8.');
  out.push(`* ${options.title.replace(/[\r\n]+/g, ' ')}.`);
  out.push(
    nl
      ? `* Leest ${options.csvFileName} in (UTF-8, scheidingsteken "${options.separator}", decimaalteken "${comma ? ',' : '.'}") en zet labels en ontbrekende waarden.`
      : `* Reads ${options.csvFileName} (UTF-8, delimiter "${options.separator}", decimal mark "${comma ? ',' : '.'}") and sets labels and missing values.`,
  );
  out.push(
    nl
      ? '* Staat het CSV-bestand in een andere map, pas dan de map bij CD aan. Voer daarna alles uit.'
      : '* If the CSV file is in another folder, change the folder after CD. Then run everything.',
  );
  out.push('');
  out.push(`SET DECIMAL=${comma ? 'COMMA' : 'DOT'}.`);
  out.push(`CD ${spssString(options.folder, 4000)}.`);
  out.push('GET DATA');
  out.push('  /TYPE=TXT');
  out.push(`  /FILE=${spssString(options.csvFileName, 4000)}`);
  out.push("  /ENCODING='UTF8'");
  out.push(`  /DELIMITERS="${options.separator}"`);
  out.push(`  /QUALIFIER='"'`);
  out.push('  /ARRANGEMENT=DELIMITED');
  out.push('  /FIRSTCASE=2');
  out.push('  /VARIABLES=');
  table.columns.forEach((c, i) => out.push(`    ${c.name} ${inputFormat(table, c, i)}`));
  out.push('.');
  out.push('DATASET NAME netwerkspiegel WINDOW=FRONT.');
  out.push('');

  out.push('VARIABLE LABELS');
  table.columns.forEach((c, i) => out.push(`  ${i === 0 ? '' : '/'}${c.name} ${spssString(c.label ?? c.name, MAX_VARIABLE_LABEL)}`));
  out.push('.');
  out.push('');

  const labelled = table.columns.filter((c) => c.valueLabels?.length && c.kind === 'integer');
  if (labelled.length) {
    out.push('VALUE LABELS');
    labelled.forEach((c, i) => {
      out.push(`  ${i === 0 ? '' : '/'}${c.name}`);
      for (const vl of c.valueLabels!) out.push(`    ${vl.code} ${spssString(vl.label, MAX_VALUE_LABEL)}`);
    });
    out.push('.');
    out.push('');
  }

  const missing = groupBy(
    table.columns.filter((c) => c.kind === 'integer' && c.missingCodes?.length),
    (c) => c.missingCodes!.slice(0, 3).join(', '),
    (c) => c.name,
  );
  for (const [codes, names] of missing) out.push(`MISSING VALUES ${nameList(names)} (${codes}).`);
  if (missing.size) out.push('');

  const levels = groupBy(table.columns, (c) => (c.level ? LEVEL[c.level] : null), (c) => c.name);
  if (levels.size) {
    out.push('VARIABLE LEVEL');
    [...levels.entries()].forEach(([level, names], i) => out.push(`  ${i === 0 ? '' : '/'}${nameList(names, '    ')} (${level})`));
    out.push('.');
    out.push('');
  }

  const decimals = table.columns.filter((c) => c.kind === 'decimal').map((c) => c.name);
  const integers = table.columns.filter((c) => c.kind === 'integer').map((c) => c.name);
  const moments = table.columns.filter((c) => c.kind === 'datetime').map((c) => c.name);
  if (decimals.length) out.push(`FORMATS ${nameList(decimals)} (F8.2).`);
  if (integers.length) out.push(`FORMATS ${nameList(integers)} (F4.0).`);
  if (moments.length) out.push(`FORMATS ${nameList(moments)} (DATETIME20).`);
  out.push('EXECUTE.');
  return `${out.join('\r\n')}\r\n`;
}
