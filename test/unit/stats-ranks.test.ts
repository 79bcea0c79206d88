import { describe, expect, it } from 'vitest';
import { quantile7, sortedCopy } from '../../shared/stats/descriptives';
import { pSignrank, pWilcox } from '../../shared/stats/exact';
import { rankAverage, signif, tieTerm } from '../../shared/stats/ranks';
import { mannWhitney, wilcoxonSignedRank } from '../../shared/stats/tests';

describe('ranks', () => {
  it('gives tied values their average rank, as R rank()', () => {
    // rank(c(3, 1, 4, 1, 5, 9, 2, 6, 5)) → 4.0 1.5 5.0 1.5 6.5 9.0 3.0 8.0 6.5
    expect(rankAverage([3, 1, 4, 1, 5, 9, 2, 6, 5]).ranks).toEqual([4, 1.5, 5, 1.5, 6.5, 9, 3, 8, 6.5]);
    // The same with non-integers takes the sorting path and must agree.
    expect(rankAverage([0.3, 0.1, 0.4, 0.1, 0.5, 0.9, 0.2, 0.6, 0.5]).ranks).toEqual([4, 1.5, 5, 1.5, 6.5, 9, 3, 8, 6.5]);
    const r = rankAverage([2, 2, 2, 7, 7]);
    expect(r.tieSizes).toEqual([3, 2]);
    expect(tieTerm(r.tieSizes)).toBe(24 + 6);
    expect(rankAverage([1.5, 2.5]).hasTies).toBe(false);
  });

  it('sorts integers by counting, others by sorting, with the same result', () => {
    expect(Array.from(sortedCopy([3, -2, 3, 0, 7]))).toEqual([-2, 0, 3, 3, 7]);
    expect(Array.from(sortedCopy([0.5, -2, 3.25]))).toEqual([-2, 0.5, 3.25]);
    expect(quantile7([5, 1, 3, 3, 2, 4], 0.25)).toBe(2.25); // R: quantile(c(5,1,3,3,2,4), .25) → 2.25
  });

  it('signif rounds to significant digits as R', () => {
    expect(signif(0.1 + 0.2, 10)).toBe(0.3);
    expect(signif(123456.789, 4)).toBe(123500);
    expect(signif(-0.000123456, 2)).toBe(-0.00012);
    expect(signif(7, 10)).toBe(7);
    expect(signif(1 / 3, Number.POSITIVE_INFINITY)).toBe(1 / 3);
  });

  it('digitsRank makes scores that are equal on paper tie', () => {
    // 13/3 − 4 and 10/3 − 3 are both 1/3 on paper but differ in the last bits.
    expect(13 / 3 - 4).not.toBe(10 / 3 - 3);
    const post = [13 / 3, 10 / 3, 5, 3.5, 2];
    const pre = [4, 3, 4.5, 2.75, 1];
    expect(wilcoxonSignedRank(post, pre).ties).toBe(false);
    expect(wilcoxonSignedRank(post, pre, { digitsRank: 10 }).ties).toBe(true);
    expect(mannWhitney([13 / 3 - 4], [10 / 3 - 3], { digitsRank: 10 }).ties).toBe(true);
  });
});

describe('exact null distributions', () => {
  it('sum to one and are symmetric', () => {
    // psignrank(q, 5): the 32 subsets of {1..5}; P(V ≤ 0) = 1/32, P(V ≤ 15) = 1.
    expect(pSignrank(0, 5, true)).toBe(1 / 32);
    expect(pSignrank(15, 5, true)).toBe(1);
    expect(pSignrank(3, 5, true)).toBeCloseTo(pSignrank(15 - 3 - 1, 5, false), 15);
    // pwilcox(q, 3, 4): choose(7, 3) = 35 arrangements; P(W ≤ 0) = 1/35.
    expect(pWilcox(0, 3, 4, true)).toBeCloseTo(1 / 35, 15);
    expect(pWilcox(12, 3, 4, true)).toBe(1);
    expect(pWilcox(5, 3, 4, true)).toBeCloseTo(pWilcox(12 - 5 - 1, 3, 4, false), 15);
    expect(pWilcox(5, 4, 3, true)).toBeCloseTo(pWilcox(5, 3, 4, true), 15);
  });
});
