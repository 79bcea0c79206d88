import type { ParsedInput } from '../../../shared/contract';
import { chooseSelfCode, isWellFormedAssignedCode, normalizeAssignedCode, selfCodeParts } from '../../../shared/codes';
import type { Network, ResponseMode, ResponseRecord, SavedAnswer } from '../../../shared/domain';
import { ApiError, type AnswerRefusal } from '../../../shared/errors';
import { allAvailableIn } from '../../../shared/instruments/languages';
import { missingRequiredQuestions, numberList, type StoredAnswerOf } from '../../../shared/instruments/given-answers';
import { partnersToAsk, relationItemAnswered, type RelationAnswerOf } from '../../../shared/instruments/relations';
import { allowedCodes, type InstrumentDefinition, type InstrumentItem, type RelationItem } from '../../../shared/instruments/schema';
import { multipleChoiceCodes, multipleChoiceText } from '../../../shared/instruments/visibility';
import { appendAudit } from '../../db/repositories/audit';
import { registerDiscard } from '../../db/repositories/discards';
import { freezeInstrument } from '../../db/repositories/instruments';
import { listOrganisations } from '../../db/repositories/networks';
import { listRelationAnswers } from '../../db/repositories/relation-answers';
import * as repo from '../../db/repositories/responses';
import type { CodeKind } from '../../db/repositories/responses';
import type { Db } from '../../db/open';
import type { ServiceContext } from '../context';
import { loadInstrument } from './instruments';
import { requireNetwork, requireOrganisationIn, requireWave } from './networks';
import { fillOccasionMoment } from './occasions';

export function requireResponse(ctx: ServiceContext, responseId: string) {
  const row = repo.findResponseRow(ctx.db, responseId);
  if (!row) throw new ApiError('NOT_FOUND', 'Deze vragenlijst bestaat niet (meer). Begin opnieuw vanaf het overzicht.');
  return row;
}

const alreadySubmitted = () =>
  new ApiError('CONFLICT', 'Deze vragenlijst is al ingeleverd. Antwoorden kunnen niet meer worden gewijzigd.');

export interface BeginOptions {
  waveId: string;
  respondentCode: string;
  organisationId: string | null;
  mode: ResponseMode;
  language: 'nl' | 'en';
  consentAt: string | null;
  /** The birth month, given after a SELF_CODE_TAKEN answer; undefined when not asked. */
  birthMonth?: number;
}

/** The code a response is started under, and whether the birth month decided it. */
interface ChosenCode {
  code: string;
  kind: CodeKind;
  birthMonthAsked: boolean;
}

/** The respondent fills in the questionnaire without the researcher: on the kiosk laptop or on their own phone at a meeting. */
const selfService = (mode: ResponseMode) => mode === 'kiosk' || mode === 'meeting';

/**
 * What kiosk mode tells the person at the screen when a code cannot start a questionnaire: one
 * sentence whether the code is not on the list, was submitted or was begun before, so trying
 * codes at the screen tells nobody about other respondents' codes.
 */
const kioskCodeRefused = () =>
  new ApiError('CONFLICT', 'Met deze code kunt u nu geen vragenlijst invullen. Vraag de onderzoeker om hulp.');

/**
 * The code a respondent gives, checked against the network's code policy: with a code list only
 * listed codes are accepted; with self-generated codes only the self-code form, and a plain
 * self-made code that someone else already uses in this network needs the birth month too
 * (chooseSelfCode).
 */
