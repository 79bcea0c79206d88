import { z } from 'zod';

/**
 * What a text typed or imported into the app may contain. Invisible control characters (NUL,
 * escape, vertical tab from a pasted Word line break, …) are refused everywhere: they are
 * invisible on screen, yet they split or empty cells in the CSV and R files and confuse readers
 * of the workbook. One rule for every text field of the API and of imported files:
 *
 * - `plainText()`: one line. No C0 control (U+0000–U+001F, newline and tab included), no DEL and
 *   no C1 control (U+007F–U+009F), no lone surrogate (half of an emoji, from a broken copy).
 * - `multilineText()`: the same, but tab and line ends (LF, CR LF, and CR alone as old Macs wrote
 *   it) are allowed, for fields people write in paragraphs (open answers, consent texts, descriptions).
 *
 * A refusal is a zod issue carrying `params.textRule = 'control-character'`, so a message can
 * name the field: see `controlCharacterMessage`.
 */

// Finding control characters is what these patterns are for.
// eslint-disable-next-line no-control-regex
const LINE_CONTROLS = /[\u0000-\u001F\u007F-\u009F]/;
// Tab (U+0009), newline (U+000A) and carriage return (U+000D) are allowed.
// eslint-disable-next-line no-control-regex
const PARAGRAPH_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

// A lone surrogate is what makes a string not well formed (isWellFormed is native: a study file of
// 25 MB is checked in a few tens of milliseconds, where a pattern with look-behind took hundreds).

/** True when the text holds no control character and no lone surrogate (one line). */
export function isPlainLine(text: string): boolean {
  return !LINE_CONTROLS.test(text) && text.isWellFormed();
}

/** True when the text holds no control character but tab and line ends, and no lone surrogate. */
export function isPlainParagraphs(text: string): boolean {
  return !PARAGRAPH_CONTROLS.test(text) && text.isWellFormed();
}

/** The marker on a refusal by these rules, in the issue's `params.textRule`. */
export const CONTROL_CHARACTER_RULE = 'control-character';

/** "naam bevat een onzichtbaar stuurteken": what is wrong, for a list of problems. */
export function controlCharacterFinding(field: string): string {
  return `${field} bevat een onzichtbaar stuurteken`;
}

/** The Dutch sentence for a field that holds a control character, with what to do about it. */
export function controlCharacterMessage(field: string): string {
  const finding = controlCharacterFinding(field);
  return `${finding.charAt(0).toUpperCase()}${finding.slice(1)}. Verwijder het (bijvoorbeeld door de tekst opnieuw te typen) en probeer het opnieuw.`;
}

/** True when a zod issue is a refusal by these rules. */
export function isControlCharacterIssue(issue: { code: string; params?: Record<string, unknown> }): boolean {
  return issue.code === 'custom' && issue.params?.textRule === CONTROL_CHARACTER_RULE;
}

const refusal = { message: controlCharacterMessage('deze tekst'), params: { textRule: CONTROL_CHARACTER_RULE } };

/** A one-line text field (names, labels, codes, ids). Chain `.trim().min().max()` as with `z.string()`. */
export function plainText(): z.ZodString {
  return z.string().refine(isPlainLine, refusal);
}

/** A text field that may hold paragraphs: newline and tab allowed (open answers, consent texts, descriptions). */
export function multilineText(): z.ZodString {
  return z.string().refine(isPlainParagraphs, refusal);
}

/**
 * The same rule on a field that is not built from `plainText()`/`multilineText()` itself (a nullable
 * or optional string, a schema taken from elsewhere): `refusingControlCharacters(schema)` for one
 * line, `{ multiline: true }` where tabs and line ends belong.
 */
export function refusingControlCharacters<T extends z.ZodType<string | null | undefined>>(schema: T, options: { multiline?: boolean } = {}): T {
  const allowed = options.multiline ? isPlainParagraphs : isPlainLine;
  return schema.refine((value) => typeof value !== 'string' || allowed(value), refusal) as T;
}
