import { describe, expect, it } from 'vitest';
import { builtInInstruments, instrumentDefinition, type InstrumentDefinition } from '../../shared/instruments';
import { instrumentToRedcap, readAnnotations, redcapToInstrument, REDCAP_COLUMNS } from '../../shared/instruments/formats/redcap';
import type { SheetCell, SheetData } from '../../shared/instruments/formats/sheets';
import { instrumentToXlsform, xlsformToInstrument } from '../../shared/instruments/formats/xlsform';
import type { Conversion } from '../../shared/instruments/formats/conversion';
import { bilingualInstrument, dutchOnlyInstrument } from '../support/dutch-only-instrument';
import { structuredInstrument } from '../support/structured-instrument';

/**
 * The pure converters between definitions and the two file formats researchers bring: an
 * XLSForm-like workbook as rows of cells, and a REDCap data dictionary as CSV records. Every
 * built-in (whatever is added later) and the test instruments go there and back unchanged; a
 * workbook and a dictionary written by hand give the definition worked out by hand; bad input is
 * refused with its problems by sheet and row.
 */

const everyInstrument: [string, InstrumentDefinition][] = [
  ...builtInInstruments.map((def) => [`${def.id} v${def.version}`, def] as [string, InstrumentDefinition]),
  ['structured-instrument (required, branching, multiple choice)', instrumentDefinition.parse(structuredInstrument())],
  ['dutch-only-instrument', instrumentDefinition.parse(dutchOnlyInstrument())],
  ['bilingual test instrument', instrumentDefinition.parse(bilingualInstrument())],
];

const ok = (conversion: Conversion) => {
  if (!conversion.ok) throw new Error(`refused: ${conversion.problems.join(' | ')}`);
  return conversion;
};
const problemsOf = (conversion: Conversion) => {
  if (conversion.ok) throw new Error('accepted what should be refused');
  return conversion.problems;
};

/**
 * Every kind of item and every field the schema has, in Dutch and English: a question per partner
 * organisation, a number another question hangs on, reverse keying, two subscales, option help, a
 * long open question (a REDCap notes field), texts with quotes, a pipe-free comma and a line break.
 */
function everyFeatureInstrument() {
  const t = (nl: string, en: string) => ({ nl, en });
  return instrumentDefinition.parse({
    id: 'alles-erin',
    version: 3,
    languages: ['nl', 'en'],
    name: t('Alles erin', 'Everything in it'),
    description: t('Een vragenlijst met "alles", ook regels:\nzoals deze.', 'A questionnaire with "everything", lines too:\nlike this.'),
    attribution: t('Eigen werk, 2026', 'Own work, 2026'),
    licence: t('CC BY 4.0', 'CC BY 4.0'),
    scales: [
      { id: 'vaak', options: [{ code: 0, label: t('Nooit', 'Never') }, { code: 1, label: t('Soms', 'Sometimes') }, { code: 2, label: t('Vaak', 'Often') }] },
      { id: 'eens4', options: [1, 2, 3, 4].map((code) => ({ code, label: t(`Eens ${code}`, `Agree ${code}`) })), notScored: [{ code: -1, label: t('N.v.t.', 'N/a') }, { code: 9, label: t('Weet niet', "Don't know") }] },
      { id: 'rol', options: [{ code: 1, label: t('Arts', 'Doctor') }, { code: 2, label: t('Verpleegkundige, wijk', 'Nurse, district') }] },
    ],
    items: [
      { id: 'a_rol', type: 'choice', text: t('Uw rol?', 'Your role?'), label: t('Rol', 'Role'), scale: 'rol', required: true, optionHelp: { '2': t('Ook "praktijk"verpleegkundigen.', 'Practice nurses too.') } },
      { id: 'a_jaren', type: 'number', text: t('Hoeveel jaar?', 'How many years?'), label: t('Jaren', 'Years'), min: -5, max: 60, required: false },
      { id: 'a_ervaren', type: 'scale', text: t('Ik ben ervaren.', 'I am experienced.'), label: t('Ervaren', 'Experienced'), scale: 'eens4', showWhen: { item: 'a_jaren', anyOf: [10, 20, 30] } },
      { id: 'a_twijfel', type: 'scale', text: t('Ik twijfel vaak.', 'I often doubt.'), label: t('Twijfel', 'Doubt'), scale: 'eens4', reverse: true },
      { id: 'a_vaak', type: 'relation', text: t('Hoe vaak werkt u samen met deze organisatie?', 'How often do you work with this organisation?'), label: t('Samenwerking', 'Collaboration'), scale: 'vaak', dimension: 'frequency' },
      { id: 'a_kanalen', type: 'multiple', text: t('Waar spreekt u elkaar?', 'Where do you meet?'), label: t('Kanalen', 'Channels'), scale: 'eens4', showWhen: { item: 'a_rol', anyOf: [2, 1] } },
      { id: 'a_open', type: 'open', text: t('Wat wilt u nog kwijt?', 'Anything else?'), label: t('Nog iets', 'Anything else'), maxLength: 3000, showWhen: { item: 'a_kanalen', anyOf: [-1] } },
    ],
    subscales: [
      { id: 'a_zeker', label: t('Zekerheid', 'Confidence'), items: ['a_ervaren', 'a_twijfel'], minAnsweredShare: 0.5 },
      { id: 'a_twijfels', label: t('Twijfels', 'Doubts'), items: ['a_twijfel'], minAnsweredShare: 1 },
    ],
    sections: [
      { id: 'wie', title: t('Wie', 'Who'), items: ['a_rol', 'a_jaren', 'a_ervaren', 'a_twijfel'] },
      { id: 'samen', title: t('Samen', 'Together'), intro: t('Over samenwerken.\nTwee regels.', 'About collaboration.\nTwo lines.'), items: ['a_vaak', 'a_kanalen', 'a_open'] },
    ],
  });
}

