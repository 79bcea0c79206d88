import type { ParsedInput } from '../../../shared/contract';
import { ApiError } from '../../../shared/errors';
import { MDO_MOMENT_CODES } from '../../../shared/instruments/mdo-evaluatie';
import { OCCASION_INSTRUMENT_ID, type Occasion, type OccasionMoment, type OccasionWaveSummary } from '../../../shared/occasions';
import { appendAudit } from '../../db/repositories/audit';
import * as repo from '../../db/repositories/networks';
import * as occasions from '../../db/repositories/occasions';
import { instrumentVersions } from '../../db/repositories/results';
import { upsertAnswerIfOpen } from '../../db/repositories/responses';
import type { ServiceContext } from '../context';
import { requireWave } from './networks';

/**
 * Occasions within a wave: each MDO evaluated before and after. Creating one makes the occasion
 * and its two waves (kind `custom`, the MDO-evaluatie, dated on the day it is held) in one
 * transaction. The waves are ordinary waves for filling in (form, kiosk, meeting mode, paper) but
 * are not measurement waves: the network's wave lists leave them out (repositories/networks.ts).
 * Design: docs/decisions/2026-12-01-mdo-occasions.md.
 */

const MOMENT_WORDS: Record<OccasionMoment, string> = { before: 'voor', after: 'na' };

export function requireOccasion(ctx: ServiceContext, occasionId: string): occasions.OccasionRow {
  const row = occasions.getOccasion(ctx.db, occasionId);
  if (!row) throw new ApiError('NOT_FOUND', 'Dit MDO bestaat niet (meer). Kies een MDO uit de lijst.');
  return row;
}

/** A measurement wave that can hold occasions: not itself the before or after wave of one. */
function requireHoldingWave(ctx: ServiceContext, waveId: string) {
  const wave = requireWave(ctx, waveId);
  if (occasions.occasionOfWave(ctx.db, waveId)) {
    throw new ApiError('VALIDATION', `Meting ${wave.label} is zelf de meting vóór of na een MDO. Kies de meting van het netwerk waarin u het MDO wilt evalueren, zoals T0.`);
  }
  return wave;
}

/**
 * The label of an occasion's wave: "<occasion> (voor)" or "(na)", unique in the network (a wave
 * label is); when taken, a number is added ("… (voor) 2"). At most 40 characters, as a wave label.
 */
function occasionWaveLabel(ctx: ServiceContext, networkId: string, occasionLabel: string, moment: OccasionMoment, exceptId = ''): string {
  const base = `${occasionLabel} (${MOMENT_WORDS[moment]})`;
  for (let n = 1; ; n++) {
    const label = n === 1 ? base : `${base} ${n}`;
    if (!repo.waveLabelTaken(ctx.db, networkId, label, exceptId)) return label;
  }
}

function summaryOf(ctx: ServiceContext, row: occasions.OccasionRow): Occasion {
  const waves = occasions.occasionWaves(ctx.db, row.id);
  const of = (moment: OccasionMoment): OccasionWaveSummary => {
    const w = waves.find((x) => x.moment === moment);
    if (!w) throw new Error(`occasion ${row.id} has no ${moment} wave`);
    return { waveId: w.waveId, label: w.label, status: w.status, started: w.started, complete: w.complete };
  };
  return { id: row.id, waveId: row.waveId, label: row.label, heldOn: row.heldOn, before: of('before'), after: of('after') };
}

