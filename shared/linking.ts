/**
 * Linking the respondents of a baseline wave to those of a follow-up wave by their pseudonymous
 * code. Equal codes match. Self-generated codes (two parent letters, birth day, older siblings)
 * are re-entered from memory every wave, so a code that differs in exactly one of its three
 * elements may be the same person with one slip: such a tolerant match is made only when it is
 * unambiguous both ways (the baseline code has exactly one such candidate among the unmatched
 * follow-up codes, and that candidate exactly one among the unmatched baseline codes), and it is
 * reported separately.
 */
import { isWellFormedSelfCode, type SelfCodeProblem } from './codes';

export interface LinkCandidate {
  /** What the caller wants back, e.g. a response id. */
  key: string;
  code: string;
  /** True for self-generated codes (code_kind 'self'); only these can match tolerantly. */
  selfCode: boolean;
}

export interface LinkedPair {
  baseline: string;
  followUp: string;
  tolerant: boolean;
  /** For a tolerant match: the element that differs. */
  differs: SelfCodeProblem | null;
}

export interface LinkResult {
  pairs: LinkedPair[];
  unmatchedBaseline: string[];
  unmatchedFollowUp: string[];
  /** Exact code matches. */
  matched: number;
  /** Tolerant self-code matches (also in `pairs`). */
  tolerant: number;
}

type Elements = [letters: string, day: string, siblings: string];

function elements(code: string): Elements {
  return [code.slice(0, 2), code.slice(2, 4), code.slice(4, 5)];
}

const ELEMENT_NAMES: readonly SelfCodeProblem[] = ['parentLetters', 'birthDay', 'olderSiblings'];

/** The element in which two self-codes differ, when they differ in exactly one; else null. */
export function singleDifference(a: string, b: string): SelfCodeProblem | null {
  if (!isWellFormedSelfCode(a) || !isWellFormedSelfCode(b)) return null;
  const ea = elements(a);
  const eb = elements(b);
  let differs: SelfCodeProblem | null = null;
  for (let i = 0; i < 3; i++) {
    if (ea[i] === eb[i]) continue;
    if (differs !== null) return null;
    differs = ELEMENT_NAMES[i]!;
  }
  return differs;
}

export function linkWaves(baseline: readonly LinkCandidate[], followUp: readonly LinkCandidate[]): LinkResult {
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
  const restFollow = followUp.filter((f) => !usedFollow.has(f.key));

  // Tolerant matching among what is left: candidates both ways, kept only when each side has exactly one.
  const selfBaseline = restBaseline.filter((b) => b.selfCode && isWellFormedSelfCode(b.code));
  const selfFollow = restFollow.filter((f) => f.selfCode && isWellFormedSelfCode(f.code));
  const forward = new Map<string, { f: LinkCandidate; differs: SelfCodeProblem }[]>();
  const backward = new Map<string, number>();
  for (const b of selfBaseline) {
    const candidates: { f: LinkCandidate; differs: SelfCodeProblem }[] = [];
    for (const f of selfFollow) {
      const differs = singleDifference(b.code, f.code);
      if (differs) {
        candidates.push({ f, differs });
        backward.set(f.key, (backward.get(f.key) ?? 0) + 1);
      }
    }
    forward.set(b.key, candidates);
  }
  const tolerantBaseline = new Set<string>();
  for (const b of selfBaseline) {
    const candidates = forward.get(b.key)!;
    if (candidates.length !== 1) continue;
    const { f, differs } = candidates[0]!;
    if (backward.get(f.key) !== 1) continue;
    pairs.push({ baseline: b.key, followUp: f.key, tolerant: true, differs });
    usedFollow.add(f.key);
    tolerantBaseline.add(b.key);
  }

  return {
    pairs,
    unmatchedBaseline: restBaseline.filter((b) => !tolerantBaseline.has(b.key)).map((b) => b.key),
    unmatchedFollowUp: restFollow.filter((f) => !usedFollow.has(f.key)).map((f) => f.key),
    matched,
    tolerant: pairs.length - matched,
  };
}
