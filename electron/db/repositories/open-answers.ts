import type { Db } from '../open';
import { prepared } from '../prepared';

/** The texts of one wave's submitted questionnaires, for *Open antwoorden*. */

export interface OpenTextRow {
  responseId: string;
  instrumentId: string;
  itemId: string;
  text: string;
  organisationId: string | null;
  code: string;
}

/** Every answer with a text in the wave's submitted (complete) questionnaires, in response order. */
export function listSubmittedTexts(db: Db, waveId: string): OpenTextRow[] {
  return prepared(
    db,
    `SELECT r.id AS responseId, a.instrument_id AS instrumentId, a.item_id AS itemId, a.text, r.organisation_id AS organisationId, p.code
     FROM responses r JOIN answers a ON a.response_id = r.id JOIN respondents p ON p.id = r.respondent_id
     WHERE r.wave_id = ? AND r.status = 'complete' AND a.text IS NOT NULL
     ORDER BY r.id, a.instrument_id, a.item_id`,
  ).all(waveId) as OpenTextRow[];
}

/** Submitted questionnaires of the wave per organisation (null: none given). */
export function countSubmittedByOrganisation(db: Db, waveId: string): { organisationId: string | null; n: number }[] {
  return prepared(
    db,
    `SELECT organisation_id AS organisationId, count(*) AS n FROM responses
     WHERE wave_id = ? AND status = 'complete' GROUP BY organisation_id`,
  ).all(waveId) as { organisationId: string | null; n: number }[];
}
