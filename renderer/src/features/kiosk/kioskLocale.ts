import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../shared/text';

/**
 * The respondent's language. Kiosk mode never changes the app's language (that is the
 * researcher's, kept in localStorage): every kiosk screen takes a translation function fixed to
 * the language of the person at the screen, which is React state of their flow and so starts
 * Dutch again for the next person.
 */
export const KioskLocale = createContext<Locale>('nl');

export function useKioskT() {
  const locale = useContext(KioskLocale);
  const { t } = useTranslation(undefined, { lng: locale });
  return { t, locale };
}
