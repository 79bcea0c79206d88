import type { LocalizedText } from '../../text';
import { instrumentLanguages } from '../languages';
import type { InstrumentDefinition, InstrumentItem, ResponseScale } from '../schema';
import { ANSWER_CODE_MAX, ANSWER_CODE_MIN } from '../../domain';
import type { Conversion, DescribeSchemaProblem, Origins } from './conversion';
import { cellText, checkBuiltDefinition, DEFAULT_OPEN_LENGTH, defaultTexts, instrumentIdFrom, localized, orOfCodes, shortLabelFrom, wholeNumber } from './conversion';

/**
 * An instrument as a REDCap data dictionary (the 18-column CSV REDCap exports and imports), both
 * ways. REDCap's own columns carry what REDCap knows: radio → a single choice or a statement,
 * checkbox → select all that apply, text with integer validation → a number, text and notes → an
 * open question, descriptive → a section's introduction, Section Header → a section, branching
 * `[y] = '3'` / `[y(4)] = '1'` joined by `or`, Required Field `y`. What REDCap lacks (answer scales
 * as named lists, not-scored options, statements and their subscales, reverse keying, short
 * labels, English, the instrument's own texts) goes into the Field Annotation as action-tag-like
 * `@NWS-…` annotations, so export → import gives the identical definition; a dictionary made in
 * REDCap without them imports with defaults (docs/decisions/2026-12-01-instrument-spreadsheets.md).
 */

export const REDCAP_COLUMNS = [
  'Variable / Field Name',
  'Form Name',
  'Section Header',
  'Field Type',
  'Field Label',
  'Choices, Calculations, OR Slider Labels',
  'Field Note',
  'Text Validation Type OR Show Slider Number',
  'Text Validation Min',
  'Text Validation Max',
  'Identifier?',
  'Branching Logic (Show field only if...)',
  'Required Field?',
  'Custom Alignment',
  'Question Number (surveys only)',
  'Matrix Group Name',
  'Matrix Ranking?',
  'Field Annotation',
] as const;

type Column = 'name' | 'form' | 'section' | 'type' | 'label' | 'choices' | 'note' | 'validation' | 'min' | 'max' | 'identifier' | 'branching' | 'required' | 'alignment' | 'number' | 'matrix' | 'ranking' | 'annotation';
const COLUMN_KEYS: readonly Column[] = ['name', 'form', 'section', 'type', 'label', 'choices', 'note', 'validation', 'min', 'max', 'identifier', 'branching', 'required', 'alignment', 'number', 'matrix', 'ranking', 'annotation'];
/** Columns without which a file is no data dictionary. */
const ESSENTIAL: readonly Column[] = ['name', 'form', 'type', 'label', 'choices'];

/** Open questions up to this length are REDCap `text` fields, longer ones `notes`; also the length a `text` field gets on import. */
const TEXT_FIELD_LENGTH = 255;

// --- annotations -----------------------------------------------------------------------------------

type TagValue = string | number | boolean | null | TagValue[] | { [key: string]: TagValue };

/** An annotation's value as written: a JSON string or object, or a bare word. */
const tagValue = (value: TagValue): string => (typeof value === 'string' && /^[A-Za-z0-9_,.-]+$/.test(value) ? value : JSON.stringify(value));

/** `@NWS-SHORT="Rol"` and the like; `true` gives a bare flag (`@NWS-SCORED`). */
function annotation(tags: [string, TagValue | true | undefined][]): string {
  return tags
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => (value === true ? `@NWS-${name}` : `@NWS-${name}=${tagValue(value!)}`))
    .join(' ');
}

