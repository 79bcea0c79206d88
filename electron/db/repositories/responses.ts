import { randomUUID } from 'node:crypto';
import type { AssignedCode, Answer, ResponseMode, ResponseRecord, ResponseStatus, ResponseSummary } from '../../../shared/domain';
import type { Db } from '../open';
import { insertNewRow, prepared } from '../prepared';
import { listRelationAnswers } from './relation-answers';

export interface RespondentRow {
  id: string;
  networkId: string;
  code: string;
  organisationId: string | null;
}

export function findRespondentByCode(db: Db, networkId: string, code: string): RespondentRow | undefined {
  return prepared(db, 'SELECT id, network_id AS networkId, code, organisation_id AS organisationId FROM respondents WHERE network_id = ? AND code = ?')
    .get(networkId, code) as RespondentRow | undefined;
}

export type CodeKind = 'free' | 'assigned' | 'self';

export function insertRespondent(
  db: Db,
  deviceId: string,
  input: { networkId: string; code: string; organisationId: string | null; codeKind?: CodeKind },
  now: string,
): RespondentRow {
  const id = insertNewRow(
    db,
    'respondents',
    { network_id: input.networkId, code: input.code, code_kind: input.codeKind ?? 'free', organisation_id: input.organisationId },
    { now, deviceId },
  );
  return { id, networkId: input.networkId, code: input.code, organisationId: input.organisationId };
}

export function isAssignedCode(db: Db, networkId: string, code: string): boolean {
  return !!prepared(db, "SELECT 1 FROM respondents WHERE network_id = ? AND code = ? AND code_kind = 'assigned'").get(networkId, code);
}

export function codeExists(db: Db, networkId: string, code: string): boolean {
  return !!prepared(db, 'SELECT 1 FROM respondents WHERE network_id = ? AND code = ?').get(networkId, code);
}

/**
 * The network's respondent codes that are `base` itself or start with `base-` (a self-made code
 * and its forms extended with a birth month), each with whether it has a complete response in the
 * wave. `base` is letters and digits only, so it is safe inside the GLOB pattern.
 */
export function codesWithBase(db: Db, networkId: string, base: string, waveId: string): { code: string; answered: 0 | 1 }[] {
  return prepared(
    db,
    `SELECT p.code, EXISTS (SELECT 1 FROM responses r WHERE r.respondent_id = p.id AND r.wave_id = ? AND r.status = 'complete') AS answered
     FROM respondents p WHERE p.network_id = ? AND (p.code = ? OR p.code GLOB ?)`,
  ).all(waveId, networkId, base, `${base}-*`) as { code: string; answered: 0 | 1 }[];
}

/** The network's pre-assigned codes with the waves each has answered, for the list and the printed cards. */
export function listAssignedCodes(db: Db, networkId: string): AssignedCode[] {
  const codes = prepared(db, "SELECT id, code, created_at AS createdAt FROM respondents WHERE network_id = ? AND code_kind = 'assigned' ORDER BY created_at, code")
    .all(networkId) as { id: string; code: string; createdAt: string }[];
  const waves = prepared(db, 
    `SELECT r.wave_id AS waveId, w.label, r.status FROM responses r JOIN waves w ON w.id = r.wave_id WHERE r.respondent_id = ?
     ORDER BY CASE w.kind WHEN 'T0' THEN 0 WHEN 'T1' THEN 1 WHEN 'T2' THEN 2 ELSE 3 END, w.created_at`,
  );
  return codes.map((c) => ({ code: c.code, createdAt: c.createdAt, waves: waves.all(c.id) as AssignedCode['waves'] }));
}

export function setRespondentOrganisation(db: Db, respondentId: string, organisationId: string, now: string): void {
  prepared(db, 'UPDATE respondents SET organisation_id = ?, updated_at = ? WHERE id = ?').run(organisationId, now, respondentId);
}

type ResponseRow = Omit<ResponseRecord, 'answers' | 'relationAnswers'>;

const responseSelect = `SELECT r.id, r.respondent_id AS respondentId, p.code AS respondentCode, r.wave_id AS waveId,
  r.organisation_id AS organisationId, r.status, r.mode, r.language, r.consent_at AS consentAt,
  r.started_at AS startedAt, r.completed_at AS completedAt
  FROM responses r JOIN respondents p ON p.id = r.respondent_id`;

