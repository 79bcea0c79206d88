import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { ParsedInput } from '../../../shared/contract';
import { ApiError } from '../../../shared/errors';
import { allowedCodes, instrumentDefinition, type InstrumentDefinition } from '../../../shared/instruments/schema';
import {
  FORBIDDEN_KEYS,
  MERGE_TABLES,
  STUDY_FILE_EXTENSION,
  STUDY_FILE_FORMAT,
  STUDY_FILE_MAX_CHARS,
  STUDY_FILE_VERSION,
  studyFile,
  type AnswerDifference,
  type MergeChoice,
  type MergeConflict,
  type MergeReport,
  type MergeTable,
  type ResponseVersion,
  type StudyData,
  type StudyExportResult,
  type StudyFile,
  type StudyFileInfo,
  type StudyManifest,
  type TableCount,
} from '../../../shared/study';
import { appendAudit } from '../../db/repositories/audit';
import { applyErasureRegister, registerErasure } from '../../db/repositories/erasures';
import { getSetting } from '../../db/repositories/settings';
import * as repo from '../../db/repositories/study';
import type { ServiceContext } from '../context';
import { createBackup, RESEARCHER_KEY } from './backups';
import { safeFileName, writeFileAtomically } from '../files';
import { requireNetwork } from '../administration/networks';
import { describeIssue } from '../validation';
import { linkDecisionConflicts, placedLinkDecisions, planLinkDecisions, type PlannedLinkDecision } from './study-link-decisions';

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

/** The checksum a study file carries: over the manifest and the data exactly as serialised. */
export function studyChecksum(manifest: unknown, data: unknown): string {
  return sha256(JSON.stringify({ manifest, data }));
}

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

// --- Reading and checking a file ---------------------------------------------------------------------

const refused = (why: string) => new ApiError('VALIDATION', `${why} Er is niets gewijzigd.`);

/** The first forbidden key anywhere in a parsed JSON value (iterative: a deeply nested file cannot overflow the stack). */
function findForbiddenKey(value: unknown): string | null {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const child of node) stack.push(child);
      continue;
    }
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.includes(key)) return key;
      stack.push((node as Record<string, unknown>)[key]);
    }
  }
  return null;
}

const tableNames: Record<string, string> = {
  networks: 'netwerk',
  organisations: 'organisatie',
  instruments: 'vragenlijst',
  waves: 'meting',
  wave_instruments: 'vragenlijst van meting',
  respondents: 'respondent',
  responses: 'ingevulde vragenlijst',
  answers: 'antwoord',
  audit_log: 'logregel',
  erasures: 'wissing',
  link_decisions: 'koppelbesluit',
};

/** "antwoord 13 → value": where in the file a problem is, by table and row number. */
function locateInStudyFile(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    if (key === 'data') continue;
    if (typeof key === 'number') {
      const table = tableNames[String(path[i - 1])];
      if (table) parts[parts.length - 1] = `${table} ${key + 1}`;
      else parts.push(`nr. ${key + 1}`);
    } else parts.push(String(key));
  }
  return parts.length > 0 ? parts.join(' → ') : 'het bestand';
}

function listProblems(issues: readonly z.core.$ZodIssue[]): string {
  const lines = issues.slice(0, 5).map((issue) => describeIssue(issue, locateInStudyFile));
  return lines.join('; ') + (issues.length > 5 ? ` (en nog ${issues.length - 5} andere)` : '');
}

/**
 * Parses and checks a study file, in this order: JSON, the format marker, the format version,
 * forbidden keys, the checksum, then every field (strict: unknown fields are refused).
 */
