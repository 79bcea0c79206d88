import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedInput } from '../../../shared/contract';
import { ApiError } from '../../../shared/errors';
import {
  MERGE_TABLES,
  STUDY_FILE_EXTENSION,
  STUDY_FILE_FORMAT,
  STUDY_FILE_MAX_CHARS,
  STUDY_FILE_VERSION,
  type AnswerDifference,
  type CorrectionConflict,
  type MergeChoice,
  type MergeConflict,
  type MergeReport,
  type MergeTable,
  type PlannedErasure,
  type ResponseVersion,
  type StudyData,
  type StudyExportResult,
  type StudyFile,
  type StudyFileInfo,
  type StudyManifest,
  type TableCount,
} from '../../../shared/study';
import { holdingVersion } from '../../../shared/later-change';
import { orderWaves } from '../../../shared/waves';
import { backupsDirFor } from '../../db/backup-files';
import { appendAudit } from '../../db/repositories/audit';
import { applyDiscardRegister, registerDiscard } from '../../db/repositories/discards';
import { applyErasureRegister, flushWal, registerErasure, secureDelete } from '../../db/repositories/erasures';
import { applyOrganisationRemovals, registerOrganisationRemoval } from '../../db/repositories/organisation-removals';
import { getSetting } from '../../db/repositories/settings';
import * as repo from '../../db/repositories/study';
import type { ServiceContext } from '../context';
import type { Db } from '../../db/open';
import { createBackup, RESEARCHER_KEY } from './backups';
import { safeFileName, writeFileAtomically } from '../files';
import { requireNetwork } from '../administration/networks';
import { addTo, checkStudyRows, type StudyFileIndex } from './study-file-checks';
import { StudyFileProblems } from './study-file-problems';
import { readStudyFile, refused, studyChecksum, type ReadStudyFile } from './study-file-reading';
import type { Steps } from './study-file-steps';
import { linkDecisionConflicts, placedLinkDecisions, planLinkDecisions, type PlannedLinkDecision } from './study-link-decisions';
import { planOrganisationRemovals, type OrganisationRemovalPlan } from './study-organisation-removals';
import { applyRecordUpdates, planRecordUpdates, type RecordUpdatePlan } from './study-record-updates';

export { studyChecksum } from './study-file-reading';

/**
 * Study files: one laptop's networks as a single JSON file (format in shared/study.ts and
 * docs/decisions/2026-11-23-backups-and-study-files.md), and merging such a file into this
 * laptop's database in one transaction. Rows are identified by their UUIDs: a row already here is
 * skipped, a response that differs is a conflict the user decides, and nothing is overwritten
 * without that choice.
 */

type Rows<K extends keyof StudyData> = StudyData[K];
type Row<K extends keyof StudyData> = StudyData[K][number];

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

// --- Export ------------------------------------------------------------------------------------------

export function buildStudyFile(ctx: ServiceContext, networkIds: string[]): StudyFile {
  const ids = [...new Set(networkIds)];
  const networks = ids.map((id) => requireNetwork(ctx, id));
  const data = repo.readStudyData(ctx.db, ids);
  const manifest: StudyManifest = {
    createdAt: ctx.now(),
    appVersion: ctx.appVersion.slice(0, 40) || 'onbekend',
    schemaVersion: ctx.schemaVersion,
    deviceId: ctx.deviceId,
    researcher: getSetting(ctx.db, RESEARCHER_KEY),
    networks: networks.map((n) => ({ id: n.id, name: n.name })),
  };
  return {
    format: STUDY_FILE_FORMAT,
    formatVersion: STUDY_FILE_VERSION,
    manifest,
    checksum: { algorithm: 'sha256', value: studyChecksum(manifest, data) },
    data,
  };
}

export async function exportStudyFile(ctx: ServiceContext, input: ParsedInput<'exportStudyFile'>): Promise<StudyExportResult> {
  const file = buildStudyFile(ctx, input.networkIds);
  const content = JSON.stringify(file);
  if (content.length > STUDY_FILE_MAX_CHARS) {
    throw new ApiError('EXPORT_FAILED', 'Deze netwerken samen zijn te groot voor één studiebestand. Exporteer ze in delen (minder netwerken per bestand).');
  }
  const names = file.manifest.networks.map((n) => n.name);
  const suggested = `${safeFileName(['netwerkspiegel-studie', ...(names.length <= 2 ? names : [`${names.length}-netwerken`]), file.manifest.createdAt.slice(0, 10)])}.${STUDY_FILE_EXTENSION}`;
  const target = await ctx.chooseExportPath(suggested);
  if (target === null) return { cancelled: true };
  try {
    writeFileAtomically(target, Buffer.from(content, 'utf8'));
  } catch (err) {
    throw new ApiError('EXPORT_FAILED', `Het studiebestand kon niet worden opgeslagen (${err instanceof Error ? err.message : String(err)}). Kies een andere map.`);
  }
  appendAudit(
    ctx.db,
    ctx.deviceId,
    {
      action: 'study.exported',
      entity: 'study-file',
      entityId: null,
      details: { networks: file.data.networks.length, responses: file.data.responses.length, checksum: file.checksum.value.slice(0, 16) },
    },
    ctx.now(),
  );
  return { cancelled: false, filePath: target, networks: file.data.networks.length, responses: file.data.responses.length };
}

// --- Planning a merge ----------------------------------------------------------------------------------

interface PlannedResponse {
  row: Row<'responses'>; // respondent, wave and organisation mapped to this database
  answers: Row<'answers'>[];
  /** Its answers about partner organisations, the organisation mapped to this database. */
  relations: Row<'relation_answers'>[];
  action: 'add' | 'update' | 'skip' | 'erased' | 'discarded' | 'decide';
  conflict?: MergeConflict;
  /** A submitted questionnaire corrected here or in the file: which version holds, for the report. */
  correction?: CorrectionConflict;
  versionsHash?: string;
  earlier?: MergeChoice;
  respondentOrganisation: string | null;
  /**
   * Kept as a second person ("both") at an earlier import, here or on the laptop the file comes
   * from: here under another respondent than the file names. It stays with the respondent it has here.
   */
  keptApart?: boolean;
}

