import { z } from 'zod';
import { ANSWER_CODE_MAX, ANSWER_CODE_MIN } from '../domain';
import { localizedLine, localizedText } from '../text';
import { languageMismatches, type LanguageMismatch } from './languages';
import { showWhenProblems } from './visibility';

/**
 * Instrument definitions are data. This schema is the one gate every definition passes,
 * built-in or imported, so scoring and exports can trust its references.
 */

/** Variable names follow one scheme: lowercase, starts with a letter, at most 32 characters. */
export const variableName = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,31}$/, 'Gebruik kleine letters, cijfers en _, beginnend met een letter, maximaal 32 tekens');

const responseOption = z.strictObject({
  code: z.number().int().min(ANSWER_CODE_MIN).max(ANSWER_CODE_MAX),
  label: localizedLine,
});

export const responseScale = z.strictObject({
  id: variableName,
  /** Scored options, in the order they are shown; codes are the values that get averaged. */
  options: z.array(responseOption).min(2).max(11),
  /** Options such as "weet niet / n.v.t." that are stored but never scored. */
  notScored: z.array(responseOption).max(3).default([]),
});
export type ResponseScale = z.infer<typeof responseScale>;

/**
 * Show an item only when another item's answer is one of these codes ("show X when Y = Z"). For a
 * multiple-choice item, when any of these options is ticked. An item whose condition item is
 * itself hidden is hidden too. Rules (shared/instruments/visibility.ts): the condition item exists,
 * is answered with codes, the codes are its options, and no chain of conditions returns to itself.
 */
export const showWhen = z.strictObject({
  item: variableName,
  anyOf: z.array(z.number().int().min(ANSWER_CODE_MIN).max(ANSWER_CODE_MAX)).min(1).max(50),
});
export type ShowWhen = z.infer<typeof showWhen>;

/** What every item may carry besides its own fields: whether it must be answered, and when it is shown. */
const itemRules = {
  /** A shown required item must be answered before the questionnaire can be submitted. */
  required: z.boolean().optional(),
  showWhen: showWhen.optional(),
};

const scaleItem = z.strictObject({
  ...itemRules,
  id: variableName,
  type: z.literal('scale'),
  text: localizedText,
  /** Short label for tables and charts (the indicator's name). */
  label: localizedLine,
  scale: variableName,
  reverse: z.boolean().default(false),
});

/** A single choice among coded categories (role group, phase, …): stored and exported, never scored. */
const choiceItem = z.strictObject({
  ...itemRules,
  id: variableName,
  type: z.literal('choice'),
  text: localizedText,
  label: localizedLine,
  scale: variableName,
  /** Optional longer explanation per option code, shown under the option (e.g. what a phase means). */
  optionHelp: z.record(z.string().regex(/^-?\d+$/), localizedText).optional(),
});

/**
 * A whole number from min to max. The range lies within the codes an answer can hold (checked
 * with the item's id in the definition's refinement below); with more than a few values it is
 * typed into a field rather than chosen (shared/instruments/number-items.ts).
 */
const numberItem = z.strictObject({
  ...itemRules,
  id: variableName,
  type: z.literal('number'),
  text: localizedText,
  label: localizedLine,
  min: z.number().int(),
  max: z.number().int(),
});

const openItem = z.strictObject({
  ...itemRules,
  id: variableName,
  type: z.literal('open'),
  text: localizedText,
  label: localizedLine,
  maxLength: z.number().int().min(1).max(4000),
});

/**
 * Select all that apply: any set of the scale's options (scored and not-scored alike, never
 * scored). Stored as the ticked codes in ascending order, joined by commas, in the answer's text
 * ("1,3,5"; `multipleChoiceText`); exported as one 0/1 variable per option (`{id}_{code}`).
 */
const multipleChoiceItem = z.strictObject({
  ...itemRules,
  id: variableName,
  type: z.literal('multiple'),
  text: localizedText,
  label: localizedLine,
  scale: variableName,
});

/** The dimensions of the collaboration between partner organisations, as the PARTNER tool asks them. */
export const RELATION_DIMENSIONS = ['frequency', 'trust', 'value'] as const;
export type RelationDimension = (typeof RELATION_DIMENSIONS)[number];