describe('round trips: definition → file rows → the identical definition', () => {
  it.each([
    ['XLSForm-like workbook', (def: InstrumentDefinition) => xlsformToInstrument(instrumentToXlsform(def), { fallbackId: 'x' })],
    ['REDCap data dictionary', (def: InstrumentDefinition) => redcapToInstrument(instrumentToRedcap(def), { fallbackId: 'x' })],
  ])('%s: every kind of item and field (relation, number condition, reverse, two subscales, option help)', (_format, roundTrip) => {
    const def = everyFeatureInstrument();
    const back = ok(roundTrip(def));
    expect(back.definition).toStrictEqual(def);
    expect(back.leftOut).toEqual([]);
  });

  it.each(everyInstrument)('XLSForm-like workbook: %s', (_name, def) => {
    const back = ok(xlsformToInstrument(instrumentToXlsform(def), { fallbackId: 'x' }));
    expect(back.definition).toStrictEqual(def);
    expect(back.leftOut).toEqual([]);
  });

  it.each(everyInstrument)('REDCap data dictionary: %s', (_name, def) => {
    const back = ok(redcapToInstrument(instrumentToRedcap(def), { fallbackId: 'x' }));
    expect(back.definition).toStrictEqual(def);
    expect(back.leftOut).toEqual([]);
  });

  it('keeps a declared ["nl", "en"] and an explicit required: false in both formats', () => {
    const raw = bilingualInstrument('expliciet') as Record<string, unknown> & { items: Record<string, unknown>[] };
    raw.languages = ['nl', 'en'];
    raw.items[0]!.required = false;
    const def = instrumentDefinition.parse(raw);
    expect(ok(xlsformToInstrument(instrumentToXlsform(def), { fallbackId: 'x' })).definition).toStrictEqual(def);
    expect(ok(redcapToInstrument(instrumentToRedcap(def), { fallbackId: 'x' })).definition).toStrictEqual(def);
  });
});