interface Plan {
  file: StudyFile;
  add: {
    networks: Rows<'networks'>;
    organisations: Rows<'organisations'>;
    instruments: Rows<'instruments'>;
    waves: Rows<'waves'>;
    wave_instruments: Rows<'wave_instruments'>;
    occasions: Rows<'occasions'>;
    respondents: Rows<'respondents'>;
    erasures: Rows<'erasures'>;
    discards: Rows<'discarded_responses'>;
  };
  /** Occasions this laptop has, renamed or redated later in the file. */
  occasionUpdates: Rows<'occasions'>;
  responses: PlannedResponse[];
  linkDecisions: PlannedLinkDecision[];
  /** Networks, organisations and waves this laptop has in another version, and the file's versions that hold. */
  records: RecordUpdatePlan;
  /** Organisations removed here or on the laptop the file comes from: not brought back, and removed here while nothing names them. */
  organisationRemovals: OrganisationRemovalPlan;
  /** The file's log entries not yet here; never one that claims to be written on this laptop (this laptop writes its own). */
  audit: Rows<'audit_log'>;
  matched: MergeReport['matched'];
  erasedSkipped: number;
  erasuresWouldApply: number;
  discardedSkipped: number;
  /** Unfinished responses here that the file's register of thrown-away responses removes. */
  discardsWouldApply: number;
  discardedButSubmitted: number;
  /** The respondents the import would erase here, with their codes: for the preview and its confirmation. */
  plannedErasures: PlannedErasure[];
}

const answerKey = (a: { instrument_id: string; item_id: string }) => `${a.instrument_id}/${a.item_id}`;
const answerValue = (a: { value: number | null; text: string | null }) => (a.value !== null ? a.value : a.text);

/**
 * A response's answers with its answers about partner organisations, the latter as answers named
 * by item and organisation ("pa_frequentie (Thuiszorg Oost)"): two versions of a response are
 * compared, shown and counted over both alike.
 */
function withRelations(answers: readonly Row<'answers'>[], relations: readonly Row<'relation_answers'>[], organisationName: (id: string) => string): Row<'answers'>[] {
  return [
    ...answers,
    ...relations.map((r) => ({
      id: r.id,
      response_id: r.response_id,
      instrument_id: r.instrument_id,
      instrument_version: r.instrument_version,
      item_id: `${r.item_id} (${organisationName(r.organisation_id)})`,
      value: r.value,
      text: null,
      updated_at: r.updated_at,
      device_id: r.device_id,
    })),
  ];
}

function versionHash(row: Row<'responses'>, answers: readonly Row<'answers'>[]): string {
  const sorted = [...answers].map((a) => [a.instrument_id, a.item_id, a.value, a.text]).sort((x, y) => `${x[0]}/${x[1]}`.localeCompare(`${y[0]}/${y[1]}`));
  return sha256(JSON.stringify([row.status, row.mode, row.language, row.consent_at, row.started_at, row.completed_at, row.organisation_id, sorted]));
}

type Comparison = 'equal' | 'incoming-extends' | 'local-extends' | 'diverged';

/**
 * How two versions of one response relate. "incoming-extends": taking the incoming version loses
 * nothing that is here (it only has more answers, or was completed); "local-extends" the reverse.
 */
function compareVersions(local: Row<'responses'>, localAnswers: Row<'answers'>[], incoming: Row<'responses'>, incomingAnswers: Row<'answers'>[]): Comparison {
  const fieldsDiffer =
    local.mode !== incoming.mode ||
    local.language !== incoming.language ||
    local.consent_at !== incoming.consent_at ||
    local.started_at !== incoming.started_at ||
    local.organisation_id !== incoming.organisation_id ||
    (local.status === 'complete' && incoming.status === 'complete' && local.completed_at !== incoming.completed_at);
  if (fieldsDiffer) return 'diverged';
  const loses = (from: Row<'answers'>[], fromRow: Row<'responses'>, to: Row<'answers'>[], toRow: Row<'responses'>) => {
    const target = new Map(to.map((a) => [answerKey(a), answerValue(a)]));
    if (fromRow.status === 'complete' && toRow.status !== 'complete') return true;
    return from.some((a) => target.get(answerKey(a)) !== answerValue(a));
  };
  const localLoses = loses(localAnswers, local, incomingAnswers, incoming);
  const incomingLoses = loses(incomingAnswers, incoming, localAnswers, local);
  if (!localLoses && !incomingLoses) return 'equal';
  if (!localLoses) return 'incoming-extends';
  if (!incomingLoses) return 'local-extends';
  return 'diverged';
}

/**
 * Two versions of one submitted questionnaire from the same submission: one of them (or both) was
 * corrected since (services/administration/corrections.ts keeps the moment it was submitted).
 */
function sameSubmission(local: Row<'responses'>, incoming: Row<'responses'>): boolean {
  return (
    local.status === 'complete' &&
    incoming.status === 'complete' &&
    Date.parse(local.completed_at!) === Date.parse(incoming.completed_at!) &&
    local.mode === incoming.mode &&
    local.language === incoming.language &&
    local.consent_at === incoming.consent_at &&
    local.started_at === incoming.started_at &&
    local.organisation_id === incoming.organisation_id
  );
}

function differences(localAnswers: Row<'answers'>[], incomingAnswers: Row<'answers'>[]): AnswerDifference[] {
  const local = new Map(localAnswers.map((a) => [answerKey(a), a]));
  const incoming = new Map(incomingAnswers.map((a) => [answerKey(a), a]));
  const keys = [...new Set([...local.keys(), ...incoming.keys()])];
  const out: AnswerDifference[] = [];
  for (const key of keys) {
    const l = local.get(key);
    const r = incoming.get(key);
    const lv = l ? answerValue(l) : null;
    const rv = r ? answerValue(r) : null;
    if (lv === rv) continue;
    const [instrumentId, itemId] = key.split('/') as [string, string];
    out.push({ instrumentId, itemId, local: lv, incoming: rv });
  }
  return out;
}

function versionView(row: Row<'responses'>, answers: Row<'answers'>[], organisationName: string | null): ResponseVersion {
  // The latest change to the response or one of its answers says where and when it was last edited.
  let last = { at: row.updated_at, deviceId: row.device_id };
  for (const a of answers) if (a.updated_at > last.at) last = { at: a.updated_at, deviceId: a.device_id };
  return {
    status: row.status,
    mode: row.mode,
    organisationName,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    updatedAt: last.at,
    deviceId: last.deviceId,
    answers: answers.map((a) => ({ instrumentId: a.instrument_id, itemId: a.item_id, value: a.value, text: a.text })),
  };
}

/**
 * Which local row each incoming row is: itself when this database has its id, else a local row
 * that is the same thing under another id (`sameAs`, counted by `matched`), else the incoming row
 * becomes new (`added`). Returns incoming id → local id.
 */
