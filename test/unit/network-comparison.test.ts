import { describe, expect, it } from 'vitest';
import type { NetworkComparison, ScaleStats } from '../../shared/results';
import { nextSort, smallMultiplePanels, sortSeries, usesSmallMultiples, type CompareSort } from '../../renderer/src/features/dashboard/comparison';
import { latestWave, networkComparison } from '../../renderer/src/features/dashboard/model';
import { wrapLabel } from '../../renderer/src/features/dashboard/wrap';
import { chartSubject } from '../../renderer/src/features/export/chartSubject';

/**
 * The comparison of many networks on hand-made data: "the latest wave" is the latest by planned
 * date whatever order the waves arrive in or whatever they are called, and the table sorts as a
 * person expects (names with numbers in reading order, missing values last either way).
 */

const FIVE = { min: 1, max: 5 };
const shown = (n: number, mean: number): ScaleStats => ({ n, mean, sd: 0.5, ciLow: null, ciHigh: null, suppressed: false });
const hidden = (n: number): ScaleStats => ({ n, mean: null, sd: null, ciLow: null, ciHigh: null, suppressed: true });
const AMB = { nl: 'Gedeelde ambitie', en: 'Shared ambition' };
const BEL = { nl: 'Recht doen aan belangen', en: 'Doing justice to interests' };

type Wave = NetworkComparison['networks'][number]['waves'][number];
const wave = (waveId: string, label: string, kind: Wave['kind'], plannedDate: string | null, amb: ScaleStats | null, bel: ScaleStats | null = null): Wave => ({
  waveId,
  label,
  kind,
  plannedDate,
  scales: [
    ...(amb ? [{ scaleId: 'ks_amb', label: AMB, range: FIVE, stats: amb }] : []),
    ...(bel ? [{ scaleId: 'ks_bel', label: BEL, range: FIVE, stats: bel }] : []),
  ],
});

const comparison = (networks: NetworkComparison['networks']): NetworkComparison => ({
  instrumentId: 'kansrijke-samenwerking',
  instrumentName: { nl: 'Kansrijke samenwerking', en: 'Promising collaboration' },
  networks,
});

describe('the latest wave is the latest by date', () => {
  it('whatever order the waves come in and whatever their labels say', () => {
    // Inserted as: the follow-up of 2026, the baseline of 2024, an interim of 2025 labelled "Meting 3".
    const waves = [
      wave('f', 'Vervolgmeting', 'T1', '2026-02-01', shown(9, 3.4)),
      wave('b', 'Nulmeting', 'T0', '2024-05-01', shown(9, 2.8)),
      wave('i', 'Meting 3', 'custom', '2025-06-30', shown(9, 3.1)),
    ];
    expect(latestWave(waves)?.waveId).toBe('f');
    // The interim wave planned after the T1 is the latest, though its kind ranks below T1 on equal dates.
    expect(latestWave([...waves, wave('late', 'Tussenmeting', 'custom', '2026-09-01', shown(9, 3.6))])?.waveId).toBe('late');
    // On the same date T1 comes after T0, whatever the labels.
    expect(latestWave([wave('x', 'Zomer', 'T1', '2025-01-01', shown(9, 3)), wave('y', 'Winter', 'T0', '2025-01-01', shown(9, 3))])?.waveId).toBe('x');
  });

  it('skips a later wave without any shown mean, and takes the latest in time when none has one', () => {
    const waves = [wave('t2', 'T2', 'T2', '2027-01-01', hidden(3)), wave('t0', 'T0', 'T0', '2025-01-01', shown(8, 3)), wave('t1', 'T1', 'T1', '2026-01-01', shown(8, 3.2))];
    expect(latestWave(waves)?.waveId).toBe('t1');
    expect(latestWave([wave('a', 'T1', 'T1', '2026-01-01', hidden(2)), wave('b', 'T0', 'T0', '2025-01-01', hidden(2))])?.waveId).toBe('a');
    expect(latestWave([])).toBeUndefined();
  });

  it('a T-wave without a date counts from the dated waves before it; an undated interim wave comes last', () => {
    expect(latestWave([wave('t1', 'T1', 'T1', null, shown(8, 3)), wave('t0', 'T0', 'T0', '2025-01-01', shown(8, 3))])?.waveId).toBe('t1');
    expect(latestWave([wave('c', 'Extra', 'custom', null, shown(8, 3)), wave('t2', 'T2', 'T2', '2030-01-01', shown(8, 3))])?.waveId).toBe('c');
  });

  it('the comparison uses it, and lists every wave of a network in time order', () => {
    const nc = comparison([
      {
        networkId: 'n1',
        name: 'Dementie Oost',
        waves: [wave('f', 'Vervolgmeting', 'T1', '2026-02-01', shown(9, 3.4)), wave('b', 'Nulmeting', 'T0', '2024-05-01', shown(9, 2.8))],
      },
    ]);
    const latest = networkComparison(nc, 'latest', 'nl');
    expect(latest.series.map((s) => [s.label, s.wave.plannedDate])).toEqual([['Dementie Oost (Vervolgmeting)', '2026-02-01']]);
    expect(latest.series[0]!.values.get('ks_amb')?.mean).toBe(3.4);
    const all = networkComparison(nc, 'all', 'nl');
    expect(all.series.map((s) => [s.wave.waveId, s.waveOrder])).toEqual([
      ['b', 0],
      ['f', 1],
    ]);
  });
});

