/**
 * Keyboard answers on a kiosk question page:
 * - 1 … 9 choose the scored option at that position (1 = the first shown, e.g. "Helemaal oneens");
 * - 0 chooses the tenth option (the 10 of a 1–10 grade);
 * - N chooses the first not-scored option ("Weet niet / n.v.t."); N is for "niet", and "not
 *   applicable" in English; 9 and 0 cannot mean "don't know" because they are positions of a grade;
 * - on a select-all-that-apply question the same keys tick or untick the box at that place (N the
 *   not-scored one, "Geen van deze", which unticks the others as a click does);
 * - Enter goes to the next page (on a button it presses that button, in a text box it is a newline).
 * Keys with Ctrl, Alt or Cmd, and keys typed in a text box or list, are left alone.
 */
import type { InstrumentDefinition, InstrumentItem } from '../../../../shared/instruments/schema';
import type { LocalizedText } from '../../../../shared/text';

export type AnswerKey = { kind: 'scored'; position: number } | { kind: 'notScored' };

export function answerKeyOf(key: string): AnswerKey | null {
  if (/^[1-9]$/.test(key)) return { kind: 'scored', position: Number(key) };
  if (key === '0') return { kind: 'scored', position: 10 };
  if (key === 'n' || key === 'N') return { kind: 'notScored' };
  return null;
}

/** Text boxes, lists and the like, where a typed key belongs to the field. */
export function isTextEntry(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLInputElement) return !['radio', 'checkbox', 'button', 'submit', 'reset'].includes(element.type);
  return element instanceof HTMLElement && element.isContentEditable;
}

/** Elements on which Enter already means something (a button press, following a link). */
export function handlesEnter(element: Element | null): boolean {
  return element instanceof HTMLButtonElement || element instanceof HTMLAnchorElement || isTextEntry(element);
}

const ITEM_SELECTOR = '[data-testid^="item-"]';

/** A question's options: radios, or tick boxes on a select-all-that-apply question. */
const OPTIONS = 'input[type="radio"], input[type="checkbox"]';
const CHOSEN = 'input[type="radio"]:checked, input[type="checkbox"]:checked';
const optionsIn = (within: string) => `${within} input[type="radio"], ${within} input[type="checkbox"]`;

/** The radio or tick box of a question that a key stands for, or null when the question has no such option. */
export function optionFor(item: Element, key: AnswerKey): HTMLInputElement | null {
  if (key.kind === 'notScored') return item.querySelector<HTMLInputElement>(optionsIn('.choices-not-scored'));
  const scored = item.querySelectorAll<HTMLInputElement>(optionsIn('.choices:not(.choices-not-scored)'));
  return scored[key.position - 1] ?? null;
}

/** Whether a key press on this option toggles it (a tick box) rather than choosing it (a radio). */
export const togglesOption = (option: HTMLInputElement) => option.type === 'checkbox';

/** The questions of a page, in order. */
export function itemsIn(page: Element): Element[] {
  return [...page.querySelectorAll(ITEM_SELECTOR)];
}

/** The question a key press is for: the one holding focus, else the first unanswered choice question. */
export function targetItem(page: Element, focused: Element | null): Element | null {
  const holding = focused?.closest(ITEM_SELECTOR);
  if (holding && page.contains(holding)) return holding;
  return itemsIn(page).find((item) => item.querySelector(OPTIONS) && !item.querySelector(CHOSEN)) ?? null;
}

/** Moves focus into a question: its chosen option (the first ticked box), its first option, or its text box. */
export function focusItem(item: Element): boolean {
  const target =
    item.querySelector<HTMLElement>(CHOSEN) ??
    item.querySelector<HTMLElement>(OPTIONS) ??
    item.querySelector<HTMLElement>('textarea, input, select');
  target?.focus();
  return target !== null && target !== undefined;
}

/**
 * What N chooses on a page, for the keyboard hint: the first not-scored option of each question,
 * once per distinct wording ("Weet niet / n.v.t.", or "Zeg ik liever niet" and "Niet van
 * toepassing" on *Achtergrond*); empty when no question on the page has one.
 */
export function notScoredKeyOptions(definition: InstrumentDefinition, items: readonly InstrumentItem[]): LocalizedText[] {
  const found = new Map<string, LocalizedText>();
  for (const item of items) {
    if (item.type !== 'scale' && item.type !== 'choice' && item.type !== 'multiple' && item.type !== 'relation') continue;
    const first = definition.scales.find((scale) => scale.id === item.scale)?.notScored[0];
    if (first && !found.has(JSON.stringify(first.label))) found.set(JSON.stringify(first.label), first.label);
  }
  return [...found.values()];
}

/** Whether a page has a select-all-that-apply question, on which a number key ticks or unticks a box. */
export const hasTickBoxes = (items: readonly InstrumentItem[]) => items.some((item) => item.type === 'multiple');
