import { describe, expect, it } from 'vitest';
import { builtInInstruments } from '../../shared/instruments';
import { MDO_MOMENT_CODES, mdoEvaluatie } from '../../shared/instruments/mdo-evaluatie';
import { shownItemIds, unansweredRequiredItems } from '../../shared/instruments/visibility';
import { scoreSubscale } from '../../shared/scoring';

const shown = (answers: Record<string, number>) => [...shownItemIds(mdoEvaluatie, new Map(Object.entries(answers)))];
const CORE = ['mdo_doel', 'mdo_wiewat', 'mdo_inbreng', 'mdo_afspraken', 'mdo_samen'];

describe('MDO-evaluatie', () => {
  it('is a built-in of 11 items: moment and role (required), five core statements, one statement per group, and a rating and an open question', () => {
    expect(builtInInstruments.filter((d) => d.id === 'mdo-evaluatie')).toEqual([mdoEvaluatie]);
    expect(mdoEvaluatie.items.map((i) => [i.id, i.type, i.required ?? false])).toEqual([
      ['mdo_moment', 'choice', true],
      ['mdo_rol', 'choice', true],
      ...CORE.map((id) => [id, 'scale', false]),
      ['mdo_wensen_prof', 'scale', false],
      ['mdo_wensen_naaste', 'scale', false],
      ['mdo_cijfer', 'number', false],
      ['mdo_beter', 'open', false],
    ]);
    expect(mdoEvaluatie.subscales.map((s) => [s.id, s.items])).toEqual([['mdo_kern', CORE]]);
    expect(MDO_MOMENT_CODES).toEqual({ before: 1, after: 2 });
  });

  it('shows a professional before the meeting the core and the professional statement, without the rating and the open question', () => {
    expect(shown({ mdo_moment: 1, mdo_rol: 1 })).toEqual(['mdo_moment', 'mdo_rol', ...CORE, 'mdo_wensen_prof']);
  });

  it('shows a family member after the meeting the core, the client-and-family statement, the rating and the open question', () => {
    expect(shown({ mdo_moment: 2, mdo_rol: 3 })).toEqual(['mdo_moment', 'mdo_rol', ...CORE, 'mdo_wensen_naaste', 'mdo_cijfer', 'mdo_beter']);
    // The client (2) and the informal carer (4) see the same.
    expect(shown({ mdo_moment: 2, mdo_rol: 2 })).toEqual(shown({ mdo_moment: 2, mdo_rol: 4 }));
  });

  it('needs moment and role, nothing else', () => {
    expect(unansweredRequiredItems(mdoEvaluatie, new Map()).map((i) => i.id)).toEqual(['mdo_moment', 'mdo_rol']);
    expect(unansweredRequiredItems(mdoEvaluatie, new Map([['mdo_moment', 1], ['mdo_rol', 1]]))).toEqual([]);
  });

  it('scores the core as the mean of at least three of the five statements answered ("weet ik niet" is no answer)', () => {
    const sub = mdoEvaluatie.subscales[0]!;
    // 4, 5, 3 answered, two "weet ik niet": (4 + 5 + 3) / 3 = 4.
    expect(scoreSubscale(mdoEvaluatie, sub, new Map([['mdo_doel', 4], ['mdo_wiewat', 5], ['mdo_inbreng', 3], ['mdo_afspraken', 9], ['mdo_samen', 9]])).score).toBe(4);
    // Two of five is too few.
    expect(scoreSubscale(mdoEvaluatie, sub, new Map([['mdo_doel', 4], ['mdo_wiewat', 5]])).score).toBeNull();
  });
});
