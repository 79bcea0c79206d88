import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale, LocalizedText } from '../../../shared/text';
import en from './en.json';
import nl from './nl.json';

/**
 * Dutch first, English second. Both locale files are bundled (they are small and the app runs
 * offline), so there is no backend plugin and no loading state. The choice is remembered per
 * machine in localStorage.
 */
export const LOCALES: readonly Locale[] = ['nl', 'en'];
const STORAGE_KEY = 'netwerkspiegel.locale';

function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: storedLocale(),
  fallbackLng: 'nl',
  supportedLngs: LOCALES,
  // React escapes what it renders; escaping here would show &amp; and the like.
  interpolation: { escapeValue: false },
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Storage may be unavailable; the switch still works for this session.
  }
});

export function currentLocale(): Locale {
  return i18n.language === 'en' ? 'en' : 'nl';
}

/** Picks the UI language's text from an instrument's {nl, en} pair. */
export function localized(text: LocalizedText, locale: Locale): string {
  return text[locale] || text.nl;
}

export default i18n;
