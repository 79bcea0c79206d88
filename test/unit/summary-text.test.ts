import { describe, expect, it } from 'vitest';
import { dontKnowShare } from '../../shared/conversation';
import type { ConversationPoint } from '../../shared/results';
import { summarize } from '../../shared/results-summary';
import { conditionLine, detailIds, highlightLines, overallLine, pointFacts, pointsByKind, responseLines, verdictWord } from '../../renderer/src/features/dashboard/summary-text';
import { useLocaleTranslator } from '../support/locale-translator';
import { oneWave, summaryDashboard, T0, T1 } from './summary-fixtures';

/**
 * The *Samenvatting* and the *gesprekspunten* in words, through a real i18next with the real
 * nl.json and en.json. The expected sentences are written out by hand from the numbers in
 * summary-fixtures.ts.
 */

const tr = useLocaleTranslator();

describe('the words for a change', () => {
  it('are the coordinator’s words in Dutch and English', () => {
    expect(['higher', 'possiblyHigher', 'similar', 'possiblyLower', 'lower', 'tooFew'].map((v) => verdictWord(v as never, tr('nl')))).toEqual([
      'duidelijk hoger',
      'mogelijk hoger',
      'ongeveer gelijk',
      'mogelijk lager',
      'duidelijk lager',
      'te weinig gegevens',
    ]);
    expect(verdictWord('similar', tr('en'))).toBe('about the same');
  });
});

