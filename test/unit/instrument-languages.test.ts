import { describe, expect, it } from 'vitest';
import { builtInInstruments, instrumentDefinition } from '../../shared/instruments';
import { allAvailableIn, definitionTexts, instrumentLanguages, languageFor, languageMismatches } from '../../shared/instruments/languages';
import { inLocale } from '../../shared/text';
import { bilingualInstrument, dutchOnlyInstrument } from '../support/dutch-only-instrument';

/** Which languages an instrument is in, and what a screen or an export then shows. Known answers by hand. */
describe('the languages of an instrument', () => {
  const dutch = instrumentDefinition.parse(dutchOnlyInstrument());
  const both = instrumentDefinition.parse(bilingualInstrument());

  it('are Dutch and English when a definition declares none, as every built-in', () => {
    for (const def of builtInInstruments) expect(instrumentLanguages(def), def.id).toEqual(['nl', 'en']);
    expect(instrumentLanguages(both)).toEqual(['nl', 'en']);
    expect(instrumentLanguages(dutch)).toEqual(['nl']);
  });

  it('offer English only when every instrument has it', () => {
    expect(allAvailableIn([both, ...builtInInstruments], 'en')).toBe(true);
    expect(allAvailableIn([both, dutch], 'en')).toBe(false);
    expect(allAvailableIn([both, dutch], 'nl')).toBe(true);
    expect(languageFor([both], 'en')).toBe('en');
    expect(languageFor([both, dutch], 'en')).toBe('nl');
    expect(languageFor([dutch], 'nl')).toBe('nl');
  });

  it('list every text of a definition with its path', () => {
    // 4 top-level texts, 6 + 2 option labels, 5 × (text, label) and one option help, 1 subscale, 1 title and 1 intro.
    expect(definitionTexts(dutch).length).toBe(4 + 8 + 10 + 1 + 1 + 2);
    expect(definitionTexts(dutch).map((t) => t.path.join('.'))).toEqual(
      expect.arrayContaining(['name', 'scales.0.notScored.0.label', 'items.3.optionHelp.2', 'subscales.0.label', 'sections.0.intro']),
    );
  });

  it('agree with every text of the built-ins, so they validate unchanged', () => {
    for (const def of builtInInstruments) expect(languageMismatches(def), def.id).toEqual([]);
  });

  it('show a Dutch-only text in Dutch when English is asked', () => {
    expect(inLocale({ nl: 'Eens' }, 'en')).toBe('Eens');
    expect(inLocale({ nl: 'Eens', en: 'Agree' }, 'en')).toBe('Agree');
    expect(inLocale({ nl: 'Eens', en: 'Agree' }, 'nl')).toBe('Eens');
  });
});
