import { describe, expect, it } from 'vitest';
import { instrumentDefinition } from '../../shared/instruments/schema';
import { draftFromDefinition, draftReducer, emptyDraft, instrumentIdFrom, type Draft, type DraftAction } from '../../renderer/src/features/instrument-editor/draft';
import { writeDefinition } from '../../renderer/src/features/instrument-editor/definition';
import { draftProblems } from '../../renderer/src/features/instrument-editor/problems';
import { structuredInstrument } from '../support/structured-instrument';

/**
 * The instrument editor's state: a plain reducer. Expected values are written out by hand: the
 * derived names follow the variable-name rule (lowercase, accents dropped, other characters `_`,
 * `_2` for a second use), and problems come from the instrument schema itself.
 */

const run = (actions: DraftAction[], from: Draft = emptyDraft()) => actions.reduce(draftReducer, from);
const itemKeys = (d: Draft) => d.sections.map((s) => s.items.map((i) => i.key));
const itemIds = (d: Draft) => d.sections.map((s) => s.items.map((i) => i.id));
const keyOf = (d: Draft, id: string) => d.sections.flatMap((s) => s.items).find((i) => i.id === id)!.key;

/** A complete small questionnaire: two sections, three statements on the 5-point agreement scale and a yes/no question. */
function filled(): Draft {
  let d = run([
    { type: 'setMeta', field: 'name', lang: 'nl', value: 'Samenwerking in de wijk' },
    { type: 'setMeta', field: 'description', lang: 'nl', value: 'Korte vragenlijst.' },
    { type: 'setMeta', field: 'attribution', lang: 'nl', value: 'Eigen vragenlijst' },
    { type: 'setMeta', field: 'licence', lang: 'nl', value: 'Vrij te gebruiken' },
    { type: 'setSectionText', section: 's1', field: 'title', lang: 'nl', value: 'Over u' },
    { type: 'addItem', section: 's1', itemType: 'choice' },
    { type: 'addSection' },
  ]);
  const second = d.sections[1]!.key;
  d = run([{ type: 'setSectionText', section: second, field: 'title', lang: 'nl', value: 'Afstemming' }], d);
  const choice = d.sections[0]!.items[0]!.key;
  d = run(
    [
      { type: 'setItemText', item: choice, field: 'text', lang: 'nl', value: 'Werkt u in een team?' },
      { type: 'setItemText', item: choice, field: 'label', lang: 'nl', value: 'In team' },
      { type: 'pickScale', item: choice, choice: { library: 'janee' } },
    ],
    d,
  );
  for (const [text, label] of [
    ['Ik weet wie wat doet.', 'Weten wie wat doet'],
    ['We stemmen goed af.', 'Afstemmen'],
    ['Ik word gehoord.', 'Gehoord'],
  ] as const) {
    d = run([{ type: 'addItem', section: second, itemType: 'scale' }], d);
    const key = d.sections[1]!.items.at(-1)!.key;
    d = run(
      [
        { type: 'setItemText', item: key, field: 'text', lang: 'nl', value: text },
        { type: 'setItemText', item: key, field: 'label', lang: 'nl', value: label },
      ],
      d,
    );
    if (d.sections[1]!.items.length === 1) d = run([{ type: 'pickScale', item: key, choice: { library: 'eens5' } }], d);
  }
  return d;
}

