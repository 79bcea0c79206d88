import { describe, expect, it } from 'vitest';
import { builtInInstruments } from '../../shared/instruments';
import { compileInstrument, scoreCompiledSubscale, scoreOf, slotFor } from '../../shared/score-table';
import { itemScore, scoreSubscale } from '../../shared/scoring';

/** A small seeded generator, so a failure can be reproduced. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the compiled scorer agrees with shared/scoring', () => {
  for (const def of builtInInstruments) {
    it(`${def.id}: item scores for every accepted code, and subscale scores on random answer sets`, () => {
      const compiled = compileInstrument(def);
      for (const item of compiled.items) {
        for (const code of item.codes) expect(scoreOf(item, code), `${item.id}=${code}`).toBe(itemScore(def, item.id, code));
        expect(scoreOf(item, Number.NaN)).toBeNull();
        expect(slotFor(item, 1234)).toBe(-1);
      }
      const random = prng(7);
      for (let round = 0; round < 200; round++) {
        const codes = new Float64Array(compiled.items.length).fill(Number.NaN);
        const answers = new Map<string, number>();
        compiled.items.forEach((item, i) => {
          if (random() < 0.15 || item.codes.length === 0) return; // unanswered
          const code = item.codes[Math.floor(random() * item.codes.length)]!;
          codes[i] = code;
          answers.set(item.id, code);
        });
        compiled.subscales.forEach((sub, s) => {
          expect(scoreCompiledSubscale(compiled, sub, codes)).toBe(scoreSubscale(def, def.subscales[s]!, answers).score);
        });
      }
    });
  }

  it('knows the agreement statements and their top two options', () => {
    const ks = compileInstrument(builtInInstruments.find((d) => d.id === 'kansrijke-samenwerking')!);
    expect(ks.items.find((i) => i.id === 'ks_amb_01')!.agreeCodes).toEqual([4, 5]);
    expect(ks.items.find((i) => i.id === 'ks_cijfer')!.agreeCodes).toBeNull();
    expect(ks.items.some((i) => i.id === 'ks_open_goed')).toBe(false);
    const ip = compileInstrument(builtInInstruments.find((d) => d.id === 'interprofessioneel-samenwerken')!);
    expect(ip.items.find((i) => i.id === 'ip_ken_01')!.agreeCodes).toBeNull(); // ja / deels / nee
  });
});
