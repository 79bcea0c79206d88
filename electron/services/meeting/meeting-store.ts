import { timingSafeEqual } from 'node:crypto';
import { deleteSetting, getJsonSetting, setSetting } from '../../db/repositories/settings';
import type { Db } from '../../db/open';

/** The running meeting as the database keeps it (settings key `meeting_session`), beside the kiosk session. */

const MEETING_KEY = 'meeting_session';

export interface StoredMeeting {
  meetingId: string;
  waveId: string;
  /** The meeting token as the QR code and the short address carry it. */
  token: string;
  interfaceName: string;
  address: string;
  subnet: string;
  port: number;
  startedAt: string;
}

export function readMeeting(db: Db): StoredMeeting | null {
  return getJsonSetting<StoredMeeting>(db, MEETING_KEY);
}

export function writeMeeting(db: Db, stored: StoredMeeting | null): void {
  if (stored) setSetting(db, MEETING_KEY, JSON.stringify(stored));
  else deleteSetting(db, MEETING_KEY);
}

/** Compares a token from a phone with the meeting's in constant time. */
export function isMeetingToken(stored: StoredMeeting | null, token: string | null): boolean {
  if (!stored || token === null) return false;
  const given = Buffer.from(token.toUpperCase());
  const expected = Buffer.from(stored.token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

