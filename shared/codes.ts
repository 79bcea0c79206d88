/**
 * Respondent codes: how one person is linked across T0, T1 and T2 without a name.
 *
 * Pre-assigned codes are six characters, shown as `XXX-XXX`, from an alphabet without characters
 * people confuse (0/O, 1/I/L, 2/Z, 5/S, 8/B, V/U). The last character is a check character (Luhn
 * mod N), so any single mistyped character, and a swap of two neighbours (all but the pair A/9),
 * is caught before it links the wrong person. Luhn mod N needs an even alphabet size: 24 here.
 */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUWXY34679';
const N = CODE_ALPHABET.length;

/** Luhn mod N check character over the given characters (all from CODE_ALPHABET). */
export function checkCharacter(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    const value = CODE_ALPHABET.indexOf(body[i]!);
    if (value < 0) throw new Error(`character ${body[i]} is not in the code alphabet`);
    const product = factor * value;
    sum += Math.floor(product / N) + (product % N);
    factor = factor === 2 ? 1 : 2;
  }
  return CODE_ALPHABET[(N - (sum % N)) % N]!;
}

/** A new code from five random alphabet positions; `randomIndex(n)` returns an integer in [0, n). */
export function makeAssignedCode(randomIndex: (n: number) => number): string {
  let body = '';
  for (let i = 0; i < 5; i++) body += CODE_ALPHABET[randomIndex(N)]!;
  const code = body + checkCharacter(body);
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

/** Upper case, spaces removed, dash restored: what a person types becomes the stored form. */
export function normalizeAssignedCode(typed: string): string {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  return compact.length === 6 ? `${compact.slice(0, 3)}-${compact.slice(3)}` : typed.trim().toUpperCase();
}

/** True when the code has the assigned form and its check character fits. */
export function isWellFormedAssignedCode(code: string): boolean {
  const m = /^([A-Z0-9]{3})-([A-Z0-9]{3})$/.exec(code);
  if (!m) return false;
  const compact = m[1]! + m[2]!;
  if ([...compact].some((c) => !CODE_ALPHABET.includes(c))) return false;
  return checkCharacter(compact.slice(0, 5)) === compact[5];
}

/**
 * A self-generated code from three facts the respondent knows and re-enters every wave. Only the
 * resulting code is stored, never the facts separately. Elements by position: letters 1–2, day 3–4,
 * siblings 5 (so a later tolerant match can say which element differs).
 */
export interface SelfCodeFacts {
  /** First two letters of the mother's (or another parent's) first name. */
  parentLetters: string;
  /** Day of the month the respondent was born, 1–31. */
  birthDay: number;
  /** Number of older brothers and sisters, 0–9 (9 for nine or more). */
  olderSiblings: number;
}

export type SelfCodeProblem = 'parentLetters' | 'birthDay' | 'olderSiblings';

export function selfCodeProblems(facts: SelfCodeFacts): SelfCodeProblem[] {
  const problems: SelfCodeProblem[] = [];
  const letters = facts.parentLetters
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();
  if (!/^[A-Z]{2}$/.test(letters)) problems.push('parentLetters');
  if (!Number.isInteger(facts.birthDay) || facts.birthDay < 1 || facts.birthDay > 31) problems.push('birthDay');
  if (!Number.isInteger(facts.olderSiblings) || facts.olderSiblings < 0 || facts.olderSiblings > 9) problems.push('olderSiblings');
  return problems;
}

export function selfCode(facts: SelfCodeFacts): string {
  if (selfCodeProblems(facts).length > 0) throw new Error('invalid self-code facts');
  const letters = facts.parentLetters
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();
  return `${letters}${String(facts.birthDay).padStart(2, '0')}${facts.olderSiblings}`;
}

export function isWellFormedSelfCode(code: string): boolean {
  const m = /^[A-Z]{2}(\d{2})(\d)$/.exec(code);
  return !!m && Number(m[1]) >= 1 && Number(m[1]) <= 31;
}