describe('the XLSForm-like workbook as XLSForm users know it', () => {
  const def = instrumentDefinition.parse(structuredInstrument());
  const sheets = instrumentToXlsform(def);
  const sheet = (name: string) => sheets.find((s) => s.name === name)!.rows;

  it('has the sheets survey, choices and settings, groups for sections and XLSForm conditions', () => {
    expect(sheets.map((s) => s.name)).toEqual(['survey', 'choices', 'settings', 'subscales']);
    const survey = sheet('survey');
    expect(survey[0]!.slice(0, 8)).toEqual(['type', 'name', 'label::Nederlands (nl)', 'hint::Nederlands (nl)', 'required', 'relevant', 'constraint', 'short_label::Nederlands (nl)']);
    // type, name, relevant of each row, in order: worked out from structured-instrument.ts
    expect(survey.slice(1).map((r) => [r[0], r[1], r[5]])).toEqual([
      ['begin_group', 'wie', null],
      ['select_one rol', 'co_rol', null],
      ['text', 'co_rol_anders', "${co_rol} = '3'"],
      ['end_group', null, null],
      ['begin_group', 'contact', null],
      ['select_multiple kanaal', 'co_kanalen', null],
      ['select_one eens5', 'co_app', "selected(${co_kanalen}, '4')"],
      ['select_one eens5', 'co_01', null],
      ['select_one eens5', 'co_02', null],
      ['end_group', null, null],
    ]);
    expect(sheet('choices').filter((r) => r[0] === 'kanaal')).toEqual([
      ['kanaal', 1, 'Telefoon', null],
      ['kanaal', 2, 'E-mail', null],
      ['kanaal', 3, 'Overleg', null],
      ['kanaal', 4, 'Beveiligde app', null],
      ['kanaal', 9, 'Geen van deze', 'yes'],
    ]);
    expect(sheet('settings')[1]!.slice(0, 4)).toEqual(['Samenwerking rond de cliënt', 'clientoverleg', 1, 'Nederlands (nl)']);
  });

  it('writes English columns only for a bilingual instrument', () => {
    const bilingual = instrumentToXlsform(instrumentDefinition.parse(bilingualInstrument()));
    expect(bilingual[0]!.rows[0]).toContain('label::English (en)');
    expect(sheet('survey')[0]).not.toContain('label::English (en)');
  });
});

/** A workbook as a researcher who knows XLSForm writes it: no columns of ours, plain `label`, ODK bookkeeping rows. */
function handWrittenWorkbook(surveyRows: SheetCell[][] = []): SheetData[] {
  return [
    {
      name: 'survey',
      rows: [
        ['type', 'name', 'label', 'hint', 'required', 'relevant', 'constraint', 'appearance', 'constraint_message'],
        ['start', 'start', null, null, null, null, null],
        ['begin_group', 'over_u', 'Over u', 'Eerst iets over uzelf.', null, null, null],
        ['select_one rol', 'mz_rol', 'Wat is uw rol?', null, 'yes', null, null, 'minimal', null],
        ['text', 'mz_rol_anders', 'Welke rol dan?', null, null, '${mz_rol} = 3', null],
        ['integer', 'mz_jaren', 'Hoeveel jaar zorgt u al?', 'In hele jaren', 'no', null, '. >= 0 and . <= 40'],
        ['select_multiple hulp', 'mz_hulp', 'Van wie krijgt u hulp?', null, null, null, null],
        ['select_one eens', 'mz_tevreden', 'Ik ben tevreden over de hulp.', null, null, "selected(${mz_hulp}, '1') or selected(${mz_hulp}, '2')", null],
        ['decimal', 'mz_uren', 'Hoeveel uur per week?', null, null, null, null],
        ['end_group', null, null, null, null, null, null],
        ...surveyRows,
      ],
    },
    {
      name: 'choices',
      rows: [
        ['list_name', 'name', 'label'],
        ['rol', 1, 'Partner'],
        ['rol', 2, 'Kind'],
        ['rol', 3, 'Anders'],
        ['hulp', 1, 'Casemanager'],
        ['hulp', 2, 'Huisarts'],
        ['eens', 1, 'Oneens'],
        ['eens', 2, 'Neutraal'],
        ['eens', 3, 'Eens'],
      ],
    },
    { name: 'settings', rows: [['form_title', 'form_id', 'version', 'default_language'], ['Mantelzorg thuis', 'mantelzorg_thuis', '2024031501', 'Dutch (nl)']] },
  ];
}

