/**
 * A compiled form of an instrument version for scoring many responses fast: per item a lookup from
 * stored code to item score (built with `itemScore`, so reverse keying and not-scored options are
 * exactly those of shared/scoring), and per subscale the rule of `scoreSubscale` (mean of the
 * answered items when at least `minAnsweredShare` of them is answered). Answers are a flat array
 * per response indexed by item position (NaN = no answer), and codes map to small integer slots
 * through a typed array, so scoring needs no Map and no object per answer.
 */
import type { InstrumentDefinition, InstrumentItem, ScaleItem } from './instruments/schema';
import { ANSWER_CODE_MAX, ANSWER_CODE_MIN } from './domain';
import type { LocalizedText } from './text';
import { itemScore } from './scoring';
import { visibilityPlan, type VisibilityPlan } from './instruments/shown-items';

/** The range of stored codes the instrument schema allows. */
export const CODE_MIN = ANSWER_CODE_MIN;
export const CODE_MAX = ANSWER_CODE_MAX;

export interface CompiledOption {
  code: number;
  label: LocalizedText;
  scored: boolean;
}

export interface CompiledItem {
  id: string;
  item: InstrumentItem;
  /** The stored codes the item accepts, one per slot: the scale's options in order (scored first), or min..max for numbers. */
  codes: number[];
  /** Per slot: the item score (NaN when the code is not scored: "weet niet", or any choice). */
  slotScores: Float64Array;
  /** Per slot: 1 for a not-scored option ("weet niet / n.v.t."), 0 for an answer on the item's own options. */
  slotDeclined: Uint8Array;
  /** Stored code → slot, at index code − CODE_MIN; −1 for codes the item does not accept. */
  slotOf: Int16Array;
  /** For scale, choice and multiple-choice items: the options, parallel to `codes`; null otherwise. */
  options: CompiledOption[] | null;
  /** Lowest and highest possible item score (null for items without scores). */
  range: [number, number] | null;
  /**
   * The agreeing options of an agreement scale, as stored codes: the scored options above the middle
   * (4 and 5 of 5, 5 to 7 of 7, 3 and 4 of 4); null when the item is not an agreement statement.
   */
  agreeCodes: number[] | null;
}

export interface CompiledSubscale {
  id: string;
  label: LocalizedText;
  /** Positions in `items`. */
  itemIndexes: number[];
  minAnsweredShare: number;
  /** Lowest and highest possible score: the widest range of its items. */
  range: [number, number];
  /** The scored options when every item of the subscale uses one answer scale; null when they differ. */
  options: CompiledOption[] | null;
}

export interface CompiledInstrument {
  def: InstrumentDefinition;
  items: CompiledItem[];
  index: Map<string, number>;
  /** Item ids in code-unit order (SQLite's BINARY collation) and their positions in `items`, for matching sorted answer rows. */
  sortedIds: string[];
  sortedPositions: number[];
  /** Per item position: its place in `sortedIds`. */
  sortedRank: number[];
  subscales: CompiledSubscale[];
  /** Conditional display: which items may be hidden and what decides it; null when no item has a condition. */
  visibility: VisibilityPlan | null;
  /** Positions in `items` of the multiple-choice items (their answers are stored as text, not as a code). */
  multipleIndexes: number[];
}

/** An agreement scale ends on an agreeing label ("Helemaal eens", "Strongly agree"), not a disagreeing one. */
const AGREEMENT = /eens|agree/i;
const DISAGREEMENT = /oneens|disagree/i;
const agreeing = (label: string | undefined) => label !== undefined && AGREEMENT.test(label) && !DISAGREEMENT.test(label);
const agrees = (label: LocalizedText) => agreeing(label.nl) || agreeing(label.en);

/** The options above the middle of a scale of `count` options: positions past (count − 1) / 2. */
function aboveMiddle<T>(options: readonly T[]): T[] {
  return options.filter((_, i) => i > (options.length - 1) / 2);
}