export function findResponseRow(db: Db, responseId: string): ResponseRow | undefined {
  return prepared(db, `${responseSelect} WHERE r.id = ?`).get(responseId) as ResponseRow | undefined;
}

export function findResponseFor(db: Db, respondentId: string, waveId: string): ResponseRow | undefined {
  return prepared(db, `${responseSelect} WHERE r.respondent_id = ? AND r.wave_id = ?`).get(respondentId, waveId) as ResponseRow | undefined;
}

/** What saving an answer needs to know: the response's status and the version of the instrument in its wave (null if absent). */
export function findAnswerTarget(db: Db, responseId: string, instrumentId: string): { status: ResponseStatus; instrumentVersion: number | null } | undefined {
  return prepared(
    db,
    `SELECT r.status, wi.instrument_version AS instrumentVersion FROM responses r
     LEFT JOIN wave_instruments wi ON wi.wave_id = r.wave_id AND wi.instrument_id = ? WHERE r.id = ?`,
  ).get(instrumentId, responseId) as { status: ResponseStatus; instrumentVersion: number | null } | undefined;
}

export function listAnswers(db: Db, responseId: string): Answer[] {
  return prepared(db, 
      'SELECT instrument_id AS instrumentId, item_id AS itemId, value, text, updated_at AS updatedAt FROM answers WHERE response_id = ? ORDER BY rowid',
    )
    .all(responseId) as Answer[];
}

export function getResponse(db: Db, responseId: string): ResponseRecord | undefined {
  const row = findResponseRow(db, responseId);
  return row && { ...row, answers: listAnswers(db, responseId), relationAnswers: listRelationAnswers(db, responseId) };
}

