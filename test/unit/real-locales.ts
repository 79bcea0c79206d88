import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n } from 'i18next';
import { beforeAll } from 'vitest';
import type { Translate } from '../../renderer/src/features/dashboard/notices';

const localeDir = join(__dirname, '../../renderer/src/i18n');

/** A locale file of the app as it ships. */
export const loadLocale = (locale: string) => JSON.parse(readFileSync(join(localeDir, `${locale}.json`), 'utf8')) as Record<string, unknown>;

/**
 * A real i18next over the real nl.json and en.json, set up before the file's tests: returns the
 * `Translate` of one language, as the dashboard's pure text functions take it. Call at the top level.
 */
export function useRealTranslator(): (lng: 'nl' | 'en') => Translate {
  let i18n: i18n;
  beforeAll(async () => {
    i18n = i18next.createInstance();
    await i18n.init({ resources: { nl: { translation: loadLocale('nl') }, en: { translation: loadLocale('en') } }, lng: 'nl', fallbackLng: 'nl', interpolation: { escapeValue: false } });
  });
  return (lng) => (key, params) => i18n.getFixedT(lng)(key, params ?? {}) as string;
}
