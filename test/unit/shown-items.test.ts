import { describe, expect, it } from 'vitest';
import { hiddenItemIds, tickedCodes, visibilityPlan } from '../../shared/instruments/shown-items';
import { instrumentDefinition } from '../../shared/instruments/schema';
import { compileInstrument, itemScores, subscaleScore } from '../../shared/score-table';
import { scoreSubscale } from '../../shared/scoring';
import { structuredInstrument } from '../support/structured-instrument';

/**
 * Hidden items for code that reads many responses: the plan of the structured fixture, chains of
 * conditions, and the compiled scoring agreeing with shared/scoring on hidden items. Expected values
 * by hand in the comments.
 */

const def = instrumentDefinition.parse(structuredInstrument());
// co_01 shown only when co_app is 4 or 5: a chain co_kanalen → co_app → co_01.
const chained = instrumentDefinition.parse({
  ...structuredInstrument(),
  items: structuredInstrument().items.map((it) => (it.id === 'co_01' ? { ...it, showWhen: { item: 'co_app', anyOf: [4, 5] } } : it)),
});

describe('the visibility plan', () => {
  it('names the items that may be hidden and what decides it; none for an instrument without conditions', () => {
    const plan = visibilityPlan(def)!;
    expect(plan.conditional.map((it) => it.id)).toEqual(['co_rol_anders', 'co_app']);
    expect([...plan.conditionIds].sort()).toEqual(['co_kanalen', 'co_rol']);
    expect([...plan.multipleConditionIds]).toEqual(['co_kanalen']);
    expect(visibilityPlan({ items: def.items.map(({ showWhen: _showWhen, ...it }) => it) as typeof def.items })).toBeNull();
  });

  it('finds the hidden items from stored answers: codes, and ticked codes as stored text or as a list', () => {
    const plan = visibilityPlan(def)!;
    const stored = (answers: Record<string, number | string>) => (id: string) => answers[id];
    expect(hiddenItemIds(plan, stored({ co_rol: 3, co_kanalen: '1,4' }))).toEqual([]);
    expect(hiddenItemIds(plan, stored({ co_rol: 1, co_kanalen: '1,2' }))).toEqual(['co_rol_anders', 'co_app']);
    expect(hiddenItemIds(plan, (id) => (id === 'co_kanalen' ? [4] : undefined))).toEqual(['co_rol_anders']);
    // Text that is not a list of codes ticks nothing.
    expect(hiddenItemIds(plan, stored({ co_rol: 3, co_kanalen: '4,1' }))).toEqual(['co_app']);
  });

  it('hides an item whose condition item is hidden, whatever that item holds', () => {
    const plan = visibilityPlan(chained)!;
    expect(plan.chain.items.map((it) => it.id)).toEqual(['co_rol', 'co_rol_anders', 'co_kanalen', 'co_app', 'co_01']);
    // App ticked and co_app 5: co_01 shown. App unticked: co_app hidden, so its stored 5 opens nothing.
    expect(hiddenItemIds(plan, (id) => ({ co_rol: 1, co_kanalen: '4', co_app: 5 })[id])).toEqual(['co_rol_anders']);
    expect(hiddenItemIds(plan, (id) => ({ co_rol: 1, co_kanalen: '1', co_app: 5 })[id])).toEqual(['co_rol_anders', 'co_app', 'co_01']);
  });

  it('reads ticked codes only from the stored form, and nothing from an empty one', () => {
    expect(tickedCodes('1,3')).toEqual([1, 3]);
    expect(tickedCodes('-1')).toEqual([-1]);
    expect(tickedCodes('')).toBeNull();
    expect(tickedCodes(undefined)).toBeNull();
    expect(tickedCodes('3,1')).toBeNull();
  });
});

describe('scoring with hidden items', () => {
  const subscale = def.subscales[0]!;
  const compiled = compileInstrument(def);
  const sub = compiled.subscales[0]!;
  /** The compiled score from stored codes, with co_app (and nothing else) hidden when asked. */
  const compiledScore = (answers: Record<string, number>, appHidden: boolean) => {
    const codes = compiled.items.map((it) => (appHidden && it.id === 'co_app' ? Number.NaN : (answers[it.id] ?? Number.NaN)));
    const hidden = appHidden ? Uint8Array.from(compiled.items, (it) => (it.id === 'co_app' ? 1 : 0)) : null;
    return subscaleScore(sub, itemScores(compiled, codes), hidden);
  };

  it('counts the answered share of the shown items only, in both scoring paths', () => {
    // co_app hidden, co_01 4, co_02 "weet niet": 1 of the 2 shown items ≥ 50%, score 4; prorated for the "weet niet", not for the hidden item.
    const answers = { co_app: 2, co_01: 4, co_02: 9 };
    expect(scoreSubscale(def, subscale, new Map(Object.entries(answers)), new Set(['co_app']))).toEqual({ subscaleId: 'co_afstemming', score: 4, answered: 1, total: 2, prorated: true });
    expect(compiledScore(answers, true)).toBe(4);
    // Shown, the same stored answers: 2 and 4 scored, (2 + 4) / 2 = 3, 2 of 3.
    expect(scoreSubscale(def, subscale, new Map(Object.entries(answers))).score).toBe(3);
    expect(compiledScore(answers, false)).toBe(3);
    // co_app hidden, co_01 and co_02 "weet niet": nothing scored, no score.
    expect(compiledScore({ co_01: 9, co_02: 9 }, true)).toBeNull();
  });
});