describe('the summary in sentences', () => {
  it('says per condition where it came from, where it went, and what that means, with the interval', () => {
    const d = summaryDashboard();
    const lines = summarize(d).conditions.map((c) => conditionLine(c, d, tr('nl'), 'nl'));
    expect(lines.map((l) => l.text)).toEqual([
      'Gedeelde ambitie: duidelijk hoger, van 3,00 naar 3,60, +0,60 (waarschijnlijk tussen +0,10 en +1,10).',
      'Recht doen aan belangen: ongeveer gelijk, van 3,20 naar 3,25, +0,05 (waarschijnlijk tussen -0,20 en +0,30).',
      'Goed persoonlijk samenwerken: mogelijk lager, van 3,80 naar 3,50, -0,30 (waarschijnlijk tussen -0,70 en +0,10).',
      'Professioneel organiseren: duidelijk lager, van 2,50 naar 2,00, -0,50 (waarschijnlijk tussen -0,90 en -0,10).',
      'Betekenisgevend proces: te weinig gegevens om te vergelijken. Nulmeting: te weinig antwoorden (minder dan 5); Na 1 jaar: 3,00.',
    ]);
    // Each line points to the row of the change table that holds its numbers.
    expect(lines[0]!.target).toEqual({ tab: 'conditions', id: detailIds.conditionChange(T1, 'ks_amb') });
    expect(lines.map((l) => l.verdict)).toEqual(['higher', 'similar', 'possiblyLower', 'lower', 'tooFew']);
    const en = conditionLine(summarize(d).conditions[0]!, d, tr('en'), 'en');
    expect(en.text).toBe('Shared ambition: clearly higher, from 3.00 to 3.60, +0.60 (probably between +0.10 and +1.10).');
  });

  it('opens with the answer to "did it improve?"', () => {
    const d = summaryDashboard();
    expect(overallLine(summarize(d), tr('nl'))).toBe('Van de 5 condities: 1 duidelijk hoger, 1 ongeveer gelijk, 1 mogelijk lager, 1 duidelijk lager en 1 te weinig gegevens.');
    expect(overallLine(summarize(d), tr('en'))).toBe('Of the 5 conditions: 1 clearly higher, 1 about the same, 1 possibly lower, 1 clearly lower and 1 too little data.');
  });

  it('names the strongest, weakest, biggest rise and fall and the rapportcijfer, each with its numbers and its row', () => {
    const d = summaryDashboard();
    const lines = highlightLines(summarize(d), d, tr('nl'), 'nl');
    expect(lines.map((l) => [l.key, l.text])).toEqual([
      ['strongest', 'Het sterkst bij Na 1 jaar: Gedeelde ambitie (3,60).'],
      ['weakest', 'Het zwakst bij Na 1 jaar: Professioneel organiseren (2,00).'],
      ['rise', 'De grootste stijging sinds Nulmeting: Gedeelde ambitie, +0,60 (waarschijnlijk tussen +0,10 en +1,10): duidelijk hoger.'],
      ['fall', 'De grootste daling sinds Nulmeting: Professioneel organiseren, -0,50 (waarschijnlijk tussen -0,90 en -0,10): duidelijk lager.'],
      ['grade', 'Rapportcijfer: 6,5 bij Nulmeting (10 mensen); 7,2 bij Na 1 jaar (12 mensen). Dat is duidelijk hoger: +0,70 (waarschijnlijk tussen +0,20 en +1,20).'],
    ]);
    expect(lines.map((l) => l.target)).toEqual([
      { tab: 'conditions', id: detailIds.conditionMean('ks_amb', T1) },
      { tab: 'conditions', id: detailIds.conditionMean('ks_org', T1) },
      { tab: 'conditions', id: detailIds.conditionChange(T1, 'ks_amb') },
      { tab: 'conditions', id: detailIds.conditionChange(T1, 'ks_org') },
      { tab: 'conditions', id: detailIds.grade(T1) },
    ]);
  });

  it('withholds a rapportcijfer below the minimum group size, and says when nothing fell', () => {
    const d = summaryDashboard();
    const grade = d.items.find((it) => it.itemId === 'ks_cijfer')!;
    grade.perWave[0]!.stats = { ...grade.perWave[0]!.stats, n: 3, mean: null, suppressed: true };
    d.comparisons[0]!.rows = d.comparisons[0]!.rows.map((r) => (r.allRespondents.meanDiff !== null && r.allRespondents.meanDiff < 0 ? { ...r, allRespondents: { ...r.allRespondents, meanDiff: 0.1, ciLow: -0.2, ciHigh: 0.4 } } : r));
    const lines = highlightLines(summarize(d), d, tr('nl'), 'nl');
    expect(lines.find((l) => l.key === 'grade')!.text).toBe('Rapportcijfer: Nulmeting: te weinig antwoorden (minder dan 5); 7,2 bij Na 1 jaar (12 mensen). Dat is duidelijk hoger: +0,70 (waarschijnlijk tussen +0,20 en +1,20).');
    expect(lines.find((l) => l.key === 'fall')).toMatchObject({ text: 'Geen enkele conditie is duidelijk of mogelijk gedaald sinds Nulmeting.', target: null });
  });

  it('gives the response per wave and the people in both waves', () => {
    const d = summaryDashboard();
    expect(responseLines(summarize(d), d, tr('nl'), 'nl').map((l) => l.text)).toEqual([
      'Ingevuld: 10 van de 15 uitgenodigden bij Nulmeting; 12 van de 15 uitgenodigden bij Na 1 jaar.',
      '9 mensen vulden zowel Nulmeting als Na 1 jaar in (gekoppeld via de code).',
    ]);
    d.counts = d.counts.map((c) => ({ ...c, invited: null }));
    expect(responseLines(summarize(d), d, tr('en'), 'en').map((l) => l.text)).toEqual([
      'Filled in: 10 at Nulmeting; 12 at Na 1 jaar.',
      '9 people filled in both Nulmeting and Na 1 jaar (linked by their code).',
    ]);
  });

  it('with one wave says so instead of a change', () => {
    const d = oneWave(summaryDashboard());
    const s = summarize(d);
    expect(overallLine(s, tr('nl'))).toBeNull();
    expect(conditionLine(s.conditions[0]!, d, tr('nl'), 'nl').text).toBe('Gedeelde ambitie: 3,00 bij Nulmeting (10 mensen).');
    expect(conditionLine(s.conditions[4]!, d, tr('nl'), 'nl').text).toBe('Betekenisgevend proces bij Nulmeting: te weinig antwoorden (minder dan 5).');
  });
});

