import type { ParsedInput } from '../../../shared/contract';
import type { ResponseRecord } from '../../../shared/domain';
import type { StoredAnswerOf } from '../../../shared/instruments/given-answers';
import { ApiError } from '../../../shared/errors';
import type { InstrumentDefinition, InstrumentItem } from '../../../shared/instruments/schema';
import { multipleChoiceCodes } from '../../../shared/instruments/visibility';
import { relationAnswerKey, type RelationAnswerOf } from '../../../shared/instruments/relations';
import { appendAudit } from '../../db/repositories/audit';
import { deleteRelationAnswer, listRelationAnswers, upsertCorrectedRelationAnswer } from '../../db/repositories/relation-answers';
import * as repo from '../../db/repositories/responses';
import type { ServiceContext } from '../context';
import { loadInstrument } from './instruments';
import { requireWave } from './networks';
import { checkedRelationAnswer } from './relation-answers';
import { checkedAnswer, refuseMissingRequired, requireResponse } from './responses';

/**
 * Correcting a submitted questionnaire (a researcher's slip on paper entry, a respondent who asks
 * for a change): the changed answers and the reason arrive together and are written in one
 * transaction. There is no "reopened" state in the database: until the correction is sent the
 * response stays submitted with its old answers, and counts as it did (see
 * docs/decisions/2026-12-01-corrections.md). The response keeps the moment it was submitted; its
 * row and the changed answers get this moment and this laptop, so a merge takes the later version.
 */

/**
 * One changed answer as the audit log keeps it: the old and the new value (open answers: only that
 * the text changed). A multiple-choice answer keeps the ticked codes before and after, with the
 * question's label and the labels of those options (in the instrument's Dutch), so the log can
 * say "Contactvormen: Telefoon, E-mail → Telefoon, Beveiligde app" without the instrument at hand;
 * `textChanged` stays for versions that do not know the codes. An answer about a partner
 * organisation names that organisation.
 */
interface LoggedChange {
  instrumentId: string;
  itemId: string;
  organisationId?: string;
  organisationName?: string;
  old?: number | null;
  new?: number | null;
  textChanged?: true;
  label?: string;
  oldCodes?: number[];
  newCodes?: number[];
  optionLabels?: Record<string, string>;
}

