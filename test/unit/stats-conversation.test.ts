import { describe, expect, it } from 'vitest';
import {
  dontKnowShare,
  FALL_PROMPT,
  GENERAL_PROMPTS,
  pickConversationPoints,
  promptFor,
  SUCCESS_PROMPTS,
  THEME_PROMPTS,
  type IndicatorSummary,
} from '../../shared/conversation';
import { builtInInstruments } from '../../shared/instruments';
import type { ConversationPoint } from '../../shared/results';

const FIVE = { min: 1, max: 5 };

const indicator = (o: Partial<IndicatorSummary> & { itemId: string }): IndicatorSummary => ({
  label: { nl: o.itemId, en: o.itemId },
  subscaleId: null,
  mean: 3.6,
  range: FIVE,
  n: 10,
  declined: 0,
  seen: 10,
  change: null,
  ...o,
});

/** A change over everyone since the baseline wave 'w0'. */
const change = (meanDiff: number, ciLow: number, ciHigh: number) => ({ meanDiff, ciLow, ciHigh, tooSmall: false, baselineWaveId: 'w0' });

const of = (points: ConversationPoint[], kind: ConversationPoint['kind']) => points.filter((p) => p.kind === kind).map((p) => p.itemId);

describe('conversation prompts', () => {
  it('has a low-score and a "weet niet" prompt, in Dutch and English, for every scored subscale of the built-ins', () => {
    for (const def of builtInInstruments) {
      for (const sub of def.subscales) {
        const prompts = THEME_PROMPTS[sub.id];
        expect(prompts, sub.id).toBeDefined();
        for (const text of [prompts!.low, prompts!.dontKnow]) {
          expect(text.nl.length).toBeGreaterThan(40);
          expect(text.en.length).toBeGreaterThan(40);
        }
      }
    }
  });

  it('never claims how many people did not know: the point’s own numbers say that', () => {
    for (const prompts of [...Object.values(THEME_PROMPTS), GENERAL_PROMPTS]) {
      expect(prompts.dontKnow.nl).not.toMatch(/veel mensen|de meeste|iedereen weet/i);
      expect(prompts.dontKnow.en).not.toMatch(/many people|most people/i);
    }
  });

  it('falls back to the general prompts for imported instruments, and puts the question what changed before a fall', () => {
    expect(promptFor('tk_team', 'low')).toBe(GENERAL_PROMPTS.low);
    expect(promptFor(null, 'dontKnow')).toBe(GENERAL_PROMPTS.dontKnow);
    expect(promptFor('ks_per', 'low')).toBe(THEME_PROMPTS.ks_per!.low);
    expect(promptFor('ks_per', 'fall')).toEqual({ nl: `${FALL_PROMPT.nl} ${THEME_PROMPTS.ks_per!.low.nl}`, en: `${FALL_PROMPT.en} ${THEME_PROMPTS.ks_per!.low.en}` });
  });
});

describe('dontKnowShare: a share of "weet niet" in words', () => {
  it('names the count for a few, "ongeveer de helft" around half, "de meesten" for most', () => {
    // 1 of 7 = 14%: the count itself ("1 van de 7 mensen"), never "veel mensen".
    expect(dontKnowShare(1, 7)).toBe('some');
    expect(dontKnowShare(2, 7)).toBe('some'); // 29%
    // 4 of 7 = 57%, 3 of 7 = 43%: about half.
    expect(dontKnowShare(4, 7)).toBe('half');
    expect(dontKnowShare(3, 7)).toBe('half');
    // 6 of 7 = 86%, 5 of 7 = 71%: most.
    expect(dontKnowShare(6, 7)).toBe('most');
    expect(dontKnowShare(5, 7)).toBe('most');
    expect(dontKnowShare(7, 7)).toBe('all');
  });

  it('has its boundaries at 30%, 40% and 60%', () => {
    expect(dontKnowShare(29, 100)).toBe('some');
    expect(dontKnowShare(30, 100)).toBe('third');
    expect(dontKnowShare(39, 100)).toBe('third');
    expect(dontKnowShare(40, 100)).toBe('half');
    expect(dontKnowShare(60, 100)).toBe('half');
    expect(dontKnowShare(61, 100)).toBe('most');
  });
});

