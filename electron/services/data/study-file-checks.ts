import { instrumentDefinition, type InstrumentDefinition, type InstrumentItem } from '../../../shared/instruments/schema';
import { multipleChoiceCodes } from '../../../shared/instruments/visibility';
import type { StudyData, StudyTable } from '../../../shared/study';
import type { Db } from '../../db/open';
import * as repo from '../../db/repositories/study';
import { ROW_NAMES, type ReadStudyFile } from './study-file-reading';
import type { ProblemKind, StudyFileProblems } from './study-file-problems';
import type { Steps } from './study-file-steps';

/**
 * The checks on a study file's rows that need more than one row, or this laptop's database: every
 * row once (by id), names, labels and codes once per network (case-insensitive, as the app
 * compares them), every reference pointing at a row of the same network in the file or here, the
 * parents of a row this laptop already has unchanged (an import never moves a row to another
 * network, wave or respondent), answers that fit their question and belong to an instrument their
 * wave uses, instrument definitions equal to this laptop's, plausible times, and erasures only of
 * respondents of the networks the file carries. Every problem is gathered (study-file-problems.ts).
 */

type Row<K extends keyof StudyData> = StudyData[K][number];

/** A day: how far a time in a file may lie after the moment the file says it was made (clocks differ). */
export const CLOCK_TOLERANCE_MS = 24 * 60 * 60 * 1000;
/** Nothing in a study file happened before this. */
const EARLIEST = Date.parse('2000-01-01T00:00:00Z');

/** The time fields of each table. */
const TIME_FIELDS: { [K in StudyTable]: readonly (keyof Row<K>)[] } = {
  networks: ['created_at', 'updated_at'],
  organisations: ['created_at', 'updated_at'],
  instruments: ['created_at', 'frozen_at'],
  waves: ['created_at', 'updated_at'],
  wave_instruments: [],
  occasions: ['created_at', 'updated_at'],
  respondents: ['created_at', 'updated_at'],
  responses: ['started_at', 'completed_at', 'updated_at', 'consent_at'],
  answers: ['updated_at'],
  audit_log: ['at'],
  erasures: ['erased_at'],
  link_decisions: ['decided_at'],
  discarded_responses: ['discarded_at'],
  removed_organisations: ['removed_at'],
  relation_answers: ['updated_at'],
};