describe('deriving names', () => {
  it('derives the instrument id from the Dutch name until the id is typed', () => {
    expect(instrumentIdFrom('Samenwerking rond de cliënt (2027)')).toBe('samenwerking-rond-de-client-2027');
    expect(instrumentIdFrom('2027 meting')).toBe('v-2027-meting');
    let d = run([{ type: 'setMeta', field: 'name', lang: 'nl', value: 'Teamklimaat' }]);
    expect(d.id).toBe('teamklimaat');
    d = run([{ type: 'setId', value: 'team-klimaat' }, { type: 'setMeta', field: 'name', lang: 'nl', value: 'Teamklimaat wijk' }], d);
    expect(d.id).toBe('team-klimaat');
    // Emptying the id goes back to deriving it.
    expect(run([{ type: 'setId', value: '' }], d).id).toBe('teamklimaat-wijk');
  });

  it('derives a variable name from the short label, unique among the questions', () => {
    const d = filled();
    expect(itemIds(d)).toEqual([['in_team'], ['weten_wie_wat_doet', 'afstemmen', 'gehoord']]);
    const again = run([{ type: 'addItem', section: d.sections[1]!.key, itemType: 'open' }], d);
    const key = again.sections[1]!.items.at(-1)!.key;
    expect(run([{ type: 'setItemText', item: key, field: 'label', lang: 'nl', value: 'Afstemmen' }], again).sections[1]!.items.at(-1)!.id).toBe('afstemmen_2');
  });

  it('renaming a question renames the condition and the subscale that name it', () => {
    let d = filled();
    const team = keyOf(d, 'in_team');
    const heard = keyOf(d, 'gehoord');
    d = run(
      [
        { type: 'setShowWhen', item: heard, on: 'in_team' },
        { type: 'toggleShowWhenCode', item: heard, code: 1, on: true },
        { type: 'addSubscale' },
      ],
      d,
    );
    const sub = d.subscales[0]!.key;
    d = run(
      [
        { type: 'toggleSubscaleItem', subscale: sub, item: 'gehoord', on: true },
        { type: 'setItemId', item: team, value: 'wijk_team' },
        { type: 'setItemId', item: heard, value: 'wijk_gehoord' },
        // A label typed after the name was set leaves the name alone.
        { type: 'setItemText', item: heard, field: 'label', lang: 'nl', value: 'Gehoord worden' },
      ],
      d,
    );
    const heardItem = d.sections[1]!.items[2]!;
    expect(heardItem.id).toBe('wijk_gehoord');
    expect(heardItem.showWhen).toEqual({ item: 'wijk_team', anyOf: [1] });
    expect(d.subscales[0]!.items).toEqual(['wijk_gehoord']);
  });
});

describe('adding and moving', () => {
  it('adds items where asked; a new statement starts on the scale of the last statement', () => {
    const d = filled();
    expect(d.sections[1]!.items.map((i) => [i.type, i.scale])).toEqual([
      ['scale', 'eens5'],
      ['scale', 'eens5'],
      ['scale', 'eens5'],
    ]);
    // The library scale is copied into the draft once, with both languages while editing.
    expect(d.scales.map((s) => [s.id, s.library, s.options.length, s.notScored.length])).toEqual([
      ['janee', 'janee', 2, 0],
      ['eens5', 'eens5', 5, 1],
    ]);
    expect(d.scales[1]!.notScored[0]).toEqual({ code: 9, label: { nl: 'Weet niet / n.v.t.', en: 'Don\u2019t know / not applicable' } });
  });

  it('moves an item up and down within its section and over the edge into the next section', () => {
    const d = filled();
    const [[a], [b, c, e]] = itemKeys(d) as [[string], [string, string, string]];
    expect(itemKeys(run([{ type: 'moveItem', item: e, by: -1 }], d))).toEqual([[a], [b, e, c]]);
    expect(itemKeys(run([{ type: 'moveItem', item: b, by: -1 }], d))).toEqual([[a, b], [c, e]]);
    expect(itemKeys(run([{ type: 'moveItem', item: a, by: 1 }], d))).toEqual([[], [a, b, c, e]]);
    // At the very start or end nothing moves.
    expect(itemKeys(run([{ type: 'moveItem', item: a, by: -1 }], d))).toEqual([[a], [b, c, e]]);
    expect(itemKeys(run([{ type: 'moveItem', item: e, by: 1 }], d))).toEqual([[a], [b, c, e]]);
  });

  it('moves sections, and removing one drops its statements from the subscales', () => {
    let d = run([{ type: 'addSubscale' }], filled());
    const sub = d.subscales[0]!.key;
    d = run(
      [
        { type: 'toggleSubscaleItem', subscale: sub, item: 'afstemmen', on: true },
        { type: 'toggleSubscaleItem', subscale: sub, item: 'gehoord', on: true },
      ],
      d,
    );
    const [first, second] = d.sections.map((s) => s.key) as [string, string];
    expect(run([{ type: 'moveSection', section: second, by: -1 }], d).sections.map((s) => s.key)).toEqual([second, first]);
    const removed = run([{ type: 'removeSection', section: second }], d);
    expect(removed.sections.map((s) => s.key)).toEqual([first]);
    expect(removed.subscales[0]!.items).toEqual([]);
  });
});

