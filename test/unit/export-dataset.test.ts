import { describe, expect, it } from 'vitest';
import { buildDataset, codebookTable, longWithScores, scoresTable, type ExportSource, type SourceResponse } from '../../shared/export/dataset';
import type { Cell, Table } from '../../shared/export/table';
import { instrumentDefinition, type InstrumentDefinition, type InstrumentDefinitionInput } from '../../shared/instruments/schema';

const t = (nl: string, en = nl) => ({ nl, en });

function instrument(id: string, version: number, items: InstrumentDefinitionInput['items'], subscales: InstrumentDefinitionInput['subscales'] = []): InstrumentDefinition {
  return instrumentDefinition.parse({
    id,
    version,
    name: t(`Lijst ${id}`, `List ${id}`),
    description: t('d'),
    attribution: t('a'),
    licence: t('l'),
    scales: [
      { id: 'eens5', options: [1, 2, 3, 4, 5].map((code) => ({ code, label: t(`optie ${code}`, `option ${code}`) })), notScored: [{ code: 9, label: t('Weet niet', "Don't know") }] },
      { id: 'rol', options: [{ code: 1, label: t('Professional') }, { code: 2, label: t('Bestuurder', 'Director') }], notScored: [{ code: 9, label: t('Zeg ik liever niet', 'Rather not say') }] },
    ],
    items,
    subscales,
    sections: [{ id: 'sec', title: t('s'), items: items.map((i) => i.id) }],
  });
}

const scale = (id: string, reverse = false) => ({ id, type: 'scale' as const, text: t(`Vraag ${id}`, `Question ${id}`), label: t(`Label ${id}`), scale: 'eens5', reverse });

// Version 1 of "test-a": four scale items (a_04 reverse-keyed), a grade and an open question; one subscale.
const a1 = instrument(
  'test-a',
  1,
  [scale('a_01'), scale('a_02'), scale('a_03'), scale('a_04', true), { id: 'a_cijfer', type: 'number', text: t('Cijfer'), label: t('Cijfer'), min: 1, max: 10 }, { id: 'a_open', type: 'open', text: t('Open'), label: t('Open'), maxLength: 200 }],
  [{ id: 'a_sc', label: t('Samen', 'Together'), items: ['a_01', 'a_02', 'a_03', 'a_04'], minAnsweredShare: 0.75 }],
);
// Version 2 adds a_05 (used at T1 only).
const a2 = instrument('test-a', 2, [...a1.items, scale('a_05')], [{ id: 'a_sc', label: t('Samen', 'Together'), items: ['a_01', 'a_02', 'a_03', 'a_04'], minAnsweredShare: 0.75 }]);
// Another instrument that reuses the id a_01, and a background instrument with the role group.
const b1 = instrument('test-b', 1, [scale('a_01')]);
const bg = instrument('achtergrond', 1, [{ id: 'ag_rol', type: 'choice', text: t('Rol'), label: t('Rol', 'Role'), scale: 'rol' }]);
const defs = new Map([a1, a2, b1, bg].map((d) => [`${d.id}@${d.version}`, d]));

function response(networkId: string, waveId: string, code: string, codes: Record<string, Record<string, number>>, texts: Record<string, Record<string, string>> = {}, status: 'complete' | 'in_progress' = 'complete'): SourceResponse {
  return {
    networkId,
    waveId,
    respondentCode: code,
    organisationName: code === 'R-001' ? 'Thuiszorg Oost' : null,
    status,
    mode: 'kiosk',
    startedAt: '2026-03-01T09:00:00.000Z',
    completedAt: status === 'complete' ? '2026-03-01T09:20:00.000Z' : null,
    codes: new Map(Object.entries(codes).map(([i, m]) => [i, new Map(Object.entries(m))])),
    texts: new Map(Object.entries(texts).map(([i, m]) => [i, new Map(Object.entries(m))])),
  };
}

