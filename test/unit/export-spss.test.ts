import { describe, expect, it } from 'vitest';
import { rScript, rString } from '../../shared/export/r-script';
import { spssString, spssSyntax, truncateUtf8, utf8Length } from '../../shared/export/spss';
import type { Table } from '../../shared/export/table';
import { parseSps } from './export-support';

const table: Table = {
  name: 'Data_lang',
  columns: [
    { name: 'netwerk', label: 'Netwerk', kind: 'text', level: 'nominal' },
    { name: 'respondent', label: 'Respondentcode', kind: 'text', level: 'nominal' },
    { name: 'gestart', label: 'Begonnen op', kind: 'datetime', level: 'scale' },
    {
      name: 'ks_amb_01',
      label: "De partners streven dezelfde ambitie na ('samen').",
      kind: 'integer',
      level: 'ordinal',
      valueLabels: [
        { code: 1, label: 'Helemaal oneens' },
        { code: 5, label: 'Helemaal eens' },
        { code: 9, label: 'Weet niet / n.v.t.' },
      ],
      missingCodes: [9],
    },
    { name: 'ks_cijfer', label: 'Rapportcijfer', kind: 'integer', level: 'scale' },
    { name: 'ks_amb', label: 'Score Gedeelde ambitie', kind: 'decimal', level: 'scale' },
    { name: 'ks_open_goed', label: 'Wat gaat goed?', kind: 'text', level: 'nominal' },
  ],
  rows: [
    ['Dementie Oost', 'R-001', new Date(2026, 2, 1, 9, 0, 0), 4, 8, 3.75, 'Ëén ding: "vertrouwen"'],
    ['Dementie Oost', 'R-002', new Date(2026, 2, 1, 9, 30, 0), 9, null, null, null],
  ],
};

const options = { csvFileName: 'data.csv', folder: "C:\\Users\\Eva\\Project 'X'", separator: ';' as const, title: 'Netwerkspiegel test', language: 'nl' as const };

describe('SPSS syntax', () => {
  it('reads the CSV with the delimiter, decimal mark and encoding it was written with', () => {
    const sps = parseSps(spssSyntax(table, options));
    expect(sps).toMatchObject({ decimal: 'COMMA', delimiter: ';', encoding: 'UTF8', qualifier: '"', firstCase: 2, file: 'data.csv' });
    const comma = parseSps(spssSyntax(table, { ...options, separator: ',' }));
    expect(comma).toMatchObject({ decimal: 'DOT', delimiter: ',' });
    // The folder goes to CD, its quote doubled.
    expect(spssSyntax(table, options)).toContain("CD 'C:\\Users\\Eva\\Project ''X'''.");
  });

  it('declares every column in order with a fitting input format', () => {
    const sps = parseSps(spssSyntax(table, options));
    expect(sps.variables.map((v) => v.name)).toEqual(table.columns.map((c) => c.name));
    const format = Object.fromEntries(sps.variables.map((v) => [v.name, v.format]));
    expect(format).toMatchObject({ gestart: 'YMDHMS19', ks_amb_01: 'F8.0', ks_amb: 'F10.4' });
    // String widths are UTF-8 bytes, room for a neutralising apostrophe included: "Ëén ding: "vertrouwen"" is 24 bytes.
    expect(format.ks_open_goed).toBe(`A${utf8Length('Ëén ding: "vertrouwen"') + 1}`);
    expect(format.netwerk).toBe('A14');
  });

  it('labels every variable, codes of coded items, and marks not-scored codes as missing', () => {
    const sps = parseSps(spssSyntax(table, options));
    for (const c of table.columns) expect(sps.variableLabels.get(c.name), c.name).toBe(c.label);
    expect([...sps.valueLabels.keys()]).toEqual(['ks_amb_01']);
    expect(Object.fromEntries(sps.valueLabels.get('ks_amb_01')!)).toEqual({ 1: 'Helemaal oneens', 5: 'Helemaal eens', 9: 'Weet niet / n.v.t.' });
    expect(Object.fromEntries(sps.missing)).toEqual({ ks_amb_01: [9] });
    expect(Object.fromEntries(sps.levels)).toMatchObject({ netwerk: 'NOMINAL', ks_amb_01: 'ORDINAL', ks_amb: 'SCALE', gestart: 'SCALE' });
  });

  it('ends every command with a period and finishes with EXECUTE', () => {
    const sps = parseSps(spssSyntax(table, options));
    for (const command of sps.commands) expect(command.trimEnd().endsWith('.')).toBe(true);
    expect(sps.commands.at(-1)).toBe('EXECUTE.');
    expect(sps.commands.map((c) => c.split(/\s/)[0])).toEqual(['SET', 'CD', 'GET', 'DATASET', 'VARIABLE', 'VALUE', 'MISSING', 'VARIABLE', 'FORMATS', 'FORMATS', 'FORMATS', 'EXECUTE.']);
  });

  it('splits long labels with + and keeps them within SPSS limits', () => {
    const long = 'Uitspraak '.repeat(40).trim(); // 399 characters
    const quoted = spssString(long, 255);
    expect(quoted.split('\n').length).toBeGreaterThan(1);
    for (const line of quoted.split('\n')) expect(line.length).toBeLessThan(100);
    const back = [...quoted.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]).join('');
    expect(utf8Length(back)).toBeLessThanOrEqual(255);
    expect(back.endsWith('...')).toBe(true);
    // 'ëëëë' is 8 bytes; 7 leaves 4 for text (two ë) and 3 for the dots.
    expect(truncateUtf8('ëëëë', 7)).toBe('ëë...');
    expect(spssString("it's", 100)).toBe("'it''s'");
  });
});

describe('R script', () => {
  it('reads the CSV with the right separator, decimal mark and encoding, and sets labels', () => {
    const r = rScript(table, options);
    expect(r).toContain('read.csv(csv, sep = ";", dec = ",", fileEncoding = "UTF-8-BOM", na.strings = ""');
    expect(rScript(table, { ...options, separator: ',' })).toContain('sep = ",", dec = "."');
    expect(r).toContain('data[["gestart"]] <- as.POSIXct(data[["gestart"]], format = "%Y-%m-%d %H:%M:%S")');
    for (const c of table.columns) expect(r).toContain(`  ${rString(c.name)} = ${rString(c.label!)}`);
    expect(r).toContain('"ks_amb_01" = c("Helemaal oneens" = 1, "Helemaal eens" = 5, "Weet niet / n.v.t." = 9)');
    expect(r).toContain('"ks_amb_01" = c(9)');
    expect(r).toContain('map <- "C:\\\\Users\\\\Eva\\\\Project \'X\'"');
  });

  it('reads every text column as text (a respondent code 001 must not become the number 1), and only those', () => {
    const r = rScript(table, options);
    expect(r).toContain('text_columns <- c(\n  "netwerk",\n  "respondent",\n  "ks_open_goed"\n)');
    expect(r).toContain('colClasses = setNames(rep("character", length(text_columns)), text_columns))');
  });

  it('escapes R strings', () => {
    expect(rString('a "b" \\ c\nd')).toBe('"a \\"b\\" \\\\ c\\nd"');
  });
});
