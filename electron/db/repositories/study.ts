import type { WaveKind } from '../../../shared/domain';
import type { StudyData } from '../../../shared/study';
import type { Db } from '../open';
import { prepared } from '../prepared';

/**
 * Plain SQL for study files: reading the rows of some networks exactly as stored (column names
 * are the file's keys), and writing incoming rows unchanged (ids and device ids kept).
 */

type Row<K extends keyof StudyData> = StudyData[K][number];

/** The columns of each table as a study file carries them (a test keeps them equal to the schema). */
export const STUDY_COLUMNS = {
  networks: ['id', 'name', 'description', 'min_group_size', 'created_at', 'updated_at', 'device_id', 'consent_nl', 'consent_en', 'code_policy', 'idle_seconds', 'kiosk_stop'],
  organisations: ['id', 'network_id', 'name', 'sector', 'size_class', 'created_at', 'updated_at', 'device_id', 'joined_on', 'left_on', 'expected_participants', 'archived_at'],
  instruments: ['instrument_id', 'version', 'definition', 'built_in', 'frozen_at', 'created_at', 'device_id'],
  waves: ['id', 'network_id', 'label', 'kind', 'planned_date', 'status', 'created_at', 'updated_at', 'device_id', 'occasion_id', 'occasion_moment'],
  wave_instruments: ['wave_id', 'instrument_id', 'instrument_version', 'position'],
  occasions: ['id', 'wave_id', 'label', 'held_on', 'created_at', 'updated_at', 'device_id'],
  respondents: ['id', 'network_id', 'code', 'code_kind', 'organisation_id', 'role_group', 'discipline', 'created_at', 'updated_at', 'device_id'],
  responses: ['id', 'respondent_id', 'wave_id', 'status', 'mode', 'started_at', 'completed_at', 'updated_at', 'device_id', 'consent_at', 'language', 'organisation_id'],
  answers: ['id', 'response_id', 'instrument_id', 'instrument_version', 'item_id', 'value', 'text', 'updated_at', 'device_id'],
  audit_log: ['id', 'at', 'device_id', 'actor', 'action', 'entity', 'entity_id', 'details'],
  erasures: ['id', 'kind', 'network_id', 'erased_at', 'device_id'],
  link_decisions: ['id', 'network_id', 'baseline_respondent_id', 'follow_up_respondent_id', 'decision', 'decided_at', 'device_id'],
  discarded_responses: ['id', 'network_id', 'discarded_at', 'device_id'],
  removed_organisations: ['id', 'network_id', 'removed_at', 'device_id'],
  relation_answers: ['id', 'response_id', 'instrument_id', 'instrument_version', 'item_id', 'organisation_id', 'value', 'updated_at', 'device_id'],
} as const satisfies Record<keyof StudyData, readonly string[]>;

const cols = (table: keyof StudyData) => STUDY_COLUMNS[table].join(', ');
const inList = 'IN (SELECT value FROM json_each(?))';