export function parseStudyFile(content: string): StudyFile {
  if (content.length > STUDY_FILE_MAX_CHARS) refusedTooLarge();
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    throw refused('Dit is geen Netwerkspiegel-studiebestand: de inhoud is geen geldige JSON.');
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || (raw as { format?: unknown }).format !== STUDY_FILE_FORMAT) {
    throw refused('Dit is geen Netwerkspiegel-studiebestand. Kies een bestand dat met "Studiebestand exporteren" is gemaakt.');
  }
  const record = raw as Record<string, unknown>;
  const version = record['formatVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw refused('Dit studiebestand heeft geen geldige formaatversie.');
  }
  if (version > STUDY_FILE_VERSION) {
    throw refused(
      `Dit studiebestand is gemaakt met een nieuwere versie van Netwerkspiegel (formaatversie ${version}; deze app kent versie ${STUDY_FILE_VERSION}). Werk de app bij en probeer het opnieuw.`,
    );
  }
  if (version !== STUDY_FILE_VERSION && version !== 1) throw refused(`Deze formaatversie van een studiebestand (${version}) kent deze app niet.`);
  const forbidden = findForbiddenKey(raw);
  if (forbidden !== null) throw refused(`Dit studiebestand bevat de niet-toegestane sleutel "${forbidden}" en wordt daarom geweigerd.`);
  const checksum = (record['checksum'] as { value?: unknown } | undefined)?.value;
  if (typeof checksum !== 'string' || checksum !== studyChecksum(record['manifest'], record['data'])) {
    throw refused('Het controlegetal van dit studiebestand klopt niet: het bestand is beschadigd of na het exporteren gewijzigd. Exporteer het opnieuw.');
  }
  const parsed = studyFile.safeParse(version === 1 ? fromVersion1(record) : raw);
  if (!parsed.success) throw refused(`Dit studiebestand klopt niet: ${listProblems(parsed.error.issues)}.`);
  return parsed.data;
}

/** A version-1 file (checksum already checked) read as version 2: the same data without link decisions. */
function fromVersion1(record: Record<string, unknown>): Record<string, unknown> {
  const data = record['data'];
  if (data === null || typeof data !== 'object' || Array.isArray(data) || 'link_decisions' in data) return record;
  return { ...record, formatVersion: STUDY_FILE_VERSION, data: { ...data, link_decisions: [] } };
}

function refusedTooLarge(): never {
  throw refused(`Dit bestand is te groot voor een studiebestand (meer dan ${STUDY_FILE_MAX_CHARS / 1_000_000} MB).`);
}

// --- Planning a merge ----------------------------------------------------------------------------------

interface PlannedResponse {
  row: Row<'responses'>; // respondent, wave and organisation mapped to this database
  answers: Row<'answers'>[];
  action: 'add' | 'update' | 'skip' | 'erased' | 'decide';
  conflict?: MergeConflict;
  versionsHash?: string;
  earlier?: MergeChoice;
  respondentOrganisation: string | null;
  /** Already here under another person than its code names: kept as a second person ("both") at an earlier import. */
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
    respondents: Rows<'respondents'>;
    erasures: Rows<'erasures'>;
  };
  responses: PlannedResponse[];
  linkDecisions: PlannedLinkDecision[];
  auditMissing: number;
  matched: MergeReport['matched'];
  erasedSkipped: number;
  erasuresWouldApply: number;
}

const canonicalDefinition = (text: string) => JSON.stringify(instrumentDefinition.parse(JSON.parse(text)));

function missingReference(what: string, where: string): ApiError {
  return refused(`Het studiebestand verwijst naar ${what} die niet in het bestand en niet in deze database staat (${where}).`);
}

function requireUnique<T>(rows: readonly T[], key: (row: T) => string, table: string): void {
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const k = key(row);
    if (seen.has(k)) throw refused(`Het studiebestand bevat ${table} ${i + 1} twee keer.`);
    seen.add(k);
  });
}

