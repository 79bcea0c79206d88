import { describe, expect, it } from 'vitest';
import { suppressCells } from '../../shared/suppression';

const cells = (sizes: Record<string, number>) => Object.entries(sizes).map(([id, n]) => ({ id, n }));
const sorted = (s: Set<string>) => [...s].sort();

describe('suppressCells (minimum 5)', () => {
  it('shows everything when every group is large enough and nobody is left over', () => {
    expect(sorted(suppressCells(cells({ A: 8, B: 6, C: 5 }), 19, 5))).toEqual([]);
  });

  it('hides a small group, and the next-smallest so it cannot be derived from the total', () => {
    // Total 20 shown. Hiding only C (3) would leave 20 − 9 − 8 = 3 = C by subtraction.
    expect(sorted(suppressCells(cells({ A: 9, B: 8, C: 3 }), 20, 5))).toEqual(['B', 'C']);
  });

  it('needs no second group when the remainder is already large enough', () => {
    // C (3) hidden, and 4 people without an organisation: the remainder is 7, which mixes C with them.
    expect(sorted(suppressCells(cells({ A: 9, B: 8, C: 3 }), 24, 5))).toEqual(['C']);
  });

  it('hides two small groups together only when their sum is large enough', () => {
    // C (2) + D (2) = 4 < 5: their combined mean would be derivable, so B goes too.
    expect(sorted(suppressCells(cells({ A: 10, B: 6, C: 2, D: 2 }), 20, 5))).toEqual(['B', 'C', 'D']);
    // C (3) + D (3) = 6 ≥ 5: neither can be separated from the other.
    expect(sorted(suppressCells(cells({ A: 10, B: 6, C: 3, D: 3 }), 22, 5))).toEqual(['C', 'D']);
  });

  it('protects a few people without a group just like a small group', () => {
    // Everyone in A or B except 2 people with no organisation: 20 − 10 − 8 = 2 could be described.
    expect(sorted(suppressCells(cells({ A: 10, B: 8 }), 20, 5))).toEqual(['B']);
  });

  it('hides everything when nothing large enough remains', () => {
    expect(sorted(suppressCells(cells({ A: 3, B: 2 }), 5, 5))).toEqual(['A', 'B']);
    expect(sorted(suppressCells(cells({ A: 6, B: 2 }), 8, 5))).toEqual(['A', 'B']);
  });

  it('keeps groups hidden at wave level hidden, and ignores empty groups', () => {
    expect(sorted(suppressCells(cells({ A: 9, B: 8, C: 6, D: 0 }), 23, 5, ['C']))).toEqual(['C']);
    expect(sorted(suppressCells(cells({ A: 9, B: 8, C: 0 }), 17, 5))).toEqual([]);
  });

  it('breaks ties in size by id, whatever the input order', () => {
    expect(sorted(suppressCells(cells({ Z: 6, Y: 6, X: 6, W: 2 }), 20, 5))).toEqual(['W', 'X']);
    expect(sorted(suppressCells(cells({ W: 2, X: 6, Y: 6, Z: 6 }), 20, 5))).toEqual(['W', 'X']);
  });
});