function compileItem(def: InstrumentDefinition, item: InstrumentItem): CompiledItem {
  let codes: number[] = [];
  let options: CompiledOption[] | null = null;
  let range: [number, number] | null = null;
  let agreeCodes: number[] | null = null;
  if (item.type === 'number') {
    for (let c = item.min; c <= item.max; c++) codes.push(c);
    range = [item.min, item.max];
  } else if (item.type === 'scale' || item.type === 'choice' || item.type === 'multiple') {
    const scale = def.scales.find((s) => s.id === item.scale)!;
    options = [...scale.options.map((o) => ({ ...o, scored: true })), ...scale.notScored.map((o) => ({ ...o, scored: false }))];
    codes = options.map((o) => o.code);
    if (item.type === 'scale') {
      const scored = scale.options.map((o) => o.code);
      range = [Math.min(...scored), Math.max(...scored)];
      if (scale.options.length >= 2 && agrees(scale.options[scale.options.length - 1]!.label)) agreeCodes = aboveMiddle(scale.options).map((o) => o.code);
    }
  }
  const slotScores = new Float64Array(codes.length);
  const slotDeclined = new Uint8Array(codes.length);
  const slotOf = new Int16Array(CODE_MAX - CODE_MIN + 1).fill(-1);
  codes.forEach((code, slot) => {
    slotScores[slot] = itemScore(def, item.id, code) ?? Number.NaN;
    slotDeclined[slot] = options && !options[slot]!.scored ? 1 : 0;
    if (code >= CODE_MIN && code <= CODE_MAX) slotOf[code - CODE_MIN] = slot;
  });
  return { id: item.id, item, codes, slotScores, slotDeclined, slotOf, options, range, agreeCodes };
}

export function compileInstrument(def: InstrumentDefinition): CompiledInstrument {
  const items = def.items.filter((it) => it.type !== 'open').map((item) => compileItem(def, item));
  const index = new Map(items.map((it, i) => [it.id, i]));
  const sortedIds = items.map((it) => it.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const sortedPositions = sortedIds.map((id) => index.get(id)!);
  const sortedRank: number[] = new Array<number>(items.length);
  sortedPositions.forEach((position, rank) => (sortedRank[position] = rank));
  const subscales = def.subscales.map((s) => {
    const itemIndexes = s.items.map((id) => index.get(id)!);
    // Subscale items are scale items (the schema checks it), so each has a range and an answer scale.
    const ranges = itemIndexes.map((i) => items[i]!.range!);
    const scaleIds = new Set(itemIndexes.map((i) => (items[i]!.item as ScaleItem).scale));
    const shared = scaleIds.size === 1 ? def.scales.find((sc) => scaleIds.has(sc.id)) : undefined;
    return {
      id: s.id,
      label: s.label,
      itemIndexes,
      minAnsweredShare: s.minAnsweredShare,
      range: [Math.min(...ranges.map((r) => r[0])), Math.max(...ranges.map((r) => r[1]))] as [number, number],
      options: shared ? shared.options.map((o) => ({ ...o, scored: true })) : null,
    };
  });
  const multipleIndexes = items.flatMap((it, i) => (it.item.type === 'multiple' ? [i] : []));
  return { def, items, index, sortedIds, sortedPositions, sortedRank, subscales, visibility: visibilityPlan(def), multipleIndexes };
}

/** The slot of a stored code (NaN for no answer): −1 when there is no answer or the item does not accept it. */
export function slotFor(item: CompiledItem, code: number): number {
  if (!(code >= CODE_MIN && code <= CODE_MAX)) return -1;
  return item.slotOf[code - CODE_MIN]!;
}

/** The item score of a stored code (NaN for no answer): a number, or null when not scored. */
export function scoreOf(item: CompiledItem, code: number): number | null {
  const slot = slotFor(item, code);
  if (slot < 0) return null;
  const s = item.slotScores[slot]!;
  return s === s ? s : null;
}

/** Item scores of one response: `codes[i]` is the stored code of item i (NaN = no answer); NaN where there is no score. */
export function itemScores(c: CompiledInstrument, codes: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < c.items.length; i++) {
    const slot = slotFor(c.items[i]!, codes[i]!);
    out.push(slot < 0 ? Number.NaN : c.items[i]!.slotScores[slot]!);
  }
  return out;
}

/**
 * The subscale score from item scores (NaN = none), by the rule of `scoreSubscale`; null when too few
 * items are answered. `hidden` (per item position, 1 = the response did not see it) leaves hidden
 * items out of the items whose share must be answered; their scores are NaN already.
 */
export function subscaleScore(sub: CompiledSubscale, scores: ArrayLike<number>, hidden: ArrayLike<number> | null = null): number | null {
  let sum = 0;
  let answered = 0;
  let total = sub.itemIndexes.length;
  for (const i of sub.itemIndexes) {
    if (hidden !== null && hidden[i] === 1) {
      total--;
      continue;
    }
    const s = scores[i]!;
    if (s === s) {
      sum += s;
      answered++;
    }
  }
  // The same tolerance as scoreSubscale: 3 of 4 is 0.75 exactly.
  const enough = answered > 0 && answered / total >= sub.minAnsweredShare - 1e-9;
  return enough ? sum / answered : null;
}

/** The subscale score of one response from its stored codes (NaN = no answer). */
export function scoreCompiledSubscale(c: CompiledInstrument, sub: CompiledSubscale, codes: ArrayLike<number>): number | null {
  return subscaleScore(sub, itemScores(c, codes));
}
