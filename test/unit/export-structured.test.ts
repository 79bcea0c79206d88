import { describe, expect, it } from 'vitest';
import { buildDataset, codebookTable, longWithScores, type ExportSource, type SourceResponse } from '../../shared/export/dataset';
import { notesTable } from '../../shared/export/notes';
import type { Cell, Table } from '../../shared/export/table';
import { instrumentDefinition } from '../../shared/instruments/schema';
import { structuredInstrument } from '../support/structured-instrument';

/**
 * The exports of an instrument with required items, conditional display and multiple choice, from
 * plain records (tests/services/export-structured.test.ts does the same through the database and
 * reads the files back). Every expected cell is worked out by hand from the stored answers below.
 */

const CO = 'clientoverleg';
const def = instrumentDefinition.parse(structuredInstrument());
// A second instrument whose multiple-choice item has a negative code (−1 = "Weet ik niet").
const withNegative = instrumentDefinition.parse({
  ...structuredInstrument('negatief'),
  scales: [...structuredInstrument().scales, { id: 'hulp', options: [{ code: 1, label: { nl: 'Huisarts' } }, { code: 2, label: { nl: 'Wijkteam' } }], notScored: [{ code: -1, label: { nl: 'Weet ik niet' } }] }],
  items: [{ id: 'ng_hulp', type: 'multiple', text: { nl: 'Wie helpt er?' }, label: { nl: 'Hulp' }, scale: 'hulp' }],
  subscales: [],
  sections: [{ id: 'hulp', title: { nl: 'Hulp' }, items: ['ng_hulp'] }],
});

function response(code: string, waveId: string, codes: Record<string, number>, texts: Record<string, string> = {}): SourceResponse {
  return {
    networkId: 'N1',
    waveId,
    respondentCode: code,
    organisationName: null,
    status: 'complete',
    mode: 'kiosk',
    startedAt: '2026-03-01T09:00:00.000Z',
    completedAt: '2026-03-01T09:20:00.000Z',
    codes: new Map([[CO, new Map(Object.entries(codes))]]),
    texts: new Map([[CO, new Map(Object.entries(texts))]]),
  };
}

/** The same response with stored texts for a second instrument. */
function withAnswers(r: SourceResponse, instrumentId: string, texts: Record<string, string>): SourceResponse {
  r.texts.set(instrumentId, new Map(Object.entries(texts)));
  return r;
}

const source: ExportSource = {
  networks: [{ id: 'N1', name: 'Wijknetwerk Zuid', minGroupSize: 3 }],
  waves: [
    { id: 'w0', networkId: 'N1', label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: CO, version: 1 }, { instrumentId: 'negatief', version: 1 }] },
    { id: 'w1', networkId: 'N1', label: 'T1', kind: 'T1', plannedDate: null, instruments: [{ instrumentId: CO, version: 1 }] },
  ],
  instrumentIds: [CO, 'negatief'],
  definition: (ref) => (ref.instrumentId === CO ? def : withNegative),
  responses: [
    // P-1: telephone and the app ticked, so co_app (5) is shown: (5 + 4 + 2) / 3 = 11/3, 3 answered, not prorated.
    //      In the other instrument "Weet ik niet" (−1) and Huisarts (1) ticked.
    withAnswers(response('P-1', 'w0', { co_rol: 1, co_app: 5, co_01: 4, co_02: 2 }, { co_kanalen: '1,4' }), 'negatief', { ng_hulp: '-1,1' }),
    // P-2: role "Anders" shows the text; no app ticked, so the stored co_app 1 is hidden: (5 + 4) / 2 = 4.5 of the 2 shown.
    response('P-2', 'w0', { co_rol: 3, co_app: 1, co_01: 5, co_02: 4 }, { co_rol_anders: 'Buurvrouw', co_kanalen: '2,3' }),
    // P-3: role 2 hides the stale text; nothing ticked hides co_app; co_01 is "weet niet": only co_02 (3) scores,
    //      1 of the 2 shown items ≥ 50%: score 3, 1 answered, prorated.
    response('P-3', 'w0', { co_rol: 2, co_01: 9, co_02: 3 }, { co_rol_anders: 'Oud antwoord' }),
    // P-4: only "Geen van deze" (9); co_app hidden: (3 + 3) / 2 = 3.
    response('P-4', 'w0', { co_rol: 1, co_01: 3, co_02: 3 }, { co_kanalen: '9' }),
    // P-1 at T1: e-mail only; the app question is hidden again, its old 5 must not come back.
    response('P-1', 'w1', { co_rol: 1, co_app: 5, co_01: 2, co_02: 2 }, { co_kanalen: '2' }),
  ],
};

