import type { InstrumentDefinitionInput } from '../../../../shared/instruments/schema';
import { allItems, type Draft, type DraftItem, type TextPair } from './draft';

/**
 * The draft written out as an instrument definition, exactly what an imported file would hold:
 * only the questionnaire's languages, only the answer scales its questions use, items in the order
 * of the sections. `places` says which draft entry each list position came from, so a problem the
 * schema reports at `items[3]` can be shown beside that question (problems.ts).
 */
export interface WrittenDefinition {
  definition: InstrumentDefinitionInput;
  places: { items: string[]; sections: string[]; subscales: string[]; scales: string[] };
}

/** A whole number as typed; anything else becomes NaN, which the schema refuses as "not a number". */
const wholeNumber = (typed: string): number => (/^\s*-?\d+\s*$/.test(typed) ? Number(typed) : Number.NaN);

export function writeDefinition(draft: Draft): WrittenDefinition {
  const text = (pair: TextPair) => (draft.bilingual ? { nl: pair.nl, en: pair.en } : { nl: pair.nl });
  const optionalText = (pair: TextPair) => (pair.nl === '' && pair.en === '' ? undefined : text(pair));
  const items = allItems(draft);
  const usedScales = new Set(items.map((i) => i.scale).filter((s) => s !== ''));
  const scales = draft.scales.filter((s) => usedScales.has(s.id));
  const statementOrder = new Map(items.map((item, i) => [item.id, i]));

  const writeItem = (item: DraftItem) => {
    const common = {
      id: item.id,
      type: item.type,
      text: text(item.text),
      label: text(item.label),
      ...(item.required ? { required: true } : {}),
      ...(item.showWhen ? { showWhen: { item: item.showWhen.item, anyOf: item.showWhen.anyOf } } : {}),
    };
    switch (item.type) {
      case 'scale':
        return { ...common, type: item.type, scale: item.scale, reverse: item.reverse };
      case 'choice':
        return { ...common, type: item.type, scale: item.scale, ...(item.optionHelp ? { optionHelp: item.optionHelp } : {}) };
      case 'multiple':
        return { ...common, type: item.type, scale: item.scale };
      case 'relation':
        return { ...common, type: item.type, scale: item.scale, dimension: item.dimension ?? 'frequency' };
      case 'number':
        return { ...common, type: item.type, min: wholeNumber(item.min), max: wholeNumber(item.max) };
      case 'open':
        return { ...common, type: item.type, maxLength: wholeNumber(item.maxLength) };
    }
  };

  const definition: InstrumentDefinitionInput = {
    id: draft.id,
    version: draft.version,
    languages: draft.bilingual ? ['nl', 'en'] : ['nl'],
    name: text(draft.name),
    description: text(draft.description),
    attribution: text(draft.attribution),
    licence: text(draft.licence),
    scales: scales.map((s) => ({
      id: s.id,
      options: s.options.map((o) => ({ code: o.code, label: text(o.label) })),
      notScored: s.notScored.map((o) => ({ code: o.code, label: text(o.label) })),
    })),
    items: items.map(writeItem),
    subscales: draft.subscales.map((s) => ({
      id: s.id,
      label: text(s.label),
      // In the questionnaire's order, whatever order they were ticked in.
      items: [...s.items].sort((a, b) => (statementOrder.get(a) ?? Infinity) - (statementOrder.get(b) ?? Infinity)),
      minAnsweredShare: s.minAnsweredShare,
    })),
    sections: draft.sections.map((s) => {
      const intro = optionalText(s.intro);
      return { id: s.id, title: text(s.title), ...(intro ? { intro } : {}), items: s.items.map((i) => i.id) };
    }),
  };
  return {
    definition,
    places: { items: items.map((i) => i.key), sections: draft.sections.map((s) => s.key), subscales: draft.subscales.map((s) => s.key), scales: scales.map((s) => s.id) },
  };
}