const source: ExportSource = {
  networks: [
    { id: 'N1', name: 'Dementie Oost', minGroupSize: 5 },
    { id: 'N2', name: 'Palliatief West', minGroupSize: 5 },
  ],
  waves: [
    { id: 'w10', networkId: 'N1', label: 'T0', kind: 'T0', plannedDate: '2026-03-01', instruments: [{ instrumentId: 'test-a', version: 1 }, { instrumentId: 'test-b', version: 1 }, { instrumentId: 'achtergrond', version: 1 }] },
    { id: 'w11', networkId: 'N1', label: 'T1', kind: 'T1', plannedDate: null, instruments: [{ instrumentId: 'test-a', version: 2 }] },
    { id: 'w20', networkId: 'N2', label: 'Start', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: 'test-a', version: 1 }] },
  ],
  instrumentIds: ['test-a', 'test-b'],
  definition: (ref) => defs.get(`${ref.instrumentId}@${ref.version}`)!,
  responses: [
    // R-001 at T0: a_01=4, a_02=9 (not scored), a_03=2, a_04=1 reverse-keyed → 6 − 1 = 5.
    //   Scored: 4, 2, 5 → 3 of 4 ≥ 75% → score 11/3, answered 3, prorated 1.
    response('N1', 'w10', 'R-001', { 'test-a': { a_01: 4, a_02: 9, a_03: 2, a_04: 1, a_cijfer: 7 }, 'test-b': { a_01: 3 }, achtergrond: { ag_rol: 2 } }, { 'test-a': { a_open: '=HYPERLINK("x")' } }),
    // R-002 at T0: only a_01 → 1 of 4 < 75% → no score, answered 1, prorated empty. Not completed.
    response('N1', 'w10', 'R-002', { 'test-a': { a_01: 5 } }, {}, 'in_progress'),
    // R-001 at T1 (version 2): all four → (1 + 1 + 1 + (6 − 5)) / 4 = 1, not prorated; a_05 = 3.
    response('N1', 'w11', 'R-001', { 'test-a': { a_01: 1, a_02: 1, a_03: 1, a_04: 5, a_05: 3 } }),
    // The same code in another network is another person.
    response('N2', 'w20', 'R-001', { 'test-a': { a_01: 2 } }),
  ],
};

function column(table: Table, name: string): Cell[] {
  const i = table.columns.findIndex((c) => c.name === name);
  if (i < 0) throw new Error(`no column ${name} in ${table.columns.map((c) => c.name).join(', ')}`);
  return table.rows.map((r) => r[i]!);
}

