import { describe, expect, it } from 'vitest';
import { changeVerdict, indicatorChanges, latestWaveWithResults, practicalDifference, summarize } from '../../shared/results-summary';
import { hidden, shown } from './dashboard-fixtures';
import { change, oneWave, row, statement, summaryDashboard, T0, T1 } from './summary-fixtures';

/**
 * The decisions of the *Samenvatting*: the words for a change from its 95% interval and the
 * practical threshold, and strongest, weakest, biggest rise and fall, rapportcijfer and response on
 * a small hand-made dashboard (summary-fixtures.ts, where every expected value is worked out).
 */

const FIVE = { min: 1, max: 5 };
const verdict = (diff: number | null, low: number | null, high: number | null, range = FIVE, tooSmall = false) => changeVerdict({ meanDiff: diff, ciLow: low, ciHigh: high, tooSmall }, range);

describe('changeVerdict: the change in words', () => {
  it('says "duidelijk hoger" or "lower" when the interval lies entirely above or below zero', () => {
    expect(verdict(0.3, 0.1, 0.5)).toBe('higher');
    expect(verdict(-0.3, -0.5, -0.1)).toBe('lower');
    // A small difference whose interval still excludes zero is clearly higher: the interval decides.
    expect(verdict(0.05, 0.01, 0.09)).toBe('higher');
  });

  it('says "ongeveer gelijk" when the interval contains zero and the difference is under a twentieth of the range', () => {
    // [-0,2; +0,3] around +0,05; 0,05 < 0,2 = (5 − 1) / 20.
    expect(practicalDifference(FIVE)).toBeCloseTo(0.2, 12);
    expect(verdict(0.05, -0.2, 0.3)).toBe('similar');
    expect(verdict(0.19, -0.1, 0.48)).toBe('similar');
    expect(verdict(0, -0.4, 0.4)).toBe('similar');
  });

  it('says "mogelijk hoger / lager" when the interval contains zero but the difference reaches the threshold', () => {
    expect(verdict(0.3, -0.1, 0.7)).toBe('possiblyHigher');
    expect(verdict(-0.3, -0.7, 0.1)).toBe('possiblyLower');
    // Exactly the threshold counts: 0,2 on 1–5 (written as 3,4 − 3,2, with its rounding noise).
    expect(verdict(3.4 - 3.2, -0.1, 0.5)).toBe('possiblyHigher');
    expect(verdict(-0.2, -0.5, 0.1)).toBe('possiblyLower');
    // The threshold follows the range: 0,45 on the 1–10 grade, 0,1 on ja / deels / nee (1–3).
    expect(verdict(0.3, -0.5, 1.1, { min: 1, max: 10 })).toBe('similar');
    expect(verdict(0.5, -0.3, 1.3, { min: 1, max: 10 })).toBe('possiblyHigher');
    expect(verdict(0.15, -0.2, 0.5, { min: 1, max: 3 })).toBe('possiblyHigher');
  });

  it('says "te weinig gegevens" for a comparison with too few answers or without a difference', () => {
    expect(verdict(0.6, 0.1, 1.1, FIVE, true)).toBe('tooFew');
    expect(verdict(null, null, null)).toBe('tooFew');
    expect(verdict(Number.NaN, null, null)).toBe('tooFew');
  });

  it('takes the difference itself as the interval when every difference was the same (no interval)', () => {
    expect(verdict(0.4, null, null)).toBe('higher');
    expect(verdict(-0.4, null, null)).toBe('lower');
    expect(verdict(0, null, null)).toBe('similar');
    // A broken interval is not a missing one.
    expect(verdict(0.4, 0.1, Number.NaN)).toBe('tooFew');
    expect(verdict(0.4, null, 0.7)).toBe('tooFew');
  });
});