function chooseCode(ctx: ServiceContext, network: Network, waveId: string, typed: string, birthMonth: number | null, mode: ResponseMode): ChosenCode {
  if (network.codePolicy === 'assigned') {
    const code = normalizeAssignedCode(typed);
    if (!isWellFormedAssignedCode(code) || !repo.isAssignedCode(ctx.db, network.id, code)) {
      // A code whose check character fails is a typo whatever the list holds: saying so reveals nothing.
      if (selfService(mode) && isWellFormedAssignedCode(code)) throw kioskCodeRefused();
      throw new ApiError('VALIDATION', `Code ${code} staat niet op de codelijst van dit netwerk. Controleer de code op uw kaartje, of vraag de onderzoeker.`);
    }
    return { code, kind: 'assigned', birthMonthAsked: false };
  }
  if (network.codePolicy !== 'self') return { code: typed, kind: 'free', birthMonthAsked: false };
  const parts = selfCodeParts(typed);
  if (!parts) throw new ApiError('VALIDATION', 'Dit is geen zelfgemaakte code. Vul de drie vragen voor uw code opnieuw in.');
  // An extended code typed as a whole (a researcher continuing MA010-07) is taken as it is.
  if (parts.birthMonth !== null) return { code: typed, kind: 'self', birthMonthAsked: false };
  const holders = new Map<string, boolean>();
  for (const row of repo.codesWithBase(ctx.db, network.id, parts.base, waveId)) {
    if (selfCodeParts(row.code)?.base === parts.base) holders.set(row.code, row.answered === 1);
  }
  const choice = chooseSelfCode(parts.base, birthMonth, holders);
  if (choice.kind === 'month-needed') {
    throw new ApiError('SELF_CODE_TAKEN', 'Iemand anders heeft dezelfde code al gebruikt. Dat komt vaker voor. Vul ook uw geboortemaand in, dan krijgt u een eigen code.');
  }
  return { code: choice.code, kind: 'self', birthMonthAsked: choice.kind === 'by-month' };
}

/**
 * Starts the response of a respondent code in a wave. The code is created in the network on first
 * use; the wave's instrument versions are frozen from the first response on.
 */
export function beginResponse(ctx: ServiceContext, options: BeginOptions): ResponseRecord {
  return ctx.db.transaction(() => {
    const wave = requireWave(ctx, options.waveId);
    if (wave.status !== 'open') throw new ApiError('CONFLICT', `Meting ${wave.label} is gesloten. Open de meting opnieuw of kies een andere.`);
    // A respondent answers in English only when every instrument of the wave is in English.
    if (!allAvailableIn(wave.instruments.map((ref) => loadInstrument(ctx, ref.instrumentId, ref.version)), options.language)) {
      throw new ApiError('VALIDATION', `De vragenlijsten van meting ${wave.label} zijn alleen in het Nederlands. Kies Nederlands als taal.`);
    }
    const network = requireNetwork(ctx, wave.networkId);
    if (options.organisationId !== null && requireOrganisationIn(ctx, wave.networkId, options.organisationId).archived) {
      throw new ApiError('CONFLICT', 'Deze organisatie is gearchiveerd en kan niet meer worden gekozen voor een nieuwe vragenlijst. Kies een andere organisatie.');
    }
    const { code, kind, birthMonthAsked } = chooseCode(ctx, network, wave.id, options.respondentCode, options.birthMonth ?? null, options.mode);
    const now = ctx.now();
    let respondent = repo.findRespondentByCode(ctx.db, wave.networkId, code);
    if (!respondent) {
      respondent = repo.insertRespondent(ctx.db, ctx.deviceId, { networkId: wave.networkId, code, organisationId: options.organisationId, codeKind: kind }, now);
    } else if (options.organisationId !== null && respondent.organisationId !== options.organisationId) {
      repo.setRespondentOrganisation(ctx.db, respondent.id, options.organisationId, now);
    }
    const existing = repo.findResponseFor(ctx.db, respondent.id, wave.id);
    // Kiosk mode never reopens a response: the same sentence for a code submitted or begun before
    // (a self-made code that was submitted is the one case told apart, below). The researcher's
    // form and paper entry continue an unfinished response of the same code.
    if (existing && selfService(options.mode) && !(existing.status === 'complete' && kind === 'self')) throw kioskCodeRefused();
    if (existing?.status === 'complete') {
      throw new ApiError('CONFLICT', `Code ${code} heeft meting ${wave.label} al ingevuld. Controleer de code.`);
    }
    if (existing) return repo.getResponse(ctx.db, existing.id)!;
    const responseId = repo.insertResponse(
      ctx.db,
      ctx.deviceId,
      { respondentId: respondent.id, waveId: wave.id, mode: options.mode, organisationId: options.organisationId, language: options.language, consentAt: options.consentAt },
      now,
    );
    for (const ref of wave.instruments) freezeInstrument(ctx.db, ref.instrumentId, ref.version, now);
    fillOccasionMoment(ctx, { id: responseId, waveId: wave.id }, wave.instruments, now);
    // Only that the month was asked, never the month or the code. The wave names the response's
    // wave and network in the log even after the response was thrown away.
    const details = birthMonthAsked ? { mode: options.mode, waveId: wave.id, birthMonthAsked: true } : { mode: options.mode, waveId: wave.id };
    appendAudit(ctx.db, ctx.deviceId, { action: 'response.started', entity: 'response', entityId: responseId, details }, now);
    return repo.getResponse(ctx.db, responseId)!;
  }).immediate();
}