describe('the long layout', () => {
  const data = buildDataset(source, { language: 'nl', values: 'codes', includeOpenAnswers: true });

  it('has the fixed columns, then the items of the chosen instruments, names unique and valid', () => {
    const names = data.long.columns.map((c) => c.name);
    expect(names.slice(0, 12)).toEqual(['netwerk', 'meting', 'meting_soort', 'respondent', 'organisatie', 'rolgroep', 'modus', 'status', 'gestart', 'gestart_iso', 'voltooid', 'voltooid_iso']);
    // Version 2's order, with test-b's a_01 renamed because test-a has it.
    expect(names.slice(12)).toEqual(['a_01', 'a_02', 'a_03', 'a_04', 'a_cijfer', 'a_open', 'a_05', 'a_01_2']);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z][a-z0-9_]{0,31}$/);
  });

  it('has one row per response with codes as numbers and the stored values', () => {
    expect(data.long.rows).toHaveLength(4);
    expect(column(data.long, 'respondent')).toEqual(['R-001', 'R-002', 'R-001', 'R-001']);
    expect(column(data.long, 'netwerk')).toEqual(['Dementie Oost', 'Dementie Oost', 'Dementie Oost', 'Palliatief West']);
    expect(column(data.long, 'a_02')).toEqual([9, null, 1, null]);
    expect(column(data.long, 'a_04')).toEqual([1, null, 5, null]); // the stored code, not the reversed score
    expect(column(data.long, 'a_05')).toEqual([null, null, 3, null]);
    expect(column(data.long, 'a_01_2')).toEqual([3, null, null, null]);
    expect(column(data.long, 'rolgroep')).toEqual([2, null, null, null]);
    expect(column(data.long, 'status')).toEqual([1, 0, 1, 1]);
    expect(column(data.long, 'modus')).toEqual([2, 2, 2, 2]);
    expect(column(data.long, 'a_open')).toEqual(['=HYPERLINK("x")', null, null, null]);
    expect(column(data.long, 'gestart')[0]).toEqual(new Date('2026-03-01T09:00:00.000Z'));
    expect(column(data.long, 'voltooid')[1]).toBeNull();
  });

  it('describes coded columns with value labels and not-scored codes as missing', () => {
    const a01 = data.long.columns.find((c) => c.name === 'a_01')!;
    expect(a01).toMatchObject({ kind: 'integer', level: 'ordinal', label: 'Vraag a_01', missingCodes: [9] });
    expect(a01.valueLabels?.map((v) => v.code)).toEqual([1, 2, 3, 4, 5, 9]);
    expect(data.long.columns.find((c) => c.name === 'status')!.valueLabels).toEqual([
      { code: 1, label: 'Afgerond' },
      { code: 0, label: 'Niet afgerond' },
    ]);
    // Every way of filling in, the phones of meeting mode among them, has its code and label.
    expect(data.long.columns.find((c) => c.name === 'modus')!.valueLabels).toEqual([
      { code: 1, label: 'Formulier' },
      { code: 2, label: 'Afnamemodus' },
      { code: 3, label: 'Papier (ingevoerd)' },
      { code: 4, label: 'Eigen telefoon (bijeenkomst)' },
    ]);
  });

  it('computes scale scores with items answered and the prorated flag', () => {
    const scores = scoresTable(data, 'nl');
    expect(scores.columns.map((c) => c.name)).toEqual(['netwerk', 'meting', 'respondent', 'status', 'a_sc', 'a_sc_n', 'a_sc_prorated']);
    expect(column(scores, 'a_sc')).toEqual([11 / 3, null, 1, null]);
    expect(column(scores, 'a_sc_n')).toEqual([3, 1, 4, 1]);
    expect(column(scores, 'a_sc_prorated')).toEqual([1, null, 0, null]);
    const csv = longWithScores(data);
    expect(csv.columns.map((c) => c.name).slice(-3)).toEqual(['a_sc', 'a_sc_n', 'a_sc_prorated']);
    expect(csv.rows[0]!.at(-3)).toBe(11 / 3);
  });

  it('leaves open answers out unless asked', () => {
    const without = buildDataset(source, { language: 'nl', values: 'codes', includeOpenAnswers: false });
    expect(without.long.columns.map((c) => c.name)).not.toContain('a_open');
    expect(without.wide.columns.map((c) => c.name).filter((n) => n.startsWith('a_open'))).toEqual([]);
    expect(without.codebook.map((e) => e.variable)).not.toContain('a_open');
    expect(JSON.stringify(without.long.rows)).not.toContain('HYPERLINK');
  });

  it('writes labels instead of codes when asked, in the chosen language', () => {
    const labels = buildDataset(source, { language: 'en', values: 'labels', includeOpenAnswers: false });
    expect(labels.long.columns.slice(0, 8).map((c) => c.name)).toEqual(['network', 'wave', 'wave_kind', 'respondent', 'organisation', 'role_group', 'mode', 'status']);
    expect(column(labels.long, 'a_01')).toEqual(['option 4', 'option 5', 'option 1', 'option 2']);
    expect(column(labels.long, 'a_02')).toEqual(["Don't know", null, 'option 1', null]);
    expect(column(labels.long, 'a_cijfer')).toEqual([7, null, null, null]); // numbers stay numbers
    expect(column(labels.long, 'status')).toEqual(['Completed', 'Not completed', 'Completed', 'Completed']);
    expect(column(labels.long, 'role_group')).toEqual(['Director', null, null, null]);
    expect(labels.long.columns.find((c) => c.name === 'a_01')).toMatchObject({ kind: 'text' });
    expect(labels.long.columns.find((c) => c.name === 'a_01')!.valueLabels).toBeUndefined();
  });
});

