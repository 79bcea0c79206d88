import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n } from 'i18next';
import { beforeAll } from 'vitest';
import type { Translate } from '../../renderer/src/features/dashboard/notices';

/** The renderer's locale file of `locale`, as it is bundled. */
export const loadLocale = (locale: 'nl' | 'en') =>
  JSON.parse(readFileSync(join(__dirname, '../../renderer/src/i18n', `${locale}.json`), 'utf8')) as Record<string, unknown>;

/**
 * For tests of pure code that turns codes into sentences: the real nl.json and en.json through a
 * real i18next instance (set up before the file's tests), as a `Translate` per language.
 */
export function useLocaleTranslator(): (lng: 'nl' | 'en') => Translate {
  let i18n: i18n;
  beforeAll(async () => {
    i18n = i18next.createInstance();
    await i18n.init({ resources: { nl: { translation: loadLocale('nl') }, en: { translation: loadLocale('en') } }, lng: 'nl', fallbackLng: 'nl', interpolation: { escapeValue: false } });
  });
  return (lng) => (key, params) => i18n.getFixedT(lng)(key, params ?? {}) as string;
}