const OPTION_VARIABLES = ['co_kanalen_1', 'co_kanalen_2', 'co_kanalen_3', 'co_kanalen_4', 'co_kanalen_9'];

/** A table as objects keyed by column name. */
const records = (table: Table) => table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c.name, row[i] ?? null])) as Record<string, Cell>);

describe('multiple choice and hidden items in the data', () => {
  const data = buildDataset(source, { language: 'nl', values: 'codes', includeOpenAnswers: true });
  const long = records(longWithScores(data));
  const row = (code: string, wave: string) => long.find((r) => r.respondent === code && r.meting === wave)!;

  it('makes one 0/1 variable per option, named {itemId}_{code}, with the option in its label', () => {
    const columns = data.long.columns.filter((c) => c.name.startsWith('co_kanalen'));
    expect(columns.map((c) => c.name)).toEqual(OPTION_VARIABLES);
    expect(columns.map((c) => c.label)).toEqual(['Contactvormen: Telefoon', 'Contactvormen: E-mail', 'Contactvormen: Overleg', 'Contactvormen: Beveiligde app', 'Contactvormen: Geen van deze']);
    for (const c of columns) expect(c).toMatchObject({ kind: 'integer', level: 'nominal', valueLabels: [{ code: 0, label: 'niet aangekruist' }, { code: 1, label: 'aangekruist' }] });
    // No variable for the item itself: its stored text is not a value.
    expect(data.long.columns.map((c) => c.name)).not.toContain('co_kanalen');
    // A negative code becomes m + digits.
    expect(data.long.columns.filter((c) => c.name.startsWith('ng_hulp')).map((c) => c.name)).toEqual(['ng_hulp_1', 'ng_hulp_2', 'ng_hulp_m1']);
  });

  it('holds 1 for ticked, 0 for not ticked, and empty when unanswered', () => {
    const ticks = (r: Record<string, Cell>) => OPTION_VARIABLES.map((v) => r[v]);
    expect(ticks(row('P-1', 'T0'))).toEqual([1, 0, 0, 1, 0]);
    expect(ticks(row('P-2', 'T0'))).toEqual([0, 1, 1, 0, 0]);
    expect(ticks(row('P-3', 'T0'))).toEqual([null, null, null, null, null]);
    expect(ticks(row('P-4', 'T0'))).toEqual([0, 0, 0, 0, 1]);
    expect(ticks(row('P-1', 'T1'))).toEqual([0, 1, 0, 0, 0]);
    const p1 = row('P-1', 'T0');
    expect([p1.ng_hulp_1, p1.ng_hulp_2, p1.ng_hulp_m1]).toEqual([1, 0, 1]);
    expect([row('P-2', 'T0').ng_hulp_1, row('P-2', 'T0').ng_hulp_m1]).toEqual([null, null]);
  });

  it('leaves the answer of a hidden item empty, and out of the subscale score', () => {
    const cells = (r: Record<string, Cell>) => [r.co_rol_anders, r.co_app, r.co_afstemming, r.co_afstemming_n, r.co_afstemming_prorated];
    expect(cells(row('P-1', 'T0'))).toEqual([null, 5, 11 / 3, 3, 0]);
    expect(cells(row('P-2', 'T0'))).toEqual(['Buurvrouw', null, 4.5, 2, 0]);
    expect(cells(row('P-3', 'T0'))).toEqual([null, null, 3, 1, 1]);
    expect(cells(row('P-4', 'T0'))).toEqual([null, null, 3, 2, 0]);
    expect(cells(row('P-1', 'T1'))).toEqual([null, null, 2, 2, 0]);
  });

  it('carries the option variables into the wide layout with the wave suffix', () => {
    const wide = records(data.wide);
    expect(data.wide.columns.map((c) => c.name)).toEqual(expect.arrayContaining([...OPTION_VARIABLES.map((v) => `${v}_t0`), ...OPTION_VARIABLES.map((v) => `${v}_t1`)]));
    const p1 = wide.find((r) => r.respondent === 'P-1')!;
    expect(OPTION_VARIABLES.map((v) => p1[`${v}_t0`])).toEqual([1, 0, 0, 1, 0]);
    expect(OPTION_VARIABLES.map((v) => p1[`${v}_t1`])).toEqual([0, 1, 0, 0, 0]);
    expect(p1.co_app_t1).toBeNull();
  });

  it('writes labels instead of 0/1 when labels are chosen', () => {
    const labelled = records(longWithScores(buildDataset(source, { language: 'en', values: 'labels', includeOpenAnswers: false })));
    const p2 = labelled.find((r) => r.respondent === 'P-2')!;
    expect(OPTION_VARIABLES.map((v) => p2[v])).toEqual(['not ticked', 'ticked', 'ticked', 'not ticked', 'not ticked']);
  });
});

