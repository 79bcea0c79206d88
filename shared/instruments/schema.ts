import { z } from 'zod';
import { localizedText } from '../text';

/**
 * Instrument definitions are data. This schema is the one gate every definition passes,
 * built-in or imported, so scoring and exports can trust its references.
 */

/** Variable names follow one scheme: lowercase, starts with a letter, at most 32 characters. */
export const variableName = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,31}$/, 'Gebruik kleine letters, cijfers en _, beginnend met een letter, maximaal 32 tekens');

const responseOption = z.strictObject({
  code: z.number().int().min(-99).max(999),
  label: localizedText,
});

export const responseScale = z.strictObject({
  id: variableName,
  /** Scored options, in the order they are shown; codes are the values that get averaged. */
  options: z.array(responseOption).min(2).max(11),
  /** Options such as "weet niet / n.v.t." that are stored but never scored. */
  notScored: z.array(responseOption).max(3).default([]),
});
export type ResponseScale = z.infer<typeof responseScale>;

const scaleItem = z.strictObject({
  id: variableName,
  type: z.literal('scale'),
  text: localizedText,
  /** Short label for tables and charts (the indicator's name). */
  label: localizedText,
  scale: variableName,
  reverse: z.boolean().default(false),
});

/** A single choice among coded categories (role group, phase, …): stored and exported, never scored. */
const choiceItem = z.strictObject({
  id: variableName,
  type: z.literal('choice'),
  text: localizedText,
  label: localizedText,
  scale: variableName,
  /** Optional longer explanation per option code, shown under the option (e.g. what a phase means). */
  optionHelp: z.record(z.string().regex(/^-?\d+$/), localizedText).optional(),
});

const numberItem = z.strictObject({
  id: variableName,
  type: z.literal('number'),
  text: localizedText,
  label: localizedText,
  min: z.number().int(),
  max: z.number().int(),
});

const openItem = z.strictObject({
  id: variableName,
  type: z.literal('open'),
  text: localizedText,
  label: localizedText,
  maxLength: z.number().int().min(1).max(4000),
});

export const instrumentItem = z.discriminatedUnion('type', [scaleItem, choiceItem, numberItem, openItem]);
export type InstrumentItem = z.infer<typeof instrumentItem>;
export type ScaleItem = z.infer<typeof scaleItem>;
export type ChoiceItem = z.infer<typeof choiceItem>;

export const subscale = z.strictObject({
  id: variableName,
  label: localizedText,
  items: z.array(variableName).min(1),
  /** Score = mean of answered items, only when at least this share of the items is answered. */
  minAnsweredShare: z.number().gt(0).max(1).default(0.75),
});
export type Subscale = z.infer<typeof subscale>;

export const section = z.strictObject({
  id: variableName,
  title: localizedText,
  intro: localizedText.optional(),
  items: z.array(variableName).min(1),
});

export const instrumentDefinition = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'Gebruik kleine letters, cijfers en -'),
    version: z.number().int().min(1),
    name: localizedText,
    description: localizedText,
    attribution: localizedText,
    licence: localizedText,
    scales: z.array(responseScale).max(20),
    items: z.array(instrumentItem).min(1).max(500),
    subscales: z.array(subscale).max(100),
    sections: z.array(section).min(1).max(100),
  })
  .superRefine((def, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const scales = new Map(def.scales.map((s) => [s.id, s]));
    if (scales.size !== def.scales.length) issue(['scales'], 'Twee antwoordschalen hebben hetzelfde id');
    def.scales.forEach((s, i) => {
      const codes = [...s.options, ...s.notScored].map((o) => o.code);
      if (new Set(codes).size !== codes.length) issue(['scales', i], `Antwoordschaal ${s.id} gebruikt een code twee keer`);
    });
    const items = new Map(def.items.map((it) => [it.id, it]));
    if (items.size !== def.items.length) issue(['items'], 'Twee vragen hebben hetzelfde id');
    def.items.forEach((it, i) => {
      if ((it.type === 'scale' || it.type === 'choice') && !scales.has(it.scale)) {
        issue(['items', i, 'scale'], `Vraag ${it.id} verwijst naar onbekende antwoordschaal ${it.scale}`);
      }
      if (it.type === 'choice' && it.optionHelp) {
        const codes = new Set([...(scales.get(it.scale)?.options ?? []), ...(scales.get(it.scale)?.notScored ?? [])].map((o) => String(o.code)));
        for (const code of Object.keys(it.optionHelp)) {
          if (!codes.has(code)) issue(['items', i, 'optionHelp', code], `Vraag ${it.id}: uitleg bij onbekende antwoordcode ${code}`);
        }
      }
      if (it.type === 'number' && it.min >= it.max) issue(['items', i], `Vraag ${it.id}: min moet kleiner zijn dan max`);
    });
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

/** The scored and not-scored codes an item accepts; null for open items. */
export function allowedCodes(def: InstrumentDefinition, item: InstrumentItem): Set<number> | null {
  if (item.type === 'open') return null;
  if (item.type === 'number') {
    const codes = new Set<number>();
    for (let c = item.min; c <= item.max; c++) codes.add(c);
    return codes;
  }
  const scale = def.scales.find((s) => s.id === item.scale);
  if (!scale) throw new Error(`scale ${item.scale} missing from validated definition`);
  // Scale and choice items accept their scored and their not-scored options alike.
  return new Set([...scale.options, ...scale.notScored].map((o) => o.code));
}
