/**
 * How a number question is answered on screen and on paper. Zod-free, so the renderer may import
 * it. A question with a handful of values (a grade from 1 to 10) shows them as choices; a wider
 * range (years of experience, 0 to 50) gets a field to type the number in, as a row of a hundred
 * radio buttons helps nobody.
 */

/** A number question with at most this many values shows them as choices (0 to 10 is eleven). */
export const MAX_NUMBER_CHOICES = 11;

export interface NumberRange {
  min: number;
  max: number;
}

/** True when the question's values are shown as choices; false when the number is typed. */
export function numberShownAsChoices(range: NumberRange): boolean {
  return range.max - range.min + 1 <= MAX_NUMBER_CHOICES;
}

/** What typed text means for a number question or an answer code: a whole number, nothing (cleared), or text the main process will refuse. */
export function parseTypedCode(typed: string): { value: number | null; text: string | null } {
  const trimmed = typed.trim();
  if (trimmed === '') return { value: null, text: null };
  return /^-?\d+$/.test(trimmed) ? { value: Number(trimmed), text: null } : { value: null, text: trimmed };
}

/**
 * True when another digit typed after `typed` can still give a number in the range, so a field
 * that saves as soon as an answer is complete should wait. Decided by arithmetic, not by listing
 * the range: the numbers that start with n and have k more digits are n·10^k … n·10^k + 10^k − 1
 * (mirrored for a negative n).
 */
export function numberCanGrow(typed: string, range: NumberRange): boolean {
  if (typed === '') return true;
  if (typed === '-') return range.min < 0;
  const match = /^(-?)(\d+)$/.exec(typed);
  if (!match) return false;
  const digits = match[2]!;
  // Numbers are written without leading zeros: after "0" or "-0" nothing can follow.
  if (digits.startsWith('0')) return false;
  const negative = match[1] === '-';
  const magnitude = Number(digits);
  const widest = Math.max(Math.abs(range.min), Math.abs(range.max));
  for (let scale = 10; magnitude * scale <= widest; scale *= 10) {
    const low = magnitude * scale;
    const high = low + scale - 1;
    const [from, to] = negative ? [-high, -low] : [low, high];
    if (from <= range.max && to >= range.min) return true;
  }
  return false;
}
