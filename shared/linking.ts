import { compareChanges } from './later-change';
/**
 * Linking the respondents of a baseline wave to those of a follow-up wave by their pseudonymous
 * code. Equal codes link automatically. Self-generated codes (two parent letters, birth day, older
 * siblings) are re-entered from memory every wave, so a code that differs in exactly one of its
 * three elements may be the same person with one slip, or a stranger: in a simulation over
 * realistic Dutch names and birthdays most such near matches were different people
 * (docs/decisions/2026-12-01-linking-and-self-codes.md). A near match is therefore only a
 * *proposal*: it links only once a researcher has accepted it, and a proposal never enters a test
 * before that. Proposals are made only when unambiguous both ways (the baseline code has exactly
 * one near candidate among the unlinked follow-up codes, and that candidate exactly one among the
 * unlinked baseline codes) and when the two do not name different partner organisations.
 */
import { isWellFormedSelfCode, selfCodeParts, type SelfCodeProblem } from './codes';

export interface LinkCandidate {
  /** What the caller wants back, e.g. a response id. */
  key: string;
  code: string;
  /** True for self-generated codes (code_kind 'self'); only these can be proposed as near matches. */
  selfCode: boolean;
  /** The respondent (person) behind the code, which link decisions refer to; defaults to the key. */
  person?: string;
  /** The partner organisation given, if any: two different ones rule a near match out. */
  organisationId?: string | null;
}

export type LinkDecision = 'accepted' | 'rejected';

/** Decisions on near matches by person: `decisionKey(baselinePerson, followUpPerson)` → decision. */
export type LinkDecisions = ReadonlyMap<string, LinkDecision>;

export const decisionKey = (baselinePerson: string, followUpPerson: string) => `${baselinePerson}|${followUpPerson}`;

/** One stored decision on a pair of persons, as two laptops may both have made one. */
export interface RecordedLinkDecision {
  baselinePerson: string;
  followUpPerson: string;
  decision: LinkDecision;
  decidedAt: string;
  deviceId: string;
}

/**
 * Which of two recorded decisions on the same pair holds: the later one, and at the same moment the
 * one from the smaller device id. Every laptop that holds the same decisions picks the same one,
 * whatever order study files arrived in. Negative when `a` holds.
 */
export function compareLinkDecisions(a: RecordedLinkDecision, b: RecordedLinkDecision): number {
  return compareChanges({ at: a.decidedAt, deviceId: a.deviceId }, { at: b.decidedAt, deviceId: b.deviceId });
}

/** The decision that holds per pair of persons (see compareLinkDecisions), keyed by decisionKey. */
export function effectiveLinkDecisions(recorded: readonly RecordedLinkDecision[]): Map<string, LinkDecision> {
  const winners = new Map<string, RecordedLinkDecision>();
  for (const r of recorded) {
    const key = decisionKey(r.baselinePerson, r.followUpPerson);
    const held = winners.get(key);
    if (!held || compareLinkDecisions(r, held) < 0) winners.set(key, r);
  }
  return new Map([...winners].map(([key, r]) => [key, r.decision]));
}

export interface LinkedPair {
  baseline: string;
  followUp: string;
  /** True for a near match a researcher accepted. */
  tolerant: boolean;
  /** For an accepted near match: the element that differs (null when the codes differ more). */
  differs: SelfCodeProblem | null;
}

export interface LinkProposal {
  baseline: string;
  followUp: string;
  differs: SelfCodeProblem;
}

export interface LinkResult {
  /** Exact matches and accepted near matches: the pairs the paired tests use. */
  pairs: LinkedPair[];
  /**
   * Near matches nobody has decided on: in no test at all until a researcher decides. Not paired,
   * and not among the unmatched either: the two might be one person, who would then stand on both
   * sides of a comparison of two independent groups.
   */
  proposals: LinkProposal[];
  /** Neither linked nor proposed: the two independent groups. */
  unmatchedBaseline: string[];
  unmatchedFollowUp: string[];
  /** Exact code matches. */
  matched: number;
  /** Accepted near matches (also in `pairs`). */
  tolerant: number;
  /** Near matches a researcher rejected (not proposed again). */
  rejected: number;
}

type Elements = [letters: string, day: string, siblings: string];

function elements(code: string): Elements {
  return [code.slice(0, 2), code.slice(2, 4), code.slice(4, 5)];
}

const ELEMENT_NAMES: readonly SelfCodeProblem[] = ['parentLetters', 'birthDay', 'olderSiblings'];