/** Everything a study file holds about the given networks, each table in a stable order. */
export function readStudyData(db: Db, networkIds: string[]): StudyData {
  const ids = JSON.stringify(networkIds);
  const all = <K extends keyof StudyData>(sql: string, ...params: unknown[]) => prepared(db, sql).all(...params) as Row<K>[];
  const waves = all<'waves'>(`SELECT ${cols('waves')} FROM waves WHERE network_id ${inList} ORDER BY created_at, id`, ids);
  const waveIds = JSON.stringify(waves.map((w) => w.id));
  const responses = all<'responses'>(`SELECT ${cols('responses')} FROM responses WHERE wave_id ${inList} ORDER BY started_at, id`, waveIds);
  const responseIds = JSON.stringify(responses.map((r) => r.id));
  const networks = all<'networks'>(`SELECT ${cols('networks')} FROM networks WHERE id ${inList} ORDER BY created_at, id`, ids);
  const organisations = all<'organisations'>(`SELECT ${cols('organisations')} FROM organisations WHERE network_id ${inList} ORDER BY created_at, id`, ids);
  const respondents = all<'respondents'>(`SELECT ${cols('respondents')} FROM respondents WHERE network_id ${inList} ORDER BY created_at, id`, ids);
  const waveInstruments = all<'wave_instruments'>(
    `SELECT ${cols('wave_instruments')} FROM wave_instruments WHERE wave_id ${inList} ORDER BY wave_id, position`,
    waveIds,
  );
  const instruments = all<'instruments'>(
    `SELECT ${cols('instruments')} FROM instruments i
     WHERE EXISTS (SELECT 1 FROM wave_instruments wi WHERE wi.instrument_id = i.instrument_id AND wi.instrument_version = i.version AND wi.wave_id ${inList})
     ORDER BY instrument_id, version`,
    waveIds,
  );
  const occasions = all<'occasions'>(`SELECT ${cols('occasions')} FROM occasions WHERE wave_id ${inList} ORDER BY created_at, id`, waveIds);
  const answers = all<'answers'>(`SELECT ${cols('answers')} FROM answers WHERE response_id ${inList} ORDER BY response_id, rowid`, responseIds);
  const relationAnswers = all<'relation_answers'>(
    `SELECT ${cols('relation_answers')} FROM relation_answers WHERE response_id ${inList} ORDER BY response_id, rowid`,
    responseIds,
  );
  const linkDecisions = all<'link_decisions'>(`SELECT ${cols('link_decisions')} FROM link_decisions WHERE network_id ${inList} ORDER BY decided_at, id`, ids);
  const discarded = all<'discarded_responses'>(`SELECT ${cols('discarded_responses')} FROM discarded_responses WHERE network_id ${inList} ORDER BY discarded_at, id`, ids);
  const removedOrganisations = all<'removed_organisations'>(
    `SELECT ${cols('removed_organisations')} FROM removed_organisations WHERE network_id ${inList} ORDER BY removed_at, id`,
    ids,
  );
  // The log entries about what is exported: the networks, their organisations, waves, responses and link decisions, and the instruments used.
  const entityIds = JSON.stringify([
    ...networkIds,
    ...organisations.map((o) => o.id),
    ...waves.map((w) => w.id),
    ...responses.map((r) => r.id),
    ...linkDecisions.map((d) => d.id),
    ...discarded.map((d) => d.id),
    ...instruments.map((i) => `${i.instrument_id}@${i.version}`),
  ]);
  const auditLog = all<'audit_log'>(`SELECT ${cols('audit_log')} FROM audit_log WHERE entity_id ${inList} ORDER BY at, rowid`, entityIds);
  const erasures = all<'erasures'>(`SELECT ${cols('erasures')} FROM erasures WHERE network_id ${inList} ORDER BY erased_at, id`, ids);
  return {
    networks,
    organisations,
    instruments,
    waves,
    wave_instruments: waveInstruments,
    occasions,
    respondents,
    responses,
    answers,
    audit_log: auditLog,
    erasures,
    link_decisions: linkDecisions,
    discarded_responses: discarded,
    removed_organisations: removedOrganisations,
    relation_answers: relationAnswers,
  };
}

/** Inserts one row exactly as given (ids and device ids kept). */
export function insertStudyRow<K extends keyof StudyData>(db: Db, table: K, row: Row<K>): void {
  const columns = STUDY_COLUMNS[table];
  const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  const record = row as Record<string, unknown>;
  prepared(db, sql).run(...columns.map((c) => record[c] ?? null));
}

/** Inserts an audit entry from another laptop unless it is already here; true when it was added. */
export function insertAuditIfMissing(db: Db, row: Row<'audit_log'>): boolean {
  const columns = STUDY_COLUMNS.audit_log;
  // Not INSERT OR IGNORE: the table's triggers refuse a second row with an existing id outright.
  const result = prepared(
    db,
    `INSERT INTO audit_log (${columns.join(', ')}) SELECT ${columns.map(() => '?').join(', ')} WHERE NOT EXISTS (SELECT 1 FROM audit_log WHERE id = ?)`,
  ).run(...columns.map((c) => (row as Record<string, unknown>)[c] ?? null), row.id);
  return result.changes === 1;
}

// --- Lookups for merging --------------------------------------------------------------------------

export const exists = {
  network: (db: Db, id: string) => !!prepared(db, 'SELECT 1 FROM networks WHERE id = ?').get(id),
  organisation: (db: Db, id: string) => prepared(db, 'SELECT network_id AS networkId FROM organisations WHERE id = ?').get(id) as { networkId: string } | undefined,
  wave: (db: Db, id: string) => prepared(db, 'SELECT network_id AS networkId FROM waves WHERE id = ?').get(id) as { networkId: string } | undefined,
  occasion: (db: Db, id: string) => !!prepared(db, 'SELECT 1 FROM occasions WHERE id = ?').get(id),
  respondent: (db: Db, id: string) => prepared(db, 'SELECT network_id AS networkId, code FROM respondents WHERE id = ?').get(id) as { networkId: string; code: string } | undefined,
  answer: (db: Db, id: string) => prepared(db, 'SELECT response_id AS responseId FROM answers WHERE id = ?').get(id) as { responseId: string } | undefined,
  relationAnswer: (db: Db, id: string) => prepared(db, 'SELECT response_id AS responseId FROM relation_answers WHERE id = ?').get(id) as { responseId: string } | undefined,
  erasure: (db: Db, id: string) => !!prepared(db, 'SELECT 1 FROM erasures WHERE id = ?').get(id),
  linkDecision: (db: Db, id: string) => !!prepared(db, 'SELECT 1 FROM link_decisions WHERE id = ?').get(id),
  discard: (db: Db, id: string) => !!prepared(db, 'SELECT 1 FROM discarded_responses WHERE id = ?').get(id),
  organisationRemoval: (db: Db, id: string) => !!prepared(db, 'SELECT 1 FROM removed_organisations WHERE id = ?').get(id),
};

