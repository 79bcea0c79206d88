import type { MeetingCount } from '../../../shared/meeting';
import type { Db } from '../open';
import { prepared } from '../prepared';

/** The phone sessions of a running meeting (migration 0010): a token's SHA-256 bound to one response. */

export function bindPhone(db: Db, meetingId: string, tokenHash: string, responseId: string, now: string): void {
  prepared(db, 'INSERT INTO meeting_phones (token_hash, meeting_id, response_id, created_at) VALUES (?, ?, ?, ?)').run(tokenHash, meetingId, responseId, now);
}

/** The response a phone session is bound to in this meeting; undefined for a token the meeting does not know. */
export function phoneResponseId(db: Db, meetingId: string, tokenHash: string): string | undefined {
  const row = prepared(db, 'SELECT response_id AS responseId FROM meeting_phones WHERE token_hash = ? AND meeting_id = ?').get(tokenHash, meetingId) as { responseId: string } | undefined;
  return row?.responseId;
}

/** The phone session of a response, if it has one: a token may start one response and a response belongs to one token. */
export function hasPhoneSession(db: Db, responseId: string): boolean {
  return !!prepared(db, 'SELECT 1 FROM meeting_phones WHERE response_id = ?').get(responseId);
}

/** Every phone session ends with its meeting: the tokens mean nothing afterwards. */
export function forgetPhones(db: Db): void {
  prepared(db, 'DELETE FROM meeting_phones').run();
}

/** Started and submitted questionnaires of the meeting per organisation the respondents chose; no answers. */
export function meetingCounts(db: Db, meetingId: string): MeetingCount[] {
  return prepared(
    db,
    `SELECT r.organisation_id AS organisationId, o.name AS organisationName, count(*) AS started,
            sum(r.status = 'complete') AS submitted
     FROM meeting_phones m JOIN responses r ON r.id = m.response_id LEFT JOIN organisations o ON o.id = r.organisation_id
     WHERE m.meeting_id = ?
     GROUP BY r.organisation_id
     ORDER BY o.name IS NULL, o.name COLLATE NOCASE`,
  ).all(meetingId) as MeetingCount[];
}