describe('reading a workbook written as XLSForm', () => {
  it('gives the definition worked out by hand, with what was mapped and left out', () => {
    const read = ok(xlsformToInstrument(handWrittenWorkbook(), { fallbackId: 'mijn-bestand' }));
    const nl = (text: string) => ({ nl: text });
    expect(read.definition).toStrictEqual({
      id: 'mantelzorg-thuis',
      version: 2024031501,
      languages: ['nl'],
      name: nl('Mantelzorg thuis'),
      description: nl('Mantelzorg thuis'),
      attribution: nl('Geïmporteerd uit een XLSForm-spreadsheet; vul de bronvermelding aan.'),
      licence: nl('Niet opgegeven.'),
      scales: [
        { id: 'rol', options: [{ code: 1, label: nl('Partner') }, { code: 2, label: nl('Kind') }, { code: 3, label: nl('Anders') }], notScored: [] },
        { id: 'hulp', options: [{ code: 1, label: nl('Casemanager') }, { code: 2, label: nl('Huisarts') }], notScored: [] },
        { id: 'eens', options: [{ code: 1, label: nl('Oneens') }, { code: 2, label: nl('Neutraal') }, { code: 3, label: nl('Eens') }], notScored: [] },
      ],
      items: [
        { id: 'mz_rol', type: 'choice', text: nl('Wat is uw rol?'), label: nl('Wat is uw rol?'), scale: 'rol', required: true },
        { id: 'mz_rol_anders', type: 'open', text: nl('Welke rol dan?'), label: nl('Welke rol dan?'), maxLength: 2000, showWhen: { item: 'mz_rol', anyOf: [3] } },
        { id: 'mz_jaren', type: 'number', text: nl('Hoeveel jaar zorgt u al?'), label: nl('Hoeveel jaar zorgt u al?'), min: 0, max: 40, required: false },
        { id: 'mz_hulp', type: 'multiple', text: nl('Van wie krijgt u hulp?'), label: nl('Van wie krijgt u hulp?'), scale: 'hulp' },
        { id: 'mz_tevreden', type: 'choice', text: nl('Ik ben tevreden over de hulp.'), label: nl('Ik ben tevreden over de hulp.'), scale: 'eens', showWhen: { item: 'mz_hulp', anyOf: [1, 2] } },
      ],
      subscales: [],
      sections: [{ id: 'over_u', title: nl('Over u'), intro: nl('Eerst iets over uzelf.'), items: ['mz_rol', 'mz_rol_anders', 'mz_jaren', 'mz_hulp', 'mz_tevreden'] }],
    });
    expect(read.leftOut).toEqual([
      "Blad survey, kolom 'appearance': neemt Netwerkspiegel niet over; weggelaten",
      'Blad survey, rij 2 (start): metagegevens (start) legt Netwerkspiegel niet vast; weggelaten',
      'Blad survey, rij 6 (mz_jaren): de hint bij een vraag toont Netwerkspiegel niet; weggelaten',
      "Blad survey, rij 9 (mz_uren): type 'decimal': Netwerkspiegel bewaart antwoorden als gehele getallen; weggelaten",
    ]);
    expect(read.mapped).toContain("form_id 'mantelzorg_thuis' wordt vragenlijst-id 'mantelzorg-thuis' (kleine letters, cijfers en -)");
  });

  it('takes names and list names in capitals (as XLSForm allows) as lowercase variable names, and says so', () => {
    const sheets: SheetData[] = [
      { name: 'Survey', rows: [['Type', 'Name', 'Label', 'Relevant'], ['select_one JaNee', 'Q1', 'Werkt u in de zorg?', null], ['text', 'Q2', 'Waar?', '${Q1} = 1']] },
      { name: 'Choices', rows: [['list_name', 'name', 'label'], ['JaNee', 1, 'Ja'], ['JaNee', 0, 'Nee']] },
    ];
    const read = ok(xlsformToInstrument(sheets, { fallbackId: 'Zorg vragen' }));
    expect(read.definition.id).toBe('zorg-vragen');
    expect(read.definition.items.map((i) => [i.id, 'scale' in i ? i.scale : null, i.showWhen ?? null])).toEqual([
      ['q1', 'janee', null],
      ['q2', null, { item: 'q1', anyOf: [1] }],
    ]);
    expect(read.mapped).toContain('Blad survey, rij 2 (Q1): de naam Q1 wordt q1 (variabelenamen zijn in kleine letters)');
  });

  it('puts questions outside any group in a section of their own', () => {
    const read = ok(xlsformToInstrument(handWrittenWorkbook([['text', 'mz_tip', 'Een tip?', null, null, null, 'string-length(.) <= 300']]), { fallbackId: 'x' }));
    expect(read.definition.sections.map((s) => [s.id, s.items])).toEqual([
      ['over_u', ['mz_rol', 'mz_rol_anders', 'mz_jaren', 'mz_hulp', 'mz_tevreden']],
      ['deel_2', ['mz_tip']],
    ]);
    expect(read.definition.items.at(-1)).toMatchObject({ id: 'mz_tip', type: 'open', maxLength: 300 });
  });
});

