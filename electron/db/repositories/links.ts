import type { RecordedLinkDecision } from '../../../shared/linking';
import type { Db } from '../open';
import { prepared } from '../prepared';

/**
 * Linking respondents across waves: the complete responses with what a near match of self-made
 * codes needs, and the researcher's decisions on such near matches (append-only; see migration 0004).
 */

/** A complete response as the linking screen and the decision check need it. */
export interface LinkResponseRow {
  responseId: string;
  respondentId: string;
  waveId: string;
  code: string;
  /** 1 for a self-made code (code_kind 'self'). */
  selfCode: 0 | 1;
  organisationId: string | null;
  /** The answer to the role-group question (`ag_rol`), if given. */
  roleGroup: number | null;
}

const responseColumns = `r.id AS responseId, r.respondent_id AS respondentId, r.wave_id AS waveId, p.code, p.code_kind = 'self' AS selfCode,
  r.organisation_id AS organisationId,
  (SELECT a.value FROM answers a WHERE a.response_id = r.id AND a.instrument_id = ? AND a.item_id = ?) AS roleGroup`;

/** The complete responses of the given waves (`waveIds` as one JSON array), with the role-group answer from the given item. */
export function listCompleteResponses(db: Db, waveIds: readonly string[], roleItem: { instrumentId: string; itemId: string }): LinkResponseRow[] {
  return prepared(
    db,
    `SELECT ${responseColumns}
     FROM responses r JOIN respondents p ON p.id = r.respondent_id
     WHERE r.wave_id IN (SELECT value FROM json_each(?)) AND r.status = 'complete'
     ORDER BY p.code, r.id`,
  ).all(roleItem.instrumentId, roleItem.itemId, JSON.stringify(waveIds)) as LinkResponseRow[];
}

/** One response with its network and status, for checking a decision; undefined when it does not exist. */
export function findResponseForLink(db: Db, responseId: string): { responseId: string; respondentId: string; waveId: string; networkId: string; complete: 0 | 1 } | undefined {
  return prepared(
    db,
    `SELECT r.id AS responseId, r.respondent_id AS respondentId, r.wave_id AS waveId, w.network_id AS networkId, r.status = 'complete' AS complete
     FROM responses r JOIN waves w ON w.id = r.wave_id WHERE r.id = ?`,
  ).get(responseId) as { responseId: string; respondentId: string; waveId: string; networkId: string; complete: 0 | 1 } | undefined;
}

export interface LinkDecisionRow {
  id: string;
  networkId: string;
  baselineRespondentId: string;
  followUpRespondentId: string;
  decision: 'accepted' | 'rejected';
  decidedAt: string;
  deviceId: string;
}

/** A stored decision as the rule that picks the one that holds sees it. */
export const recordedDecision = (row: LinkDecisionRow): RecordedLinkDecision => ({
  baselinePerson: row.baselineRespondentId,
  followUpPerson: row.followUpRespondentId,
  decision: row.decision,
  decidedAt: row.decidedAt,
  deviceId: row.deviceId,
});

const decisionColumns = `id, network_id AS networkId, baseline_respondent_id AS baselineRespondentId, follow_up_respondent_id AS followUpRespondentId,
  decision, decided_at AS decidedAt, device_id AS deviceId`;

/** Every decision recorded in a network, from this laptop and from merged study files. */
export function listLinkDecisions(db: Db, networkId: string): LinkDecisionRow[] {
  return prepared(db, `SELECT ${decisionColumns} FROM link_decisions WHERE network_id = ? ORDER BY decided_at, id`).all(networkId) as LinkDecisionRow[];
}

/** The decisions on one pair of respondents (from any laptop). */
export function linkDecisionsOfPair(db: Db, baselineRespondentId: string, followUpRespondentId: string): LinkDecisionRow[] {
  return prepared(db, `SELECT ${decisionColumns} FROM link_decisions WHERE baseline_respondent_id = ? AND follow_up_respondent_id = ? ORDER BY decided_at, id`).all(
    baselineRespondentId,
    followUpRespondentId,
  ) as LinkDecisionRow[];
}

export function insertLinkDecision(db: Db, row: LinkDecisionRow): void {
  prepared(
    db,
    `INSERT INTO link_decisions (id, network_id, baseline_respondent_id, follow_up_respondent_id, decision, decided_at, device_id)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.id, row.networkId, row.baselineRespondentId, row.followUpRespondentId, row.decision, row.decidedAt, row.deviceId);
}
