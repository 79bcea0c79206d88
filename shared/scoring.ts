import type { InstrumentDefinition, Subscale } from './instruments/schema';

/** Answers of one response to one instrument: item id → stored code. */
export type AnswerCodes = ReadonlyMap<string, number>;

/**
 * The score an item contributes, or null when it is unanswered or a not-scored option
 * ("weet niet / n.v.t."). Reverse-keyed items are mirrored on the scored range.
 */
export function itemScore(def: InstrumentDefinition, itemId: string, code: number | undefined): number | null {
  if (code === undefined) return null;
  const item = def.items.find((it) => it.id === itemId);
  if (!item || (item.type !== 'scale' && item.type !== 'number')) return null;
  if (item.type === 'number') return code >= item.min && code <= item.max ? code : null;
  const scale = def.scales.find((s) => s.id === item.scale);
  if (!scale) return null;
  const scored = scale.options.map((o) => o.code);
  if (!scored.includes(code)) return null;
  return item.reverse ? Math.min(...scored) + Math.max(...scored) - code : code;
}

const NONE_HIDDEN: ReadonlySet<string> = new Set();

export interface SubscaleScore {
  subscaleId: string;
  /** Mean of the answered items, or null when too few were answered. */
  score: number | null;
  answered: number;
  /** The subscale's items the response saw (all of them unless some were hidden by their condition). */
  total: number;
  /** True when the score is a mean over fewer items than the subscale has. */
  prorated: boolean;
}

/**
 * The subscale score of one response. Items the response did not see (`hidden`, their condition not
 * met) count nowhere: their stored answer is ignored and they are not among the items whose share
 * must be answered.
 */
export function scoreSubscale(def: InstrumentDefinition, subscale: Subscale, answers: AnswerCodes, hidden: ReadonlySet<string> = NONE_HIDDEN): SubscaleScore {
  const shown = hidden.size === 0 ? subscale.items : subscale.items.filter((id) => !hidden.has(id));
  const scores = shown
    .map((id) => itemScore(def, id, answers.get(id)))
    .filter((s): s is number => s !== null);
  const total = shown.length;
  const answered = scores.length;
  // A tiny tolerance keeps 3 of 4 at 0.75 from failing on floating point.
  const enough = answered > 0 && answered / total >= subscale.minAnsweredShare - 1e-9;
  return {
    subscaleId: subscale.id,
    score: enough ? scores.reduce((a, b) => a + b, 0) / answered : null,
    answered,
    total,
    prorated: enough && answered < total,
  };
}

export function scoreAllSubscales(def: InstrumentDefinition, answers: AnswerCodes, hidden: ReadonlySet<string> = NONE_HIDDEN): SubscaleScore[] {
  return def.subscales.map((s) => scoreSubscale(def, s, answers, hidden));
}
