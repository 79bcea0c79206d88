import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  checkCharacter,
  isWellFormedAssignedCode,
  isWellFormedSelfCode,
  makeAssignedCode,
  normalizeAssignedCode,
  selfCode,
  selfCodeProblems,
} from '../../shared/codes';

describe('assigned codes', () => {
  it('uses no ambiguous characters', () => {
    for (const c of '0O1IL2Z5S8BV') expect(CODE_ALPHABET).not.toContain(c);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
    expect(CODE_ALPHABET.length % 2).toBe(0);
  });

  it('computes the Luhn mod N check character by hand', () => {
    // Alphabet positions: A=0, C=1, D=2, …, Y=18, 3=19. Body "ACD", from the right: D=2 doubled → 4,
    // C=1 → 1, A=0 doubled → 0. Sum 5; check = (24 − 5 mod 24) mod 24 = 19 → '3'.
    expect(checkCharacter('ACD')).toBe('3');
    // "Y" = 18 doubled = 36 → digits in base 24: 1 + 12 = 13; check = 24 − 13 = 11 → 'P'.
    expect(checkCharacter('Y')).toBe('P');
  });

  it('makes codes of the form XXX-XXX that pass their own check', () => {
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let i = 0; i < 200; i++) {
      const code = makeAssignedCode(rnd);
      expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
      expect(isWellFormedAssignedCode(code)).toBe(true);
    }
  });

  it('catches every single-character typo and every swap of neighbours', () => {
    const code = makeAssignedCode(() => 3).replace('-', '');
    for (let pos = 0; pos < 6; pos++) {
      for (const c of CODE_ALPHABET) {
        if (c === code[pos]) continue;
        const typo = code.slice(0, pos) + c + code.slice(pos + 1);
        expect(isWellFormedAssignedCode(`${typo.slice(0, 3)}-${typo.slice(3)}`), typo).toBe(false);
      }
    }
    const varied = 'ACDEF';
    const full = varied + checkCharacter(varied);
    for (let pos = 0; pos < 5; pos++) {
      const swapped = full.slice(0, pos) + full[pos + 1] + full[pos] + full.slice(pos + 2);
      expect(isWellFormedAssignedCode(`${swapped.slice(0, 3)}-${swapped.slice(3)}`), swapped).toBe(false);
    }
  });

  it('normalises what people type', () => {
    expect(normalizeAssignedCode(' acd ef3 ')).toBe('ACD-EF3');
    expect(normalizeAssignedCode('acdef3')).toBe('ACD-EF3');
    expect(normalizeAssignedCode('abc')).toBe('ABC');
  });
});

describe('self-generated codes', () => {
  it('joins the facts: parent letters, two-digit day, siblings', () => {
    expect(selfCode({ parentLetters: 'ma', birthDay: 7, olderSiblings: 2 })).toBe('MA072');
    // Accents are dropped, so Ëlse and Else give the same code.
    expect(selfCode({ parentLetters: 'Ël', birthDay: 31, olderSiblings: 0 })).toBe('EL310');
    expect(isWellFormedSelfCode('MA072')).toBe(true);
    expect(isWellFormedSelfCode('MA322')).toBe(false);
  });

  it('names every fact that is wrong', () => {
    expect(selfCodeProblems({ parentLetters: 'M', birthDay: 32, olderSiblings: -1 })).toEqual(['parentLetters', 'birthDay', 'olderSiblings']);
    expect(selfCodeProblems({ parentLetters: 'M4', birthDay: 0, olderSiblings: 1.5 })).toEqual(['parentLetters', 'birthDay', 'olderSiblings']);
    expect(() => selfCode({ parentLetters: 'M', birthDay: 1, olderSiblings: 1 })).toThrow();
  });
});
