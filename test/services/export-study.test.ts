import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Input } from '../../shared/contract';
import { getDashboard } from '../../electron/services/results/dashboard';
import { decideSlip, resultsStudy } from '../support/results-study';
import { hasRscript, RSCRIPT_MISSING, runR } from '../support/rscript';
import { snapshot, studyExportInput, useServices } from '../support/services';
import { emptyTextCells, HOSTILE, parseSps, xlsxParts } from '../unit/export-support';

/**
 * The study export through the real dispatcher and services over a real SQLite file: the
 * workbook and the CSV + SPSS + R files are written, read back and checked against the database,
 * against hand-worked scores and against the dashboard service.
 */

const open = useServices();
const KS = 'kansrijke-samenwerking';
const AG = 'achtergrond';
const CONDITIONS = ['amb', 'bel', 'per', 'org', 'pro'] as const;

/** The stored code of respondent i for condition c, item k (1–4), in wave w; A03's ks_amb_02 is 9 ("weet niet"). */
function code(i: number, c: number, k: number, w: number): number {
  if (i === 3 && c === 0 && k === 2) return 9;
  return ((i + k + c + w) % 5) + 1;
}

/** The codebook's description of ks_amb_01, as the instrument defines it (workbook and CSV alike). */
const KS_AMB_01_CODEBOOK = {
  vraagtekst: 'De partners in ons netwerk streven dezelfde ambitie na.',
  vragenlijst: 'Kansrijke samenwerking',
  versie: '1',
  schaal: 'ks_amb (Gedeelde ambitie)',
  codes_en_labels: '1 = Helemaal oneens; 2 = Oneens; 3 = Neutraal; 4 = Eens; 5 = Helemaal eens; 9 = Weet niet / n.v.t.',
  niet_gescoord: '9 = Weet niet / n.v.t.',
  omgekeerd: 'nee',
};

/** Open answers of the T0 respondents: the hostile strings, one per person, plus a name in A01's. */
const OPEN_GOOD = HOSTILE;
const NAME_IN_ANSWER = 'Vooral Jan de Vries van de gemeente helpt';

async function study() {
  const s = open();
  const network = await s.ok('createNetwork', { name: 'Dementie Oost' });
  const orgA = await s.ok('addOrganisation', { networkId: network.id, name: 'Thuiszorg Oost', sector: 'zorg', sizeClass: 'ge100' });
  const orgB = await s.ok('addOrganisation', { networkId: network.id, name: '=Welzijn+Twente', sector: 'welzijn', sizeClass: null });
  const instruments = [{ instrumentId: KS, version: 1 }, { instrumentId: AG, version: 1 }];
  const t0 = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: '2026-03-01', instruments });
  const t1 = await s.ok('createWave', { networkId: network.id, label: 'T1', kind: 'T1', plannedDate: '2027-03-01', instruments });
  const respond = async (waveId: string, w: number, i: number, respondentCode: string, complete = true) => {
    const r = await s.ok('startResponse', { waveId, respondentCode, organisationId: i % 2 ? orgA.id : orgB.id, mode: w === 0 ? 'kiosk' : 'paper' });
    for (let c = 0; c < 5; c++) {
      for (let k = 1; k <= 4; k++) {
        await s.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: `ks_${CONDITIONS[c]}_0${k}`, value: code(i, c, k, w), text: null });
      }
    }
    await s.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_cijfer', value: ((i + w) % 10) + 1, text: null });
    await s.ok('saveAnswer', { responseId: r.id, instrumentId: AG, itemId: 'ag_rol', value: (i % 3) + 1, text: null });
    if (w === 0) await s.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_open_goed', value: null, text: OPEN_GOOD[i - 1]! });
    if (w === 0 && i === 1) await s.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: 'ks_open_beter', value: null, text: NAME_IN_ANSWER });
    if (complete) await s.ok('completeResponse', { responseId: r.id });
  };
  for (let i = 1; i <= 6; i++) await respond(t0.id, 0, i, `A-00${i}`);
  for (let i = 1; i <= 4; i++) await respond(t1.id, 1, i, `A-00${i}`);
  await respond(t1.id, 1, 7, 'B-001');
  await respond(t1.id, 1, 8, 'B-002', false);
  return { ...s, network, orgA, orgB, t0, t1 };
}

type Study = Awaited<ReturnType<typeof study>>;

const base = (w: { network: { id: string } }, extra: Partial<Input<'exportStudy'>> = {}): Input<'exportStudy'> => studyExportInput(w.network.id, extra);

async function exported(w: Study, extra: Partial<Input<'exportStudy'>> = {}) {
  const result = await w.ok('exportStudy', base(w, extra));
  if (result.cancelled) throw new Error('export was cancelled');
  return result;
}

/** A sheet as objects keyed by header, plus the raw cells. */
function sheetRecords(book: XLSX.WorkBook, name: string) {
  const sheet = book.Sheets[name];
  if (!sheet) throw new Error(`no sheet ${name}; sheets: ${book.SheetNames.join(', ')}`);
  const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet, { defval: null });
  const header = (XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[0] ?? []) as string[];
  const cell = (row: number, column: string) => sheet[XLSX.utils.encode_cell({ r: row + 1, c: header.indexOf(column) })] as XLSX.CellObject | undefined;
  return { sheet, rows, header, cell };
}

