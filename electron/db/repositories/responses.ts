import { randomUUID } from 'node:crypto';
import type { Answer, ResponseMode, ResponseRecord, ResponseStatus } from '../../../shared/domain';
import type { Db } from '../open';

export interface RespondentRow {
  id: string;
  networkId: string;
  code: string;
  organisationId: string | null;
}

export function findRespondentByCode(db: Db, networkId: string, code: string): RespondentRow | undefined {
  return db
    .prepare('SELECT id, network_id AS networkId, code, organisation_id AS organisationId FROM respondents WHERE network_id = ? AND code = ?')
    .get(networkId, code) as RespondentRow | undefined;
}

export function insertRespondent(
  db: Db,
  deviceId: string,
  input: { networkId: string; code: string; organisationId: string | null },
  now: string,
): RespondentRow {
  const id = randomUUID();
  db.prepare(
    'INSERT INTO respondents (id, network_id, code, organisation_id, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(id, input.networkId, input.code, input.organisationId, now, now, deviceId);
  return { id, ...input };
}

export function setRespondentOrganisation(db: Db, respondentId: string, organisationId: string, now: string): void {
  db.prepare('UPDATE respondents SET organisation_id = ?, updated_at = ? WHERE id = ?').run(organisationId, now, respondentId);
}

interface ResponseRow {
  id: string;
  respondentId: string;
  respondentCode: string;
  waveId: string;
  status: ResponseStatus;
  mode: ResponseMode;
  startedAt: string;
  completedAt: string | null;
}

const responseSelect = `SELECT r.id, r.respondent_id AS respondentId, p.code AS respondentCode, r.wave_id AS waveId, r.status, r.mode,
  r.started_at AS startedAt, r.completed_at AS completedAt
  FROM responses r JOIN respondents p ON p.id = r.respondent_id`;

export function findResponseRow(db: Db, responseId: string): ResponseRow | undefined {
  return db.prepare(`${responseSelect} WHERE r.id = ?`).get(responseId) as ResponseRow | undefined;
}

export function findResponseFor(db: Db, respondentId: string, waveId: string): ResponseRow | undefined {
  return db.prepare(`${responseSelect} WHERE r.respondent_id = ? AND r.wave_id = ?`).get(respondentId, waveId) as ResponseRow | undefined;
}

export function listAnswers(db: Db, responseId: string): Answer[] {
  return db
    .prepare(
      'SELECT instrument_id AS instrumentId, item_id AS itemId, value, text, updated_at AS updatedAt FROM answers WHERE response_id = ? ORDER BY rowid',
    )
    .all(responseId) as Answer[];
}

export function getResponse(db: Db, responseId: string): ResponseRecord | undefined {
  const row = findResponseRow(db, responseId);
  return row && { ...row, answers: listAnswers(db, responseId) };
}

export function insertResponse(
  db: Db,
  deviceId: string,
  input: { respondentId: string; waveId: string; mode: ResponseMode },
  now: string,
): string {
  const id = randomUUID();
  db.prepare(
    "INSERT INTO responses (id, respondent_id, wave_id, status, mode, started_at, updated_at, device_id) VALUES (?, ?, ?, 'in_progress', ?, ?, ?, ?)",
  ).run(id, input.respondentId, input.waveId, input.mode, now, now, deviceId);
  return id;
}

/** Insert or replace one answer; one statement, so it commits on its own and durably (synchronous=FULL). */
export function upsertAnswer(
  db: Db,
  deviceId: string,
  input: { responseId: string; instrumentId: string; instrumentVersion: number; itemId: string; value: number | null; text: string | null },
  now: string,
): void {
  db.prepare(
    `INSERT INTO answers (id, response_id, instrument_id, instrument_version, item_id, value, text, updated_at, device_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (response_id, instrument_id, item_id) DO UPDATE SET
       value = excluded.value, text = excluded.text, updated_at = excluded.updated_at, device_id = excluded.device_id`,
  ).run(randomUUID(), input.responseId, input.instrumentId, input.instrumentVersion, input.itemId, input.value, input.text, now, deviceId);
}

export function deleteAnswer(db: Db, responseId: string, instrumentId: string, itemId: string): void {
  db.prepare('DELETE FROM answers WHERE response_id = ? AND instrument_id = ? AND item_id = ?').run(responseId, instrumentId, itemId);
}

export function touchResponse(db: Db, responseId: string, now: string): void {
  db.prepare('UPDATE responses SET updated_at = ? WHERE id = ?').run(now, responseId);
}

export function markComplete(db: Db, responseId: string, now: string): void {
  db.prepare("UPDATE responses SET status = 'complete', completed_at = ?, updated_at = ? WHERE id = ?").run(now, now, responseId);
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
  return db
    .prepare(
      `SELECT r.id AS responseId, p.code AS respondentCode, o.name AS organisationName, r.status, r.mode,
              r.started_at AS startedAt, r.completed_at AS completedAt,
              a.instrument_id AS instrumentId, a.item_id AS itemId, a.value, a.text
       FROM responses r
       JOIN respondents p ON p.id = r.respondent_id
       LEFT JOIN organisations o ON o.id = p.organisation_id
       LEFT JOIN answers a ON a.response_id = r.id
       WHERE r.wave_id = ?
       ORDER BY p.code, r.id, a.rowid`,
    )
    .all(waveId) as WaveAnswerRow[];
}
