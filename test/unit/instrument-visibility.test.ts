import { describe, expect, it } from 'vitest';
import { instrumentDefinition } from '../../shared/instruments/schema';
import {
  answersOfShownItems,
  multipleChoiceCodes,
  multipleChoiceText,
  shownItemIds,
  unansweredRequiredItems,
  type GivenAnswers,
} from '../../shared/instruments/visibility';
import { scoreAllSubscales } from '../../shared/scoring';
import { structuredInstrument } from '../support/structured-instrument';

const def = instrumentDefinition.parse(structuredInstrument());
const given = (entries: [string, number | number[] | string][]): GivenAnswers => new Map(entries);

describe('required items, conditional display and multiple choice', () => {
  it('shows the follow-up question only for the answer it hangs on', () => {
    expect(shownItemIds(def, given([]))).toEqual(new Set(['co_rol', 'co_kanalen', 'co_01', 'co_02']));
    expect(shownItemIds(def, given([['co_rol', 3]])).has('co_rol_anders')).toBe(true);
    expect(shownItemIds(def, given([['co_rol', 2]])).has('co_rol_anders')).toBe(false);
    // A multiple-choice condition holds when the option is among the ticked ones.
    expect(shownItemIds(def, given([['co_kanalen', [1, 4]]])).has('co_app')).toBe(true);
    expect(shownItemIds(def, given([['co_kanalen', [1, 2]]])).has('co_app')).toBe(false);
  });

  it('hides an item whose condition item is hidden, whatever that item holds', () => {
    const chained = instrumentDefinition.parse({
      ...structuredInstrument(),
      items: structuredInstrument().items.map((it) => (it.id === 'co_01' ? { ...it, showWhen: { item: 'co_app', anyOf: [4, 5] } } : it)),
    });
    expect(shownItemIds(chained, given([['co_kanalen', [4]], ['co_app', 5]])).has('co_01')).toBe(true);
    // The app question is hidden once the app is unticked; its stored 5 no longer opens co_01.
    expect(shownItemIds(chained, given([['co_kanalen', [1]], ['co_app', 5]])).has('co_01')).toBe(false);
  });

  it('lists the shown required items without an answer, in order', () => {
    expect(unansweredRequiredItems(def, given([])).map((it) => it.id)).toEqual(['co_rol', 'co_kanalen', 'co_01', 'co_02']);
    const answers = given([['co_rol', 1], ['co_kanalen', [4]], ['co_01', 4]]);
    expect(unansweredRequiredItems(def, answers).map((it) => it.id)).toEqual(['co_app', 'co_02']);
    expect(unansweredRequiredItems(def, given([['co_rol', 1], ['co_kanalen', []], ['co_01', 4], ['co_02', 9]])).map((it) => it.id)).toEqual(['co_kanalen']);
  });

  it('leaves the answer of a hidden item out of the subscale score', () => {
    const stored = new Map([['co_app', 1], ['co_01', 4], ['co_02', 5]]);
    const hidden = answersOfShownItems(def, stored, given([['co_kanalen', [1]], ...[...stored]]));
    // Shown: (1 + 4 + 5) / 3 = 3.333…; hidden: (4 + 5) / 2 = 4.5.
    expect(scoreAllSubscales(def, stored)[0]!.score).toBeCloseTo(10 / 3, 12);
    expect(scoreAllSubscales(def, hidden)[0]!.score).toBe(4.5);
  });

  it('stores ticked options as ascending codes and reads back only that form', () => {
    expect(multipleChoiceText([4, 1, 4, 2])).toBe('1,2,4');
    expect(multipleChoiceCodes('1,2,4')).toEqual([1, 2, 4]);
    expect(multipleChoiceCodes('-1,9')).toEqual([-1, 9]);
    for (const bad of ['', '4,1', '1,1', '1;2', '1, 2', '=1', 'a', '1234']) expect(multipleChoiceCodes(bad)).toBeNull();
  });
});

describe('the schema refuses conditions that cannot work', () => {
  const withItems = (change: (items: ReturnType<typeof structuredInstrument>['items']) => unknown[]) =>
    instrumentDefinition.safeParse({ ...structuredInstrument(), items: change(structuredInstrument().items) });
  const messages = (result: ReturnType<typeof withItems>) => (result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));

  it('accepts the fixture', () => expect(messages(withItems((items) => items))).toEqual([]));

  it('refuses an unknown item, an open question as condition and a code the item does not have', () => {
    const result = withItems((items) =>
      items.map((it) => {
        if (it.id === 'co_01') return { ...it, showWhen: { item: 'co_bestaat_niet', anyOf: [1] } };
        if (it.id === 'co_02') return { ...it, showWhen: { item: 'co_rol_anders', anyOf: [1] } };
        if (it.id === 'co_app') return { ...it, showWhen: { item: 'co_kanalen', anyOf: [4, 7] } };
        return it;
      }),
    );
    expect(messages(result)).toEqual([
      'items.3.showWhen: Vraag co_app wordt getoond bij antwoord 7 op vraag co_kanalen, maar dat antwoord bestaat daar niet',
      'items.4.showWhen: Vraag co_01 wordt getoond op grond van vraag co_bestaat_niet, maar die vraag bestaat niet',
      'items.5.showWhen: Vraag co_02 wordt getoond op grond van vraag co_rol_anders, maar dat is geen vraag met antwoordcodes',
    ]);
  });

  it('refuses a cycle, naming it for every item in it', () => {
    const result = withItems((items) =>
      items.map((it) => {
        if (it.id === 'co_01') return { ...it, showWhen: { item: 'co_02', anyOf: [5] } };
        if (it.id === 'co_02') return { ...it, showWhen: { item: 'co_01', anyOf: [5] } };
        return it;
      }),
    );
    expect(messages(result)).toEqual([
      'items.4.showWhen: Vraag co_01 hangt via de toon-voorwaarden van zichzelf af (co_01 → co_02 → co_01); zo wordt ze nooit getoond',
      'items.5.showWhen: Vraag co_02 hangt via de toon-voorwaarden van zichzelf af (co_02 → co_01 → co_02); zo wordt ze nooit getoond',
    ]);
    const self = withItems((items) => items.map((it) => (it.id === 'co_01' ? { ...it, showWhen: { item: 'co_01', anyOf: [5] } } : it)));
    expect(messages(self)).toEqual(['items.4.showWhen: Vraag co_01 hangt via de toon-voorwaarden van zichzelf af (co_01 → co_01); zo wordt ze nooit getoond']);
  });
});