/** Every stored answer with its respondent code and wave label, straight from the file. */
function storedAnswers(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT p.code, w.label AS wave, a.instrument_id AS instrument, a.item_id AS item, a.value, a.text
         FROM answers a JOIN responses r ON r.id = a.response_id JOIN respondents p ON p.id = r.respondent_id JOIN waves w ON w.id = r.wave_id`,
      )
      .all() as { code: string; wave: string; instrument: string; item: string; value: number | null; text: string | null }[];
  } finally {
    db.close();
  }
}

describe('the study workbook', () => {
  it('has the nine sheets, in Dutch, with headers that filter and readable column widths', async () => {
    const w = await study();
    const result = await exported(w);
    expect(result.files).toEqual([result.filePath]);
    expect(result.filePath.endsWith('.xlsx')).toBe(true);
    expect(result.rows).toBe(12);
    const book = XLSX.readFile(result.filePath, { cellDates: true, cellStyles: true });
    expect(book.SheetNames).toEqual(['Toelichting', 'Data_lang', 'Data_breed', 'Scores', 'Codeboek', 'Beschrijvend', 'Vergelijking', 'Betrouwbaarheid', 'Koppeling']);
    for (const name of book.SheetNames) {
      const sheet = book.Sheets[name]!;
      expect(sheet['!autofilter']?.ref, name).toBe(sheet['!ref']);
      const widths = (sheet['!cols'] ?? []).map((c) => c.wch ?? c.width ?? 0);
      expect(widths.length, name).toBeGreaterThan(0);
      for (const width of widths) expect(width).toBeGreaterThanOrEqual(6);
    }
    expect(readdirSync(w.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('has no text cell without text on any sheet: what is empty is blank', async () => {
    const w = await study();
    const bytes = readFileSync((await exported(w, { includeOpenAnswers: true })).filePath);
    expect(emptyTextCells(bytes)).toEqual([]);
  });

  it('has every stored answer in Data_lang as a numeric cell, with dates as dates', async () => {
    const w = await study();
    const book = XLSX.readFile((await exported(w)).filePath, { cellDates: true, cellNF: true });
    const { rows, header, cell } = sheetRecords(book, 'Data_lang');
    expect(header.slice(0, 12)).toEqual(['netwerk', 'meting', 'meting_soort', 'respondent', 'organisatie', 'rolgroep', 'modus', 'status', 'gestart', 'gestart_iso', 'voltooid', 'voltooid_iso']);
    expect(header).not.toContain('ks_open_goed');
    expect(rows).toHaveLength(12);
    const rowOf = (code: string, wave: string) => rows.findIndex((r) => r.respondent === code && r.meting === wave);

    const answers = storedAnswers(w.services.databasePath).filter((a) => a.value !== null);
    expect(answers.length).toBe(12 * 22);
    for (const a of answers) {
      const r = rowOf(a.code, a.wave);
      expect(r, `${a.code} ${a.wave}`).toBeGreaterThanOrEqual(0);
      expect(cell(r, a.item), `${a.code} ${a.wave} ${a.item}`).toMatchObject({ t: 'n', v: a.value });
    }
    // "weet niet" is exported as its code 9; integer cells carry the format 0.
    expect(cell(rowOf('A-003', 'T0'), 'ks_amb_02')).toMatchObject({ t: 'n', v: 9, z: '0' });
    // Fixed columns: text, codes and dates.
    const r1 = rowOf('A-001', 'T0');
    expect(cell(r1, 'netwerk')).toMatchObject({ t: 's', v: 'Dementie Oost' });
    expect(cell(r1, 'organisatie')).toMatchObject({ t: 's', v: 'Thuiszorg Oost' });
    expect(cell(r1, 'rolgroep')).toMatchObject({ t: 'n', v: 2 });
    expect(cell(r1, 'modus')).toMatchObject({ t: 'n', v: 2 });
    expect(cell(r1, 'status')).toMatchObject({ t: 'n', v: 1 });
    expect(cell(r1, 'gestart')).toMatchObject({ t: 'd', z: 'yyyy-mm-dd hh:mm' });
    expect(cell(r1, 'voltooid')?.t).toBe('d');
    const b2 = rowOf('B-002', 'T1');
    expect(cell(b2, 'status')).toMatchObject({ t: 'n', v: 0 });
    expect(cell(b2, 'voltooid')).toBeUndefined();

    // The dates are the stored moments.
    const db = new Database(w.services.databasePath, { readonly: true });
    const started = db.prepare("SELECT r.started_at AS s FROM responses r JOIN respondents p ON p.id = r.respondent_id WHERE p.code = 'A-001' AND r.wave_id = ?").pluck().get(w.t0.id) as string;
    db.close();
    expect(Math.abs((cell(r1, 'gestart')!.v as Date).getTime() - Date.parse(started))).toBeLessThan(1000);
    // Beside it the same moment as ISO 8601 text with its UTC offset, to the second.
    expect(cell(r1, 'gestart_iso')?.t).toBe('s');
    expect(Date.parse(cell(r1, 'gestart_iso')!.v as string)).toBe(Math.floor(Date.parse(started) / 1000) * 1000);
  });

  it('lays out Data_breed with one row per respondent and items suffixed per wave', async () => {
    const w = await study();
    const book = XLSX.readFile((await exported(w)).filePath);
    const { rows, header } = sheetRecords(book, 'Data_breed');
    expect(header.slice(0, 4)).toEqual(['netwerk', 'respondent', 'organisatie_t0', 'status_t0']);
    expect(header).toContain('ks_amb_01_t0');
    expect(header).toContain('ks_amb_01_t1');
    for (const h of header) expect(h).toMatch(/^[a-z][a-z0-9_]{0,31}$/);
    expect(rows.map((r) => r.respondent)).toEqual(['A-001', 'A-002', 'A-003', 'A-004', 'A-005', 'A-006', 'B-001', 'B-002']);
    const a2 = rows[1]!;
    expect([a2.ks_amb_01_t0, a2.ks_amb_01_t1, a2.ks_pro_04_t1]).toEqual([code(2, 0, 1, 0), code(2, 0, 1, 1), code(2, 4, 4, 1)]);
    expect(rows[4]!.ks_amb_01_t1).toBeNull();
  });

  it('has scale scores per response as worked out by hand, with items answered and the prorated flag', async () => {
    const w = await study();
    const book = XLSX.readFile((await exported(w)).filePath, { cellNF: true });
    const { rows, header, cell } = sheetRecords(book, 'Scores');
    expect(header.slice(0, 7)).toEqual(['netwerk', 'meting', 'respondent', 'status', 'ks_amb', 'ks_amb_n', 'ks_amb_prorated']);
    const at = (c: string, wave: string) => rows.findIndex((r) => r.respondent === c && r.meting === wave);
    // A-001 at T0, Gedeelde ambitie: codes (1+1+0+0)%5+1 … = 3, 4, 5, 1 → mean 13/4 = 3.25, all four answered.
    expect([code(1, 0, 1, 0), code(1, 0, 2, 0), code(1, 0, 3, 0), code(1, 0, 4, 0)]).toEqual([3, 4, 5, 1]);
    expect(rows[at('A-001', 'T0')]).toMatchObject({ ks_amb: 3.25, ks_amb_n: 4, ks_amb_prorated: 0 });
    // A-003 at T0: 5, 9 (not scored), 2, 3 → (5 + 2 + 3) / 3 = 10/3 over three items: prorated.
    expect([code(3, 0, 1, 0), code(3, 0, 2, 0), code(3, 0, 3, 0), code(3, 0, 4, 0)]).toEqual([5, 9, 2, 3]);
    const a3 = at('A-003', 'T0');
    expect(rows[a3]!.ks_amb).toBeCloseTo(10 / 3, 12);
    expect(rows[a3]).toMatchObject({ ks_amb_n: 3, ks_amb_prorated: 1 });
    expect(cell(a3, 'ks_amb')).toMatchObject({ t: 'n', z: '0.00' });
  });

  it('has a codebook row for every data variable, with labels, codes, missing codes and derivations', async () => {
    const w = await study();
    const book = XLSX.readFile((await exported(w)).filePath);
    const long = sheetRecords(book, 'Data_lang').header;
    const scores = sheetRecords(book, 'Scores').header;
    const { rows } = sheetRecords(book, 'Codeboek');
    const byName = new Map(rows.map((r) => [r.variabele as string, r]));
    for (const v of [...long, ...scores]) expect(byName.has(v), v).toBe(true);
    expect(byName.get('ks_amb_01')).toMatchObject({ ...KS_AMB_01_CODEBOOK, in_data_breed: 'ks_amb_01_t0, ks_amb_01_t1' });
    expect(String(byName.get('ks_amb')!.berekening)).toContain('75% (3 van 4)');
  });

  it('counts "Zeg ik liever niet" (9) as missing for the role group, in the codebook as for ag_rol itself', async () => {
    const w = await study();
    const { rows } = sheetRecords(XLSX.readFile((await exported(w)).filePath), 'Codeboek');
    const byName = new Map(rows.map((r) => [r.variabele as string, r]));
    expect(byName.get('rolgroep')).toMatchObject({ niet_gescoord: '9 = Zeg ik liever niet' });
    expect(byName.get('rolgroep')!.ontbrekend).toBe('Leeg = niet beantwoord of niet gevraagd in deze meting; 9 = niet gescoord (telt niet mee in scores)');
    expect(byName.get('rolgroep')!.ontbrekend).toBe(byName.get('ag_rol')!.ontbrekend);
  });

  it('explains the file: study, waves with dates and counts, app version, export time, threshold, attribution and licence', async () => {
    const w = await study();
    const book = XLSX.readFile((await exported(w)).filePath, { cellDates: true });
    const { rows, sheet } = sheetRecords(book, 'Toelichting');
    const value = (topic: string) => rows.find((r) => r.onderwerp === topic)?.waarde;
    expect(value('Versie van Netwerkspiegel')).toBe('test');
    expect(value('Geëxporteerd op')).toBeInstanceOf(Date);
    expect(value('Meting T0')).toBe('T0 (nulmeting); 6 begonnen, 6 afgerond');
    expect(value('Meting T1')).toBe('T1 (na 1 jaar); 6 begonnen, 5 afgerond');
    expect(value('Minimale groepsgrootte')).toBe(5);
    expect(value('Open antwoorden')).toBe('Niet meegenomen.');
    const text = JSON.stringify(rows);
    expect(text).toContain('Kaats en W. Opheij');
    expect(text).toContain('Vrij te gebruiken.');
    expect(text).toContain('kopregel vast, vet en met een filter');
    // The rules behind the numbers, the same sentences as at the end of the codebook.
    const codebook = sheetRecords(book, 'Codeboek').rows.filter((r) => r.variabele === null);
    expect(codebook.map((r) => r.label)).toEqual(['Welke vragenlijsten meetellen', 'Koppelen van metingen', 'Vergelijking van metingen', 'Rangtoetsen en gelijke waarden', 'Betrouwbaarheid (Cronbachs alfa)', 'Omgekeerd gescoorde vragen']);
    for (const rule of codebook) expect(value(rule.label as string), String(rule.label)).toBe(rule.berekening);
    expect(value('Welke vragenlijsten meetellen')).toContain('Alleen afgeronde vragenlijsten (status = 1) tellen mee in de statistieken');
    expect(value('Vergelijking van metingen')).toContain('Derrick, Russ, Toher & White (2017), in de vorm voor ongelijke varianties');
    expect(value('Rangtoetsen en gelijke waarden')).toContain('digits.rank = 10');
    expect(value('Tijden')).toContain('gestart, voltooid zijn echte datums in de lokale tijd');
    expect(value('Tijden')).toContain('gestart_iso, voltooid_iso geven daarom hetzelfde moment als tekst in ISO 8601 met de afwijking van UTC');
    expect(value('Lange teksten')).toBe(
      'Een Excel-cel bevat hoogstens 32.767 tekens. Een langere tekst wordt in de werkmap ingekort en eindigt dan op "… [ingekort: N tekens]", met N de volledige lengte. De CSV-export bevat altijd de hele tekst.',
    );
    // The planned date is a date cell.
    const dateRow = rows.findIndex((r) => r.onderwerp === 'Geplande datum');
    const dateCell = sheet[XLSX.utils.encode_cell({ r: dateRow + 1, c: 1 })] as XLSX.CellObject;
    expect(dateCell.t).toBe('d');
    const d = dateCell.v as Date;
    expect([d.getFullYear(), d.getMonth() + 1, d.getDate()]).toEqual([2026, 3, 1]);
    // No statistics problem was reported.
    expect(rows.filter((r) => r.onderwerp === '!')).toEqual([]);
  });

  it('fills Beschrijvend, Vergelijking, Betrouwbaarheid and Koppeling with the dashboard numbers', async () => {
    const w = await study();
    const book = XLSX.readFile((await exported(w)).filePath);
    const dashboard = getDashboard(w.services, { networkId: w.network.id, waveIds: [w.t0.id, w.t1.id], instrumentId: KS, breakdown: 'none' });
    const desc = sheetRecords(book, 'Beschrijvend').rows;
    const scaleRows = desc.filter((r) => r.niveau === 'schaal');
    expect(scaleRows).toHaveLength(dashboard.scales.length * 2);
    const waveLabel = new Map(dashboard.waves.map((x) => [x.waveId, x.label]));
    for (const scale of dashboard.scales) {
      for (const { waveId, stats, alpha } of scale.perWave) {
        const row = scaleRows.find((r) => r.variabele === scale.scaleId && r.meting === waveLabel.get(waveId))!;
        expect(row, `${scale.scaleId} ${waveId}`).toMatchObject({ n: stats.n, gemiddelde: stats.mean, sd: stats.sd, bi95_onder: stats.ciLow, bi95_boven: stats.ciHigh, onderdrukt: stats.suppressed ? 'ja' : 'nee' });
        const rel = sheetRecords(book, 'Betrouwbaarheid').rows.find((r) => r.variabele === scale.scaleId && r.meting === waveLabel.get(waveId))!;
        expect(rel).toMatchObject({ alfa: alpha.alpha, n_volledig: alpha.n, items: alpha.items });
      }
    }
    for (const item of dashboard.items) {
      for (const { waveId, stats } of item.perWave) {
        const row = desc.find((r) => r.niveau === 'item' && r.variabele === item.itemId && r.meting === waveLabel.get(waveId))!;
        expect(row, `${item.itemId} ${waveId}`).toMatchObject({ n: stats.n, gemiddelde: stats.mean, mediaan: stats.median, leeg: stats.missing, niet_gescoord: stats.declined });
      }
    }
    // T1 has 5 complete responses, T0 6: neither is suppressed at the minimum of 5.
    expect(scaleRows.every((r) => r.onderdrukt === 'nee')).toBe(true);

    const comparison = dashboard.comparisons[0]!;
    const cmp = sheetRecords(book, 'Vergelijking').rows;
    expect(cmp).toHaveLength(comparison.rows.length * 3);
    for (const row of comparison.rows) {
      const everyone = cmp.find((r) => r.variabele === row.id && r.methode === 'iedereen (hoofdvergelijking; gekoppelden als paren)')!;
      const a = row.allRespondents;
      expect(everyone).toMatchObject({ n_basis: a.nBaseline, n_vervolg: a.nFollowUp, verschil: a.meanDiff, bi95_onder: a.ciLow, bi95_boven: a.ciHigh, toetsgrootheid: a.t, p: a.p });
      const matched = cmp.find((r) => r.variabele === row.id && r.methode === 'alleen gekoppelden (dezelfde respondenten)')!;
      expect(matched).toMatchObject({ n_basis: row.paired.n, verschil: row.paired.meanDiff, bi95_onder: row.paired.ciLow, toetsgrootheid: row.paired.t, p: row.paired.pT, p_rangtoets: row.paired.pWilcoxon, effect: row.paired.dz });
      const unmatched = cmp.find((r) => r.variabele === row.id && r.methode === 'vertrokken tegenover nieuw (alleen basismeting tegenover alleen vervolgmeting)')!;
      expect(unmatched).toMatchObject({ n_basis: row.independent.nBaseline, n_vervolg: row.independent.nFollowUp, verschil: row.independent.meanDiff, p: row.independent.pWelch });
    }
    const link = sheetRecords(book, 'Koppeling').rows.find((r) => r.vragenlijst === 'Kansrijke samenwerking')!;
    // By hand: A-001…A-004 answered both waves (matched); only T0; B-001 only T1 (B-002 did not finish).
    expect(link).toMatchObject({ basismeting: 'T0', vervolgmeting: 'T1', gekoppeld: 4, mogelijke_koppelingen: 0, afgewezen_koppelingen: 0, alleen_basismeting: 2, alleen_vervolgmeting: 1 });
    expect(comparison.linking).toMatchObject({ matched: 4, unmatchedBaseline: 2, unmatchedFollowUp: 1 });
  });

  it('counts in Koppeling the proposals that wait for a decision, and then the rejected ones', async () => {
    // Self-made codes: MA123 at T0 and MA133 at T1 are one slip apart (test/support/results-study.ts).
    const w = await resultsStudy(open());
    const koppeling = async () => {
      const result = await w.ok('exportStudy', base(w));
      if (result.cancelled) throw new Error('export was cancelled');
      return sheetRecords(XLSX.readFile(result.filePath), 'Koppeling').rows.find((r) => r.vragenlijst === 'Kansrijke samenwerking' && r.vervolgmeting === 'T1');
    };
    // By hand: 7 equal codes; MA123 → MA133 proposed (in neither group); T0 has 5 others, T1 6.
    expect(await koppeling()).toMatchObject({ gekoppeld: 7, waarvan_bij_benadering: 0, mogelijke_koppelingen: 1, afgewezen_koppelingen: 0, alleen_basismeting: 5, alleen_vervolgmeting: 6 });
    await decideSlip(w, 'rejected');
    expect(await koppeling()).toMatchObject({ gekoppeld: 7, waarvan_bij_benadering: 0, mogelijke_koppelingen: 0, afgewezen_koppelingen: 1, alleen_basismeting: 6, alleen_vervolgmeting: 7 });
  });

  it('uses English sheet and variable names when asked', async () => {
    const w = await study();
    const book = XLSX.readFile((await exported(w, { language: 'en' })).filePath);
    expect(book.SheetNames).toEqual(['Notes', 'Data_long', 'Data_wide', 'Scores', 'Codebook', 'Descriptives', 'Comparison', 'Reliability', 'Linking']);
    expect(sheetRecords(book, 'Data_long').header.slice(0, 4)).toEqual(['network', 'wave', 'wave_kind', 'respondent']);
  });

  it('writes labels instead of codes when asked', async () => {
    const w = await study();
    const book = XLSX.readFile((await exported(w, { values: 'labels' })).filePath);
    const { rows, cell } = sheetRecords(book, 'Data_lang');
    const r = rows.findIndex((x) => x.respondent === 'A-003' && x.meting === 'T0');
    expect(cell(r, 'ks_amb_02')).toMatchObject({ t: 's', v: 'Weet niet / n.v.t.' });
    expect(cell(r, 'ks_amb_01')).toMatchObject({ t: 's', v: 'Helemaal eens' });
    expect(cell(r, 'ks_cijfer')).toMatchObject({ t: 'n', v: 4 });
    expect(cell(r, 'status')).toMatchObject({ t: 's', v: 'Afgerond' });
  });
});

describe('formula neutralisation', () => {
  it('writes hostile texts as plain string cells in the workbook, never as formulas', async () => {
    const w = await study();
    const result = await exported(w, { includeOpenAnswers: true });
    const bytes = readFileSync(result.filePath);
    const book = XLSX.read(bytes, { type: 'buffer', cellFormula: true });
    const { rows, cell } = sheetRecords(book, 'Data_lang');
    for (let i = 1; i <= 6; i++) {
      const r = rows.findIndex((x) => x.respondent === `A-00${i}` && x.meting === 'T0');
      const c = cell(r, 'ks_open_goed');
      expect(c, HOSTILE[i - 1]).toMatchObject({ t: 's', v: HOSTILE[i - 1] });
      expect(c?.f).toBeUndefined();
    }
    // The organisation "=Welzijn+Twente" (typed by a researcher) too.
    expect(rows.some((x) => x.organisatie === '=Welzijn+Twente')).toBe(true);
    for (const name of book.SheetNames) {
      for (const [address, c] of Object.entries(book.Sheets[name]!)) {
        if (!address.startsWith('!')) expect((c as XLSX.CellObject).f, `${name}!${address}`).toBeUndefined();
      }
    }
    // In the file itself: no formula element anywhere, and the texts sit in the shared strings.
    const parts = xlsxParts(bytes);
    const sheets = [...parts.entries()].filter(([p]) => /xl\/worksheets\/sheet\d+\.xml$/.test(p));
    expect(sheets).toHaveLength(9);
    for (const [path, xml] of sheets) expect(xml, path).not.toMatch(/<f[\s>]/);
    expect(parts.get('xl/sharedStrings.xml')).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;klik&quot;)');
  });

  it('neutralises hostile texts in the CSV', async () => {
    const w = await study();
    const result = await exported(w, { format: 'csv', includeOpenAnswers: true });
    const csv = readFileSync(result.filePath, 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
    expect(csv).toContain(";'+1;");
    expect(csv).toContain(";'-2+3;");
    expect(csv).toContain(";'@SUM(A1:A2);");
    expect(csv).toContain(";'\tx;");
    expect(csv).toContain(";' x;"); // the carriage return became a space (SPSS ends a case at it)
    expect(csv).toContain(";'=Welzijn+Twente;");
    // No field starts with a formula character.
    for (const line of csv.replace(/^\uFEFF/, '').split('\r\n').slice(1)) {
      for (const field of line.split(';')) expect(/^"?[=+@\t]/.test(field), field).toBe(false);
    }
  });
});

describe('open answers', () => {
  it('are left out unless the box is ticked: no column and not a word of them in the file', async () => {
    const w = await study();
    const without = readFileSync((await exported(w)).filePath);
    const parts = xlsxParts(without);
    expect(parts.get('xl/sharedStrings.xml')).not.toContain('Jan de Vries');
    expect([...parts.values()].join('')).not.toContain('ks_open_beter');
    const csv = readFileSync((await exported(w, { format: 'csv' })).filePath, 'utf8');
    expect(csv).not.toContain('Jan de Vries');
    expect(csv).not.toContain('ks_open');
    const withOpen = xlsxParts(readFileSync((await exported(w, { includeOpenAnswers: true })).filePath));
    expect(withOpen.get('xl/sharedStrings.xml')).toContain('Jan de Vries');
  });

  it('never include the code list: only the codes that answered appear', async () => {
    const w = await study();
    await w.ok('generateCodes', { networkId: w.network.id, count: 5 });
    const codes = (await w.ok('listCodes', { networkId: w.network.id })).map((c) => c.code);
    const xlsx = xlsxParts(readFileSync((await exported(w)).filePath));
    const csv = readFileSync((await exported(w, { format: 'csv' })).filePath, 'utf8');
    for (const c of codes) {
      expect(xlsx.get('xl/sharedStrings.xml')).not.toContain(c);
      expect(csv).not.toContain(c);
    }
  });
});

describe('CSV with SPSS syntax and an R script', () => {
  it('writes UTF-8 with a BOM, ; with a decimal comma, and a .sps and .R beside it', async () => {
    const w = await study();
    const result = await exported(w, { format: 'csv' });
    expect(result.files.map((f) => f.slice(result.filePath.length - 4))).toEqual(['.csv', '-codeboek.csv', '.sps', '.R']);
    const raw = readFileSync(result.filePath);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = raw.toString('utf8').slice(1).split('\r\n');
    const header = lines[0]!.split(';');
    expect(header.slice(0, 4)).toEqual(['netwerk', 'meting', 'meting_soort', 'respondent']);
    expect(header).toContain('ks_amb');
    expect(lines).toHaveLength(12 + 2);
    // A-003 at T0: ks_amb = 10/3 with a decimal comma.
    const a3 = lines.find((l) => l.includes(';A-003;') && l.startsWith('Dementie Oost;T0;'))!.split(';');
    expect(a3[header.indexOf('ks_amb')]).toBe(String(10 / 3).replace('.', ','));
    expect(a3[header.indexOf('ks_amb_02')]).toBe('9');
    expect(a3[header.indexOf('gestart')]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('with , as separator uses a decimal point', async () => {
    const w = await study();
    const result = await exported(w, { format: 'csv', separator: ',' });
    const lines = readFileSync(result.filePath, 'utf8').slice(1).split('\r\n');
    const header = lines[0]!.split(',');
    const a3 = lines.find((l) => l.includes(',A-003,') && l.startsWith('Dementie Oost,T0,'))!.split(',');
    expect(a3[header.indexOf('ks_amb')]).toBe(String(10 / 3));
    const sps = parseSps(readFileSync(result.files[2]!, 'utf8'));
    expect(sps).toMatchObject({ delimiter: ',', decimal: 'DOT' });
  });

  it('has an SPSS syntax that reads exactly the CSV and labels every variable', async () => {
    const w = await study();
    const result = await exported(w, { format: 'csv' });
    const csvHeader = readFileSync(result.filePath, 'utf8').slice(1).split('\r\n')[0]!.split(';');
    const text = readFileSync(result.files[2]!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const sps = parseSps(text);
    expect(sps).toMatchObject({ delimiter: ';', decimal: 'COMMA', encoding: 'UTF8', qualifier: '"', firstCase: 2 });
    expect(sps.file).toBe(result.filePath.split('/').at(-1));
    expect(text).toContain(`CD '${w.dir}'.`);
    expect(sps.variables.map((v) => v.name)).toEqual(csvHeader);
    for (const name of csvHeader) expect(sps.variableLabels.get(name), name).toBeTruthy();
    expect(sps.variableLabels.get('ks_amb_01')).toBe('De partners in ons netwerk streven dezelfde ambitie na.');
    // Every coded item has its value labels; not-scored codes are missing values.
    for (const c of CONDITIONS) {
      for (let k = 1; k <= 4; k++) {
        const name = `ks_${c}_0${k}`;
        expect(Object.fromEntries(sps.valueLabels.get(name)!), name).toEqual({ 1: 'Helemaal oneens', 2: 'Oneens', 3: 'Neutraal', 4: 'Eens', 5: 'Helemaal eens', 9: 'Weet niet / n.v.t.' });
        expect(sps.missing.get(name)).toEqual([9]);
        expect(sps.levels.get(name)).toBe('ORDINAL');
      }
    }
    expect(sps.valueLabels.get('ag_rol')?.get(1)).toBe('Professional (zorg of welzijn)');
    expect(sps.valueLabels.get('rolgroep')?.get(9)).toBe('Zeg ik liever niet');
    expect(sps.missing.get('rolgroep')).toEqual([9]);
    expect(sps.missing.get('ag_rol')).toEqual([9]);
    expect(sps.valueLabels.get('status')).toEqual(new Map([[1, 'Afgerond'], [0, 'Niet afgerond']]));
    expect(sps.valueLabels.has('ks_cijfer')).toBe(false);
    expect(sps.levels.get('ks_amb')).toBe('SCALE');
    const r = readFileSync(result.files[3]!, 'utf8');
    expect(r).toContain('sep = ";", dec = ","');
    expect(r).toContain(`csv <- "${result.filePath.split('/').at(-1)}"`);
  });
});

describe('the codebook beside the CSV', () => {
  /** The codebook file read by SheetJS as text (raw: no guessing of numbers or dates), as objects keyed by header. */
  function readCodebook(path: string, separator: ';' | ',') {
    const raw = readFileSync(path);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(raw.toString('utf8')).toContain('\r\n');
    const book = XLSX.read(raw.toString('utf8').slice(1), { type: 'string', FS: separator, raw: true });
    const rows = XLSX.utils.sheet_to_json<Record<string, string | null>>(book.Sheets[book.SheetNames[0]!]!, { defval: null, raw: true });
    // The rules behind the numbers end the codebook, without a variable.
    expect(rows.filter((r) => r.variabele === null).map((r) => r.label)).toEqual([
      'Welke vragenlijsten meetellen', 'Koppelen van metingen', 'Vergelijking van metingen', 'Rangtoetsen en gelijke waarden', 'Betrouwbaarheid (Cronbachs alfa)',
      'Omgekeerd gescoorde vragen',
    ]);
    return new Map(rows.filter((r) => r.variabele !== null).map((r) => [r.variabele!, r]));
  }

  for (const separator of [';', ','] as const) {
    it(`describes every variable of the CSV, with the same separator and encoding (${separator})`, async () => {
      const w = await study();
      const result = await exported(w, { format: 'csv', separator });
      const codebookPath = result.files[1]!;
      expect(codebookPath).toBe(result.filePath.replace(/\.csv$/, '-codeboek.csv'));
      const header = readFileSync(result.filePath, 'utf8').slice(1).split('\r\n')[0]!.split(separator);
      const byName = readCodebook(codebookPath, separator);
      for (const v of header) expect(byName.has(v), v).toBe(true);
      // The workbook's columns about sheets have no meaning beside a CSV.
      expect(Object.keys(byName.get('ks_amb_01')!)).toEqual(['variabele', 'label', 'vraagtekst', 'vragenlijst', 'versie', 'schaal', 'type', 'meetniveau', 'codes_en_labels', 'niet_gescoord', 'ontbrekend', 'omgekeerd', 'verplicht', 'getoond_als', 'berekening']);
      expect(byName.get('ks_amb_01')).toMatchObject(KS_AMB_01_CODEBOOK);
      expect(byName.get('ks_amb')).toMatchObject({
        type: 'Schaalscore (berekend)',
        berekening:
          'Gemiddelde van de gescoorde antwoorden op ks_amb_01, ks_amb_02, ks_amb_03, ks_amb_04; alleen als ten minste 75% (3 van 4) beantwoord is, anders leeg. Niet-gescoorde codes en lege antwoorden tellen niet mee.',
      });
      expect(byName.get('rolgroep')).toMatchObject({ niet_gescoord: '9 = Zeg ik liever niet' });
      // Every row of the workbook's Codeboek sheet says the same, less the two sheet columns.
      const sheet = sheetRecords(XLSX.readFile((await exported(w)).filePath), 'Codeboek').rows;
      for (const row of sheet) {
        const { blad: _sheet, in_data_breed: _wide, ...rest } = row;
        const fromCsv = byName.get(row.variabele as string);
        if (fromCsv) expect(fromCsv, String(row.variabele)).toEqual(rest);
      }
    });
  }

  it('is one of the files written together: a codebook that cannot be written leaves no CSV', async () => {
    const w = await study();
    const folder = join(w.dir, 'out');
    mkdirSync(join(folder, 'data-codeboek.csv'), { recursive: true }); // a folder where the codebook should go
    w.services.chooseExportPath = async () => join(folder, 'data.csv');
    const result = await w.call('exportStudy', base(w, { format: 'csv' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'EXPORT_FAILED' } });
    // The main file is renamed into place last, so it never appears without its codebook.
    expect(readdirSync(folder)).not.toContain('data.csv');
    expect(readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('the R script, run by R', () => {
  if (!hasRscript) console.warn(RSCRIPT_MISSING);

  /** Two respondents whose codes are all digits, in an organisation whose name is all digits. */
  async function digitCodes() {
    const s = open();
    const network = await s.ok('createNetwork', { name: '2026' });
    const org = await s.ok('addOrganisation', { networkId: network.id, name: '0123', sector: 'zorg', sizeClass: null });
    const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    for (const [respondentCode, value] of [['001', 4], ['010', 2]] as const) {
      const r = await s.ok('startResponse', { waveId: wave.id, respondentCode, organisationId: org.id, mode: 'form' });
      for (let k = 1; k <= 4; k++) await s.ok('saveAnswer', { responseId: r.id, instrumentId: KS, itemId: `ks_amb_0${k}`, value: k === 4 ? 5 : value, text: null });
      await s.ok('completeResponse', { responseId: r.id });
    }
    return { ...s, network };
  }

  for (const separator of [';', ','] as const) {
    it.skipIf(!hasRscript)(`keeps all-digit codes and names as text: 001 stays "001" (separator ${separator})`, async () => {
      const w = await digitCodes();
      const result = await w.ok('exportStudy', studyExportInput(w.network.id, { format: 'csv', separator }));
      if (result.cancelled) throw new Error('export was cancelled');
      const script = result.files.find((f) => f.endsWith('.R'))!.split('/').at(-1)!;
      const out = runR(
        `source(${JSON.stringify(script)}, encoding = "UTF-8")
         writeLines(c(class(data$respondent), data$respondent, class(data$organisatie), data$organisatie, class(data$netwerk), data$netwerk))
         writeLines(c(class(data$ks_amb_01), data$ks_amb_01, sprintf("%.4f", data$ks_amb), attr(data$respondent, "label")))`,
        w.dir,
      ).trim().split('\n');
      expect(out).toEqual([
        'character', '001', '010',
        'character', '0123', '0123',
        'character', '2026', '2026',
        // Numbers stay numbers: ks_amb_01 is 4 and 2; the score (4 + 4 + 4 + 5) / 4 = 4.25 and (2 + 2 + 2 + 5) / 4 = 2.75.
        'integer', '4', '2', '4.2500', '2.7500',
        'Respondentcode (pseudoniem, geen naam)',
      ]);
    });
  }
});

describe('safety of the export', () => {
  it('changes nothing in the database but one audit entry', async () => {
    const w = await study();
    const before = snapshot(w.db);
    await exported(w);
    await exported(w, { format: 'csv', includeOpenAnswers: true });
    const after = snapshot(w.db);
    const { audit_log: logBefore, ...restBefore } = before;
    const { audit_log: logAfter, ...restAfter } = after;
    expect(restAfter).toEqual(restBefore);
    const added = (logAfter as { action: string; details: string; entity_id: string }[]).slice(logBefore!.length);
    expect(added.map((e) => e.action)).toEqual(['export.study', 'export.study']);
    expect(JSON.parse(added[1]!.details)).toEqual({ format: 'csv', networks: 1, waves: 2, rows: 12, values: 'codes', openAnswers: true });
    // The log never says where the file went.
    expect(JSON.stringify(added)).not.toContain(w.dir);
  });

  it('writes nothing when cancelled', async () => {
    const w = await study();
    w.services.chooseExportPath = async () => null;
    const before = snapshot(w.db);
    expect(await w.ok('exportStudy', base(w))).toEqual({ cancelled: true });
    expect(readdirSync(w.dir).filter((f) => !f.startsWith('netwerkspiegel.sqlite'))).toEqual([]);
    expect(snapshot(w.db)).toEqual(before);
  });

  it('leaves no file behind when it cannot be written', async () => {
    const w = await study();
    w.services.chooseExportPath = async (name) => join(w.dir, 'no-such-folder', name);
    const before = snapshot(w.db);
    const result = await w.call('exportStudy', base(w));
    expect(result).toMatchObject({ ok: false, error: { code: 'EXPORT_FAILED' } });
    if (!result.ok) expect(result.error.message).toContain('kon niet worden opgeslagen');
    expect(snapshot(w.db)).toEqual(before);
  });

  it('leaves no CSV and no temporary file when a companion file cannot be written', async () => {
    const w = await study();
    const folder = join(w.dir, 'out');
    mkdirSync(join(folder, 'data.sps'), { recursive: true }); // a folder where the syntax file should go
    w.services.chooseExportPath = async () => join(folder, 'data.csv');
    const result = await w.call('exportStudy', base(w, { format: 'csv' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'EXPORT_FAILED' } });
    expect(readdirSync(folder)).not.toContain('data.csv');
    expect(readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reports progress while it runs and refuses a second export at the same time', async () => {
    const w = await study();
    let release: () => void = () => {};
    const chosen = new Promise<void>((ok) => (release = ok));
    w.services.chooseExportPath = async (name) => {
      await chosen;
      return join(w.dir, name);
    };
    expect(await w.ok('getExportProgress', {})).toEqual({ running: false });
    const running = w.ok('exportStudy', base(w));
    await new Promise((ok) => setImmediate(ok));
    expect(await w.ok('getExportProgress', {})).toMatchObject({ running: true, phase: 'preparing' });
    expect(await w.call('exportStudy', base(w))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    release();
    const phases: string[] = [];
    let done = false;
    void running.then(() => (done = true));
    while (!done) {
      const p = await w.ok('getExportProgress', {});
      if (p.running && phases.at(-1) !== p.phase) phases.push(p.phase);
      await new Promise((ok) => setImmediate(ok));
    }
    expect((await running).cancelled).toBe(false);
    expect(phases).toEqual(expect.arrayContaining(['loading', 'statistics']));
    expect(phases.indexOf('loading')).toBeLessThan(phases.indexOf('statistics'));
    expect(await w.ok('getExportProgress', {})).toEqual({ running: false });
  });

  it('is a researcher method: refused in kiosk mode', async () => {
    const w = await study();
    await w.ok('setResearcherPin', { pin: '482913', currentPin: null });
    await w.ok('startKiosk', { waveId: w.t1.id, pin: '482913' });
    expect(await w.call('exportStudy', base(w))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await w.call('getExportProgress', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses a wave of another network', async () => {
    const w = await study();
    const other = await w.ok('createNetwork', { name: 'Ander netwerk' });
    const wave = await w.ok('createWave', { networkId: other.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    const result = await w.call('exportStudy', base(w, { waveIds: [wave.id] }));
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('exports the chosen waves and instruments only', async () => {
    const w = await study();
    const book = XLSX.readFile((await exported(w, { waveIds: [w.t1.id], instrumentIds: [AG] })).filePath);
    const { rows, header } = sheetRecords(book, 'Data_lang');
    expect(new Set(rows.map((r) => r.meting))).toEqual(new Set(['T1']));
    expect(header.filter((h) => h.startsWith('ks_'))).toEqual([]);
    expect(header).toContain('ag_rol');
    expect(sheetRecords(book, 'Beschrijvend').rows).toEqual([]);
  });
});