describe('the codebook of required, conditional and multiple-choice items', () => {
  const data = buildDataset(source, { language: 'nl', values: 'codes', includeOpenAnswers: true });
  const book = records(codebookTable(data, 'nl'));
  const entry = (variable: string) => {
    const found = book.find((r) => r.variabele === variable);
    if (!found) throw new Error(`no codebook row for ${variable}`);
    return found;
  };

  it('lists each option variable with its question and option', () => {
    expect(OPTION_VARIABLES.map((v) => entry(v).label)).toEqual(['Contactvormen: Telefoon', 'Contactvormen: E-mail', 'Contactvormen: Overleg', 'Contactvormen: Beveiligde app', 'Contactvormen: Geen van deze']);
    expect(entry('co_kanalen_4')).toMatchObject({
      vraagtekst: 'Hoe houdt u contact met de anderen? Kruis alles aan wat van toepassing is.',
      vragenlijst: 'Samenwerking rond de cliënt',
      type: 'Meerkeuzevraag, één variabele per antwoord (antwoordschaal kanaal): 4 = Beveiligde app',
      codes_en_labels: '0 = niet aangekruist; 1 = aangekruist',
      verplicht: 'ja',
      getoond_als: '',
      in_data_breed: 'co_kanalen_4_t0, co_kanalen_4_t1',
    });
  });

  it('says for each item whether it is required and when it is shown', () => {
    expect(entry('co_rol')).toMatchObject({ verplicht: 'ja', getoond_als: '' });
    expect(entry('co_rol_anders')).toMatchObject({ verplicht: 'nee', getoond_als: 'Getoond als vraag co_rol = 3 (Anders)' });
    expect(entry('co_app')).toMatchObject({ verplicht: 'ja', getoond_als: 'Getoond als bij vraag co_kanalen aangekruist is: 4 (Beveiligde app)' });
    expect(entry('co_app').ontbrekend).toBe(
      'Leeg = niet beantwoord, niet gevraagd in deze meting, of niet getoond omdat de voorwaarde (getoond_als) niet vervuld was; een eerder gegeven antwoord op een vraag die daarna niet meer getoond werd, staat ook als leeg; 9 = niet gescoord (telt niet mee in scores)',
    );
    // An item always shown keeps the usual sentence.
    expect(entry('co_01').ontbrekend).toBe('Leeg = niet beantwoord of niet gevraagd in deze meting; 9 = niet gescoord (telt niet mee in scores)');
  });

  it('explains hidden items and multiple choice in the Toelichting', () => {
    const notes = notesTable({
      language: 'nl',
      appVersion: 't',
      exportedAt: new Date(0),
      values: 'codes',
      includeOpenAnswers: true,
      networks: [],
      instruments: [def],
      sheets: ['long'],
      problems: [],
    }).rows.map((r) => r[0]);
    expect(notes).toContain('Vragen die niet altijd getoond worden');
    expect(notes).toContain('Meerkeuzevragen (alles aankruisen wat van toepassing is)');
  });
});