/** Every reference in the file must point at a row in the file or in this database; answers must fit their questions. */
function checkReferences(ctx: ServiceContext, data: StudyData): Map<string, InstrumentDefinition> {
  const db = ctx.db;
  requireUnique(data.networks, (r) => r.id, 'netwerk');
  requireUnique(data.organisations, (r) => r.id, 'organisatie');
  requireUnique(data.instruments, (r) => `${r.instrument_id}@${r.version}`, 'vragenlijst');
  requireUnique(data.waves, (r) => r.id, 'meting');
  requireUnique(data.wave_instruments, (r) => `${r.wave_id}/${r.instrument_id}`, 'vragenlijst van meting');
  requireUnique(data.respondents, (r) => r.id, 'respondent');
  requireUnique(data.responses, (r) => r.id, 'ingevulde vragenlijst');
  requireUnique(data.answers, (r) => r.id, 'antwoord');
  requireUnique(data.answers, (r) => `${r.response_id}/${r.instrument_id}/${r.item_id}`, 'antwoord');
  requireUnique(data.audit_log, (r) => r.id, 'logregel');
  requireUnique(data.erasures, (r) => r.id, 'wissing');
  requireUnique(data.link_decisions, (r) => r.id, 'koppelbesluit');

  const networks = new Set(data.networks.map((n) => n.id));
  const networkOk = (id: string) => networks.has(id) || repo.exists.network(db, id);
  const fileOrgs = new Map(data.organisations.map((o) => [o.id, o.network_id]));
  const orgNetwork = (id: string) => fileOrgs.get(id) ?? repo.exists.organisation(db, id)?.networkId;
  const fileWaves = new Map(data.waves.map((w) => [w.id, w.network_id]));
  const waveNetwork = (id: string) => fileWaves.get(id) ?? repo.exists.wave(db, id)?.networkId;
  const fileRespondents = new Map(data.respondents.map((r) => [r.id, r.network_id]));
  const respondentNetwork = (id: string) => fileRespondents.get(id) ?? repo.exists.respondent(db, id)?.networkId;

  // Instruments: the file's definitions must be valid, and equal to this database's where both have a version.
  const definitions = new Map<string, InstrumentDefinition>();
  data.instruments.forEach((ins, i) => {
    const key = `${ins.instrument_id}@${ins.version}`;
    let def: InstrumentDefinition;
    try {
      def = instrumentDefinition.parse(JSON.parse(ins.definition));
    } catch {
      throw refused(`Vragenlijst ${i + 1} in het studiebestand (${ins.instrument_id} versie ${ins.version}) heeft geen geldige definitie.`);
    }
    if (def.id !== ins.instrument_id || def.version !== ins.version) {
      throw refused(`Vragenlijst ${i + 1} in het studiebestand heeft een definitie van een andere vragenlijst of versie.`);
    }
    const local = repo.instrumentDefinitionText(db, ins.instrument_id, ins.version);
    if (local !== undefined && canonicalDefinition(local) !== JSON.stringify(def)) {
      throw refused(
        `Vragenlijst ${ins.instrument_id} versie ${ins.version} staat in deze database met een andere inhoud dan in het studiebestand. Zo'n bestand kan niet worden samengevoegd.`,
      );
    }
    definitions.set(key, def);
  });
  const definitionOf = (instrumentId: string, version: number): InstrumentDefinition | undefined => {
    const key = `${instrumentId}@${version}`;
    if (!definitions.has(key)) {
      const local = repo.instrumentDefinitionText(db, instrumentId, version);
      if (local === undefined) return undefined;
      definitions.set(key, instrumentDefinition.parse(JSON.parse(local)));
    }
    return definitions.get(key);
  };

  data.organisations.forEach((o, i) => {
    if (!networkOk(o.network_id)) throw missingReference('een netwerk', `organisatie ${i + 1}`);
  });
  data.waves.forEach((w, i) => {
    if (!networkOk(w.network_id)) throw missingReference('een netwerk', `meting ${i + 1}`);
  });
  data.wave_instruments.forEach((wi, i) => {
    if (!fileWaves.has(wi.wave_id)) throw missingReference('een meting', `vragenlijst van meting ${i + 1}`);
    if (!definitionOf(wi.instrument_id, wi.instrument_version)) throw missingReference('een vragenlijst', `vragenlijst van meting ${i + 1}`);
  });
  data.respondents.forEach((r, i) => {
    if (!networkOk(r.network_id)) throw missingReference('een netwerk', `respondent ${i + 1}`);
    if (r.organisation_id !== null && orgNetwork(r.organisation_id) !== r.network_id) throw missingReference('een organisatie van dit netwerk', `respondent ${i + 1}`);
  });
  const responseInstruments = new Map<string, Set<string>>();
  data.responses.forEach((r, i) => {
    const network = respondentNetwork(r.respondent_id);
    if (network === undefined) throw missingReference('een respondent', `ingevulde vragenlijst ${i + 1}`);
    const wNetwork = waveNetwork(r.wave_id);
    if (wNetwork === undefined) throw missingReference('een meting', `ingevulde vragenlijst ${i + 1}`);
    if (wNetwork !== network) throw refused(`Ingevulde vragenlijst ${i + 1} in het studiebestand hoort bij een meting van een ander netwerk dan de respondent.`);
    if (r.organisation_id !== null && orgNetwork(r.organisation_id) !== network) throw missingReference('een organisatie van dit netwerk', `ingevulde vragenlijst ${i + 1}`);
    responseInstruments.set(r.id, new Set());
  });
  data.link_decisions.forEach((d, i) => {
    if (!networkOk(d.network_id)) throw missingReference('een netwerk', `koppelbesluit ${i + 1}`);
    for (const respondentId of [d.baseline_respondent_id, d.follow_up_respondent_id]) {
      if (respondentNetwork(respondentId) !== d.network_id) throw missingReference('een respondent van dit netwerk', `koppelbesluit ${i + 1}`);
    }
  });
  data.answers.forEach((a, i) => {
    if (!responseInstruments.has(a.response_id)) throw missingReference('een ingevulde vragenlijst', `antwoord ${i + 1}`);
    const def = definitionOf(a.instrument_id, a.instrument_version);
    if (!def) throw missingReference('een vragenlijst', `antwoord ${i + 1}`);
    const item = def.items.find((it) => it.id === a.item_id);
    if (!item) throw refused(`Antwoord ${i + 1} in het studiebestand hoort bij vraag ${a.item_id}, die niet in vragenlijst ${def.id} staat.`);
    const codes = allowedCodes(def, item);
    const fits = codes === null ? a.value === null && a.text !== null : a.text === null && a.value !== null && codes.has(a.value);
    if (!fits) throw refused(`Antwoord ${i + 1} in het studiebestand is geen geldig antwoord op vraag ${a.item_id}.`);
  });
  return definitions;
}

