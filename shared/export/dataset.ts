/**
 * The data sheets of an export, built from plain loaded records (no database here): *Data_lang*
 * (one row per respondent code × wave), *Data_breed* (one row per respondent code per network,
 * items suffixed per wave), the *Scores* block and the codebook entries that describe every
 * variable. Pure, so it is tested with known answers and shared by the workbook, the CSV, the SPSS
 * syntax and the R script.
 */
import type { InstrumentRef, ResponseMode, ResponseStatus, WaveKind } from '../domain';
import type { InstrumentDefinition, InstrumentItem, ResponseScale, Subscale } from '../instruments/schema';
import { scoreSubscale } from '../scoring';
import { hiddenItemIds, tickedCodes, visibilityPlan, type VisibilityPlan } from '../instruments/shown-items';
import { inLocale, type LocalizedText, type Locale } from '../text';
import { formatIsoWithOffset } from './csv';
import { VariableNamer, waveSuffixes } from './names';
import type { Cell, Column, MeasureLevel, Table, ValueLabel } from './table';
import { CODEBOOK_COLUMNS, EXPORT_TERMS, type CodebookColumn, type ExportTerms, type MethodKey } from './terms';

export type ValueMode = 'codes' | 'labels';

export interface SourceNetwork {
  id: string;
  name: string;
  minGroupSize: number;
}

export interface SourceWave {
  id: string;
  networkId: string;
  label: string;
  kind: WaveKind;
  plannedDate: string | null;
  /** All instruments of the wave (the selection filters them). */
  instruments: InstrumentRef[];
}

export interface SourceResponse {
  networkId: string;
  waveId: string;
  respondentCode: string;
  organisationName: string | null;
  status: ResponseStatus;
  mode: ResponseMode;
  startedAt: string;
  completedAt: string | null;
  /** instrumentId → itemId → stored code. */
  codes: Map<string, Map<string, number>>;
  /** instrumentId → itemId → open answer, or the ticked codes of a multiple-choice answer ("1,3,5"). */
  texts: Map<string, Map<string, string>>;
}

export interface ExportSource {
  networks: SourceNetwork[];
  /** The chosen waves: per network in measurement order, networks in the chosen order. */
  waves: SourceWave[];
  /** The chosen instruments (ids), in the order their columns appear. */
  instrumentIds: string[];
  definition: (ref: InstrumentRef) => InstrumentDefinition;
  /** Ordered by network, wave, respondent code. */
  responses: SourceResponse[];
}

export interface DatasetOptions {
  language: Locale;
  values: ValueMode;
  includeOpenAnswers: boolean;
}

/** One row of the codebook: a variable, or (at the end, without a variable) a rule behind the numbers. */
export interface CodebookEntry {
  variable: string;
  label: string;
  question: string;
  instrument: string;
  version: string;
  subscale: string;
  type: string;
  level: MeasureLevel | null;
  values: string;
  notScored: string;
  missing: string;
  reverse: string;
  /** Whether the item must be answered (yes/no; empty for what is not an item). */
  required: string;
  /** When the item is shown ("Getoond als vraag co_rol = 3 (Anders)"); empty when always. */
  shownWhen: string;
  derivation: string;
  sheets: string[];
  wide: string[];
}

export interface Dataset {
  long: Table;
  wide: Table;
  /** Score columns per response, in the same row order as `long`. */
  scoreColumns: Column[];
  scoreRows: Cell[][];
  /** The first columns of `long` that identify a row (network, wave, respondent, status) and their positions. */
  keyColumns: number[];
  codebook: CodebookEntry[];
  /** Instruments (id@version) that contributed columns, for the explanatory sheet. */
  instrumentsUsed: InstrumentRef[];
}

/** The rules behind the numbers, in the order the Toelichting and the codebook give them, with the sheets they concern. */
export const EXPORT_METHODS: readonly { key: MethodKey; sheets: ('descriptives' | 'comparison' | 'reliability' | 'linking')[] }[] = [
  { key: 'completedOnly', sheets: ['descriptives', 'comparison', 'reliability', 'linking'] },
  { key: 'linking', sheets: ['comparison', 'linking'] },
  { key: 'comparison', sheets: ['comparison'] },
  { key: 'ties', sheets: ['comparison'] },
  { key: 'alpha', sheets: ['reliability'] },
  { key: 'reverse', sheets: ['descriptives', 'comparison'] },
];

