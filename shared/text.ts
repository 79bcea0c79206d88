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

/** Tab, line feed and carriage return: the control characters a field of several lines may hold. */
const LINE_BREAKS_AND_TAB = new Set([0x09, 0x0a, 0x0d]);

/**
 * True when `text` holds an invisible control character: C0 (NUL, escape, …), DEL or C1. The one
 * rule for text the app stores, from the API and from study files alike: names, labels, codes and
 * other single-line fields hold none; a field of several lines (`multiline`: open answers,
 * descriptions, consent texts) may hold tabs and line breaks, nothing else.
 */
export function hasControlCharacters(text: string, multiline = false): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 ? !(multiline && LINE_BREAKS_AND_TAB.has(c)) : c >= 0x7f && c <= 0x9f) return true;
  }
  return false;
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