describe('sorting the comparison table', () => {
  // Four networks, latest waves: names with numbers, one undated wave, one suppressed mean, one not measured.
  const nc = comparison([
    { networkId: 'n10', name: 'Netwerk 10', waves: [wave('a', 'T1', 'T1', '2026-03-01', shown(12, 3.2), shown(12, 2.5))] },
    { networkId: 'n2', name: 'Netwerk 2', waves: [wave('b', 'T0', 'T0', null, shown(7, 4.1), hidden(4))] },
    { networkId: 'n1', name: 'netwerk 1', waves: [wave('c', 'T2', 'T2', '2025-11-15', shown(20, 2.9), shown(20, 3.9))] },
    { networkId: 'n9', name: 'Netwerk 9', waves: [wave('d', 'T1', 'T1', '2026-01-10', shown(6, 3.2))] },
  ]);
  const { series } = networkComparison(nc, 'latest', 'nl');
  const names = (sort: CompareSort) => sortSeries(series, sort, 'nl').map((s) => s.network);

  it('by network: in reading order, numbers as numbers, case aside', () => {
    expect(names({ column: { by: 'network' }, direction: 'ascending' })).toEqual(['netwerk 1', 'Netwerk 2', 'Netwerk 9', 'Netwerk 10']);
    expect(names({ column: { by: 'network' }, direction: 'descending' })).toEqual(['Netwerk 10', 'Netwerk 9', 'Netwerk 2', 'netwerk 1']);
  });

  it('by the latest wave: by planned date, an undated wave last in both directions', () => {
    expect(names({ column: { by: 'wave' }, direction: 'ascending' })).toEqual(['netwerk 1', 'Netwerk 9', 'Netwerk 10', 'Netwerk 2']);
    expect(names({ column: { by: 'wave' }, direction: 'descending' })).toEqual(['Netwerk 10', 'Netwerk 9', 'netwerk 1', 'Netwerk 2']);
  });

  it('by a condition: by mean, equal means by name, suppressed and not measured last in both directions', () => {
    // Gedeelde ambitie: 3.2 (10), 4.1 (2), 2.9 (1), 3.2 (9).
    expect(names({ column: { by: 'scale', scaleId: 'ks_amb' }, direction: 'ascending' })).toEqual(['netwerk 1', 'Netwerk 9', 'Netwerk 10', 'Netwerk 2']);
    expect(names({ column: { by: 'scale', scaleId: 'ks_amb' }, direction: 'descending' })).toEqual(['Netwerk 2', 'Netwerk 9', 'Netwerk 10', 'netwerk 1']);
    // Recht doen aan belangen: 2.5 (10), suppressed (2), 3.9 (1), not measured (9).
    expect(names({ column: { by: 'scale', scaleId: 'ks_bel' }, direction: 'ascending' })).toEqual(['Netwerk 10', 'netwerk 1', 'Netwerk 2', 'Netwerk 9']);
    expect(names({ column: { by: 'scale', scaleId: 'ks_bel' }, direction: 'descending' })).toEqual(['netwerk 1', 'Netwerk 10', 'Netwerk 2', 'Netwerk 9']);
  });

  it('does not change the list it is given', () => {
    const before = series.map((s) => s.key);
    sortSeries(series, { column: { by: 'network' }, direction: 'descending' }, 'nl');
    expect(series.map((s) => s.key)).toEqual(before);
  });

  it('a second click on a column turns it around; another column starts ascending', () => {
    const start: CompareSort = { column: { by: 'network' }, direction: 'ascending' };
    expect(nextSort(start, { by: 'network' })).toEqual({ column: { by: 'network' }, direction: 'descending' });
    expect(nextSort(nextSort(start, { by: 'network' }), { by: 'network' })).toEqual(start);
    const amb = nextSort({ column: { by: 'network' }, direction: 'descending' }, { by: 'scale', scaleId: 'ks_amb' });
    expect(amb).toEqual({ column: { by: 'scale', scaleId: 'ks_amb' }, direction: 'ascending' });
    expect(nextSort(amb, { by: 'scale', scaleId: 'ks_bel' }).direction).toBe('ascending');
    expect(nextSort(amb, { by: 'scale', scaleId: 'ks_amb' }).direction).toBe('descending');
  });

  it('with every wave, a network keeps its waves in time order within equal names', () => {
    const all = networkComparison(
      comparison([{ networkId: 'n1', name: 'Oost', waves: [wave('late', 'T1', 'T1', '2026-01-01', shown(8, 2)), wave('early', 'T0', 'T0', '2025-01-01', shown(8, 4))] }]),
      'all',
      'nl',
    ).series;
    expect(sortSeries(all, { column: { by: 'network' }, direction: 'descending' }, 'nl').map((s) => s.wave.waveId)).toEqual(['early', 'late']);
  });
});

