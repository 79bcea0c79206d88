import { numberCanGrow, parseTypedCode, type NumberRange } from '../../../../shared/instruments/number-items';
import type { InstrumentDefinition, InstrumentItem } from '../../../../shared/instruments/schema';
import { multipleChoiceText } from '../../../../shared/instruments/visibility';
import { numberQuestions, questionKey } from '../../../../shared/question-numbers';
import type { LocalizedText } from '../../../../shared/text';

/** One answer as the grid sends it: a code for choice items, text for open ones. */
export interface CellAnswer {
  value: number | null;
  text: string | null;
}

/** One item column of the paper-entry grid. */
export interface PaperColumn {
  /** `instrumentId/itemId`, unique across the wave's instruments. */
  key: string;
  instrumentId: string;
  itemId: string;
  /** The question's number on the paper form (shared/question-numbers.ts). */
  number: number;
  /** `multiple`: the ticked codes typed separated by spaces or commas ("1 3"), stored as "1,3". */
  kind: 'choice' | 'open' | 'multiple';
  question: LocalizedText;
  /** The item's short label (the indicator's name) for the column header. */
  label: LocalizedText;
  /** For open items: the longest answer the definition allows. */
  maxLength: number | null;
  /**
   * The codes printed on the paper form, as typed. Only used to know when a typed answer is
   * finished ("1" may become "10", "4" on a 1–5 scale cannot), never to decide whether it is
   * valid: that is the main process's job.
   */
  codes: string[];
  /** For number items: the range of the number, in place of a list of codes. */
  numberRange: NumberRange | null;
  /** Every code is one character: a key press replaces the answer and saves it at once. */
  singleKey: boolean;
  /** The codes with their meaning, scored ones first (what a refusal offers: "1 tot en met 5 of 9 (weet niet)"). */
  legend: { code: number; label: LocalizedText; scored: boolean }[];
}

function legendOf(def: InstrumentDefinition, item: InstrumentItem): PaperColumn['legend'] {
  if (item.type === 'open' || item.type === 'number') return [];
  const scale = def.scales.find((s) => s.id === item.scale);
  if (!scale) return [];
  return [...scale.options.map((o) => ({ ...o, scored: true })), ...scale.notScored.map((o) => ({ ...o, scored: false }))];
}

/** The wave's items in the order and with the numbers of the paper form: instrument by instrument, section by section. */
export function paperColumns(definitions: InstrumentDefinition[]): PaperColumn[] {
  const byId = new Map(definitions.map((def) => [def.id, def]));
  // Answers about partner organisations are given on screen only (the paper form says so): no column.
  return numberQuestions(definitions).filter(({ item }) => item.type !== 'relation').map(({ number, instrumentId, item }) => {
    const legend = legendOf(byId.get(instrumentId)!, item);
    const codes = legend.map((l) => String(l.code));
    const numberRange = item.type === 'number' ? { min: item.min, max: item.max } : null;
    return {
      key: questionKey(instrumentId, item.id),
      instrumentId,
      itemId: item.id,
      number,
      kind: item.type === 'open' ? 'open' : item.type === 'multiple' ? 'multiple' : 'choice',
      question: item.text,
      label: item.label,
      maxLength: item.type === 'open' ? item.maxLength : item.type === 'multiple' ? MULTIPLE_MAX_TYPED : null,
      codes,
      numberRange,
      singleKey: item.type === 'multiple' ? false : numberRange ? numberRange.min >= 0 && numberRange.max <= 9 : codes.length > 0 && codes.every((c) => c.length === 1),
      legend,
    };
  });
}

/** Room in a multiple-choice cell for every code of a long list, with separators. */
const MULTIPLE_MAX_TYPED = 60;

/** True when no longer code starts with what was typed, so waiting for another key is pointless. */
export function isFinished(column: PaperColumn, typed: string): boolean {
  // Another ticked code may always follow: sent when the cell is left or on Enter.
  if (column.kind === 'multiple') return false;
  if (column.numberRange) return typed !== '' && !numberCanGrow(typed, column.numberRange);
  return typed !== '' && !column.codes.some((c) => c.length > typed.length && c.startsWith(typed));
}

/** What a typed cell means: a whole number is a code; anything else goes as text (the main process refuses text for choice items). */
export function parseTyped(column: PaperColumn, typed: string): CellAnswer {
  if (column.kind === 'open') return typed.trim() === '' ? { value: null, text: null } : { value: null, text: typed };
  if (column.kind === 'multiple') return parseTickedCodes(typed);
  return parseTypedCode(typed);
}

export function displayOf(answer: CellAnswer | null | undefined): string {
  if (!answer) return '';
  if (answer.value !== null) return String(answer.value);
  return answer.text ?? '';
}

/**
 * The ticked codes of a multiple-choice cell, typed separated by spaces or commas in any order
 * ("3 1", "1,3"), as stored: "1,3". Anything that is not such a list goes as typed, for the main
 * process to refuse with the question named.
 */
export function parseTickedCodes(typed: string): CellAnswer {
  const parts = typed.split(/[\s,;]+/).filter((part) => part !== '');
  if (parts.length === 0) return { value: null, text: null };
  if (!parts.every((part) => /^-?\d{1,3}$/.test(part))) return { value: null, text: typed.trim() };
  return { value: null, text: multipleChoiceText(parts.map(Number)) };
}
