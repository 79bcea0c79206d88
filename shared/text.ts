import { z } from 'zod';
import { multilineText, plainText } from './text-rules';

/**
 * The UI speaks Dutch first, English second: every text an instrument shows comes in both.
 * A question, an introduction or a licence may run over several lines.
 */
export const localizedText = z.strictObject({
  nl: multilineText().min(1).max(2000),
  en: multilineText().min(1).max(2000),
});
export type LocalizedText = z.infer<typeof localizedText>;

/** A name, label or title in both languages: one line, as it heads a column, a chart or a page. */
export const localizedLine = z.strictObject({
  nl: plainText().min(1).max(2000),
  en: plainText().min(1).max(2000),
});

export type Locale = 'nl' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'en'];
