import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatInterval,
  formatNumber,
  formatP,
  formatPercent,
  formatSigned,
  formatSignedInterval,
  looksBroken,
  NO_VALUE,
  pick,
  tableToTsv,
} from '../../renderer/src/features/dashboard/format';

/** The results screen's number formatting: Dutch notation first, and never NaN, null or undefined. */

const missing = [null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

describe('formatNumber', () => {
  it('writes Dutch decimals with a comma and English ones with a point', () => {
    expect(formatNumber(3.7, 'nl')).toBe('3,70');
    expect(formatNumber(3.7, 'en')).toBe('3.70');
    expect(formatNumber(18.5 / 5, 'nl')).toBe('3,70');
    expect(formatNumber(2 / 3, 'nl', 3)).toBe('0,667');
    expect(formatNumber(12, 'nl', 0)).toBe('12');
  });

  it('rounds half away from zero, also where binary fractions would round down', () => {
    expect(formatNumber(1.005, 'nl')).toBe('1,01'); // 1.005 is 1.00499999… in binary
    expect(formatNumber(2.675, 'en')).toBe('2.68');
    expect(formatNumber(-0.125, 'nl')).toBe('-0,13');
  });

  it('never shows minus zero', () => {
    expect(formatNumber(-0.001, 'nl')).toBe('0,00');
    expect(formatNumber(-0, 'nl')).toBe('0,00');
  });

  it('does not group thousands (numbers are pasted into spreadsheets)', () => {
    expect(formatNumber(12345.678, 'nl')).toBe('12345,68');
  });

  it('gives the fallback for anything that is not a finite number', () => {
    for (const v of missing) expect(formatNumber(v, 'nl')).toBe(NO_VALUE);
    expect(formatNumber(null, 'nl', 2, 'n.v.t.')).toBe('n.v.t.');
    expect(formatCount(null, 'nl')).toBe(NO_VALUE);
    expect(formatCount(15, 'nl')).toBe('15');
  });
});

describe('formatSigned', () => {
  it('puts a plus before increases and a minus before decreases, nothing before zero', () => {
    // 7/15 ≈ 0.4667 → +0,47
    expect(formatSigned(7 / 15, 'nl')).toBe('+0,47');
    expect(formatSigned(-0.25, 'nl')).toBe('-0,25');
    expect(formatSigned(0, 'nl')).toBe('0,00');
    expect(formatSigned(-0.004, 'nl')).toBe('0,00');
    expect(formatSigned(0.5, 'en', 1)).toBe('+0.5');
    for (const v of missing) expect(formatSigned(v, 'nl')).toBe(NO_VALUE);
  });
});

describe('formatPercent', () => {
  it('shows a share as a whole percentage by default', () => {
    expect(formatPercent(1 / 15, 'nl')).toBe('7%');
    expect(formatPercent(0.456, 'nl', 1)).toBe('45,6%');
    expect(formatPercent(1, 'en')).toBe('100%');
    for (const v of missing) expect(formatPercent(v, 'nl')).toBe(NO_VALUE);
  });
});

describe('formatP', () => {
  it('writes p below 0.001 as "< 0,001" and otherwise with three decimals', () => {
    expect(formatP(0.0004, 'nl')).toBe('< 0,001');
    expect(formatP(0.000999, 'nl')).toBe('< 0,001');
    expect(formatP(0.001, 'nl')).toBe('0,001');
    expect(formatP(0.0745, 'nl')).toBe('0,075');
    expect(formatP(0.05, 'en')).toBe('0.050');
    expect(formatP(1, 'nl')).toBe('1,000');
  });

  it('refuses impossible values', () => {
    expect(formatP(-0.2, 'nl')).toBe(NO_VALUE);
    expect(formatP(1.0000001, 'nl')).toBe('1,000');
    for (const v of missing) expect(formatP(v, 'nl')).toBe(NO_VALUE);
  });
});

describe('intervals', () => {
  it('separate the bounds with a semicolon in Dutch (the comma is the decimal sign)', () => {
    expect(formatInterval(3.12, 4.051, 'nl')).toBe('[3,12; 4,05]');
    expect(formatInterval(3.12, 4.051, 'en')).toBe('[3.12, 4.05]');
    expect(formatSignedInterval(-0.2, 0.85, 'nl')).toBe('[-0,20; +0,85]');
  });

  it('give the fallback unless both bounds exist', () => {
    expect(formatInterval(null, 4, 'nl')).toBe(NO_VALUE);
    expect(formatInterval(3, Number.NaN, 'nl')).toBe(NO_VALUE);
    expect(formatSignedInterval(undefined, undefined, 'nl')).toBe(NO_VALUE);
  });
});

describe('pick and tableToTsv', () => {
  it('picks the UI language and falls back to Dutch', () => {
    expect(pick({ nl: 'Vertrouwen', en: 'Trust' }, 'en')).toBe('Trust');
    expect(pick({ nl: 'Vertrouwen', en: '' }, 'en')).toBe('Vertrouwen');
    expect(pick(null, 'nl')).toBe('');
  });

  it('copies a table as tab-separated lines, without tabs or breaks inside cells', () => {
    expect(
      tableToTsv([
        ['Conditie', 'T0', 'T1'],
        ['Gedeelde\tambitie', '3,25', 'te weinig antwoorden\n(minder dan 5)'],
      ]),
    ).toBe('Conditie\tT0\tT1\nGedeelde ambitie\t3,25\tte weinig antwoorden (minder dan 5)');
  });

  it('recognises text that must never reach a person', () => {
    expect(looksBroken('3,25')).toBe(false);
    for (const bad of ['NaN', 'null', 'undefined', 'Infinity', 'n = {{n}}']) expect(looksBroken(`x ${bad} y`)).toBe(true);
  });
});