describe('the wide layout', () => {
  const data = buildDataset(source, { language: 'nl', values: 'codes', includeOpenAnswers: false });

  it('has one row per respondent code per network, items suffixed per wave', () => {
    const names = data.wide.columns.map((c) => c.name);
    expect(names).toEqual([
      'netwerk', 'respondent',
      'organisatie_t0', 'status_t0', 'a_01_t0', 'a_02_t0', 'a_03_t0', 'a_04_t0', 'a_cijfer_t0', 'a_01_2_t0',
      'organisatie_t1', 'status_t1', 'a_01_t1', 'a_02_t1', 'a_03_t1', 'a_04_t1', 'a_cijfer_t1', 'a_05_t1',
    ]);
    expect(data.wide.rows.map((r) => [r[0], r[1]])).toEqual([
      ['Dementie Oost', 'R-001'],
      ['Dementie Oost', 'R-002'],
      ['Palliatief West', 'R-001'],
    ]);
    expect(column(data.wide, 'a_01_t0')).toEqual([4, 5, 2]);
    expect(column(data.wide, 'a_01_t1')).toEqual([1, null, null]);
    expect(column(data.wide, 'a_05_t1')).toEqual([3, null, null]);
    expect(column(data.wide, 'status_t1')).toEqual([1, null, null]);
    expect(column(data.wide, 'organisatie_t0')).toEqual(['Thuiszorg Oost', null, 'Thuiszorg Oost']);
  });
});