export function networkName(db: Db, id: string): string | undefined {
  return (prepared(db, 'SELECT name FROM networks WHERE id = ?').get(id) as { name: string } | undefined)?.name;
}

export function waveLabel(db: Db, id: string): string | undefined {
  return (prepared(db, 'SELECT label FROM waves WHERE id = ?').get(id) as { label: string } | undefined)?.label;
}

/** Where a response is: its network, wave and respondent (with the code). */
export function responsePlace(db: Db, id: string): { networkId: string; waveId: string; waveLabel: string; respondentId: string; code: string } | undefined {
  return prepared(
    db,
    `SELECT w.network_id AS networkId, w.id AS waveId, w.label AS waveLabel, p.id AS respondentId, p.code
     FROM responses r JOIN waves w ON w.id = r.wave_id JOIN respondents p ON p.id = r.respondent_id WHERE r.id = ?`,
  ).get(id) as { networkId: string; waveId: string; waveLabel: string; respondentId: string; code: string } | undefined;
}

/** The waves a respondent answered (to put in order with shared/waves.ts). */
export function respondentWaves(db: Db, respondentId: string): { label: string; kind: WaveKind; plannedDate: string | null; createdAt: string }[] {
  return prepared(
    db,
    `SELECT w.label, w.kind, w.planned_date AS plannedDate, w.created_at AS createdAt FROM responses r JOIN waves w ON w.id = r.wave_id WHERE r.respondent_id = ?`,
  ).all(respondentId) as { label: string; kind: WaveKind; plannedDate: string | null; createdAt: string }[];
}

/**
 * Changes to the database since this connection opened, and by other connections: equal before
 * and after a stretch of work means nothing was written in between.
 */
export function changeMark(db: Db): string {
  const own = prepared(db, 'SELECT total_changes() AS n').get() as { n: number };
  return `${own.n}/${String(db.pragma('data_version', { simple: true }))}`;
}

export function auditExists(db: Db, id: string): boolean {
  return !!prepared(db, 'SELECT 1 FROM audit_log WHERE id = ?').get(id);
}

export function organisationIdByName(db: Db, networkId: string, name: string): string | undefined {
  const row = prepared(db, 'SELECT id FROM organisations WHERE network_id = ? AND name = ? COLLATE NOCASE ORDER BY name = ? DESC LIMIT 1').get(networkId, name, name) as
    | { id: string }
    | undefined;
  return row?.id;
}

export function waveIdByLabel(db: Db, networkId: string, label: string): string | undefined {
  const row = prepared(db, 'SELECT id FROM waves WHERE network_id = ? AND label = ? COLLATE NOCASE ORDER BY label = ? DESC LIMIT 1').get(networkId, label, label) as
    | { id: string }
    | undefined;
  return row?.id;
}

/** A wave's instruments as "id@version" in position order. */
/** The occasion of this label (case aside) in a wave. */
export function occasionIdByLabel(db: Db, waveId: string, label: string): string | undefined {
  return prepared(db, 'SELECT id FROM occasions WHERE wave_id = ? AND label = ? COLLATE NOCASE').pluck(true).get(waveId, label) as string | undefined;
}

/** An occasion as this laptop has it: what a later change in a study file may replace. */
export function occasionRow(db: Db, id: string): { id: string; wave_id: string; label: string; held_on: string | null; updated_at: string; device_id: string } | undefined {
  return prepared(db, 'SELECT id, wave_id, label, held_on, updated_at, device_id FROM occasions WHERE id = ?').get(id) as
    | { id: string; wave_id: string; label: string; held_on: string | null; updated_at: string; device_id: string }
    | undefined;
}

/** The occasion and moment of a wave here (both null for a measurement wave). */
export function waveOccasion(db: Db, waveId: string): { occasionId: string | null; moment: string | null } | undefined {
  return prepared(db, 'SELECT occasion_id AS occasionId, occasion_moment AS moment FROM waves WHERE id = ?').get(waveId) as { occasionId: string | null; moment: string | null } | undefined;
}

