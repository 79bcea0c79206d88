import type { Wave } from '../../../shared/domain';
import type { Db } from '../open';
import { orderWaves } from '../../../shared/waves';
import { prepared } from '../prepared';

/** One response of a wave, with what linking and breakdowns need. */
export interface ResultResponseRow {
  /** The response's integer row key, which the answer rows carry too (cheaper to read than the id). */
  rowid: number;
  /** Position of its wave in the `waveIds` asked for. */
  wave: number;
  /** 1 for a complete response, 0 for one in progress. */
  complete: 0 | 1;
  organisationId: string | null;
  /** The respondent (person) behind the code: link decisions name respondents. */
  respondentId: string;
  code: string;
  /** 1 for a self-generated code (code_kind 'self'). */
  selfCode: 0 | 1;
}

/** Every response (any status) of the given waves. `waveIds` is passed as one JSON array. */
export function listResponsesOfWaves(db: Db, waveIds: readonly string[]): ResultResponseRow[] {
  return prepared(
    db,
    `SELECT r.rowid, w.key AS wave, r.status = 'complete' AS complete, r.organisation_id AS organisationId,
            r.respondent_id AS respondentId, p.code, p.code_kind = 'self' AS selfCode
     FROM json_each(?) w JOIN responses r ON r.wave_id = w.value JOIN respondents p ON p.id = r.respondent_id`,
  ).all(JSON.stringify(waveIds)) as ResultResponseRow[];
}

/**
 * The dashboard's one pass over the answers: the coded answers (value not null) of the complete
 * responses of the given waves, for one instrument and optionally the background questionnaire, as
 * raw rows [response rowid, is the instrument (1/0), itemId, value]. Rows of one response come
 * together, in item-id order (the order of the answers' unique index). `.all()` rather than
 * `.iterate()`: a network's rows fit in memory easily, and one call costs less than one per row.
 */
export function listCodedAnswers(db: Db, waveIds: readonly string[], instrumentId: string, backgroundId: string | null): [number, 0 | 1, string, number][] {
  const waves = JSON.stringify(waveIds);
  if (backgroundId === null || backgroundId === instrumentId) {
    // One instrument: a plain equality on the index, and the flag is a constant.
    return prepared(
      db,
      `SELECT r.rowid, 1, a.item_id, a.value
       FROM responses r JOIN answers a ON a.response_id = r.id
       WHERE r.wave_id IN (SELECT value FROM json_each(@waves)) AND r.status = 'complete'
         AND a.instrument_id = @instrument AND a.value IS NOT NULL`,
    )
      .raw(true)
      .all({ instrument: instrumentId, waves }) as [number, 0 | 1, string, number][];
  }
  return prepared(
    db,
    `SELECT r.rowid, a.instrument_id = @instrument, a.item_id, a.value
     FROM responses r JOIN answers a ON a.response_id = r.id
     WHERE r.wave_id IN (SELECT value FROM json_each(@waves)) AND r.status = 'complete'
       AND a.instrument_id IN (@instrument, @background) AND a.value IS NOT NULL`,
  )
    .raw(true)
    .all({ instrument: instrumentId, background: backgroundId, waves }) as [number, 0 | 1, string, number][];
}

/**
 * The multiple-choice answers (ticked codes as text, "1,3,5") of the complete responses of the given
 * waves, for the given items of one instrument, as raw rows [response rowid, itemId, text]. Asked only
 * for an instrument that has such items, so the coded read above stays on its covering index.
 */
export function listMultipleChoiceAnswers(db: Db, waveIds: readonly string[], instrumentId: string, itemIds: readonly string[]): [number, string, string][] {
  return prepared(
    db,
    `SELECT r.rowid, a.item_id, a.text
     FROM responses r JOIN answers a ON a.response_id = r.id
     WHERE r.wave_id IN (SELECT value FROM json_each(@waves)) AND r.status = 'complete'
       AND a.instrument_id = @instrument AND a.item_id IN (SELECT value FROM json_each(@items)) AND a.text IS NOT NULL`,
  )
    .raw(true)
    .all({ instrument: instrumentId, waves: JSON.stringify(waveIds), items: JSON.stringify(itemIds) }) as [number, string, string][];
}

/** A network's measurement waves in time order (as listWaves: no occasion waves), each with its instruments, in one query. */
export function listWavesWithInstruments(db: Db, networkId: string): Wave[] {
  const rows = prepared(
    db,
    `SELECT w.id, w.network_id AS networkId, w.label, w.kind, w.planned_date AS plannedDate, w.status, w.created_at AS createdAt,
            (SELECT json_group_array(json_object('instrumentId', wi.instrument_id, 'version', wi.instrument_version) ORDER BY wi.position)
             FROM wave_instruments wi WHERE wi.wave_id = w.id) AS instruments
     FROM waves w WHERE w.network_id = ? AND w.occasion_id IS NULL`,
  ).all(networkId) as (Omit<Wave, 'instruments'> & { instruments: string; createdAt: string })[];
  return orderWaves(rows).map(({ createdAt: _createdAt, ...r }) => ({ ...r, instruments: JSON.parse(r.instruments) as Wave['instruments'] }));
}

/** Pre-assigned codes of a network (the invited, when a code list is used). */
export function countAssignedCodes(db: Db, networkId: string): number {
  return prepared(db, "SELECT count(*) FROM respondents WHERE network_id = ? AND code_kind = 'assigned'").pluck(true).get(networkId) as number;
}

/** Stored versions of an instrument, newest first (empty when the instrument is unknown). */
export function instrumentVersions(db: Db, instrumentId: string): number[] {
  return prepared(db, 'SELECT version FROM instruments WHERE instrument_id = ? ORDER BY version DESC').pluck(true).all(instrumentId) as number[];
}
