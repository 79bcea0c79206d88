import { describe, expect, it } from 'vitest';
import { BOM, csvField, formatDateTime, toCsv } from '../../shared/export/csv';
import { neutraliseForCsv, startsLikeFormula } from '../../shared/export/neutralise';
import type { Table } from '../../shared/export/table';
import { HOSTILE } from './export-support';

describe('formula neutralisation', () => {
  it('recognises every text that a spreadsheet could read as a formula', () => {
    for (const s of HOSTILE) expect(startsLikeFormula(s), JSON.stringify(s)).toBe(true);
    for (const s of ['Goed overleg', '', ' =niet aan het begin', '1+1', 'e-mail']) expect(startsLikeFormula(s), JSON.stringify(s)).toBe(false);
  });

  it('prefixes risky CSV texts with an apostrophe and leaves others alone', () => {
    expect(neutraliseForCsv('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(neutraliseForCsv('-2+3')).toBe("'-2+3");
    expect(neutraliseForCsv('Korte lijnen')).toBe('Korte lijnen');
  });
});

describe('CSV fields', () => {
  const text = { kind: 'text' } as const;
  const decimal = { kind: 'decimal' } as const;

  it('quotes fields with the separator, quotes or line breaks, doubling inner quotes', () => {
    expect(csvField('a;b', text, ';')).toBe('"a;b"');
    expect(csvField('a;b', text, ',')).toBe('a;b');
    expect(csvField('a,b', text, ',')).toBe('"a,b"');
    expect(csvField('zei "ja"', text, ';')).toBe('"zei ""ja"""');
    // SPSS ends a case at any line break, quoted or not: line breaks become spaces.
    expect(csvField('regel 1\nregel 2', text, ';')).toBe('regel 1 regel 2');
    expect(csvField('a\r\nb;c', text, ';')).toBe('"a b;c"');
  });

  it('neutralises hostile texts in every field, quoted where needed', () => {
    expect(csvField(HOSTILE[0]!, text, ';')).toBe(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
    expect(csvField('+1', text, ';')).toBe("'+1");
    expect(csvField('-2+3', text, ',')).toBe("'-2+3");
    expect(csvField('@SUM(A1:A2)', text, ';')).toBe("'@SUM(A1:A2)");
    expect(csvField('\tx', text, ';')).toBe("'\tx");
    expect(csvField('\rx', text, ';')).toBe("' x");
    for (const s of HOSTILE) expect(csvField(s, text, ';').replace(/^"/, '')[0]).toBe("'");
  });

  it('writes numbers with a decimal comma for ; and a decimal point for ,', () => {
    expect(csvField(3.75, decimal, ';')).toBe('3,75');
    expect(csvField(3.75, decimal, ',')).toBe('3.75');
    expect(csvField(-2, decimal, ';')).toBe('-2');
    expect(csvField(4, decimal, ';')).toBe('4');
    expect(csvField(null, decimal, ';')).toBe('');
  });

  it('writes an empty text as an empty field, like a missing value', () => {
    expect(csvField('', text, ';')).toBe('');
    expect(toCsv({ name: 'x', columns: [{ name: 'a', kind: 'text' }, { name: 'b', kind: 'text' }], rows: [['', null]] }, ';').slice(1).split('\r\n')[1]).toBe(';');
  });

  it('writes moments in local time as yyyy-mm-dd hh:mm:ss and dates as yyyy-mm-dd', () => {
    const d = new Date(2026, 2, 1, 9, 5, 7);
    expect(formatDateTime(d)).toBe('2026-03-01 09:05:07');
    expect(csvField(d, { kind: 'datetime' }, ';')).toBe('2026-03-01 09:05:07');
    expect(csvField(new Date(2026, 11, 31), { kind: 'date' }, ';')).toBe('2026-12-31');
  });
});

describe('CSV files', () => {
  const table: Table = {
    name: 'Data_lang',
    columns: [
      { name: 'respondent', kind: 'text' },
      { name: 'ks_amb', kind: 'decimal' },
      { name: 'ks_open_goed', kind: 'text' },
    ],
    rows: [
      ['R-001', 3.5, '=1+1'],
      ['R-002', null, 'Eén; twee'],
    ],
  };

  it('starts with a byte-order mark and ends lines with CRLF', () => {
    const csv = toCsv(table, ';');
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual(['respondent;ks_amb;ks_open_goed', "R-001;3,5;'=1+1", 'R-002;;"Eén; twee"', '']);
  });

  it('with , as separator uses a decimal point', () => {
    expect(toCsv(table, ',').slice(1).split('\r\n')[1]).toBe("R-001,3.5,'=1+1");
  });
});
