import { describe, expect, it } from 'vitest';
import { VARIABLE_NAME, VariableNamer, toNameFragment, waveSuffixes } from '../../shared/export/names';

describe('variable names in exports', () => {
  it('keeps item ids as they are and adds suffixes with an underscore', () => {
    const namer = new VariableNamer(['netwerk']);
    expect(namer.name('ks_amb_01')).toBe('ks_amb_01');
    expect(namer.name('ks_amb_01', 't0')).toBe('ks_amb_01_t0');
    expect(namer.name('ks_amb', 'n')).toBe('ks_amb_n');
  });

  it('stays within 32 characters when a suffix is added to a long id', () => {
    const namer = new VariableNamer();
    const long = 'a'.repeat(20) + '_' + 'b'.repeat(11); // 32 characters, the longest item id allowed
    const withSuffix = namer.name(long, 't0');
    expect(withSuffix).toHaveLength(32);
    expect(withSuffix.endsWith('_t0')).toBe(true);
    expect(withSuffix).toMatch(VARIABLE_NAME);
    const prorated = namer.name(long, 'prorated');
    expect(prorated.length).toBeLessThanOrEqual(32);
    expect(prorated.endsWith('_prorated')).toBe(true);
  });

  it('makes taken names unique with _2, _3 and still fits in 32 characters', () => {
    const namer = new VariableNamer(['netwerk']);
    expect(namer.name('netwerk')).toBe('netwerk_2');
    expect(namer.name('netwerk')).toBe('netwerk_3');
    const long = 'x'.repeat(32);
    const first = namer.name(long);
    const second = namer.name(long);
    expect(first).toBe(long);
    expect(second).toBe(`${'x'.repeat(30)}_2`);
    // Shortening the base can collide with a name in use; the counter then moves on.
    const a = namer.name('y'.repeat(29), 't0');
    const b = namer.name('y'.repeat(30), 't0');
    expect(a).toBe(`${'y'.repeat(29)}_t0`);
    expect(b).toBe(`${'y'.repeat(27)}_t0_2`);
    for (const n of [first, second, a, b]) expect(n).toMatch(VARIABLE_NAME);
  });

  it('never hands out a word SPSS reserves', () => {
    const namer = new VariableNamer();
    expect(namer.name('to')).toBe('to_2');
    expect(namer.name('with')).toBe('with_2');
  });

  it('turns any text into a valid name', () => {
    expect(toNameFragment('Tussenmeting één!')).toBe('tussenmeting_een');
    const namer = new VariableNamer();
    expect(namer.name('2e meting')).toBe('v_2e_meting');
    expect(namer.name('')).toBe('v');
  });
});

describe('wave suffixes for the wide layout', () => {
  const wave = (id: string, networkId: string, kind: 'T0' | 'T1' | 'T2' | 'custom', label: string = kind) => ({ id, networkId, kind, label });

  it('names T0, T1, T2 by kind so that networks line up, in measurement order', () => {
    const { suffixOf, order } = waveSuffixes([wave('a0', 'A', 'T0'), wave('a1', 'A', 'T1'), wave('b0', 'B', 'T0', 'Start'), wave('b2', 'B', 'T2', 'Na twee jaar')]);
    expect(Object.fromEntries(suffixOf)).toEqual({ a0: 't0', a1: 't1', b0: 't0', b2: 't2' });
    expect(order).toEqual(['t0', 't1', 't2']);
  });

  it('names custom waves by their label and puts them after T0–T2', () => {
    const { suffixOf, order } = waveSuffixes([wave('c', 'A', 'custom', 'Tussenmeting voorjaar'), wave('a0', 'A', 'T0'), wave('d', 'A', 'custom', '2027')]);
    expect(suffixOf.get('c')).toBe('tussenmeti');
    expect(suffixOf.get('d')).toBe('m2027');
    expect(order).toEqual(['t0', 'tussenmeti', 'm2027']);
  });

  it('gives a second wave of the same kind in one network its own suffix', () => {
    const { suffixOf, order } = waveSuffixes([wave('a1', 'A', 'T1'), wave('a1b', 'A', 'T1', 'T1 herhaling'), wave('b1', 'B', 'T1')]);
    expect(Object.fromEntries(suffixOf)).toEqual({ a1: 't1', a1b: 't1_2', b1: 't1' });
    expect(order).toEqual(['t1', 't1_2']);
  });
});