describe('small multiples', () => {
  it('from nine series on (beyond the eight series styles) every network gets its own chart', () => {
    const many = (count: number) =>
      networkComparison(comparison(Array.from({ length: count }, (_, i) => ({ networkId: `n${i}`, name: `Netwerk ${i}`, waves: [wave(`w${i}`, 'T0', 'T0', null, shown(6, 3))] }))), 'latest', 'nl').series;
    expect(usesSmallMultiples(many(8))).toBe(false);
    expect(usesSmallMultiples(many(9))).toBe(true);
    expect(usesSmallMultiples(many(50))).toBe(true);
  });

  it('one panel per network in the table order, the same scales in each, a missing mean as null', () => {
    const nc = comparison([
      { networkId: 'a', name: 'Alfa', waves: [wave('a0', 'T0', 'T0', '2025-01-01', shown(6, 2)), wave('a1', 'T1', 'T1', '2026-01-01', shown(6, 3), shown(6, 4))] },
      { networkId: 'b', name: 'Beta', waves: [wave('b0', 'T0', 'T0', '2025-02-01', hidden(3), shown(7, 3.5))] },
    ]);
    const { series, scales } = networkComparison(nc, 'all', 'nl');
    const sorted = sortSeries(series, { column: { by: 'network' }, direction: 'descending' }, 'nl');
    const panels = smallMultiplePanels(sorted, scales);
    expect(panels.map((p) => [p.network, p.waves.map((w) => w.label)])).toEqual([
      ['Beta', ['T0']],
      ['Alfa', ['T0', 'T1']],
    ]);
    expect(panels[1]!.rows).toEqual([
      { scaleId: 'ks_amb', label: 'Gedeelde ambitie', values: [2, 3] },
      { scaleId: 'ks_bel', label: 'Recht doen aan belangen', values: [null, 4] },
    ]);
    expect(panels[0]!.rows.map((r) => r.values)).toEqual([[null], [3.5]]);
  });
});

describe('labels and titles for pictures', () => {
  it('wraps at word boundaries, splits a word longer than a line, and cuts after the last line', () => {
    expect(wrapLabel('Goed persoonlijk samenwerken', 18)).toEqual(['Goed persoonlijk', 'samenwerken']);
    expect(wrapLabel('Recht doen aan belangen', 18)).toEqual(['Recht doen aan', 'belangen']);
    expect(wrapLabel('Ambitie', 18)).toEqual(['Ambitie']);
    expect(wrapLabel('  twee   spaties ', 40)).toEqual(['twee spaties']);
    expect(wrapLabel('Onderhandelingsruimte', 10)).toEqual(['Onderhand-', 'elingsrui-', 'mte']);
    expect(wrapLabel('een twee drie vier vijf zes', 9, 2)).toEqual(['een twee', 'drie…']);
  });

  it('names network, instrument and waves in one line, leaving out what is empty', () => {
    expect(chartSubject(['Netwerk Dementie Oost', 'Kansrijke samenwerking', 'T0, T1'])).toBe('Netwerk Dementie Oost — Kansrijke samenwerking — T0, T1');
    expect(chartSubject(['Netwerk Dementie Oost', ' ', 'T0'])).toBe('Netwerk Dementie Oost — T0');
  });
});
