import { describe, expect, it } from 'vitest';
import { builtInInstruments, instrumentDefinition, type InstrumentDefinitionInput } from '../../shared/instruments';
import { allowedCodes, parseStoredDefinition, type InstrumentItem } from '../../shared/instruments/schema';
import { kansrijkeSamenwerking } from '../../shared/instruments/kansrijke-samenwerking';

const minimal = (): InstrumentDefinitionInput => ({
  id: 'test-lijst',
  version: 1,
  name: { nl: 'Test', en: 'Test' },
  description: { nl: 'd', en: 'd' },
  attribution: { nl: 'a', en: 'a' },
  licence: { nl: 'l', en: 'l' },
  scales: [{ id: 'ja_nee', options: [{ code: 0, label: { nl: 'Nee', en: 'No' } }, { code: 1, label: { nl: 'Ja', en: 'Yes' } }] }],
  items: [{ id: 'v_01', type: 'scale', text: { nl: 'Vraag', en: 'Question' }, label: { nl: 'V', en: 'Q' }, scale: 'ja_nee' }],
  subscales: [{ id: 'sub', label: { nl: 'S', en: 'S' }, items: ['v_01'] }],
  sections: [{ id: 's1', title: { nl: 'Deel', en: 'Part' }, items: ['v_01'] }],
});

