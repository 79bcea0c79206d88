import type { LocalizedText } from '../../text';
import { instrumentLanguages } from '../languages';
import { RELATION_DIMENSIONS, type InstrumentDefinition, type InstrumentItem } from '../schema';
import {
  cellText,
  checkBuiltDefinition,
  DEFAULT_OPEN_LENGTH,
  defaultTexts,
  instrumentIdFrom,
  localized,
  orOfCodes,
  shortLabelFrom,
  wholeNumber,
  yesNo,
  type Conversion,
  type DescribeSchemaProblem,
  type Origins,
} from './conversion';
import { LANGUAGE_SUFFIX, SheetTable, type SheetCell, type SheetData } from './sheets';

/**
 * An instrument as an XLSForm-like workbook, both ways (docs/decisions/2026-12-01-instrument-spreadsheets.md
 * describes every sheet and column). Sheets `survey`, `choices` and `settings` as in XLSForm
 * (ODK, Kobo): `begin_group`/`end_group` are our sections, `select_one <list>` a statement or a
 * single choice, `select_multiple <list>` select-all-that-apply, `integer` a number, `text` an open
 * question; `relevant` is a condition in XLSForm syntax. Our own concepts have their own columns
 * (`short_label`, `scored`, `subscale`, `reverse`, `relation`, `min`, `max`, `max_length`,
 * `not_scored` on choices) and two optional sheets (`subscales`, `option_help`). Texts are in
 * `label::Nederlands (nl)` and, for a bilingual instrument, `label::English (en)`.
 */

const SURVEY = 'survey';
const CHOICES = 'choices';
const SETTINGS = 'settings';
const SUBSCALES = 'subscales';
const OPTION_HELP = 'option_help';

// --- writing ---------------------------------------------------------------------------------------

