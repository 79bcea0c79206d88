import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { missingRequiredQuestions, numberList, shownQuestionKeys, type MissingRequiredQuestion, type RelationAnsweredCheck, type StoredAnswerOf } from '../../../../shared/instruments/given-answers';
import type { InstrumentDefinition } from '../../../../shared/instruments/schema';
import { focusItem } from '../kiosk/keys';
import { useRelationAnsweredCheck } from './RelationItemField';
import { answerKey, type ItemAnswerState } from './useAnswers';

/**
 * Which questions a screen shows and which required ones are still open, decided from what the
 * screen shows as answered (a tick on its way counts at once, so a follow-up question appears the
 * moment its condition is met) by the same shared rules the main process checks on submit.
 */
export interface QuestionRules {
  /** `answerKey`s of the questions shown now. */
  shown: ReadonlySet<string>;
  /** The shown required questions without an answer, in the form's order. */
  missing: MissingRequiredQuestion[];
  /** `answerKey`s of `missing`. */
  missingKeys: ReadonlySet<string>;
}

/** `relationAnswered`: how a required relation item is checked (`useRelationAnsweredCheck`); without it relation items are not checked. */
export function questionRulesOf(
  definitions: readonly InstrumentDefinition[],
  items: Record<string, ItemAnswerState | undefined>,
  relationAnswered?: RelationAnsweredCheck,
): QuestionRules {
  const answers: StoredAnswerOf[] = [];
  for (const [key, state] of Object.entries(items)) {
    const answer = state?.pending ?? state?.saved;
    if (!answer) continue;
    const slash = key.lastIndexOf('/');
    answers.push({ instrumentId: key.slice(0, slash), itemId: key.slice(slash + 1), value: answer.value, text: answer.text });
  }
  const missing = missingRequiredQuestions(definitions, answers, relationAnswered);
  return { shown: shownQuestionKeys(definitions, answers), missing, missingKeys: new Set(missing.map((q) => answerKey(q.instrumentId, q.item.id))) };
}


/** Moves focus into a question on the screen (its chosen option, first option or text box). */
export function focusQuestion(container: Element | null, question: { instrumentId: string; item: { id: string } }): void {
  const element = container?.querySelector(`[data-testid="item-${question.item.id}"][data-instrument="${question.instrumentId}"]`);
  if (!element) return;
  focusItem(element);
  element.scrollIntoView({ block: 'center' });
}

/**
 * The researcher's form and a correction: which questions are shown, and the check before
 * submitting. `refusal()` is null when every shown required question is answered; otherwise it
 * marks those questions (each says it is required until answered), moves focus to the first and
 * gives the sentence naming their numbers. `ref` goes on the element holding the questions.
 */
export function useRequiredQuestions(definitions: readonly InstrumentDefinition[], items: Record<string, ItemAnswerState | undefined>) {
  const { t, i18n } = useTranslation();
  const [flagged, setFlagged] = useState<ReadonlySet<string>>(new Set());
  const ref = useRef<HTMLDivElement>(null);
  const rules = questionRulesOf(definitions, items, useRelationAnsweredCheck());
  const refusal = (): string | null => {
    if (rules.missing.length === 0) return null;
    const numbers = rules.missing.map((q) => q.number);
    setFlagged(rules.missingKeys);
    focusQuestion(ref.current, rules.missing[0]!);
    return t('questionRules.requiredSubmit', { count: numbers.length, numbers: numberList(numbers, i18n.language) });
  };
  return { rules, flagged, ref, refusal };
}