/** A multiple-choice change as logged: the codes ticked before and after, named. */
function loggedTicks(definition: InstrumentDefinition, item: InstrumentItem, oldText: string | null, newText: string | null): LoggedChange {
  const codes = (text: string | null) => (text ? (multipleChoiceCodes(text) ?? []) : []);
  const oldCodes = codes(oldText);
  const newCodes = codes(newText);
  const scale = item.type === 'multiple' ? definition.scales.find((s) => s.id === item.scale) : undefined;
  const optionLabels: Record<string, string> = {};
  for (const option of [...(scale?.options ?? []), ...(scale?.notScored ?? [])]) {
    if (oldCodes.includes(option.code) || newCodes.includes(option.code)) optionLabels[String(option.code)] = option.label.nl;
  }
  return { instrumentId: definition.id, itemId: item.id, textChanged: true, label: item.label.nl, oldCodes, newCodes, optionLabels };
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
      const definition = loadInstrument(ctx, a.instrumentId, version);
      const { item, value, text } = checkedAnswer(definition, a.itemId, a);
      const old = stored.get(key);
      if ((old?.value ?? null) === value && (old?.text ?? null) === text) continue;
      const logged: LoggedChange =
        item.type === 'multiple'
          ? loggedTicks(definition, item, old?.text ?? null, text)
          : item.type === 'open'
            ? { instrumentId: a.instrumentId, itemId: item.id, textChanged: true }
            : { instrumentId: a.instrumentId, itemId: item.id, old: old?.value ?? null, new: value };
      changes.push({ instrumentId: a.instrumentId, version, itemId: item.id, value, text, logged });
    }
    const relationChanges = changedRelationAnswers(ctx, response, versions, input.relationAnswers);
    if (changes.length === 0 && relationChanges.length === 0) {
      throw new ApiError('VALIDATION', 'Er is geen antwoord veranderd. Verander eerst een antwoord, of annuleer de correctie. Er is niets gewijzigd.');
    }
    // A correction leaves no shown required question open, except on a paper form taken as it came back.
    if (response.mode !== 'paper') {
      const after = new Map<string, StoredAnswerOf>(stored);
      for (const c of changes) after.set(`${c.instrumentId}/${c.itemId}`, { instrumentId: c.instrumentId, itemId: c.itemId, value: c.value, text: c.text });
      const relationsAfter = new Map(listRelationAnswers(ctx.db, response.id).map((a): [string, RelationAnswerOf] => [relationAnswerKey(a), a]));
      for (const c of relationChanges) relationsAfter.set(relationAnswerKey(c), c);
      refuseMissingRequired(ctx, response, [...after.values()], [...relationsAfter.values()], true);
    }
    const now = ctx.now();
    for (const c of changes) {
      if (c.value === null && c.text === null) repo.deleteAnswer(ctx.db, response.id, c.instrumentId, c.itemId);
      else repo.upsertCorrectedAnswer(ctx.db, ctx.deviceId, { responseId: response.id, instrumentId: c.instrumentId, instrumentVersion: c.version, itemId: c.itemId, value: c.value, text: c.text }, now);
    }
    for (const c of relationChanges) {
      const key = { responseId: response.id, instrumentId: c.instrumentId, itemId: c.itemId, organisationId: c.organisationId };
      if (c.value === null) deleteRelationAnswer(ctx.db, key);
      else upsertCorrectedRelationAnswer(ctx.db, ctx.deviceId, { ...key, instrumentVersion: c.version, value: c.value }, now);
    }
    repo.markCorrected(ctx.db, ctx.deviceId, response.id, now);
    const parts = inParts([...changes.map((c) => c.logged), ...relationChanges.map((c) => c.logged)]);
    parts.forEach((part, i) => {
      const details = { waveId: wave.id, correctionReason: input.reason, changes: part, ...(parts.length > 1 ? { part: i + 1, parts: parts.length } : {}) };
      appendAudit(ctx.db, ctx.deviceId, { action: 'response.corrected', entity: 'response', entityId: response.id, details }, now);
    });
    return repo.getResponse(ctx.db, response.id)!;
  }).immediate();
}

interface RelationChange extends RelationAnswerOf {
  version: number;
  logged: LoggedChange;
}

/**
 * The answers about partner organisations a correction changes, each checked as when it was given
 * (`checkedRelationAnswer`); one named twice, or of an instrument not in the wave, is refused.
 */
function changedRelationAnswers(
  ctx: ServiceContext,
  response: { id: string; waveId: string; organisationId: string | null },
  versions: ReadonlyMap<string, number>,
  given: ParsedInput<'correctResponse'>['relationAnswers'],
): RelationChange[] {
  const stored = new Map(listRelationAnswers(ctx.db, response.id).map((a) => [relationAnswerKey(a), a.value]));
  const seen = new Set<string>();
  const changes: RelationChange[] = [];
  for (const a of given) {
    const key = relationAnswerKey(a);
    if (seen.has(key)) throw new ApiError('VALIDATION', `Het antwoord bij vraag ${a.itemId} over één organisatie staat twee keer in de correctie. Er is niets gewijzigd.`);
    seen.add(key);
    const version = versions.get(a.instrumentId);
    if (version === undefined) throw new ApiError('VALIDATION', `Vragenlijst ${a.instrumentId} hoort niet bij deze meting. Er is niets gewijzigd.`);
    const { item, organisation } = withNothingChanged(() => checkedRelationAnswer(ctx, loadInstrument(ctx, a.instrumentId, version), response, a));
    const old = stored.get(key) ?? null;
    if (old === a.value) continue;
    const logged = { instrumentId: a.instrumentId, itemId: item.id, organisationId: organisation.id, organisationName: organisation.name, old, new: a.value };
    changes.push({ instrumentId: a.instrumentId, itemId: item.id, organisationId: organisation.id, value: a.value, version, logged });
  }
  return changes;
}

/** A refusal of a correction says that nothing changed. */
function withNothingChanged<T>(check: () => T): T {
  try {
    return check();
  } catch (err) {
    if (err instanceof ApiError) throw new ApiError(err.code, `${err.message} Er is niets gewijzigd.`);
    throw err;
  }
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