const answerKey = (a: { instrument_id: string; item_id: string }) => `${a.instrument_id}/${a.item_id}`;
const answerValue = (a: { value: number | null; text: string | null }) => (a.value !== null ? a.value : a.text);

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

/** Works out what an import would do, reading this database only. */
function planMerge(ctx: ServiceContext, file: StudyFile): Plan {
  const db = ctx.db;
  const data = file.data;
  checkReferences(ctx, data);

  const plan: Plan = {
    file,
    add: { networks: [], organisations: [], instruments: [], waves: [], wave_instruments: [], respondents: [], erasures: [] },
    responses: [],
    linkDecisions: [],
    auditMissing: 0,
    matched: { organisations: 0, waves: 0, respondents: 0 },
    erasedSkipped: 0,
    erasuresWouldApply: 0,
  };

  // Erasures: this laptop's register plus the file's. An erased id is never imported.
  const erased = new Set<string>();
  for (const e of data.erasures) {
    erased.add(e.id);
    if (!repo.exists.erasure(db, e.id)) {
      plan.add.erasures.push(e);
      if (e.kind === 'respondent' && repo.exists.respondent(db, e.id)) plan.erasuresWouldApply++;
      if (e.kind === 'response' && repo.responseRow(db, e.id)) plan.erasuresWouldApply++;
    }
  }
  const isErased = (id: string) => erased.has(id) || repo.exists.erasure(db, id);

  for (const n of data.networks) if (!repo.exists.network(db, n.id)) plan.add.networks.push(n);
  const addedNetworks = new Set(plan.add.networks.map((n) => n.id));

  const orgMap = new Map<string, string>();
  for (const o of data.organisations) {
    if (repo.exists.organisation(db, o.id)) {
      orgMap.set(o.id, o.id);
      continue;
    }
    const sameName = addedNetworks.has(o.network_id) ? undefined : repo.organisationIdByName(db, o.network_id, o.name);
    if (sameName) {
      orgMap.set(o.id, sameName);
      plan.matched.organisations++;
    } else {
      orgMap.set(o.id, o.id);
      plan.add.organisations.push(o);
    }
  }
  const mapOrg = (id: string | null) => (id === null ? null : (orgMap.get(id) ?? id));

  for (const ins of data.instruments) {
    if (repo.instrumentDefinitionText(db, ins.instrument_id, ins.version) === undefined) plan.add.instruments.push(ins);
  }

  const waveMap = new Map<string, string>();
  const refsOf = (waveId: string) =>
    data.wave_instruments
      .filter((wi) => wi.wave_id === waveId)
      .sort((a, b) => a.position - b.position)
      .map((wi) => `${wi.instrument_id}@${wi.instrument_version}`);
  for (const w of data.waves) {
    if (repo.exists.wave(db, w.id)) {
      waveMap.set(w.id, w.id);
      continue;
    }
    const sameLabel = addedNetworks.has(w.network_id) ? undefined : repo.waveIdByLabel(db, w.network_id, w.label);
    if (sameLabel) {
      if (JSON.stringify(repo.waveInstrumentRefs(db, sameLabel)) !== JSON.stringify(refsOf(w.id))) {
        throw refused(
          `Meting "${w.label}" bestaat in dit netwerk al, maar met andere vragenlijsten dan in het studiebestand. Twee verschillende metingen met dezelfde naam kunnen niet worden samengevoegd.`,
        );
      }
      waveMap.set(w.id, sameLabel);
      plan.matched.waves++;
    } else {
      waveMap.set(w.id, w.id);
      plan.add.waves.push(w);
      plan.add.wave_instruments.push(...data.wave_instruments.filter((wi) => wi.wave_id === w.id));
    }
  }

  const respondentMap = new Map<string, string>();
  const incomingRespondents = new Map(data.respondents.map((r) => [r.id, r]));
  for (const r of data.respondents) {
    if (isErased(r.id)) {
      plan.erasedSkipped++;
      continue;
    }
    if (repo.exists.respondent(db, r.id)) {
      respondentMap.set(r.id, r.id);
      continue;
    }
    const sameCode = repo.respondentIdByCode(db, r.network_id, r.code);
    if (sameCode) {
      respondentMap.set(r.id, sameCode);
      plan.matched.respondents++;
    } else {
      respondentMap.set(r.id, r.id);
      plan.add.respondents.push({ ...r, organisation_id: mapOrg(r.organisation_id) });
    }
  }

  const answersOf = new Map<string, Row<'answers'>[]>();
  for (const a of data.answers) {
    const list = answersOf.get(a.response_id);
    if (list) list.push(a);
    else answersOf.set(a.response_id, [a]);
  }
  const networkNames = new Map(data.networks.map((n) => [n.id, n.name]));
  const waveLabels = new Map(data.waves.map((w) => [w.id, { label: w.label, networkId: w.network_id }]));
  const fileOrgNames = new Map(data.organisations.map((o) => [o.id, o.name]));

  for (const incoming of data.responses) {
    const answers = answersOf.get(incoming.id) ?? [];
    const respondent = incomingRespondents.get(incoming.respondent_id);
    if (isErased(incoming.id) || isErased(incoming.respondent_id) || (respondent && !respondentMap.has(respondent.id))) {
      plan.erasedSkipped++;
      plan.responses.push({ row: incoming, answers, action: 'erased', respondentOrganisation: null });
      continue;
    }
    const row: Row<'responses'> = {
      ...incoming,
      respondent_id: respondentMap.get(incoming.respondent_id) ?? incoming.respondent_id,
      wave_id: waveMap.get(incoming.wave_id) ?? incoming.wave_id,
      organisation_id: mapOrg(incoming.organisation_id),
    };
    const planned: PlannedResponse = { row, answers, action: 'add', respondentOrganisation: respondent ? mapOrg(respondent.organisation_id) : null };
    const local = repo.responseRow(db, incoming.id);
    if (local && local.respondent_id !== row.respondent_id) planned.keptApart = true;
    const duplicateOf = local ? undefined : repo.responseIdFor(db, row.respondent_id, row.wave_id);
    if (local || duplicateOf) {
      const localRow = local ?? repo.responseRow(db, duplicateOf!)!;
      const localAnswers = repo.answerRows(db, localRow.id);
      const comparison = local ? compareVersions(localRow, localAnswers, row, answers) : 'diverged';
      if (comparison === 'equal' || comparison === 'local-extends') planned.action = 'skip';
      else if (comparison === 'incoming-extends') planned.action = 'update';
      else {
        planned.action = 'decide';
        planned.versionsHash = sha256(`${versionHash(localRow, localAnswers)}/${versionHash(row, answers)}`);
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
          incoming: versionView(row, answers, incomingOrgName),
          differences: differences(localAnswers, answers),
          choices: local ? ['local', 'incoming'] : ['local', 'incoming', 'both'],
        };
      }
    }
    if (planned.action !== 'skip') {
      for (const a of answers) {
        const owner = repo.exists.answer(db, a.id);
        if (owner && owner.responseId !== incoming.id) throw refused(`Antwoord ${a.id} in het studiebestand bestaat hier al bij een andere vragenlijst.`);
      }
    }
    plan.responses.push(planned);
  }

  plan.linkDecisions = planLinkDecisions(db, data, { respondentMap, isErased });
  plan.erasedSkipped += plan.linkDecisions.filter((d) => d.action === 'erased').length;
  plan.auditMissing = data.audit_log.filter((e) => !repo.auditExists(db, e.id)).length;
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
  set('respondents', plan.add.respondents.length, data.respondents.length);
  set('auditLog', plan.auditMissing, data.audit_log.length);
  set('erasures', plan.add.erasures.length, data.erasures.length);

  let responsesAdded = 0;
  let answersAdded = 0;
  let updated = 0;
  let decidedEarlier = 0;
  const conflicts: MergeConflict[] = [];
  for (const p of plan.responses) {
    if (p.action === 'add') {
      responsesAdded++;
      answersAdded += p.answers.length;
    } else if (p.action === 'update') {
      updated++;
      answersAdded += newAnswers(repo.answerRows(ctx.db, p.row.id), p.answers);
    } else if (p.action === 'decide' && p.conflict) {
      if (p.earlier) {
        decidedEarlier++;
        continue;
      }
      const choice = decisions?.get(p.conflict.incomingResponseId);
      conflicts.push(choice ? { ...p.conflict, decision: choice } : p.conflict);
      if (choice === 'incoming' || choice === 'both') {
        if (choice === 'both' || p.conflict.kind === 'duplicate') responsesAdded++;
        answersAdded += choice === 'both' || p.conflict.kind === 'duplicate' ? p.answers.length : newAnswers(repo.answerRows(ctx.db, p.row.id), p.answers);
      }
    }
  }
  set('responses', responsesAdded, data.responses.length);
  set('answers', answersAdded, data.answers.length);
  const linkDecisions = linkDecisionsToAdd(plan, decisions);
  set('linkDecisions', linkDecisions.length, data.link_decisions.length);

  const changed =
    MERGE_TABLES.some((t) => counts[t].added > 0) || updated > 0 || plan.erasuresWouldApply > 0 || conflicts.some((c) => c.decision && c.decision !== 'local');
  return {
    file: fileInfo(plan.file),
    counts,
    matched: plan.matched,
    updatedResponses: updated,
    erasedSkipped: plan.erasedSkipped,
    erasuresApplied: plan.erasuresWouldApply,
    conflicts,
    linkConflicts: linkDecisionConflicts(ctx.db, data, linkDecisions),
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

/** What importing this file would do; reads only, writes nothing. */
export function previewStudyFile(ctx: ServiceContext, input: ParsedInput<'previewStudyFile'>): MergeReport {
  return reportOf(ctx, planMerge(ctx, parseStudyFile(input.content)));
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

/** A UUID derived from a name, so "keep both" gives the same new row on every import of the same file. */
function derivedUuid(name: string): string {
  const h = sha256(name);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Imports a study file in one transaction, with the user's choice for every conflict (a conflict
 * without a choice refuses the whole import). A backup is taken first; the report says what was
 * added, skipped and decided; the audit log records the import and every choice.
 */
export function importStudyFile(ctx: ServiceContext, input: ParsedInput<'importStudyFile'>): MergeReport {
  const file = parseStudyFile(input.content);
  const decisions = new Map<string, MergeChoice>();
  for (const d of input.decisions) decisions.set(d.incomingResponseId, d.choice);

  const check = planMerge(ctx, file);
  const open = check.responses.filter((p) => p.action === 'decide' && !p.earlier);
  const known = new Set(open.map((p) => p.conflict!.incomingResponseId));
  for (const [responseId, choice] of decisions) {
    const target = open.find((p) => p.conflict!.incomingResponseId === responseId);
    if (!target || !known.has(responseId)) throw refused('Er is een keuze gemaakt voor een conflict dat dit bestand niet heeft. Bekijk het bestand opnieuw.');
    if (!target.conflict!.choices.includes(choice)) throw refused('"Beide bewaren" kan alleen bij een dubbel gebruikte respondentcode.');
  }
  const undecided = open.filter((p) => !decisions.has(p.conflict!.incomingResponseId)).length;
  if (undecided > 0) {
    throw new ApiError('CONFLICT', `Kies eerst bij elk conflict welke versie blijft (nog ${undecided} open). Er is niets gewijzigd.`);
  }

  // A backup first, unless the import would change nothing (the same file again).
  const backup = reportOf(ctx, check, decisions).nothingChanged ? null : createBackup(ctx, 'voor-import');
  const now = ctx.now();
  const db = ctx.db;
  const newCodes = new Map<string, string>();
  const report = db
    .transaction(() => {
      // Plan again inside the transaction: exactly what is committed is what the report says.
      const plan = planMerge(ctx, file);
      const before = reportOf(ctx, plan, decisions);
      for (const n of plan.add.networks) repo.insertStudyRow(db, 'networks', n);
      for (const o of plan.add.organisations) repo.insertStudyRow(db, 'organisations', o);
      for (const i of plan.add.instruments) repo.insertStudyRow(db, 'instruments', i);
      for (const w of plan.add.waves) repo.insertStudyRow(db, 'waves', w);
      for (const wi of plan.add.wave_instruments) repo.insertStudyRow(db, 'wave_instruments', wi);
      for (const r of plan.add.respondents) repo.insertStudyRow(db, 'respondents', r);

      const usedWaves = new Set<string>();
      const addResponse = (row: Row<'responses'>, answers: Row<'answers'>[]) => {
        repo.insertStudyRow(db, 'responses', row);
        for (const a of answers) repo.insertStudyRow(db, 'answers', a);
        usedWaves.add(row.wave_id);
      };
      for (const p of plan.responses) {
        if (p.action === 'add') addResponse(p.row, p.answers);
        else if (p.action === 'update') {
          repo.replaceResponse(db, p.row, p.answers);
          appendAudit(db, ctx.deviceId, { action: 'response.updated_from_study', entity: 'response', entityId: p.row.id }, now);
        } else if (p.action === 'decide' && p.conflict && !p.earlier) {
          const c = p.conflict;
          const choice = decisions.get(c.incomingResponseId)!;
          if (choice === 'incoming' && c.kind === 'conflict') repo.replaceResponse(db, p.row, p.answers);
          if (choice === 'incoming' && c.kind === 'duplicate') {
            repo.deleteResponse(db, c.localResponseId);
            addResponse(p.row, p.answers);
          }
          if (choice === 'both') {
            const networkId = repo.exists.respondent(db, p.row.respondent_id)!.networkId;
            const code = freeCode(ctx, networkId, c.respondentCode);
            const respondentId = derivedUuid(`both:${c.incomingResponseId}`);
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
            addResponse({ ...p.row, respondent_id: respondentId }, p.answers);
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
      for (const entry of file.data.audit_log) repo.insertAuditIfMissing(db, entry);
      if (applied.responses + applied.respondents > 0) {
        appendAudit(db, ctx.deviceId, { action: 'study.erasures_applied', entity: 'respondent', entityId: null, details: { count: applied.respondents } }, now);
      }
      const summary = Object.fromEntries(MERGE_TABLES.map((t) => [t, before.counts[t].added]));
      appendAudit(
        db,
        ctx.deviceId,
        {
          action: 'study.imported',
          entity: 'study-file',
          entityId: null,
          details: {
            added: summary,
            updated: before.updatedResponses,
            conflicts: before.conflicts.length,
            linkConflicts: before.linkConflicts.length,
            sourceDevice: file.manifest.deviceId,
            checksum: file.checksum.value.slice(0, 16),
            backup: backup?.name ?? null,
            nothingChanged: before.nothingChanged,
          },
        },
        now,
      );
      return before;
    })
    .immediate();
  return {
    ...report,
    conflicts: report.conflicts.map((c) => (newCodes.has(c.incomingResponseId) ? { ...c, newRespondentCode: newCodes.get(c.incomingResponseId) } : c)),
    backup: backup?.name ?? null,
  };
}
