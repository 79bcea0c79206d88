import { describe, expect, it } from 'vitest';
import { missingRequiredQuestions } from '../../shared/instruments/given-answers';
import { partnernetwerk } from '../../shared/instruments/partnernetwerk';
import { relationItemAnswered, type RelationAnswerOf } from '../../shared/instruments/relations';
import type { InstrumentDefinition, RelationItem } from '../../shared/instruments/schema';

/**
 * When a relation item counts as answered (shared/instruments/relations.ts), and a required one in
 * the required-question rules the screens and the main process share. Partners A and B; frequency
 * 1 is "nooit", 4 "wekelijks", 9 "ken ik niet". Expected values by hand.
 */

const required: InstrumentDefinition = { ...partnernetwerk, items: partnernetwerk.items.map((item) => ({ ...item, required: true })) };
const item = (id: string) => required.items.find((i) => i.id === id) as RelationItem;
const answer = (itemId: string, organisationId: string, value: number | null): RelationAnswerOf => ({ instrumentId: required.id, itemId, organisationId, value });

describe('a relation item answered', () => {
  it('needs a frequency about every partner, and trust only about those worked with', () => {
    const some = [answer('pa_frequentie', 'A', 4), answer('pa_frequentie', 'B', 9)];
    expect(relationItemAnswered(required, item('pa_frequentie'), ['A', 'B'], some)).toBe(true);
    expect(relationItemAnswered(required, item('pa_frequentie'), ['A', 'B', 'C'], some)).toBe(false);
    expect(relationItemAnswered(required, item('pa_vertrouwen'), ['A', 'B'], some)).toBe(false);
    expect(relationItemAnswered(required, item('pa_vertrouwen'), ['A', 'B'], [...some, answer('pa_vertrouwen', 'A', 2)])).toBe(true);
    // A cleared answer is no answer; an answer of another instrument does not count.
    expect(relationItemAnswered(required, item('pa_frequentie'), ['A'], [answer('pa_frequentie', 'A', null)])).toBe(false);
    expect(relationItemAnswered(required, item('pa_frequentie'), ['A'], [{ ...answer('pa_frequentie', 'A', 4), instrumentId: 'ander' }])).toBe(false);
    // Asked about nobody: answered.
    expect(relationItemAnswered(required, item('pa_waarde'), [], [])).toBe(true);
  });

  it('is checked among the required questions only when a check is given', () => {
    const relations = [answer('pa_frequentie', 'A', 4)];
    const check = (definition: InstrumentDefinition, relation: RelationItem) => relationItemAnswered(definition, relation, ['A'], relations);
    expect(missingRequiredQuestions([required], [], check).map((q) => q.number)).toEqual([2, 3]);
    expect(missingRequiredQuestions([required], []).map((q) => q.number)).toEqual([]);
  });
});