describe('summarize', () => {
  it('gives each condition its two means and its change in words', () => {
    const s = summarize(summaryDashboard());
    expect(s.baselineWaveId).toBe(T0);
    expect(s.latestWaveId).toBe(T1);
    expect(s.conditions.map((c) => [c.scaleId, c.baseline?.mean ?? null, c.latest.mean, c.change?.verdict])).toEqual([
      ['ks_amb', 3.0, 3.6, 'higher'],
      ['ks_bel', 3.2, 3.25, 'similar'],
      ['ks_per', 3.8, 3.5, 'possiblyLower'],
      ['ks_org', 2.5, 2.0, 'lower'],
      ['ks_pro', null, 3.0, 'tooFew'],
    ]);
    // The suppressed baseline keeps its n and says so; its mean is never given.
    expect(s.conditions[4]!.baseline).toEqual({ waveId: T0, n: 3, mean: null, suppressed: true });
    expect(s.conditions[0]!.change).toMatchObject({ baselineWaveId: T0, followUpWaveId: T1, nBaseline: 10, nFollowUp: 12, nPairs: 8, meanDiff: 0.6, ciLow: 0.1, ciHigh: 1.1 });
  });

  it('names the strongest and weakest condition of the latest wave and the biggest rise and fall', () => {
    const s = summarize(summaryDashboard());
    expect(s.strongest).toMatchObject({ scaleId: 'ks_amb', mean: 3.6, waveId: T1, n: 12 });
    expect(s.weakest).toMatchObject({ scaleId: 'ks_org', mean: 2.0, waveId: T1 });
    expect(s.biggestRise).toMatchObject({ scaleId: 'ks_amb', change: { meanDiff: 0.6, verdict: 'higher' } });
    expect(s.biggestFall).toMatchObject({ scaleId: 'ks_org', change: { meanDiff: -0.5, verdict: 'lower' } });
  });

  it('gives the rapportcijfer per wave with its n and its change, and the response and the linked people', () => {
    const s = summarize(summaryDashboard());
    expect(s.grade).toMatchObject({
      itemId: 'ks_cijfer',
      perWave: [
        { waveId: T0, n: 10, mean: 6.5, suppressed: false },
        { waveId: T1, n: 12, mean: 7.2, suppressed: false },
      ],
      change: { meanDiff: 0.7, verdict: 'higher' },
    });
    expect(s.response).toEqual([
      { waveId: T0, invited: 15, started: 12, complete: 10 },
      { waveId: T1, invited: 15, started: 13, complete: 12 },
    ]);
    expect(s.linked).toEqual({ followUpWaveId: T1, count: 9 });
  });

  it('withholds a rapportcijfer below the minimum group size, and finds none without a 1–10 number question', () => {
    const d = summaryDashboard();
    const grade = d.items.find((it) => it.itemId === 'ks_cijfer')!;
    grade.perWave[0]!.stats = { ...grade.perWave[0]!.stats, n: 3, mean: null, suppressed: true };
    expect(summarize(d).grade!.perWave[0]).toEqual({ waveId: T0, n: 3, mean: null, suppressed: true });
    grade.range = { min: 0, max: 100 };
    expect(summarize(d).grade).toBeNull();
  });

  it('compares with the latest wave that has results, not an empty last wave', () => {
    const d = summaryDashboard();
    d.waves.push({ waveId: 'w2', label: 'Na 2 jaar', kind: 'T2', plannedDate: null });
    d.counts.push({ waveId: 'w2', invited: 15, started: 0, complete: 0 });
    for (const s of d.scales) s.perWave.push({ waveId: 'w2', stats: { n: 0, mean: null, sd: null, ciLow: null, ciHigh: null, suppressed: false }, alpha: s.perWave[0]!.alpha });
    expect(latestWaveWithResults(d)).toBe(T1);
    const s = summarize(d);
    expect(s.latestWaveId).toBe(T1);
    expect(s.conditions[0]!.change!.followUpWaveId).toBe(T1);
  });

  it('with one wave: means only, no change, no rise or fall', () => {
    const d = oneWave(summaryDashboard());
    const s = summarize(d);
    expect(s.latestWaveId).toBe(T0);
    expect(s.conditions.every((c) => c.change === null && c.baseline === null)).toBe(true);
    expect(s.conditions.map((c) => c.latest.mean)).toEqual([3.0, 3.2, 3.8, 2.5, null]);
    expect(s.strongest?.scaleId).toBe('ks_per');
    expect(s.weakest?.scaleId).toBe('ks_org');
    expect([s.biggestRise, s.biggestFall, s.linked]).toEqual([null, null, null]);
  });

  it('names no strongest or weakest when all conditions score the same, or only one has a mean', () => {
    const d = summaryDashboard();
    for (const s of d.scales) s.perWave[1]!.stats = shown(12, 3.4);
    expect([summarize(d).strongest, summarize(d).weakest]).toEqual([null, null]);
    for (const s of d.scales.slice(1)) s.perWave[1]!.stats = hidden(2);
    expect([summarize(d).strongest, summarize(d).weakest]).toEqual([null, null]);
  });

  it('names no biggest fall when nothing fell, and no rise of "about the same"', () => {
    const d = summaryDashboard();
    const rows = d.comparisons[0]!.rows;
    rows[2] = row('scale', 'ks_per', 'Goed persoonlijk samenwerken', change(0.1, -0.3, 0.5));
    rows[3] = row('scale', 'ks_org', 'Professioneel organiseren', change(0.2, -0.2, 0.6));
    let s = summarize(d);
    expect(s.biggestFall).toBeNull();
    expect(s.biggestRise?.scaleId).toBe('ks_amb');
    // Only small changes left (+0,05, −0,10, +0,10: all about the same): neither a rise nor a fall is named.
    rows[0] = row('scale', 'ks_amb', 'Gedeelde ambitie', change(-0.1, -0.5, 0.3));
    rows[3] = row('scale', 'ks_org', 'Professioneel organiseren', change(0.1, -0.3, 0.5));
    s = summarize(d);
    expect([s.biggestRise, s.biggestFall]).toEqual([null, null]);
  });
});