/**
 * Asked once for every partner organisation of the network but the respondent's own ("how often do
 * you work with …"), answered on the item's scale. Its answers name the organisation and live in
 * their own table (relation_answers), not among the item answers.
 */
const relationItem = z.strictObject({
  ...itemRules,
  id: variableName,
  type: z.literal('relation'),
  text: localizedText,
  label: localizedLine,
  scale: variableName,
  dimension: z.enum(RELATION_DIMENSIONS),
});

export const instrumentItem = z.discriminatedUnion('type', [scaleItem, choiceItem, numberItem, openItem, multipleChoiceItem, relationItem]);
export type InstrumentItem = z.infer<typeof instrumentItem>;
export type ScaleItem = z.infer<typeof scaleItem>;
export type ChoiceItem = z.infer<typeof choiceItem>;
export type MultipleChoiceItem = z.infer<typeof multipleChoiceItem>;
export type RelationItem = z.infer<typeof relationItem>;

/** An instrument has at most this many items; a subscale or a section lists at most as many. */
const MAX_ITEMS = 500;

export const subscale = z.strictObject({
  id: variableName,
  label: localizedLine,
  items: z.array(variableName).min(1).max(MAX_ITEMS),
  /** Score = mean of answered items, only when at least this share of the items is answered. */
  minAnsweredShare: z.number().gt(0).max(1).default(0.75),
});
export type Subscale = z.infer<typeof subscale>;

export const section = z.strictObject({
  id: variableName,
  title: localizedLine,
  intro: localizedText.optional(),
  items: z.array(variableName).min(1).max(MAX_ITEMS),
});

/**
 * The languages of an instrument: `["nl"]` (Dutch only) or `["nl", "en"]`. Absent means both, so
 * the built-ins and every definition written before need not say it (shared/instruments/languages.ts).
 */
const languages = z
  .array(z.enum(['nl', 'en']))
  .refine((l) => l.join() === 'nl' || l.join() === 'nl,en', 'Kies ["nl"] (alleen Nederlands) of ["nl", "en"] (Nederlands en Engels)');

/** The messages of a text whose English does not fit the instrument's languages; `params.instrumentLanguage` says which. */
const LANGUAGE_MISMATCH_MESSAGES: Record<LanguageMismatch, string> = {
  'english-missing': 'Engels ontbreekt',
  'english-superfluous': 'Engels staat erbij, maar de vragenlijst is alleen in het Nederlands',
};