function messages(def: unknown): string[] {
  const result = instrumentDefinition.safeParse(def);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe('instrument schema', () => {
  it('accepts a minimal valid definition and fills defaults', () => {
    const def = instrumentDefinition.parse(minimal());
    expect(def.subscales[0]!.minAnsweredShare).toBe(0.75);
    expect(def.scales[0]!.notScored).toEqual([]);
  });

  it('refuses references to unknown scales, items and sections, each with a message', () => {
    const def = minimal();
    def.items[0] = { ...(def.items[0] as object), scale: 'onbekend' } as InstrumentDefinitionInput['items'][number];
    def.subscales[0]!.items = ['v_99'];
    def.sections.push({ id: 's2', title: { nl: 'x', en: 'x' }, items: ['v_42'] });
    const m = messages(def);
    expect(m).toContain('Vraag v_01 verwijst naar onbekende antwoordschaal onbekend');
    expect(m).toContain('Schaal sub verwijst naar onbekende vraag v_99');
    expect(m).toContain('Onderdeel s2 verwijst naar onbekende vraag v_42');
  });

  it('refuses duplicate codes, duplicate item ids, items placed twice and bad variable names', () => {
    const dupCodes = minimal();
    dupCodes.scales[0]!.notScored = [{ code: 1, label: { nl: 'Weet niet', en: "Don't know" } }];
    expect(messages(dupCodes)).toContain('Antwoordschaal ja_nee gebruikt een code twee keer');

    const twice = minimal();
    twice.sections.push({ id: 's2', title: { nl: 'x', en: 'x' }, items: ['v_01'] });
    expect(messages(twice)).toContain('Vraag v_01 staat 2 keer in de onderdelen (moet precies 1 keer)');

    const dupItems = minimal();
    dupItems.items.push({ ...(dupItems.items[0] as object) } as InstrumentDefinitionInput['items'][number]);
    expect(messages(dupItems)).toContain('Twee vragen hebben hetzelfde id');

    const badName = minimal();
    badName.items[0] = { ...(badName.items[0] as object), id: 'Vraag 1' } as InstrumentDefinitionInput['items'][number];
    expect(messages(badName).some((m) => m.includes('kleine letters'))).toBe(true);
  });

  it('refuses a subscale over an open question and unknown fields such as __proto__ tricks', () => {
    const open = minimal();
    open.items.push({ id: 'v_open', type: 'open', text: { nl: 'Open', en: 'Open' }, label: { nl: 'O', en: 'O' }, maxLength: 100 });
    open.sections[0]!.items.push('v_open');
    open.subscales[0]!.items.push('v_open');
    expect(messages(open)).toContain('Schaal sub: vraag v_open heeft geen antwoordschaal');
    const extra = JSON.parse(JSON.stringify(minimal()).replace('"id":"test-lijst"', '"id":"test-lijst","__proto__":{"x":1},"extra":1'));
    expect(instrumentDefinition.safeParse(extra).success).toBe(false);
  });
});

describe('bounded definitions', () => {
  const withNumber = (min: number, max: number): InstrumentDefinitionInput => {
    const def = minimal();
    def.items.push({ id: 'v_aantal', type: 'number', text: { nl: 'Hoeveel?', en: 'How many?' }, label: { nl: 'Aantal', en: 'Number' }, min, max });
    def.sections[0]!.items.push('v_aantal');
    return def;
  };

  it('keeps a number question within the codes an answer can hold (−99 to 999), naming the question', () => {
    expect(messages(withNumber(-99, 999))).toEqual([]);
    const expected = 'Vraag v_aantal: een getal als antwoord ligt tussen -99 en 999, dus min en max ook';
    expect(messages(withNumber(0, 1_000_000_000))).toEqual([expected]);
    expect(messages(withNumber(-100, 10))).toEqual([expected]);
    expect(messages(withNumber(0, 1000))).toEqual([expected]);
  });

  it('checks a number answer against the range without listing it', () => {
    const def = instrumentDefinition.parse(withNumber(-99, 999));
    const codes = allowedCodes(def, def.items.find((it) => it.id === 'v_aantal')!)!;
    expect([-100, -99, 0, 999, 1000, 2.5].map((c) => codes.has(c))).toEqual([false, true, true, true, false, false]);
    // A scale item still accepts its scored and its not-scored codes, nothing else.
    const scale = allowedCodes(def, def.items[0]!)!;
    expect([0, 1, 2].map((c) => scale.has(c))).toEqual([true, true, false]);
    expect(allowedCodes(def, { ...def.items[0]!, type: 'open', maxLength: 10 } as InstrumentItem)).toBeNull();
  });

  it('reads a definition an earlier version stored with a wider number range as cut to the answer codes', () => {
    const stored = JSON.parse(JSON.stringify(withNumber(0, 1_000_000_000))) as InstrumentDefinitionInput;
    const read = parseStoredDefinition(stored);
    expect(read.items.find((it) => it.id === 'v_aantal')).toMatchObject({ min: 0, max: 999 });
    expect(parseStoredDefinition(withNumber(-5000, 20)).items.find((it) => it.id === 'v_aantal')).toMatchObject({ min: -99, max: 20 });
  });

  it('refuses invisible control characters in every text of a definition; paragraphs only where texts run long', () => {
    const inLabel = minimal();
    inLabel.items[0] = { ...(inLabel.items[0] as object), label: { nl: 'V\u0000', en: 'Q' } } as InstrumentDefinitionInput['items'][number];
    expect(messages(inLabel)).toEqual([
      'Deze tekst bevat een onzichtbaar stuurteken. Verwijder het (bijvoorbeeld door de tekst opnieuw te typen) en probeer het opnieuw.',
    ]);
    const newlineInName = minimal();
    newlineInName.name = { nl: 'Test\nlijst', en: 'Test' };
    expect(messages(newlineInName)).toHaveLength(1);
    const paragraphs = minimal();
    paragraphs.description = { nl: 'Eerste alinea.\n\nTweede alinea.', en: 'One.\tTwo.' };
    paragraphs.items[0] = { ...(paragraphs.items[0] as object), text: { nl: 'Vraag\nmet uitleg', en: 'Question' } } as InstrumentDefinitionInput['items'][number];
    expect(messages(paragraphs)).toEqual([]);
    const escapeInText = minimal();
    escapeInText.items[0] = { ...(escapeInText.items[0] as object), text: { nl: 'Vraag\u001b[31m', en: 'Question' } } as InstrumentDefinitionInput['items'][number];
    expect(messages(escapeInText)).toHaveLength(1);
  });

  it('lets a subscale or a section list at most as many questions as an instrument has (500)', () => {
    const def = minimal();
    def.sections[0]!.items = Array.from({ length: 501 }, () => 'v_01');
    expect(messages(def).length).toBeGreaterThan(0);
    expect(instrumentDefinition.safeParse(def).error?.issues.some((i) => i.code === 'too_big' && i.path.join('.') === 'sections.0.items')).toBe(true);
  });
});

describe('Kansrijke samenwerking', () => {
  it('has the five Kaats & Opheij conditions with four indicators each, per DOMAIN.md', () => {
    expect(kansrijkeSamenwerking.subscales.map((s) => [s.label.nl, s.items.length])).toEqual([
      ['Gedeelde ambitie', 4],
      ['Recht doen aan belangen', 4],
      ['Goed persoonlijk samenwerken', 4],
      ['Professioneel organiseren', 4],
      ['Betekenisgevend proces', 4],
    ]);
    const labels = kansrijkeSamenwerking.items.filter((i) => i.type === 'scale').map((i) => i.label.nl);
    expect(labels).toContain('Mate van gedeeldheid');
    expect(labels).toContain('Hygiëne in afspraken');
    expect(labels).toContain('Proceskwaliteit en proceseffectiviteit');
    expect(labels).toHaveLength(20);
  });

  it('uses a 5-point agreement scale with a separate, unscored "weet niet / n.v.t."', () => {
    const scale = kansrijkeSamenwerking.scales[0]!;
    expect(scale.options.map((o) => [o.code, o.label.nl])).toEqual([
      [1, 'Helemaal oneens'],
      [2, 'Oneens'],
      [3, 'Neutraal'],
      [4, 'Eens'],
      [5, 'Helemaal eens'],
    ]);
    expect(scale.notScored.map((o) => o.label.nl)).toEqual(['Weet niet / n.v.t.']);
  });

  it('has a 1–10 grade, two open questions, attribution of the model, and variable names ≤ 32', () => {
    const byId = new Map(kansrijkeSamenwerking.items.map((i) => [i.id, i]));
    expect(byId.get('ks_cijfer')).toMatchObject({ type: 'number', min: 1, max: 10 });
    expect(byId.get('ks_open_goed')?.type).toBe('open');
    expect(byId.get('ks_open_beter')?.type).toBe('open');
    expect(kansrijkeSamenwerking.attribution.nl).toMatch(/Kaats.*Opheij.*2014/);
    for (const def of builtInInstruments) for (const item of def.items) expect(item.id).toMatch(/^[a-z][a-z0-9_]{0,31}$/);
  });
});