const ROLE_ITEM = 'ag_rol';
const MODE_CODES: Record<ResponseMode, number> = { form: 1, kiosk: 2, paper: 3, meeting: 4 };
const STATUS_CODES: Record<ResponseStatus, number> = { complete: 1, in_progress: 0 };

interface ItemColumn {
  instrumentId: string;
  /** `instrumentId/itemId`, and for one option of a multiple-choice item `#code` after it. */
  key: string;
  item: InstrumentItem;
  /** The option this column stands for, for a multiple-choice item (one 0/1 variable per option). */
  option: { code: number; label: LocalizedText } | null;
  def: InstrumentDefinition;
  versions: number[];
  name: string;
  wideNames: string[];
}

interface ScoreColumnGroup {
  instrumentId: string;
  subscale: Subscale;
  def: InstrumentDefinition;
  versions: number[];
  names: [score: string, answered: string, prorated: string];
}

function scaleOf(def: InstrumentDefinition, item: InstrumentItem): ResponseScale | undefined {
  return item.type === 'scale' || item.type === 'choice' ? def.scales.find((s) => s.id === item.scale) : undefined;
}

/** The options of a multiple-choice item, scored and not scored, each one variable; none for other items. */
function optionsOf(def: InstrumentDefinition, item: InstrumentItem): { code: number; label: LocalizedText }[] {
  if (item.type !== 'multiple') return [];
  const scale = def.scales.find((s) => s.id === item.scale);
  return scale ? [...scale.options, ...scale.notScored] : [];
}

/** The part of an option variable's name after the item id: the code, a negative one as `m` + digits (`_m1`). */
const optionSuffix = (code: number): string => (code < 0 ? `m${-code}` : String(code));

/** When an item is shown, in words: "Getoond als vraag co_rol = 3 (Anders)"; empty for an item always shown. */
function shownWhenText(def: InstrumentDefinition, item: InstrumentItem, terms: ExportTerms, language: Locale): string {
  if (!item.showWhen) return '';
  const condition = def.items.find((it) => it.id === item.showWhen!.item);
  const scale = condition && 'scale' in condition ? def.scales.find((sc) => sc.id === condition.scale) : undefined;
  const codes = item.showWhen.anyOf
    .map((code) => {
      const option = scale && [...scale.options, ...scale.notScored].find((o) => o.code === code);
      return option ? `${code} (${inLocale(option.label, language)})` : String(code);
    })
    .join(terms.structure.or);
  return condition?.type === 'multiple' ? terms.structure.shownWhenTicked(item.showWhen.item, codes) : terms.structure.shownWhen(item.showWhen.item, codes);
}

const itemKey = (instrumentId: string, itemId: string) => `${instrumentId}/${itemId}`;
const optionKey = (instrumentId: string, itemId: string, code: number) => `${instrumentId}/${itemId}#${code}`;

function labelsOf(scale: ResponseScale | undefined, language: Locale): { valueLabels: ValueLabel[]; missing: number[] } {
  if (!scale) return { valueLabels: [], missing: [] };
  return {
    valueLabels: [...scale.options, ...scale.notScored].map((o) => ({ code: o.code, label: inLocale(o.label, language) })),
    missing: scale.notScored.map((o) => o.code),
  };
}

const joinLabels = (labels: ValueLabel[]) => labels.map((l) => `${l.code} = ${l.label}`).join('; ');

/** Responses handled between two yields of datasetSteps. */
const RESPONSES_PER_STEP = 250;