export const instrumentDefinition = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'Gebruik kleine letters, cijfers en -'),
    version: z.number().int().min(1),
    languages: languages.optional(),
    name: localizedLine,
    description: localizedText,
    attribution: localizedText,
    licence: localizedText,
    scales: z.array(responseScale).max(20),
    items: z.array(instrumentItem).min(1).max(MAX_ITEMS),
    subscales: z.array(subscale).max(100),
    sections: z.array(section).min(1).max(100),
  })
  .superRefine((def, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    // Every text has exactly the instrument's languages: no English in a Dutch-only one, English everywhere in a bilingual one.
    for (const { path, mismatch } of languageMismatches(def)) {
      ctx.addIssue({ code: 'custom', path: [...path, 'en'], message: LANGUAGE_MISMATCH_MESSAGES[mismatch], params: { instrumentLanguage: mismatch } });
    }
    const scales = new Map(def.scales.map((s) => [s.id, s]));
    if (scales.size !== def.scales.length) issue(['scales'], 'Twee antwoordschalen hebben hetzelfde id');
    def.scales.forEach((s, i) => {
      const codes = [...s.options, ...s.notScored].map((o) => o.code);
      if (new Set(codes).size !== codes.length) issue(['scales', i], `Antwoordschaal ${s.id} gebruikt een code twee keer`);
    });
    const items = new Map(def.items.map((it) => [it.id, it]));
    if (items.size !== def.items.length) issue(['items'], 'Twee vragen hebben hetzelfde id');
    def.items.forEach((it, i) => {
      if ('scale' in it && !scales.has(it.scale)) {
        issue(['items', i, 'scale'], `Vraag ${it.id} verwijst naar onbekende antwoordschaal ${it.scale}`);
      }
      if (it.type === 'choice' && it.optionHelp) {
        const codes = new Set([...(scales.get(it.scale)?.options ?? []), ...(scales.get(it.scale)?.notScored ?? [])].map((o) => String(o.code)));
        for (const code of Object.keys(it.optionHelp)) {
          if (!codes.has(code)) issue(['items', i, 'optionHelp', code], `Vraag ${it.id}: uitleg bij onbekende antwoordcode ${code}`);
        }
      }
      if (it.type === 'number') {
        if (it.min >= it.max) issue(['items', i], `Vraag ${it.id}: min moet kleiner zijn dan max`);
        if (it.min < ANSWER_CODE_MIN || it.max > ANSWER_CODE_MAX) {
          issue(['items', i], `Vraag ${it.id}: een getal als antwoord ligt tussen ${ANSWER_CODE_MIN} en ${ANSWER_CODE_MAX}, dus min en max ook`);
        }
      }
    });
    for (const problem of showWhenProblems(def)) issue(['items', problem.index, 'showWhen'], problem.message);
    const subscaleIds = new Set<string>();
    def.subscales.forEach((s, i) => {
      if (subscaleIds.has(s.id) || items.has(s.id)) issue(['subscales', i, 'id'], `Schaal-id ${s.id} wordt al gebruikt`);
      subscaleIds.add(s.id);
      s.items.forEach((ref, j) => {
        const it = items.get(ref);
        if (!it) issue(['subscales', i, 'items', j], `Schaal ${s.id} verwijst naar onbekende vraag ${ref}`);
        else if (it.type !== 'scale') issue(['subscales', i, 'items', j], `Schaal ${s.id}: vraag ${ref} heeft geen antwoordschaal`);
      });
    });
    const placed = new Map<string, number>();
    def.sections.forEach((s, i) =>
      s.items.forEach((ref, j) => {
        if (!items.has(ref)) issue(['sections', i, 'items', j], `Onderdeel ${s.id} verwijst naar onbekende vraag ${ref}`);
        placed.set(ref, (placed.get(ref) ?? 0) + 1);
      }),
    );
    for (const it of def.items) {
      const times = placed.get(it.id) ?? 0;
      if (times !== 1) issue(['sections'], `Vraag ${it.id} staat ${times} keer in de onderdelen (moet precies 1 keer)`);
    }
  });

export type InstrumentDefinition = z.infer<typeof instrumentDefinition>;
export type InstrumentDefinitionInput = z.input<typeof instrumentDefinition>;

/**
 * Which codes an item accepts, asked one code at a time. For a multiple-choice item, which
 * options may be ticked.
 */
export interface AcceptedCodes {
  has(code: number): boolean;
}

/**
 * The scored and not-scored codes an item accepts; null for open items. A number item's range is
 * checked, never listed: checking a code costs the same for a range of 10 values as of 1,000.
 */
export function allowedCodes(def: InstrumentDefinition, item: InstrumentItem): AcceptedCodes | null {
  if (item.type === 'open') return null;
  if (item.type === 'number') {
    const { min, max } = item;
    return { has: (code) => Number.isInteger(code) && code >= min && code <= max };
  }
  const scale = def.scales.find((s) => s.id === item.scale);
  if (!scale) throw new Error(`scale ${item.scale} missing from validated definition`);
  // Scale, choice, multiple-choice and relation items accept their scored and their not-scored options alike.
  return new Set([...scale.options, ...scale.notScored].map((o) => o.code));
}

/**
 * A definition as stored by this or an earlier version of the app. Earlier versions accepted a
 * number item's range beyond the codes an answer can hold; no answer outside them could ever be
 * saved, so the range is read as cut to them, and such an instrument keeps working.
 */
export function parseStoredDefinition(raw: unknown): InstrumentDefinition {
  const items = (raw as { items?: unknown } | null)?.items;
  if (Array.isArray(items)) {
    for (const item of items as { type?: unknown; min?: unknown; max?: unknown }[]) {
      if (item?.type !== 'number') continue;
      if (typeof item.min === 'number' && item.min < ANSWER_CODE_MIN) item.min = ANSWER_CODE_MIN;
      if (typeof item.max === 'number' && item.max > ANSWER_CODE_MAX) item.max = ANSWER_CODE_MAX;
    }
  }
  return instrumentDefinition.parse(raw);
}
