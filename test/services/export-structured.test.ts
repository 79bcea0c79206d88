import { readFileSync } from 'node:fs';
import { studyChecksum } from '../../electron/services/data/study-files';
import type { StudyFile } from '../../shared/study';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { hasRscript, RSCRIPT_MISSING, runR } from '../support/rscript';
import { snapshot, studyExportInput, studyFileOf, useServices } from '../support/services';
import { CO, structuredStudy } from '../support/structured-study';
import { parseSps } from '../unit/export-support';

/**
 * The exports of an instrument with conditional display and multiple choice, through the real
 * services over a real SQLite file: the workbook read back by SheetJS, the CSV and its SPSS syntax
 * parsed, the R script run by R, and a study file carried to a second laptop. The answers are those
 * of test/support/structured-study.ts; every expected cell below is worked out by hand from them.
 */

const open = useServices();
const OPTIONS = ['co_kanalen_1', 'co_kanalen_2', 'co_kanalen_3', 'co_kanalen_4', 'co_kanalen_9'];

/** Per T0 respondent: the five option variables (telephone, e-mail, meeting, app, none), co_app, and the subscale score. */
const T0_EXPECTED: Record<string, [(0 | 1)[], number | null, number]> = {
  'R-001': [[1, 0, 0, 1, 0], 5, 11 / 3],
  'R-002': [[0, 1, 1, 0, 0], null, 4.5],
  'R-003': [[0, 0, 0, 1, 0], 3, 3],
  'R-004': [[1, 0, 0, 0, 0], null, 2],
  'R-005': [[1, 1, 0, 1, 0], 4, 14 / 3],
  'R-006': [[0, 0, 0, 0, 1], null, 4],
};

async function exportOf(s: ReturnType<typeof open>, networkId: string, extra: Parameters<typeof studyExportInput>[1] = {}) {
  const result = await s.ok('exportStudy', studyExportInput(networkId, extra));
  if (result.cancelled) throw new Error('export was cancelled');
  return result;
}

const sheet = (book: XLSX.WorkBook, name: string) => XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets[name]!, { defval: null });

describe('the workbook of an instrument with hidden items and multiple choice', { timeout: 30_000 }, () => {
  it('holds one 0/1 variable per option and leaves hidden answers empty, in Data_lang and Data_breed', async () => {
    const s = open();
    const { network } = await structuredStudy(s);
    const book = XLSX.readFile((await exportOf(s, network.id, { includeOpenAnswers: true })).filePath);
    const long = sheet(book, 'Data_lang');
    const header = XLSX.utils.sheet_to_json<string[]>(book.Sheets.Data_lang!, { header: 1 })[0]!;
    expect(header.filter((h) => h.startsWith('co_kanalen'))).toEqual(OPTIONS);
    for (const [code, [ticks, app]] of Object.entries(T0_EXPECTED)) {
      const row = long.find((r) => r.respondent === code && r.meting === 'T0')!;
      expect(OPTIONS.map((v) => row[v]), code).toEqual(ticks);
      expect(row.co_app, code).toBe(app);
    }
    // The text R-004 left at "andere rol" hangs on a role it no longer has: empty. R-002's stays.
    expect(long.find((r) => r.respondent === 'R-004' && r.meting === 'T0')!.co_rol_anders).toBeNull();
    expect(long.find((r) => r.respondent === 'R-002' && r.meting === 'T0')!.co_rol_anders).toBe('Buurvrouw');
    const scores = sheet(book, 'Scores');
    for (const [code, [, , score]] of Object.entries(T0_EXPECTED)) {
      expect(scores.find((r) => r.respondent === code && r.meting === 'T0')!.co_afstemming as number, code).toBeCloseTo(score, 10);
    }
    // Wide: the option variables per wave. R-001 ticked e-mail only at T1.
    const wide = sheet(book, 'Data_breed').find((r) => r.respondent === 'R-001')!;
    expect(OPTIONS.map((v) => wide[`${v}_t0`])).toEqual([1, 0, 0, 1, 0]);
    expect(OPTIONS.map((v) => wide[`${v}_t1`])).toEqual([0, 1, 0, 0, 0]);
  });

  it('lists each option variable in the codebook, and whether an item is required and when it is shown', async () => {
    const s = open();
    const { network } = await structuredStudy(s);
    const book = XLSX.readFile((await exportOf(s, network.id)).filePath);
    const codebook = new Map(sheet(book, 'Codeboek').map((r) => [r.variabele, r]));
    expect(codebook.get('co_kanalen_1')).toMatchObject({
      label: 'Contactvormen: Telefoon',
      vraagtekst: 'Hoe houdt u contact met de anderen? Kruis alles aan wat van toepassing is.',
      codes_en_labels: '0 = niet aangekruist; 1 = aangekruist',
      verplicht: 'ja',
      in_data_breed: 'co_kanalen_1_t0, co_kanalen_1_t1',
    });
    expect(codebook.get('co_kanalen_9')!.label).toBe('Contactvormen: Geen van deze');
    expect(codebook.get('co_app')).toMatchObject({ verplicht: 'ja', getoond_als: 'Getoond als bij vraag co_kanalen aangekruist is: 4 (Beveiligde app)' });
    expect(codebook.get('co_01')).toMatchObject({ verplicht: 'ja', getoond_als: null });
    // Open answers were not chosen, so co_rol_anders is not a variable; with them it says when it is shown.
    expect(codebook.has('co_rol_anders')).toBe(false);
    const withOpen = new Map(sheet(XLSX.readFile((await exportOf(s, network.id, { includeOpenAnswers: true })).filePath), 'Codeboek').map((r) => [r.variabele, r]));
    expect(withOpen.get('co_rol_anders')).toMatchObject({ verplicht: 'nee', getoond_als: 'Getoond als vraag co_rol = 3 (Anders)' });
    // The Toelichting says how hidden items are marked.
    expect(sheet(book, 'Toelichting').map((r) => r.onderwerp)).toEqual(expect.arrayContaining(['Vragen die niet altijd getoond worden', 'Meerkeuzevragen (alles aankruisen wat van toepassing is)']));
  });
});