async function localIds<R extends { id: string }>(
  steps: Steps,
  rows: readonly R[],
  how: { exists: (id: string) => boolean; sameAs: (row: R) => string | undefined; matched: () => void; added: (row: R) => void },
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  await steps.each(rows, (row) => {
    if (how.exists(row.id)) {
      ids.set(row.id, row.id);
      return;
    }
    const same = how.sameAs(row);
    if (same) how.matched();
    else how.added(row);
    ids.set(row.id, same ?? row.id);
  });
  return ids;
}

/** A UUID derived from a name, so "keep both" gives the same new row on every import of the same file. */
function derivedUuid(name: string): string {
  const h = sha256(name);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The respondent a response kept as a second person ("both") gets, on whichever laptop that was chosen. */
const keptApartRespondent = (responseId: string) => derivedUuid(`both:${responseId}`);

/** The erasures of the file that would remove rows here, per respondent, with the code: what the researcher confirms. */
function plannedErasures(db: Db, erasures: Rows<'erasures'>, networkName: (id: string) => string): PlannedErasure[] {
  const byRespondent = new Map<string, { networkId: string; code: string; waves: Set<string>; whole: boolean }>();
  const entry = (respondentId: string, networkId: string, code: string) => {
    let e = byRespondent.get(respondentId);
    if (!e) byRespondent.set(respondentId, (e = { networkId, code, waves: new Set(), whole: false }));
    return e;
  };
  for (const e of erasures) {
    if (e.kind === 'respondent') {
      const here = repo.exists.respondent(db, e.id);
      if (!here) continue;
      const planned = entry(e.id, here.networkId, here.code);
      planned.whole = true;
      for (const w of repo.respondentWaves(db, e.id)) planned.waves.add(w.label);
    } else {
      const place = repo.responsePlace(db, e.id);
      if (place) entry(place.respondentId, place.networkId, place.code).waves.add(place.waveLabel);
    }
  }
  return [...byRespondent].map(([respondentId, e]) => ({
    networkName: networkName(e.networkId),
    respondentCode: e.code,
    waves: orderWaves(repo.respondentWaves(db, respondentId))
      .map((w) => w.label)
      .filter((label) => e.waves.has(label)),
    wholeRespondent: e.whole,
  }));
}

/**
 * Works out what an import would do, reading this database only, in steps. Problems that only the
 * mapping to this database shows (a response the file moves, two responses of one person in one
 * wave, a wave of the same name with other instruments) are added to `problems`.
 */
/**
 * The file's occasions: one this laptop has (same id) takes the file's label and date when the
 * file's change is later (shared/later-change.ts); one of the same label in the same wave here is
 * the same occasion; any other is added, in the wave it maps to here.
 */
async function planOccasions(db: Db, steps: Steps, plan: Plan, occasions: Rows<'occasions'>, waveMap: Map<string, string>, problems: StudyFileProblems): Promise<Map<string, string>> {
  const ids = await localIds(steps, occasions, {
    exists: (id) => repo.exists.occasion(db, id),
    sameAs: (o) => repo.occasionIdByLabel(db, waveMap.get(o.wave_id) ?? o.wave_id, o.label),
    matched: () => {},
    added: (o) => plan.add.occasions.push({ ...o, wave_id: waveMap.get(o.wave_id) ?? o.wave_id }),
  });
  for (const o of occasions) {
    const local = repo.occasionRow(db, o.id);
    if (!local || (local.label === o.label && local.held_on === o.held_on)) continue;
    if (holdingVersion({ at: local.updated_at, deviceId: local.device_id }, { at: o.updated_at, deviceId: o.device_id }) === 'local') continue;
    const taken = repo.occasionIdByLabel(db, local.wave_id, o.label);
    if (taken && taken !== o.id) problems.add('renamedToTakenName', `MDO "${o.label}"`);
    plan.occasionUpdates.push(o);
  }
  return ids;
}

async function planMerge(ctx: ServiceContext, steps: Steps, file: StudyFile, index: StudyFileIndex, problems: StudyFileProblems): Promise<Plan> {
  const db = steps.db;
  const data = file.data;
  steps.phase('planning', data.erasures.length + data.organisations.length + data.waves.length + data.occasions.length + data.respondents.length * 2 + data.responses.length + data.link_decisions.length + data.audit_log.length);
  const plan: Plan = {
    file,
    add: { networks: [], organisations: [], instruments: [], waves: [], wave_instruments: [], occasions: [], respondents: [], erasures: [], discards: [] },
    occasionUpdates: [],
    responses: [],
    linkDecisions: [],
    records: { updates: [], conflicts: [] },
    organisationRemovals: { add: [], skipped: 0, removed: [], kept: [] },
    audit: [],
    matched: { organisations: 0, waves: 0, respondents: 0 },
    erasedSkipped: 0,
    erasuresWouldApply: 0,
    discardedSkipped: 0,
    discardsWouldApply: 0,
    discardedButSubmitted: 0,
    plannedErasures: [],
  };

  // Erasures: this laptop's register plus the file's. An erased id is never imported.
  const erased = new Set<string>();
  await steps.each(data.erasures, (e) => {
    erased.add(e.id);
    if (!repo.exists.erasure(db, e.id)) {
      plan.add.erasures.push(e);
      if (e.kind === 'respondent' && repo.exists.respondent(db, e.id)) plan.erasuresWouldApply++;
      if (e.kind === 'response' && repo.responseRow(db, e.id)) plan.erasuresWouldApply++;
    }
  });
  plan.plannedErasures = plannedErasures(db, plan.add.erasures, index.networkName);
  const isErased = (id: string) => erased.has(id) || repo.exists.erasure(db, id);

  // Thrown-away responses: this laptop's register plus the file's. An unfinished one is never
  // imported, and one here goes; a submitted one stays (docs/decisions/2026-12-01-corrections.md).
  const discarded = new Set<string>();
  await steps.each(data.discarded_responses, (d) => {
    discarded.add(d.id);
    if (repo.exists.discard(db, d.id)) return;
    plan.add.discards.push(d);
    const here = repo.responseRow(db, d.id);
    if (here?.status === 'in_progress') plan.discardsWouldApply++;
    if (here?.status === 'complete') plan.discardedButSubmitted++;
  });
  const isDiscarded = (id: string) => discarded.has(id) || repo.exists.discard(db, id);

  for (const n of data.networks) if (!repo.exists.network(db, n.id)) plan.add.networks.push(n);
  const addedNetworks = new Set(plan.add.networks.map((n) => n.id));

  const orgMap = await localIds(steps, data.organisations, {
    exists: (id) => !!repo.exists.organisation(db, id),
    sameAs: (o) => (addedNetworks.has(o.network_id) ? undefined : repo.organisationIdByName(db, o.network_id, o.name)),
    matched: () => plan.matched.organisations++,
    added: (o) => plan.add.organisations.push(o),
  });
  const mapOrg = (id: string | null) => (id === null ? null : (orgMap.get(id) ?? id));

  for (const ins of data.instruments) {
    if (repo.instrumentDefinitionText(db, ins.instrument_id, ins.version) === undefined) plan.add.instruments.push(ins);
  }

  const waveInstruments = new Map<string, Row<'wave_instruments'>[]>();
  for (const wi of data.wave_instruments) addTo(waveInstruments, wi.wave_id, wi);
  const sameLabel = (w: Row<'waves'>) => {
    const same = addedNetworks.has(w.network_id) ? undefined : repo.waveIdByLabel(db, w.network_id, w.label);
    if (same && JSON.stringify(repo.waveInstrumentRefs(db, same)) !== JSON.stringify(index.fileWaveRefs.get(w.id) ?? [])) {
      problems.add('waveOtherInstruments', `"${w.label}" in netwerk ${index.networkName(w.network_id)}`);
    }
    return same;
  };
  const waveRows = (sameAs: (w: Row<'waves'>) => string | undefined) => ({
    exists: (id: string) => !!repo.exists.wave(db, id),
    sameAs,
    matched: () => plan.matched.waves++,
    added: (w: Row<'waves'>) => {
      plan.add.waves.push(w);
      plan.add.wave_instruments.push(...(waveInstruments.get(w.id) ?? []));
    },
  });
  // Measurement waves first, then the occasions they hold, then the occasions' own waves, which
  // match a wave here only when it is the same occasion's wave of the same moment.
  const waveMap = await localIds(steps, data.waves.filter((w) => w.occasion_id === null), waveRows(sameLabel));
  const occasionMap = await planOccasions(db, steps, plan, data.occasions, waveMap, problems);
  const occasionWaveMap = await localIds(
    steps,
    data.waves.filter((w) => w.occasion_id !== null),
    waveRows((w) => {
      const same = sameLabel(w);
      if (!same) return undefined;
      const here = repo.waveOccasion(db, same);
      if (here?.occasionId === occasionMap.get(w.occasion_id!) && here?.moment === w.occasion_moment) return same;
      problems.add('occasionWaveElsewhere', `"${w.label}" in netwerk ${index.networkName(w.network_id)}`);
      return undefined;
    }),
  );
  for (const [fileId, localId] of occasionWaveMap) waveMap.set(fileId, localId);
  plan.add.waves = plan.add.waves.map((w) => (w.occasion_id === null ? w : { ...w, occasion_id: occasionMap.get(w.occasion_id) ?? w.occasion_id }));

  const incomingRespondents = new Map(data.respondents.map((r) => [r.id, r]));
  const keptRespondents: Rows<'respondents'> = [];
  await steps.each(data.respondents, (r) => {
    if (!isErased(r.id)) keptRespondents.push(r);
  });
  plan.erasedSkipped += data.respondents.length - keptRespondents.length;
  const respondentMap = await localIds(steps, keptRespondents, {
    exists: (id) => !!repo.exists.respondent(db, id),
    sameAs: (r) => repo.respondentIdByCode(db, r.network_id, r.code),
    matched: () => plan.matched.respondents++,
    added: (r) => plan.add.respondents.push({ ...r, organisation_id: mapOrg(r.organisation_id) }),
  });

  const networkNames = new Map(data.networks.map((n) => [n.id, n.name]));
  const waveLabels = new Map(data.waves.map((w) => [w.id, { label: w.label, networkId: w.network_id }]));
  const fileOrgNames = new Map(data.organisations.map((o) => [o.id, o.name]));
  const orgName = (id: string) => repo.organisationName(db, id) ?? fileOrgNames.get(id) ?? id;
  /** One new response per respondent and wave (the database allows no more). */
  const personInWave = new Set<string>();

  await steps.each(data.responses, (incoming, i) => {
    const answers = index.answersOf.get(incoming.id) ?? [];
    const relations = (index.relationsOf.get(incoming.id) ?? []).map((r) => ({ ...r, organisation_id: mapOrg(r.organisation_id)! }));
    const respondent = incomingRespondents.get(incoming.respondent_id);
    if (isErased(incoming.id) || isErased(incoming.respondent_id) || (respondent && !respondentMap.has(respondent.id))) {
      plan.erasedSkipped++;
      plan.responses.push({ row: incoming, answers, relations, action: 'erased', respondentOrganisation: null });
      return;
    }
    if (isDiscarded(incoming.id)) {
      if (incoming.status === 'in_progress') {
        plan.discardedSkipped++;
        plan.responses.push({ row: incoming, answers, relations, action: 'discarded', respondentOrganisation: null });
        return;
      }
      // Completed on the laptop the file comes from after a copy was thrown away here: it is kept.
      if (!repo.responseRow(db, incoming.id) && !discarded.has(incoming.id)) plan.discardedButSubmitted++;
    }
    const row: Row<'responses'> = {
      ...incoming,
      respondent_id: respondentMap.get(incoming.respondent_id) ?? incoming.respondent_id,
      wave_id: waveMap.get(incoming.wave_id) ?? incoming.wave_id,
      organisation_id: mapOrg(incoming.organisation_id),
    };
    const planned: PlannedResponse = { row, answers, relations, action: 'add', respondentOrganisation: respondent ? mapOrg(respondent.organisation_id) : null };
    const local = repo.responseRow(db, incoming.id);
    if (local) {
      // The parents of a response this laptop has never change: same wave, same person (or the second person "both" made of it).
      const apart = local.respondent_id !== row.respondent_id && [local.respondent_id, row.respondent_id].includes(keptApartRespondent(incoming.id));
      if (local.wave_id !== row.wave_id || (local.respondent_id !== row.respondent_id && !apart)) {
        const here = repo.responsePlace(db, local.id)!;
        const there = waveLabels.get(incoming.wave_id);
        problems.add(
          'movedRow',
          `ingevulde vragenlijst ${i + 1} (hier van respondent ${here.code} in meting ${here.waveLabel} van netwerk ${index.networkName(here.networkId)}` +
            `, in het bestand van respondent ${respondent?.code ?? repo.exists.respondent(db, row.respondent_id)?.code ?? '?'} in meting ${there?.label ?? repo.waveLabel(db, row.wave_id) ?? '?'}` +
            ` van netwerk ${index.networkName(there?.networkId ?? repo.exists.wave(db, row.wave_id)?.networkId ?? '')})`,
        );
      }
      if (apart) planned.keptApart = true;
    }
    if (!local) {
      // Two new responses of one person in one wave cannot both be stored (one already here is a duplicate to decide on).
      const person = `${row.respondent_id}/${row.wave_id}`;
      if (personInWave.has(person)) {
        problems.add('duplicateResponse', `ingevulde vragenlijst ${i + 1} (respondent ${respondent?.code ?? repo.exists.respondent(db, row.respondent_id)?.code ?? '?'})`);
      }
      personInWave.add(person);
    }
    const duplicateOf = local ? undefined : repo.responseIdFor(db, row.respondent_id, row.wave_id);
    if (local || duplicateOf) {
      const localRow = local ?? repo.responseRow(db, duplicateOf!)!;
      const localAnswers = withRelations(repo.answerRows(db, localRow.id), repo.relationAnswerRows(db, localRow.id), orgName);
      const incomingAnswers = withRelations(answers, relations, orgName);
      const comparison = local ? compareVersions(localRow, localAnswers, row, incomingAnswers) : 'diverged';
      if (local && comparison !== 'equal' && sameSubmission(localRow, row)) {
        // A correction here or there: the version changed last holds, nobody is asked.
        const wave = waveLabels.get(incoming.wave_id);
        const localVersion = versionView(localRow, localAnswers, repo.organisationName(db, localRow.organisation_id));
        const incomingVersion = versionView(row, incomingAnswers, localVersion.organisationName);
        const holds = holdingVersion({ at: localVersion.updatedAt, deviceId: localVersion.deviceId }, { at: incomingVersion.updatedAt, deviceId: incomingVersion.deviceId });
        planned.action = holds === 'incoming' ? 'update' : 'skip';
        planned.correction = {
          responseId: incoming.id,
          networkName: (wave && networkNames.get(wave.networkId)) ?? '',
          waveLabel: wave?.label ?? '',
          respondentCode: respondent?.code ?? repo.exists.respondent(db, row.respondent_id)?.code ?? '',
          local: localVersion,
          incoming: incomingVersion,
          differences: differences(localAnswers, incomingAnswers),
          holds,
        };
      } else if (comparison === 'equal' || comparison === 'local-extends') planned.action = 'skip';
      else if (comparison === 'incoming-extends') planned.action = 'update';
      else {
        planned.action = 'decide';
        planned.versionsHash = sha256(`${versionHash(localRow, localAnswers)}/${versionHash(row, incomingAnswers)}`);
        const earlier = repo.mergeDecision(db, incoming.id, planned.versionsHash);
        if (earlier === 'local' || earlier === 'incoming' || earlier === 'both') planned.earlier = earlier;
        const wave = waveLabels.get(incoming.wave_id);
        const localOrgName = repo.organisationName(db, localRow.organisation_id);
        const incomingOrgName = repo.organisationName(db, row.organisation_id) ?? (incoming.organisation_id ? (fileOrgNames.get(incoming.organisation_id) ?? null) : null);
        planned.conflict = {
          kind: local ? 'conflict' : 'duplicate',
          incomingResponseId: incoming.id,
          localResponseId: localRow.id,
          networkName: (wave && networkNames.get(wave.networkId)) ?? '',
          waveLabel: wave?.label ?? '',
          respondentCode: respondent?.code ?? repo.exists.respondent(db, row.respondent_id)?.code ?? '',
          local: versionView(localRow, localAnswers, localOrgName),
          incoming: versionView(row, incomingAnswers, incomingOrgName),
          differences: differences(localAnswers, incomingAnswers),
          choices: local ? ['local', 'incoming'] : ['local', 'incoming', 'both'],
        };
      }
    }
    plan.responses.push(planned);
  });

  // A free code that only came with thrown-away responses is not brought in either (discardResponse removes it too).
  const keptByResponse = new Set(plan.responses.filter((p) => p.action !== 'discarded').map((p) => p.row.respondent_id));
  const onlyDiscarded = new Set(plan.responses.filter((p) => p.action === 'discarded').map((p) => p.row.respondent_id).filter((id) => !keptByResponse.has(id)));
  plan.add.respondents = plan.add.respondents.filter((r) => r.code_kind !== 'free' || !onlyDiscarded.has(r.id));

  // Organisations removed on some laptop: only those the import's respondents and responses name come in or stay.
  const named = new Set<string>();
  for (const r of plan.add.respondents) if (r.organisation_id !== null) named.add(r.organisation_id);
  for (const p of plan.responses) {
    if (p.action === 'erased' || p.action === 'discarded') continue;
    for (const id of [p.row.organisation_id, p.respondentOrganisation]) if (id !== null) named.add(id);
    for (const r of p.relations) named.add(r.organisation_id);
  }
  const organisationRemovals = planOrganisationRemovals(db, data, plan.add.organisations, named);
  plan.organisationRemovals = organisationRemovals.removals;
  plan.add.organisations = organisationRemovals.organisations;

  plan.records = planRecordUpdates(db, data, problems);
  plan.linkDecisions = await planLinkDecisions(db, data, { respondentMap, isErased }, steps);
  plan.erasedSkipped += plan.linkDecisions.filter((d) => d.action === 'erased').length;
  const decided = new Set<string>();
  plan.linkDecisions.forEach((d, i) => {
    if (d.action !== 'add') return;
    const key = `${d.row.baseline_respondent_id}/${d.row.follow_up_respondent_id}/${d.row.device_id}`;
    if (decided.has(key)) problems.add('duplicateLinkDecision', `koppelbesluit ${i + 1}`);
    decided.add(key);
  });
  await steps.each(data.audit_log, (e) => {
    if (e.device_id !== ctx.deviceId && !repo.auditExists(db, e.id)) plan.audit.push(e);
  });
  return plan;
}

/**
 * Checks a read study file's rows against each other and this database, then plans its merge;
 * refuses the file, naming every problem found in its fields (`problems`, from reading it), between
 * its rows and in the mapping to this database.
 */
async function checkAndPlan(ctx: ServiceContext, steps: Steps, read: ReadStudyFile, problems: StudyFileProblems): Promise<Plan> {
  const fieldsWrong = problems.any;
  const index = await checkStudyRows(steps.db, read, ctx.now(), steps, problems);
  // With rows left out for a wrong field, the mapping would see half the file: those problems first.
  if (fieldsWrong) problems.throwIfAny();
  const plan = await planMerge(ctx, steps, read.file, index, problems);
  problems.throwIfAny();
  return plan;
}

function emptyCounts(): Record<MergeTable, TableCount> {
  return Object.fromEntries(MERGE_TABLES.map((t) => [t, { added: 0, skipped: 0 }])) as Record<MergeTable, TableCount>;
}

/** How many of `incoming` answers are not already here with the same value. */
function newAnswers(localAnswers: Row<'answers'>[], incoming: Row<'answers'>[]): number {
  const local = new Map(localAnswers.map((a) => [answerKey(a), answerValue(a)]));
  return incoming.filter((a) => local.get(answerKey(a)) !== answerValue(a)).length;
}

function fileInfo(file: StudyFile): StudyFileInfo {
  const m = file.manifest;
  return { createdAt: m.createdAt, appVersion: m.appVersion, deviceId: m.deviceId, researcher: m.researcher, networks: m.networks, checksum: file.checksum.value };
}

/** The report of a plan; with `decisions` it is what the import did. */
function reportOf(ctx: ServiceContext, plan: Plan, decisions?: Map<string, MergeChoice>): MergeReport {
  const data = plan.file.data;
  const counts = emptyCounts();
  const set = (table: MergeTable, added: number, total: number) => (counts[table] = { added, skipped: total - added });
  set('networks', plan.add.networks.length, data.networks.length);
  set('organisations', plan.add.organisations.length, data.organisations.length);
  set('instruments', plan.add.instruments.length, data.instruments.length);
  set('waves', plan.add.waves.length, data.waves.length);
  set('occasions', plan.add.occasions.length, data.occasions.length);
  set('respondents', plan.add.respondents.length, data.respondents.length);
  set('auditLog', plan.audit.length, data.audit_log.length);
  set('erasures', plan.add.erasures.length, data.erasures.length);
  set('discards', plan.add.discards.length, data.discarded_responses.length);
  set('organisationRemovals', plan.organisationRemovals.add.length, data.removed_organisations.length);

  let responsesAdded = 0;
  let answersAdded = 0;
  // Answers about partner organisations count as answers; named by id, as both sides have them mapped here.
  const localAnswers = (id: string) => withRelations(repo.answerRows(ctx.db, id), repo.relationAnswerRows(ctx.db, id), (org) => org);
  const incomingAnswers = (p: PlannedResponse) => withRelations(p.answers, p.relations, (org) => org);
  let updated = 0;
  let decidedEarlier = 0;
  const conflicts: MergeConflict[] = [];
  const correctionConflicts: CorrectionConflict[] = [];
  for (const p of plan.responses) {
    if (p.correction) correctionConflicts.push(p.correction);
    if (p.action === 'add') {
      responsesAdded++;
      answersAdded += p.answers.length + p.relations.length;
    } else if (p.action === 'update') {
      updated++;
      answersAdded += newAnswers(localAnswers(p.row.id), incomingAnswers(p));
    } else if (p.action === 'decide' && p.conflict) {
      if (p.earlier) {
        decidedEarlier++;
        continue;
      }
      const choice = decisions?.get(p.conflict.incomingResponseId);
      conflicts.push(choice ? { ...p.conflict, decision: choice } : p.conflict);
      if (choice === 'incoming' || choice === 'both') {
        if (choice === 'both' || p.conflict.kind === 'duplicate') responsesAdded++;
        answersAdded += choice === 'both' || p.conflict.kind === 'duplicate' ? p.answers.length + p.relations.length : newAnswers(localAnswers(p.row.id), incomingAnswers(p));
      }
    }
  }
  set('responses', responsesAdded, data.responses.length);
  set('answers', answersAdded, data.answers.length + data.relation_answers.length);
  const linkDecisions = linkDecisionsToAdd(plan, decisions);
  set('linkDecisions', linkDecisions.length, data.link_decisions.length);

  const changed =
    MERGE_TABLES.some((t) => counts[t].added > 0) || updated > 0 || plan.records.updates.length > 0 || plan.erasuresWouldApply > 0 || plan.discardsWouldApply > 0 || plan.organisationRemovals.removed.length > 0 || conflicts.some((c) => c.decision && c.decision !== 'local');
  return {
    file: fileInfo(plan.file),
    counts,
    matched: plan.matched,
    updatedResponses: updated,
    erasedSkipped: plan.erasedSkipped,
    erasuresApplied: plan.erasuresWouldApply,
    conflicts,
    correctionConflicts,
    discardedSkipped: plan.discardedSkipped,
    discardsApplied: plan.discardsWouldApply,
    discardedButSubmitted: plan.discardedButSubmitted,
    removedOrganisationsSkipped: plan.organisationRemovals.skipped,
    organisationsRemoved: plan.organisationRemovals.removed,
    removedOrganisationsKept: plan.organisationRemovals.kept,
    linkConflicts: linkDecisionConflicts(ctx.db, data, linkDecisions),
    recordConflicts: plan.records.conflicts,
    updatedRecords: plan.records.updates.length,
    decidedEarlier,
    backup: null,
    nothingChanged: !changed,
  };
}

/** The file's link decisions to add, given the choices: none about a person kept as a second person ("both", now or earlier). */
function linkDecisionsToAdd(plan: Plan, decisions?: Map<string, MergeChoice>): Rows<'link_decisions'> {
  const respondentOf = new Map(plan.file.data.responses.map((r) => [r.id, r.respondent_id]));
  const split = new Set<string>();
  for (const p of plan.responses) {
    const choice = p.action === 'decide' && p.conflict ? (p.earlier ?? decisions?.get(p.conflict.incomingResponseId)) : undefined;
    if (p.keptApart || choice === 'both') split.add(respondentOf.get(p.row.id)!);
  }
  return placedLinkDecisions(plan.linkDecisions, split);
}

/**
 * What importing this file would do, with the erasures it would carry out (and their codes); reads
 * only, writes nothing. A file with problems is refused, naming every kind of problem. Runs in the
 * study-file worker (study-file-jobs.ts starts it).
 */
export async function previewStudyFileInSteps(ctx: ServiceContext, steps: Steps, input: ParsedInput<'previewStudyFile'>): Promise<MergeReport> {
  const problems = new StudyFileProblems();
  const plan = await checkAndPlan(ctx, steps, await readStudyFile(input.content, steps, problems), problems);
  return { ...reportOf(ctx, plan), plannedErasures: plan.plannedErasures };
}

/** A respondent code not yet used in the network, for the second person with the same code. */
function freeCode(ctx: ServiceContext, networkId: string, code: string): string {
  for (let n = 2; n < 1000; n++) {
    const suffix = `-${n}`;
    const candidate = `${code.slice(0, 16 - suffix.length)}${suffix}`;
    if (!repo.respondentIdByCode(ctx.db, networkId, candidate)) return candidate;
  }
  throw new ApiError('CONFLICT', `Er is geen vrije code meer te vinden naast ${code}.`);
}

/** How often the import plans again when something changed on this laptop while it was checking. */
const PLAN_ATTEMPTS = 3;

/** Thrown inside the writing transaction when another connection wrote after the plan was made: it is rolled back and planned again. */
class ChangedSincePlanned extends Error {}

/**
 * Imports a study file in one transaction, with the user's choice for every conflict (a conflict
 * without a choice refuses the whole import) and, when the file erases respondents here, the
 * researcher's confirmation. Runs in the study-file worker, on a connection of its own, while the
 * main process goes on (and may write). Reading, checking and planning run in steps; everything
 * that refuses comes before the backup, so a refused import writes nothing and makes no backup.
 * The plan is written only if nothing changed in the database since it was made: checked before
 * the backup, and again inside the transaction, once it holds the write lock (else the backup is
 * removed and the plan made again). The report says what was added, skipped and decided; the
 * audit log records the import and every choice.
 */
export async function importStudyFileInSteps(ctx: ServiceContext, steps: Steps, input: ParsedInput<'importStudyFile'>): Promise<MergeReport> {
  const problems = new StudyFileProblems();
  const read = await readStudyFile(input.content, steps, problems);
  const decisions = new Map<string, MergeChoice>();
  for (const d of input.decisions) decisions.set(d.incomingResponseId, d.choice);
  for (let attempt = 1; ; attempt++) {
    const before = repo.changeMark(steps.db);
    const plan = await checkAndPlan(ctx, steps, read, attempt === 1 ? problems : new StudyFileProblems());
    if (repo.changeMark(steps.db) === before) {
      await steps.refreshClock();
      const report = writePlan(ctx, steps, plan, decisions, input.confirmErasures === true, before);
      if (report) return report;
    }
    if (attempt === PLAN_ATTEMPTS) {
      throw new ApiError('CONFLICT', 'Terwijl het studiebestand werd gecontroleerd, veranderden de gegevens op deze laptop steeds. Probeer het opnieuw; er is niets gewijzigd.');
    }
  }
}

/**
 * Checks the choices and the confirmation against the plan, makes the backup and writes the plan
 * in one transaction, unless the database changed since `planned` (then null: plan again).
 */
function writePlan(ctx: ServiceContext, steps: Steps, plan: Plan, decisions: Map<string, MergeChoice>, erasuresConfirmed: boolean, planned: string): MergeReport | null {
  const open = new Map(plan.responses.filter((p) => p.action === 'decide' && !p.earlier).map((p) => [p.conflict!.incomingResponseId, p.conflict!]));
  for (const [responseId, choice] of decisions) {
    const conflict = open.get(responseId);
    if (!conflict) throw refused('Er is een keuze gemaakt voor een conflict dat dit bestand niet heeft. Bekijk het bestand opnieuw.');
    if (!conflict.choices.includes(choice)) throw refused('"Beide bewaren" kan alleen bij een dubbel gebruikte respondentcode.');
  }
  const undecided = [...open.keys()].filter((id) => !decisions.has(id)).length;
  if (undecided > 0) {
    throw new ApiError('CONFLICT', `Kies eerst bij elk conflict welke versie blijft (nog ${undecided} open). Er is niets gewijzigd.`);
  }
  if (plan.plannedErasures.length > 0 && !erasuresConfirmed) {
    const n = plan.plannedErasures.length;
    throw new ApiError(
      'CONFLICT',
      `Dit studiebestand wist ${n === 1 ? 'een respondent' : `${n} respondenten`} op deze laptop (zie de lijst bij het voorbeeld). ` +
        'Bevestig eerst dat die gegevens gewist mogen worden en kies dan opnieuw Importeren. Er is niets gewijzigd.',
    );
  }

  const db = steps.db;
  const file = plan.file;
  const report = reportOf(ctx, plan, decisions);
  // A backup first, unless the import would change nothing (the same file again).
  steps.phase('backup', 1);
  const backup = report.nothingChanged ? null : createBackup(ctx, 'voor-import');
  const now = ctx.now();
  const newCodes = new Map<string, string>();
  // Said before the phase, so whoever sees the writing phase also sees that its calls must wait
  // (until the job ends at the latest: the main process lets go when it does).
  steps.writing(true);
  steps.phase('writing', plan.responses.length);
  // Erased rows are overwritten with zeros in the file, as when erasing here (erasure.ts).
  if (plan.erasuresWouldApply > 0) secureDelete(db);
  const write = db.transaction(() => {
    // The main process may have written since the plan was made (this transaction holds the write lock from here on).
    if (repo.changeMark(db) !== planned) throw new ChangedSincePlanned();
    for (const n of plan.add.networks) repo.insertStudyRow(db, 'networks', n);
    for (const o of plan.add.organisations) repo.insertStudyRow(db, 'organisations', o);
    for (const i of plan.add.instruments) repo.insertStudyRow(db, 'instruments', i);
    // A wave of an occasion after the occasion, which lies in a wave itself.
    for (const w of plan.add.waves) if (w.occasion_id === null) repo.insertStudyRow(db, 'waves', w);
    for (const o of plan.add.occasions) repo.insertStudyRow(db, 'occasions', o);
    for (const o of plan.occasionUpdates) repo.updateOccasionFromStudy(db, o);
    for (const w of plan.add.waves) if (w.occasion_id !== null) repo.insertStudyRow(db, 'waves', w);
    for (const wi of plan.add.wave_instruments) repo.insertStudyRow(db, 'wave_instruments', wi);
    for (const r of plan.add.respondents) repo.insertStudyRow(db, 'respondents', r);
    applyRecordUpdates(db, ctx.deviceId, plan.records.updates, now);

    const usedWaves = new Set<string>();
    const addResponse = (row: Row<'responses'>, answers: Row<'answers'>[], relations: Row<'relation_answers'>[]) => {
      repo.insertStudyRow(db, 'responses', row);
      for (const a of answers) repo.insertStudyRow(db, 'answers', a);
      for (const r of relations) repo.insertStudyRow(db, 'relation_answers', r);
      usedWaves.add(row.wave_id);
    };
    for (const p of plan.responses) {
      steps.advance();
      if (p.action === 'add') addResponse(p.row, p.answers, p.relations);
      else if (p.action === 'update') {
        repo.replaceResponse(db, p.row, p.answers, p.relations);
        appendAudit(db, ctx.deviceId, { action: 'response.updated_from_study', entity: 'response', entityId: p.row.id }, now);
      } else if (p.action === 'decide' && p.conflict && !p.earlier) {
        const c = p.conflict;
        const choice = decisions.get(c.incomingResponseId)!;
        if (choice === 'incoming' && c.kind === 'conflict') repo.replaceResponse(db, p.row, p.answers, p.relations);
        if (choice === 'incoming' && c.kind === 'duplicate') {
          repo.deleteResponse(db, c.localResponseId);
          addResponse(p.row, p.answers, p.relations);
        }
        if (choice === 'both') {
          const networkId = repo.exists.respondent(db, p.row.respondent_id)!.networkId;
          const code = freeCode(ctx, networkId, c.respondentCode);
          const respondentId = keptApartRespondent(c.incomingResponseId);
          repo.insertStudyRow(db, 'respondents', {
            id: respondentId,
            network_id: networkId,
            code,
            code_kind: 'free',
            organisation_id: p.respondentOrganisation,
            role_group: null,
            discipline: null,
            created_at: now,
            updated_at: now,
            device_id: ctx.deviceId,
          });
          addResponse({ ...p.row, respondent_id: respondentId }, p.answers, p.relations);
          newCodes.set(c.incomingResponseId, code);
        }
        repo.recordMergeDecision(db, { responseId: c.incomingResponseId, versionsHash: p.versionsHash!, kind: c.kind, choice, deviceId: ctx.deviceId }, now);
        // The choice is logged; the log names the response, never the respondent's code.
        appendAudit(
          db,
          ctx.deviceId,
          { action: 'study.conflict_decided', entity: 'response', entityId: c.localResponseId, details: { kind: c.kind, choice, incomingResponseId: c.incomingResponseId } },
          now,
        );
      }
    }
    for (const waveId of usedWaves) {
      for (const ref of repo.waveInstrumentRefs(db, waveId)) {
        const at = ref.lastIndexOf('@');
        repo.freezeInstrumentVersion(db, ref.slice(0, at), Number(ref.slice(at + 1)), now);
      }
    }
    for (const d of linkDecisionsToAdd(plan, decisions)) repo.insertStudyRow(db, 'link_decisions', d);
    for (const e of plan.add.erasures) {
      registerErasure(db, { id: e.id, kind: e.kind, networkId: e.network_id, erasedAt: e.erased_at, deviceId: e.device_id });
    }
    const applied = plan.add.erasures.length > 0 ? applyErasureRegister(db) : { responses: 0, respondents: 0 };
    for (const d of plan.add.discards) registerDiscard(db, { id: d.id, networkId: d.network_id, discardedAt: d.discarded_at, deviceId: d.device_id });
    const discardsApplied = plan.add.discards.length > 0 ? applyDiscardRegister(db) : 0;
    if (discardsApplied > 0) {
      appendAudit(db, ctx.deviceId, { action: 'study.discards_applied', entity: 'response', entityId: null, details: { count: discardsApplied } }, now);
    }
    for (const r of plan.organisationRemovals.add) {
      registerOrganisationRemoval(db, { id: r.id, networkId: r.network_id, removedAt: r.removed_at, deviceId: r.device_id });
    }
    // Each removal is logged as removeOrganisation logs it, with the name, as the organisation is gone.
    const organisationsRemoved = plan.organisationRemovals.add.length > 0 ? applyOrganisationRemovals(db) : [];
    for (const o of organisationsRemoved) {
      appendAudit(db, ctx.deviceId, { action: 'organisation.removed', entity: 'network', entityId: o.networkId, details: { from: o.name } }, now);
    }
    for (const entry of plan.audit) repo.insertAuditIfMissing(db, entry);
    if (applied.responses + applied.respondents > 0) {
      appendAudit(db, ctx.deviceId, { action: 'study.erasures_applied', entity: 'respondent', entityId: null, details: { count: applied.respondents } }, now);
    }
    const summary = Object.fromEntries(MERGE_TABLES.map((t) => [t, report.counts[t].added]));
    appendAudit(
      db,
      ctx.deviceId,
      {
        action: 'study.imported',
        entity: 'study-file',
        entityId: null,
        details: {
          added: summary,
          updated: report.updatedResponses,
          conflicts: report.conflicts.length,
          linkConflicts: report.linkConflicts.length,
          sourceDevice: file.manifest.deviceId,
          checksum: file.checksum.value.slice(0, 16),
          backup: backup?.name ?? null,
          nothingChanged: report.nothingChanged,
        },
      },
      now,
    );
  });
  try {
    try {
      write.immediate();
    } catch (err) {
      // Nothing was written (one transaction), so the backup of the unchanged data is not kept either.
      if (backup) rmSync(join(backupsDirFor(ctx.databasePath), backup.name), { force: true });
      if (err instanceof ChangedSincePlanned) return null;
      throw writeRefused(err);
    }
    if (plan.erasuresWouldApply > 0) {
      try {
        flushWal(db);
      } catch (err) {
        console.error('Na het wissen uit een studiebestand kon het logbestand van de database niet worden geleegd', err);
      }
    }
  } finally {
    steps.writing(false);
  }
  return {
    ...report,
    conflicts: report.conflicts.map((c) => (newCodes.has(c.incomingResponseId) ? { ...c, newRespondentCode: newCodes.get(c.incomingResponseId) } : c)),
    backup: backup?.name ?? null,
  };
}

/** Why the writing transaction failed, for people; every check came before it, so this is rare. */
function writeRefused(err: unknown): unknown {
  if (!(err instanceof Error) || err.name !== 'SqliteError') return err;
  console.error('Een studiebestand kon niet worden geschreven', err);
  if ((err as { code?: string }).code === 'SQLITE_BUSY') {
    return new ApiError('CONFLICT', 'De database was te lang bezig met iets anders op deze laptop, dus het studiebestand is niet geïmporteerd. Probeer het opnieuw; er is niets gewijzigd.');
  }
  return new ApiError(
    'VALIDATION',
    `Dit studiebestand kon niet worden samengevoegd: de database weigerde een rij (${err.message}). ` +
      'Exporteer het bestand opnieuw op de laptop waar het vandaan komt. Er is niets gewijzigd.',
  );
}
