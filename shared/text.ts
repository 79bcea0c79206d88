import { z } from 'zod';
import { multilineText, plainText } from './text-rules';

/**
 * The UI speaks Dutch first, English second. Every text an instrument shows is in Dutch; its
 * English is there when the instrument is bilingual (its `languages`), and absent when it is
 * Dutch only. Whether all of an instrument's texts agree on that is checked by the definition
 * schema (shared/instruments/languages.ts), not per text. A question, an introduction or a
 * licence may run over several lines.
 */
export const localizedText = z.strictObject({
  nl: multilineText().min(1).max(2000),
  en: multilineText().min(1).max(2000).optional(),
});
export type LocalizedText = z.infer<typeof localizedText>;

/** A name, label or title: one line, as it heads a column, a chart or a page. */
export const localizedLine = z.strictObject({
  nl: plainText().min(1).max(2000),
  en: plainText().min(1).max(2000).optional(),
});

/** A text the app itself says, always in both languages (prompts, headings of its own). */
export interface BilingualText {
  nl: string;
  en: string;
}

export type Locale = 'nl' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'en'];

/** A text in the asked language; a Dutch-only text gives its Dutch in English too. */
export function inLocale(text: LocalizedText, locale: Locale): string {
  return text[locale] || text.nl;
}