/** The researcher's form and paper entry: an unfinished response of the same code is continued. */
export function startResponse(ctx: ServiceContext, input: ParsedInput<'startResponse'>): ResponseRecord {
  return beginResponse(ctx, { ...input, language: 'nl', consentAt: null });
}

export function resumeResponse(ctx: ServiceContext, responseId: string): ResponseRecord {
  const response = requireResponse(ctx, responseId);
  if (response.status !== 'in_progress') throw alreadySubmitted();
  appendAudit(ctx.db, ctx.deviceId, { action: 'response.resumed', entity: 'response', entityId: responseId }, ctx.now());
  return repo.getResponse(ctx.db, responseId)!;
}

/**
 * Throws away an unfinished response, e.g. one started under a mistyped code in paper entry.
 * Submitted responses are never discarded here (erasure on request is a separate, logged step).
 */
export function discardResponse(ctx: ServiceContext, responseId: string): { discarded: true } {
  return ctx.db.transaction(() => {
    const response = requireResponse(ctx, responseId);
    if (response.status !== 'in_progress') {
      throw new ApiError('CONFLICT', 'Een ingeleverde vragenlijst kan niet worden weggegooid. Gebruik zo nodig het wissen van een respondent.');
    }
    repo.deleteResponse(ctx.db, response.id, response.respondentId);
    // In the register, so a study file from a laptop that still has a copy does not bring it back.
    const now = ctx.now();
    registerDiscard(ctx.db, { id: response.id, networkId: requireWave(ctx, response.waveId).networkId, discardedAt: now, deviceId: ctx.deviceId });
    // The wave, so the log can still name the wave and network of a response that is gone.
    appendAudit(ctx.db, ctx.deviceId, { action: 'response.deleted', entity: 'response', entityId: response.id, details: { waveId: response.waveId } }, now);
    return { discarded: true as const };
  }).immediate();
}

