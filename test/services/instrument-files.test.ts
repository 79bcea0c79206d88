import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../shared/contract';
import { builtInInstruments, instrumentDefinition, type InstrumentDefinition } from '../../shared/instruments';
import { redcapToInstrument, REDCAP_COLUMNS } from '../../shared/instruments/formats/redcap';
import { xlsformToInstrument } from '../../shared/instruments/formats/xlsform';
import type { SheetData } from '../../shared/instruments/formats/sheets';
import { writeWorkbook } from '../../electron/services/export/xlsx-writer';
import { bilingualInstrument, dutchOnlyInstrument } from '../support/dutch-only-instrument';
import { useServices, type Laptop } from '../support/services';
import { resavedByCalc, workbooksAsCsv } from '../support/soffice-calc';
import { structuredInstrument } from '../support/structured-instrument';
import { useTempDir } from '../support/tmp';

/**
 * Instruments as files through the real dispatcher and services over a real SQLite file: the main
 * process picks the file (here `chooseImportPath` plays the open dialog), reads it, shows what it
 * would import and stores it only on confirmation. Exported workbooks are read back by LibreOffice
 * Calc and exported dictionaries by Python's csv module; bad files of every kind change nothing.
 */

const laptop = useServices();
const tempDir = useTempDir();

const testInstruments = () => [structuredInstrument(), dutchOnlyInstrument(), bilingualInstrument()].map((raw) => instrumentDefinition.parse(raw));

/** The file a person would pick in the open dialog. */
const pick = (s: Laptop, file: string | null) => {
  s.services.chooseImportPath = async () => file;
};