describe('indicatorChanges: the change per statement, sorted', () => {
  it('runs from the largest rise to the largest fall on each range, then what cannot be compared', () => {
    const d = summaryDashboard();
    // a +0,2, b −0,6, c +0,8, d too few, e −0,1, f +0,4 on 1–3 (0,4 / 2 = 0,2 of its range, as c's 0,8 / 4), g in one version only.
    d.items = [
      statement('a', 'ks_amb', 'A'),
      statement('b', 'ks_amb', 'B'),
      statement('c', 'ks_bel', 'C'),
      statement('d', 'ks_bel', 'D'),
      statement('e', 'ks_per', 'E'),
      statement('f', null, 'F', { min: 1, max: 3 }),
      statement('g', 'ks_org', 'G'),
      ...d.items.filter((it) => it.type === 'number'),
    ];
    d.comparisons[0]!.rows = [
      row('item', 'a', 'A', change(0.2, -0.2, 0.6)),
      row('item', 'b', 'B', change(-0.6, -1.0, -0.2)),
      row('item', 'c', 'C', change(0.8, 0.3, 1.3)),
      row('item', 'd', 'D', change(null, null, null, { nBaseline: 2 })),
      row('item', 'e', 'E', change(-0.1, -0.5, 0.3)),
      row('item', 'f', 'F', change(0.4, -0.1, 0.9)),
      row('item', 'g', 'G', change(null, null, null), [{ code: 'not-in-both', params: { itemId: 'g' } }]),
      row('item', 'ks_cijfer', 'Rapportcijfer', change(0.7, 0.2, 1.2)),
    ];
    const changes = indicatorChanges(d, d.comparisons[0]!);
    // c and f tie at a fifth of their range: the instrument's order (c before f).
    expect(changes.map((r) => [r.itemId, r.status, r.change.verdict])).toEqual([
      ['c', 'ok', 'higher'],
      ['f', 'ok', 'possiblyHigher'],
      ['a', 'ok', 'possiblyHigher'],
      ['e', 'ok', 'similar'],
      ['b', 'ok', 'lower'],
      ['d', 'tooFew', 'tooFew'],
      ['g', 'absent', 'tooFew'],
    ]);
    // The rapportcijfer is a number question, not a statement: not in this list.
    expect(changes.some((r) => r.itemId === 'ks_cijfer')).toBe(false);
  });
});
