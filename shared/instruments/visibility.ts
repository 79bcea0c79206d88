import type { InstrumentDefinition, InstrumentItem } from './schema';

/**
 * Required items, conditional display and multiple choice, decided from a response's answers.
 * Zod-free, so the kiosk, the phone, the paper grid, scoring and the exports all ask the same
 * functions. An item is shown when it has no `showWhen`, or when its condition item is shown and
 * answered with one of the listed codes (for a multiple-choice item: one of them ticked). The
 * answer of a hidden item is kept in the database but counts nowhere: not in scores, not in
 * exports (`answersOfShownItems`), and a hidden required item need not be answered.
 */

/** What an item was answered with: a code, the ticked codes of a multiple-choice item, or text. */
export type GivenAnswer = number | readonly number[] | string;

/** A response's answers to one instrument: item id → answer. */
export type GivenAnswers = ReadonlyMap<string, GivenAnswer>;

/** The ticked codes of a multiple-choice answer as stored: ascending, comma-separated ("1,3,5"). */
export function multipleChoiceText(codes: readonly number[]): string {
  return [...new Set(codes)].sort((a, b) => a - b).join(',');
}

/** The codes of a stored multiple-choice answer; null when the text is not such a list. */
export function multipleChoiceCodes(text: string): number[] | null {
  if (!/^-?\d{1,3}(,-?\d{1,3})*$/.test(text)) return null;
  const codes = text.split(',').map(Number);
  return multipleChoiceText(codes) === text ? codes : null;
}

/** Whether an answer meets a condition's codes. */
function meets(answer: GivenAnswer | undefined, anyOf: readonly number[]): boolean {
  if (answer === undefined || typeof answer === 'string') return false;
  const given = typeof answer === 'number' ? [answer] : answer;
  return given.some((code) => anyOf.includes(code));
}

/**
 * The ids of the items shown for these answers. A chain of conditions is followed to its start;
 * a validated definition has no cycles, and a cycle met anyway (an unvalidated draft) hides its items.
 */
export function shownItemIds(def: Pick<InstrumentDefinition, 'items'>, answers: GivenAnswers): Set<string> {
  const byId = new Map(def.items.map((item) => [item.id, item]));
  const decided = new Map<string, boolean>();
  const isShown = (item: InstrumentItem, visiting: Set<string>): boolean => {
    const known = decided.get(item.id);
    if (known !== undefined) return known;
    let shown = true;
    if (item.showWhen) {
      const condition = byId.get(item.showWhen.item);
      if (!condition || visiting.has(item.id)) shown = false;
      else {
        visiting.add(item.id);
        shown = isShown(condition, visiting) && meets(answers.get(condition.id), item.showWhen.anyOf);
        visiting.delete(item.id);
      }
    }
    decided.set(item.id, shown);
    return shown;
  };
  return new Set(def.items.filter((item) => isShown(item, new Set())).map((item) => item.id));
}

/** The answers that count: those of shown items. */
export function answersOfShownItems<A>(def: Pick<InstrumentDefinition, 'items'>, answers: ReadonlyMap<string, A>, given: GivenAnswers): Map<string, A> {
  const shown = shownItemIds(def, given);
  return new Map([...answers].filter(([itemId]) => shown.has(itemId)));
}

/** The shown required items without an answer, in the definition's order (relation items are checked per organisation elsewhere). */
export function unansweredRequiredItems(def: Pick<InstrumentDefinition, 'items'>, answers: GivenAnswers): InstrumentItem[] {
  const shown = shownItemIds(def, answers);
  return def.items.filter((item) => {
    if (!item.required || !shown.has(item.id) || item.type === 'relation') return false;
    const answer = answers.get(item.id);
    return answer === undefined || (Array.isArray(answer) && answer.length === 0) || answer === '';
  });
}

/** Item types whose answer is one or more codes, so another item may be shown on them. */
const CONDITION_TYPES: ReadonlySet<InstrumentItem['type']> = new Set(['scale', 'choice', 'number', 'multiple']);

export interface ShowWhenProblem {
  /** The position of the item whose condition is wrong. */
  index: number;
  message: string;
}

/**
 * What is wrong with the definition's conditions, in Dutch: a condition on an unknown item, on an
 * open or relation question, on a code that item cannot have, or a chain that returns to itself.
 */
export function showWhenProblems(def: Pick<InstrumentDefinition, 'items' | 'scales'>): ShowWhenProblem[] {
  const problems: ShowWhenProblem[] = [];
  const byId = new Map(def.items.map((item) => [item.id, item]));
  def.items.forEach((item, index) => {
    if (!item.showWhen) return;
    const condition = byId.get(item.showWhen.item);
    if (!condition) {
      problems.push({ index, message: `Vraag ${item.id} wordt getoond op grond van vraag ${item.showWhen.item}, maar die vraag bestaat niet` });
      return;
    }
    if (!CONDITION_TYPES.has(condition.type)) {
      problems.push({ index, message: `Vraag ${item.id} wordt getoond op grond van vraag ${condition.id}, maar dat is geen vraag met antwoordcodes` });
      return;
    }
    const unknown = item.showWhen.anyOf.filter((code) => !conditionAccepts(def, condition, code));
    if (unknown.length > 0) {
      problems.push({ index, message: `Vraag ${item.id} wordt getoond bij antwoord ${unknown.join(', ')} op vraag ${condition.id}, maar dat antwoord bestaat daar niet` });
    }
  });
  def.items.forEach((item, index) => {
    const seen = new Set<string>([item.id]);
    let next = item.showWhen ? byId.get(item.showWhen.item) : undefined;
    while (next) {
      if (seen.has(next.id)) {
        if (next.id === item.id) {
          problems.push({ index, message: `Vraag ${item.id} hangt via de toon-voorwaarden van zichzelf af (${[...seen, item.id].join(' → ')}); zo wordt ze nooit getoond` });
        }
        break;
      }
      seen.add(next.id);
      next = next.showWhen ? byId.get(next.showWhen.item) : undefined;
    }
  });
  return problems;
}

function conditionAccepts(def: Pick<InstrumentDefinition, 'scales'>, item: InstrumentItem, code: number): boolean {
  if (item.type === 'number') return Number.isInteger(code) && code >= item.min && code <= item.max;
  if (!('scale' in item)) return false;
  const scale = def.scales.find((s) => s.id === item.scale);
  return scale !== undefined && [...scale.options, ...scale.notScored].some((o) => o.code === code);
}