export function createOccasion(ctx: ServiceContext, input: ParsedInput<'createOccasion'>): Occasion {
  return ctx.db.transaction(() => {
    const wave = requireHoldingWave(ctx, input.waveId);
    if (occasions.occasionLabelTaken(ctx.db, wave.id, input.label)) {
      throw new ApiError('CONFLICT', `Meting ${wave.label} heeft al een MDO "${input.label}". Kies een andere naam, bijvoorbeeld met de datum erbij.`);
    }
    const version = instrumentVersions(ctx.db, OCCASION_INSTRUMENT_ID)[0];
    if (version === undefined) throw new ApiError('NOT_FOUND', 'De vragenlijst MDO-evaluatie ontbreekt in deze database. Start de app opnieuw; dan wordt zij toegevoegd.');
    const now = ctx.now();
    const occasionId = occasions.insertOccasion(ctx.db, ctx.deviceId, { waveId: wave.id, label: input.label, heldOn: input.heldOn }, now);
    for (const moment of ['before', 'after'] as const) {
      const label = occasionWaveLabel(ctx, wave.networkId, input.label, moment);
      const created = repo.insertWave(
        ctx.db,
        ctx.deviceId,
        { networkId: wave.networkId, label, kind: 'custom', plannedDate: input.heldOn, instruments: [{ instrumentId: OCCASION_INSTRUMENT_ID, version }] },
        now,
      );
      occasions.setWaveOccasion(ctx.db, created.id, occasionId, moment);
      appendAudit(ctx.db, ctx.deviceId, { action: 'wave.created', entity: 'wave', entityId: created.id, details: { label } }, now);
    }
    appendAudit(ctx.db, ctx.deviceId, { action: 'occasion.created', entity: 'wave', entityId: wave.id, details: { label: input.label } }, now);
    return summaryOf(ctx, requireOccasion(ctx, occasionId));
  }).immediate();
}

/** A measurement wave's occasions, each with its before and after wave and their counts. */
export function listOccasions(ctx: ServiceContext, waveId: string): Occasion[] {
  const wave = requireHoldingWave(ctx, waveId);
  return occasions.listOccasionsOfWave(ctx.db, wave.id).map((row) => summaryOf(ctx, row));
}

/** Renames or redates an occasion; its two waves follow (label and planned date). */
export function updateOccasion(ctx: ServiceContext, input: ParsedInput<'updateOccasion'>): Occasion {
  return ctx.db.transaction(() => {
    const before = requireOccasion(ctx, input.occasionId);
    if (occasions.occasionLabelTaken(ctx.db, before.waveId, input.label, before.id)) {
      throw new ApiError('CONFLICT', `Deze meting heeft al een MDO "${input.label}". Kies een andere naam; er is niets gewijzigd.`);
    }
    const now = ctx.now();
    occasions.updateOccasion(ctx.db, ctx.deviceId, input, now);
    const networkId = requireWave(ctx, before.waveId).networkId;
    for (const w of occasions.occasionWaves(ctx.db, before.id)) {
      const label = occasionWaveLabel(ctx, networkId, input.label, w.moment, w.waveId);
      repo.updateWave(ctx.db, ctx.deviceId, { waveId: w.waveId, label, plannedDate: input.heldOn }, now);
    }
    const details = before.label === input.label ? { label: input.label } : { label: input.label, from: before.label, to: input.label };
    appendAudit(ctx.db, ctx.deviceId, { action: 'occasion.updated', entity: 'wave', entityId: before.waveId, details }, now);
    return summaryOf(ctx, requireOccasion(ctx, before.id));
  }).immediate();
}

/**
 * A response begun in an occasion's wave starts with the MDO-evaluatie's moment question answered
 * as the wave says (before or after), so the right items show everywhere; the respondent sees the
 * answer and can change it, but the results take the moment from the wave, never from the answer.
 */
export function fillOccasionMoment(ctx: ServiceContext, response: { id: string; waveId: string }, instruments: readonly { instrumentId: string; version: number }[], now: string): void {
  const occasion = occasions.occasionOfWave(ctx.db, response.waveId);
  const ref = instruments.find((r) => r.instrumentId === OCCASION_INSTRUMENT_ID);
  if (!occasion || !ref) return;
  upsertAnswerIfOpen(
    ctx.db,
    ctx.deviceId,
    { responseId: response.id, instrumentId: ref.instrumentId, instrumentVersion: ref.version, itemId: 'mdo_moment', value: MDO_MOMENT_CODES[occasion.moment], text: null },
    now,
  );
}
