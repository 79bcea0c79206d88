import { z } from 'zod';

/** The UI speaks Dutch first, English second: every text an instrument shows comes in both. */
export const localizedText = z.strictObject({
  nl: z.string().min(1).max(2000),
  en: z.string().min(1).max(2000),
});
export type LocalizedText = z.infer<typeof localizedText>;

export type Locale = 'nl' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'en'];

// --- Invisible control characters ----------------------------------------------------------------

/** C0 control characters (NUL, escape, …), DEL and the C1 controls: never part of a name, code or label. */
const CONTROL_CHARACTER = /[\u0000-\u001F\u007F-\u009F]/;
/** The same, except tab, line feed and carriage return: what a field of several lines (an open answer) may hold. */
const CONTROL_CHARACTER_BUT_LINE_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * True when `text` holds an invisible control character. The one rule for text the app stores, from
 * the API and from study files alike: names, labels, codes and other single-line fields hold none; a
 * field of several lines (`multiline`: open answers, descriptions, consent texts) may hold tabs and
 * line breaks, nothing else.
 */
export function hasControlCharacters(text: string, multiline = false): boolean {
  return (multiline ? CONTROL_CHARACTER_BUT_LINE_BREAKS : CONTROL_CHARACTER).test(text);
}

export const CONTROL_CHARACTER_MESSAGE = 'Bevat onzichtbare stuurtekens (zoals een nul-teken); typ de tekst opnieuw zonder die tekens';

/** Marks the zod issue of `plainText`, so a caller can group these problems. */
export const CONTROL_CHARACTER_ISSUE = 'control-characters';

/**
 * A zod text field (or a nullable/optional one) that refuses control characters: `plainText(name)`
 * for a single line, `plainText(answer, { multiline: true })` where tabs and line breaks belong.
 */
export function plainText<T extends z.ZodType<string | null | undefined>>(schema: T, options: { multiline?: boolean } = {}): T {
  return schema.refine((value) => typeof value !== 'string' || !hasControlCharacters(value, options.multiline ?? false), {
    message: CONTROL_CHARACTER_MESSAGE,
    params: { kind: CONTROL_CHARACTER_ISSUE },
  }) as T;
}