export function insertResponse(
  db: Db,
  deviceId: string,
  input: { respondentId: string; waveId: string; mode: ResponseMode; organisationId: string | null; language: 'nl' | 'en'; consentAt: string | null },
  now: string,
): string {
  const id = randomUUID();
  prepared(db, 
    `INSERT INTO responses (id, respondent_id, wave_id, status, mode, organisation_id, language, consent_at, started_at, updated_at, device_id)
     VALUES (?, ?, ?, 'in_progress', ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, input.respondentId, input.waveId, input.mode, input.organisationId, input.language, input.consentAt, now, now, deviceId);
  return id;
}

/** Deletes a response with its answers; the respondent too when it was a free code used nowhere else. */
export function deleteResponse(db: Db, responseId: string, respondentId: string): void {
  prepared(db, 'DELETE FROM answers WHERE response_id = ?').run(responseId);
  prepared(db, 'DELETE FROM responses WHERE id = ?').run(responseId);
  prepared(
    db,
    "DELETE FROM respondents WHERE id = ? AND code_kind = 'free' AND NOT EXISTS (SELECT 1 FROM responses WHERE respondent_id = ?)",
  ).run(respondentId, respondentId);
}

export function setResponseOrganisation(db: Db, responseId: string, organisationId: string | null, now: string): void {
  prepared(db, 'UPDATE responses SET organisation_id = ?, updated_at = ? WHERE id = ?').run(organisationId, now, responseId);
}

export function listResponseSummaries(db: Db, waveId: string): ResponseSummary[] {
  return prepared(db, 
      `SELECT id, respondentCode, status, mode, startedAt, max(updatedAt, coalesce(lastAnswer, '')) AS updatedAt, completedAt, answered
       FROM (SELECT r.id, p.code AS respondentCode, r.status, r.mode, r.started_at AS startedAt, r.updated_at AS updatedAt,
                    r.completed_at AS completedAt,
                    (SELECT count(*) FROM answers a WHERE a.response_id = r.id) AS answered,
                    (SELECT max(a.updated_at) FROM answers a WHERE a.response_id = r.id) AS lastAnswer
             FROM responses r JOIN respondents p ON p.id = r.respondent_id WHERE r.wave_id = ?)
       ORDER BY status DESC, updatedAt DESC`,
    )
    .all(waveId) as ResponseSummary[];
}

/**
 * The answers of a wave's questionnaires (all, or only the submitted ones) to the given items of
 * one instrument, by response: item id → its code, or its text (ticked codes "1,3" of a
 * multiple-choice item). What decides which of a response's follow-up questions were shown.
 */
export function answersToItemsByResponse(
  db: Db,
  waveId: string,
  instrumentId: string,
  itemIds: readonly string[],
  responses: 'all' | 'submitted',
): Map<string, Map<string, number | string>> {
  const rows = prepared(
    db,
    `SELECT r.id AS responseId, a.item_id AS itemId, a.value, a.text
     FROM responses r JOIN answers a ON a.response_id = r.id AND a.instrument_id = ? AND a.item_id IN (SELECT value FROM json_each(?))
     WHERE r.wave_id = ? AND (? = 'all' OR r.status = 'complete')`,
  ).all(instrumentId, JSON.stringify(itemIds), waveId, responses) as { responseId: string; itemId: string; value: number | null; text: string | null }[];
  const byResponse = new Map<string, Map<string, number | string>>();
  for (const row of rows) {
    const answer = row.value ?? row.text;
    if (answer === null) continue;
    let answers = byResponse.get(row.responseId);
    if (!answers) byResponse.set(row.responseId, (answers = new Map()));
    answers.set(row.itemId, answer);
  }
  return byResponse;
}

/**
 * Insert or replace one answer, only while its response is in progress (checked inside the same
 * statement, so a submit cannot slip in between). One statement: it commits on its own and
 * durably (synchronous=FULL). Returns false when the response is not (or no longer) open.
 */
export function upsertAnswerIfOpen(db: Db, deviceId: string, input: AnswerInput, now: string): boolean {
  return upsertAnswerWhile(db, deviceId, input, now, 'in_progress');
}

/** Insert or replace one answer of a submitted response: a correction (services/administration/corrections.ts). */
export function upsertCorrectedAnswer(db: Db, deviceId: string, input: AnswerInput, now: string): boolean {
  return upsertAnswerWhile(db, deviceId, input, now, 'complete');
}

interface AnswerInput {
  responseId: string;
  instrumentId: string;
  instrumentVersion: number;
  itemId: string;
  value: number | null;
  text: string | null;
}

function upsertAnswerWhile(db: Db, deviceId: string, input: AnswerInput, now: string, status: ResponseStatus): boolean {
  const result = prepared(
    db,
    `INSERT INTO answers (id, response_id, instrument_id, instrument_version, item_id, value, text, updated_at, device_id)
     SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM responses WHERE id = ? AND status = ?)
     ON CONFLICT (response_id, instrument_id, item_id) DO UPDATE SET
       value = excluded.value, text = excluded.text, updated_at = excluded.updated_at, device_id = excluded.device_id`,
  ).run(randomUUID(), input.responseId, input.instrumentId, input.instrumentVersion, input.itemId, input.value, input.text, now, deviceId, input.responseId, status);
  return result.changes === 1;
}

/** A correction's last change: the response row carries when and where, also when an answer was only cleared. */
export function markCorrected(db: Db, deviceId: string, responseId: string, now: string): void {
  prepared(db, 'UPDATE responses SET updated_at = ?, device_id = ? WHERE id = ?').run(now, deviceId, responseId);
}

export function deleteAnswer(db: Db, responseId: string, instrumentId: string, itemId: string): void {
  prepared(db, 'DELETE FROM answers WHERE response_id = ? AND instrument_id = ? AND item_id = ?').run(responseId, instrumentId, itemId);
}

export function markComplete(db: Db, responseId: string, now: string): void {
  prepared(db, "UPDATE responses SET status = 'complete', completed_at = ?, updated_at = ? WHERE id = ?").run(now, now, responseId);
}

export interface WaveAnswerRow {
  responseId: string;
  respondentCode: string;
  organisationName: string | null;
  status: ResponseStatus;
  mode: ResponseMode;
  startedAt: string;
  completedAt: string | null;
  instrumentId: string | null;
  itemId: string | null;
  value: number | null;
  text: string | null;
}

/** All responses of a wave with their answers, one row per answer (a response without answers gives one row of nulls). */
export function listWaveAnswers(db: Db, waveId: string): WaveAnswerRow[] {
  return prepared(db, 
      `SELECT r.id AS responseId, p.code AS respondentCode, o.name AS organisationName, r.status, r.mode,
              r.started_at AS startedAt, r.completed_at AS completedAt,
              a.instrument_id AS instrumentId, a.item_id AS itemId, a.value, a.text
       FROM responses r
       JOIN respondents p ON p.id = r.respondent_id
       LEFT JOIN organisations o ON o.id = r.organisation_id
       LEFT JOIN answers a ON a.response_id = r.id
       WHERE r.wave_id = ?
       ORDER BY p.code, r.id, a.rowid`,
    )
    .all(waveId) as WaveAnswerRow[];
}
