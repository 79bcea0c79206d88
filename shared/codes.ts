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

/**
 * A self-made code taken apart. Besides the plain form (`MA010`) there are the forms made when two
 * people in a network give the same three facts (see chooseSelfCode): the base with the birth
 * month (`MA010-07`) and, in the rare case that the month is shared too, a serial number after it
 * (`MA010-07-2`).
 */
export interface SelfCodeParts {
  /** The five characters made from the three facts: `MA010`. */
  base: string;
  /** The birth month (1–12) when it was asked because of a collision; null for a plain code. */
  birthMonth: number | null;
  /** 2, 3, … when the month was shared too; null otherwise. */
  serial: number | null;
}

const SELF_CODE = /^([A-Z]{2}(\d{2})\d)(?:-(\d{2})(?:-([1-9]\d{0,5}))?)?$/;

/** The parts of a well-formed self-made code (plain or extended); null for anything else. */
export function selfCodeParts(code: string): SelfCodeParts | null {
  const m = SELF_CODE.exec(code);
  if (!m) return null;
  const day = Number(m[2]);
  if (day < 1 || day > 31) return null;
  const birthMonth = m[3] === undefined ? null : Number(m[3]);
  if (birthMonth !== null && (birthMonth < 1 || birthMonth > 12)) return null;
  const serial = m[4] === undefined ? null : Number(m[4]);
  if (serial !== null && serial < 2) return null;
  return { base: m[1]!, birthMonth, serial };
}

/** True for a self-made code: the plain five characters, or one extended with a birth month. */
export function isWellFormedSelfCode(code: string): boolean {
  return selfCodeParts(code) !== null;
}

/** The base code with the birth month: `MA010` and 7 give `MA010-07`. */
export function withBirthMonth(base: string, birthMonth: number): string {
  return `${base}-${String(birthMonth).padStart(2, '0')}`;
}

/**
 * What a network holds under one base code, as far as choosing a code needs it: every respondent
 * code with that base (the plain code and its extended forms), each with whether it already has a
 * complete response in the wave at hand.
 */
export type SelfCodeHolders = ReadonlyMap<string, boolean>;

/** How chooseSelfCode arrived at a code when the birth month was needed. */
export type SelfCodeRule =
  /** The extended code with this month exists: this person gave it before. */
  | 'same-month'
  /** The plain code exists without a complete response in this wave: most likely its holder, who was never asked a month. */
  | 'plain-earlier'
  /** Nobody has this base and month yet: a new extended code. */
  | 'new-month'
  /** The extended code with this month already answered this wave: a new serial number, which will not link by itself later. */
  | 'serial';

export type SelfCodeChoice =
  | { kind: 'plain'; code: string }
  | { kind: 'month-needed' }
  | { kind: 'by-month'; code: string; rule: SelfCodeRule };

/**
 * Which respondent code a person with this base code (and, when asked, birth month) gets in a wave.
 *
 * Two people can make the same code from their three facts. When the base code has already
 * answered this wave, or the network already holds extended forms of it, the birth month is
 * needed; without one the answer is `month-needed` (the person is asked, nothing is stored). With
 * the month:
 * 1. the extended code `<base>-<MM>` exists: it is this person, unless it has already answered
 *    this wave, in which case the first serial `<base>-<MM>-2`, `-3`, … that nobody holds;
 * 2. else the plain code exists without a complete response in this wave: its holder, who had the
 *    code first and was never asked a month;
 * 3. else a new `<base>-<MM>`.
 * A month given when there is no collision is ignored: the plain code stays the person's code.
 */
export function chooseSelfCode(base: string, birthMonth: number | null, holders: SelfCodeHolders): SelfCodeChoice {
  const plainAnswered = holders.get(base) === true;
  const extendedFormsExist = [...holders.keys()].some((code) => code !== base);
  if (!plainAnswered && !extendedFormsExist) return { kind: 'plain', code: base };
  if (birthMonth === null) return { kind: 'month-needed' };
  const extended = withBirthMonth(base, birthMonth);
  if (holders.has(extended)) {
    if (holders.get(extended) === false) return { kind: 'by-month', code: extended, rule: 'same-month' };
    let serial = 2;
    while (holders.has(`${extended}-${serial}`)) serial++;
    return { kind: 'by-month', code: `${extended}-${serial}`, rule: 'serial' };
  }
  if (holders.has(base) && !plainAnswered) return { kind: 'by-month', code: base, rule: 'plain-earlier' };
  return { kind: 'by-month', code: extended, rule: 'new-month' };
}
