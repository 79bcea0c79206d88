import { DOMParser, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import type { SheetCell, SheetData } from '../../../shared/instruments/formats/sheets';

/**
 * Reads the cells of a user's .xlsx workbook: the zip opened with fflate, the parts parsed with
 * @xmldom/xmldom, nothing else (docs/decisions/2026-12-01-instrument-spreadsheets.md: SheetJS's
 * read path has published advisories). Only what an instrument needs is read: the sheet names, the
 * shared strings and each sheet's cell values. A formula is refused, never evaluated; the
 * uncompressed size is capped per part and in total (fflate never inflates beyond the size the
 * zip declares, and a declared size above the cap is refused before inflating); any DTD is
 * refused, so no entity is ever expanded.
 */

/** The largest part read, and all parts together, uncompressed. An instrument's workbook is well under 1 MB. */
export const MAX_PART_BYTES = 16 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 32 * 1024 * 1024;
/** At most this many rows and columns per sheet are looked at; more is refused. */
const MAX_ROWS = 5000;
const MAX_COLUMNS = 200;

/** A workbook that cannot be read, with the Dutch reasons. */
export class WorkbookRefused extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

const NOT_A_WORKBOOK = 'Dit bestand is geen Excel-werkmap (.xlsx) die Netwerkspiegel kan lezen. Sla de spreadsheet op als Excel-werkmap (.xlsx) en kies die.';

function parseXml(text: string, part: string): Element {
  if (/<!DOCTYPE/i.test(text)) throw new WorkbookRefused([`Het onderdeel ${part} van de werkmap bevat een DTD; dat hoort niet in een Excel-werkmap. ${NOT_A_WORKBOOK}`]);
  let root: Element | null;
  try {
    // xmldom wraps what onError throws in its own ParseError; any error, not only a fatal one, refuses the part.
    const doc = new DOMParser({
      onError: (level) => {
        if (level !== 'warning') throw new Error(level);
      },
    }).parseFromString(text, 'text/xml');
    root = doc.documentElement;
  } catch {
    throw new WorkbookRefused([NOT_A_WORKBOOK]);
  }
  if (!root) throw new WorkbookRefused([NOT_A_WORKBOOK]);
  return root;
}

/** The child elements with this local name (any namespace prefix), in document order. */
function children(parent: Element, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === localName) found.push(node as Element);
  }
  return found;
}

const child = (parent: Element, localName: string) => children(parent, localName)[0];

/** Text as Excel stores it: `_xHHHH_` stands for a character XML cannot hold (and `_x005F_` for an underscore). */
const unescapeExcel = (text: string) => text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

/** The text of a shared or inline string: its `t`, or the `t` of each rich-text run (phonetic runs left out). */
function stringItem(si: Element): string {
  const plain = child(si, 't');
  if (plain) return unescapeExcel(plain.textContent ?? '');
  return children(si, 'r')
    .map((run) => unescapeExcel(child(run, 't')?.textContent ?? ''))
    .join('');
}

/** "BC12" → column 54 (0-based); null when the reference has no column letters. */
function columnOf(ref: string | null): number | null {
  const letters = /^([A-Z]{1,3})\d+$/.exec(ref ?? '')?.[1];
  if (!letters) return null;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const resolveTarget = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);

