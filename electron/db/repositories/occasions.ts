import type { OccasionMoment } from '../../../shared/occasions';
import type { Db } from '../open';
import { insertNewRow, prepared } from '../prepared';

/** Occasions within a wave (each MDO) and their before and after waves, in plain SQL. */

export interface OccasionRow {
  id: string;
  waveId: string;
  label: string;
  heldOn: string | null;
  createdAt: string;
}

const occasionColumns = 'id, wave_id AS waveId, label, held_on AS heldOn, created_at AS createdAt';

export function insertOccasion(db: Db, deviceId: string, input: { waveId: string; label: string; heldOn: string | null }, now: string): string {
  return insertNewRow(db, 'occasions', { wave_id: input.waveId, label: input.label, held_on: input.heldOn }, { now, deviceId });
}

export function getOccasion(db: Db, id: string): OccasionRow | undefined {
  return prepared(db, `SELECT ${occasionColumns} FROM occasions WHERE id = ?`).get(id) as OccasionRow | undefined;
}

/** A wave's occasions by date held (undated last), then by when they were set up. */
export function listOccasionsOfWave(db: Db, waveId: string): OccasionRow[] {
  return prepared(db, `SELECT ${occasionColumns} FROM occasions WHERE wave_id = ? ORDER BY held_on IS NULL, held_on, created_at, id`).all(waveId) as OccasionRow[];
}

/** The wave holds an occasion of this label (case aside), other than `exceptId`. */
export function occasionLabelTaken(db: Db, waveId: string, label: string, exceptId = ''): boolean {
  return !!prepared(db, 'SELECT 1 FROM occasions WHERE wave_id = ? AND label = ? COLLATE NOCASE AND id <> ?').get(waveId, label, exceptId);
}

export function updateOccasion(db: Db, deviceId: string, input: { occasionId: string; label: string; heldOn: string | null }, now: string): void {
  prepared(db, 'UPDATE occasions SET label = ?, held_on = ?, updated_at = ?, device_id = ? WHERE id = ?').run(input.label, input.heldOn, now, deviceId, input.occasionId);
}

/** Makes a wave the before or after wave of an occasion. */
export function setWaveOccasion(db: Db, waveId: string, occasionId: string, moment: OccasionMoment): void {
  prepared(db, 'UPDATE waves SET occasion_id = ?, occasion_moment = ? WHERE id = ?').run(occasionId, moment, waveId);
}

/** The occasion and moment a wave belongs to; undefined for a measurement wave (or an unknown one). */
export function occasionOfWave(db: Db, waveId: string): { occasionId: string; moment: OccasionMoment } | undefined {
  const row = prepared(db, 'SELECT occasion_id AS occasionId, occasion_moment AS moment FROM waves WHERE id = ? AND occasion_id IS NOT NULL').get(waveId);
  return row as { occasionId: string; moment: OccasionMoment } | undefined;
}

/** The before and after wave of an occasion with their counts of started and submitted questionnaires. */
export function occasionWaves(db: Db, occasionId: string): { waveId: string; label: string; status: 'open' | 'closed'; moment: OccasionMoment; started: number; complete: number }[] {
  return prepared(
    db,
    `SELECT w.id AS waveId, w.label, w.status, w.occasion_moment AS moment,
            (SELECT count(*) FROM responses r WHERE r.wave_id = w.id) AS started,
            (SELECT count(*) FROM responses r WHERE r.wave_id = w.id AND r.status = 'complete') AS complete
     FROM waves w WHERE w.occasion_id = ? ORDER BY w.occasion_moment = 'after'`,
  ).all(occasionId) as { waveId: string; label: string; status: 'open' | 'closed'; moment: OccasionMoment; started: number; complete: number }[];
}
