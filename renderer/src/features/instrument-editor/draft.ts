import { toNameFragment, VariableNamer } from '../../../../shared/export/names';
import { libraryScale } from '../../../../shared/instruments/scale-library';
import type { InstrumentDefinition, RelationDimension } from '../../../../shared/instruments/schema';

/**
 * The questionnaire being built in the editor, and every change a researcher can make to it, as
 * a plain reducer (no React, no zod), so each step is unit-tested. Texts are held in both
 * languages while editing; `toDefinition` (definition.ts) writes out only the languages the
 * questionnaire has. References between questions (a condition, a subscale's statements) are
 * by variable name, as in the definition: renaming a question renames them, removing one leaves a
 * condition pointing nowhere, which the schema reports next to it.
 */

export interface TextPair {
  nl: string;
  en: string;
}

export type EditableItemType = 'scale' | 'choice' | 'multiple' | 'number' | 'open';
export type DraftItemType = EditableItemType | 'relation';

export interface DraftOption {
  code: number;
  label: TextPair;
}

export interface DraftScale {
  id: string;
  /** The library scale this is a copy of (its options are not edited); null for a list of one's own. */
  library: string | null;
  options: DraftOption[];
  notScored: DraftOption[];
}

export interface DraftShowWhen {
  item: string;
  anyOf: number[];
}

export interface DraftItem {
  /** Stable while editing (React keys, actions); never written to the definition. */
  key: string;
  type: DraftItemType;
  id: string;
  /** False while the variable name follows the short label; true once typed or loaded. */
  idEdited: boolean;
  text: TextPair;
  label: TextPair;
  required: boolean;
  /** Statements only. */
  reverse: boolean;
  /** The answer scale's id for statements, choice and multiple choice; '' until one is picked. */
  scale: string;
  /** Number questions: typed, so "-" or "" may stand while typing. */
  min: string;
  max: string;
  /** Open questions. */
  maxLength: string;
  showWhen: DraftShowWhen | null;
  /** Kept from a loaded definition; not edited here. */
  optionHelp?: Record<string, { nl: string; en?: string }>;
  dimension?: RelationDimension;
}

export interface DraftSection {
  key: string;
  id: string;
  idEdited: boolean;
  title: TextPair;
  intro: TextPair;
  items: DraftItem[];
}

export interface DraftSubscale {
  key: string;
  id: string;
  idEdited: boolean;
  label: TextPair;
  /** Statement ids; written out in the questionnaire's order. */
  items: string[];
  minAnsweredShare: number;
}

export type MetaField = 'name' | 'description' | 'attribution' | 'licence';

export interface Draft {
  id: string;
  idEdited: boolean;
  version: number;
  bilingual: boolean;
  name: TextPair;
  description: TextPair;
  attribution: TextPair;
  licence: TextPair;
  scales: DraftScale[];
  sections: DraftSection[];
  subscales: DraftSubscale[];
  /** The next stable key to hand out. */
  nextKey: number;
}

export type Lang = keyof TextPair;

/** How a researcher picks an item's answer scale: one already in the questionnaire, a copy from the library, or a new list of their own. */
export type ScaleChoice = { existing: string } | { library: string } | { own: true };

export type DraftAction =
  | { type: 'load'; draft: Draft }
  | { type: 'setBilingual'; bilingual: boolean }
  | { type: 'setMeta'; field: MetaField; lang: Lang; value: string }
  | { type: 'setId'; value: string }
  | { type: 'setVersion'; version: number }
  | { type: 'addSection' }
  | { type: 'removeSection'; section: string }
  | { type: 'moveSection'; section: string; by: -1 | 1 }
  | { type: 'setSectionText'; section: string; field: 'title' | 'intro'; lang: Lang; value: string }
  | { type: 'addItem'; section: string; itemType: EditableItemType }
  | { type: 'removeItem'; item: string }
  | { type: 'moveItem'; item: string; by: -1 | 1 }
  | { type: 'setItemText'; item: string; field: 'text' | 'label'; lang: Lang; value: string }
  | { type: 'setItemId'; item: string; value: string }
  | { type: 'setItemFlag'; item: string; field: 'required' | 'reverse'; value: boolean }
  | { type: 'setItemNumber'; item: string; field: 'min' | 'max' | 'maxLength'; value: string }
  | { type: 'pickScale'; item: string; choice: ScaleChoice }
  | { type: 'addOption'; scale: string }
  | { type: 'removeOption'; scale: string; code: number }
  | { type: 'setOptionLabel'; scale: string; code: number; lang: Lang; value: string }
  | { type: 'setShowWhen'; item: string; on: string | null }
  | { type: 'toggleShowWhenCode'; item: string; code: number; on: boolean }
  | { type: 'addSubscale' }
  | { type: 'removeSubscale'; subscale: string }
  | { type: 'setSubscaleLabel'; subscale: string; lang: Lang; value: string }
  | { type: 'setSubscaleId'; subscale: string; value: string }
  | { type: 'toggleSubscaleItem'; subscale: string; item: string; on: boolean };