/** The sheets of an instrument's workbook, each with its header row first. */
export function instrumentToXlsform(def: InstrumentDefinition): SheetData[] {
  const english = instrumentLanguages(def).includes('en');
  const heads = (base: string) => (english ? [`${base}::${LANGUAGE_SUFFIX.nl}`, `${base}::${LANGUAGE_SUFFIX.en}`] : [`${base}::${LANGUAGE_SUFFIX.nl}`]);
  const texts = (text: LocalizedText | undefined): SheetCell[] => (english ? [text?.nl ?? null, text?.en ?? null] : [text?.nl ?? null]);
  const byId = new Map(def.items.map((item) => [item.id, item]));
  const subscalesOf = (id: string) => def.subscales.filter((s) => s.items.includes(id)).map((s) => s.id);

  const survey: SheetCell[][] = [
    ['type', 'name', ...heads('label'), ...heads('hint'), 'required', 'relevant', 'constraint', ...heads('short_label'), 'scored', 'subscale', 'reverse', 'relation', 'min', 'max', 'max_length'],
  ];
  const row = (fields: {
    type: string;
    name?: string;
    label?: LocalizedText;
    hint?: LocalizedText;
    required?: string | null;
    relevant?: string | null;
    constraint?: string | null;
    shortLabel?: LocalizedText;
    scored?: string | null;
    subscale?: string | null;
    reverse?: string | null;
    relation?: string | null;
    min?: number | null;
    max?: number | null;
    maxLength?: number | null;
  }): SheetCell[] => [
    fields.type,
    fields.name ?? null,
    ...texts(fields.label),
    ...texts(fields.hint),
    fields.required ?? null,
    fields.relevant ?? null,
    fields.constraint ?? null,
    ...texts(fields.shortLabel),
    fields.scored ?? null,
    fields.subscale ?? null,
    fields.reverse ?? null,
    fields.relation ?? null,
    fields.min ?? null,
    fields.max ?? null,
    fields.maxLength ?? null,
  ];
  const relevantOf = (item: InstrumentItem): string | null => {
    if (!item.showWhen) return null;
    const condition = byId.get(item.showWhen.item);
    const name = item.showWhen.item;
    return item.showWhen.anyOf
      .map((code) => (condition?.type === 'multiple' ? `selected(\${${name}}, '${code}')` : condition?.type === 'number' ? `\${${name}} = ${code}` : `\${${name}} = '${code}'`))
      .join(' or ');
  };
  for (const section of def.sections) {
    survey.push(row({ type: 'begin_group', name: section.id, label: section.title, hint: section.intro }));
    for (const id of section.items) {
      const item = byId.get(id);
      if (!item) continue;
      const common = {
        name: item.id,
        label: item.text,
        shortLabel: item.label,
        required: item.required === undefined ? null : item.required ? 'yes' : 'no',
        relevant: relevantOf(item),
      };
      switch (item.type) {
        case 'scale': {
          const subscales = subscalesOf(item.id);
          survey.push(row({ ...common, type: `select_one ${item.scale}`, scored: 'yes', subscale: subscales.length ? subscales.join(' ') : null, reverse: item.reverse ? 'yes' : null }));
          break;
        }
        case 'choice':
          survey.push(row({ ...common, type: `select_one ${item.scale}` }));
          break;
        case 'relation':
          survey.push(row({ ...common, type: `select_one ${item.scale}`, relation: item.dimension }));
          break;
        case 'multiple':
          survey.push(row({ ...common, type: `select_multiple ${item.scale}` }));
          break;
        case 'number':
          survey.push(row({ ...common, type: 'integer', constraint: `. >= ${item.min} and . <= ${item.max}`, min: item.min, max: item.max }));
          break;
        case 'open':
          survey.push(row({ ...common, type: 'text', constraint: `string-length(.) <= ${item.maxLength}`, maxLength: item.maxLength }));
          break;
      }
    }
    survey.push(row({ type: 'end_group' }));
  }

  const choices: SheetCell[][] = [['list_name', 'name', ...heads('label'), 'not_scored']];
  for (const scale of def.scales) {
    for (const option of scale.options) choices.push([scale.id, option.code, ...texts(option.label), null]);
    for (const option of scale.notScored) choices.push([scale.id, option.code, ...texts(option.label), 'yes']);
  }

  const settings: SheetCell[][] = [
    [
      'form_title',
      ...(english ? [`form_title::${LANGUAGE_SUFFIX.en}`] : []),
      'form_id',
      'version',
      'default_language',
      ...heads('description'),
      ...heads('attribution'),
      ...heads('licence'),
      ...(def.languages ? ['languages'] : []),
    ],
    [
      ...texts(def.name),
      def.id,
      def.version,
      LANGUAGE_SUFFIX.nl,
      ...texts(def.description),
      ...texts(def.attribution),
      ...texts(def.licence),
      ...(def.languages ? [def.languages.join(' ')] : []),
    ],
  ];

  const sheets: SheetData[] = [
    { name: SURVEY, rows: survey },
    { name: CHOICES, rows: choices },
    { name: SETTINGS, rows: settings },
  ];
  if (def.subscales.length > 0) {
    sheets.push({
      name: SUBSCALES,
      rows: [['name', ...heads('label'), 'min_answered_share'], ...def.subscales.map((s) => [s.id, ...texts(s.label), s.minAnsweredShare])],
    });
  }
  const help = def.items.flatMap((item) => (item.type === 'choice' && item.optionHelp ? Object.entries(item.optionHelp).map(([code, text]) => [item.id, Number(code), ...texts(text)]) : []));
  if (help.length > 0) sheets.push({ name: OPTION_HELP, rows: [['item', 'code', ...heads('help')], ...help] });
  return sheets;
}

// --- reading ---------------------------------------------------------------------------------------

/** Types that are the form's bookkeeping in XLSForm, not questions: left out. */
const METADATA_TYPES = new Set(['start', 'end', 'today', 'deviceid', 'subscriberid', 'simserial', 'phonenumber', 'username', 'email', 'audit', 'start-geopoint', 'background-audio']);