describe('the CSV, its SPSS syntax and R script', { timeout: 30_000 }, () => {
  if (!hasRscript) console.warn(RSCRIPT_MISSING);

  it('writes the option variables as 0/1 and empty, with labels in the SPSS syntax', async () => {
    const s = open();
    const { network } = await structuredStudy(s);
    const result = await exportOf(s, network.id, { format: 'csv' });
    const lines = readFileSync(result.filePath, 'utf8').slice(1).split('\r\n');
    const header = lines[0]!.split(';');
    expect(header.filter((h) => h.startsWith('co_kanalen'))).toEqual(OPTIONS);
    for (const [code, [ticks, app]] of Object.entries(T0_EXPECTED)) {
      const cells = lines.find((l) => l.startsWith(`Wijknetwerk Zuid;T0;`) && l.includes(`;${code};`))!.split(';');
      expect(OPTIONS.map((v) => cells[header.indexOf(v)]), code).toEqual(ticks.map(String));
      expect(cells[header.indexOf('co_app')], code).toBe(app === null ? '' : String(app));
    }
    const sps = parseSps(readFileSync(result.files[2]!, 'utf8'));
    expect(sps.variables.filter((v) => v.name.startsWith('co_kanalen'))).toEqual(OPTIONS.map((name) => ({ name, format: 'F8.0' })));
    expect(sps.variableLabels.get('co_kanalen_1')).toBe('Contactvormen: Telefoon');
    expect(sps.variableLabels.get('co_kanalen_4')).toBe('Contactvormen: Beveiligde app');
    for (const v of OPTIONS) expect(sps.valueLabels.get(v), v).toEqual(new Map([[0, 'niet aangekruist'], [1, 'aangekruist']]));
    expect(sps.levels.get('co_kanalen_1')).toBe('NOMINAL');
    // 0 is a value, not a missing one.
    expect(sps.missing.has('co_kanalen_1')).toBe(false);
  });

  it.skipIf(!hasRscript)('is read by R: the option variables hold the hand-worked 0/1/NA with their labels', async () => {
    const s = open();
    const { network } = await structuredStudy(s);
    const result = await exportOf(s, network.id, { format: 'csv' });
    const script = result.files.find((f) => f.endsWith('.R'))!.split('/').at(-1)!;
    const out = runR(
      `source(${JSON.stringify(script)}, encoding = "UTF-8")
       t0 <- data[data$meting == "T0", ]
       t0 <- t0[order(t0$respondent), ]
       for (v in c(${OPTIONS.map((v) => JSON.stringify(v)).join(', ')})) writeLines(paste(v, class(t0[[v]]), paste(t0[[v]], collapse = " ")))
       writeLines(paste("co_app", paste(t0$co_app, collapse = " ")))
       writeLines(attr(data$co_kanalen_1, "label"))
       writeLines(paste(names(attr(data$co_kanalen_1, "labels")), attr(data$co_kanalen_1, "labels"), sep = "=", collapse = ";"))`,
      s.dir,
    )
      .trim()
      .split('\n');
    // Respondents R-001 … R-006, from T0_EXPECTED.
    expect(out).toEqual([
      'co_kanalen_1 integer 1 0 0 1 1 0',
      'co_kanalen_2 integer 0 1 0 0 1 0',
      'co_kanalen_3 integer 0 1 0 0 0 0',
      'co_kanalen_4 integer 1 0 1 0 1 0',
      'co_kanalen_9 integer 0 0 0 0 0 1',
      'co_app 5 NA 3 NA 4 NA',
      'Contactvormen: Telefoon',
      'niet aangekruist=0;aangekruist=1',
    ]);
  });
});

