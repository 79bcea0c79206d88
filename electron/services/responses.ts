import type { ParsedInput } from '../../shared/contract';
import type { ResponseRecord, SavedAnswer } from '../../shared/domain';
import { ApiError } from '../../shared/errors';
import { allowedCodes } from '../../shared/instruments/schema';
import { appendAudit } from '../db/repositories/audit';
import { freezeInstrument } from '../db/repositories/instruments';
import { findOrganisation } from '../db/repositories/networks';
import * as repo from '../db/repositories/responses';
import type { ServiceContext } from './context';
import { loadInstrument } from './instruments';
import { requireWave } from './networks';

function requireResponse(ctx: ServiceContext, responseId: string) {
  const row = repo.findResponseRow(ctx.db, responseId);
  if (!row) throw new ApiError('NOT_FOUND', 'Deze vragenlijst bestaat niet (meer). Begin opnieuw vanaf het overzicht.');
  return row;
}

const alreadySubmitted = () =>
  new ApiError('CONFLICT', 'Deze vragenlijst is al ingeleverd. Antwoorden kunnen niet meer worden gewijzigd.');

/**
 * Starts (or resumes) the response of a respondent code in a wave. The code is created in the
 * network on first use; the wave's instrument versions are frozen from the first response on.
 */
export function startResponse(ctx: ServiceContext, input: ParsedInput<'startResponse'>): ResponseRecord {
  return ctx.db.transaction(() => {
    const wave = requireWave(ctx, input.waveId);
    if (wave.status !== 'open') throw new ApiError('CONFLICT', `Meting ${wave.label} is gesloten. Open de meting opnieuw of kies een andere.`);
    if (input.organisationId !== null) {
      const org = findOrganisation(ctx.db, input.organisationId);
      if (!org || org.networkId !== wave.networkId) {
        throw new ApiError('NOT_FOUND', 'Deze organisatie hoort niet bij het netwerk van deze meting. Kies een organisatie uit de lijst.');
      }
    }
    const now = ctx.now();
    let respondent = repo.findRespondentByCode(ctx.db, wave.networkId, input.respondentCode);
    if (!respondent) {
      respondent = repo.insertRespondent(ctx.db, ctx.deviceId, { networkId: wave.networkId, code: input.respondentCode, organisationId: input.organisationId }, now);
    } else if (input.organisationId !== null && respondent.organisationId !== input.organisationId) {
      repo.setRespondentOrganisation(ctx.db, respondent.id, input.organisationId, now);
    }
    const existing = repo.findResponseFor(ctx.db, respondent.id, wave.id);
    if (existing?.status === 'complete') {
      throw new ApiError('CONFLICT', `Code ${input.respondentCode} heeft meting ${wave.label} al ingevuld. Controleer de code.`);
    }
    if (existing) return repo.getResponse(ctx.db, existing.id)!;
    const responseId = repo.insertResponse(ctx.db, ctx.deviceId, { respondentId: respondent.id, waveId: wave.id, mode: input.mode }, now);
    for (const ref of wave.instruments) freezeInstrument(ctx.db, ref.instrumentId, ref.version, now);
    appendAudit(ctx.db, ctx.deviceId, { action: 'response.started', entity: 'response', entityId: responseId, details: { mode: input.mode } }, now);
    return repo.getResponse(ctx.db, responseId)!;
  }).immediate();
}

export function getResponse(ctx: ServiceContext, responseId: string): ResponseRecord {
  requireResponse(ctx, responseId);
  return repo.getResponse(ctx.db, responseId)!;
}

/**
 * Stores one answer the moment it is given. The write commits before this returns, and with
 * synchronous=FULL a committed answer survives a crash, so the screen may then show "saved".
 * A null value (or empty text) clears the answer.
 */
export function saveAnswer(ctx: ServiceContext, input: ParsedInput<'saveAnswer'>): SavedAnswer {
  const response = requireResponse(ctx, input.responseId);
  if (response.status !== 'in_progress') throw alreadySubmitted();
  const wave = requireWave(ctx, response.waveId);
  const ref = wave.instruments.find((r) => r.instrumentId === input.instrumentId);
  if (!ref) throw new ApiError('VALIDATION', `Vragenlijst ${input.instrumentId} hoort niet bij deze meting.`);
  const def = loadInstrument(ctx, ref.instrumentId, ref.version);
  const item = def.items.find((it) => it.id === input.itemId);
  if (!item) throw new ApiError('VALIDATION', `Vraag ${input.itemId} bestaat niet in vragenlijst ${def.name.nl}.`);

  let value: number | null = null;
  let text: string | null = null;
  if (item.type === 'open') {
    if (input.value !== null) throw new ApiError('VALIDATION', `Vraag ${item.id} is een open vraag: geef tekst, geen getal.`);
    text = input.text === null || input.text.trim() === '' ? null : input.text;
    if (text !== null && text.length > item.maxLength) {
      throw new ApiError('VALIDATION', `Het antwoord op vraag ${item.id} is te lang: hoogstens ${item.maxLength} tekens.`);
    }
  } else {
    if (input.text !== null) throw new ApiError('VALIDATION', `Vraag ${item.id} vraagt om een keuze, niet om tekst.`);
    if (input.value !== null && !allowedCodes(def, item)!.has(input.value)) {
      throw new ApiError('VALIDATION', `Antwoord ${input.value} is geen geldige keuze bij vraag ${item.id}. Kies een van de getoonde antwoorden.`);
    }
    value = input.value;
  }

  const now = ctx.now();
  ctx.db.transaction(() => {
    if (value === null && text === null) repo.deleteAnswer(ctx.db, response.id, def.id, item.id);
    else repo.upsertAnswer(ctx.db, ctx.deviceId, { responseId: response.id, instrumentId: def.id, instrumentVersion: def.version, itemId: item.id, value, text }, now);
    repo.touchResponse(ctx.db, response.id, now);
  }).immediate();
  return { responseId: response.id, itemId: item.id, savedAt: now };
}

export function completeResponse(ctx: ServiceContext, responseId: string): ResponseRecord {
  return ctx.db.transaction(() => {
    const response = requireResponse(ctx, responseId);
    if (response.status === 'complete') throw alreadySubmitted();
    const now = ctx.now();
    repo.markComplete(ctx.db, responseId, now);
    appendAudit(ctx.db, ctx.deviceId, { action: 'response.completed', entity: 'response', entityId: responseId }, now);
    return repo.getResponse(ctx.db, responseId)!;
  }).immediate();
}