/** The annotations of a Field Annotation: our own `@NWS-…` by name, and the names of other action tags. */
export function readAnnotations(text: string): { tags: Map<string, TagValue | true>; others: string[]; broken: string[] } {
  const tags = new Map<string, TagValue | true>();
  const others: string[] = [];
  const broken: string[] = [];
  let i = 0;
  while (i < text.length) {
    const at = text.indexOf('@', i);
    if (at < 0) break;
    const name = /^@([A-Za-z][A-Za-z0-9_-]*)/.exec(text.slice(at))?.[1];
    if (!name) {
      i = at + 1;
      continue;
    }
    i = at + 1 + name.length;
    let value: TagValue | true = true;
    if (text[i] === '=') {
      i++;
      const start = i;
      if (text[i] === '"' || text[i] === '{' || text[i] === '[') {
        let depth = 0;
        let inString = false;
        for (; i < text.length; i++) {
          const ch = text[i];
          if (inString) {
            if (ch === '\\') i++;
            else if (ch === '"') inString = false;
          } else if (ch === '"') inString = true;
          else if (ch === '{' || ch === '[') depth++;
          else if (ch === '}' || ch === ']') depth--;
          if (!inString && depth === 0 && (ch === '"' || ch === '}' || ch === ']')) {
            i++;
            break;
          }
        }
        try {
          value = JSON.parse(text.slice(start, i)) as TagValue;
        } catch {
          broken.push(name);
          continue;
        }
      } else if (text[i] === "'") {
        const end = text.indexOf("'", i + 1);
        value = text.slice(i + 1, end < 0 ? text.length : end);
        i = end < 0 ? text.length : end + 1;
      } else {
        const end = text.slice(i).search(/\s/);
        value = end < 0 ? text.slice(i) : text.slice(i, i + end);
        i = end < 0 ? text.length : i + end;
      }
    }
    if (name.toUpperCase().startsWith('NWS-')) tags.set(name.toUpperCase().slice(4), value);
    else others.push(`@${name}`);
  }
  return { tags, others, broken };
}

// --- writing ---------------------------------------------------------------------------------------

const choicesText = (options: readonly { code: number; label: LocalizedText }[], language: 'nl' | 'en') => options.map((o) => `${o.code}, ${o.label[language] ?? ''}`).join(' | ');

/** REDCap's form name: lowercase letters, digits and underscores. */
const formName = (id: string) => id.replace(/-/g, '_');

