import { describe, expect, it } from 'vitest';
import { KNOWN_NOTICES, noticeParams, noticeText, noticeTexts, type NoticeContext, type Translate } from '../../renderer/src/features/dashboard/notices';
import { loadLocale, useLocaleTranslator } from '../support/locale-translator';
import { W0, W1 } from './dashboard-fixtures';

/**
 * Notices come from the results service as codes; the sentences are in the locale files. These
 * tests use the real nl.json and en.json through a real i18next instance.
 */

const translator = useLocaleTranslator();

const ctx = (locale: 'nl' | 'en' = 'nl'): NoticeContext => ({
  locale,
  minGroupSize: 5,
  waves: [
    { waveId: W0, label: 'T0', kind: 'T0', plannedDate: null },
    { waveId: W1, label: 'T1', kind: 'T1', plannedDate: null },
  ],
  labels: new Map([['ks_org_04', { nl: 'Hygiëne in afspraken', en: 'Discipline in agreements' }]]),
});

describe('notice texts', () => {
  it('has a sentence for every known code in both languages', () => {
    for (const lng of ['nl', 'en'] as const) {
      const notices = (loadLocale(lng).dashboard as { notices: Record<string, string> }).notices;
      for (const code of [...KNOWN_NOTICES, 'generic']) expect(notices[code], `${lng}: ${code}`).toBeTruthy();
    }
  });

  it('translates a known code, with the wave and item it is about in front', () => {
    expect(noticeText({ code: 'all-declined', params: { waveId: W1, itemId: 'ks_org_04' } }, translator('nl'), ctx())).toBe(
      'T1 · Hygiëne in afspraken: Alle antwoorden zijn ‘weet niet / n.v.t.’. Er is daarom geen score te berekenen.',
    );
    expect(noticeText({ code: 'no-responses', params: {} }, translator('en'), ctx('en'))).toBe('No questionnaires have been submitted yet, so there are no results yet.');
  });

  it('fills the parameters the results service sends', () => {
    expect(noticeText({ code: 'too-small', params: { waveId: W1, n: 3, min: 5 } }, translator('nl'), ctx())).toBe(
      'T1: Er zijn 3 ingeleverde vragenlijsten, minder dan 5. Om de respondenten te beschermen worden de resultaten niet getoond.',
    );
    expect(noticeText({ code: 'alpha-small-n', params: { threshold: 30 } }, translator('en'), ctx('en'))).toBe(
      'Cronbach’s alpha rests on fewer than 30 respondents here and is therefore uncertain.',
    );
    expect(noticeText({ code: 'link-proposals', params: { waveId: W1, count: 3 } }, translator('nl'), ctx())).toBe(
      'T1: Mogelijke koppelingen die op uw besluit wachten: 3. Tot u besluit, tellen deze respondenten in geen enkele vergelijking mee.',
    );
    // Without n the sentence cannot be completed: the generic one instead of "{{n}}".
    expect(noticeText({ code: 'too-small', params: { waveId: W1 } }, translator('nl'), ctx())).toBe(
      'T1: Niet alle resultaten konden worden berekend of getoond. De tabellen laten zien wat er wel is.',
    );
  });

  it('gives the generic sentence for a code it does not know, never the code or a key', () => {
    const text = noticeText({ code: 'new-in-version-9', params: { n: 3 } }, translator('nl'), ctx());
    expect(text).toBe('Niet alle resultaten konden worden berekend of getoond. De tabellen laten zien wat er wel is.');
    expect(text).not.toContain('new-in-version-9');
    expect(text).not.toContain('dashboard.');
  });

  it('falls back to the generic sentence when a placeholder stays unfilled', () => {
    const t: Translate = (key, params) => (key.endsWith('too-small') ? 'Minder dan {{required}} paren' : translator('nl')(key, params));
    expect(noticeText({ code: 'too-small', params: {} }, t, ctx())).toBe('Niet alle resultaten konden worden berekend of getoond. De tabellen laten zien wat er wel is.');
  });

  it('formats numeric parameters in the UI language and always offers the minimum group size', () => {
    expect(noticeParams({ code: 'x', params: { n: 12, alpha: 0.8123, bad: Number.NaN } }, ctx())).toEqual({ min: '5', n: '12', alpha: '0,81' });
    expect(noticeParams({ code: 'x', params: { alpha: 0.8123 } }, ctx('en'))).toEqual({ min: '5', alpha: '0.81' });
  });

  it('shows the same sentence once', () => {
    const texts = noticeTexts(
      [
        { code: 'instrument-changed', params: { versions: 'T0: 1, T1: 2', items: 2 } },
        { code: 'instrument-changed', params: { versions: 'T0: 1, T1: 2', items: 2 } },
        { code: 'unknown-a', params: {} },
        { code: 'unknown-b', params: {} },
      ],
      translator('nl'),
      ctx(),
    );
    expect(texts).toHaveLength(2);
  });
});
