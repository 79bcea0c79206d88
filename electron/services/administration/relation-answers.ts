import type { ParsedInput } from '../../../shared/contract';
import type { Organisation, SavedRelationAnswer } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { allowedCodes, type InstrumentDefinition, type RelationItem } from '../../../shared/instruments/schema';
import { deleteRelationAnswerIfOpen, upsertRelationAnswerIfOpen } from '../../db/repositories/relation-answers';
import type { ServiceContext } from '../context';
import { loadInstrument } from './instruments';
import { requireOrganisationIn, requireWave } from './networks';
import { closedResponseError, instrumentVersionFor, requireResponse } from './responses';

/**
 * Stores one answer about one partner organisation the moment it is given, like saveAnswer: the
 * write is one statement that commits before this returns, and only while the response is
 * unfinished. A null value clears the answer. Whether a trust or value answer counts (only about
 * organisations the respondent works with) is decided where answers are counted
 * (shared/instruments/relations.ts), not here: a respondent who changes the frequency back keeps
 * what they said, and it counts again when the frequency does.
 */
export function saveRelationAnswer(ctx: ServiceContext, input: ParsedInput<'saveRelationAnswer'>): SavedRelationAnswer {
  const version = instrumentVersionFor(ctx, input.responseId, input.instrumentId);
  if (version === null) throw new ApiError('VALIDATION', `Vragenlijst ${input.instrumentId} hoort niet bij deze meting.`);
  const response = requireResponse(ctx, input.responseId);
  const { def, item, organisation } = checkedRelationAnswer(ctx, loadInstrument(ctx, input.instrumentId, version), response, input);

  const now = ctx.now();
  const key = { responseId: input.responseId, instrumentId: def.id, itemId: item.id, organisationId: organisation.id };
  const stored =
    input.value === null
      ? deleteRelationAnswerIfOpen(ctx.db, key)
      : upsertRelationAnswerIfOpen(ctx.db, ctx.deviceId, { ...key, instrumentVersion: def.version, value: input.value }, now);
  if (!stored) throw closedResponseError(ctx, input.responseId, input.instrumentId);
  return { responseId: input.responseId, itemId: item.id, organisationId: organisation.id, value: input.value, savedAt: now };
}

/**
 * An answer about a partner organisation checked against the instrument and the response: a
 * relation item of the instrument, an organisation of the response's network but not the
 * respondent's own, and a value among the item's options (or null). Refused with a Dutch sentence.
 */
export function checkedRelationAnswer(
  ctx: ServiceContext,
  def: InstrumentDefinition,
  response: { waveId: string; organisationId: string | null },
  input: { itemId: string; organisationId: string; value: number | null },
): { def: InstrumentDefinition; item: RelationItem; organisation: Organisation } {
  const item = def.items.find((it) => it.id === input.itemId);
  if (!item) throw new ApiError('VALIDATION', `Vraag ${input.itemId} bestaat niet in vragenlijst ${def.name.nl}.`);
  if (item.type !== 'relation') {
    throw new ApiError('VALIDATION', `Vraag ${item.id} gaat niet over partnerorganisaties. Sla het antwoord op als gewoon antwoord.`);
  }
  const organisation = requireOrganisationIn(ctx, requireWave(ctx, response.waveId).networkId, input.organisationId);
  if (response.organisationId === organisation.id) {
    throw new ApiError('VALIDATION', `Vraag ${item.id} gaat over de andere partnerorganisaties, niet over uw eigen organisatie (${organisation.name}).`);
  }
  if (input.value !== null && !allowedCodes(def, item)!.has(input.value)) {
    throw new ApiError('VALIDATION', `Antwoord ${input.value} is geen geldige keuze bij vraag ${item.id}. Kies een van de getoonde antwoorden.`);
  }
  return { def, item, organisation };
}
