import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { columnLetters, excelSerial, writeWorkbook, xmlText } from '../../electron/services/export/xlsx-writer';
import { toCsv } from '../../shared/export/csv';
import type { Table } from '../../shared/export/table';
import { emptyTextCells, HOSTILE, xlsxParts } from './export-support';

const meta = { title: 'Test', appVersion: '1.0', createdAt: new Date(2026, 2, 1, 9, 30) };

const table: Table = {
  name: 'Data_lang',
  columns: [
    { name: 'respondent', kind: 'text' },
    { name: 'ks_amb_01', kind: 'integer' },
    { name: 'ks_amb', kind: 'decimal' },
    { name: 'p', kind: 'decimal', format: '0.000' },
    { name: 'gestart', kind: 'datetime' },
    { name: 'open', kind: 'text' },
  ],
  rows: [
    ['R-001', 4, 3.75, 0.0123, new Date(2026, 2, 1, 9, 5, 0), HOSTILE[0]!],
    ['R-002', 9, null, null, new Date(2026, 2, 2, 14, 0, 0), 'Eén _x0041_ "quote" <tag> & co'],
    ...HOSTILE.slice(1).map((h, i) => [`R-10${i}`, null, null, null, null, h] as (string | number | Date | null)[]),
  ],
};

describe('the xlsx writer', () => {
  it('writes a zip that SheetJS reads back with the same cells, types and number formats', async () => {
    const bytes = await writeWorkbook([table, { name: 'Leeg', columns: [{ name: 'x', kind: 'text' }], rows: [] }], meta);
    const book = XLSX.read(bytes, { type: 'buffer', cellDates: true, cellNF: true, cellStyles: true, cellFormula: true });
    expect(book.SheetNames).toEqual(['Data_lang', 'Leeg']);
    const sheet = book.Sheets.Data_lang!;
    expect(sheet['!ref']).toBe(`A1:F${table.rows.length + 1}`);
    expect(sheet['!autofilter']).toEqual({ ref: `A1:F${table.rows.length + 1}` });
    expect(sheet.A1).toMatchObject({ t: 's', v: 'respondent' });
    expect(sheet.B2).toMatchObject({ t: 'n', v: 4, z: '0' });
    expect(sheet.C2).toMatchObject({ t: 'n', v: 3.75, z: '0.00' });
    expect(sheet.D2).toMatchObject({ t: 'n', v: 0.0123, z: '0.000' });
    expect(sheet.E2).toMatchObject({ t: 'd', z: 'yyyy-mm-dd hh:mm' });
    expect(Math.abs((sheet.E2!.v as Date).getTime() - new Date(2026, 2, 1, 9, 5, 0).getTime())).toBeLessThan(1000);
    expect(sheet.C3).toBeUndefined(); // empty stays empty
    expect(sheet.F3).toMatchObject({ t: 's', v: 'Eén _x0041_ "quote" <tag> & co' });
    (sheet['!cols'] ?? []).forEach((c) => expect(c.wch).toBeGreaterThanOrEqual(6));
    expect(book.Sheets.Leeg!.A1).toMatchObject({ t: 's', v: 'x' });
  });

  it('writes hostile texts as shared strings exactly as typed, and never a formula', async () => {
    const bytes = await writeWorkbook([table], meta);
    const book = XLSX.read(bytes, { type: 'buffer', cellFormula: true });
    const texts = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets.Data_lang!).map((r) => r.open);
    expect(texts.filter((t) => HOSTILE.includes(t as string))).toEqual(HOSTILE);
    for (const [address, cell] of Object.entries(book.Sheets.Data_lang!)) if (!address.startsWith('!')) expect((cell as XLSX.CellObject).f).toBeUndefined();
    const parts = xlsxParts(bytes);
    const sheetXml = parts.get('xl/worksheets/sheet1.xml')!;
    expect(sheetXml).not.toMatch(/<f[\s>]/);
    expect(sheetXml).not.toContain('t="str"');
    expect(sheetXml).not.toContain('inlineStr');
    // The carriage return survives as Excel's escape; the tab as itself.
    const sst = parts.get('xl/sharedStrings.xml')!;
    expect(sst).toContain('<t xml:space="preserve">_x000D_x</t>');
    expect(sst).toContain('<t xml:space="preserve">\tx</t>');
    expect(sst).toContain('_x005F_x0041_');
  });

  it('writes an empty text as a blank cell, not as a text cell holding nothing', async () => {
    const withEmpty: Table = {
      name: 'Toelichting',
      columns: [
        { name: 'onderwerp', kind: 'text' },
        { name: 'waarde', kind: 'mixed' },
        { name: 'toelichting', kind: 'text' },
      ],
      rows: [
        ['Netwerk: Dementie Oost', '', ''],
        ['Minimale groepsgrootte', 5, 'Kleine groepen worden niet getoond.'],
      ],
    };
    const bytes = await writeWorkbook([withEmpty], meta);
    expect(emptyTextCells(bytes)).toEqual([]);
    const sheetXml = xlsxParts(bytes).get('xl/worksheets/sheet1.xml')!;
    // Row 2 has only its first cell; row 3 all three.
    expect([...sheetXml.matchAll(/<c r="([A-Z]+2)"/g)].map((m) => m[1])).toEqual(['A2']);
    expect([...sheetXml.matchAll(/<c r="([A-Z]+3)"/g)].map((m) => m[1])).toEqual(['A3', 'B3', 'C3']);
    expect(xlsxParts(bytes).get('xl/sharedStrings.xml')).not.toMatch(/<si><t[^>]*><\/t><\/si>/);
    const sheet = XLSX.read(bytes, { type: 'buffer' }).Sheets.Toelichting!;
    expect(sheet.B2).toBeUndefined();
    expect(sheet.C2).toBeUndefined();
  });

  it('shortens a text over 32,767 characters (Excel\'s cell limit) with a visible marker, in the workbook only', async () => {
    // 40,000 characters: a sentence repeated, so the kept part can be compared with the original.
    const long = 'Het overleg verloopt goed. '.repeat(1482).slice(0, 40_000);
    expect(long).toHaveLength(40_000);
    // A text whose cut would fall inside a two-unit character (😀 at 32,740–32,741).
    const emoji = `${'a'.repeat(32_740)}😀${'b'.repeat(7_258)}`;
    expect(emoji).toHaveLength(40_000);
    const texts: Table = { name: 'Data_lang', columns: [{ name: 'ks_open_goed', kind: 'text' }], rows: [[long], [emoji], ['kort']] };
    const cells = async (language?: 'en') => {
      const sheet = XLSX.read(await writeWorkbook([texts], { ...meta, language }), { type: 'buffer' }).Sheets.Data_lang!;
      return [sheet.A2!.v, sheet.A3!.v, sheet.A4!.v] as string[];
    };
    const [shortened, withEmoji, short] = await cells();
    // The marker "… [ingekort: 40000 tekens]" is 26 characters: 32,741 kept + 26 = 32,767.
    expect(shortened).toHaveLength(32_767);
    expect(shortened).toBe(`${long.slice(0, 32_741)}… [ingekort: 40000 tekens]`);
    // The emoji is not split: 32,740 kept, one less than the limit allows.
    expect(withEmoji).toBe(`${'a'.repeat(32_740)}… [ingekort: 40000 tekens]`);
    expect(short).toBe('kort');
    const [english] = await cells('en');
    expect(english).toBe(`${long.slice(0, 32_767 - '… [shortened: 40000 characters]'.length)}… [shortened: 40000 characters]`);
    // The CSV has no such limit: it keeps the whole text.
    expect(toCsv(texts, ';').split('\r\n')[1]).toBe(long);
  });

  it('freezes and emphasises the header row and filters it', async () => {
    const parts = xlsxParts(await writeWorkbook([table], meta));
    const sheetXml = parts.get('xl/worksheets/sheet1.xml')!;
    expect(sheetXml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheetXml).toMatch(/<c r="A1" t="s" s="1">/);
    expect(parts.get('xl/styles.xml')).toContain('<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>');
    expect(parts.get('xl/workbook.xml')).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Data_lang'!$A$1:$F$${table.rows.length + 1}</definedName>`);
    // Parts a spreadsheet program needs, with their content types.
    for (const part of ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml', 'docProps/core.xml', 'docProps/app.xml']) {
      expect(parts.has(part), part).toBe(true);
    }
  });

  it('writes a valid zip: sizes and checksums in the headers match the contents', async () => {
    const bytes = await writeWorkbook([table], meta);
    const end = bytes.length - 22;
    expect(bytes.readUInt32LE(end)).toBe(0x06054b50);
    const entries = bytes.readUInt16LE(end + 10);
    let at = bytes.readUInt32LE(end + 16);
    for (let i = 0; i < entries; i++) {
      expect(bytes.readUInt32LE(at)).toBe(0x02014b50);
      const compressed = bytes.readUInt32LE(at + 20);
      const size = bytes.readUInt32LE(at + 24);
      const nameLength = bytes.readUInt16LE(at + 28);
      const local = bytes.readUInt32LE(at + 42);
      const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      const content = inflateRawSync(bytes.subarray(dataStart, dataStart + compressed));
      expect(content.length).toBe(size);
      at += 46 + nameLength;
    }
  });

  it('reports progress per chunk of rows and gives the event loop turns', async () => {
    const big: Table = { name: 'Groot', columns: [{ name: 'n', kind: 'integer' }], rows: Array.from({ length: 1234 }, (_, i) => [i]) };
    const seen: number[] = [];
    let turns = 0;
    await writeWorkbook([big], meta, { onProgress: (done) => seen.push(done), yieldToEventLoop: async () => void turns++ });
    expect(seen.at(-1)).toBe(1234);
    expect(seen[0]).toBe(500);
    expect(turns).toBeGreaterThanOrEqual(2);
  });

  it('has helpers that match Excel', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    // 1 March 2026 00:00 local time is serial 46082 (days since 30 December 1899).
    expect(excelSerial(new Date(2026, 2, 1))).toBe(46082);
    expect(excelSerial(new Date(2026, 2, 1, 12))).toBe(46082.5);
    expect(xmlText('a<b & "c"\u0001')).toBe('a&lt;b &amp; &quot;c&quot;_x0001_');
  });
});
