import type { InstrumentDefinition, InstrumentItem } from './instruments/schema';

/**
 * Question numbers as respondents see them: 1, 2, 3 … straight through a wave's questionnaire, in
 * the order the kiosk asks (the wave's instruments in their order, each section by section, each
 * section's items in order). The printed paper form, the paper-entry grid and its error messages
 * all number from here, so "vraag 7" on paper is column 7 on screen. Zod-free: the renderer
 * imports it.
 */

/** One numbered question of a wave's form. */
export interface NumberedQuestion {
  number: number;
  instrumentId: string;
  /** Index of the item's section within its instrument. */
  sectionIndex: number;
  item: InstrumentItem;
}

/** The key of a question across a wave's instruments (item ids are unique only within one instrument). */
export const questionKey = (instrumentId: string, itemId: string): string => `${instrumentId}/${itemId}`;

/** `definitions` in the wave's order (`wave.instruments`). */
export function numberQuestions(definitions: readonly InstrumentDefinition[]): NumberedQuestion[] {
  const questions: NumberedQuestion[] = [];
  for (const definition of definitions) {
    const items = new Map(definition.items.map((item) => [item.id, item]));
    definition.sections.forEach((section, sectionIndex) => {
      for (const itemId of section.items) {
        const item = items.get(itemId);
        if (item) questions.push({ number: questions.length + 1, instrumentId: definition.id, sectionIndex, item });
      }
    });
  }
  return questions;
}

/** Question number by `questionKey(instrumentId, itemId)`. */
export function questionNumbers(definitions: readonly InstrumentDefinition[]): Map<string, number> {
  return new Map(numberQuestions(definitions).map((q) => [questionKey(q.instrumentId, q.item.id), q.number]));
}
