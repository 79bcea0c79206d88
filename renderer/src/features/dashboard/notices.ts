import type { Notice, WaveColumn } from '../../../../shared/results';
import type { Locale, LocalizedText } from '../../../../shared/text';
import { formatNumber, pick } from './format';

/**
 * Notices arrive as codes with parameters; the locale files hold the sentences. A code this
 * version does not know, or a sentence whose placeholders the parameters do not fill, becomes a
 * generic sentence: the person never sees a raw key or "{{n}}".
 */
export const KNOWN_NOTICES = [
  'no-waves',
  'instrument-not-in-wave',
  'no-responses',
  'single-respondent',
  'too-small',
  'all-declined',
  'no-scores',
  'instrument-changed',
  'alpha-small-n',
  'breakdown-unavailable',
  'governance-unavailable',
  'breakdown-not-in-wave',
  'tolerant-matches',
  'link-proposals',
  // On a row of the statistics table (the row names the scale or item):
  'not-in-both',
  'scale-changed',
] as const;
export type KnownNotice = (typeof KNOWN_NOTICES)[number];

/** Notices that only concern the statistics: shown on the researchers' tab, not at the top. */
export const RESEARCH_NOTICES: ReadonlySet<string> = new Set(['alpha-small-n']);

export const isKnownNotice = (code: string): code is KnownNotice => (KNOWN_NOTICES as readonly string[]).includes(code);

/** i18next's `t` reduced to what is needed here (and easy to fake in a unit test). */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface NoticeContext {
  locale: Locale;
  minGroupSize: number;
  waves: readonly WaveColumn[];
  /** Labels of scales and items by id, to name what a notice is about. */
  labels?: ReadonlyMap<string, LocalizedText>;
}

/** Parameters as people read them: numbers in the UI language's notation, ids replaced by names. */
export function noticeParams(notice: Notice, ctx: NoticeContext): Record<string, string> {
  const out: Record<string, string> = { min: formatNumber(ctx.minGroupSize, ctx.locale, 0) };
  for (const [key, value] of Object.entries(notice.params ?? {})) {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) continue;
      out[key] = formatNumber(value, ctx.locale, Number.isInteger(value) ? 0 : 2);
    } else if (typeof value === 'string') {
      out[key] = value;
    }
  }
  return out;
}

/** What a notice is about, as a prefix: "T1 · Vertrouwen". Empty when it is about the whole result. */
export function noticeSubject(notice: Notice, ctx: NoticeContext): string {
  const parts: string[] = [];
  const waveId = notice.params?.waveId;
  if (typeof waveId === 'string') {
    const wave = ctx.waves.find((w) => w.waveId === waveId);
    if (wave) parts.push(wave.label);
  }
  for (const key of ['scaleId', 'itemId'] as const) {
    const id = notice.params?.[key];
    if (typeof id !== 'string') continue;
    const label = ctx.labels?.get(id);
    if (label) parts.push(pick(label, ctx.locale));
  }
  return parts.join(' · ');
}

/** The sentence for a notice, with its subject in front when it has one. */
export function noticeText(notice: Notice, translate: Translate, ctx: NoticeContext): string {
  const params = noticeParams(notice, ctx);
  const generic = translate('dashboard.notices.generic', params);
  let text = generic;
  if (isKnownNotice(notice.code)) {
    const candidate = translate(`dashboard.notices.${notice.code}`, params);
    if (candidate && !candidate.includes('{{') && !candidate.startsWith('dashboard.')) text = candidate;
  }
  const subject = noticeSubject(notice, ctx);
  return subject ? `${subject}: ${text}` : text;
}

/** Notices with the same sentence are shown once. */
export function noticeTexts(notices: readonly Notice[], translate: Translate, ctx: NoticeContext): string[] {
  return [...new Set(notices.map((n) => noticeText(n, translate, ctx)))];
}