const stored = (s: Laptop) => s.db.prepare('SELECT instrument_id, version, definition, built_in, frozen_at, device_id, created_at FROM instruments ORDER BY instrument_id, version').all();
const auditCount = (s: Laptop) => (s.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

type Preview = Extract<Output<'chooseInstrumentFile'>, { cancelled: false }>;
async function choose(s: Laptop, file: string): Promise<Preview> {
  pick(s, file);
  const preview = await s.ok('chooseInstrumentFile', {});
  if (preview.cancelled) throw new Error('cancelled');
  return preview;
}

async function exportAs(s: Laptop, def: InstrumentDefinition, format: 'xlsx' | 'redcap' | 'json'): Promise<string> {
  const result = await s.ok('exportInstrumentFile', { instrumentId: def.id, version: def.version, format });
  if (result.cancelled) throw new Error('cancelled');
  return result.filePath;
}

/** A CSV file as Python's csv module reads it (utf-8-sig drops the BOM). */
function pythonCsv(file: string): string[][] {
  const run = spawnSync('python3', ['-c', 'import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))))', file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python3 could not read ${file}: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
}

/** The sheets of a workbook as LibreOffice Calc wrote them to CSV, read with papaparse. */
const sheetsFromCalc = (sheets: Map<string, string>): SheetData[] =>
  [...sheets].map(([name, path]) => ({ name, rows: Papa.parse<string[]>(readFileSync(path, 'utf8'), { delimiter: ',', skipEmptyLines: false }).data.map((r) => r.map((c) => (c === '' ? null : c))) }));

describe('exported instruments read back by real readers give the identical definition', () => {
  it('every built-in and the test instruments: workbooks through LibreOffice Calc, dictionaries through Python, and back in through the service', async () => {
    const s = laptop();
    for (const def of testInstruments()) await s.ok('importInstrument', { definitionJson: JSON.stringify(def) });
    const all = [...builtInInstruments, ...testInstruments()];
    const workbooks: string[] = [];
    const dictionaries: string[] = [];
    for (const def of all) {
      workbooks.push(await exportAs(s, def, 'xlsx'));
      dictionaries.push(await exportAs(s, def, 'redcap'));
    }
    // One audit entry per export, naming the format.
    const exports = s.db.prepare("SELECT entity_id AS id, details FROM audit_log WHERE action = 'export.instrument' ORDER BY rowid").all() as { id: string; details: string }[];
    expect(exports.map((e) => JSON.parse(e.details).format)).toEqual(all.flatMap(() => ['xlsx', 'redcap']));

    const calcDir = join(tempDir(), 'calc');
    mkdirSync(calcDir);
    const csvByWorkbook = workbooksAsCsv(workbooks, calcDir);
    all.forEach((def, i) => {
      const sheets = sheetsFromCalc(csvByWorkbook.get(workbooks[i]!)!);
      expect(sheets.map((sh) => sh.name).sort(), def.id).toEqual(['choices', 'settings', 'survey', ...(def.subscales.length ? ['subscales'] : []), ...(def.items.some((it) => it.type === 'choice' && it.optionHelp) ? ['option_help'] : [])].sort());
      const fromCalc = xlsformToInstrument(sheets, { fallbackId: 'x' });
      expect(fromCalc.ok && fromCalc.definition, `${def.id} v${def.version} as LibreOffice reads the workbook`).toStrictEqual(def);

      const records = pythonCsv(dictionaries[i]!);
      expect(records[0]).toEqual([...REDCAP_COLUMNS]);
      expect(records.every((r) => r.length === 18)).toBe(true);
      const fromPython = redcapToInstrument(records, { fallbackId: 'x' });
      expect(fromPython.ok && fromPython.definition, `${def.id} v${def.version} as Python reads the dictionary`).toStrictEqual(def);
    });

    // Back in through the service on this laptop: each file is recognised as the version already stored.
    for (const file of [...workbooks, ...dictionaries]) expect((await choose(s, file)).existing, file).toBe('same');
    // And on a fresh laptop the test instruments are imported from the files as they were.
    const other = laptop();
    for (const [i, def] of testInstruments().entries()) {
      const file = (i % 2 === 0 ? workbooks : dictionaries)[builtInInstruments.length + i]!;
      const preview = await choose(other, file);
      expect(preview).toMatchObject({ existing: 'none', instrumentId: def.id, version: def.version, items: def.items.length, leftOut: [] });
      await other.ok('importInstrumentFile', { previewId: preview.previewId });
      expect(await other.ok('getInstrument', { instrumentId: def.id, version: def.version })).toStrictEqual(def);
    }
  }, 240_000);

  it('reads a workbook that LibreOffice Calc saved again (its own shared strings, styles and number cells)', async () => {
    const s = laptop();
    const structured = testInstruments()[0]!;
    await s.ok('importInstrument', { definitionJson: JSON.stringify(structured) });
    const originals = [await exportAs(s, builtInInstruments[0]!, 'xlsx'), await exportAs(s, structured, 'xlsx')];
    const outDir = join(tempDir(), 'resaved');
    mkdirSync(outDir);
    const resaved = resavedByCalc(originals, outDir);
    const other = laptop();
    expect((await choose(other, resaved[0]!)).existing).toBe('same');
    const preview = await choose(other, resaved[1]!);
    await other.ok('importInstrumentFile', { previewId: preview.previewId });
    expect(await other.ok('getInstrument', { instrumentId: structured.id, version: 1 })).toStrictEqual(structured);
  }, 120_000);
});

describe('a REDCap data dictionary written by hand', () => {
  const fixture = join(__dirname, '../fixtures/redcap/mantelzorg-dementie.csv');
  const nl = (text: string) => ({ nl: text });
  const options = (...labels: [number, string][]) => labels.map(([code, label]) => ({ code, label: nl(label) }));
  const question = (id: string, text: string, rest: Record<string, unknown>) => ({ id, text: nl(text), label: nl(text), ...rest });
  const eens = options([1, 'Helemaal oneens'], [2, 'Oneens'], [3, 'Neutraal'], [4, 'Eens'], [5, 'Helemaal eens'], [9, 'Weet niet']);

  /** Worked out by hand from the file: what each row becomes under the rules in shared/instruments/formats/redcap.ts. */
  const expected = {
    id: 'mantelzorg-dementie',
    version: 1,
    languages: ['nl'],
    name: nl('Mantelzorg dementie'),
    description: nl('Mantelzorg dementie'),
    attribution: nl('Geïmporteerd uit een REDCap-datadictionary; vul de bronvermelding aan.'),
    licence: nl('Niet opgegeven.'),
    scales: [
      { id: 'mz_relatie', options: options([1, 'Partner'], [2, 'Kind'], [3, 'Schoonkind'], [4, 'Buur of vriend'], [5, 'Anders']), notScored: [] },
      { id: 'ja_nee', options: options([1, 'Ja'], [0, 'Nee']), notScored: [] },
      { id: 'mz_uren', options: options([1, 'Minder dan 8 uur'], [2, '8 tot 16 uur'], [3, '16 tot 32 uur'], [4, 'Meer dan 32 uur']), notScored: [] },
      { id: 'mz_hulp', options: options([1, 'Casemanager dementie'], [2, 'Huisarts'], [3, 'Thuiszorg'], [4, 'Dagbesteding'], [5, 'Familie of vrienden'], [6, 'Geen hulp']), notScored: [] },
      { id: 'mz_casemanager', options: options([1, 'Zeer ontevreden'], [2, 'Ontevreden'], [3, 'Neutraal'], [4, 'Tevreden'], [5, 'Zeer tevreden']), notScored: [] },
      { id: 'mz_st_01', options: eens, notScored: [] },
      { id: 'waar_niet_waar', options: options([1, 'Waar'], [0, 'Niet waar']), notScored: [] },
      { id: 'mz_regio', options: options([1, 'Noord'], [2, 'Midden'], [3, 'Zuid']), notScored: [] },
    ],
    items: [
      question('mz_leeftijd', 'Wat is uw leeftijd?', { type: 'number', min: 18, max: 110, required: true }),
      question('mz_relatie', 'Wat is uw relatie tot de persoon met dementie?', { type: 'choice', scale: 'mz_relatie', required: true }),
      question('mz_relatie_anders', 'Welke relatie heeft u dan?', { type: 'open', maxLength: 255, showWhen: { item: 'mz_relatie', anyOf: [5] } }),
      question('mz_samenwonen', 'Woont u samen met de persoon met dementie?', { type: 'choice', scale: 'ja_nee' }),
      question('mz_uren', 'Hoeveel uur per week zorgt u gemiddeld?', { type: 'choice', scale: 'mz_uren' }),
      question('mz_jaren', 'Hoeveel jaar zorgt u al?', { type: 'number', min: 0, max: 40 }),
      question('mz_hulp', 'Van wie krijgt u hulp? Meerdere antwoorden zijn mogelijk.', { type: 'multiple', scale: 'mz_hulp' }),
      question('mz_casemanager', 'Hoe tevreden bent u over de casemanager dementie?', { type: 'choice', scale: 'mz_casemanager', required: true, showWhen: { item: 'mz_hulp', anyOf: [1] } }),
      question('mz_dagbesteding', 'Hoeveel dagen per week gaat uw naaste naar de dagbesteding?', { type: 'number', min: 1, max: 7, showWhen: { item: 'mz_hulp', anyOf: [4] } }),
      question('mz_st_01', 'Ik weet bij wie ik terecht kan met vragen.', { type: 'choice', scale: 'mz_st_01' }),
      question('mz_st_02', 'De zorgverleners stemmen hun hulp goed op elkaar af.', { type: 'choice', scale: 'mz_st_01' }),
      question('mz_st_03', 'Ik hoef mijn verhaal niet steeds opnieuw te vertellen.', { type: 'choice', scale: 'mz_st_01' }),
      question('mz_st_04', 'Ik voel me serieus genomen door de zorgverleners.', { type: 'choice', scale: 'mz_st_01' }),
      question('mz_overbelast', 'Ik voel mij vaak overbelast.', { type: 'choice', scale: 'waar_niet_waar' }),
      question('mz_tip', 'Wat zou het netwerk beter kunnen doen voor u als [mz_relatie]?', { type: 'open', maxLength: 2000 }),
      question('mz_contact', 'Mag de coördinator contact met u opnemen voor een vervolggesprek?', { type: 'choice', scale: 'ja_nee', required: true }),
      question('mz_regio', 'In welke regio woont u?', { type: 'choice', scale: 'mz_regio' }),
    ],
    subscales: [],
    sections: [
      {
        id: 'over_u',
        title: nl('Over u'),
        intro: nl('Deze vragenlijst gaat over de steun die u als mantelzorger krijgt van het dementienetwerk.'),
        items: ['mz_leeftijd', 'mz_relatie', 'mz_relatie_anders', 'mz_samenwonen', 'mz_uren', 'mz_jaren'],
      },
      { id: 'ondersteuning', title: nl('Ondersteuning'), items: ['mz_hulp', 'mz_casemanager', 'mz_dagbesteding', 'mz_st_01', 'mz_st_02', 'mz_st_03', 'mz_st_04', 'mz_overbelast'] },
      { id: 'tot_slot', title: nl('Tot slot'), items: ['mz_tip', 'mz_contact', 'mz_regio'] },
    ],
  };

  it('imports with the expected definition, after a preview that names every field left out and why', async () => {
    const s = laptop();
    const before = stored(s);
    const preview = await choose(s, fixture);
    // The preview stores nothing.
    expect(stored(s)).toEqual(before);
    expect(preview).toMatchObject({ fileName: 'mantelzorg-dementie.csv', format: 'redcap', instrumentId: 'mantelzorg-dementie', version: 1, items: 17, sections: 3, subscales: 0, existing: 'none' });
    const dropped = preview.leftOut.filter((line) => line.endsWith('; weggelaten')).map((line) => /veld (\w+): (.*)$/.exec(line)!.slice(1, 3));
    expect(dropped.map(([field]) => field)).toEqual(['record_id', 'mz_naam', 'mz_st_score', 'mz_belasting', 'mz_verslag', 'mz_telefoon', 'mz_huishouden', 'mz_bedankt']);
    const reasons = Object.fromEntries(dropped.map(([field, reason]) => [field, reason]));
    expect(reasons.record_id).toMatch(/het eerste veld van een REDCap-project is het recordnummer/);
    expect(reasons.mz_naam).toMatch(/identificerend/);
    expect(reasons.mz_st_score).toMatch(/berekend veld \(calc\)/);
    expect(reasons.mz_belasting).toMatch(/schuifbalk \(slider\)/);
    expect(reasons.mz_verslag).toMatch(/bestand uploaden \(file\)/);
    expect(reasons.mz_telefoon).toMatch(/identificerend/);
    expect(reasons.mz_huishouden).toMatch(/de vertakking “\[mz_leeftijd\] > 80 and \[mz_samenwonen\] = '1'” kan Netwerkspiegel niet overnemen \(het deel “.*” is geen vergelijking van één vraag met één antwoordcode/);
    expect(reasons.mz_bedankt).toMatch(/tekstveld \(descriptive\) midden tussen de vragen/);
    // Features of kept fields that do not come along: a field note, another action tag, piping.
    expect(preview.leftOut.filter((line) => !line.endsWith('; weggelaten'))).toEqual([
      'Rij 5, veld mz_leeftijd: de toelichting (Field Note) toont Netwerkspiegel niet',
      'Rij 10, veld mz_jaren: de annotaties @HIDDEN-PDF vervallen',
      'Rij 21, veld mz_tip: verwijzingen naar andere antwoorden in de vraagtekst (piping) vult Netwerkspiegel niet in; ze blijven als tekst staan',
      'Rij 26, veld mz_regio: de toelichting (Field Note) toont Netwerkspiegel niet',
    ]);
    expect(preview.mapped).toContain('Rij 8, veld mz_samenwonen: ja/nee (yesno) → keuzevraag, antwoordschaal ja_nee');
    expect(preview.mapped).toContain('Rij 14, veld mz_st_01: matrixgroep steun wordt een reeks losse vragen');

    const summary = await s.ok('importInstrumentFile', { previewId: preview.previewId });
    expect(summary).toMatchObject({ instrumentId: 'mantelzorg-dementie', version: 1, builtIn: false, languages: ['nl'] });
    expect(await s.ok('getInstrument', { instrumentId: 'mantelzorg-dementie', version: 1 })).toStrictEqual(expected);
    const audit = s.db.prepare("SELECT entity_id AS id, details FROM audit_log WHERE action = 'instrument.imported'").all() as { id: string; details: string }[];
    expect(audit.map((a) => [a.id, JSON.parse(a.details)])).toEqual([['mantelzorg-dementie@1', { format: 'redcap', file: 'mantelzorg-dementie.csv' }]]);
    // The preview is used up: confirming again finds nothing to import.
    expect(await s.call('importInstrumentFile', { previewId: preview.previewId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('reads the same dictionary saved by Excel on Windows: semicolons and Windows-1252', async () => {
    const s = laptop();
    const records = Papa.parse<string[]>(readFileSync(fixture, 'utf8')).data;
    const file = join(tempDir(), 'mantelzorg-dementie.csv');
    const text = Papa.unparse(records, { delimiter: ';' });
    writeFileSync(file, Buffer.from(text.replace(/ö/g, '\u00f6'), 'latin1'));
    const preview = await choose(s, file);
    await s.ok('importInstrumentFile', { previewId: preview.previewId });
    expect(await s.ok('getInstrument', { instrumentId: 'mantelzorg-dementie', version: 1 })).toStrictEqual(expected);
  });
});

describe('bad files are refused with their problems and change nothing', () => {
  /** Calls chooseInstrumentFile on the file and checks the refusal, and that no instrument and no audit entry was written. */
  async function refused(s: Laptop, file: string): Promise<string> {
    const before = { instruments: stored(s), audit: auditCount(s) };
    pick(s, file);
    const result = await s.call('chooseInstrumentFile', {});
    if (result.ok) throw new Error(`accepted ${file}`);
    expect(result.error.code).toBe('VALIDATION');
    expect(stored(s)).toEqual(before.instruments);
    expect(auditCount(s)).toBe(before.audit);
    return result.error.message;
  }

  const workbookFile = async (dir: string, name: string, sheets: SheetData[]) => {
    const tables = sheets.map((sheet) => ({ name: sheet.name, columns: (sheet.rows[0] ?? []).map((h) => ({ name: String(h ?? ''), kind: 'mixed' as const })), rows: sheet.rows.slice(1) }));
    const file = join(dir, name);
    writeFileSync(file, await writeWorkbook(tables, { title: name, appVersion: 'test', createdAt: new Date(2026, 11, 1) }));
    return file;
  };

  it('a workbook without its sheets, with an unknown type, or with a question name twice', async () => {
    const s = laptop();
    const dir = tempDir();
    const noSurvey = await workbookFile(dir, 'blad1.xlsx', [{ name: 'Blad1', rows: [['vraag'], ['Hoe gaat het?']] }]);
    expect(await refused(s, noSurvey)).toBe(
      "blad1.xlsx kan niet worden geïmporteerd: Het blad 'survey' ontbreekt (gevonden: 'Blad1'). Een vragenlijst-spreadsheet heeft de bladen survey, choices en settings, zoals in XLSForm. Er is niets opgeslagen.",
    );
    const survey = (rows: (string | null)[][]): SheetData[] => [
      { name: 'survey', rows: [['type', 'name', 'label'], ['begin_group', 'deel', 'Deel'], ...rows, ['end_group', null, null]] },
      { name: 'choices', rows: [['list_name', 'name', 'label'], ['jn', '1', 'Ja'], ['jn', '2', 'Nee']] },
      { name: 'settings', rows: [['form_title', 'form_id'], ['Test', 'test']] },
    ];
    const unknownType = await workbookFile(dir, 'type.xlsx', survey([['select_one jn', 'a_01', 'Vraag 1'], ['select_won jn', 'a_02', 'Vraag 2']]));
    expect(await refused(s, unknownType)).toBe("type.xlsx kan niet worden geïmporteerd: Blad survey, rij 4 (a_02): onbekend type 'select_won jn'. Er is niets opgeslagen.");
    const twice = await workbookFile(dir, 'twee.xlsx', survey([['select_one jn', 'a_01', 'Vraag 1'], ['text', 'a_01', 'Vraag 2']]));
    expect(await refused(s, twice)).toBe(
      'twee.xlsx kan niet worden geïmporteerd: Blad survey, rij 4 (a_01): de naam a_01 staat al in Blad survey, rij 3 (a_01); elke vraag heeft een eigen naam. Er is niets opgeslagen.',
    );
    // Two questions each shown on the other's answer.
    const withRelevant: SheetData[] = survey([]).map((sh) =>
      sh.name === 'survey'
        ? { name: 'survey', rows: [['type', 'name', 'label', 'relevant'], ['begin_group', 'deel', 'Deel', null], ['select_one jn', 'a_01', 'Vraag 1', "${a_02} = '1'"], ['select_one jn', 'a_02', 'Vraag 2', "${a_01} = '1'"], ['end_group', null, null, null]] }
        : sh,
    );
    const cycleFile = await workbookFile(dir, 'kring2.xlsx', withRelevant);
    const message = await refused(s, cycleFile);
    expect(message).toContain('Blad survey, rij 3 (a_01) → relevant: Vraag a_01 hangt via de toon-voorwaarden van zichzelf af (a_01 → a_02 → a_01)');
    expect(message).toContain('Blad survey, rij 4 (a_02) → relevant: Vraag a_02 hangt via de toon-voorwaarden van zichzelf af (a_02 → a_01 → a_02)');
  });

  it('a workbook with a formula', async () => {
    const s = laptop();
    const dir = tempDir();
    const def = testInstruments()[1]!;
    await s.ok('importInstrument', { definitionJson: JSON.stringify(def) });
    const exported = await exportAs(s, def, 'xlsx');
    const parts = unzipSync(readFileSync(exported));
    // The survey's cell B3 (a question's name) becomes a formula that computes it.
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    const withFormula = sheet.replace(/<c r="B3" t="s"><v>\d+<\/v><\/c>/, '<c r="B3" t="str"><f>LOWER("BT_01")</f><v>bt_01</v></c>');
    expect(withFormula).not.toBe(sheet);
    parts['xl/worksheets/sheet1.xml'] = strToU8(withFormula);
    const file = join(dir, 'formule.xlsx');
    writeFileSync(file, zipSync(parts));
    expect(await refused(s, file)).toBe(
      'formule.xlsx kan niet worden geïmporteerd: Blad survey, cel B3: bevat een formule; Netwerkspiegel rekent geen formules uit. Vervang de formule door de waarde (kopiëren, plakken als waarde). Er is niets opgeslagen.',
    );
  });

  it('10 MB of random bytes named .xlsx or .csv, 1 MB of them, and a zip that unpacks to far more than it says', async () => {
    const s = laptop();
    const dir = tempDir();
    const junk = randomBytes(10 * 1024 * 1024);
    for (const name of ['junk.xlsx', 'junk.csv']) {
      writeFileSync(join(dir, name), junk);
      expect(await refused(s, join(dir, name))).toBe(`${name} is 10.0 MB; een vragenlijstbestand is hoogstens 5 MB. Kies het juiste bestand; er is niets opgeslagen.`);
    }
    writeFileSync(join(dir, 'klein.xlsx'), junk.subarray(0, 1024 * 1024));
    expect(await refused(s, join(dir, 'klein.xlsx'))).toBe(
      'klein.xlsx kan niet worden geïmporteerd: Dit bestand is geen Excel-werkmap (.xlsx) die Netwerkspiegel kan lezen. Sla de spreadsheet op als Excel-werkmap (.xlsx) en kies die. Er is niets opgeslagen.',
    );
    writeFileSync(join(dir, 'klein.csv'), junk.subarray(0, 1024 * 1024));
    expect(await refused(s, join(dir, 'klein.csv'))).toMatch(/^klein\.csv kan niet worden geïmporteerd: dit is geen tekstbestand/);

    // A zip bomb of sorts: a 64 MB sheet of spaces packs into some 60 kB.
    const bomb = zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'xl/workbook.xml': strToU8('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="survey" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': new Uint8Array(64 * 1024 * 1024).fill(32),
    });
    expect(bomb.length).toBeLessThan(500_000);
    writeFileSync(join(dir, 'bom.xlsx'), bomb);
    expect(await refused(s, join(dir, 'bom.xlsx'))).toMatch(/^bom\.xlsx kan niet worden geïmporteerd: De werkmap is uitgepakt groter dan 32 MB/);
    // The same, lying in its headers that the sheet is 1,000 bytes: fflate inflates no further than that, and the cut-off XML is refused.
    const liar = Buffer.from(bomb);
    for (let i = 0; i < liar.length - 4; i++) {
      if (liar.readUInt32LE(i) === 0x02014b50) liar.writeUInt32LE(1000, i + 24);
      if (liar.readUInt32LE(i) === 0x04034b50) liar.writeUInt32LE(1000, i + 22);
    }
    writeFileSync(join(dir, 'leugen.xlsx'), liar);
    expect(await refused(s, join(dir, 'leugen.xlsx'))).toMatch(/^leugen\.xlsx kan niet worden geïmporteerd: Dit bestand is geen Excel-werkmap/);
  }, 60_000);

  it('a CSV with other columns, a dictionary with a branching cycle, and a file of another kind', async () => {
    const s = laptop();
    const dir = tempDir();
    writeFileSync(join(dir, 'antwoorden.csv'), 'respondent;vraag;antwoord\nA1;ks_amb_01;4\n');
    const message = await refused(s, join(dir, 'antwoorden.csv'));
    expect(message).toMatch(/^antwoorden\.csv kan niet worden geïmporteerd: Rij 1: onbekende kolom 'respondent'; Rij 1: onbekende kolom 'vraag'; Rij 1: onbekende kolom 'antwoord'; Rij 1: de kolommen 'Variable \/ Field Name', /);

    const header = REDCAP_COLUMNS.map((c) => `"${c}"`).join(',');
    const row = (name: string, branching: string) => `${name},test,,radio,"Vraag ${name}","1, Ja | 2, Nee",,,,,,"${branching}",,,,,,`;
    writeFileSync(join(dir, 'kring.csv'), [header, row('a_01', "[a_02] = '1'"), row('a_02', "[a_01] = '1'")].join('\n'));
    expect(await refused(s, join(dir, 'kring.csv'))).toBe(
      'kring.csv kan niet worden geïmporteerd: Rij 2, veld a_01 → Branching Logic: Vraag a_01 hangt via de toon-voorwaarden van zichzelf af (a_01 → a_02 → a_01); zo wordt ze nooit getoond; Rij 3, veld a_02 → Branching Logic: Vraag a_02 hangt via de toon-voorwaarden van zichzelf af (a_02 → a_01 → a_02); zo wordt ze nooit getoond. Er is niets opgeslagen.',
    );
    // Some file that is no instrument: this test file, named as a PDF.
    copyFileSync(__filename, join(dir, 'vragenlijst.pdf'));
    expect(await refused(s, join(dir, 'vragenlijst.pdf'))).toBe(
      'vragenlijst.pdf: Netwerkspiegel importeert vragenlijsten als .json, .xlsx (spreadsheet zoals XLSForm) of .csv (REDCap-datadictionary). Er is niets opgeslagen.',
    );
  });

  it('a cancelled dialog changes nothing, and a refused file leaves nothing to confirm', async () => {
    const s = laptop();
    const before = stored(s);
    pick(s, null);
    expect(await s.ok('chooseInstrumentFile', {})).toEqual({ cancelled: true });
    const good = await exportAs(s, builtInInstruments[2]!, 'xlsx');
    const preview = await choose(s, good);
    const dir = tempDir();
    writeFileSync(join(dir, 'kapot.xlsx'), 'geen werkmap');
    await refused(s, join(dir, 'kapot.xlsx'));
    expect(await s.call('importInstrumentFile', { previewId: preview.previewId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(stored(s)).toEqual(before);
  });
});
