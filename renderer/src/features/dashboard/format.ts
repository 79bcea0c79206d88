import type { Locale, LocalizedText } from '../../../../shared/text';

/**
 * Pure formatting for the results screens. Every function takes a value that may be null (a
 * suppressed or incomputable statistic) and returns a string that never reads "NaN", "null",
 * "undefined" or "Infinity": what cannot be shown becomes the fallback (a dash by default).
 * No i18next and no React here, so the unit tests run these in Node.
 */

const numberLocale: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

/** Shown for a number that does not exist (not computable, too few answers to compute). */
export const NO_VALUE = '–';

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Rounds half away from zero at `decimals`, on the number as it is written (1.005 → 1.01, as a
 * hand calculation gives, although the binary double is slightly below 1.005), and turns -0
 * into 0 so "-0,00" is never shown.
 */
function rounded(value: number, decimals: number): number {
  const abs = Math.abs(value);
  const [mantissa, exponent = '0'] = String(abs).split('e');
  const shifted = Math.round(Number(`${mantissa}e${Number(exponent) + decimals}`));
  const [m2, e2 = '0'] = String(shifted).split('e');
  const r = Number(`${m2}e${Number(e2) - decimals}`);
  const signed = value < 0 ? -r : r;
  return signed === 0 || !Number.isFinite(signed) ? 0 : signed;
}

/**
 * One formatter per language and number of decimals: building an Intl.NumberFormat costs far more
 * than using one, and a dashboard formats tens of thousands of numbers.
 */
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: Locale, decimals: number): Intl.NumberFormat {
  const key = `${locale}/${decimals}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(numberLocale[locale], { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false })));
  return f;
}

/** 3,75 in Dutch, 3.75 in English; the fallback for null, NaN or ±Infinity. */
export function formatNumber(value: number | null | undefined, locale: Locale, decimals = 2, fallback = NO_VALUE): string {
  if (!isNumber(value)) return fallback;
  return formatter(locale, decimals).format(rounded(value, decimals));
}

/** A whole number (counts): 12. */
export function formatCount(value: number | null | undefined, locale: Locale, fallback = NO_VALUE): string {
  return formatNumber(value, locale, 0, fallback);
}

/** A difference with its sign: +0,40, -0,25, 0,00. */
export function formatSigned(value: number | null | undefined, locale: Locale, decimals = 2, fallback = NO_VALUE): string {
  if (!isNumber(value)) return fallback;
  const r = rounded(value, decimals);
  const text = formatNumber(Math.abs(r), locale, decimals);
  if (r > 0) return `+${text}`;
  if (r < 0) return `-${text}`;
  return text;
}

/** A share between 0 and 1 as a percentage: 0.456 → "46%". */
export function formatPercent(share: number | null | undefined, locale: Locale, decimals = 0, fallback = NO_VALUE): string {
  if (!isNumber(share)) return fallback;
  return `${formatNumber(share * 100, locale, decimals)}%`;
}

/** A p-value as researchers write it: "< 0,001" below one in a thousand, otherwise three decimals. */
export function formatP(p: number | null | undefined, locale: Locale, fallback = NO_VALUE): string {
  if (!isNumber(p) || p < 0) return fallback;
  if (p < 0.001) return `< ${formatNumber(0.001, locale, 3)}`;
  return formatNumber(Math.min(p, 1), locale, 3);
}

/**
 * A 95% confidence interval: "[3,12; 4,05]" in Dutch (the comma is the decimal sign, so the
 * bounds are separated by a semicolon), "[3.12, 4.05]" in English. Fallback unless both bounds exist.
 */
export function formatInterval(low: number | null | undefined, high: number | null | undefined, locale: Locale, decimals = 2, fallback = NO_VALUE): string {
  if (!isNumber(low) || !isNumber(high)) return fallback;
  const sep = locale === 'nl' ? '; ' : ', ';
  return `[${formatNumber(low, locale, decimals)}${sep}${formatNumber(high, locale, decimals)}]`;
}

/** Same as `formatInterval`, but for signed quantities (a difference): "[-0,20; +0,85]". */
export function formatSignedInterval(low: number | null | undefined, high: number | null | undefined, locale: Locale, decimals = 2, fallback = NO_VALUE): string {
  if (!isNumber(low) || !isNumber(high)) return fallback;
  const sep = locale === 'nl' ? '; ' : ', ';
  return `[${formatSigned(low, locale, decimals)}${sep}${formatSigned(high, locale, decimals)}]`;
}

/** The UI language's text of an instrument's {nl, en} pair (Dutch when the English one is empty). */
export function pick(text: LocalizedText | null | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] || text.nl || '';
}

/**
 * A table as tab-separated text for the clipboard: pasting into Excel or a report keeps the
 * rows and columns. Tabs and line breaks inside cells become spaces.
 */
export function tableToTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((cell) => cell.replace(/[\t\r\n]+/g, ' ').trim()).join('\t')).join('\n');
}

/** True when a string shows something that should never reach a person. */
export function looksBroken(text: string): boolean {
  return /NaN|null|undefined|Infinity|\{\{/.test(text);
}