export function setResponseOrganisation(ctx: ServiceContext, input: ParsedInput<'setResponseOrganisation'>): ResponseRecord {
  return ctx.db.transaction(() => {
    const response = requireResponse(ctx, input.responseId);
    if (response.status !== 'in_progress') throw alreadySubmitted();
    const wave = requireWave(ctx, response.waveId);
    if (input.organisationId !== null) requireOrganisationIn(ctx, wave.networkId, input.organisationId);
    const now = ctx.now();
    repo.setResponseOrganisation(ctx.db, response.id, input.organisationId, now);
    if (input.organisationId !== null) repo.setRespondentOrganisation(ctx.db, response.respondentId, input.organisationId, now);
    appendAudit(ctx.db, ctx.deviceId, { action: 'response.edited', entity: 'response', entityId: response.id, details: { field: 'organisation' } }, now);
    return repo.getResponse(ctx.db, response.id)!;
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
/** Why an answer cannot be stored in this response: it does not exist, or it was submitted. */
export function closedResponseError(ctx: ServiceContext, responseId: string, instrumentId: string): ApiError {
  const target = repo.findAnswerTarget(ctx.db, responseId, instrumentId);
  if (!target) return new ApiError('NOT_FOUND', 'Deze vragenlijst bestaat niet (meer). Begin opnieuw vanaf het overzicht.');
  return alreadySubmitted();
}

// The instrument version a response's wave uses, by response and instrument. A response never
// changes wave and a wave's instruments never change, so entries never go stale; whether the
// response is still open is checked by the write itself.
const versionCache = new WeakMap<Db, Map<string, number | null>>();

export function instrumentVersionFor(ctx: ServiceContext, responseId: string, instrumentId: string): number | null {
  let perDb = versionCache.get(ctx.db);
  if (!perDb) versionCache.set(ctx.db, (perDb = new Map()));
  const key = `${responseId}/${instrumentId}`;
  if (perDb.has(key)) return perDb.get(key)!;
  const target = repo.findAnswerTarget(ctx.db, responseId, instrumentId);
  if (!target) throw closedResponseError(ctx, responseId, instrumentId);
  if (target.status !== 'in_progress') throw alreadySubmitted();
  perDb.set(key, target.instrumentVersion);
  return target.instrumentVersion;
}

/**
 * An answer checked against its item: the value or text the item allows, or a Dutch refusal. A
 * null value and empty text mean "no answer".
 */
export function checkedAnswer(def: InstrumentDefinition, itemId: string, input: { value: number | null; text: string | null }): { item: InstrumentItem; value: number | null; text: string | null } {
  const item = def.items.find((it) => it.id === itemId);
  if (!item) throw new ApiError('VALIDATION', `Vraag ${itemId} bestaat niet in vragenlijst ${def.name.nl}.`);
  // Which answer was refused, so the paper grid can name the question by its number.
  const refused = (rule: AnswerRefusal['rule']): AnswerRefusal => ({ instrumentId: def.id, itemId: item.id, rule });

  let value: number | null = null;
  let text: string | null = null;
  if (item.type === 'open') {
    if (input.value !== null) throw new ApiError('VALIDATION', `Vraag ${item.id} is een open vraag: geef tekst, geen getal.`, refused('not-an-answer'));
    text = input.text === null || input.text.trim() === '' ? null : input.text;
    if (text !== null && text.length > item.maxLength) {
      throw new ApiError('VALIDATION', `Het antwoord op vraag ${item.id} is te lang: hoogstens ${item.maxLength} tekens.`, refused('too-long'));
    }
  } else if (item.type === 'multiple') {
    text = checkedMultipleChoice(def, item, input, refused);
  } else if (item.type === 'relation') {
    throw new ApiError(
      'VALIDATION',
      `Vraag ${item.id} wordt per partnerorganisatie beantwoord en kan niet als één antwoord worden opgeslagen. Er is niets opgeslagen.`,
      refused('not-an-answer'),
    );
  } else if (item.type === 'number') {
    if (input.text !== null || (input.value !== null && !allowedCodes(def, item)!.has(input.value))) {
      throw new ApiError('VALIDATION', `Vul bij vraag ${item.id} een heel getal in van ${item.min} tot en met ${item.max}.`, refused('not-an-answer'));
    }
    value = input.value;
  } else {
    if (input.text !== null) throw new ApiError('VALIDATION', `Vraag ${item.id} vraagt om een keuze, niet om tekst.`, refused('not-an-answer'));
    if (input.value !== null && !allowedCodes(def, item)!.has(input.value)) {
      throw new ApiError('VALIDATION', `Antwoord ${input.value} is geen geldige keuze bij vraag ${item.id}. Kies een van de getoonde antwoorden.`, refused('not-an-answer'));
    }
    value = input.value;
  }
  return { item, value, text };
}

/**
 * A multiple-choice answer: the ticked codes as `multipleChoiceText` writes them ("1,3,5":
 * ascending, each once), each an option of the item's scale; null (no text, or empty text) clears it.
 */
function checkedMultipleChoice(
  def: InstrumentDefinition,
  item: Extract<InstrumentItem, { type: 'multiple' }>,
  input: { value: number | null; text: string | null },
  refused: (rule: AnswerRefusal['rule']) => AnswerRefusal,
): string | null {
  const notAnAnswer = (why: string) => new ApiError('VALIDATION', `${why} Er is niets opgeslagen.`, refused('not-an-answer'));
  if (input.value !== null) throw notAnAnswer(`Bij vraag ${item.id} kunt u meer antwoorden aankruisen: geef de aangekruiste antwoordcodes als tekst (zoals "1,3"), geen los getal.`);
  if (input.text === null || input.text === '') return null;
  const codes = multipleChoiceCodes(input.text);
  if (codes === null) {
    const listed = /^\s*-?\d{1,3}(\s*,\s*-?\d{1,3})*\s*$/.test(input.text);
    throw notAnAnswer(
      listed
        ? `De aangekruiste antwoorden bij vraag ${item.id} moeten oplopend en elk één keer zonder spaties worden gegeven: "${multipleChoiceText(input.text.split(',').map(Number))}", niet "${input.text}".`
        : `"${input.text.slice(0, 40)}" is geen lijst van aangekruiste antwoordcodes bij vraag ${item.id}. Geef de codes gescheiden door komma's, zoals "1,3".`,
    );
  }
  const allowed = allowedCodes(def, item)!;
  const unknown = codes.filter((code) => !allowed.has(code));
  if (unknown.length > 0) throw notAnAnswer(`Antwoord ${unknown.join(', ')} bestaat niet bij vraag ${item.id}. Kruis alleen de getoonde antwoorden aan.`);
  return input.text;
}

export function saveAnswer(ctx: ServiceContext, input: ParsedInput<'saveAnswer'>): SavedAnswer {
  const version = instrumentVersionFor(ctx, input.responseId, input.instrumentId);
  if (version === null) throw new ApiError('VALIDATION', `Vragenlijst ${input.instrumentId} hoort niet bij deze meting.`);
  const def = loadInstrument(ctx, input.instrumentId, version);
  const { item, value, text } = checkedAnswer(def, input.itemId, input);

  // A single statement commits on its own; the response's last change is derived from its answers
  // (see listResponseSummaries), so the hot path writes one row and syncs once.
  const now = ctx.now();
  if (value === null && text === null) {
    const target = repo.findAnswerTarget(ctx.db, input.responseId, input.instrumentId);
    if (target?.status !== 'in_progress') throw closedResponseError(ctx, input.responseId, input.instrumentId);
    repo.deleteAnswer(ctx.db, input.responseId, def.id, item.id);
  } else {
    const stored = repo.upsertAnswerIfOpen(ctx.db, ctx.deviceId, { responseId: input.responseId, instrumentId: def.id, instrumentVersion: def.version, itemId: item.id, value, text }, now);
    if (!stored) throw closedResponseError(ctx, input.responseId, input.instrumentId);
  }
  return { responseId: input.responseId, itemId: item.id, savedAt: now };
}

export function completeResponse(ctx: ServiceContext, responseId: string): ResponseRecord {
  return ctx.db.transaction(() => {
    const response = requireResponse(ctx, responseId);
    if (response.status === 'complete') throw alreadySubmitted();
    // Paper entry transcribes the form as it came back, complete or not; the grid warns instead.
    if (response.mode !== 'paper') refuseMissingRequired(ctx, response, repo.listAnswers(ctx.db, response.id), listRelationAnswers(ctx.db, response.id));
    const now = ctx.now();
    repo.markComplete(ctx.db, responseId, now);
    appendAudit(ctx.db, ctx.deviceId, { action: 'response.completed', entity: 'response', entityId: responseId }, now);
    return repo.getResponse(ctx.db, responseId)!;
  }).immediate();
}

/**
 * A questionnaire is submitted only when every shown required question is answered; a required
 * relation item only when it is answered about every partner organisation it asks about (all of
 * the network's current organisations but the respondent's own; trust and value only about those
 * they work with). A hidden question's stored answer stays in the database but neither counts nor
 * is asked for.
 */
export function refuseMissingRequired(
  ctx: ServiceContext,
  response: { waveId: string; organisationId: string | null },
  answers: readonly StoredAnswerOf[],
  relationAnswers: readonly RelationAnswerOf[],
  inCorrection = false,
): void {
  const wave = requireWave(ctx, response.waveId);
  const definitions = wave.instruments.map((ref) => loadInstrument(ctx, ref.instrumentId, ref.version));
  const partnerIds = partnersToAsk(
    listOrganisations(ctx.db, wave.networkId).filter((o) => !o.archived),
    response.organisationId,
  ).map((o) => o.id);
  const relationAnswered = (definition: InstrumentDefinition, item: RelationItem) => relationItemAnswered(definition, item, partnerIds, relationAnswers);
  const missing = missingRequiredQuestions(definitions, answers, relationAnswered).map((q) => q.number);
  if (missing.length === 0) return;
  const which = missing.length === 1 ? `Vraag ${missing[0]} is verplicht` : `De vragen ${numberList(missing, 'nl')} zijn verplicht`;
  const them = missing.length === 1 ? 'die vraag' : 'die vragen';
  const next = inCorrection ? `Beantwoord ${them} in de correctie; er is niets gewijzigd.` : `Beantwoord ${them} en lever dan opnieuw in; er is niets ingeleverd.`;
  throw new ApiError('VALIDATION', `${which} en nog niet beantwoord. ${next}`);
}
