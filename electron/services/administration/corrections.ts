import type { ParsedInput } from '../../../shared/contract';
import type { ResponseRecord } from '../../../shared/domain';
import type { StoredAnswerOf } from '../../../shared/instruments/given-answers';
import { ApiError } from '../../../shared/errors';
import { appendAudit } from '../../db/repositories/audit';
import { listRelationAnswers } from '../../db/repositories/relation-answers';
import * as repo from '../../db/repositories/responses';
import type { ServiceContext } from '../context';
import { loadInstrument } from './instruments';
import { requireWave } from './networks';
import { checkedAnswer, refuseMissingRequired, requireResponse } from './responses';

/**
 * Correcting a submitted questionnaire (a researcher's slip on paper entry, a respondent who asks
 * for a change): the changed answers and the reason arrive together and are written in one
 * transaction. There is no "reopened" state in the database: until the correction is sent the
 * response stays submitted with its old answers, and counts as it did (see
 * docs/decisions/2026-12-01-corrections.md). The response keeps the moment it was submitted; its
 * row and the changed answers get this moment and this laptop, so a merge takes the later version.
 */

/** One changed answer as the audit log keeps it: the old and the new value (open answers: only that the text changed). */
interface LoggedChange {
  instrumentId: string;
  itemId: string;
  old?: number | null;
  new?: number | null;
  textChanged?: true;
}

/**
 * The largest `details` of one audit entry a study file accepts is 4000 characters
 * (shared/study.ts `studyAuditRow`); a correction that changes many answers is logged in parts.
 */
const DETAILS_BUDGET = 3600;

export function correctResponse(ctx: ServiceContext, input: ParsedInput<'correctResponse'>): ResponseRecord {
  return ctx.db.transaction(() => {
    const response = requireResponse(ctx, input.responseId);
    if (response.status !== 'complete') {
      throw new ApiError('CONFLICT', 'Deze vragenlijst is nog niet ingeleverd. Verander de antwoorden in de vragenlijst zelf (Hervatten); corrigeren is voor ingeleverde vragenlijsten.');
    }
    const wave = requireWave(ctx, response.waveId);
    const versions = new Map(wave.instruments.map((ref) => [ref.instrumentId, ref.version]));
    const stored = new Map(repo.listAnswers(ctx.db, response.id).map((a) => [`${a.instrumentId}/${a.itemId}`, a]));
    const seen = new Set<string>();
    const changes: { instrumentId: string; version: number; itemId: string; value: number | null; text: string | null; logged: LoggedChange }[] = [];
    for (const a of input.answers) {
      const key = `${a.instrumentId}/${a.itemId}`;
      if (seen.has(key)) throw new ApiError('VALIDATION', `Vraag ${a.itemId} staat twee keer in de correctie. Er is niets gewijzigd.`);
      seen.add(key);
      const version = versions.get(a.instrumentId);
      if (version === undefined) throw new ApiError('VALIDATION', `Vragenlijst ${a.instrumentId} hoort niet bij deze meting. Er is niets gewijzigd.`);
      const { item, value, text } = checkedAnswer(loadInstrument(ctx, a.instrumentId, version), a.itemId, a);
      const old = stored.get(key);
      if ((old?.value ?? null) === value && (old?.text ?? null) === text) continue;
      const logged: LoggedChange =
        item.type === 'open' || item.type === 'multiple' ? { instrumentId: a.instrumentId, itemId: item.id, textChanged: true } : { instrumentId: a.instrumentId, itemId: item.id, old: old?.value ?? null, new: value };
      changes.push({ instrumentId: a.instrumentId, version, itemId: item.id, value, text, logged });
    }
    if (changes.length === 0) {
      throw new ApiError('VALIDATION', 'Er is geen antwoord veranderd. Verander eerst een antwoord, of annuleer de correctie. Er is niets gewijzigd.');
    }
    // A correction leaves no shown required question open, except on a paper form taken as it came back.
    if (response.mode !== 'paper') {
      const after = new Map<string, StoredAnswerOf>(stored);
      for (const c of changes) after.set(`${c.instrumentId}/${c.itemId}`, { instrumentId: c.instrumentId, itemId: c.itemId, value: c.value, text: c.text });
      refuseMissingRequired(ctx, response, [...after.values()], listRelationAnswers(ctx.db, response.id), true);
    }
    const now = ctx.now();
    for (const c of changes) {
      if (c.value === null && c.text === null) repo.deleteAnswer(ctx.db, response.id, c.instrumentId, c.itemId);
      else repo.upsertCorrectedAnswer(ctx.db, ctx.deviceId, { responseId: response.id, instrumentId: c.instrumentId, instrumentVersion: c.version, itemId: c.itemId, value: c.value, text: c.text }, now);
    }
    repo.markCorrected(ctx.db, ctx.deviceId, response.id, now);
    const parts = inParts(changes.map((c) => c.logged));
    parts.forEach((part, i) => {
      const details = { waveId: wave.id, correctionReason: input.reason, changes: part, ...(parts.length > 1 ? { part: i + 1, parts: parts.length } : {}) };
      appendAudit(ctx.db, ctx.deviceId, { action: 'response.corrected', entity: 'response', entityId: response.id, details }, now);
    });
    return repo.getResponse(ctx.db, response.id)!;
  }).immediate();
}

/** The changes in groups small enough for one audit entry each (`DETAILS_BUDGET`, the reason included). */
function inParts(changes: LoggedChange[]): LoggedChange[][] {
  const parts: LoggedChange[][] = [[]];
  let size = 0;
  for (const change of changes) {
    const length = JSON.stringify(change).length + 1;
    if (size + length > DETAILS_BUDGET - 400 && parts[parts.length - 1]!.length > 0) {
      parts.push([]);
      size = 0;
    }
    parts[parts.length - 1]!.push(change);
    size += length;
  }
  return parts;
}