describe('pickConversationPoints', () => {
  it('picks points of four kinds: successes, falls, low scores and much "weet niet"', () => {
    const points = pickConversationPoints(
      [
        // A rise whose interval excludes zero, and a practically relevant one (+0,3 ≥ 0,2) whose interval does not.
        indicator({ itemId: 'rise', mean: 3.9, change: change(0.6, 0.2, 1.0) }),
        indicator({ itemId: 'maybeRise', mean: 3.4, change: change(0.3, -0.1, 0.7) }),
        // A high score: (4,2 − 1) / 4 = 0,8 ≥ 0,75.
        indicator({ itemId: 'high', mean: 4.2, change: change(0.05, -0.3, 0.4) }),
        // A fall that is also low: shown once, as a fall.
        indicator({ itemId: 'fall', mean: 2.2, subscaleId: 'ks_org', change: change(-0.7, -1.1, -0.3) }),
        // Low: (2,4 − 1) / 4 = 0,35 and (3,4 − 1)/4 = 0,6 < 0,625; 3,6 gives 0,65, not low.
        indicator({ itemId: 'low', mean: 2.4, subscaleId: 'ks_amb' }),
        indicator({ itemId: 'lowish', mean: 3.4 }),
        indicator({ itemId: 'middle', mean: 3.6 }),
        // "Weet niet": 3 of 10 (30%) and 2 of 10 (20%) count; 1 of 10 (10%) is too few; 3 of 4 people seen is below the minimum of 5.
        indicator({ itemId: 'dk3', mean: 3.6, declined: 3, seen: 10, subscaleId: 'ks_per' }),
        indicator({ itemId: 'dk2', mean: 3.6, declined: 2, seen: 10 }),
        indicator({ itemId: 'dk1', mean: 3.6, declined: 1, seen: 10 }),
        indicator({ itemId: 'dkSmall', mean: null, declined: 3, seen: 4 }),
      ],
      5,
      'w1',
    );
    expect(of(points, 'success')).toEqual(['rise', 'maybeRise', 'high']);
    expect(of(points, 'fall')).toEqual(['fall']);
    // 'maybeRise' (3,4) is low as well: a rise that is still low is worth both.
    expect(of(points, 'low')).toEqual(['low', 'maybeRise', 'lowish']);
    expect(of(points, 'dontKnow')).toEqual(['dk3', 'dk2']);
    expect(points.every((p) => p.waveId === 'w1')).toBe(true);

    const fall = points.find((p) => p.kind === 'fall')!;
    expect(fall).toMatchObject({ mean: 2.2, change: { baselineWaveId: 'w0', meanDiff: -0.7, ciLow: -1.1, ciHigh: -0.3, verdict: 'lower' }, prompt: promptFor('ks_org', 'fall') });
    expect(points.find((p) => p.itemId === 'maybeRise' && p.kind === 'success')).toMatchObject({ reason: 'rise', change: { verdict: 'possiblyHigher' }, prompt: SUCCESS_PROMPTS.rise });
    expect(points.find((p) => p.itemId === 'high')).toMatchObject({ kind: 'success', reason: 'high', mean: 4.2, change: null, prompt: SUCCESS_PROMPTS.high });
    expect(points.find((p) => p.itemId === 'low')).toMatchObject({ kind: 'low', mean: 2.4, range: FIVE, prompt: THEME_PROMPTS.ks_amb!.low });
    expect(points.find((p) => p.itemId === 'dk3')).toMatchObject({ kind: 'dontKnow', count: 3, seen: 10, share: 'third', prompt: THEME_PROMPTS.ks_per!.dontKnow });
  });

  it('takes a fall of at least the practical threshold as a fall, a smaller one whose interval contains zero not', () => {
    const points = pickConversationPoints(
      [
        indicator({ itemId: 'maybeFall', change: change(-0.25, -0.6, 0.1) }),
        indicator({ itemId: 'noise', change: change(-0.15, -0.5, 0.2) }),
        indicator({ itemId: 'clearSmall', change: change(-0.12, -0.2, -0.04) }),
      ],
      5,
      'w1',
    );
    // Largest fall first: −0,25 before −0,12; −0,15 with zero in its interval is under 0,2.
    expect(of(points, 'fall')).toEqual(['maybeFall', 'clearSmall']);
  });

  it('never gives only negatives when something went well: a success is kept however many negatives there are', () => {
    const negatives = Array.from({ length: 8 }, (_, i) => indicator({ itemId: `neg${i}`, mean: 1.5 + i * 0.1, change: change(-0.8, -1.2, -0.4) }));
    const points = pickConversationPoints([...negatives, indicator({ itemId: 'good', mean: 4.5 })], 5, 'w1');
    expect(of(points, 'success')).toEqual(['good']);
    expect(of(points, 'fall')).toHaveLength(3);
    expect(points[0]!.kind).toBe('success');
  });

  it('takes at most one indicator per condition in each kind, so the points cover several conditions', () => {
    const points = pickConversationPoints(
      [
        indicator({ itemId: 'pro1', subscaleId: 'ks_pro', mean: 2.0 }),
        indicator({ itemId: 'pro2', subscaleId: 'ks_pro', mean: 1.5 }),
        indicator({ itemId: 'pro3', subscaleId: 'ks_pro', mean: 2.2 }),
        indicator({ itemId: 'bel1', subscaleId: 'ks_bel', mean: 3.0 }),
        // Two falls of one condition: the larger one is its point. A third, smaller one elsewhere is a point too.
        indicator({ itemId: 'per1', subscaleId: 'ks_per', mean: 2.1, change: change(-0.5, -0.9, -0.1) }),
        indicator({ itemId: 'per2', subscaleId: 'ks_per', mean: 2.0, change: change(-0.9, -1.3, -0.5) }),
        indicator({ itemId: 'org1', subscaleId: 'ks_org', mean: 4.0, change: change(-0.3, -0.7, 0.1) }),
        // A fall is not also listed as low, even when it is not among the falls shown.
      ],
      5,
      'w1',
    );
    expect(of(points, 'fall')).toEqual(['per2', 'org1']);
    // pro2 (1,5) is the lowest of ks_pro; pro1 and pro3 give way to the next condition; per1 fell.
    expect(of(points, 'low')).toEqual(['pro2', 'bel1']);
  });

  it('compares positions and changes on each item’s own range', () => {
    const points = pickConversationPoints(
      [
        indicator({ itemId: 'five', mean: 2.0 }), // (2 − 1) / 4 = 0,25
        indicator({ itemId: 'three', mean: 1.4, range: { min: 1, max: 3 } }), // (1,4 − 1) / 2 = 0,20
        indicator({ itemId: 'riseFive', mean: 3.6, change: change(0.6, 0.1, 1.1) }), // 0,6 / 4 = 0,15
        indicator({ itemId: 'riseThree', mean: 2.6, range: { min: 1, max: 3 }, change: change(0.4, 0.1, 0.7) }), // 0,4 / 2 = 0,20
      ],
      5,
      'w1',
    );
    expect(of(points, 'low')).toEqual(['three', 'five']);
    expect(of(points, 'success')).toEqual(['riseThree', 'riseFive']);
  });

  it('gives nothing when nothing is shown or declined', () => {
    expect(pickConversationPoints([indicator({ itemId: 'a', mean: null })], 5, 'w1')).toEqual([]);
    expect(pickConversationPoints([], 5, 'w1')).toEqual([]);
  });
});