describe('a bad workbook is refused with its problems by sheet and row', () => {
  const structured = () => instrumentToXlsform(instrumentDefinition.parse(structuredInstrument()));
  const withSurveyCell = (row: number, column: number, value: SheetCell) =>
    structured().map((s) => (s.name === 'survey' ? { ...s, rows: s.rows.map((r, i) => (i === row - 1 ? r.map((c, j) => (j === column ? value : c)) : r)) } : s));

  it('refuses a workbook without a survey sheet, and select questions without a choices sheet', () => {
    expect(problemsOf(xlsformToInstrument([{ name: 'Blad1', rows: [['a']] }], { fallbackId: 'x' }))).toEqual([
      "Het blad 'survey' ontbreekt (gevonden: 'Blad1'). Een vragenlijst-spreadsheet heeft de bladen survey, choices en settings, zoals in XLSForm.",
    ]);
    const noChoices = structured().filter((s) => s.name !== 'choices');
    expect(problemsOf(xlsformToInstrument(noChoices, { fallbackId: 'x' }))).toContain("Blad survey, rij 3 (co_rol): type 'select_one rol' gebruikt lijst rol, maar het blad 'choices' ontbreekt");
  });

  it('names an unknown type with its row', () => {
    expect(problemsOf(xlsformToInstrument(withSurveyCell(10, 0, 'select_won eens5'), { fallbackId: 'x' }))).toEqual(["Blad survey, rij 10 (co_02): onbekend type 'select_won eens5'"]);
  });

  it('names a repeated question name with both rows', () => {
    expect(problemsOf(xlsformToInstrument(withSurveyCell(10, 1, 'co_01'), { fallbackId: 'x' }))).toEqual([
      'Blad survey, rij 10 (co_01): de naam co_01 staat al in Blad survey, rij 9 (co_01); elke vraag heeft een eigen naam',
    ]);
  });

  it('traces a condition on an unknown question and a cycle back to the rows (the schema finds them)', () => {
    expect(problemsOf(xlsformToInstrument(withSurveyCell(4, 5, "${co_rool} = '3'"), { fallbackId: 'x' }))).toEqual([
      'Blad survey, rij 4 (co_rol_anders) → relevant: Vraag co_rol_anders wordt getoond op grond van vraag co_rool, maar die vraag bestaat niet',
    ]);
    const cycle = withSurveyCell(3, 5, "${co_rol_anders} = '1'");
    expect(problemsOf(xlsformToInstrument(cycle, { fallbackId: 'x' }))).toEqual([
      'Blad survey, rij 3 (co_rol) → relevant: Vraag co_rol wordt getoond op grond van vraag co_rol_anders, maar dat is geen vraag met antwoordcodes',
      'Blad survey, rij 3 (co_rol) → relevant: Vraag co_rol hangt via de toon-voorwaarden van zichzelf af (co_rol → co_rol_anders → co_rol); zo wordt ze nooit getoond',
      'Blad survey, rij 4 (co_rol_anders) → relevant: Vraag co_rol_anders hangt via de toon-voorwaarden van zichzelf af (co_rol_anders → co_rol → co_rol_anders); zo wordt ze nooit getoond',
    ]);
    const loop = withSurveyCell(7, 5, "${co_app} = '4'");
    expect(problemsOf(xlsformToInstrument(loop, { fallbackId: 'x' }))).toEqual([
      'Blad survey, rij 7 (co_kanalen) → relevant: Vraag co_kanalen hangt via de toon-voorwaarden van zichzelf af (co_kanalen → co_app → co_kanalen); zo wordt ze nooit getoond',
      'Blad survey, rij 8 (co_app) → relevant: Vraag co_app hangt via de toon-voorwaarden van zichzelf af (co_app → co_kanalen → co_app); zo wordt ze nooit getoond',
    ]);
  });

  it('refuses conditions that are more than "one question is one of these codes"', () => {
    for (const relevant of ["${co_rol} > 1", "${co_rol} = '1' and ${co_01} = '2'", "not(selected(${co_kanalen}, '4'))", "${co_rol} = '1' or ${co_01} = '2'"]) {
      const problems = problemsOf(xlsformToInstrument(withSurveyCell(4, 5, relevant), { fallbackId: 'x' }));
      expect(problems, relevant).toHaveLength(1);
      expect(problems[0]).toMatch(/^Blad survey, rij 4 \(co_rol_anders\): de voorwaarde \(relevant\) .* kan Netwerkspiegel niet overnemen: .*Gebruik \$\{vraag\} = 'code'/);
    }
  });

  it('refuses a code that is no whole number, and a nested group', () => {
    const badCode = structured().map((s) => (s.name === 'choices' ? { ...s, rows: [...s.rows, ['rol', 'anders', 'Anders nog', null]] } : s));
    expect(problemsOf(xlsformToInstrument(badCode, { fallbackId: 'x' }))).toEqual([
      "Blad choices, rij 16 (rol): antwoordcode (name) 'anders' is geen geheel getal; Netwerkspiegel bewaart antwoorden als getallen",
    ]);
    expect(problemsOf(xlsformToInstrument(withSurveyCell(4, 0, 'begin_group'), { fallbackId: 'x' }))).toContain(
      'Blad survey, rij 4 (co_rol_anders): een groep in een groep (wie) kent Netwerkspiegel niet; sluit de vorige eerst met end_group',
    );
  });
});