const emptyText = (): TextPair => ({ nl: '', en: '' });

/** A new questionnaire: Dutch only, version 1, one empty section. */
export function emptyDraft(): Draft {
  return {
    id: '',
    idEdited: false,
    version: 1,
    bilingual: false,
    name: emptyText(),
    description: emptyText(),
    attribution: emptyText(),
    licence: emptyText(),
    scales: [],
    sections: [{ key: 's1', id: 'onderdeel_1', idEdited: false, title: emptyText(), intro: emptyText(), items: [] }],
    subscales: [],
    nextKey: 2,
  };
}

/** An instrument id from its name: lowercase letters, digits and dashes, starting with a letter (the schema's rule). */
export function instrumentIdFrom(name: string): string {
  const fragment = toNameFragment(name).replace(/_/g, '-');
  if (fragment === '') return '';
  return (/^[a-z]/.test(fragment) ? fragment : `v-${fragment}`).slice(0, 64).replace(/-+$/, '');
}

/** A variable name from a text, unique among `taken` (`rol`, then `rol_2`); '' for an empty text. */
export function variableNameFrom(text: string, taken: Iterable<string>): string {
  if (toNameFragment(text) === '') return '';
  return new VariableNamer(taken).name(text);
}

export const allItems = (draft: Draft): DraftItem[] => draft.sections.flatMap((s) => s.items);

/** Every variable name in use (items and subscales share one namespace in exports), but the one of `except`. */
function takenNames(draft: Draft, except: string): string[] {
  return [...allItems(draft).filter((i) => i.key !== except).map((i) => i.id), ...draft.subscales.filter((s) => s.key !== except).map((s) => s.id)].filter(
    (id) => id !== '',
  );
}

function mapItems(draft: Draft, key: string, change: (item: DraftItem) => DraftItem): Draft {
  return { ...draft, sections: draft.sections.map((s) => ({ ...s, items: s.items.map((i) => (i.key === key ? change(i) : i)) })) };
}

function mapScale(draft: Draft, id: string, change: (scale: DraftScale) => DraftScale): Draft {
  return { ...draft, scales: draft.scales.map((s) => (s.id === id ? change(s) : s)) };
}

/** An item renamed from `from` to `to`, with the conditions and subscales that name it. */
function renameItem(draft: Draft, key: string, to: string, edited: boolean): Draft {
  const from = allItems(draft).find((i) => i.key === key)?.id;
  const renamed = mapItems(draft, key, (i) => ({ ...i, id: to, idEdited: edited }));
  if (from === undefined || from === '' || from === to) return renamed;
  return {
    ...renamed,
    sections: renamed.sections.map((s) => ({
      ...s,
      items: s.items.map((i) => (i.showWhen?.item === from ? { ...i, showWhen: { ...i.showWhen, item: to } } : i)),
    })),
    subscales: renamed.subscales.map((sub) => ({ ...sub, items: sub.items.map((id) => (id === from ? to : id)) })),
  };
}

function move<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** Moves an item one place; past the edge of its section it goes to the end (or start) of the next section over. */
function moveItem(draft: Draft, key: string, by: -1 | 1): Draft {
  const si = draft.sections.findIndex((s) => s.items.some((i) => i.key === key));
  if (si < 0) return draft;
  const section = draft.sections[si]!;
  const ii = section.items.findIndex((i) => i.key === key);
  const sections = [...draft.sections];
  const target = ii + by;
  if (target >= 0 && target < section.items.length) {
    sections[si] = { ...section, items: move(section.items, ii, by) };
    return { ...draft, sections };
  }
  const neighbour = sections[si + by];
  if (!neighbour) return draft;
  const item = section.items[ii]!;
  sections[si] = { ...section, items: section.items.filter((i) => i.key !== key) };
  sections[si + by] = { ...neighbour, items: by < 0 ? [...neighbour.items, item] : [item, ...neighbour.items] };
  return { ...draft, sections };
}