describe('the written definition and its problems', () => {
  it('a complete draft passes the schema, Dutch only, with only the used scales and the subscale in questionnaire order', () => {
    let d = run([{ type: 'addSubscale' }], filled());
    const sub = d.subscales[0]!.key;
    d = run(
      [
        { type: 'setSubscaleLabel', subscale: sub, lang: 'nl', value: 'Afstemming' },
        { type: 'toggleSubscaleItem', subscale: sub, item: 'gehoord', on: true },
        { type: 'toggleSubscaleItem', subscale: sub, item: 'weten_wie_wat_doet', on: true },
        { type: 'setItemFlag', item: keyOf(d, 'gehoord'), field: 'reverse', value: true },
        // A scale picked and then replaced is not written out.
        { type: 'pickScale', item: keyOf(d, 'afstemmen'), choice: { library: 'eens7' } },
        { type: 'pickScale', item: keyOf(d, 'afstemmen'), choice: { existing: 'eens5' } },
      ],
      d,
    );
    expect(draftProblems(d)).toEqual([]);
    const def = writeDefinition(d).definition;
    expect(def.scales.map((s) => s.id)).toEqual(['janee', 'eens5']);
    expect(def.scales[0]).toEqual({ id: 'janee', options: [{ code: 1, label: { nl: 'Ja' } }, { code: 0, label: { nl: 'Nee' } }], notScored: [] });
    expect(def.subscales).toEqual([{ id: 'afstemming', label: { nl: 'Afstemming' }, items: ['weten_wie_wat_doet', 'gehoord'], minAnsweredShare: 0.75 }]);
    expect(def.sections).toEqual([
      { id: 'over_u', title: { nl: 'Over u' }, items: ['in_team'] },
      { id: 'afstemming', title: { nl: 'Afstemming' }, items: ['weten_wie_wat_doet', 'afstemmen', 'gehoord'] },
    ]);
    expect(JSON.stringify(def)).not.toContain('"en"');
  });

  it('a condition on a question that was removed shows a problem beside the condition', () => {
    let d = filled();
    const heard = keyOf(d, 'gehoord');
    d = run(
      [
        { type: 'setShowWhen', item: heard, on: 'in_team' },
        { type: 'toggleShowWhenCode', item: heard, code: 1, on: true },
      ],
      d,
    );
    expect(draftProblems(d)).toEqual([]);
    d = run([{ type: 'removeItem', item: keyOf(d, 'in_team') }], d);
    expect(draftProblems(d)).toEqual([
      // The first section is now empty.
      { field: 'section/s1/items', rule: 'sectionEmpty', message: expect.any(String) },
      { field: `item/${heard}/showWhen`, rule: 'schema', message: 'Vraag gehoord wordt getoond op grond van vraag in_team, maar die vraag bestaat niet' },
    ]);
  });

  it('places the problems of an empty questionnaire at their fields', () => {
    const problems = draftProblems(emptyDraft());
    expect(problems.map((p) => [p.field, p.rule])).toEqual([
      ['id', 'instrumentIdRule'],
      ['name.nl', 'empty'],
      ['description.nl', 'empty'],
      ['attribution.nl', 'empty'],
      ['licence.nl', 'empty'],
      ['items', 'noItems'],
      ['section/s1/title.nl', 'empty'],
      ['section/s1/items', 'sectionEmpty'],
    ]);
  });

  it('in a bilingual questionnaire an empty English text is a problem at that English field', () => {
    const d = run([{ type: 'setBilingual', bilingual: true }], filled());
    const problems = draftProblems(d);
    expect(problems.filter((p) => p.field === 'name.en')).toEqual([{ field: 'name.en', rule: 'empty', message: expect.any(String) }]);
    expect(problems.some((p) => p.field === `item/${keyOf(d, 'gehoord')}/label.en`)).toBe(true);
    // The library scales carry their English: no problem there.
    expect(problems.filter((p) => p.field.startsWith('scale/'))).toEqual([]);
  });

  it('an own list with an empty option, a number question with min above max, two questions with one name', () => {
    let d = filled();
    const team = keyOf(d, 'in_team');
    d = run([{ type: 'pickScale', item: team, choice: { own: true } }, { type: 'setOptionLabel', scale: 'lijst_1', code: 1, lang: 'nl', value: 'Ja, vast' }], d);
    d = run([{ type: 'addItem', section: d.sections[0]!.key, itemType: 'number' }], d);
    const num = d.sections[0]!.items.at(-1)!.key;
    d = run(
      [
        { type: 'setItemText', item: num, field: 'text', lang: 'nl', value: 'Hoeveel jaar werkt u hier?' },
        { type: 'setItemText', item: num, field: 'label', lang: 'nl', value: 'Jaren' },
        { type: 'setItemNumber', item: num, field: 'min', value: '50' },
        { type: 'setItemNumber', item: num, field: 'max', value: '5' },
        { type: 'setItemId', item: keyOf(d, 'afstemmen'), value: 'gehoord' },
      ],
      d,
    );
    expect(draftProblems(d).map((p) => [p.field, p.rule])).toEqual([
      ['scale/lijst_1/option.2.label.nl', 'empty'],
      // Both questions named gehoord, and nothing about the sections they are in.
      [`item/${d.sections[1]!.items[1]!.key}/id`, 'duplicateName'],
      [`item/${d.sections[1]!.items[2]!.key}/id`, 'duplicateName'],
      [`item/${num}/max`, 'schema'],
    ]);
  });

  it('a statement without a scale has one problem at its scale, not also "unknown scale"', () => {
    const d = run([
      { type: 'setSectionText', section: 's1', field: 'title', lang: 'nl', value: 'Over u' },
      { type: 'addItem', section: 's1', itemType: 'scale' },
    ]);
    const key = d.sections[0]!.items[0]!.key;
    expect(d.sections[0]!.items[0]!.scale).toBe('');
    expect(draftProblems(d).filter((p) => p.field === `item/${key}/scale`)).toEqual([{ field: `item/${key}/scale`, rule: 'pickScale', message: expect.any(String) }]);
  });
});

describe('loading a stored definition', () => {
  it('gives back the same definition when nothing is changed', () => {
    const def = instrumentDefinition.parse(structuredInstrument());
    const d = draftFromDefinition(def);
    expect(instrumentDefinition.parse(writeDefinition(d).definition)).toEqual(def);
    // Loaded names are kept: a changed label does not rename a variable of an existing instrument.
    expect(run([{ type: 'setItemText', item: keyOf(d, 'co_01'), field: 'label', lang: 'nl', value: 'Taken' }], d).sections[1]!.items[2]!.id).toBe('co_01');
  });

  it('a copy starts at version 1 with "Kopie van" before the name and an id derived from it', () => {
    const def = instrumentDefinition.parse(structuredInstrument());
    const copy = draftFromDefinition(def, { namePrefix: { nl: 'Kopie van', en: 'Copy of' } });
    expect([copy.id, copy.version, copy.name.nl, copy.idEdited]).toEqual(['kopie-van-samenwerking-rond-de-client', 1, 'Kopie van Samenwerking rond de cliënt', false]);
  });
});
