import type { Locale } from '../../../shared/text';

const numberLocale: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

/** A mean with two decimals in the UI language's notation: 3,75 in Dutch, 3.75 in English. */
export function formatMean(value: number, locale: Locale): string {
  return new Intl.NumberFormat(numberLocale[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** A planned date (YYYY-MM-DD) as people read it; the stored value stays ISO. */
export function formatDate(isoDate: string, locale: Locale): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(numberLocale[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** Today on this computer's calendar as YYYY-MM-DD (local time, not UTC: a report made at 00:30 carries that day). */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