describe('the REDCap data dictionary', () => {
  it('has REDCap’s 18 columns and its syntax for choices and branching', () => {
    const rows = instrumentToRedcap(instrumentDefinition.parse(structuredInstrument()));
    expect(rows[0]).toEqual([...REDCAP_COLUMNS]);
    expect(rows[0]).toHaveLength(18);
    const byName = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byName.get('co_rol')!.slice(1, 6)).toEqual(['clientoverleg', 'Over u', 'radio', 'Wat is uw rol rond deze cliënt?', '1, Zorgverlener | 2, Mantelzorger | 3, Anders']);
    expect(byName.get('co_rol')![12]).toBe('y');
    expect(byName.get('co_rol_anders')![11]).toBe("[co_rol] = '3'");
    expect(byName.get('co_kanalen')![3]).toBe('checkbox');
    expect(byName.get('co_app')![11]).toBe("[co_kanalen(4)] = '1'");
    expect(byName.get('contact_intro')!.slice(2, 5)).toEqual(['Contact en afstemming', 'descriptive', 'Denk aan de afgelopen drie maanden.']);
    const annotations = readAnnotations(byName.get('co_app')![17]!);
    expect(Object.fromEntries(annotations.tags)).toEqual({ SHORT: 'App helpt afstemmen', SCALE: 'eens5', 'NOT-SCORED': '9', SCORED: true, SUBSCALE: 'co_afstemming' });
  });

  it('reads annotations in REDCap’s quoting and ours, and keeps other action tags apart', () => {
    const read = readAnnotations('@HIDDEN @NWS-SHORT="Zeg \\"ja\\"\\nof nee" @NWS-SCALE=eens5 @DEFAULT=\'3\' @NWS-OPTION-HELP={"1":{"nl":"a } b"}}');
    expect(Object.fromEntries(read.tags)).toEqual({ SHORT: 'Zeg "ja"\nof nee', SCALE: 'eens5', 'OPTION-HELP': { '1': { nl: 'a } b' } } });
    expect(read.others).toEqual(['@HIDDEN', '@DEFAULT']);
  });

  it('takes the HTML of REDCap’s rich-text editor out of a dictionary made in REDCap', () => {
    const header = [...REDCAP_COLUMNS];
    const row = (cells: Partial<Record<number, string>>) => header.map((_, i) => cells[i] ?? '');
    const read = ok(
      redcapToInstrument(
        [
          header,
          row({ 0: 'record_id', 1: 'zorg', 3: 'text', 4: 'Record ID' }),
          row({ 0: 'z_01', 1: 'zorg', 2: '<div class="rich-text-field-label"><p>Over &amp; voor u</p></div>', 3: 'radio', 4: '<p><strong>Werkt</strong> u in de zorg?<br>Kies één antwoord.</p>', 5: '1, <b>Ja</b> | 0, Nee&nbsp;' }),
        ],
        { fallbackId: 'x' },
      ),
    );
    expect(read.definition.sections[0]!.title).toEqual({ nl: 'Over & voor u' });
    expect(read.definition.items[0]!.text).toEqual({ nl: 'Werkt u in de zorg?\nKies één antwoord.' });
    expect(read.definition.items[0]!.label).toEqual({ nl: 'Werkt u in de zorg?' });
    expect(read.definition.scales[0]!.options.map((o) => o.label.nl)).toEqual(['Ja', 'Nee']);
    expect(read.mapped).toContain('Rij 3, veld z_01: opmaak (HTML) uit de vraagtekst gehaald');
  });

  it('refuses a CSV with other columns, naming what is missing and what a dictionary has', () => {
    const problems = problemsOf(redcapToInstrument([['naam', 'vraag', 'antwoorden'], ['a', 'b', 'c']], { fallbackId: 'x' }));
    expect(problems[0]).toBe("Rij 1: onbekende kolom 'naam'");
    expect(problems).toContain("Rij 1: de kolommen 'Variable / Field Name', 'Form Name', 'Field Type', 'Field Label', 'Choices, Calculations, OR Slider Labels' ontbreken");
    expect(problems.at(-1)).toMatch(/^Een REDCap-datadictionary heeft de kolommen 'Variable \/ Field Name', 'Form Name'/);
  });

  it('refuses an unknown field type and a repeated field name by row', () => {
    const rows = instrumentToRedcap(instrumentDefinition.parse(dutchOnlyInstrument()));
    rows[3]![3] = 'radiobutton';
    rows[4]![0] = 'bt_01';
    expect(problemsOf(redcapToInstrument(rows, { fallbackId: 'x' }))).toEqual([
      "Rij 4, veld bt_02: onbekend veldtype 'radiobutton'",
      'Rij 5, veld bt_01: de veldnaam bt_01 staat al in Rij 3, veld bt_01; elk veld heeft een eigen naam',
    ]);
  });

  it('leaves out a field whose branching hangs on a field that was left out, and says why', () => {
    const rows = instrumentToRedcap(instrumentDefinition.parse(structuredInstrument()));
    rows[1]![3] = 'calc';
    const read = ok(redcapToInstrument(rows, { fallbackId: 'x' }));
    expect(read.definition.items.map((i) => i.id)).toEqual(['co_kanalen', 'co_app', 'co_01', 'co_02']);
    expect(read.leftOut).toEqual([
      'Rij 2, veld co_rol: een berekend veld (calc): Netwerkspiegel rekent geen velden uit; weggelaten',
      'Rij 3, veld co_rol_anders: wordt getoond op grond van veld co_rol, dat is weggelaten; weggelaten',
    ]);
  });
});
