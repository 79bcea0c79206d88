import { describe, expect, it } from 'vitest';
import { compareLinkDecisions, decisionKey, effectiveLinkDecisions, linkWaves, singleDifference, type LinkCandidate, type RecordedLinkDecision } from '../../shared/linking';

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

  it('compares codes extended with a birth month by their three elements, and a second month as one more element', () => {
    expect(singleDifference('MA010-07', 'MA011')).toBe('olderSiblings');
    expect(singleDifference('MA010', 'MA011-07')).toBe('olderSiblings');
    expect(singleDifference('MA010-07', 'MA011-07')).toBe('olderSiblings');
    expect(singleDifference('MA010-07-2', 'MA020')).toBe('birthDay');
    // Two months that differ: a second difference.
    expect(singleDifference('MA010-07', 'MA011-03')).toBeNull();
    // The same base is never a near match: the extended code was made because two people had it.
    expect(singleDifference('MA010', 'MA010-07')).toBeNull();
    expect(singleDifference('MA010-07', 'MA010-07-2')).toBeNull();
    expect(singleDifference('MA010-07', 'MA010-03')).toBeNull();
  });
});

describe('linkWaves', () => {
  it('links codes extended with a birth month exactly, and proposes them like plain ones', () => {
    const r = linkWaves(
      [self('b1', 'MA010'), self('b2', 'MA010-07'), self('b3', 'JO051-11')],
      [self('f1', 'MA010-07'), self('f2', 'MA010'), self('f3', 'JO052-11')],
    );
    expect(r.pairs).toEqual([
      { baseline: 'b1', followUp: 'f2', tolerant: false, differs: null },
      { baseline: 'b2', followUp: 'f1', tolerant: false, differs: null },
    ]);
    expect(r.proposals).toEqual([{ baseline: 'b3', followUp: 'f3', differs: 'olderSiblings' }]);
  });

  it('matches equal codes and reports what is left on each side', () => {
    const r = linkWaves([free('b1', 'AAA111'), free('b2', 'BBB222'), free('b3', 'CCC333')], [free('f1', 'BBB222'), free('f2', 'AAA111'), free('f3', 'DDD444')]);
    expect(r.pairs).toEqual([
      { baseline: 'b1', followUp: 'f2', tolerant: false, differs: null },
      { baseline: 'b2', followUp: 'f1', tolerant: false, differs: null },
    ]);
    expect(r).toMatchObject({ matched: 2, tolerant: 0, unmatchedBaseline: ['b3'], unmatchedFollowUp: ['f3'] });
  });

  it('proposes a self-code with one slip, says which element differs, and does not link it', () => {
    const r = linkWaves([self('b1', 'MA123'), self('b2', 'JO051')], [self('f1', 'MA133'), self('f2', 'JO051')]);
    expect(r.pairs).toEqual([{ baseline: 'b2', followUp: 'f2', tolerant: false, differs: null }]);
    expect(r.proposals).toEqual([{ baseline: 'b1', followUp: 'f1', differs: 'birthDay' }]);
    // Not linked, and not unmatched either: until someone decides, the two are in no test at all.
    expect(r).toMatchObject({ matched: 1, tolerant: 0, rejected: 0, unmatchedBaseline: [], unmatchedFollowUp: [] });
  });

  it('links a near match once it is accepted, and drops it once it is rejected', () => {
    const baseline = [self('b1', 'MA123'), self('b2', 'JO051')];
    const followUp = [self('f1', 'MA133'), self('f2', 'JO051')];
    const accepted = linkWaves(baseline, followUp, new Map([[decisionKey('b1', 'f1'), 'accepted']]));
    expect(accepted.pairs).toContainEqual({ baseline: 'b1', followUp: 'f1', tolerant: true, differs: 'birthDay' });
    expect(accepted).toMatchObject({ matched: 1, tolerant: 1, rejected: 0, proposals: [], unmatchedBaseline: [], unmatchedFollowUp: [] });
    const rejected = linkWaves(baseline, followUp, new Map([[decisionKey('b1', 'f1'), 'rejected']]));
    expect(rejected).toMatchObject({ matched: 1, tolerant: 0, rejected: 1, proposals: [], unmatchedBaseline: ['b1'], unmatchedFollowUp: ['f1'] });
  });

  it('keys decisions by person, not by response', () => {
    // The same two people in another pair of waves: other response keys, same persons.
    const b = { ...self('t0-response', 'MA123'), person: 'p-ma123' };
    const f = { ...self('t2-response', 'MA133'), person: 'p-ma133' };
    const r = linkWaves([b], [f], new Map([[decisionKey('p-ma123', 'p-ma133'), 'accepted']]));
    expect(r.pairs).toEqual([{ baseline: 't0-response', followUp: 't2-response', tolerant: true, differs: 'birthDay' }]);
    // A decision on the response keys means nothing when persons are given.
    expect(linkWaves([b], [f], new Map([[decisionKey('t0-response', 't2-response'), 'accepted']])).proposals).toHaveLength(1);
  });

  it('never proposes two codes from different organisations; a missing organisation rules nothing out', () => {
    const at = (c: LinkCandidate, organisationId: string | null): LinkCandidate => ({ ...c, organisationId });
    expect(linkWaves([at(self('b1', 'MA123'), 'org-a')], [at(self('f1', 'MA133'), 'org-b')])).toMatchObject({ proposals: [], unmatchedBaseline: ['b1'], unmatchedFollowUp: ['f1'] });
    expect(linkWaves([at(self('b1', 'MA123'), 'org-a')], [at(self('f1', 'MA133'), 'org-a')]).proposals).toHaveLength(1);
    expect(linkWaves([at(self('b1', 'MA123'), 'org-a')], [at(self('f1', 'MA133'), null)]).proposals).toHaveLength(1);
  });

  it('never proposes free or assigned codes', () => {
    const r = linkWaves([free('b1', 'MA123')], [free('f1', 'MA133')]);
    expect(r).toMatchObject({ matched: 0, tolerant: 0, proposals: [], unmatchedBaseline: ['b1'], unmatchedFollowUp: ['f1'] });
  });

  it('proposes nothing for a baseline code with two candidates (ambiguous forward)', () => {
    // MA123 → MA133 (day) and MA124 (siblings): which one is the same person cannot be told.
    const r = linkWaves([self('b1', 'MA123')], [self('f1', 'MA133'), self('f2', 'MA124')]);
    expect(r).toMatchObject({ matched: 0, tolerant: 0, proposals: [], unmatchedBaseline: ['b1'], unmatchedFollowUp: ['f1', 'f2'] });
  });

  it('proposes nothing for a follow-up code claimed by two baseline codes (ambiguous backward)', () => {
    // Both MA123 and MA143 are one element from MA133; MA123 has only that one candidate, but MA133 has two.
    const r = linkWaves([self('b1', 'MA123'), self('b2', 'MA143')], [self('f1', 'MA133')]);
    expect(r).toMatchObject({ matched: 0, tolerant: 0, proposals: [], unmatchedBaseline: ['b1', 'b2'], unmatchedFollowUp: ['f1'] });
  });

  it('does not offer a code already matched exactly as a near candidate, even when accepted earlier', () => {
    // MA123 matches exactly; MA124 in the baseline is one element from MA123 but that follow-up code is taken.
    const r = linkWaves([self('b1', 'MA123'), self('b2', 'MA124')], [self('f1', 'MA123')], new Map([[decisionKey('b2', 'f1'), 'accepted']]));
    expect(r).toMatchObject({ matched: 1, tolerant: 0, proposals: [], unmatchedBaseline: ['b2'], unmatchedFollowUp: [] });
  });

  it('an accepted pair no longer competes for other near matches', () => {
    // MA123 has near candidates MA133 and MA124; once MA123 → MA133 is accepted, MA124 is left alone,
    // and the other baseline code MA125 (one element from MA124 only) becomes a proposal.
    const r = linkWaves([self('b1', 'MA123'), self('b2', 'MA125')], [self('f1', 'MA133'), self('f2', 'MA124')], new Map([[decisionKey('b1', 'f1'), 'accepted']]));
    expect(r.pairs).toEqual([{ baseline: 'b1', followUp: 'f1', tolerant: true, differs: 'birthDay' }]);
    expect(r.proposals).toEqual([{ baseline: 'b2', followUp: 'f2', differs: 'olderSiblings' }]);
  });

  it('handles empty waves', () => {
    expect(linkWaves([], [self('f1', 'MA123')])).toMatchObject({ matched: 0, tolerant: 0, unmatchedBaseline: [], unmatchedFollowUp: ['f1'] });
    expect(linkWaves([], [])).toMatchObject({ pairs: [], proposals: [], matched: 0, tolerant: 0, rejected: 0 });
  });
});