/**
 * The element in which two self-codes differ, when they differ in exactly one; else null. Codes
 * extended with a birth month (`MA010-07`, after a collision) are compared by their three elements
 * (the base); when both carry a month and the months differ, that is a second difference. Two codes
 * with the same base are never a near match: an extended code exists precisely because two people
 * made that base.
 */
export function singleDifference(a: string, b: string): SelfCodeProblem | null {
  const pa = selfCodeParts(a);
  const pb = selfCodeParts(b);
  if (!pa || !pb) return null;
  if (pa.birthMonth !== null && pb.birthMonth !== null && pa.birthMonth !== pb.birthMonth) return null;
  const ea = elements(pa.base);
  const eb = elements(pb.base);
  let differs: SelfCodeProblem | null = null;
  for (let i = 0; i < 3; i++) {
    if (ea[i] === eb[i]) continue;
    if (differs !== null) return null;
    differs = ELEMENT_NAMES[i]!;
  }
  return differs;
}

export function linkWaves(baseline: readonly LinkCandidate[], followUp: readonly LinkCandidate[], decisions: LinkDecisions = new Map()): LinkResult {
  const followByCode = new Map<string, LinkCandidate>();
  for (const f of followUp) if (!followByCode.has(f.code)) followByCode.set(f.code, f);

  const pairs: LinkedPair[] = [];
  const usedFollow = new Set<string>();
  const restBaseline: LinkCandidate[] = [];
  for (const b of baseline) {
    const f = followByCode.get(b.code);
    if (f && !usedFollow.has(f.key)) {
      pairs.push({ baseline: b.key, followUp: f.key, tolerant: false, differs: null });
      usedFollow.add(f.key);
    } else restBaseline.push(b);
  }
  const matched = pairs.length;
  const person = (c: LinkCandidate) => c.person ?? c.key;
  const decisionOf = (b: LinkCandidate, f: LinkCandidate) => decisions.get(decisionKey(person(b), person(f)));

  // Accepted near matches link whatever else has arrived since.
  const linkedBaseline = new Set<string>();
  if (decisions.size > 0) {
    for (const b of restBaseline) {
      const f = followUp.find((c) => !usedFollow.has(c.key) && decisionOf(b, c) === 'accepted');
      if (!f) continue;
      pairs.push({ baseline: b.key, followUp: f.key, tolerant: true, differs: singleDifference(b.code, f.code) });
      usedFollow.add(f.key);
      linkedBaseline.add(b.key);
    }
  }
  const restFollow = followUp.filter((f) => !usedFollow.has(f.key));

  // Proposals among what is left: near candidates both ways, kept only when each side has exactly one.
  const contradicts = (b: LinkCandidate, f: LinkCandidate) => !!b.organisationId && !!f.organisationId && b.organisationId !== f.organisationId;
  const selfBaseline = restBaseline.filter((b) => !linkedBaseline.has(b.key) && b.selfCode && isWellFormedSelfCode(b.code));
  const selfFollow = restFollow.filter((f) => f.selfCode && isWellFormedSelfCode(f.code));
  const forward = new Map<string, { f: LinkCandidate; differs: SelfCodeProblem }[]>();
  const backward = new Map<string, number>();
  let rejected = 0;
  for (const b of selfBaseline) {
    const candidates: { f: LinkCandidate; differs: SelfCodeProblem }[] = [];
    for (const f of selfFollow) {
      const differs = singleDifference(b.code, f.code);
      if (!differs || contradicts(b, f)) continue;
      if (decisionOf(b, f) === 'rejected') {
        rejected++;
        continue;
      }
      candidates.push({ f, differs });
      backward.set(f.key, (backward.get(f.key) ?? 0) + 1);
    }
    forward.set(b.key, candidates);
  }
  const proposals: LinkProposal[] = [];
  for (const b of selfBaseline) {
    const candidates = forward.get(b.key)!;
    if (candidates.length !== 1) continue;
    const { f, differs } = candidates[0]!;
    if (backward.get(f.key) !== 1) continue;
    proposals.push({ baseline: b.key, followUp: f.key, differs });
  }

  const proposedBaseline = new Set(proposals.map((p) => p.baseline));
  const proposedFollow = new Set(proposals.map((p) => p.followUp));
  return {
    pairs,
    proposals,
    unmatchedBaseline: restBaseline.filter((b) => !linkedBaseline.has(b.key) && !proposedBaseline.has(b.key)).map((b) => b.key),
    unmatchedFollowUp: restFollow.filter((f) => !proposedFollow.has(f.key)).map((f) => f.key),
    matched,
    tolerant: pairs.length - matched,
    rejected,
  };
}
