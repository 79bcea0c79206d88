import { numberCanGrow, parseTypedCode, type NumberRange } from '../../../../shared/instruments/number-items';
import type { InstrumentDefinition, InstrumentItem } from '../../../../shared/instruments/schema';
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
  kind: 'choice' | 'open';
  question: LocalizedText;
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
  /** The codes with their meaning, for the header's tooltip: "1 = Helemaal oneens, …". */
  legend: { code: number; label: LocalizedText }[];
}

function legendOf(def: InstrumentDefinition, item: InstrumentItem): PaperColumn['legend'] {
  if (item.type === 'open' || item.type === 'number') return [];
  const scale = def.scales.find((s) => s.id === item.scale);
  return scale ? [...scale.options, ...scale.notScored].map((o) => ({ code: o.code, label: o.label })) : [];
}

/** The wave's items in the order the paper form shows them: instrument by instrument, section by section. */
export function paperColumns(definitions: InstrumentDefinition[]): PaperColumn[] {
  const columns: PaperColumn[] = [];
  for (const def of definitions) {
    for (const section of def.sections) {
      for (const itemId of section.items) {
        const item = def.items.find((it) => it.id === itemId);
        if (!item) continue;
        const legend = legendOf(def, item);
        const codes = legend.map((l) => String(l.code));
        const numberRange = item.type === 'number' ? { min: item.min, max: item.max } : null;
        columns.push({
          key: `${def.id}/${item.id}`,
          instrumentId: def.id,
          itemId: item.id,
          kind: item.type === 'open' ? 'open' : 'choice',
          question: item.text,
          maxLength: item.type === 'open' ? item.maxLength : null,
          codes,
          numberRange,
          singleKey: numberRange ? numberRange.min >= 0 && numberRange.max <= 9 : codes.length > 0 && codes.every((c) => c.length === 1),
          legend,
        });
      }
    }
  }
  return columns;
}

/** True when no longer code starts with what was typed, so waiting for another key is pointless. */
export function isFinished(column: PaperColumn, typed: string): boolean {
  if (column.numberRange) return typed !== '' && !numberCanGrow(typed, column.numberRange);
  return typed !== '' && !column.codes.some((c) => c.length > typed.length && c.startsWith(typed));
}

/** What a typed cell means: a whole number is a code; anything else goes as text (the main process refuses text for choice items). */
export function parseTyped(column: PaperColumn, typed: string): CellAnswer {
  if (column.kind === 'open') return typed.trim() === '' ? { value: null, text: null } : { value: null, text: typed };
  return parseTypedCode(typed);
}

export function displayOf(answer: CellAnswer | null | undefined): string {
  if (!answer) return '';
  if (answer.value !== null) return String(answer.value);
  return answer.text ?? '';
}