describe('the codebook', () => {
  const data = buildDataset(source, { language: 'nl', values: 'codes', includeOpenAnswers: true });
  const book = codebookTable(data, 'nl');
  const asRecord = (r: Cell[]) => Object.fromEntries(book.columns.map((c, i) => [c.name, r[i]]));
  const row = (variable: string) => {
    const r = book.rows.find((x) => x[0] === variable);
    if (!r) throw new Error(`no codebook row for ${variable}`);
    return asRecord(r);
  };

  it('has a row for every variable of the data and score sheets', () => {
    const variables = book.rows.map((r) => r[0]).filter((v) => v !== '');
    for (const c of [...data.long.columns, ...data.scoreColumns]) expect(variables).toContain(c.name);
    expect(new Set(variables).size).toBe(variables.length);
  });

  it('ends with the rules behind the numbers, one row each, without a variable', () => {
    const rules = book.rows.filter((r) => r[0] === '').map((r) => asRecord(r));
    expect(rules.map((r) => [r.label, r.type, r.meetniveau, r.blad])).toEqual([
      ['Welke vragenlijsten meetellen', 'Werkwijze', null, 'Beschrijvend, Vergelijking, Betrouwbaarheid, Koppeling'],
      ['Koppelen van metingen', 'Werkwijze', null, 'Vergelijking, Koppeling'],
      ['Vergelijking van metingen', 'Werkwijze', null, 'Vergelijking'],
      ['Rangtoetsen en gelijke waarden', 'Werkwijze', null, 'Vergelijking'],
      ['Betrouwbaarheid (Cronbachs alfa)', 'Werkwijze', null, 'Betrouwbaarheid'],
      ['Omgekeerd gescoorde vragen', 'Werkwijze', null, 'Beschrijvend, Vergelijking'],
    ]);
    expect(book.rows.slice(-6).every((r) => r[0] === '')).toBe(true);
    const rule = (label: string) => String(rules.find((r) => r.label === label)!.berekening);
    expect(rule('Welke vragenlijsten meetellen')).toContain('Alleen afgeronde vragenlijsten (status = 1) tellen mee in de statistieken');
    expect(rule('Welke vragenlijsten meetellen')).toContain('Niet-afgeronde vragenlijsten staan wel in de data');
    expect(rule('Koppelen van metingen')).toContain('Precies gelijke codes worden automatisch gekoppeld.');
    expect(rule('Koppelen van metingen')).toContain('alleen gekoppeld als een onderzoeker die koppeling heeft bevestigd');
    expect(rule('Koppelen van metingen')).toContain('Zolang een mogelijke koppeling op een besluit wacht, tellen die twee respondenten in geen enkele vergelijking mee');
    expect(rule('Vergelijking van metingen')).toContain('de t-toets voor gedeeltelijk overlappende steekproeven van Derrick, Russ, Toher & White (2017), in de vorm voor ongelijke varianties');
    expect(rule('Vergelijking van metingen')).toContain('alleen de gekoppelden (gepaarde t-toets en Wilcoxon-rangtekentoets)');
    expect(rule('Vergelijking van metingen')).toContain('(Welch t-toets en Mann-Whitney-toets)');
    expect(rule('Rangtoetsen en gelijke waarden')).toContain('afgerond op 10 significante cijfers en dan gerangschikt, zoals R doet met digits.rank = 10');
    expect(rule('Betrouwbaarheid (Cronbachs alfa)')).toContain('raw_alpha van psych::alpha in R, over de respondenten die alle items van de schaal beantwoordden (volledige gevallen');
    expect(rule('Betrouwbaarheid (Cronbachs alfa)')).toContain('Items zonder variatie (iedereen hetzelfde antwoord) worden eerst weggelaten');
    expect(rule('Omgekeerd gescoorde vragen')).toContain('Scores zijn na omkeren');
    expect(rule('Omgekeerd gescoorde vragen')).toContain('de verdeling van de antwoorden en aandeel_eens zijn van de ruwe antwoorden');
  });

  it('describes an item: text, instrument and versions, subscale, codes, not-scored and missing codes, reverse keying, wide names', () => {
    expect(row('a_04')).toMatchObject({
      variabele: 'a_04',
      label: 'Label a_04',
      vraagtekst: 'Vraag a_04',
      vragenlijst: 'Lijst test-a',
      versie: '1, 2',
      schaal: 'a_sc (Samen)',
      type: 'Schaalvraag (antwoordschaal eens5)',
      meetniveau: 'ordinaal',
      codes_en_labels: '1 = optie 1; 2 = optie 2; 3 = optie 3; 4 = optie 4; 5 = optie 5; 9 = Weet niet',
      niet_gescoord: '9 = Weet niet',
      omgekeerd: 'ja',
      in_data_breed: 'a_04_t0, a_04_t1',
    });
    expect(row('a_04').ontbrekend).toContain('9 = niet gescoord');
    expect(row('a_01').omgekeerd).toBe('nee');
    expect(row('a_05')).toMatchObject({ versie: '2', in_data_breed: 'a_05_t1' });
    expect(row('a_cijfer')).toMatchObject({ codes_en_labels: '1–10', meetniveau: 'interval/ratio' });
  });

  it('describes the times: local time, and the same moment in ISO 8601 with its UTC offset', () => {
    expect(row('gestart')).toMatchObject({ type: 'Datum en tijd', meetniveau: 'interval/ratio' });
    expect(row('gestart').berekening).toBe(
      'Lokale tijd van de computer die exporteerde, als echte datum en tijd (Excel kent geen tijdzones). Bij de overgang naar wintertijd komt 02:00–03:00 twee keer voor; gestart_iso wijst het moment eenduidig aan.',
    );
    expect(row('voltooid_iso')).toMatchObject({ type: 'Tekst: datum en tijd in ISO 8601 met afwijking van UTC', label: 'Afgerond op, ISO 8601 met afwijking van UTC (eenduidig)' });
    expect(row('voltooid_iso').berekening).toContain('Hetzelfde moment als voltooid, als tekst in ISO 8601');
    // The text holds the stored moment: parsed back it is the same instant, whatever the local zone.
    expect(Date.parse(column(data.long, 'gestart_iso')[0] as string)).toBe(Date.parse('2026-03-01T09:00:00.000Z'));
    expect(column(data.long, 'gestart_iso')[0]).toMatch(/^2026-03-01T\d{2}:00:00[+-]\d{2}:\d{2}$/);
    expect(column(data.long, 'voltooid_iso')[1]).toBeNull();
  });

  it('says how a score is computed, reverse keying included', () => {
    const score = row('a_sc');
    expect(score.berekening).toContain('a_01, a_02, a_03, a_04');
    expect(score.berekening).toContain('75% (3 van 4)');
    expect(score.berekening).toContain('a_04 is omgekeerd gescoord (6 − code)');
    expect(row('a_sc_prorated').codes_en_labels).toBe('0 = Alle items beantwoord; 1 = Score over een deel van de items');
  });
});

