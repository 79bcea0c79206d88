import { describe, expect, it } from 'vitest';
import { instrumentDefinition } from '../../shared/instruments';
import { itemScore, scoreSubscale } from '../../shared/scoring';
import { scaleStats } from '../../shared/statistics';

// A four-item subscale on a 1–5 scale with "weet niet" = 9, one item reverse-keyed.
const def = instrumentDefinition.parse({
  id: 'score-test',
  version: 1,
  name: { nl: 'T', en: 'T' },
  description: { nl: 'd', en: 'd' },
  attribution: { nl: 'a', en: 'a' },
  licence: { nl: 'l', en: 'l' },
  scales: [
    {
      id: 's5',
      options: [1, 2, 3, 4, 5].map((code) => ({ code, label: { nl: String(code), en: String(code) } })),
      notScored: [{ code: 9, label: { nl: 'Weet niet', en: "Don't know" } }],
    },
  ],
  items: ['a', 'b', 'c', 'd'].map((x) => ({
    id: `q_${x}`,
    type: 'scale',
    text: { nl: x, en: x },
    label: { nl: x, en: x },
    scale: 's5',
    reverse: x === 'd',
  })),
  subscales: [{ id: 'sub', label: { nl: 'S', en: 'S' }, items: ['q_a', 'q_b', 'q_c', 'q_d'] }],
  sections: [{ id: 'sec', title: { nl: 'S', en: 'S' }, items: ['q_a', 'q_b', 'q_c', 'q_d'] }],
});
const sub = def.subscales[0]!;
const answers = (o: Record<string, number>) => new Map(Object.entries(o));

describe('item scores', () => {
  it('mirrors reverse-keyed items on the scored range: 1↔5, 2↔4, 3 stays', () => {
    expect([1, 2, 3, 4, 5].map((c) => itemScore(def, 'q_d', c))).toEqual([5, 4, 3, 2, 1]);
    expect(itemScore(def, 'q_a', 2)).toBe(2);
  });
  it('does not score "weet niet", unknown codes or unanswered items', () => {
    expect(itemScore(def, 'q_a', 9)).toBeNull();
    expect(itemScore(def, 'q_a', 7)).toBeNull();
    expect(itemScore(def, 'q_a', undefined)).toBeNull();
  });
});

describe('subscale scores (mean of answered items when at least 75% answered)', () => {
  it('all four answered: (4 + 2 + 5 + (6−1)) / 4 = 4, not prorated', () => {
    expect(scoreSubscale(def, sub, answers({ q_a: 4, q_b: 2, q_c: 5, q_d: 1 }))).toEqual({ subscaleId: 'sub', score: 4, answered: 4, total: 4, prorated: false });
  });
  it('three of four answered (75%): (4 + 2 + 3) / 3 = 3, prorated', () => {
    expect(scoreSubscale(def, sub, answers({ q_a: 4, q_b: 2, q_c: 3, q_d: 9 }))).toMatchObject({ score: 3, answered: 3, prorated: true });
  });
  it('two of four answered (50%): no score', () => {
    expect(scoreSubscale(def, sub, answers({ q_a: 4, q_b: 2, q_c: 9 }))).toMatchObject({ score: null, answered: 2, prorated: false });
  });
  it('all "weet niet": no score and no NaN', () => {
    const s = scoreSubscale(def, sub, answers({ q_a: 9, q_b: 9, q_c: 9, q_d: 9 }));
    expect(s.score).toBeNull();
    expect(s.answered).toBe(0);
  });
});

describe('protected means (small-cell protection)', () => {
  it('shows the mean from the minimum group size on: (3 + 4 + 4 + 5 + 2) / 5 = 3.6', () => {
    const stats = scaleStats([3, 4, 4, 5, 2], 5);
    expect(stats).toMatchObject({ n: 5, suppressed: false });
    expect(stats.mean).toBeCloseTo(3.6, 12);
  });
  it('withholds the mean, SD and interval of a group below the minimum, but says how many', () => {
    expect(scaleStats([3, 4, 4, 5], 5)).toEqual({ n: 4, mean: null, sd: null, ciLow: null, ciHigh: null, suppressed: true });
  });
  it('reports an empty group as empty, not as suppressed', () => {
    expect(scaleStats([], 5)).toEqual({ n: 0, mean: null, sd: null, ciLow: null, ciHigh: null, suppressed: false });
  });
});