/** The dictionary's rows, the header first. */
export function instrumentToRedcap(def: InstrumentDefinition): string[][] {
  const english = instrumentLanguages(def).includes('en');
  const en = (text: LocalizedText | undefined) => (english ? text?.en : undefined);
  const byId = new Map(def.items.map((item) => [item.id, item]));
  const scales = new Map(def.scales.map((s) => [s.id, s]));
  const names = new Set(def.items.map((item) => item.id));
  const rows: string[][] = [[...REDCAP_COLUMNS]];
  const instrumentTag = annotation([
    [
      'INSTRUMENT',
      {
        id: def.id,
        version: def.version,
        ...(def.languages ? { languages: [...def.languages] } : {}),
        name: def.name,
        description: def.description,
        attribution: def.attribution,
        licence: def.licence,
        subscales: def.subscales.map((s) => ({ id: s.id, label: s.label, minAnsweredShare: s.minAnsweredShare })),
        scales: def.scales.map((s) => s.id),
      } as TagValue,
    ],
  ]);
  const row = (fields: Partial<Record<Column, string>>) => COLUMN_KEYS.map((key) => fields[key] ?? '');
  const branching = (item: InstrumentItem) => {
    if (!item.showWhen) return '';
    const { item: on, anyOf } = item.showWhen;
    return anyOf.map((code) => (byId.get(on)?.type === 'multiple' ? `[${on}(${code})] = '1'` : `[${on}] = '${code}'`)).join(' or ');
  };
  for (const section of def.sections) {
    let sectionTags = annotation([
      ['SECTION', section.id],
      ['EN-SECTION', en(section.title)],
    ]);
    let header = section.title.nl;
    const first = () => {
      const tags = rows.length === 1 ? `${instrumentTag} ${sectionTags}` : sectionTags;
      const result = { section: header, tags };
      header = '';
      sectionTags = '';
      return result;
    };
    if (section.intro) {
      let introName = `${section.id}_intro`;
      while (names.has(introName)) introName += '_';
      names.add(introName);
      const { section: sectionHeader, tags } = first();
      rows.push(row({ name: introName, form: formName(def.id), section: sectionHeader, type: 'descriptive', label: section.intro.nl, annotation: [tags, annotation([['INTRO', true], ['EN-LABEL', en(section.intro)]])].join(' ') }));
    }
    for (const id of section.items) {
      const item = byId.get(id);
      if (!item) continue;
      const { section: sectionHeader, tags: leading } = first();
      const scale = 'scale' in item ? scales.get(item.scale) : undefined;
      const options = scale ? [...scale.options, ...scale.notScored] : [];
      const tags = annotation([
        ['SHORT', item.label.nl],
        ['EN-LABEL', en(item.text)],
        ['EN-SHORT', en(item.label)],
        ['SCALE', scale?.id],
        ['NOT-SCORED', scale && scale.notScored.length > 0 ? scale.notScored.map((o) => o.code).join(',') : undefined],
        ['EN-CHOICES', scale && english ? choicesText(options, 'en') : undefined],
        ['SCORED', item.type === 'scale' || undefined],
        ['REVERSE', (item.type === 'scale' && item.reverse) || undefined],
        ['SUBSCALE', item.type === 'scale' ? def.subscales.filter((s) => s.items.includes(item.id)).map((s) => s.id).join(',') || undefined : undefined],
        ['RELATION', item.type === 'relation' ? item.dimension : undefined],
        ['OPTION-HELP', item.type === 'choice' && item.optionHelp ? (item.optionHelp as TagValue) : undefined],
        ['MAX-LENGTH', item.type === 'open' ? String(item.maxLength) : undefined],
        ['NOT-REQUIRED', item.required === false || undefined],
      ]);
      const common = {
        name: item.id,
        form: formName(def.id),
        section: sectionHeader,
        label: item.text.nl,
        branching: branching(item),
        required: item.required ? 'y' : '',
        annotation: [leading, tags].filter(Boolean).join(' '),
      };
      switch (item.type) {
        case 'scale':
        case 'choice':
        case 'relation':
          rows.push(row({ ...common, type: 'radio', choices: choicesText(options, 'nl') }));
          break;
        case 'multiple':
          rows.push(row({ ...common, type: 'checkbox', choices: choicesText(options, 'nl') }));
          break;
        case 'number':
          rows.push(row({ ...common, type: 'text', validation: 'integer', min: String(item.min), max: String(item.max) }));
          break;
        case 'open':
          rows.push(row({ ...common, type: item.maxLength <= TEXT_FIELD_LENGTH ? 'text' : 'notes' }));
          break;
      }
    }
  }
  return rows;
}

// --- reading ---------------------------------------------------------------------------------------

const normalizeHeader = (text: string) => text.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');