describe('effectiveLinkDecisions', () => {
  const decided = (decision: 'accepted' | 'rejected', decidedAt: string, deviceId: string): RecordedLinkDecision => ({
    baselinePerson: 'p1',
    followUpPerson: 'p2',
    decision,
    decidedAt,
    deviceId,
  });
  const key = decisionKey('p1', 'p2');

  it('lets the later decision hold, whatever order the decisions arrive in', () => {
    const early = decided('accepted', '2027-02-01T10:00:00.000Z', 'bbbbbbbb-0000-4000-8000-000000000000');
    const late = decided('rejected', '2027-02-01T10:00:00.001Z', 'aaaaaaaa-0000-4000-8000-000000000000');
    expect(effectiveLinkDecisions([early, late]).get(key)).toBe('rejected');
    expect(effectiveLinkDecisions([late, early]).get(key)).toBe('rejected');
  });

  it('at the same moment, the smaller device id holds', () => {
    const a = decided('rejected', '2027-02-01T10:00:00.000Z', 'aaaaaaaa-0000-4000-8000-000000000000');
    const b = decided('accepted', '2027-02-01T10:00:00.000Z', 'bbbbbbbb-0000-4000-8000-000000000000');
    expect(effectiveLinkDecisions([a, b]).get(key)).toBe('rejected');
    expect(effectiveLinkDecisions([b, a]).get(key)).toBe('rejected');
    expect(compareLinkDecisions(a, b)).toBeLessThan(0);
  });

  it('compares times as instants: 11:30+01:00 is before 11:00Z', () => {
    const withOffset = decided('accepted', '2027-02-01T11:30:00+01:00', 'aaaaaaaa-0000-4000-8000-000000000000');
    const utc = decided('rejected', '2027-02-01T11:00:00.000Z', 'bbbbbbbb-0000-4000-8000-000000000000');
    expect(effectiveLinkDecisions([withOffset, utc]).get(key)).toBe('rejected');
  });
});
