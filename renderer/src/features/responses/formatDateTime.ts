import type { Locale } from '../../../../shared/text';

const tags: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

/** A stored ISO timestamp as people read it, in local time: "14 mrt 2026, 10:05". */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(tags[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
