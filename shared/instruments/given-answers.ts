import { questionKey, questionNumbers } from '../question-numbers';
import { relationItemsOf } from './relations';
import type { InstrumentDefinition, InstrumentItem, RelationItem } from './schema';
import { tickedCodes } from './shown-items';
import { shownItemIds, unansweredRequiredItems, type GivenAnswer, type GivenAnswers } from './visibility';

/**
 * Stored answers (the answers table's value and text, as the main process and the screens hold
 * them) read as the answers `visibility.ts` decides on, so the kiosk, the phone, the researcher's
 * form, the paper grid and the submit check in the main process see the same questions shown and
 * the same required ones missing. Zod-free: the renderer imports it.
 */

/** One stored answer: a code in `value`, or text (an open answer, or a multiple-choice answer's codes "1,3"). */
export interface StoredAnswerOf {
  instrumentId: string;
  itemId: string;
  value: number | null;
  text: string | null;
}

/** What one stored answer means for its item; undefined when it is no answer (nothing, empty text, a malformed list). */
export function givenAnswerOf(item: InstrumentItem, answer: Pick<StoredAnswerOf, 'value' | 'text'>): GivenAnswer | undefined {
  if (item.type === 'multiple') return tickedCodes(answer.text) ?? undefined;
  if (answer.value !== null) return answer.value;
  if (answer.text !== null && answer.text.trim() !== '') return answer.text;
  return undefined;
}

/** A response's stored answers to one instrument, by item id. */
export function givenAnswersFor(definition: InstrumentDefinition, answers: readonly StoredAnswerOf[]): Map<string, GivenAnswer> {
  const items = new Map(definition.items.map((item) => [item.id, item]));
  const given = new Map<string, GivenAnswer>();
  for (const answer of answers) {
    if (answer.instrumentId !== definition.id) continue;
    const item = items.get(answer.itemId);
    const meant = item && givenAnswerOf(item, answer);
    if (meant !== undefined) given.set(answer.itemId, meant);
  }
  return given;
}

/** The shown questions of a wave's instruments for these answers, as `questionKey`s. */
export function shownQuestionKeys(definitions: readonly InstrumentDefinition[], answers: readonly StoredAnswerOf[]): Set<string> {
  const shown = new Set<string>();
  for (const definition of definitions) {
    for (const itemId of shownItemIds(definition, givenAnswersFor(definition, answers))) shown.add(questionKey(definition.id, itemId));
  }
  return shown;
}

/** A shown required question without an answer, with its number on the form. */
export interface MissingRequiredQuestion {
  number: number;
  instrumentId: string;
  item: InstrumentItem;
}

/** Whether a relation item is answered about every partner organisation it asks about (relations.ts `relationItemAnswered`). */
export type RelationAnsweredCheck = (definition: InstrumentDefinition, item: RelationItem) => boolean;

/**
 * The shown required questions still unanswered, in the order of the form (`definitions` in the
 * wave's order). A required relation item is checked only when `relationAnswered` is given (paper
 * entry, which transcribes what came back, does not ask it).
 */
export function missingRequiredQuestions(
  definitions: readonly InstrumentDefinition[],
  answers: readonly StoredAnswerOf[],
  relationAnswered?: RelationAnsweredCheck,
): MissingRequiredQuestion[] {
  const numbers = questionNumbers(definitions);
  return definitions
    .flatMap((definition) =>
      unansweredRequiredOf(definition, givenAnswersFor(definition, answers), relationAnswered).map((item) => ({
        number: numbers.get(questionKey(definition.id, item.id)) ?? 0,
        instrumentId: definition.id,
        item,
      })),
    )
    .filter((q) => q.number > 0)
    .sort((a, b) => a.number - b.number);
}

function unansweredRequiredOf(definition: InstrumentDefinition, given: GivenAnswers, relationAnswered: RelationAnsweredCheck | undefined): InstrumentItem[] {
  const unanswered = new Set(unansweredRequiredItems(definition, given));
  if (relationAnswered) {
    const shown = shownItemIds(definition, given);
    for (const item of relationItemsOf(definition)) {
      if (item.required && shown.has(item.id) && !relationAnswered(definition, item)) unanswered.add(item);
    }
  }
  return definition.items.filter((item) => unanswered.has(item));
}

/** "3", "3 en 5", "3, 5 and 8": question numbers as a list in a language (the main process's refusals in Dutch, the screens in theirs). */
export function numberList(numbers: readonly number[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(numbers.map(String));
}