/** A section's derived id: from its title, else its place; unique among the sections. */
function sectionIdFor(draft: Draft, key: string, title: string): string {
  const taken = draft.sections.filter((s) => s.key !== key).map((s) => s.id);
  return variableNameFrom(title, taken) || variableNameFrom(`onderdeel ${draft.sections.findIndex((s) => s.key === key) + 1}`, taken);
}

/** The scale new statements start on: the one the last statement uses. */
function lastStatementScale(draft: Draft): string {
  return (
    allItems(draft)
      .filter((i) => i.type === 'scale')
      .at(-1)?.scale ?? ''
  );
}

function newItem(key: string, itemType: EditableItemType, scale: string): DraftItem {
  return {
    key,
    type: itemType,
    id: '',
    idEdited: false,
    text: emptyText(),
    label: emptyText(),
    required: false,
    reverse: false,
    scale: itemType === 'scale' ? scale : '',
    min: itemType === 'number' ? '0' : '',
    max: itemType === 'number' ? '10' : '',
    maxLength: itemType === 'open' ? '1000' : '',
    showWhen: null,
  };
}

/** A copy of a library scale as the editor holds it (both languages; definition.ts drops the English of a Dutch-only questionnaire). */
function copyOfLibrary(id: string): DraftScale | null {
  const found = libraryScale(id);
  if (!found) return null;
  const copy = (o: { code: number; label: TextPair }) => ({ code: o.code, label: { ...o.label } });
  return { id: found.id, library: found.id, options: found.options.map(copy), notScored: found.notScored.map(copy) };
}

function pickScale(draft: Draft, key: string, choice: ScaleChoice): Draft {
  if ('existing' in choice) return mapItems(draft, key, (i) => ({ ...i, scale: choice.existing }));
  if ('library' in choice) {
    const present = draft.scales.some((s) => s.id === choice.library);
    const copy = present ? null : copyOfLibrary(choice.library);
    if (!present && !copy) return draft;
    const withScale = copy ? { ...draft, scales: [...draft.scales, copy] } : draft;
    return mapItems(withScale, key, (i) => ({ ...i, scale: choice.library }));
  }
  const taken = new Set(draft.scales.map((s) => s.id));
  let n = 1;
  while (taken.has(`lijst_${n}`)) n++;
  const own: DraftScale = { id: `lijst_${n}`, library: null, options: [1, 2].map((code) => ({ code, label: emptyText() })), notScored: [] };
  return mapItems({ ...draft, scales: [...draft.scales, own] }, key, (i) => ({ ...i, scale: own.id }));
}

const setText = (pair: TextPair, lang: Lang, value: string): TextPair => ({ ...pair, [lang]: value });