/** A REDCap branching atom: `[y] = '3'` or, for a checkbox, `[y(4)] = '1'`. */
function branchingAtom(part: string) {
  const equals = /^\[([A-Za-z][\w]*)\]\s*=\s*(['"]?)(-?\d+)\2$/.exec(part);
  if (equals) return { item: equals[1]!, code: Number(equals[3]) };
  const checked = /^\[([A-Za-z][\w]*)\((-?\d+)\)\]\s*=\s*(['"]?)1\3$/.exec(part);
  if (checked) return { item: checked[1]!, code: Number(checked[2]) };
  return null;
}

/** `1, Ja | 0, Nee` as options; null with the reason when a code is not a whole number in the answer range. */
function parseChoices(text: string): { code: number; label: string }[] | { refused: string } {
  const options: { code: number; label: string }[] = [];
  for (const part of text.split('|').map((p) => p.trim()).filter(Boolean)) {
    const comma = part.indexOf(',');
    const code = comma < 0 ? null : wholeNumber(part.slice(0, comma));
    if (code === null) return { refused: `antwoord '${part}' heeft geen gehele getal als code (zoals '1, Ja')` };
    if (code < ANSWER_CODE_MIN || code > ANSWER_CODE_MAX) return { refused: `antwoordcode ${code} ligt buiten ${ANSWER_CODE_MIN} … ${ANSWER_CODE_MAX}` };
    options.push({ code, label: part.slice(comma + 1).trim() });
  }
  return options;
}

/** The definition's fields as the dictionary's columns and annotations name them, for problems the schema finds. */
const REDCAP_FIELDS: Record<string, string> = {
  id: 'Variable / Field Name',
  text: 'Field Label',
  label: '@NWS-SHORT',
  title: 'Section Header',
  intro: 'descriptive',
  showWhen: 'Branching Logic',
  scale: 'Choices',
  options: 'Choices',
  min: 'Text Validation Min',
  max: 'Text Validation Max',
  maxLength: '@NWS-MAX-LENGTH',
  dimension: '@NWS-RELATION',
  optionHelp: '@NWS-OPTION-HELP',
  nl: 'Nederlands',
  en: 'Engels',
};

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** A text from REDCap's rich-text editor as plain text: line breaks for <br> and paragraphs, no tags, entities decoded. */
export function textFromHtml(html: string): string {
  if (!/<\/?[a-z][^>]*>|&[a-z]+;|&#\d+;/i.test(html)) return html;
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&([a-z]+);/gi, (all, name: string) => ENTITIES[name.toLowerCase()] ?? all)
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** REDCap types that have no question in Netwerkspiegel, with the reason. */
const UNMAPPED_TYPES: Record<string, string> = {
  calc: 'een berekend veld (calc): Netwerkspiegel rekent geen velden uit',
  file: 'een bestand uploaden (file): Netwerkspiegel neemt geen bestanden op',
  slider: 'een schuifbalk (slider) kent Netwerkspiegel niet; gebruik radio met antwoordcodes',
  sql: 'een keuzelijst uit een databasequery (sql) kent Netwerkspiegel niet',
};

/** The fixed options REDCap gives yes/no and true/false fields, in Dutch and English. */
const FIXED_CHOICES: Record<string, { scale: string; text: string; en: string; name: string }> = {
  yesno: { scale: 'ja_nee', text: '1, Ja | 0, Nee', en: '1, Yes | 0, No', name: 'ja/nee (yesno)' },
  truefalse: { scale: 'waar_niet_waar', text: '1, Waar | 0, Niet waar', en: '1, True | 0, False', name: 'waar/niet waar (truefalse)' },
};

const asText = (value: TagValue | true | undefined): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);
const asLocalized = (value: unknown): LocalizedText | undefined =>
  value !== null && typeof value === 'object' && typeof (value as { nl?: unknown }).nl === 'string' ? (value as LocalizedText) : undefined;

/** A section id from a header text: lowercase letters, digits and _, at most 32 characters. */
const sectionIdFrom = (text: string) => instrumentIdFrom(text).replace(/-/g, '_').slice(0, 32).replace(/_+$/, '');

export interface RedcapOptions {
  /** A name for the instrument when the dictionary says nothing about it (the file's name). */
  fallbackId: string;
  describe?: DescribeSchemaProblem;
}

interface RawItem {
  [key: string]: unknown;
  id: string;
  type: InstrumentItem['type'];
  showWhen?: { item: string; anyOf: number[] };
}

/**
 * A definition from a REDCap data dictionary's rows (the header first), with what was mapped and
 * left out. A row that cannot become a question is left out with its reason; a file that is no data
 * dictionary, or whose result breaks the definition's rules, is refused with its problems by row.
 */
export function redcapToInstrument(records: readonly (readonly string[])[], options: RedcapOptions): Conversion {
  const problems: string[] = [];
  const mapped: string[] = [];
  const leftOut: string[] = [];
  const header = (records[0] ?? []).map((h) => normalizeHeader(String(h)));
  const expected = REDCAP_COLUMNS.map(normalizeHeader);
  const index = new Map<Column, number>();
  header.forEach((h, i) => {
    const at = expected.indexOf(h);
    if (at >= 0) index.set(COLUMN_KEYS[at]!, i);
    else if (h !== '') problems.push(`Rij 1: onbekende kolom '${records[0]![i]}'`);
  });
  const missing = ESSENTIAL.filter((c) => !index.has(c));
  if (missing.length > 0 || problems.length > 0) {
    return {
      ok: false,
      problems: [
        ...problems.slice(0, 5),
        ...(missing.length > 0 ? [`Rij 1: de kolommen ${missing.map((c) => `'${REDCAP_COLUMNS[COLUMN_KEYS.indexOf(c)]}'`).join(', ')} ontbreken`] : []),
        `Een REDCap-datadictionary heeft de kolommen ${REDCAP_COLUMNS.map((c) => `'${c}'`).join(', ')}`,
      ],
    };
  }
  const get = (cells: readonly string[], column: Column) => {
    const at = index.get(column);
    return at === undefined ? '' : cellText(cells[at]);
  };
  const rows = records.slice(1).map((cells, i) => ({ row: i + 2, cells })).filter(({ cells }) => cells.some((c) => cellText(c) !== ''));

  const firstTags = rows[0] ? readAnnotations(get(rows[0].cells, 'annotation')).tags : new Map<string, TagValue | true>();
  const meta = firstTags.get('INSTRUMENT');
  const instrument = meta !== null && typeof meta === 'object' && !Array.isArray(meta) ? (meta as Record<string, unknown>) : null;
  const languages = instrument && Array.isArray(instrument.languages) ? (instrument.languages as string[]) : undefined;
  const english = instrument ? !(languages && languages.join() === 'nl') : false;
  const instrumentPlace = instrument ? 'Rij 2, de annotatie @NWS-INSTRUMENT' : 'Het bestand';
  const firstForm = rows[0] ? get(rows[0].cells, 'form') : '';
  const formTitle = (form: string) => {
    const words = form.replace(/_/g, ' ').trim();
    return words ? words[0]!.toUpperCase() + words.slice(1) : instrumentIdFrom(options.fallbackId);
  };
  if (!instrument) mapped.push(`geen @NWS-INSTRUMENT: vragenlijst '${formTitle(firstForm)}', versie 1, alleen in het Nederlands`);

  const scales: ResponseScale[] = [];
  const scaleOrigins: string[] = [];
  const scaleSources = new Map<string, string>();
  const items: RawItem[] = [];
  const itemOrigins: string[] = [];
  const sections: { id: string; title: LocalizedText; intro?: LocalizedText; items: string[] }[] = [];
  const sectionOrigins: string[] = [];
  const memberships: { subscale: string; item: string; place: string }[] = [];
  const matrixGroups = new Set<string>();
  let currentForm: string | null = null;

  const startSection = (id: string | undefined, title: LocalizedText, place: string) => {
    let sid = id ?? (sectionIdFrom(title.nl) || `deel_${sections.length + 1}`);
    if (!id) while (sections.some((s) => s.id === sid)) sid = `${sid.slice(0, 28)}_${sections.length + 1}`;
    const section = { id: sid, title, items: [] as string[] };
    sections.push(section);
    sectionOrigins.push(place);
    return section;
  };

  for (const { row, cells } of rows) {
    const name = get(cells, 'name');
    const type = get(cells, 'type').toLowerCase();
    const place = `Rij ${row}, veld ${name || '(zonder naam)'}`;
    const { tags, others, broken } = readAnnotations(get(cells, 'annotation'));
    for (const tag of broken) problems.push(`${place}: de annotatie @${tag} is geen geldige JSON-tekst`);
    const tagText = (tag: string) => asText(tags.get(tag));
    // REDCap's rich-text editor writes HTML; Netwerkspiegel shows plain text. Our own export writes texts as they are.
    const label = instrument ? get(cells, 'label') : textFromHtml(get(cells, 'label'));
    if (!instrument && label !== get(cells, 'label')) mapped.push(`${place}: opmaak (HTML) uit de vraagtekst gehaald`);
    const form = get(cells, 'form');

    // sections: a Section Header (or our @NWS-SECTION) starts one, and so does a new form
    const headerText = instrument ? get(cells, 'section') : textFromHtml(get(cells, 'section'));
    const sectionId = tagText('SECTION');
    let section = sections.at(-1);
    if (headerText !== '' || sectionId !== undefined) {
      const title = headerText.replace(/\s*\n\s*/g, ' ');
      section = startSection(sectionId, localized(title || formTitle(form), tagText('EN-SECTION') ?? title, english), place);
    } else if (form !== currentForm && currentForm !== null) {
      section = startSection(undefined, localized(formTitle(form), formTitle(form), english), place);
      mapped.push(`${place}: een nieuw formulier (${form}) begint een nieuw onderdeel`);
    }
    currentForm = form;

    if (type === 'descriptive') {
      const isIntro = tags.has('INTRO') || !section || (section.items.length === 0 && !section.intro);
      if (!isIntro) {
        leftOut.push(`${place}: een tekstveld (descriptive) midden tussen de vragen neemt Netwerkspiegel niet over; weggelaten`);
        continue;
      }
      section ??= startSection(undefined, localized(formTitle(form), formTitle(form), english), place);
      section.intro = localized(label, tagText('EN-LABEL') ?? label, english);
      if (!tags.has('INTRO')) mapped.push(`${place}: descriptive → inleiding van onderdeel ${section.id}`);
      continue;
    }
    if (!instrument && row === rows[0]!.row && type === 'text') {
      leftOut.push(`${place}: het eerste veld van een REDCap-project is het recordnummer; Netwerkspiegel geeft zelf respondentcodes; weggelaten`);
      continue;
    }
    if (UNMAPPED_TYPES[type] !== undefined) {
      leftOut.push(`${place}: ${UNMAPPED_TYPES[type]}; weggelaten`);
      continue;
    }
    if (get(cells, 'identifier').toLowerCase() === 'y') {
      leftOut.push(`${place}: gemarkeerd als identificerend (Identifier?): Netwerkspiegel bewaart niets dat iemand herkenbaar maakt; weggelaten`);
      continue;
    }
    const knownTypes = ['radio', 'dropdown', 'checkbox', 'yesno', 'truefalse', 'text', 'notes'];
    if (!knownTypes.includes(type)) {
      problems.push(`${place}: onbekend veldtype '${get(cells, 'type')}'`);
      continue;
    }

    const shortNl = tagText('SHORT') ?? shortLabelFrom(label);
    const textEn = tagText('EN-LABEL') ?? label;
    const item: RawItem = {
      id: name,
      type: 'open',
      text: localized(label, textEn, english),
      label: localized(shortNl, tagText('EN-SHORT') ?? shortLabelFrom(textEn), english),
    };
    if (get(cells, 'required').toLowerCase() === 'y') item.required = true;
    else if (tags.has('NOT-REQUIRED')) item.required = false;
    const branchingText = get(cells, 'branching');
    if (branchingText !== '') {
      const condition = orOfCodes(branchingText, branchingAtom);
      if ('refused' in condition) {
        leftOut.push(`${place}: de vertakking “${branchingText}” kan Netwerkspiegel niet overnemen (${condition.refused}; alleen [vraag] = 'code' en [vraag(code)] = '1', met or); weggelaten`);
        continue;
      }
      item.showWhen = condition;
    }

    let description: string;
    if (['radio', 'dropdown', 'checkbox', 'yesno', 'truefalse'].includes(type)) {
      const fixed = FIXED_CHOICES[type];
      const parsed = parseChoices(fixed ? fixed.text : get(cells, 'choices'));
      const parsedEn = english ? parseChoices(fixed ? fixed.en : (tagText('EN-CHOICES') ?? '')) : [];
      if ('refused' in parsed) {
        leftOut.push(`${place}: ${parsed.refused}; weggelaten`);
        continue;
      }
      const notScoredCodes = new Set((tagText('NOT-SCORED') ?? '').split(',').filter(Boolean).map(Number));
      const withLabels = parsed.map((o) => ({
        code: o.code,
        label: localized(instrument ? o.label : textFromHtml(o.label), ('refused' in parsedEn ? [] : parsedEn).find((e) => e.code === o.code)?.label ?? o.label, english),
      }));
      const scaleOptions = withLabels.filter((o) => !notScoredCodes.has(o.code));
      const notScored = withLabels.filter((o) => notScoredCodes.has(o.code));
      if (scaleOptions.length < 2 || scaleOptions.length > 11 || notScored.length > 3) {
        leftOut.push(`${place}: ${scaleOptions.length} antwoorden; Netwerkspiegel vraagt tussen 2 en 11 antwoorden (plus hoogstens 3 niet gescoorde); weggelaten`);
        continue;
      }
      const candidate: ResponseScale = { id: tagText('SCALE') ?? fixed?.scale ?? name, options: scaleOptions, notScored };
      const same = (s: ResponseScale) => JSON.stringify([s.options, s.notScored]) === JSON.stringify([candidate.options, candidate.notScored]);
      let scale = tags.has('SCALE') || fixed ? scales.find((s) => s.id === candidate.id) : scales.find(same);
      if (scale && !same(scale)) {
        problems.push(`${place}: antwoordschaal ${candidate.id} heeft hier andere antwoorden dan in ${scaleSources.get(candidate.id)}`);
        continue;
      }
      if (!scale) {
        while (scales.some((s) => s.id === candidate.id)) candidate.id = `${candidate.id.slice(0, 30)}_${scales.length + 1}`;
        scales.push((scale = candidate));
        scaleOrigins.push(place);
        scaleSources.set(scale.id, place);
      }
      const relation = tagText('RELATION');
      const subscaleIds = (tagText('SUBSCALE') ?? '').split(',').filter(Boolean);
      if (type === 'checkbox') {
        Object.assign(item, { type: 'multiple', scale: scale.id });
        description = `checkbox → meerkeuzevraag (alles wat van toepassing is), antwoordschaal ${scale.id}`;
      } else if (relation !== undefined) {
        Object.assign(item, { type: 'relation', scale: scale.id, dimension: relation });
        description = `${type} → vraag per partnerorganisatie (${relation}), antwoordschaal ${scale.id}`;
      } else if (tags.has('SCORED') || tags.has('REVERSE') || subscaleIds.length > 0) {
        Object.assign(item, { type: 'scale', scale: scale.id, reverse: tags.has('REVERSE') });
        for (const subscale of subscaleIds) memberships.push({ subscale, item: name, place });
        description = `${type} → stelling op antwoordschaal ${scale.id}${tags.has('REVERSE') ? ', omgekeerd gescoord' : ''}`;
      } else {
        const help = tags.get('OPTION-HELP');
        Object.assign(item, { type: 'choice', scale: scale.id, ...(help !== undefined ? { optionHelp: help } : {}) });
        description = `${fixed ? fixed.name : type} → keuzevraag, antwoordschaal ${scale.id}`;
      }
    } else if (type === 'text' && get(cells, 'validation').toLowerCase() === 'integer') {
      const min = wholeNumber(get(cells, 'min'));
      const max = wholeNumber(get(cells, 'max'));
      const range = { min: min ?? 0, max: max ?? ANSWER_CODE_MAX };
      if (range.min < ANSWER_CODE_MIN || range.max > ANSWER_CODE_MAX) {
        leftOut.push(`${place}: een getal van ${range.min} tot ${range.max}; Netwerkspiegel bewaart getallen van ${ANSWER_CODE_MIN} tot en met ${ANSWER_CODE_MAX}; weggelaten`);
        continue;
      }
      Object.assign(item, { type: 'number', ...range });
      description = `text (integer) → getal van ${range.min} tot en met ${range.max}${min === null || max === null ? ' (ontbrekende grens aangenomen)' : ''}`;
    } else {
      const validation = get(cells, 'validation');
      const given = wholeNumber(tagText('MAX-LENGTH'));
      Object.assign(item, { type: 'open', maxLength: given ?? (type === 'text' ? TEXT_FIELD_LENGTH : DEFAULT_OPEN_LENGTH) });
      description = `${type} → open vraag${validation ? ` (de controle '${validation}' vervalt)` : ''}`;
    }

    const matrix = get(cells, 'matrix');
    if (matrix && !matrixGroups.has(matrix)) {
      matrixGroups.add(matrix);
      mapped.push(`${place}: matrixgroep ${matrix} wordt een reeks losse vragen`);
    }
    if (get(cells, 'ranking').toLowerCase() === 'y') leftOut.push(`${place}: rangschikken in een matrix (Matrix Ranking) kent Netwerkspiegel niet; de vraag komt mee zonder`);
    if (/\[[a-z][a-z0-9_]*(\(\d+\))?\]/.test(label)) leftOut.push(`${place}: verwijzingen naar andere antwoorden in de vraagtekst (piping) vult Netwerkspiegel niet in; ze blijven als tekst staan`);
    if (get(cells, 'note') !== '') leftOut.push(`${place}: de toelichting (Field Note) toont Netwerkspiegel niet`);
    if (others.length > 0) leftOut.push(`${place}: de annotaties ${others.join(', ')} vervallen`);
    mapped.push(`${place}: ${description}`);

    const earlier = items.findIndex((i) => i.id === name);
    if (earlier >= 0) problems.push(`${place}: de veldnaam ${name} staat al in ${itemOrigins[earlier]}; elk veld heeft een eigen naam`);
    items.push(item);
    itemOrigins.push(place);
    section ??= startSection(undefined, localized(formTitle(form), formTitle(form), english), place);
    section.items.push(name);
  }

  // A question shown on a left-out field can never be shown: it goes too, with the reason.
  for (let changed = true; changed; ) {
    changed = false;
    const present = new Set(items.map((i) => i.id));
    const at = items.findIndex((i) => i.showWhen && !present.has(i.showWhen.item) && leftOut.some((l) => l.includes(`veld ${i.showWhen!.item}:`)));
    if (at >= 0) {
      const [gone] = items.splice(at, 1);
      const [place] = itemOrigins.splice(at, 1);
      leftOut.push(`${place}: wordt getoond op grond van veld ${gone!.showWhen!.item}, dat is weggelaten; weggelaten`);
      mapped.splice(mapped.findIndex((m) => m.startsWith(`${place}:`)), 1);
      for (const s of sections) s.items = s.items.filter((id) => id !== gone!.id);
      changed = true;
    }
  }
  const keptSections = sections.map((s, i) => ({ s, origin: sectionOrigins[i]! })).filter(({ s }) => s.items.length > 0);

  const subscaleMeta = instrument && Array.isArray(instrument.subscales) ? (instrument.subscales as Record<string, unknown>[]) : [];
  const subscales = subscaleMeta.map((s) => ({ ...s, items: [] as string[] }) as { id: string; label: LocalizedText; items: string[]; minAnsweredShare?: number });
  const subscaleOrigins: string[] = subscales.map(() => instrumentPlace);
  for (const { subscale, item, place } of memberships) {
    let found = subscales.find((s) => s.id === subscale);
    if (!found) {
      subscales.push((found = { id: subscale, label: localized(subscale, subscale, english), items: [] }));
      subscaleOrigins.push(place);
    }
    found.items.push(item);
  }

  if (problems.length > 0) return { ok: false, problems };
  // The answer scales in the instrument's own order when the annotation gives it; else as first used.
  const scaleOrder = instrument && Array.isArray(instrument.scales) ? (instrument.scales as unknown[]) : [];
  const rank = (id: string) => (scaleOrder.includes(id) ? scaleOrder.indexOf(id) : scaleOrder.length);
  const ordered = scales.map((scale, i) => ({ scale, origin: scaleOrigins[i]! })).sort((a, b) => rank(a.scale.id) - rank(b.scale.id));
  const fallback = defaultTexts('een REDCap-datadictionary', english);
  const name = asLocalized(instrument?.name) ?? localized(formTitle(firstForm), formTitle(firstForm), english);
  const raw = {
    id: typeof instrument?.id === 'string' ? instrument.id : instrumentIdFrom(firstForm || options.fallbackId),
    version: instrument?.version ?? 1,
    ...(languages ? { languages } : instrument ? {} : { languages: ['nl'] }),
    name,
    description: asLocalized(instrument?.description) ?? name,
    attribution: asLocalized(instrument?.attribution) ?? fallback.attribution,
    licence: asLocalized(instrument?.licence) ?? fallback.licence,
    scales: ordered.map(({ scale }) => scale),
    items,
    subscales,
    sections: keptSections.map(({ s }) => s),
  };
  const origins: Origins = { items: itemOrigins, scales: ordered.map(({ origin }) => origin), subscales: subscaleOrigins, sections: keptSections.map(({ origin }) => origin), instrument: instrumentPlace, fields: REDCAP_FIELDS };
  return checkBuiltDefinition(raw, origins, { mapped, leftOut }, options.describe);
}