/** Adds `value` to the list of `key` in `map`. */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Names compared as the app compares them (SQLite's NOCASE: ASCII letters only). */
export const nocase = (text: string) => text.replace(/[A-Z]+/g, (s) => s.toLowerCase());

/** An instrument version with its items at hand. */
export interface KnownInstrument {
  def: InstrumentDefinition;
  items: Map<string, InstrumentItem>;
  /** Per scale, choice or relation item, the codes it accepts. */
  codes: Map<string, Set<number>>;
}

function known(def: InstrumentDefinition): KnownInstrument {
  const scales = new Map(def.scales.map((s) => [s.id, new Set([...s.options, ...s.notScored].map((o) => o.code))]));
  const codes = new Map<string, Set<number>>();
  for (const item of def.items) if (item.type === 'scale' || item.type === 'choice' || item.type === 'multiple' || item.type === 'relation') codes.set(item.id, scales.get(item.scale) ?? new Set());
  return { def, items: new Map(def.items.map((i) => [i.id, i])), codes };
}

/** Whether an answer is one the API would have stored for this item (see saveAnswer). */
function answerFits(instrument: KnownInstrument, item: InstrumentItem, a: Row<'answers'>): boolean {
  if (item.type === 'open') return a.value === null && a.text !== null && a.text.trim() !== '' && a.text.length <= item.maxLength;
  if (item.type === 'multiple') {
    const ticked = a.value === null && a.text !== null ? multipleChoiceCodes(a.text) : null;
    const options = instrument.codes.get(item.id);
    return ticked !== null && options !== undefined && ticked.every((code) => options.has(code));
  }
  // Answers about partner organisations have their own table (relation_answers).
  if (item.type === 'relation') return false;
  if (a.text !== null || a.value === null) return false;
  if (item.type === 'number') return a.value >= item.min && a.value <= item.max;
  return instrument.codes.get(item.id)?.has(a.value) ?? false;
}

/** What the checks learned about the file, for planning the merge. */
export interface StudyFileIndex {
  instruments: Map<string, KnownInstrument | null>;
  /** A wave's instrument references ("id@version") in position order, as the file has them. */
  fileWaveRefs: Map<string, string[]>;
  answersOf: Map<string, Row<'answers'>[]>;
  /** Per response id in the file, its answers about partner organisations. */
  relationsOf: Map<string, Row<'relation_answers'>[]>;
  networkName: (id: string) => string;
}

const refOf = (instrumentId: string, version: number) => `${instrumentId}@${version}`;

export async function checkStudyRows(db: Db, { file, invalidIds }: ReadStudyFile, now: string, steps: Steps, problems: StudyFileProblems): Promise<StudyFileIndex> {
  const data = file.data;
  const where = (table: StudyTable, i: number, field: string) => `${ROW_NAMES[table]} ${i + 1} → ${field}`;
  /** A reference to a row left out for a wrong field is not reported again as missing. */
  const missing = (table: StudyTable, i: number, field: string, id: string) => {
    if (!invalidIds.has(id)) problems.add('missingReference', where(table, i, field));
  };
  steps.phase(
    'checking',
    Object.values(data).reduce((n, rows) => n + rows.length, 0),
  );

  // --- each row once -----------------------------------------------------------------------------
  const once = async <K extends StudyTable>(table: K, key: (row: Row<K>) => string) => {
    const seen = new Set<string>();
    await steps.each(data[table] as readonly Row<K>[], (row, i) => {
      const k = key(row);
      if (seen.has(k)) problems.add('rowTwice', `${ROW_NAMES[table]} ${i + 1}`);
      seen.add(k);
    });
  };
  await once('networks', (r) => r.id);
  await once('organisations', (r) => r.id);
  await once('instruments', (r) => refOf(r.instrument_id, r.version));
  await once('waves', (r) => r.id);
  await once('wave_instruments', (r) => `${r.wave_id}/${r.instrument_id}`);
  await once('occasions', (r) => r.id);
  await once('respondents', (r) => r.id);
  await once('responses', (r) => r.id);
  await once('answers', (r) => r.id);
  await once('answers', (r) => `${r.response_id}/${r.instrument_id}/${r.item_id}`);
  await once('relation_answers', (r) => r.id);
  await once('relation_answers', (r) => `${r.response_id}/${r.instrument_id}/${r.item_id}/${r.organisation_id}`);
  await once('audit_log', (r) => r.id);
  await once('erasures', (r) => r.id);
  await once('link_decisions', (r) => r.id);
  await once('discarded_responses', (r) => r.id);
  await once('removed_organisations', (r) => r.id);

  // --- plausible times ---------------------------------------------------------------------------
  const createdAt = Date.parse(file.manifest.createdAt);
  if (createdAt > Date.parse(now) + CLOCK_TOLERANCE_MS) {
    problems.add('fileFromFuture', `gemaakt op ${file.manifest.createdAt}, terwijl het op deze laptop ${now} is`);
  }
  const latest = createdAt + CLOCK_TOLERANCE_MS;
  for (const table of Object.keys(TIME_FIELDS) as StudyTable[]) {
    const fields = TIME_FIELDS[table] as readonly string[];
    if (fields.length === 0) continue;
    await steps.each(data[table] as readonly Record<string, unknown>[], (row, i) => {
      for (const field of fields) {
        const value = row[field];
        if (typeof value !== 'string') continue;
        const at = Date.parse(value);
        if (at < EARLIEST || at > latest) problems.add('implausibleTime', `${ROW_NAMES[table]} ${i + 1} → ${field}: ${value}`);
      }
    });
  }

  // --- networks and names ------------------------------------------------------------------------
  const fileNetworks = new Map(data.networks.map((n) => [n.id, n]));
  const networkName = (id: string) => fileNetworks.get(id)?.name ?? repo.networkName(db, id) ?? id;
  const networkKnown = (id: string) => fileNetworks.has(id) || repo.exists.network(db, id);
  /** A row this laptop has under another network than the file says. */
  const moved = (table: StudyTable, i: number, here: string, there: string) =>
    problems.add('movedRow', `${ROW_NAMES[table]} ${i + 1} (hier bij netwerk ${networkName(here)}, in het bestand bij netwerk ${networkName(there)})`);
  /**
   * Rows that belong to a network (organisations, waves, respondents): the network is in the file or
   * here, a row this laptop already has stays in its network, and a name (label, code) comes once per network.
   */
  const checkNetworkRows = async <R extends { id: string; network_id: string }>(
    table: 'organisations' | 'waves' | 'respondents',
    rows: readonly R[],
    how: { here: (id: string) => { networkId: string } | undefined; name: (row: R) => string; twice: ProblemKind; more?: (row: R, i: number) => void },
  ) => {
    const seen = new Set<string>();
    await steps.each(rows, (row, i) => {
      if (!networkKnown(row.network_id)) missing(table, i, 'network_id', row.network_id);
      const here = how.here(row.id);
      if (here && here.networkId !== row.network_id) moved(table, i, here.networkId, row.network_id);
      const key = `${row.network_id}/${nocase(how.name(row))}`;
      if (seen.has(key)) problems.add(how.twice, `"${how.name(row)}" in netwerk ${networkName(row.network_id)}`);
      seen.add(key);
      how.more?.(row, i);
    });
  };

  const fileOrgs = new Map(data.organisations.map((o) => [o.id, o]));
  const orgNetwork = (id: string) => fileOrgs.get(id)?.network_id ?? repo.exists.organisation(db, id)?.networkId;
  await checkNetworkRows('organisations', data.organisations, { here: (id) => repo.exists.organisation(db, id), name: (o) => o.name, twice: 'duplicateOrganisation' });

  // --- instruments: valid, and equal to this laptop's where both have a version ------------------
  const instruments = new Map<string, KnownInstrument | null>();
  data.instruments.forEach((ins, i) => {
    let def: InstrumentDefinition;
    try {
      def = instrumentDefinition.parse(JSON.parse(ins.definition));
    } catch {
      problems.add('instrumentInvalid', `vragenlijst ${i + 1} (${ins.instrument_id} versie ${ins.version})`);
      return;
    }
    if (def.id !== ins.instrument_id || def.version !== ins.version) {
      problems.add('instrumentInvalid', `vragenlijst ${i + 1} (${ins.instrument_id} versie ${ins.version} bevat de definitie van ${def.id} versie ${def.version})`);
      return;
    }
    const local = repo.instrumentDefinitionText(db, ins.instrument_id, ins.version);
    if (local !== undefined && JSON.stringify(instrumentDefinition.parse(JSON.parse(local))) !== JSON.stringify(def)) {
      problems.add('instrumentDiffers', `${ins.instrument_id} versie ${ins.version}`);
    }
    instruments.set(refOf(ins.instrument_id, ins.version), known(def));
  });
  const instrument = (instrumentId: string, version: number): KnownInstrument | null => {
    const key = refOf(instrumentId, version);
    if (!instruments.has(key)) {
      const local = repo.instrumentDefinitionText(db, instrumentId, version);
      instruments.set(key, local === undefined ? null : known(instrumentDefinition.parse(JSON.parse(local))));
    }
    return instruments.get(key)!;
  };

  // --- waves and their instruments ---------------------------------------------------------------
  const fileWaves = new Map(data.waves.map((w) => [w.id, w]));
  const waveNetwork = (id: string) => fileWaves.get(id)?.network_id ?? repo.exists.wave(db, id)?.networkId;
  await checkNetworkRows('waves', data.waves, { here: (id) => repo.exists.wave(db, id), name: (w) => w.label, twice: 'duplicateWave' });
  // Occasions (each MDO): in a wave of the file or here, never moved to another wave; a wave of an
  // occasion points to one in the file or here, of its own network, and keeps the occasion it has here.
  const fileOccasions = new Map(data.occasions.map((o) => [o.id, o]));
  const occasionLabels = new Set<string>();
  await steps.each(data.occasions, (o, i) => {
    if (!waveNetwork(o.wave_id)) missing('occasions', i, 'wave_id', o.wave_id);
    const here = repo.occasionRow(db, o.id);
    if (here && here.wave_id !== o.wave_id) problems.add('movedRow', `${ROW_NAMES.occasions} ${i + 1}`);
    const key = `${o.wave_id}/${nocase(o.label)}`;
    if (occasionLabels.has(key)) problems.add('rowTwice', `${ROW_NAMES.occasions} ${i + 1} ("${o.label}")`);
    occasionLabels.add(key);
  });
  await steps.each(data.waves, (w, i) => {
    const here = repo.waveOccasion(db, w.id);
    if (here && (here.occasionId !== w.occasion_id || here.moment !== w.occasion_moment)) problems.add('movedRow', `${ROW_NAMES.waves} ${i + 1}`);
    if (w.occasion_id === null) return;
    const holding = fileOccasions.get(w.occasion_id)?.wave_id ?? repo.occasionRow(db, w.occasion_id)?.wave_id;
    if (holding === undefined) missing('waves', i, 'occasion_id', w.occasion_id);
    else if (waveNetwork(holding) !== undefined && waveNetwork(holding) !== w.network_id) problems.add('otherNetwork', `${ROW_NAMES.waves} ${i + 1} → occasion_id`);
  });
  const fileWaveInstruments = new Map<string, Row<'wave_instruments'>[]>();
  await steps.each(data.wave_instruments, (wi, i) => {
    if (!fileWaves.has(wi.wave_id)) missing('wave_instruments', i, 'wave_id', wi.wave_id);
    if (!instrument(wi.instrument_id, wi.instrument_version)) missing('wave_instruments', i, 'instrument_id', refOf(wi.instrument_id, wi.instrument_version));
    addTo(fileWaveInstruments, wi.wave_id, wi);
  });
  const fileWaveRefs = new Map<string, string[]>();
  for (const [waveId, list] of fileWaveInstruments) {
    fileWaveRefs.set(
      waveId,
      [...list].sort((a, b) => a.position - b.position).map((wi) => refOf(wi.instrument_id, wi.instrument_version)),
    );
  }
  // The instruments a wave uses: this laptop's for a wave it has, else the file's.
  const usedByWave = new Map<string, Set<string>>();
  const waveUses = (waveId: string, ref: string) => {
    let refs = usedByWave.get(waveId);
    if (!refs) {
      refs = new Set(repo.exists.wave(db, waveId) ? repo.waveInstrumentRefs(db, waveId) : (fileWaveRefs.get(waveId) ?? []));
      usedByWave.set(waveId, refs);
    }
    return refs.has(ref);
  };

  // --- respondents -------------------------------------------------------------------------------
  const fileRespondents = new Map(data.respondents.map((r) => [r.id, r]));
  const respondentNetwork = (id: string) => fileRespondents.get(id)?.network_id ?? repo.exists.respondent(db, id)?.networkId;
  await checkNetworkRows('respondents', data.respondents, {
    here: (id) => repo.exists.respondent(db, id),
    name: (r) => r.code,
    twice: 'duplicateCode',
    more: (r, i) => {
      if (r.organisation_id === null) return;
      const network = orgNetwork(r.organisation_id);
      if (network === undefined) missing('respondents', i, 'organisation_id', r.organisation_id);
      else if (network !== r.network_id) problems.add('otherNetwork', where('respondents', i, 'organisation_id'));
    },
  });

  // --- responses ---------------------------------------------------------------------------------
  const fileResponses = new Map(data.responses.map((r) => [r.id, r]));
  await steps.each(data.responses, (r, i) => {
    const network = respondentNetwork(r.respondent_id);
    const wNetwork = waveNetwork(r.wave_id);
    if (network === undefined) missing('responses', i, 'respondent_id', r.respondent_id);
    if (wNetwork === undefined) missing('responses', i, 'wave_id', r.wave_id);
    if (network !== undefined && wNetwork !== undefined && network !== wNetwork) problems.add('otherNetwork', `${ROW_NAMES.responses} ${i + 1} (respondent en meting)`);
    if (r.organisation_id !== null && network !== undefined) {
      const orgIn = orgNetwork(r.organisation_id);
      if (orgIn === undefined) missing('responses', i, 'organisation_id', r.organisation_id);
      else if (orgIn !== network) problems.add('otherNetwork', where('responses', i, 'organisation_id'));
    }
    // The response's place here is checked against its mapped respondent and wave when the merge is planned.
  });

  // --- answers, and answers about partner organisations ---------------------------------------------
  /**
   * What both kinds of answer row share: not a row here under another response, a response in the
   * file, an instrument known and used by that response's wave, a known item and an answer it allows.
   * Returns the response, or undefined when the file has none of that id.
   */
  const checkAnswerRow = <T extends 'answers' | 'relation_answers'>(
    table: T,
    a: Row<T>,
    i: number,
    here: { responseId: string } | undefined,
    fits: (ins: KnownInstrument, item: InstrumentItem) => boolean,
    given: string | number,
  ) => {
    const row = `${ROW_NAMES[table]} ${i + 1}`;
    if (here && here.responseId !== a.response_id) problems.add('answerElsewhere', row);
    const response = fileResponses.get(a.response_id);
    if (!response) {
      missing(table, i, 'response_id', a.response_id);
      return undefined;
    }
    const ins = instrument(a.instrument_id, a.instrument_version);
    if (!ins) {
      missing(table, i, 'instrument_id', refOf(a.instrument_id, a.instrument_version));
      return response;
    }
    if (waveNetwork(response.wave_id) !== undefined && !waveUses(response.wave_id, refOf(a.instrument_id, a.instrument_version))) {
      problems.add('answerNotInWave', `${row} (${a.instrument_id} versie ${a.instrument_version})`);
    }
    const item = ins.items.get(a.item_id);
    if (!item) problems.add('answerUnknownItem', `${row} (vraag ${a.item_id} van ${a.instrument_id})`);
    else if (!fits(ins, item)) problems.add('answerInvalid', `${row} (vraag ${a.item_id}: ${given})`);
    return response;
  };

  const answersOf = new Map<string, Row<'answers'>[]>();
  await steps.each(data.answers, (a, i) => {
    const response = checkAnswerRow('answers', a, i, repo.exists.answer(db, a.id), (ins, item) => answerFits(ins, item, a), a.value ?? JSON.stringify(a.text?.slice(0, 40)));
    if (response) addTo(answersOf, a.response_id, a);
  });

  // About an organisation of the response's network, on a relation item's scale.
  const relationsOf = new Map<string, Row<'relation_answers'>[]>();
  await steps.each(data.relation_answers, (a, i) => {
    const fits = (ins: KnownInstrument, item: InstrumentItem) => item.type === 'relation' && (ins.codes.get(item.id)?.has(a.value) ?? false);
    const response = checkAnswerRow('relation_answers', a, i, repo.exists.relationAnswer(db, a.id), fits, a.value);
    if (!response) return;
    addTo(relationsOf, a.response_id, a);
    const orgIn = orgNetwork(a.organisation_id);
    const network = waveNetwork(response.wave_id);
    if (orgIn === undefined) missing('relation_answers', i, 'organisation_id', a.organisation_id);
    else if (network !== undefined && orgIn !== network) problems.add('otherNetwork', where('relation_answers', i, 'organisation_id'));
  });

  // --- link decisions ----------------------------------------------------------------------------
  await steps.each(data.link_decisions, (d, i) => {
    if (!networkKnown(d.network_id)) missing('link_decisions', i, 'network_id', d.network_id);
    for (const field of ['baseline_respondent_id', 'follow_up_respondent_id'] as const) {
      const network = respondentNetwork(d[field]);
      if (network === undefined) missing('link_decisions', i, field, d[field]);
      else if (network !== d.network_id) problems.add('otherNetwork', where('link_decisions', i, field));
    }
  });

  // --- erasures: only of respondents of the networks the file carries -----------------------------
  await steps.each(data.erasures, (e, i) => {
    if (!fileNetworks.has(e.network_id)) {
      if (!invalidIds.has(e.network_id)) problems.add('erasureOutside', `${ROW_NAMES.erasures} ${i + 1} (netwerk ${networkName(e.network_id)}, dat niet in dit bestand zit)`);
      return;
    }
    const here = e.kind === 'respondent' ? repo.exists.respondent(db, e.id)?.networkId : repo.responsePlace(db, e.id)?.networkId;
    if (here !== undefined && here !== e.network_id) {
      problems.add('erasureOutside', `${ROW_NAMES.erasures} ${i + 1} (een ${e.kind === 'respondent' ? 'respondent' : 'ingevulde vragenlijst'} van netwerk ${networkName(here)})`);
    }
  });

  // --- thrown-away responses: only of the networks the file carries ---------------------------------
  await steps.each(data.discarded_responses, (d, i) => {
    const here = repo.responsePlace(db, d.id)?.networkId;
    if (!fileNetworks.has(d.network_id) || (here !== undefined && here !== d.network_id)) {
      if (!invalidIds.has(d.network_id)) problems.add('discardOutside', `${ROW_NAMES.discarded_responses} ${i + 1} (netwerk ${networkName(here ?? d.network_id)})`);
    }
  });

  // --- removed organisations: only of the networks the file carries ---------------------------------
  await steps.each(data.removed_organisations, (o, i) => {
    const here = repo.exists.organisation(db, o.id)?.networkId;
    if (!fileNetworks.has(o.network_id) || (here !== undefined && here !== o.network_id)) {
      if (!invalidIds.has(o.network_id)) problems.add('organisationRemovalOutside', `${ROW_NAMES.removed_organisations} ${i + 1} (netwerk ${networkName(here ?? o.network_id)})`);
    }
  });

  return { instruments, fileWaveRefs, answersOf, relationsOf, networkName };
}