export function updateOccasionFromStudy(db: Db, row: { id: string; label: string; held_on: string | null; updated_at: string; device_id: string }): void {
  prepared(db, 'UPDATE occasions SET label = ?, held_on = ?, updated_at = ?, device_id = ? WHERE id = ?').run(row.label, row.held_on, row.updated_at, row.device_id, row.id);
}

export function waveInstrumentRefs(db: Db, waveId: string): string[] {
  return (prepared(db, 'SELECT instrument_id AS i, instrument_version AS v FROM wave_instruments WHERE wave_id = ? ORDER BY position').all(waveId) as { i: string; v: number }[]).map(
    (r) => `${r.i}@${r.v}`,
  );
}

export function respondentIdByCode(db: Db, networkId: string, code: string): string | undefined {
  return (prepared(db, 'SELECT id FROM respondents WHERE network_id = ? AND code = ?').get(networkId, code) as { id: string } | undefined)?.id;
}

export function instrumentDefinitionText(db: Db, instrumentId: string, version: number): string | undefined {
  return (prepared(db, 'SELECT definition FROM instruments WHERE instrument_id = ? AND version = ?').get(instrumentId, version) as { definition: string } | undefined)?.definition;
}

export function responseRow(db: Db, id: string): Row<'responses'> | undefined {
  return prepared(db, `SELECT ${cols('responses')} FROM responses WHERE id = ?`).get(id) as Row<'responses'> | undefined;
}

export function responseIdFor(db: Db, respondentId: string, waveId: string): string | undefined {
  return (prepared(db, 'SELECT id FROM responses WHERE respondent_id = ? AND wave_id = ?').get(respondentId, waveId) as { id: string } | undefined)?.id;
}

export function answerRows(db: Db, responseId: string): Row<'answers'>[] {
  return prepared(db, `SELECT ${cols('answers')} FROM answers WHERE response_id = ? ORDER BY rowid`).all(responseId) as Row<'answers'>[];
}

export function relationAnswerRows(db: Db, responseId: string): Row<'relation_answers'>[] {
  return prepared(db, `SELECT ${cols('relation_answers')} FROM relation_answers WHERE response_id = ? ORDER BY rowid`).all(responseId) as Row<'relation_answers'>[];
}

export function organisationName(db: Db, id: string | null): string | null {
  if (id === null) return null;
  return (prepared(db, 'SELECT name FROM organisations WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? null;
}

/**
 * Replaces a response's row and answers by another version of it (the user chose that version, or
 * it only grew elsewhere). Its respondent and wave stay as they are: an import never moves a response.
 */
export function replaceResponse(db: Db, row: Row<'responses'>, answers: Row<'answers'>[], relations: Row<'relation_answers'>[]): void {
  prepared(db, 'DELETE FROM answers WHERE response_id = ?').run(row.id);
  prepared(db, 'DELETE FROM relation_answers WHERE response_id = ?').run(row.id);
  prepared(
    db,
    `UPDATE responses SET status = ?, mode = ?, started_at = ?, completed_at = ?, updated_at = ?, device_id = ?,
       consent_at = ?, language = ?, organisation_id = ? WHERE id = ?`,
  ).run(row.status, row.mode, row.started_at, row.completed_at, row.updated_at, row.device_id, row.consent_at, row.language, row.organisation_id, row.id);
  for (const answer of answers) insertStudyRow(db, 'answers', answer);
  for (const relation of relations) insertStudyRow(db, 'relation_answers', relation);
}

export function deleteResponse(db: Db, id: string): void {
  prepared(db, 'DELETE FROM responses WHERE id = ?').run(id);
}

export function mergeDecision(db: Db, responseId: string, versionsHash: string): string | undefined {
  return (prepared(db, 'SELECT choice FROM merge_decisions WHERE response_id = ? AND versions_hash = ?').get(responseId, versionsHash) as { choice: string } | undefined)?.choice;
}

export function recordMergeDecision(
  db: Db,
  input: { responseId: string; versionsHash: string; kind: 'conflict' | 'duplicate'; choice: string; deviceId: string },
  now: string,
): void {
  prepared(db, 'INSERT OR REPLACE INTO merge_decisions (response_id, versions_hash, kind, choice, decided_at, device_id) VALUES (?, ?, ?, ?, ?, ?)').run(
    input.responseId,
    input.versionsHash,
    input.kind,
    input.choice,
    now,
    input.deviceId,
  );
}

export function freezeInstrumentVersion(db: Db, instrumentId: string, version: number, at: string): void {
  prepared(db, 'UPDATE instruments SET frozen_at = ? WHERE instrument_id = ? AND version = ? AND frozen_at IS NULL').run(at, instrumentId, version);
}