/** Builds the dataset in one go (see datasetSteps for the same work in steps). */
export function buildDataset(source: ExportSource, options: DatasetOptions): Dataset {
  const steps = datasetSteps(source, options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * The dataset, built in steps: the generator yields the number of responses handled so far every
 * few hundred responses, so a caller can give the event loop a turn in between (the export does).
 */
export function* datasetSteps(source: ExportSource, options: DatasetOptions): Generator<number, Dataset, void> {
  const terms = EXPORT_TERMS[options.language];
  const lang = options.language;
  const selected = new Set(source.instrumentIds);
  const networkName = new Map(source.networks.map((n) => [n.id, n.name]));
  const waveById = new Map(source.waves.map((w) => [w.id, w]));
  const selectedRefs = (wave: SourceWave) => wave.instruments.filter((r) => selected.has(r.instrumentId));

  // Instrument versions in use, per id in the chosen order; the latest version describes an item.
  const versionsOf = new Map<string, number[]>();
  for (const wave of source.waves) {
    for (const ref of selectedRefs(wave)) {
      const list = versionsOf.get(ref.instrumentId) ?? [];
      if (!list.includes(ref.version)) list.push(ref.version);
      versionsOf.set(ref.instrumentId, list.sort((a, b) => a - b));
    }
  }
  const instrumentOrder = source.instrumentIds.filter((id) => versionsOf.has(id));
  const instrumentsUsed: InstrumentRef[] = instrumentOrder.flatMap((id) => versionsOf.get(id)!.map((version) => ({ instrumentId: id, version })));

  // The role group comes from ag_rol when a wave asks it (Achtergrond), whichever instruments are chosen.
  const roleSource = (wave: SourceWave): { instrumentId: string; def: InstrumentDefinition } | null => {
    for (const ref of wave.instruments) {
      const def = source.definition(ref);
      if (def.items.some((it) => it.id === ROLE_ITEM && it.type === 'choice')) return { instrumentId: ref.instrumentId, def };
    }
    return null;
  };
  const roleOfWave = new Map(source.waves.map((w) => [w.id, roleSource(w)]));
  const hasRole = [...roleOfWave.values()].some((r) => r !== null);

  // --- Fixed columns of the long layout ---
  const f = terms.fixed;
  const codes = options.values === 'codes';
  const statusLabels: ValueLabel[] = [
    { code: 1, label: terms.statusLabels.complete },
    { code: 0, label: terms.statusLabels.in_progress },
  ];
  const modeLabels: ValueLabel[] = (Object.keys(MODE_CODES) as ResponseMode[]).map((m) => ({ code: MODE_CODES[m], label: terms.modeLabels[m] }));
  const roleScale = (() => {
    for (const w of source.waves) {
      const src = roleOfWave.get(w.id);
      const item = src?.def.items.find((it) => it.id === ROLE_ITEM);
      if (src && item) return scaleOf(src.def, item);
    }
    return undefined;
  })();
  const roleLabels = labelsOf(roleScale, lang);

  const text = (fixed: { name: string; label: string }, width?: number): Column => ({ name: fixed.name, label: fixed.label, kind: 'text', level: 'nominal', width });
  const coded = (fixed: { name: string; label: string }, valueLabels: ValueLabel[], missing: number[] = []): Column =>
    codes
      ? { name: fixed.name, label: fixed.label, kind: 'integer', level: 'nominal', valueLabels, missingCodes: missing }
      : { name: fixed.name, label: fixed.label, kind: 'text', level: 'nominal' };
  const fixedColumns: Column[] = [
    text(f.network, 24),
    text(f.wave, 12),
    text(f.waveKind, 14),
    text(f.respondent, 14),
    text(f.organisation, 24),
    ...(hasRole ? [coded(f.roleGroup, roleLabels.valueLabels, roleLabels.missing)] : []),
    coded(f.mode, modeLabels),
    coded(f.status, statusLabels),
    // Local time for people and spreadsheets, and beside it the same moment with its UTC offset.
    { name: f.started.name, label: f.started.label, kind: 'datetime', level: 'scale', exactText: f.startedExact.name },
    text(f.startedExact, 26),
    { name: f.completed.name, label: f.completed.label, kind: 'datetime', level: 'scale', exactText: f.completedExact.name },
    text(f.completedExact, 26),
  ];
  const namer = new VariableNamer(fixedColumns.map((c) => c.name));

  /**
   * What an instrument's versions in use contain (its items, its subscales), each once by id: in
   * the latest version's order, those only in older versions after it; described by the newest
   * version that has it, with the versions (oldest first) that do.
   */
  const acrossVersions = <P extends { id: string }>(instrumentId: string, partsOf: (def: InstrumentDefinition) => readonly P[]) => {
    const seen = new Map<string, { part: P; def: InstrumentDefinition; versions: number[] }>();
    for (const version of [...versionsOf.get(instrumentId)!].reverse()) {
      const def = source.definition({ instrumentId, version });
      for (const part of partsOf(def)) {
        const existing = seen.get(part.id);
        if (existing) existing.versions.unshift(version);
        else seen.set(part.id, { part, def, versions: [version] });
      }
    }
    return [...seen.values()];
  };

  // --- Item columns: per chosen instrument, the items of all versions in use ---
  // A multiple-choice item is one 0/1 variable per option ({itemId}_{code}).
  const itemColumns: ItemColumn[] = instrumentOrder.flatMap((instrumentId) =>
    // Answers about partner organisations are not item answers: the network map's edge list carries them (exportPartnerNetwork).
    acrossVersions(instrumentId, (def) => def.items.filter((item) => (item.type !== 'open' || options.includeOpenAnswers) && item.type !== 'relation')).flatMap(
      ({ part: item, def, versions }): ItemColumn[] =>
        item.type === 'multiple'
          ? optionsOf(def, item).map((option) => ({
              instrumentId,
              key: optionKey(instrumentId, item.id, option.code),
              item,
              option,
              def,
              versions,
              name: namer.name(item.id, optionSuffix(option.code)),
              wideNames: [],
            }))
          : [{ instrumentId, key: itemKey(instrumentId, item.id), item, option: null, def, versions, name: namer.name(item.id), wideNames: [] }],
    ),
  );
  const s = terms.structure;
  const tickedLabels: ValueLabel[] = [
    { code: 0, label: s.tickedLabels[0] },
    { code: 1, label: s.tickedLabels[1] },
  ];
  const itemColumnDefs: Column[] = itemColumns.map((col) => {
    if (col.option) {
      const label = s.optionLabel(inLocale(col.item.label, lang), inLocale(col.option.label, lang));
      return codes ? { name: col.name, label, kind: 'integer', level: 'nominal', valueLabels: tickedLabels } : { name: col.name, label, kind: 'text', level: 'nominal', width: 18 };
    }
    const scale = scaleOf(col.def, col.item);
    const labels = labelsOf(scale, lang);
    const base = { name: col.name, label: inLocale(col.item.text, lang) };
    if (col.item.type === 'open') return { ...base, kind: 'text', level: 'nominal', width: 40 };
    if (col.item.type === 'number') return { ...base, kind: 'integer', level: 'scale' };
    if (!codes) return { ...base, kind: 'text', level: col.item.type === 'scale' ? 'ordinal' : 'nominal', width: 18 };
    return { ...base, kind: 'integer', level: col.item.type === 'scale' ? 'ordinal' : 'nominal', valueLabels: labels.valueLabels, missingCodes: labels.missing };
  });

  // --- Score columns: per instrument with subscales, score, items answered and the prorated flag ---
  const scoreGroups: ScoreColumnGroup[] = instrumentOrder.flatMap((instrumentId) =>
    acrossVersions(instrumentId, (def) => def.subscales).map(
      ({ part: subscale, def, versions }): ScoreColumnGroup => ({
        instrumentId,
        subscale,
        def,
        versions,
        names: [namer.name(subscale.id), namer.name(subscale.id, 'n'), namer.name(subscale.id, 'prorated')],
      }),
    ),
  );
  const proratedLabels: ValueLabel[] = [
    { code: 0, label: terms.scores.proratedLabels[0] },
    { code: 1, label: terms.scores.proratedLabels[1] },
  ];
  const scoreColumns: Column[] = scoreGroups.flatMap((g) => {
    const label = inLocale(g.subscale.label, lang);
    return [
      { name: g.names[0], label: terms.scores.score(label), kind: 'decimal', level: 'scale' },
      { name: g.names[1], label: terms.scores.answered(label, g.subscale.items.length), kind: 'integer', level: 'scale' },
      { name: g.names[2], label: terms.scores.prorated(label), kind: 'integer', level: 'nominal', valueLabels: proratedLabels },
    ] satisfies Column[];
  });

  // --- Long rows and score rows ---
  const itemIndex = new Map(itemColumns.map((c, i) => [c.key, fixedColumns.length + i]));
  // Per instrument version, what may be hidden (null: nothing), so a response's hidden items are found from its condition answers.
  const plans = new Map<InstrumentDefinition, VisibilityPlan | null>();
  const planOf = (def: InstrumentDefinition) => {
    if (!plans.has(def)) plans.set(def, visibilityPlan(def));
    return plans.get(def)!;
  };
  const noneHidden: ReadonlySet<string> = new Set();
  const defsOfWave = new Map(
    source.waves.map((w) => [w.id, selectedRefs(w).map((ref) => ({ ref, def: source.definition(ref) }))]),
  );
  const labelFor = (def: InstrumentDefinition, item: InstrumentItem, code: number): Cell => {
    const scale = scaleOf(def, item);
    const option = scale && [...scale.options, ...scale.notScored].find((o) => o.code === code);
    return option ? inLocale(option.label, lang) : code;
  };
  const scoreIndex = new Map(scoreGroups.map((g, i) => [`${g.instrumentId}/${g.subscale.id}`, i * 3]));

  const longRows: Cell[][] = [];
  const scoreRows: Cell[][] = [];
  let handled = 0;
  for (const r of source.responses) {
    if (++handled % RESPONSES_PER_STEP === 0) yield handled;
    const wave = waveById.get(r.waveId);
    if (!wave) continue;
    const row: Cell[] = new Array<Cell>(fixedColumns.length + itemColumns.length).fill(null);
    const role = roleOfWave.get(wave.id);
    const roleCode = role ? r.codes.get(role.instrumentId)?.get(ROLE_ITEM) : undefined;
    const roleItem = role?.def.items.find((it) => it.id === ROLE_ITEM);
    const roleCell: Cell = roleCode === undefined || !role || !roleItem ? null : codes ? roleCode : labelFor(role.def, roleItem, roleCode);
    const started = new Date(r.startedAt);
    const completed = r.completedAt ? new Date(r.completedAt) : null;
    const fixed: Cell[] = [
      networkName.get(r.networkId) ?? '',
      wave.label,
      codes ? wave.kind : terms.waveKinds[wave.kind],
      r.respondentCode,
      r.organisationName,
      ...(hasRole ? [roleCell] : []),
      codes ? MODE_CODES[r.mode] : terms.modeLabels[r.mode],
      codes ? STATUS_CODES[r.status] : terms.statusLabels[r.status],
      started,
      formatIsoWithOffset(started),
      completed,
      completed && formatIsoWithOffset(completed),
    ];
    for (let i = 0; i < fixed.length; i++) row[i] = fixed[i]!;

    const scores: Cell[] = new Array<Cell>(scoreColumns.length).fill(null);
    for (const { ref, def } of defsOfWave.get(wave.id) ?? []) {
      const instrumentCodes = r.codes.get(ref.instrumentId);
      const instrumentTexts = r.texts.get(ref.instrumentId);
      // The stored answer of an item this respondent was not shown counts nowhere: its cells stay empty.
      const plan = planOf(def);
      const hidden = plan ? new Set(hiddenItemIds(plan, (id) => instrumentCodes?.get(id) ?? instrumentTexts?.get(id))) : noneHidden;
      for (const item of def.items) {
        if (hidden.has(item.id)) continue;
        if (item.type === 'multiple') {
          const ticked = tickedCodes(instrumentTexts?.get(item.id));
          if (!ticked) continue;
          for (const option of optionsOf(def, item)) {
            const at = itemIndex.get(optionKey(ref.instrumentId, item.id, option.code));
            const on = ticked.includes(option.code) ? 1 : 0;
            if (at !== undefined) row[at] = codes ? on : tickedLabels[on]!.label;
          }
          continue;
        }
        const col = itemIndex.get(itemKey(ref.instrumentId, item.id));
        if (col === undefined) continue;
        if (item.type === 'open') {
          row[col] = instrumentTexts?.get(item.id) ?? null;
          continue;
        }
        const code = instrumentCodes?.get(item.id);
        if (code === undefined) continue;
        row[col] = codes || item.type === 'number' ? code : labelFor(def, item, code);
      }
      for (const subscale of def.subscales) {
        const at = scoreIndex.get(`${ref.instrumentId}/${subscale.id}`);
        if (at === undefined) continue;
        const score = scoreSubscale(def, subscale, instrumentCodes ?? new Map(), hidden);
        scores[at] = score.score;
        scores[at + 1] = score.answered;
        scores[at + 2] = score.score === null ? null : score.prorated ? 1 : 0;
      }
    }
    longRows.push(row);
    scoreRows.push(scores);
  }

  // --- Wide layout: one row per respondent code per network, items suffixed per wave ---
  const { suffixOf, order } = waveSuffixes(source.waves);
  const wideNamer = new VariableNamer([f.network.name, f.respondent.name]);
  const wideColumns: Column[] = [text(f.network, 24), text(f.respondent, 14)];
  const wideIndex = new Map<string, number>();
  const wideOrgNames: string[] = [];
  const wideStatusNames: string[] = [];
  const present = new Map<string, Set<string>>(); // suffix → item keys asked in a wave with that suffix
  for (const wave of source.waves) {
    const suffix = suffixOf.get(wave.id)!;
    const keys = present.get(suffix) ?? new Set<string>();
    for (const { ref, def } of defsOfWave.get(wave.id) ?? []) {
      for (const item of def.items) {
        keys.add(itemKey(ref.instrumentId, item.id));
        for (const option of optionsOf(def, item)) keys.add(optionKey(ref.instrumentId, item.id, option.code));
      }
    }
    present.set(suffix, keys);
  }
  for (const suffix of order) {
    const orgName = wideNamer.name(f.organisation.name, suffix);
    const statusName = wideNamer.name(f.status.name, suffix);
    wideOrgNames.push(orgName);
    wideStatusNames.push(statusName);
    wideIndex.set(`${suffix}|org`, wideColumns.length);
    wideColumns.push(text({ name: orgName, label: terms.perWave.organisation(suffix) }, 24));
    wideIndex.set(`${suffix}|status`, wideColumns.length);
    const statusColumn = coded({ name: statusName, label: terms.perWave.status(suffix) }, statusLabels);
    wideColumns.push(statusColumn);
    const keys = present.get(suffix)!;
    itemColumns.forEach((col, i) => {
      const key = col.key;
      if (!keys.has(key)) return;
      const name = wideNamer.name(col.name, suffix);
      col.wideNames.push(name);
      wideIndex.set(`${suffix}|${key}`, wideColumns.length);
      const base = itemColumnDefs[i]!;
      wideColumns.push({ ...base, name, label: terms.perWave.item(base.label ?? inLocale(col.item.label, lang), suffix) });
    });
  }
  const networkRank = new Map(source.networks.map((n, i) => [n.id, i]));
  const wideEntries: { rank: number; code: string; row: Cell[] }[] = [];
  const wideRowOf = new Map<string, Cell[]>();
  const statusAt = fixedColumns.findIndex((c) => c.name === f.status.name);
  source.responses.forEach((r, index) => {
    const wave = waveById.get(r.waveId);
    if (!wave) return;
    const suffix = suffixOf.get(wave.id)!;
    const key = `${r.networkId}\u0000${r.respondentCode}`;
    let row = wideRowOf.get(key);
    if (!row) {
      row = new Array<Cell>(wideColumns.length).fill(null);
      row[0] = networkName.get(r.networkId) ?? '';
      row[1] = r.respondentCode;
      wideRowOf.set(key, row);
      wideEntries.push({ rank: networkRank.get(r.networkId) ?? 0, code: r.respondentCode, row });
    }
    const long = longRows[index]!;
    row[wideIndex.get(`${suffix}|org`)!] = r.organisationName;
    row[wideIndex.get(`${suffix}|status`)!] = long[statusAt]!;
    for (const col of itemColumns) {
      const at = wideIndex.get(`${suffix}|${col.key}`);
      if (at !== undefined) row[at] = long[itemIndex.get(col.key)!]!;
    }
  });
  // Networks in the chosen order, respondents by code within a network.
  wideEntries.sort((a, b) => a.rank - b.rank || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const wideRows = wideEntries.map((e) => e.row);

  // --- Codebook ---
  const cb = terms.codebook;
  const sheets = terms.sheets;
  const instrumentName = (id: string, version: number) => inLocale(source.definition({ instrumentId: id, version }).name, lang);
  const blank: Omit<CodebookEntry, 'variable' | 'label' | 'type' | 'level' | 'sheets'> = {
    question: '',
    instrument: '',
    version: '',
    subscale: '',
    values: '',
    notScored: '',
    missing: '',
    reverse: '',
    required: '',
    shownWhen: '',
    derivation: '',
    wide: [],
  };
  /** Not-scored codes and what counts as missing, for a coded variable (an item, or the role group taken from ag_rol). */
  const missingOf = (labels: { valueLabels: ValueLabel[]; missing: number[] }) => {
    const notScored = labels.valueLabels.filter((l) => labels.missing.includes(l.code));
    return {
      notScored: joinLabels(notScored),
      missing: [cb.missingBlank, ...(notScored.length ? [cb.missingNotScored(notScored.map((l) => l.code).join(', '))] : [])].join('; '),
    };
  };
  // Derivations name the variables as exported: an item or score renamed for a clash or the length limit goes by its new name.
  const itemName = new Map(itemColumns.map((c) => [c.key, c.name]));
  const scoreName = new Map(scoreGroups.map((g) => [`${g.instrumentId}/${g.subscale.id}`, g.names[0]]));
  const exportedItem = (instrumentId: string, itemId: string) => itemName.get(itemKey(instrumentId, itemId)) ?? itemId;
  const subscaleTitle = (instrumentId: string, subscale: Subscale) => `${scoreName.get(`${instrumentId}/${subscale.id}`) ?? subscale.id} (${inLocale(subscale.label, lang)})`;
  const localOf = new Map(fixedColumns.flatMap((c) => (c.exactText ? [[c.exactText, c.name] as const] : [])));
  const codebook: CodebookEntry[] = [];
  for (const col of fixedColumns) {
    const entry: CodebookEntry = {
      ...blank,
      variable: col.name,
      label: col.label ?? '',
      type: col.kind === 'datetime' ? cb.types.datetime : col.valueLabels?.length ? cb.types.code : cb.types.text,
      level: col.level ?? 'nominal',
      sheets: [sheets.long],
    };
    if (col.name === f.roleGroup.name) {
      entry.values = joinLabels(roleLabels.valueLabels);
      Object.assign(entry, missingOf(roleLabels));
      entry.derivation = cb.roleDerivation;
    }
    if (col.exactText) entry.derivation = cb.localTimeDerivation(col.exactText);
    const local = localOf.get(col.name);
    if (local) Object.assign(entry, { type: cb.types.exactMoment, derivation: cb.exactMomentDerivation(local) });
    if (col.name === f.mode.name) entry.values = joinLabels(modeLabels);
    if (col.name === f.status.name) {
      entry.values = joinLabels(statusLabels);
      entry.sheets = [sheets.long, sheets.wide, sheets.scores];
      entry.wide = wideStatusNames;
    }
    if (col.name === f.organisation.name) entry.wide = wideOrgNames;
    if (col.name === f.network.name || col.name === f.respondent.name) entry.sheets = [sheets.long, sheets.wide, sheets.scores];
    if (col.name === f.wave.name) entry.sheets = [sheets.long, sheets.scores];
    if (col.name === f.waveKind.name && codes) entry.values = (['T0', 'T1', 'T2', 'custom'] as const).map((k) => `${k} = ${terms.waveKinds[k]}`).join('; ');
    codebook.push(entry);
  }
  for (const col of itemColumns) {
    const { item, def } = col;
    const scale = scaleOf(def, item);
    const labels = labelsOf(scale, lang);
    const shown = { required: item.required ? terms.yes : terms.no, shownWhen: shownWhenText(def, item, terms, lang) };
    if (col.option) {
      codebook.push({
        ...blank,
        ...shown,
        variable: col.name,
        label: itemColumnDefs[itemColumns.indexOf(col)]!.label ?? '',
        question: inLocale(item.text, lang),
        instrument: instrumentName(col.instrumentId, col.versions.at(-1)!),
        version: col.versions.join(', '),
        type: s.optionType(item.type === 'multiple' ? item.scale : '', col.option.code, inLocale(col.option.label, lang)),
        level: 'nominal',
        values: joinLabels(tickedLabels),
        missing: s.optionMissing,
        sheets: [sheets.long, sheets.wide],
        wide: col.wideNames,
      });
      continue;
    }
    const subscales = def.subscales.filter((sub) => sub.items.includes(item.id)).map((sub) => subscaleTitle(col.instrumentId, sub));
    const type =
      item.type === 'scale' ? cb.types.scale(item.scale) : item.type === 'choice' ? cb.types.choice(item.scale) : item.type === 'number' ? cb.types.number(item.min, item.max) : cb.types.open;
    codebook.push({
      variable: col.name,
      label: inLocale(item.label, lang),
      question: inLocale(item.text, lang),
      instrument: instrumentName(col.instrumentId, col.versions.at(-1)!),
      version: col.versions.join(', '),
      subscale: subscales.join('; '),
      type,
      level: item.type === 'scale' ? 'ordinal' : item.type === 'number' ? 'scale' : 'nominal',
      values: item.type === 'number' ? `${item.min}–${item.max}` : joinLabels(labels.valueLabels),
      ...missingOf(labels),
      ...(item.showWhen ? { missing: [s.hiddenMissing, ...missingOf(labels).missing.split('; ').slice(1)].join('; ') } : {}),
      reverse: item.type === 'scale' ? (item.reverse ? terms.yes : terms.no) : '',
      ...shown,
      derivation: '',
      sheets: [sheets.long, sheets.wide],
      wide: col.wideNames,
    });
  }
  for (const g of scoreGroups) {
    const { subscale, def } = g;
    const total = subscale.items.length;
    const needed = Math.ceil(subscale.minAnsweredShare * total - 1e-9);
    const reversed = subscale.items
      .map((id) => def.items.find((it) => it.id === id))
      .filter((it): it is Extract<InstrumentItem, { type: 'scale' }> => it?.type === 'scale' && it.reverse)
      .map((it) => {
        const scored = scaleOf(def, it)?.options.map((o) => o.code) ?? [];
        return cb.reversed(exportedItem(g.instrumentId, it.id), `${Math.min(...scored) + Math.max(...scored)} − code`);
      })
      .join('');
    const common = {
      ...blank,
      instrument: instrumentName(g.instrumentId, g.versions.at(-1)!),
      version: g.versions.join(', '),
      subscale: subscaleTitle(g.instrumentId, subscale),
      sheets: [sheets.scores],
    };
    codebook.push({
      ...common,
      variable: g.names[0],
      label: terms.scores.score(inLocale(subscale.label, lang)),
      type: cb.types.score,
      level: 'scale',
      missing: cb.missingBlank,
      derivation: cb.scoreDerivation(subscale.items.map((id) => exportedItem(g.instrumentId, id)).join(', '), subscale.minAnsweredShare, needed, total, reversed),
    });
    codebook.push({
      ...common,
      variable: g.names[1],
      label: terms.scores.answered(inLocale(subscale.label, lang), total),
      type: cb.types.count,
      level: 'scale',
      values: `0–${total}`,
      derivation: cb.answeredDerivation(g.names[0]),
    });
    codebook.push({
      ...common,
      variable: g.names[2],
      label: terms.scores.prorated(inLocale(subscale.label, lang)),
      type: cb.types.flag,
      level: 'nominal',
      values: joinLabels(proratedLabels),
      missing: cb.missingBlank,
      derivation: cb.proratedDerivation(g.names[0]),
    });
  }

  for (const { key, sheets: concerns } of EXPORT_METHODS) {
    const method = terms.methods[key];
    codebook.push({ ...blank, variable: '', label: method.topic, type: cb.types.method, level: null, derivation: method.text, sheets: concerns.map((k) => sheets[k]) });
  }

  return {
    long: { name: sheets.long, columns: [...fixedColumns, ...itemColumnDefs], rows: longRows },
    wide: { name: sheets.wide, columns: wideColumns, rows: wideRows },
    scoreColumns,
    scoreRows,
    keyColumns: [0, 1, 3, statusAt],
    codebook,
    instrumentsUsed,
  };
}

/** The *Scores* sheet: the identifying columns of each long row, then the score block. */
export function scoresTable(dataset: Dataset, language: Locale): Table {
  const keys = dataset.keyColumns.map((i) => dataset.long.columns[i]!);
  return {
    name: EXPORT_TERMS[language].sheets.scores,
    columns: [...keys, ...dataset.scoreColumns],
    rows: dataset.long.rows.map((row, r) => [...dataset.keyColumns.map((i) => row[i]!), ...dataset.scoreRows[r]!]),
  };
}

/** The long data with the scores appended: what the CSV holds (one file, one row per response). */
export function longWithScores(dataset: Dataset): Table {
  return {
    name: dataset.long.name,
    columns: [...dataset.long.columns, ...dataset.scoreColumns],
    rows: dataset.long.rows.map((row, r) => row.concat(dataset.scoreRows[r]!)),
  };
}

/** How wide each codebook column is, in characters. */
const CODEBOOK_WIDTHS: Record<CodebookColumn, number> = {
  variable: 18,
  label: 28,
  question: 50,
  instrument: 24,
  version: 8,
  subscale: 28,
  type: 26,
  level: 14,
  values: 50,
  notScored: 24,
  missing: 40,
  reverse: 10,
  required: 10,
  shownWhen: 40,
  derivation: 60,
  sheet: 28,
  wide: 40,
};

/** The columns about workbook sheets, left out of the codebook file beside a CSV (the CSV is one table). */
const WORKBOOK_ONLY: readonly CodebookColumn[] = ['sheet', 'wide'];

/**
 * The codebook as a table: the workbook's *Codeboek* sheet, or (`csv`) the codebook file beside the
 * CSV, which leaves out the columns about workbook sheets.
 */
export function codebookTable(dataset: Dataset, language: Locale, layout: 'workbook' | 'csv' = 'workbook'): Table {
  const t: ExportTerms = EXPORT_TERMS[language];
  const columns = CODEBOOK_COLUMNS.filter((column) => layout === 'workbook' || !WORKBOOK_ONLY.includes(column));
  const cell = (e: CodebookEntry, column: CodebookColumn): string | null =>
    column === 'level' ? e.level && t.codebook.levels[e.level] : column === 'sheet' ? e.sheets.join(', ') : column === 'wide' ? e.wide.join(', ') : e[column];
  return {
    name: t.sheets.codebook,
    columns: columns.map((column) => ({ name: t.codebook.headers[column], kind: 'text', width: CODEBOOK_WIDTHS[column] })),
    rows: dataset.codebook.map((e) => columns.map((column) => cell(e, column))),
  };
}
