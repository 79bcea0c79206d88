import { describe, expect, it } from 'vitest';
import { linkWaves, singleDifference, type LinkCandidate } from '../../shared/linking';

const self = (key: string, code: string): LinkCandidate => ({ key, code, selfCode: true });
const free = (key: string, code: string): LinkCandidate => ({ key, code, selfCode: false });

describe('singleDifference', () => {
  it('names the one element that differs', () => {
    expect(singleDifference('MA123', 'MA133')).toBe('birthDay');
    expect(singleDifference('MA123', 'JO123')).toBe('parentLetters');
    expect(singleDifference('MA123', 'MI123')).toBe('parentLetters'); // one letter off is still the letters element
    expect(singleDifference('MA123', 'MA124')).toBe('olderSiblings');
  });

  it('is null for equal codes, two differing elements, or codes that are not self-codes', () => {
    expect(singleDifference('MA123', 'MA123')).toBeNull();
    expect(singleDifference('MA123', 'JO124')).toBeNull();
    expect(singleDifference('MA123', 'MA1234')).toBeNull();
    expect(singleDifference('ABC-DEF', 'ABC-DEG')).toBeNull();
  });
});

describe('linkWaves', () => {
  it('matches equal codes and reports what is left on each side', () => {
    const r = linkWaves([free('b1', 'AAA111'), free('b2', 'BBB222'), free('b3', 'CCC333')], [free('f1', 'BBB222'), free('f2', 'AAA111'), free('f3', 'DDD444')]);
    expect(r.pairs).toEqual([
      { baseline: 'b1', followUp: 'f2', tolerant: false, differs: null },
      { baseline: 'b2', followUp: 'f1', tolerant: false, differs: null },
    ]);
    expect(r).toMatchObject({ matched: 2, tolerant: 0, unmatchedBaseline: ['b3'], unmatchedFollowUp: ['f3'] });
  });

  it('matches a self-code with one slip tolerantly and says which element differs', () => {
    const r = linkWaves([self('b1', 'MA123'), self('b2', 'JO051')], [self('f1', 'MA133'), self('f2', 'JO051')]);
    expect(r.matched).toBe(1);
    expect(r.tolerant).toBe(1);
    expect(r.pairs).toContainEqual({ baseline: 'b1', followUp: 'f1', tolerant: true, differs: 'birthDay' });
    expect(r.unmatchedBaseline).toEqual([]);
    expect(r.unmatchedFollowUp).toEqual([]);
  });

  it('never matches free or assigned codes tolerantly', () => {
    const r = linkWaves([free('b1', 'MA123')], [free('f1', 'MA133')]);
    expect(r).toMatchObject({ matched: 0, tolerant: 0, unmatchedBaseline: ['b1'], unmatchedFollowUp: ['f1'] });
  });

  it('leaves a baseline code with two candidates unmatched (ambiguous forward)', () => {
    // MA123 → MA133 (day) and MA124 (siblings): which one is the same person cannot be told.
    const r = linkWaves([self('b1', 'MA123')], [self('f1', 'MA133'), self('f2', 'MA124')]);
    expect(r).toMatchObject({ matched: 0, tolerant: 0, unmatchedBaseline: ['b1'], unmatchedFollowUp: ['f1', 'f2'] });
  });

  it('leaves a follow-up code claimed by two baseline codes unmatched (ambiguous backward)', () => {
    // Both MA123 and MA143 are one element from MA133; MA123 has only that one candidate, but MA133 has two.
    const r = linkWaves([self('b1', 'MA123'), self('b2', 'MA143')], [self('f1', 'MA133')]);
    expect(r).toMatchObject({ matched: 0, tolerant: 0, unmatchedBaseline: ['b1', 'b2'], unmatchedFollowUp: ['f1'] });
  });

  it('does not use a code already matched exactly as a tolerant candidate', () => {
    // MA123 matches exactly; MA124 in the baseline is one element from MA123 but that follow-up code is taken.
    const r = linkWaves([self('b1', 'MA123'), self('b2', 'MA124')], [self('f1', 'MA123')]);
    expect(r).toMatchObject({ matched: 1, tolerant: 0, unmatchedBaseline: ['b2'], unmatchedFollowUp: [] });
  });

  it('handles empty waves', () => {
    expect(linkWaves([], [self('f1', 'MA123')])).toMatchObject({ matched: 0, tolerant: 0, unmatchedBaseline: [], unmatchedFollowUp: ['f1'] });
    expect(linkWaves([], [])).toMatchObject({ pairs: [], matched: 0, tolerant: 0 });
  });
});
