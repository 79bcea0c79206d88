import { describe, expect, it } from 'vitest';
import { MAX_NUMBER_CHOICES, numberCanGrow, numberShownAsChoices, parseTypedCode } from '../../shared/instruments/number-items';

describe('number questions on screen', () => {
  it('shows a range of at most eleven values as choices, a wider one as a field', () => {
    expect(MAX_NUMBER_CHOICES).toBe(11);
    expect(numberShownAsChoices({ min: 0, max: 10 })).toBe(true); // 0…10: 11 values
    expect(numberShownAsChoices({ min: 1, max: 10 })).toBe(true); // a grade: 10 values
    expect(numberShownAsChoices({ min: 0, max: 11 })).toBe(false); // 12 values
    expect(numberShownAsChoices({ min: 0, max: 50 })).toBe(false);
    expect(numberShownAsChoices({ min: -99, max: 999 })).toBe(false);
  });

  it('reads typed text as a whole number, nothing, or text for the main process to refuse', () => {
    expect(parseTypedCode(' 42 ')).toEqual({ value: 42, text: null });
    expect(parseTypedCode('-7')).toEqual({ value: -7, text: null });
    expect(parseTypedCode('   ')).toEqual({ value: null, text: null });
    expect(parseTypedCode('4,5')).toEqual({ value: null, text: '4,5' });
    expect(parseTypedCode('vijf')).toEqual({ value: null, text: 'vijf' });
  });
});

describe('whether a typed number can still grow', () => {
  it('knows the answers worked out by hand', () => {
    // 0…50: after "5", "50" is still possible; after "6", 60 is too big; after "0" nothing follows.
    const years = { min: 0, max: 50 };
    expect(numberCanGrow('5', years)).toBe(true);
    expect(numberCanGrow('6', years)).toBe(false);
    expect(numberCanGrow('50', years)).toBe(false);
    expect(numberCanGrow('0', years)).toBe(false);
    expect(numberCanGrow('-', years)).toBe(false);
    expect(numberCanGrow('', years)).toBe(true);
    // −99…999: after "-9", −90…−99 are possible; after "99", 990…999; after "100" nothing (1000 > 999).
    const widest = { min: -99, max: 999 };
    expect(numberCanGrow('-', widest)).toBe(true);
    expect(numberCanGrow('-9', widest)).toBe(true);
    expect(numberCanGrow('-10', widest)).toBe(false);
    expect(numberCanGrow('99', widest)).toBe(true);
    expect(numberCanGrow('100', widest)).toBe(false);
    // 100…200: "1" can become 100…199 (three digits), "3" cannot become anything in range.
    expect(numberCanGrow('1', { min: 100, max: 200 })).toBe(true);
    expect(numberCanGrow('3', { min: 100, max: 200 })).toBe(false);
    expect(numberCanGrow('x', widest)).toBe(false);
  });

  it('agrees with listing every number of small ranges and looking for a longer one with the same start', () => {
    const ranges = [
      { min: 0, max: 12 },
      { min: 1, max: 100 },
      { min: -20, max: 5 },
      { min: -99, max: -10 },
      { min: 15, max: 35 },
    ];
    for (const range of ranges) {
      const written = Array.from({ length: range.max - range.min + 1 }, (_, i) => String(range.min + i));
      for (const typed of ['-', ...new Set([...written, ...written.map((w) => w.slice(0, -1))])].filter((t) => t !== '')) {
        const listed = written.some((w) => w.length > typed.length && w.startsWith(typed));
        expect(numberCanGrow(typed, range), `${typed} in ${range.min}…${range.max}`).toBe(listed);
      }
    }
  });
});
