import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  checkCharacter,
  isWellFormedAssignedCode,
  chooseSelfCode,
  isWellFormedSelfCode,
  makeAssignedCode,
  normalizeAssignedCode,
  selfCode,
  selfCodeParts,
  selfCodeProblems,
  withBirthMonth,
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

describe('self-made codes extended with the birth month', () => {
  it('takes plain and extended codes apart, and refuses impossible days, months and serials', () => {
    expect(selfCodeParts('MA010')).toEqual({ base: 'MA010', birthMonth: null, serial: null });
    expect(selfCodeParts('MA010-07')).toEqual({ base: 'MA010', birthMonth: 7, serial: null });
    expect(selfCodeParts('MA010-12-2')).toEqual({ base: 'MA010', birthMonth: 12, serial: 2 });
    expect(selfCodeParts('MA010-07-13')).toEqual({ base: 'MA010', birthMonth: 7, serial: 13 });
    for (const code of ['MA010-7', 'MA010-00', 'MA010-13', 'MA010-07-1', 'MA010-07-02', 'MA010-07-', 'MA320-07', 'MA010-2', 'ABC-DEF', 'MA010-07-2-2']) {
      expect(selfCodeParts(code), code).toBeNull();
      expect(isWellFormedSelfCode(code), code).toBe(false);
    }
    expect(isWellFormedSelfCode('MA010-07-2')).toBe(true);
    expect(withBirthMonth('MA010', 7)).toBe('MA010-07');
    expect(withBirthMonth('MA010', 11)).toBe('MA010-11');
  });
});

describe('chooseSelfCode', () => {
  const holders = (entries: [string, boolean][]) => new Map(entries);

  it('keeps the plain code when nobody else holds it in this wave, with or without a month', () => {
    expect(chooseSelfCode('MA010', null, holders([]))).toEqual({ kind: 'plain', code: 'MA010' });
    // The plain code exists from an earlier wave and has not answered this one: its holder again.
    expect(chooseSelfCode('MA010', null, holders([['MA010', false]]))).toEqual({ kind: 'plain', code: 'MA010' });
    // A month given when none is needed changes nothing.
    expect(chooseSelfCode('MA010', 7, holders([['MA010', false]]))).toEqual({ kind: 'plain', code: 'MA010' });
  });

  it('needs the month when the plain code has answered this wave, or extended forms exist', () => {
    expect(chooseSelfCode('MA010', null, holders([['MA010', true]]))).toEqual({ kind: 'month-needed' });
    expect(chooseSelfCode('MA010', null, holders([['MA010', false], ['MA010-07', false]]))).toEqual({ kind: 'month-needed' });
    expect(chooseSelfCode('MA010', null, holders([['MA010-07', true]]))).toEqual({ kind: 'month-needed' });
  });

  it('with the month: the same extended code, else the plain holder who was never asked, else a new extended code', () => {
    // Wave 1: MA010 has answered; the second person gives month 7.
    expect(chooseSelfCode('MA010', 7, holders([['MA010', true]]))).toEqual({ kind: 'by-month', code: 'MA010-07', rule: 'new-month' });
    // A later wave, nobody has answered yet: month 7 is the extended person, any other month the plain one.
    const later = holders([['MA010', false], ['MA010-07', false]]);
    expect(chooseSelfCode('MA010', 7, later)).toEqual({ kind: 'by-month', code: 'MA010-07', rule: 'same-month' });
    expect(chooseSelfCode('MA010', 3, later)).toEqual({ kind: 'by-month', code: 'MA010', rule: 'plain-earlier' });
    // The plain person has answered this wave already: someone with another month is new.
    expect(chooseSelfCode('MA010', 3, holders([['MA010', true], ['MA010-07', false]]))).toEqual({ kind: 'by-month', code: 'MA010-03', rule: 'new-month' });
    // No plain code at all (erased), only an extended one: a new extended code.
    expect(chooseSelfCode('MA010', 3, holders([['MA010-07', false]]))).toEqual({ kind: 'by-month', code: 'MA010-03', rule: 'new-month' });
  });

  it('gives the first serial nobody holds when the month is shared too', () => {
    expect(chooseSelfCode('MA010', 7, holders([['MA010', true], ['MA010-07', true]]))).toEqual({ kind: 'by-month', code: 'MA010-07-2', rule: 'serial' });
    // -2 exists from an earlier wave (whoever it is, it cannot be told apart): -3.
    expect(chooseSelfCode('MA010', 7, holders([['MA010', true], ['MA010-07', true], ['MA010-07-2', false]]))).toEqual({ kind: 'by-month', code: 'MA010-07-3', rule: 'serial' });
  });
});