/** XLSForm types the app cannot ask, with the reason a researcher reads. */
const UNSUPPORTED_TYPES: Record<string, string> = {
  decimal: 'Netwerkspiegel bewaart antwoorden als gehele getallen',
  range: 'een schuifbalk kent Netwerkspiegel niet; gebruik select_one of integer',
  rank: 'rangschikken kent Netwerkspiegel niet',
  date: 'een datum vraagt Netwerkspiegel niet',
  time: 'een tijd vraagt Netwerkspiegel niet',
  datetime: 'een datum vraagt Netwerkspiegel niet',
  geopoint: 'locaties vraagt Netwerkspiegel niet',
  geotrace: 'locaties vraagt Netwerkspiegel niet',
  geoshape: 'locaties vraagt Netwerkspiegel niet',
  image: 'bestanden en media neemt Netwerkspiegel niet op',
  audio: 'bestanden en media neemt Netwerkspiegel niet op',
  video: 'bestanden en media neemt Netwerkspiegel niet op',
  file: 'bestanden en media neemt Netwerkspiegel niet op',
  'background-video': 'bestanden en media neemt Netwerkspiegel niet op',
  barcode: 'een streepjescode vraagt Netwerkspiegel niet',
  acknowledge: 'een bevestiging vraagt Netwerkspiegel niet; gebruik select_one',
  calculate: 'Netwerkspiegel rekent geen velden uit',
  hidden: 'verborgen velden kent Netwerkspiegel niet',
  trigger: 'een bevestiging vraagt Netwerkspiegel niet; gebruik select_one',
  select_one_from_file: 'keuzelijsten uit een extern bestand kent Netwerkspiegel niet',
  select_multiple_from_file: 'keuzelijsten uit een extern bestand kent Netwerkspiegel niet',
  'xml-external': 'externe gegevens kent Netwerkspiegel niet',
  'csv-external': 'externe gegevens kent Netwerkspiegel niet',
};

interface RawItem {
  [key: string]: unknown;
  id: string;
  type: InstrumentItem['type'];
}

interface RawSection {
  id: string;
  title: LocalizedText;
  intro?: LocalizedText;
  items: string[];
}

/** The columns read from the survey and choices sheets; any other filled column is named as left out. */
const SURVEY_COLUMNS: ReadonlySet<string> = new Set(['type', 'name', 'label', 'hint', 'required', 'relevant', 'constraint', 'short_label', 'scored', 'subscale', 'reverse', 'relation', 'min', 'max', 'max_length']);
const CHOICES_COLUMNS: ReadonlySet<string> = new Set(['list_name', 'name', 'label', 'not_scored']);

/** The definition's fields as the workbook's columns name them, for problems the schema finds. */
const XLSFORM_FIELDS: Record<string, string> = {
  id: 'name',
  text: 'label',
  label: 'short_label',
  title: 'label',
  intro: 'hint',
  showWhen: 'relevant',
  scale: 'type (lijst)',
  maxLength: 'max_length',
  dimension: 'relation',
  minAnsweredShare: 'min_answered_share',
  optionHelp: 'option_help',
  options: 'choices',
  notScored: 'choices (not_scored)',
  nl: LANGUAGE_SUFFIX.nl,
  en: LANGUAGE_SUFFIX.en,
  name: 'form_title',
  version: 'version',
};

const where = (sheet: string, row: number, name?: string) => `Blad ${sheet}, rij ${row}${name ? ` (${name})` : ''}`;

