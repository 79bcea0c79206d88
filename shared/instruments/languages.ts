import type { Locale, LocalizedText } from '../text';
import type { InstrumentDefinition } from './schema';

/**
 * Which languages an instrument is in. Every instrument is in Dutch; it is in English too unless
 * it declares `languages: ["nl"]`. A definition that declares nothing is bilingual, as every
 * built-in is, so their stored JSON stays as it was. Zod-free: the kiosk and the paper form ask
 * this to decide whether to offer English.
 */

/** Dutch only, or Dutch and English: the two values `languages` may have. */
export const DUTCH_ONLY: readonly Locale[] = ['nl'];
export const DUTCH_AND_ENGLISH: readonly Locale[] = ['nl', 'en'];

type Languages = Pick<InstrumentDefinition, 'languages'>;

export function instrumentLanguages(def: Languages): readonly Locale[] {
  return def.languages ?? DUTCH_AND_ENGLISH;
}

/** Whether every one of these instruments can be shown in this language (Dutch always). */
export function allAvailableIn(defs: readonly Languages[], locale: Locale): boolean {
  return defs.every((def) => instrumentLanguages(def).includes(locale));
}

/** The language to show these instruments in: the wished one when all are in it, else Dutch. */
export function languageFor(defs: readonly Languages[], wished: Locale): Locale {
  return allAvailableIn(defs, wished) ? wished : 'nl';
}

/** Where a text sits in a definition, as the schema reports paths. */
export type TextPath = (string | number)[];

/**
 * Every text a definition shows, with its path: name, description, attribution, licence, the
 * options of each answer scale, each item's text, label and option help, subscale labels, and
 * section titles and introductions.
 */
export function definitionTexts(def: InstrumentDefinition): { path: TextPath; text: LocalizedText }[] {
  const texts: { path: TextPath; text: LocalizedText }[] = [];
  const add = (path: TextPath, text: LocalizedText | undefined) => {
    if (text) texts.push({ path, text });
  };
  add(['name'], def.name);
  add(['description'], def.description);
  add(['attribution'], def.attribution);
  add(['licence'], def.licence);
  def.scales.forEach((scale, i) => {
    scale.options.forEach((option, j) => add(['scales', i, 'options', j, 'label'], option.label));
    scale.notScored.forEach((option, j) => add(['scales', i, 'notScored', j, 'label'], option.label));
  });
  def.items.forEach((item, i) => {
    add(['items', i, 'text'], item.text);
    add(['items', i, 'label'], item.label);
    if (item.type === 'choice') for (const [code, help] of Object.entries(item.optionHelp ?? {})) add(['items', i, 'optionHelp', code], help);
  });
  def.subscales.forEach((subscale, i) => add(['subscales', i, 'label'], subscale.label));
  def.sections.forEach((section, i) => {
    add(['sections', i, 'title'], section.title);
    add(['sections', i, 'intro'], section.intro);
  });
  return texts;
}

/** How a text breaks the instrument's languages: English missing in a bilingual one, or there in a Dutch-only one. */
export type LanguageMismatch = 'english-missing' | 'english-superfluous';

/** The texts whose English does not match the declared languages; empty when all agree. */
export function languageMismatches(def: InstrumentDefinition): { path: TextPath; mismatch: LanguageMismatch }[] {
  const english = instrumentLanguages(def).includes('en');
  const found: { path: TextPath; mismatch: LanguageMismatch }[] = [];
  for (const { path, text } of definitionTexts(def)) {
    if (english && text.en === undefined) found.push({ path, mismatch: 'english-missing' });
    else if (!english && text.en !== undefined) found.push({ path, mismatch: 'english-superfluous' });
  }
  return found;
}
