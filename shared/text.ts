import { z } from 'zod';

/** The UI speaks Dutch first, English second: every text an instrument shows comes in both. */
export const localizedText = z.strictObject({
  nl: z.string().min(1).max(2000),
  en: z.string().min(1).max(2000),
});
export type LocalizedText = z.infer<typeof localizedText>;

export type Locale = 'nl' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'en'];