/** Every sheet's rows of cell values, in the workbook's order; refused with its reasons when it cannot be read or holds formulas. */
export function readWorkbookSheets(bytes: Uint8Array): SheetData[] {
  let total = 0;
  let oversized = false;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (file) => {
        if (!/^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/worksheets\/[^/]+\.xml)$/.test(file.name)) return false;
        total += file.originalSize;
        if (file.originalSize > MAX_PART_BYTES || total > MAX_TOTAL_BYTES) {
          oversized = true;
          return false;
        }
        return true;
      },
    });
  } catch {
    throw new WorkbookRefused([NOT_A_WORKBOOK]);
  }
  if (oversized) {
    throw new WorkbookRefused([
      `De werkmap is uitgepakt groter dan ${MAX_TOTAL_BYTES / 1024 / 1024} MB (of een blad groter dan ${MAX_PART_BYTES / 1024 / 1024} MB); een vragenlijst is veel kleiner. Dit bestand wordt niet gelezen.`,
    ]);
  }
  const workbookXml = parts['xl/workbook.xml'];
  const relsXml = parts['xl/_rels/workbook.xml.rels'];
  if (!workbookXml || !relsXml) throw new WorkbookRefused([NOT_A_WORKBOOK]);

  const targets = new Map<string, string>();
  for (const rel of children(parseXml(strFromU8(relsXml), 'xl/_rels/workbook.xml.rels'), 'Relationship')) {
    targets.set(rel.getAttribute('Id') ?? '', resolveTarget(rel.getAttribute('Target') ?? ''));
  }
  const shared = parts['xl/sharedStrings.xml'] ? children(parseXml(strFromU8(parts['xl/sharedStrings.xml']), 'xl/sharedStrings.xml'), 'si').map(stringItem) : [];
  const sheetsElement = child(parseXml(strFromU8(workbookXml), 'xl/workbook.xml'), 'sheets');
  const problems: string[] = [];
  const sheets: SheetData[] = [];
  for (const sheet of sheetsElement ? children(sheetsElement, 'sheet') : []) {
    const name = sheet.getAttribute('name') ?? '';
    const relId = [...Array.from({ length: sheet.attributes.length }, (_, i) => sheet.attributes.item(i)!)].find((a) => a.localName === 'id')?.value ?? '';
    const part = parts[targets.get(relId) ?? ''];
    if (!part) {
      sheets.push({ name, rows: [] });
      continue;
    }
    const data = child(parseXml(strFromU8(part), `blad ${name}`), 'sheetData');
    const rows: SheetCell[][] = [];
    for (const row of data ? children(data, 'row') : []) {
      const rowNumber = Number(row.getAttribute('r') ?? rows.length + 1);
      if (!Number.isInteger(rowNumber) || rowNumber < 1 || rowNumber > MAX_ROWS) {
        problems.push(`Blad ${name}: meer dan ${MAX_ROWS} rijen; een vragenlijst is veel kleiner`);
        break;
      }
      const cells: SheetCell[] = [];
      for (const c of children(row, 'c')) {
        const ref = c.getAttribute('r');
        const column = columnOf(ref) ?? cells.length;
        if (column >= MAX_COLUMNS) continue;
        if (child(c, 'f')) {
          problems.push(`Blad ${name}, cel ${ref ?? `rij ${rowNumber}`}: bevat een formule; Netwerkspiegel rekent geen formules uit. Vervang de formule door de waarde (kopiëren, plakken als waarde)`);
          continue;
        }
        const type = c.getAttribute('t') ?? 'n';
        const v = child(c, 'v')?.textContent ?? null;
        let value: SheetCell = null;
        if (type === 's') value = v === null ? null : (shared[Number(v)] ?? null);
        else if (type === 'inlineStr') value = child(c, 'is') ? stringItem(child(c, 'is')!) : null;
        else if (type === 'str') value = v === null ? null : unescapeExcel(v);
        else if (type === 'b') value = v === '1' ? 'TRUE' : 'FALSE';
        else if (type === 'e') problems.push(`Blad ${name}, cel ${ref ?? `rij ${rowNumber}`}: bevat een foutwaarde (${v ?? ''})`);
        else if (v !== null && v.trim() !== '') value = Number.isFinite(Number(v)) ? Number(v) : v;
        cells[column] = value;
      }
      for (let i = 0; i < cells.length; i++) cells[i] ??= null;
      rows[rowNumber - 1] = cells;
    }
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    sheets.push({ name, rows });
  }
  if (problems.length > 0) throw new WorkbookRefused(problems);
  return sheets;
}
