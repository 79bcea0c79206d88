import type { InstrumentDefinition, InstrumentItem } from './schema';
import { multipleChoiceCodes, shownItemIds, type GivenAnswer, type GivenAnswers } from './visibility';

/**
 * Conditional display for code that reads many responses (the results, the exports, the open
 * answers): what of an instrument can be hidden, worked out once per instrument version, so that a
 * response's hidden items are found from its few condition answers only, by the rules of
 * `shownItemIds`. An instrument without conditions has no plan, and reading it costs nothing extra.
 */
export interface VisibilityPlan {
  /** The items with a condition and every item a condition hangs on (directly or through a chain). */
  chain: Pick<InstrumentDefinition, 'items'>;
  /** The items whose conditions the answers decide: those of `chain` that something hangs on. */
  conditionIds: readonly string[];
  /** The items that may be hidden (those with a condition). */
  conditional: readonly InstrumentItem[];
  /** Multiple-choice items among the condition items (their answer is the ticked codes). */
  multipleConditionIds: ReadonlySet<string>;
  /**
   * The hidden items found so far, by the condition answers they were found from. Responses repeat
   * few combinations of condition answers, so most responses are a lookup instead of a walk through
   * the conditions (the results read thousands of responses at a time).
   */
  memo: Map<string, readonly string[]>;
}

/** Combinations remembered per plan; beyond this (answers on a wide number question, say) the rest is worked out each time. */
const MEMO_LIMIT = 4096;

/** The plan of an instrument version, or null when none of its items has a condition. */
export function visibilityPlan(def: Pick<InstrumentDefinition, 'items'>): VisibilityPlan | null {
  const conditional = def.items.filter((item) => item.showWhen);
  if (conditional.length === 0) return null;
  const byId = new Map(def.items.map((item) => [item.id, item]));
  const inChain = new Set<string>();
  const conditionIds = new Set<string>();
  for (const item of conditional) {
    let next: InstrumentItem | undefined = item;
    while (next && !inChain.has(next.id)) {
      inChain.add(next.id);
      if (!next.showWhen) break;
      conditionIds.add(next.showWhen.item);
      next = byId.get(next.showWhen.item);
    }
  }
  const multipleConditionIds = new Set([...conditionIds].filter((id) => byId.get(id)?.type === 'multiple'));
  return { chain: { items: def.items.filter((item) => inChain.has(item.id)) }, conditionIds: [...conditionIds], conditional, multipleConditionIds, memo: new Map() };
}

/**
 * The ids of the items a response did not see, from its answers to the condition items: `answerOf`
 * gives an item's stored code (undefined when unanswered), or for a multiple-choice item its ticked
 * codes or its stored text ("1,3,5").
 */
export function hiddenItemIds(plan: VisibilityPlan, answerOf: (itemId: string) => number | string | readonly number[] | undefined): readonly string[] {
  const stored = plan.conditionIds.map(answerOf);
  // A number as n4, ticked codes (a list, or the text they are stored as) as t1,4; nothing as an empty part.
  const key = stored.map((a) => (a === undefined ? '' : typeof a === 'number' ? `n${a}` : `t${typeof a === 'string' ? a : a.join(',')}`)).join('|');
  const known = plan.memo.get(key);
  if (known) return known;
  const given = new Map<string, GivenAnswer>();
  plan.conditionIds.forEach((id, i) => {
    const answer = stored[i];
    if (answer === undefined) return;
    if (typeof answer !== 'string') given.set(id, answer);
    else if (plan.multipleConditionIds.has(id)) {
      const codes = multipleChoiceCodes(answer);
      if (codes) given.set(id, codes);
    }
  });
  const shown = shownItemIds(plan.chain, given as GivenAnswers);
  const hidden = plan.conditional.filter((item) => !shown.has(item.id)).map((item) => item.id);
  if (plan.memo.size < MEMO_LIMIT) plan.memo.set(key, hidden);
  return hidden;
}

/** The ticked codes of a stored multiple-choice answer, or null when there is none (or it is not one). */
export function tickedCodes(text: string | undefined | null): number[] | null {
  if (text === undefined || text === null) return null;
  const codes = multipleChoiceCodes(text);
  return codes && codes.length > 0 ? codes : null;
}