export function draftReducer(draft: Draft, action: DraftAction): Draft {
  switch (action.type) {
    case 'load':
      return action.draft;
    case 'setBilingual':
      return { ...draft, bilingual: action.bilingual };
    case 'setMeta': {
      const next = { ...draft, [action.field]: setText(draft[action.field], action.lang, action.value) };
      if (action.field === 'name' && action.lang === 'nl' && !draft.idEdited) next.id = instrumentIdFrom(action.value);
      return next;
    }
    case 'setId':
      return action.value === '' ? { ...draft, id: instrumentIdFrom(draft.name.nl), idEdited: false } : { ...draft, id: action.value, idEdited: true };
    case 'setVersion':
      return { ...draft, version: action.version };
    case 'addSection': {
      const key = `s${draft.nextKey}`;
      const added: Draft = { ...draft, nextKey: draft.nextKey + 1, sections: [...draft.sections, { key, id: '', idEdited: false, title: emptyText(), intro: emptyText(), items: [] }] };
      return { ...added, sections: added.sections.map((s) => (s.key === key ? { ...s, id: sectionIdFor(added, key, '') } : s)) };
    }
    case 'removeSection': {
      const removed = draft.sections.find((s) => s.key === action.section);
      if (!removed) return draft;
      const gone = new Set(removed.items.map((i) => i.id));
      return {
        ...draft,
        sections: draft.sections.filter((s) => s.key !== action.section),
        subscales: draft.subscales.map((sub) => ({ ...sub, items: sub.items.filter((id) => !gone.has(id)) })),
      };
    }
    case 'moveSection':
      return { ...draft, sections: move(draft.sections, draft.sections.findIndex((s) => s.key === action.section), action.by) };
    case 'setSectionText':
      return {
        ...draft,
        sections: draft.sections.map((s) => {
          if (s.key !== action.section) return s;
          const next = { ...s, [action.field]: setText(s[action.field], action.lang, action.value) };
          if (action.field === 'title' && action.lang === 'nl' && !s.idEdited) next.id = sectionIdFor(draft, s.key, action.value);
          return next;
        }),
      };
    case 'addItem': {
      const key = `i${draft.nextKey}`;
      const item = newItem(key, action.itemType, lastStatementScale(draft));
      return {
        ...draft,
        nextKey: draft.nextKey + 1,
        sections: draft.sections.map((s) => (s.key === action.section ? { ...s, items: [...s.items, item] } : s)),
      };
    }
    case 'removeItem': {
      const removed = allItems(draft).find((i) => i.key === action.item);
      if (!removed) return draft;
      // A condition that names the removed item stays, so the problem shows beside it; a subscale simply loses the statement.
      return {
        ...draft,
        sections: draft.sections.map((s) => ({ ...s, items: s.items.filter((i) => i.key !== action.item) })),
        subscales: draft.subscales.map((sub) => ({ ...sub, items: sub.items.filter((id) => id !== removed.id) })),
      };
    }
    case 'moveItem':
      return moveItem(draft, action.item, action.by);
    case 'setItemText': {
      const changed = mapItems(draft, action.item, (i) => ({ ...i, [action.field]: setText(i[action.field], action.lang, action.value) }));
      const item = allItems(draft).find((i) => i.key === action.item);
      if (!item || item.idEdited || action.field !== 'label' || action.lang !== 'nl') return changed;
      return renameItem(changed, action.item, variableNameFrom(action.value, takenNames(draft, action.item)), false);
    }
    case 'setItemId': {
      if (action.value !== '') return renameItem(draft, action.item, action.value, true);
      const item = allItems(draft).find((i) => i.key === action.item);
      return item ? renameItem(draft, action.item, variableNameFrom(item.label.nl, takenNames(draft, action.item)), false) : draft;
    }
    case 'setItemFlag':
      return mapItems(draft, action.item, (i) => ({ ...i, [action.field]: action.value }));
    case 'setItemNumber':
      return mapItems(draft, action.item, (i) => ({ ...i, [action.field]: action.value }));
    case 'pickScale':
      return pickScale(draft, action.item, action.choice);
    case 'addOption':
      return mapScale(draft, action.scale, (s) => {
        const codes = [...s.options, ...s.notScored].map((o) => o.code);
        return { ...s, options: [...s.options, { code: codes.length === 0 ? 1 : Math.max(...codes) + 1, label: emptyText() }] };
      });
    case 'removeOption':
      return mapScale(draft, action.scale, (s) => ({ ...s, options: s.options.filter((o) => o.code !== action.code), notScored: s.notScored.filter((o) => o.code !== action.code) }));
    case 'setOptionLabel': {
      const relabel = (o: DraftOption) => (o.code === action.code ? { ...o, label: setText(o.label, action.lang, action.value) } : o);
      return mapScale(draft, action.scale, (s) => ({ ...s, options: s.options.map(relabel), notScored: s.notScored.map(relabel) }));
    }
    case 'setShowWhen':
      return mapItems(draft, action.item, (i) => ({ ...i, showWhen: action.on === null ? null : { item: action.on, anyOf: [] } }));
    case 'toggleShowWhenCode':
      return mapItems(draft, action.item, (i) => {
        if (!i.showWhen) return i;
        const rest = i.showWhen.anyOf.filter((c) => c !== action.code);
        return { ...i, showWhen: { ...i.showWhen, anyOf: action.on ? [...rest, action.code].sort((a, b) => a - b) : rest } };
      });
    case 'addSubscale': {
      const key = `k${draft.nextKey}`;
      return { ...draft, nextKey: draft.nextKey + 1, subscales: [...draft.subscales, { key, id: '', idEdited: false, label: emptyText(), items: [], minAnsweredShare: 0.75 }] };
    }
    case 'removeSubscale':
      return { ...draft, subscales: draft.subscales.filter((s) => s.key !== action.subscale) };
    case 'setSubscaleLabel':
      return {
        ...draft,
        subscales: draft.subscales.map((s) => {
          if (s.key !== action.subscale) return s;
          const next = { ...s, label: setText(s.label, action.lang, action.value) };
          if (action.lang === 'nl' && !s.idEdited) next.id = variableNameFrom(action.value, takenNames(draft, s.key));
          return next;
        }),
      };
    case 'setSubscaleId':
      return {
        ...draft,
        subscales: draft.subscales.map((s) => {
          if (s.key !== action.subscale) return s;
          if (action.value !== '') return { ...s, id: action.value, idEdited: true };
          return { ...s, id: variableNameFrom(s.label.nl, takenNames(draft, s.key)), idEdited: false };
        }),
      };
    case 'toggleSubscaleItem':
      return {
        ...draft,
        subscales: draft.subscales.map((s) =>
          s.key === action.subscale ? { ...s, items: action.on ? [...s.items.filter((id) => id !== action.item), action.item] : s.items.filter((id) => id !== action.item) } : s,
        ),
      };
  }
}

