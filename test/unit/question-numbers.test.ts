import { describe, expect, it } from 'vitest';
import { achtergrond } from '../../shared/instruments/achtergrond';
import { kansrijkeSamenwerking } from '../../shared/instruments/kansrijke-samenwerking';
import { instrumentDefinition, type InstrumentDefinitionInput } from '../../shared/instruments/schema';
import { numberQuestions, questionKey, questionNumbers } from '../../shared/question-numbers';

/**
 * The numbers written by hand from the definitions: Kansrijke samenwerking has five sections of
 * four statements (amb, bel, per, org, pro → 1–20), then "Tot slot" with the grade and the two open
 * questions (21–23); Achtergrond version 2 has one section: role, discipline, years, governance
 * body (24–27).
 */
const KS_THEN_BACKGROUND: [string, number][] = [
  ['kansrijke-samenwerking/ks_amb_01', 1],
  ['kansrijke-samenwerking/ks_amb_04', 4],
  ['kansrijke-samenwerking/ks_bel_01', 5],
  ['kansrijke-samenwerking/ks_per_03', 11],
  ['kansrijke-samenwerking/ks_org_02', 14],
  ['kansrijke-samenwerking/ks_pro_04', 20],
  ['kansrijke-samenwerking/ks_cijfer', 21],
  ['kansrijke-samenwerking/ks_open_goed', 22],
  ['kansrijke-samenwerking/ks_open_beter', 23],
  ['achtergrond/ag_rol', 24],
  ['achtergrond/ag_discipline', 25],
  ['achtergrond/ag_jaren', 26],
  ['achtergrond/ag_overleg', 27],
];

describe('question numbers of a wave', () => {
  it('numbers Kansrijke samenwerking and then Achtergrond straight through, 1 to 27', () => {
    const numbers = questionNumbers([kansrijkeSamenwerking, achtergrond]);
    expect(numbers.size).toBe(27);
    for (const [key, number] of KS_THEN_BACKGROUND) expect(numbers.get(key), key).toBe(number);
    const list = numberQuestions([kansrijkeSamenwerking, achtergrond]);
    expect(list.map((q) => q.number)).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
    expect(list[0]).toMatchObject({ number: 1, instrumentId: 'kansrijke-samenwerking', sectionIndex: 0 });
    expect(list[0]!.item.id).toBe('ks_amb_01');
    // "Tot slot" is the sixth section of Kansrijke samenwerking; Achtergrond's only section is its first.
    expect(list[20]).toMatchObject({ number: 21, sectionIndex: 5 });
    expect(list[26]).toMatchObject({ number: 27, instrumentId: 'achtergrond', sectionIndex: 0 });
    expect(list[26]!.item.id).toBe('ag_overleg');
  });

  it('follows the wave\u2019s order of instruments: Achtergrond first makes the role question 1', () => {
    const numbers = questionNumbers([achtergrond, kansrijkeSamenwerking]);
    expect(numbers.get('achtergrond/ag_rol')).toBe(1);
    expect(numbers.get('achtergrond/ag_overleg')).toBe(4);
    expect(numbers.get('kansrijke-samenwerking/ks_amb_01')).toBe(5);
    expect(numbers.get('kansrijke-samenwerking/ks_open_beter')).toBe(27);
  });

  it('follows the sections, not the order of the item list, and keeps equal item ids of two instruments apart', () => {
    const base = (id: string): InstrumentDefinitionInput => ({
      id,
      version: 1,
      name: { nl: id, en: id },
      description: { nl: 'Proef', en: 'Trial' },
      attribution: { nl: 'Proef', en: 'Trial' },
      licence: { nl: 'Proef', en: 'Trial' },
      scales: [],
      items: [
        { id: 'a', type: 'open', text: { nl: 'A', en: 'A' }, label: { nl: 'A', en: 'A' }, maxLength: 10 },
        { id: 'b', type: 'open', text: { nl: 'B', en: 'B' }, label: { nl: 'B', en: 'B' }, maxLength: 10 },
        { id: 'c', type: 'open', text: { nl: 'C', en: 'C' }, label: { nl: 'C', en: 'C' }, maxLength: 10 },
      ],
      subscales: [],
      sections: [
        { id: 's1', title: { nl: 'Een', en: 'One' }, items: ['c'] },
        { id: 's2', title: { nl: 'Twee', en: 'Two' }, items: ['a', 'b'] },
      ],
    });
    const numbers = questionNumbers([instrumentDefinition.parse(base('eerste')), instrumentDefinition.parse(base('tweede'))]);
    expect([...numbers]).toEqual([
      [questionKey('eerste', 'c'), 1],
      [questionKey('eerste', 'a'), 2],
      [questionKey('eerste', 'b'), 3],
      [questionKey('tweede', 'c'), 4],
      [questionKey('tweede', 'a'), 5],
      [questionKey('tweede', 'b'), 6],
    ]);
    expect(questionKey('eerste', 'c')).toBe('eerste/c');
  });
});