describe('conversation points in words', () => {
  const d = summaryDashboard();
  const base = { itemId: 'ks_amb_01', label: { nl: 'Mate van gedeeldheid', en: 'Degree of sharing' }, scaleId: 'ks_amb', waveId: T1, prompt: { nl: 'Vraag?', en: 'Question?' } };
  const dontKnow = (count: number, seen: number): ConversationPoint => ({ ...base, kind: 'dontKnow', count, seen, share: dontKnowShare(count, seen) });

  it('words "weet niet" in proportion: 1 of 7, about half, most', () => {
    expect(pointFacts(dontKnow(1, 7), d, tr('nl'), 'nl')).toBe('Na 1 jaar: 1 van de 7 mensen antwoordde ‘weet niet / n.v.t.’');
    expect(pointFacts(dontKnow(2, 7), d, tr('nl'), 'nl')).toBe('Na 1 jaar: 2 van de 7 mensen antwoordden ‘weet niet / n.v.t.’');
    expect(pointFacts(dontKnow(4, 7), d, tr('nl'), 'nl')).toBe('Na 1 jaar: ongeveer de helft (4 van de 7 mensen) antwoordde ‘weet niet / n.v.t.’');
    expect(pointFacts(dontKnow(6, 7), d, tr('nl'), 'nl')).toBe('Na 1 jaar: de meesten (6 van de 7 mensen) antwoordden ‘weet niet / n.v.t.’');
    expect(pointFacts(dontKnow(7, 7), d, tr('nl'), 'nl')).toBe('Na 1 jaar: iedereen (7 van de 7 mensen) antwoordde ‘weet niet / n.v.t.’');
    expect(pointFacts(dontKnow(1, 7), d, tr('en'), 'en')).toBe('Na 1 jaar: 1 of the 7 people answered ‘don’t know / not applicable’');
    expect(pointFacts(dontKnow(4, 7), d, tr('en'), 'en')).toBe('Na 1 jaar: about half (4 of the 7 people) answered ‘don’t know / not applicable’');
    expect(pointFacts(dontKnow(6, 7), d, tr('en'), 'en')).toBe('Na 1 jaar: most (6 of the 7 people) answered ‘don’t know / not applicable’');
  });

  it('gives a fall and a rise with their interval and words, a low or high score with its scale', () => {
    const change = (meanDiff: number, ciLow: number, ciHigh: number, verdict: 'lower' | 'possiblyHigher') => ({ baselineWaveId: T0, meanDiff, ciLow, ciHigh, verdict });
    const range = { min: 1, max: 5 };
    expect(pointFacts({ ...base, kind: 'fall', mean: 2.2, range, change: change(-0.7, -1.1, -0.3, 'lower') }, d, tr('nl'), 'nl')).toBe(
      'Na 1 jaar: gedaald sinds Nulmeting, -0,70 (waarschijnlijk tussen -1,10 en -0,30): duidelijk lager; nu 2,20',
    );
    expect(pointFacts({ ...base, kind: 'success', reason: 'rise', mean: 3.4, range, change: change(0.3, -0.1, 0.7, 'possiblyHigher') }, d, tr('nl'), 'nl')).toBe(
      'Na 1 jaar: gestegen sinds Nulmeting, +0,30 (waarschijnlijk tussen -0,10 en +0,70): mogelijk hoger; nu 3,40',
    );
    expect(pointFacts({ ...base, kind: 'low', mean: 2.4, range }, d, tr('nl'), 'nl')).toBe('Na 1 jaar: gemiddelde 2,40 op een schaal van 1 tot 5');
    expect(pointFacts({ ...base, kind: 'success', reason: 'high', mean: 4.25, range, change: null }, d, tr('en'), 'en')).toBe('Na 1 jaar: mean 4.25 on a scale of 1 to 5');
  });

  it('groups points by kind, what went well first, and drops a point without usable numbers', () => {
    const withPoints = summaryDashboard();
    withPoints.conversation = [
      { ...base, kind: 'low', mean: 2.4, range: { min: 1, max: 5 } },
      { ...base, itemId: 'broken', kind: 'low', mean: Number.NaN, range: { min: 1, max: 5 } },
      dontKnow(4, 7),
      { ...base, itemId: 'x', kind: 'success', reason: 'high', mean: 4.4, range: { min: 1, max: 5 }, change: null },
    ];
    const groups = pointsByKind(withPoints);
    expect(Object.entries(groups).map(([kind, points]) => [kind, points.map((p) => p.itemId)])).toEqual([
      ['success', ['x']],
      ['fall', []],
      ['low', ['ks_amb_01']],
      ['dontKnow', ['ks_amb_01']],
    ]);
  });
});