describe('the codebook of renamed variables', () => {
  // test-c reuses test-a's item id a_01 (exported as a_01_2) and calls its subscale a_02, an item
  // id of test-a (so its score is exported as a_02_2); c_02 is reverse-keyed.
  const c1 = instrument('test-c', 1, [scale('a_01'), scale('c_02', true)], [{ id: 'a_02', label: t('Samen C'), items: ['a_01', 'c_02'], minAnsweredShare: 0.5 }]);
  const renamed: ExportSource = {
    networks: [{ id: 'N1', name: 'Dementie Oost', minGroupSize: 5 }],
    waves: [{ id: 'w10', networkId: 'N1', label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: 'test-a', version: 1 }, { instrumentId: 'test-c', version: 1 }] }],
    instrumentIds: ['test-a', 'test-c'],
    definition: (ref) => (ref.instrumentId === 'test-c' ? c1 : defs.get(`${ref.instrumentId}@${ref.version}`)!),
    responses: [response('N1', 'w10', 'R-001', { 'test-a': { a_01: 4 }, 'test-c': { a_01: 2, c_02: 1 } })],
  };
  const data = buildDataset(renamed, { language: 'nl', values: 'codes', includeOpenAnswers: false });
  const entry = (variable: string) => data.codebook.find((e) => e.variable === variable)!;

  it('names the exported variables in derivations, not the item and scale ids they were renamed from', () => {
    expect(data.long.columns.map((c) => c.name).slice(11)).toEqual(['a_01', 'a_02', 'a_03', 'a_04', 'a_cijfer', 'a_01_2', 'c_02']);
    expect(data.scoreColumns.map((c) => c.name)).toEqual(['a_sc', 'a_sc_n', 'a_sc_prorated', 'a_02_2', 'a_02_n', 'a_02_prorated']);
    expect(entry('a_02_2').derivation).toBe(
      'Gemiddelde van de gescoorde antwoorden op a_01_2, c_02; alleen als ten minste 50% (1 van 2) beantwoord is, anders leeg. Niet-gescoorde codes en lege antwoorden tellen niet mee. c_02 is omgekeerd gescoord (6 − code).',
    );
    expect(entry('a_02_2').subscale).toBe('a_02_2 (Samen C)');
    expect(entry('a_02_n').derivation).toBe('Aantal gescoorde antwoorden op de items van a_02_2.');
    expect(entry('a_02_prorated').derivation).toContain('de score a_02_2 ');
    // The item rows name the score they belong to by its exported name too; test-a's own a_02 is untouched.
    expect(entry('a_01_2').subscale).toBe('a_02_2 (Samen C)');
    expect(entry('a_02').subscale).toBe('a_sc (Samen)');
    expect(entry('a_sc').derivation).toContain('op a_01, a_02, a_03, a_04;');
    // R-001 in test-c: a_01 = 2, c_02 = 1 reversed to 5 → (2 + 5) / 2 = 3.5.
    expect(data.scoreRows[0]!.slice(3)).toEqual([3.5, 2, 0]);
  });
});