describe('a study file', { timeout: 30_000 }, () => {
  it('carries multiple-choice answers to another laptop unchanged', async () => {
    const a = open();
    const { network } = await structuredStudy(a);
    const b = open();
    await b.ok('importStudyFile', { content: await studyFileOf(a, [network.id]), decisions: [] });
    const ticks = (s: ReturnType<typeof open>) =>
      s.db
        .prepare("SELECT p.code, w.label, a.value, a.text FROM answers a JOIN responses r ON r.id = a.response_id JOIN respondents p ON p.id = r.respondent_id JOIN waves w ON w.id = r.wave_id WHERE a.item_id = 'co_kanalen' ORDER BY w.label, p.code")
        .all();
    expect(ticks(b)).toEqual([
      { code: 'R-001', label: 'T0', value: null, text: '1,4' },
      { code: 'R-002', label: 'T0', value: null, text: '2,3' },
      { code: 'R-003', label: 'T0', value: null, text: '4' },
      { code: 'R-004', label: 'T0', value: null, text: '1' },
      { code: 'R-005', label: 'T0', value: null, text: '1,2,4' },
      { code: 'R-006', label: 'T0', value: null, text: '9' },
      { code: 'R-001', label: 'T1', value: null, text: '2' },
      { code: 'R-002', label: 'T1', value: null, text: '1,2' },
    ]);
    const dashboard = await b.ok('getDashboard', { networkId: network.id, waveIds: [], instrumentId: CO, breakdown: 'none' });
    expect(dashboard.items.find((it) => it.itemId === 'co_kanalen')!.perWave[0]!.stats.distribution!.map((o) => o.count)).toEqual([3, 2, 1, 3, 1]);
  });

  it('refuses a multiple-choice answer with an option its scale does not have, or not in the stored form, and changes nothing', async () => {
    const a = open();
    const { network } = await structuredStudy(a);
    const b = open();
    const before = snapshot(b.db);
    for (const text of ['1,7', '4,1', '']) {
      const file = JSON.parse(await studyFileOf(a, [network.id])) as StudyFile;
      const answer = file.data.answers.find((row) => row.item_id === 'co_kanalen' && row.text === '1,4')!;
      answer.text = text;
      file.checksum.value = studyChecksum(file.manifest, file.data);
      const result = await b.call('importStudyFile', { content: JSON.stringify(file), decisions: [] });
      expect(result.ok, text).toBe(false);
      expect(result.ok ? '' : result.error.message, text).toContain('1 antwoord dat niet bij de vraag past');
    }
    expect(snapshot(b.db)).toEqual(before);
  });
});