const pairOf = (text: { nl: string; en?: string } | undefined): TextPair => ({ nl: text?.nl ?? '', en: text?.en ?? '' });

/** Whether a stored scale is a library scale unchanged (then it is shown as that library entry, not as a list to edit). */
function isLibraryCopy(scale: InstrumentDefinition['scales'][number], bilingual: boolean): boolean {
  const found = libraryScale(scale.id);
  if (!found) return false;
  const same = (a: readonly { code: number; label: { nl: string; en?: string } }[], b: readonly { code: number; label: TextPair }[]) =>
    a.length === b.length && a.every((o, i) => o.code === b[i]!.code && o.label.nl === b[i]!.label.nl && (!bilingual || o.label.en === b[i]!.label.en));
  return same(scale.options, found.options) && same(scale.notScored, found.notScored);
}

/**
 * A stored definition as a draft to edit. Every variable name is kept as it is (`idEdited`), so
 * editing a label never renames a column of an existing instrument. `copy` starts a new
 * instrument from it ("Kopie bewerken"): version 1, the name "Kopie van …" and an id derived from it.
 */
export function draftFromDefinition(def: InstrumentDefinition, copy?: { namePrefix: TextPair }): Draft {
  const bilingual = (def.languages ?? ['nl', 'en']).includes('en');
  let next = 1;
  const key = (prefix: string) => `${prefix}${next++}`;
  const byId = new Map(def.items.map((item) => [item.id, item]));
  const sections: DraftSection[] = def.sections.map((section) => ({
    key: key('s'),
    id: section.id,
    idEdited: true,
    title: pairOf(section.title),
    intro: pairOf(section.intro),
    items: section.items.flatMap((id) => {
      const item = byId.get(id);
      if (!item) return [];
      const draftItem: DraftItem = {
        key: key('i'),
        type: item.type,
        id: item.id,
        idEdited: true,
        text: pairOf(item.text),
        label: pairOf(item.label),
        required: item.required ?? false,
        reverse: item.type === 'scale' ? item.reverse : false,
        scale: 'scale' in item ? item.scale : '',
        min: item.type === 'number' ? String(item.min) : '',
        max: item.type === 'number' ? String(item.max) : '',
        maxLength: item.type === 'open' ? String(item.maxLength) : '',
        showWhen: item.showWhen ? { item: item.showWhen.item, anyOf: [...item.showWhen.anyOf] } : null,
      };
      if (item.type === 'choice' && item.optionHelp) draftItem.optionHelp = item.optionHelp;
      if (item.type === 'relation') draftItem.dimension = item.dimension;
      return [draftItem];
    }),
  }));
  const name = pairOf(def.name);
  const draft: Draft = {
    id: def.id,
    idEdited: true,
    version: def.version,
    bilingual,
    name: copy ? { nl: `${copy.namePrefix.nl} ${name.nl}`, en: name.en === '' ? '' : `${copy.namePrefix.en} ${name.en}` } : name,
    description: pairOf(def.description),
    attribution: pairOf(def.attribution),
    licence: pairOf(def.licence),
    scales: def.scales.map((s) => ({
      id: s.id,
      library: isLibraryCopy(s, bilingual) ? s.id : null,
      options: s.options.map((o) => ({ code: o.code, label: pairOf(o.label) })),
      notScored: s.notScored.map((o) => ({ code: o.code, label: pairOf(o.label) })),
    })),
    sections,
    subscales: def.subscales.map((s) => ({ key: key('k'), id: s.id, idEdited: true, label: pairOf(s.label), items: [...s.items], minAnsweredShare: s.minAnsweredShare })),
    nextKey: next,
  };
  return copy ? { ...draft, id: instrumentIdFrom(draft.name.nl), idEdited: false, version: 1 } : draft;
}
