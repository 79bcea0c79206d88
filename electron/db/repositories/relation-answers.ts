import { randomUUID } from 'node:crypto';
import type { RelationAnswer } from '../../../shared/domain';
import type { Db } from '../open';
import { prepared } from '../prepared';

/** Answers about partner organisations (relation items), migration 0012. */

export function listRelationAnswers(db: Db, responseId: string): RelationAnswer[] {
  return prepared(
    db,
    `SELECT instrument_id AS instrumentId, item_id AS itemId, organisation_id AS organisationId, value, updated_at AS updatedAt
     FROM relation_answers WHERE response_id = ? ORDER BY rowid`,
  ).all(responseId) as RelationAnswer[];
}

export interface RelationAnswerInput {
  responseId: string;
  instrumentId: string;
  instrumentVersion: number;
  itemId: string;
  organisationId: string;
  value: number;
}

/** Insert or replace one relation answer while its response is unfinished; false when it is not (any more). One statement, one commit. */
export function upsertRelationAnswerIfOpen(db: Db, deviceId: string, input: RelationAnswerInput, now: string): boolean {
  return upsertRelationAnswerWhile(db, deviceId, input, now, 'in_progress');
}

/** Insert or replace one relation answer of a submitted response (a correction); false when it is not submitted. */
export function upsertCorrectedRelationAnswer(db: Db, deviceId: string, input: RelationAnswerInput, now: string): boolean {
  return upsertRelationAnswerWhile(db, deviceId, input, now, 'complete');
}

function upsertRelationAnswerWhile(db: Db, deviceId: string, input: RelationAnswerInput, now: string, status: 'in_progress' | 'complete'): boolean {
  const result = prepared(
    db,
    `INSERT INTO relation_answers (id, response_id, instrument_id, instrument_version, item_id, organisation_id, value, updated_at, device_id)
     SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM responses WHERE id = ? AND status = ?)
     ON CONFLICT (response_id, instrument_id, item_id, organisation_id) DO UPDATE SET
       value = excluded.value, updated_at = excluded.updated_at, device_id = excluded.device_id`,
  ).run(randomUUID(), input.responseId, input.instrumentId, input.instrumentVersion, input.itemId, input.organisationId, input.value, now, deviceId, input.responseId, status);
  return result.changes === 1;
}

/** Clears one relation answer while its response is unfinished; false when the response is not. */
export function deleteRelationAnswerIfOpen(db: Db, key: Omit<RelationAnswerInput, 'instrumentVersion' | 'value'>): boolean {
  const open = prepared(db, "SELECT 1 FROM responses WHERE id = ? AND status = 'in_progress'").get(key.responseId);
  if (!open) return false;
  deleteRelationAnswer(db, key);
  return true;
}

/** Clears one relation answer whatever the response's state (a correction, inside its transaction). */
export function deleteRelationAnswer(db: Db, key: Omit<RelationAnswerInput, 'instrumentVersion' | 'value'>): void {
  prepared(db, 'DELETE FROM relation_answers WHERE response_id = ? AND instrument_id = ? AND item_id = ? AND organisation_id = ?').run(
    key.responseId,
    key.instrumentId,
    key.itemId,
    key.organisationId,
  );
}

/** Whether any relation answer names the organisation (then it is in use: archived, never removed). */
export function organisationNamedInRelationAnswers(db: Db, organisationId: string): boolean {
  return !!prepared(db, 'SELECT 1 FROM relation_answers WHERE organisation_id = ? LIMIT 1').get(organisationId);
}

/** One relation answer of a submitted response of a wave, with the organisation of whoever gave it. */
export interface WaveRelationRow {
  responseId: string;
  fromOrganisationId: string | null;
  instrumentId: string;
  itemId: string;
  toOrganisationId: string;
  value: number;
}

/** The relation answers of the submitted responses of a wave, for the partner-network results. */
export function waveRelationAnswers(db: Db, waveId: string, instrumentId: string): WaveRelationRow[] {
  return prepared(
    db,
    `SELECT r.id AS responseId, r.organisation_id AS fromOrganisationId, ra.instrument_id AS instrumentId, ra.item_id AS itemId,
            ra.organisation_id AS toOrganisationId, ra.value
     FROM relation_answers ra JOIN responses r ON r.id = ra.response_id
     WHERE r.wave_id = ? AND r.status = 'complete' AND ra.instrument_id = ?
     ORDER BY ra.rowid`,
  ).all(waveId, instrumentId) as WaveRelationRow[];
}
