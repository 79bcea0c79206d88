import { describe, expect, it } from 'vitest';
import { GENERAL_PROMPTS, pickConversationPoints, promptFor, THEME_PROMPTS, type IndicatorSummary } from '../../shared/conversation';
import { builtInInstruments } from '../../shared/instruments';

const indicator = (o: Partial<IndicatorSummary> & { itemId: string }): IndicatorSummary => ({
  label: { nl: o.itemId, en: o.itemId },
  subscaleId: null,
  mean: 3,
  range: [1, 5],
  n: 10,
  declined: 0,
  seen: 10,
  ...o,
});

describe('conversation prompts', () => {
  it('has a low-score and a declined prompt, in Dutch and English, for every scored subscale of the built-ins', () => {
    for (const def of builtInInstruments) {
      for (const sub of def.subscales) {
        const prompts = THEME_PROMPTS[sub.id];
        expect(prompts, sub.id).toBeDefined();
        for (const text of [prompts!.low, prompts!.declined]) {
          expect(text.nl.length).toBeGreaterThan(40);
          expect(text.en.length).toBeGreaterThan(40);
        }
      }
    }
  });

  it('falls back to the general prompts for imported instruments', () => {
    expect(promptFor('tk_team', 'lowest')).toBe(GENERAL_PROMPTS.low);
    expect(promptFor(null, 'declined')).toBe(GENERAL_PROMPTS.declined);
    expect(promptFor('ks_per', 'lowest')).toBe(THEME_PROMPTS.ks_per!.low);
  });
});

describe('pickConversationPoints', () => {
  it('picks the three lowest by position on their own scale, and the three most declined', () => {
    const points = pickConversationPoints(
      [
        indicator({ itemId: 'a', mean: 2.0, subscaleId: 'ks_amb' }), // (2 − 1) / 4 = 0.25
        indicator({ itemId: 'b', mean: 1.8, range: [1, 3] }), // (1.8 − 1) / 2 = 0.40
        indicator({ itemId: 'c', mean: 4.5, declined: 4, seen: 10 }),
        indicator({ itemId: 'd', mean: 1.5 }), // 0.125
        indicator({ itemId: 'e', mean: 3.0, declined: 2, seen: 10 }),
        indicator({ itemId: 'f', mean: null, declined: 9, seen: 10 }), // not shown, but its declines count
        indicator({ itemId: 'g', mean: 4.0, declined: 1, seen: 10 }),
        indicator({ itemId: 'h', mean: 3.0, declined: 3, seen: 4 }), // seen by fewer than 5: left out
      ],
      5,
    );
    expect(points.filter((p) => p.kind === 'lowest').map((p) => [p.itemId, p.value])).toEqual([['d', 1.5], ['a', 2.0], ['b', 1.8]]);
    expect(points.filter((p) => p.kind === 'declined').map((p) => [p.itemId, p.value])).toEqual([['f', 0.9], ['c', 0.4], ['e', 0.2]]);
    expect(points.find((p) => p.itemId === 'a' && p.kind === 'lowest')!.prompt).toBe(THEME_PROMPTS.ks_amb!.low);
  });

  it('gives nothing when nothing is shown or declined', () => {
    expect(pickConversationPoints([indicator({ itemId: 'a', mean: null })], 5)).toEqual([]);
    expect(pickConversationPoints([], 5)).toEqual([]);
  });
});