/** The condition in XLSForm syntax: `${y} = '3'`, `${y} = 3`, `selected(${y}, '4')`, joined by `or`. */
function relevantAtom(part: string) {
  const equals = /^\$\{\s*([A-Za-z_][\w.-]*)\s*\}\s*=\s*(['"]?)(-?\d+)\2$/.exec(part);
  if (equals) return { item: equals[1]!.toLowerCase(), code: Number(equals[3]) };
  const selected = /^selected\(\s*\$\{\s*([A-Za-z_][\w.-]*)\s*\}\s*,\s*(['"])(-?\d+)\2\s*\)$/.exec(part);
  if (selected) return { item: selected[1]!.toLowerCase(), code: Number(selected[3]) };
  return null;
}

/** A range from an XLSForm constraint such as `. >= 0 and . <= 50`. */
function constraintRange(constraint: string): { min: number; max: number } | null {
  let min: number | null = null;
  let max: number | null = null;
  for (const part of constraint.split(/\s+and\s+/i)) {
    const m = /^\.\s*(>=|>|<=|<)\s*(-?\d+)$/.exec(part.trim());
    if (!m) return null;
    const n = Number(m[2]);
    if (m[1] === '>=') min = n;
    else if (m[1] === '>') min = n + 1;
    else if (m[1] === '<=') max = n;
    else max = n - 1;
  }
  return min !== null && max !== null ? { min, max } : null;
}

export interface XlsformOptions {
  /** A name for the instrument id when the settings give no form_id (the file's name). */
  fallbackId: string;
  describe?: DescribeSchemaProblem;
}

/**
 * A definition from an XLSForm-like workbook, with what was mapped and left out; or every
 * problem by sheet and row ("Blad survey, rij 12: onbekend type 'select_won eens5'").
 */
export function xlsformToInstrument(sheets: readonly SheetData[], options: XlsformOptions): Conversion {
  const problems: string[] = [];
  const mapped: string[] = [];
  const leftOut: string[] = [];
  const sheet = (name: string) => {
    const found = sheets.find((s) => s.name.trim().toLowerCase() === name);
    return found ? new SheetTable(found) : null;
  };
  const survey = sheet(SURVEY);
  if (!survey) {
    return { ok: false, problems: [`Het blad 'survey' ontbreekt (gevonden: ${sheets.map((s) => `'${s.name}'`).join(', ') || 'geen bladen'}). Een vragenlijst-spreadsheet heeft de bladen survey, choices en settings, zoals in XLSForm.`] };
  }
  const choices = sheet(CHOICES);
  const settings = sheet(SETTINGS);
  const subscaleSheet = sheet(SUBSCALES);
  const helpSheet = sheet(OPTION_HELP);
  for (const table of [survey, choices, settings, subscaleSheet, helpSheet]) {
    if (!table) continue;
    for (const column of table.duplicateColumns) problems.push(`Blad ${table.name}: de kolom '${column}' staat er twee keer`);
    for (const column of table.otherLanguageColumns) leftOut.push(`Blad ${table.name}, kolom '${column}': Netwerkspiegel kent alleen Nederlands (nl) en Engels (en); weggelaten`);
  }
  for (const [table, known] of [
    [survey, SURVEY_COLUMNS],
    [choices, CHOICES_COLUMNS],
  ] as const) {
    for (const column of table?.unknownFilledColumns(known) ?? []) leftOut.push(`Blad ${table!.name}, kolom '${column}': neemt Netwerkspiegel niet over; weggelaten`);
  }
  if (!survey.has('type')) problems.push(`Blad survey: de kolom 'type' ontbreekt`);
  if (!survey.has('name')) problems.push(`Blad survey: de kolom 'name' ontbreekt`);
  if (!survey.has('label')) problems.push(`Blad survey: de kolom 'label' (of 'label::${LANGUAGE_SUFFIX.nl}') ontbreekt`);
  if (problems.length > 0) return { ok: false, problems };

  const english = [survey, choices].some((t) => t?.has('label', 'en'));
  const text = (table: SheetTable, cells: readonly SheetCell[], base: string, language: 'nl' | 'en' = 'nl') => cellText(table.get(cells, base, language));
  const textsOf = (table: SheetTable, cells: readonly SheetCell[], base: string): LocalizedText => localized(text(table, cells, base), text(table, cells, base, 'en'), english);

  // settings: the instrument itself
  const settingsRow = settings?.rows[0]?.cells ?? [];
  const instrumentPlace = settings ? 'Blad settings' : 'Het bestand (zonder blad settings)';
  const formId = settings ? text(settings, settingsRow, 'form_id') : '';
  let id = formId;
  if (!/^[a-z][a-z0-9-]{1,63}$/.test(formId)) {
    id = instrumentIdFrom(formId || options.fallbackId);
    mapped.push(formId ? `form_id '${formId}' wordt vragenlijst-id '${id}' (kleine letters, cijfers en -)` : `geen form_id: vragenlijst-id '${id}' uit de bestandsnaam`);
  }
  const versionCell = settings ? text(settings, settingsRow, 'version') : '';
  let version = 1;
  if (versionCell === '') mapped.push('geen version: versie 1');
  else {
    const parsed = wholeNumber(versionCell);
    if (parsed === null || parsed < 1) problems.push(`Blad settings, rij 2: version '${versionCell}' is geen geheel getal van 1 of meer`);
    else version = parsed;
  }
  const languagesCell = settings ? text(settings, settingsRow, 'languages') : '';
  let languages: string[] | undefined = english ? undefined : ['nl'];
  if (languagesCell !== '') {
    const declared = languagesCell.split(/[\s,]+/).filter(Boolean);
    if (declared.join() === 'nl' || declared.join() === 'nl,en') languages = declared;
    else problems.push(`Blad settings, rij 2: languages '${languagesCell}' moet 'nl' of 'nl en' zijn`);
  }
  const title = settings ? textsOf(settings, settingsRow, 'form_title') : localized('', '', english);
  if (!title.nl) {
    title.nl = id;
    mapped.push(`geen form_title: de naam is '${id}'`);
  }
  if (english && !title.en) title.en = title.nl;
  const description = settings ? textsOf(settings, settingsRow, 'description') : localized('', '', english);
  const fallbackTexts = defaultTexts('een XLSForm-spreadsheet', english);
  const instrumentText = (base: 'description' | 'attribution' | 'licence', fallback: LocalizedText): LocalizedText => {
    const given = settings ? textsOf(settings, settingsRow, base) : localized('', '', english);
    if (given.nl) return given;
    mapped.push(`geen ${base}: '${fallback.nl}'`);
    return fallback;
  };

  // choices: the answer scales
  const scales: { id: string; options: unknown[]; notScored: unknown[] }[] = [];
  const scaleOrigins: string[] = [];
  if (choices) {
    for (const { row, cells } of choices.rows) {
      const list = text(choices, cells, 'list_name').toLowerCase();
      const codeCell = text(choices, cells, 'name');
      if (list === '') {
        problems.push(`${where(CHOICES, row)}: list_name ontbreekt`);
        continue;
      }
      const code = wholeNumber(codeCell);
      if (code === null) {
        problems.push(`${where(CHOICES, row, list)}: antwoordcode (name) '${codeCell}' is geen geheel getal; Netwerkspiegel bewaart antwoorden als getallen`);
        continue;
      }
      const notScored = yesNo(choices.get(cells, 'not_scored'));
      if (notScored === null) problems.push(`${where(CHOICES, row, list)}: not_scored moet yes of no zijn`);
      let scale = scales.find((s) => s.id === list);
      if (!scale) {
        scale = { id: list, options: [], notScored: [] };
        scales.push(scale);
        scaleOrigins.push(where(CHOICES, row, list));
      }
      (notScored ? scale.notScored : scale.options).push({ code, label: textsOf(choices, cells, 'label') });
    }
  }

  // survey: sections and items
  const items: RawItem[] = [];
  const itemOrigins: string[] = [];
  const sections: RawSection[] = [];
  const sectionOrigins: string[] = [];
  const memberships: { subscale: string; item: string; place: string }[] = [];
  let group: RawSection | null = null;
  let looseSection: RawSection | null = null;
  for (const { row, cells } of survey.rows) {
    const rawType = text(survey, cells, 'type');
    const type = rawType.toLowerCase().replace(/\s+/g, ' ');
    // Names become variable names, which are lowercase (XLSForm allows Q1); the preview says so.
    const writtenName = text(survey, cells, 'name');
    const name = writtenName.toLowerCase();
    const place = where(SURVEY, row, writtenName);
    if (type === '') {
      problems.push(`${place}: type ontbreekt`);
      continue;
    }
    if (type === 'begin_group' || type === 'begin group') {
      if (group) problems.push(`${place}: een groep in een groep (${group.id}) kent Netwerkspiegel niet; sluit de vorige eerst met end_group`);
      const titles = textsOf(survey, cells, 'label');
      if (!titles.nl) titles.nl = name;
      if (english && !titles.en) titles.en = titles.nl;
      const hint = textsOf(survey, cells, 'hint');
      group = { id: name, title: titles, ...(hint.nl || hint.en ? { intro: hint } : {}), items: [] };
      sections.push(group);
      sectionOrigins.push(place);
      looseSection = null;
      continue;
    }
    if (type === 'end_group' || type === 'end group') {
      if (!group) problems.push(`${where(SURVEY, row)}: end_group zonder begin_group`);
      group = null;
      continue;
    }
    if (type === 'begin_repeat' || type === 'begin repeat' || type === 'end_repeat' || type === 'end repeat') {
      problems.push(`${place}: herhalende groepen (repeat) kent Netwerkspiegel niet; vragen per partnerorganisatie maakt u met de kolom relation`);
      continue;
    }
    if (type === 'note') {
      const note = textsOf(survey, cells, 'label');
      const current = group ?? looseSection;
      if (current && current.items.length === 0 && !current.intro && note.nl) {
        current.intro = note;
        mapped.push(`${place}: note wordt de inleiding van onderdeel ${current.id}`);
      } else leftOut.push(`${place}: een note midden tussen de vragen neemt Netwerkspiegel niet over (alleen direct na begin_group, als inleiding); weggelaten`);
      continue;
    }
    if (METADATA_TYPES.has(type)) {
      leftOut.push(`${place}: metagegevens (${type}) legt Netwerkspiegel niet vast; weggelaten`);
      continue;
    }
    const orOther = / or_other$/.test(type);
    if (orOther) leftOut.push(`${place}: or_other (een eigen antwoord bij 'Anders') neemt Netwerkspiegel niet over; voeg zo nodig een text-vraag toe met relevant`);
    const select = /^(select_one|select_multiple) ([A-Za-z_][\w-]*)$/.exec(type.replace(/ or_other$/, ''));
    const baseType = type.split(' ')[0]!;
    if (UNSUPPORTED_TYPES[baseType] !== undefined) {
      leftOut.push(`${place}: type '${rawType}': ${UNSUPPORTED_TYPES[baseType]}; weggelaten`);
      continue;
    }
    if (!select && type !== 'integer' && type !== 'text') {
      problems.push(`${place}: onbekend type '${rawType}'`);
      continue;
    }
    if (select && !choices) {
      problems.push(`${place}: type '${rawType}' gebruikt lijst ${select[2]}, maar het blad 'choices' ontbreekt`);
      continue;
    }

    const label = textsOf(survey, cells, 'label');
    const short = textsOf(survey, cells, 'short_label');
    const item: RawItem = {
      id: name,
      type: 'open',
      text: label,
      label: localized(short.nl || shortLabelFrom(label.nl), short.en || shortLabelFrom(label.en ?? ''), english),
    };
    const required = yesNo(survey.get(cells, 'required'));
    if (required === null) problems.push(`${place}: required moet yes of no zijn`);
    else if (required !== undefined) item.required = required;
    const relevant = text(survey, cells, 'relevant');
    if (relevant !== '') {
      const condition = orOfCodes(relevant, relevantAtom);
      if ('refused' in condition) {
        problems.push(
          `${place}: de voorwaarde (relevant) “${relevant}” kan Netwerkspiegel niet overnemen: ${condition.refused}. Gebruik \${vraag} = 'code', selected(\${vraag}, 'code') of meerdere daarvan met or`,
        );
      } else item.showWhen = condition;
    }
    const hint = textsOf(survey, cells, 'hint');
    if (hint.nl || hint.en) leftOut.push(`${place}: de hint bij een vraag toont Netwerkspiegel niet; weggelaten`);
    const constraint = text(survey, cells, 'constraint');
    const subscaleIds = text(survey, cells, 'subscale').toLowerCase().split(/[\s,]+/).filter(Boolean);
    const reverse = yesNo(survey.get(cells, 'reverse'));
    const scored = yesNo(survey.get(cells, 'scored'));
    if (reverse === null) problems.push(`${place}: reverse moet yes of no zijn`);
    if (scored === null) problems.push(`${place}: scored moet yes of no zijn`);
    const relation = text(survey, cells, 'relation');

    if (select?.[1] === 'select_multiple') {
      Object.assign(item, { type: 'multiple', scale: select[2] });
      mapped.push(`${place}: select_multiple → meerkeuzevraag (alles wat van toepassing is) op lijst ${select[2]}`);
    } else if (select && relation !== '') {
      if (!(RELATION_DIMENSIONS as readonly string[]).includes(relation)) {
        problems.push(`${place}: relation '${relation}' moet ${RELATION_DIMENSIONS.join(', ')} zijn`);
      }
      Object.assign(item, { type: 'relation', scale: select[2], dimension: relation });
      mapped.push(`${place}: select_one met relation → vraag per partnerorganisatie (${relation}) op lijst ${select[2]}`);
    } else if (select && (scored === true || subscaleIds.length > 0 || reverse === true)) {
      Object.assign(item, { type: 'scale', scale: select[2], reverse: reverse === true });
      for (const subscale of subscaleIds) memberships.push({ subscale, item: name, place });
      mapped.push(`${place}: select_one met scored → stelling op antwoordschaal ${select[2]}${reverse ? ', omgekeerd gescoord' : ''}${subscaleIds.length ? `, in schaal ${subscaleIds.join(', ')}` : ''}`);
    } else if (select) {
      Object.assign(item, { type: 'choice', scale: select[2] });
      mapped.push(`${place}: select_one → keuzevraag op lijst ${select[2]} (niet gescoord)`);
    } else if (type === 'integer') {
      const min = wholeNumber(survey.get(cells, 'min'));
      const max = wholeNumber(survey.get(cells, 'max'));
      const range = min !== null && max !== null ? { min, max } : constraintRange(constraint);
      if (range) Object.assign(item, { type: 'number', ...range });
      else {
        Object.assign(item, { type: 'number', min: 0, max: 999 });
        mapped.push(`${place}: integer zonder min en max (of constraint '. >= 0 and . <= 50'): van 0 tot en met 999 aangenomen`);
      }
      mapped.push(`${place}: integer → getal`);
    } else {
      const given = wholeNumber(survey.get(cells, 'max_length'));
      const fromConstraint = /^string-length\(\s*\.\s*\)\s*<=\s*(\d+)$/.exec(constraint);
      const maxLength = given ?? (fromConstraint ? Number(fromConstraint[1]) : null);
      Object.assign(item, { type: 'open', maxLength: maxLength ?? DEFAULT_OPEN_LENGTH });
      mapped.push(`${place}: text → open vraag${maxLength === null ? ` (hoogstens ${DEFAULT_OPEN_LENGTH} tekens aangenomen)` : ''}`);
    }

    const earlier = items.findIndex((i) => i.id === name);
    if (earlier >= 0) problems.push(`${place}: de naam ${name} staat al in ${itemOrigins[earlier]}; elke vraag heeft een eigen naam`);
    if (writtenName !== name) mapped.push(`${place}: de naam ${writtenName} wordt ${name} (variabelenamen zijn in kleine letters)`);
    items.push(item);
    itemOrigins.push(place);
    let section: RawSection | null = group ?? looseSection;
    if (!section) {
      looseSection = section = { id: `deel_${sections.length + 1}`, title: { ...title }, items: [] };
      sections.push(section);
      sectionOrigins.push(place);
      mapped.push(`${place}: vragen buiten een groep komen in onderdeel ${section.id}`);
    }
    section.items.push(name);
  }

  // subscales: the optional sheet gives labels and minimum shares, the survey's column the items
  const subscales: { id: string; label: LocalizedText; items: string[]; minAnsweredShare?: number }[] = [];
  const subscaleOrigins: string[] = [];
  for (const { row, cells } of subscaleSheet?.rows ?? []) {
    const sid = text(subscaleSheet!, cells, 'name').toLowerCase();
    const label = textsOf(subscaleSheet!, cells, 'label');
    const shareCell = text(subscaleSheet!, cells, 'min_answered_share');
    const share = shareCell === '' ? undefined : Number(shareCell.replace(',', '.'));
    if (share !== undefined && !Number.isFinite(share)) problems.push(`${where(SUBSCALES, row, sid)}: min_answered_share '${shareCell}' is geen getal (zoals 0.75)`);
    subscales.push({ id: sid, label: label.nl ? label : localized(sid, sid, english), items: [], ...(share !== undefined ? { minAnsweredShare: share } : {}) });
    subscaleOrigins.push(where(SUBSCALES, row, sid));
  }
  for (const { subscale, item, place } of memberships) {
    let found = subscales.find((s) => s.id === subscale);
    if (!found) {
      found = { id: subscale, label: localized(subscale, subscale, english), items: [] };
      subscales.push(found);
      subscaleOrigins.push(place);
      mapped.push(`${place}: schaal ${subscale} staat niet in het blad subscales: naam '${subscale}', score bij 75% beantwoord`);
    }
    found.items.push(item);
  }

  // option_help: an explanation under an option of a single-choice question
  for (const { row, cells } of helpSheet?.rows ?? []) {
    const itemId = text(helpSheet!, cells, 'item').toLowerCase();
    const code = wholeNumber(helpSheet!.get(cells, 'code'));
    const item = items.find((i) => i.id === itemId);
    if (!item || item.type !== 'choice') {
      problems.push(`${where(OPTION_HELP, row, itemId)}: uitleg bij antwoorden kan alleen bij een keuzevraag (select_one zonder scored) uit het blad survey`);
      continue;
    }
    if (code === null) {
      problems.push(`${where(OPTION_HELP, row, itemId)}: code '${text(helpSheet!, cells, 'code')}' is geen geheel getal`);
      continue;
    }
    const help = (item.optionHelp ??= {}) as Record<string, LocalizedText>;
    help[String(code)] = textsOf(helpSheet!, cells, 'help');
  }

  if (problems.length > 0) return { ok: false, problems };
  const raw = {
    id,
    version,
    ...(languages ? { languages } : {}),
    name: title,
    description: description.nl ? description : instrumentText('description', { ...title }),
    attribution: instrumentText('attribution', fallbackTexts.attribution),
    licence: instrumentText('licence', fallbackTexts.licence),
    scales,
    items,
    subscales,
    sections,
  };
  const origins: Origins = { items: itemOrigins, scales: scaleOrigins, subscales: subscaleOrigins, sections: sectionOrigins, instrument: instrumentPlace, fields: XLSFORM_FIELDS };
  return checkBuiltDefinition(raw, origins, { mapped, leftOut }, options.describe);
}
