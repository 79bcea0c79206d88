import { describe, expect, it } from 'vitest';
import { builtInInstruments } from '../../shared/instruments';
import { instrumentDefinition } from '../../shared/instruments/schema';
import { compileInstrument, scoreCompiledSubscale, scoreOf, slotFor } from '../../shared/score-table';
import { itemScore, scoreSubscale } from '../../shared/scoring';
import { AGREE7, REVERSED_ITEM, sevenPointInstrument } from '../support/seven-point-instrument';

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

describe('ranges and agreeing options from the instrument’s own answer scale', () => {
  it('a 7-point agreement scale: range 1–7 and the three options above the middle agree', () => {
    const compiled = compileInstrument(instrumentDefinition.parse(sevenPointInstrument()));
    const item = (id: string) => compiled.items.find((i) => i.id === id)!;
    expect(item('tk_vei_01').range).toEqual([1, 7]);
    // 7 options, middle at position 3 (Neutraal): positions 4, 5, 6 = codes 5, 6, 7.
    expect(item('tk_vei_01').agreeCodes).toEqual([5, 6, 7]);
    // Reverse-keyed: the same range, and "agree" is still agreeing with the statement as written.
    expect(item(REVERSED_ITEM).range).toEqual([1, 7]);
    expect(item(REVERSED_ITEM).agreeCodes).toEqual([5, 6, 7]);
    // Nooit … Altijd is no agreement scale.
    expect(item('tk_ove_01').range).toEqual([1, 5]);
    expect(item('tk_ove_01').agreeCodes).toBeNull();
    const sub = (id: string) => compiled.subscales.find((s) => s.id === id)!;
    expect(sub('tk_vei').range).toEqual([1, 7]);
    expect(sub('tk_vei').options!.map((o) => o.label.nl)).toEqual(AGREE7);
    expect(sub('tk_ove').range).toEqual([1, 5]);
  });

  it('a 4-point agreement scale agrees on its top two; a scale ending on "oneens" agrees on nothing', () => {
    const def = sevenPointInstrument();
    def.scales[0]!.options = ['Helemaal oneens', 'Oneens', 'Eens', 'Helemaal eens'].map((nl, i) => ({ code: i + 1, label: { nl, en: nl } }));
    expect(compileInstrument(instrumentDefinition.parse(def)).items[0]!.agreeCodes).toEqual([3, 4]);
    def.scales[0]!.options = ['Helemaal eens', 'Eens', 'Oneens', 'Helemaal oneens'].map((nl, i) => ({ code: i + 1, label: { nl, en: nl } }));
    expect(compileInstrument(instrumentDefinition.parse(def)).items[0]!.agreeCodes).toBeNull();
  });

  it('the interprofessional checklist: range 1–3 with its three options; a mixed subscale has no shared options', () => {
    const ip = compileInstrument(builtInInstruments.find((d) => d.id === 'interprofessioneel-samenwerken')!);
    const kenmerk = ip.subscales.find((s) => s.id === 'ip_kenmerk')!;
    expect(kenmerk.range).toEqual([1, 3]);
    expect(kenmerk.options!.map((o) => o.label.nl)).toEqual(['Nee', 'Deels', 'Ja']);
    expect(ip.subscales.find((s) => s.id === 'ip_tpr')!.range).toEqual([1, 5]);
    const def = sevenPointInstrument();
    def.subscales[0]!.items = ['tk_vei_01', 'tk_ove_01'];
    const mixed = compileInstrument(instrumentDefinition.parse(def)).subscales[0]!;
    expect(mixed.range).toEqual([1, 7]);
    expect(mixed.options).toBeNull();
  });
});
