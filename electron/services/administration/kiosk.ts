import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { ParsedInput } from '../../../shared/contract';
import type { KioskSession, KioskState, ResponseRecord } from '../../../shared/domain';
import { ApiError } from '../../../shared/errors';
import { appendAudit } from '../../db/repositories/audit';
import { getNetwork, getWave, listOrganisations } from '../../db/repositories/networks';
import { findResponseRow } from '../../db/repositories/responses';
import { deleteSetting, getJsonSetting, getSetting, setSetting } from '../../db/repositories/settings';
import type { Db } from '../../db/open';
import type { ServiceContext } from '../context';
import { loadInstrument } from './instruments';
import { requireNetwork, requireWave } from './networks';
import { beginResponse, discardResponse } from './responses';

/**
 * Kiosk mode (afnamemodus): one laptop handed from respondent to respondent. The session lives in
 * the database, not in the window, so a reload or a crash of the app comes back locked, and only
 * the researcher's PIN ends it.
 */

const KIOSK_KEY = 'kiosk_session';
const PIN_KEY = 'researcher_pin';
const PIN_FAILURES_KEY = 'researcher_pin_failures';

export interface StoredSession {
  waveId: string;
  startedAt: string;
  currentResponseId: string | null;
}

// scrypt with a random salt per PIN: slow enough that the stored hash cannot be brute-forced
// cheaply, fast enough (~50 ms) for a person typing a PIN.
const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 32 };

export function hashPin(pin: string, salt = randomBytes(16)): string {
  const hash = scryptSync(pin, salt, SCRYPT.keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('hex'), hash.toString('hex')].join('$');
}

export function pinMatches(pin: string, stored: string): boolean {
  const [kind, n, r, p, saltHex, hashHex] = stored.split('$');
  if (kind !== 'scrypt' || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = scryptSync(pin, Buffer.from(saltHex, 'hex'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected);
}

/** After this many wrong PINs in a row, further tries are refused for a while. */
export const MAX_PIN_FAILURES = 5;
export const PIN_LOCK_MS = 60_000;

/**
 * Wrong PINs in a row and the end of a lock, kept in the database beside the kiosk session: a
 * restart of the app (or pulling the plug) must not give five fresh tries.
 */
interface PinFailures {
  count: number;
  lockedUntil: number;
}

function readPinFailures(db: Db): PinFailures {
  const raw = getSetting(db, PIN_FAILURES_KEY);
  if (!raw) return { count: 0, lockedUntil: 0 };
  try {
    const { count, lockedUntil } = JSON.parse(raw) as Partial<PinFailures>;
    return { count: Number.isInteger(count) ? count! : 0, lockedUntil: Number.isFinite(lockedUntil) ? lockedUntil! : 0 };
  } catch {
    return { count: 0, lockedUntil: 0 };
  }
}

function checkPin(ctx: ServiceContext, pin: string | null): void {
  const stored = getSetting(ctx.db, PIN_KEY);
  if (!stored) throw new ApiError('CONFLICT', 'Er is nog geen pincode ingesteld. Stel eerst een pincode in.');
  const state = readPinFailures(ctx.db);
  const nowMs = Date.parse(ctx.now());
  // A lock ending further ahead than a lock lasts comes from a clock that was set back: it has ended.
  if (state.lockedUntil > nowMs && state.lockedUntil - nowMs <= PIN_LOCK_MS) {
    throw new ApiError('FORBIDDEN', 'Te vaak een onjuiste pincode. Wacht een minuut en probeer het dan opnieuw.');
  }
  if (pin !== null && pinMatches(pin, stored)) {
    deleteSetting(ctx.db, PIN_FAILURES_KEY);
    return;
  }
  const count = state.count + 1;
  const next = count >= MAX_PIN_FAILURES ? { count: 0, lockedUntil: nowMs + PIN_LOCK_MS } : { count, lockedUntil: state.lockedUntil };
  setSetting(ctx.db, PIN_FAILURES_KEY, JSON.stringify(next));
  throw new ApiError('FORBIDDEN', 'Deze pincode klopt niet. Probeer het opnieuw.');
}

function readSession(db: Db): StoredSession | null {
  return getJsonSetting<StoredSession>(db, KIOSK_KEY);
}

/** The wave the kiosk session runs on; null when kiosk mode is off. */
export function kioskWaveId(ctx: Pick<ServiceContext, 'db'>): string | null {
  return readSession(ctx.db)?.waveId ?? null;
}

/** True while kiosk mode is on. */
export function isKioskOn(ctx: Pick<ServiceContext, 'db'>): boolean {
  return readSession(ctx.db) !== null;
}

function writeSession(db: Db, session: StoredSession | null): void {
  if (session) setSetting(db, KIOSK_KEY, JSON.stringify(session));
  else deleteSetting(db, KIOSK_KEY);
}

/** The active kiosk session, with what the kiosk screens need; null when none is active. */
export function activeKiosk(ctx: ServiceContext): KioskSession | null {
  const stored = readSession(ctx.db);
  return stored && respondentSession(ctx, stored);
}

/**
 * What a respondent's screens need of a wave (its network's name, consent texts, code policy,
 * organisations, instruments): the kiosk's session, and in meeting mode what each phone gets.
 */
export function respondentSession(ctx: Pick<ServiceContext, 'db'>, stored: StoredSession): KioskSession | null {
  const wave = getWave(ctx.db, stored.waveId);
  const network = wave && getNetwork(ctx.db, wave.networkId);
  if (!wave || !network) return null;
  return {
    networkId: network.id,
    networkName: network.name,
    waveId: wave.id,
    waveLabel: wave.label,
    instruments: wave.instruments,
    organisations: listOrganisations(ctx.db, network.id).filter((o) => !o.archived).map((o) => ({ id: o.id, name: o.name })),
    codePolicy: network.codePolicy,
    consent: { nl: network.consentNl, en: network.consentEn },
    idleSeconds: network.idleSeconds,
    kioskStop: network.kioskStop,
    requiredQuestions: wave.instruments.some((ref) => loadInstrument(ctx, ref.instrumentId, ref.version).items.some((item) => item.required)),
    startedAt: stored.startedAt,
    currentResponseId: stored.currentResponseId,
  };
}

export function getKioskState(ctx: ServiceContext): KioskState {
  return { pinSet: getSetting(ctx.db, PIN_KEY) !== null, session: activeKiosk(ctx) };
}

export function setResearcherPin(ctx: ServiceContext, input: ParsedInput<'setResearcherPin'>): KioskState {
  if (getSetting(ctx.db, PIN_KEY) !== null) checkPin(ctx, input.currentPin);
  ctx.db.transaction(() => {
    setSetting(ctx.db, PIN_KEY, hashPin(input.pin));
    appendAudit(ctx.db, ctx.deviceId, { action: 'pin.set', entity: 'kiosk', entityId: null }, ctx.now());
  }).immediate();
  return getKioskState(ctx);
}

export function startKiosk(ctx: ServiceContext, input: ParsedInput<'startKiosk'>): KioskState {
  checkPin(ctx, input.pin);
  const wave = requireWave(ctx, input.waveId);
  if (wave.status !== 'open') throw new ApiError('CONFLICT', `Meting ${wave.label} is gesloten. Open de meting opnieuw of kies een andere.`);
  requireNetwork(ctx, wave.networkId);
  ctx.db.transaction(() => {
    const now = ctx.now();
    writeSession(ctx.db, { waveId: wave.id, startedAt: now, currentResponseId: null });
    appendAudit(ctx.db, ctx.deviceId, { action: 'kiosk.started', entity: 'wave', entityId: wave.id }, now);
  }).immediate();
  ctx.setKioskWindow?.(true);
  return getKioskState(ctx);
}

export function exitKiosk(ctx: ServiceContext, input: ParsedInput<'exitKiosk'>): KioskState {
  const stored = readSession(ctx.db);
  if (!stored) return getKioskState(ctx);
  checkPin(ctx, input.pin);
  ctx.db.transaction(() => {
    writeSession(ctx.db, null);
    appendAudit(ctx.db, ctx.deviceId, { action: 'kiosk.ended', entity: 'wave', entityId: stored.waveId }, ctx.now());
  }).immediate();
  ctx.setKioskWindow?.(false);
  return getKioskState(ctx);
}

function requireKiosk(ctx: ServiceContext): StoredSession {
  const stored = readSession(ctx.db);
  if (!stored) throw new ApiError('CONFLICT', 'De afnamemodus staat niet aan. Vraag de onderzoeker om die te starten.');
  return stored;
}

/**
 * A new respondent in kiosk mode: consent given, code entered. An unfinished response of the same
 * code is not reopened here (that would show one person's answers to whoever types the code);
 * the researcher resumes it outside kiosk mode.
 */
export function kioskBegin(ctx: ServiceContext, input: ParsedInput<'kioskBegin'>): ResponseRecord {
  const stored = requireKiosk(ctx);
  const now = ctx.now();
  const response = beginResponse(ctx, {
    waveId: stored.waveId,
    respondentCode: input.respondentCode,
    organisationId: null,
    mode: 'kiosk',
    language: input.language,
    consentAt: now,
    birthMonth: input.birthMonth,
  });
  writeSession(ctx.db, { ...stored, currentResponseId: response.id });
  return response;
}

/** Back to a blank welcome screen; what was saved stays, unfinished responses stay unfinished. */
export function kioskReset(ctx: ServiceContext): KioskState {
  const stored = requireKiosk(ctx);
  if (stored.currentResponseId) {
    const response = findResponseRow(ctx.db, stored.currentResponseId);
    ctx.db.transaction(() => {
      if (response?.status === 'in_progress') {
        appendAudit(ctx.db, ctx.deviceId, { action: 'response.left_unfinished', entity: 'response', entityId: response.id }, ctx.now());
      }
      writeSession(ctx.db, { ...stored, currentResponseId: null });
    }).immediate();
  }
  return getKioskState(ctx);
}

/**
 * The respondent on screen chose *Stoppen*: their unfinished response is kept, or thrown away
 * through the same path as a researcher's discard, as the network's setting says; either way the
 * session forgets it, so the next person starts on a blank welcome screen. Only the current
 * response of this kiosk session can be stopped (kioskRefusal refuses any other id first).
 */
export function stopKioskResponse(ctx: ServiceContext, input: ParsedInput<'stopKioskResponse'>): KioskState {
  const stored = requireKiosk(ctx);
  if (stored.currentResponseId !== input.responseId) throw notTheRespondentOnScreen();
  ctx.db.transaction(() => {
    stopUnfinishedResponse(ctx, stored.waveId, input.responseId);
    writeSession(ctx.db, { ...stored, currentResponseId: null });
  }).immediate();
  return getKioskState(ctx);
}

/**
 * A respondent's *Stoppen* (in the kiosk, or on a phone in meeting mode): an unfinished response is
 * kept or thrown away as the network's setting says (`kiosk_stop`), with its audit entry; a
 * response that is not unfinished is left alone. Call it inside the caller's transaction.
 */
export function stopUnfinishedResponse(ctx: ServiceContext, waveId: string, responseId: string): void {
  const response = findResponseRow(ctx.db, responseId);
  const wave = requireWave(ctx, waveId);
  const keep = requireNetwork(ctx, wave.networkId).kioskStop === 'keep';
  if (response?.status !== 'in_progress') return;
  if (!keep) discardResponse(ctx, response.id);
  appendAudit(ctx.db, ctx.deviceId, { action: 'response.stopped', entity: 'response', entityId: response.id, details: { kept: keep, waveId: wave.id } }, ctx.now());
}

const notTheRespondentOnScreen = () =>
  new ApiError('FORBIDDEN', 'Deze vragenlijst hoort niet bij de persoon die nu invult. Ga terug naar het welkomstscherm.');

/** Methods a kiosk respondent may call; response-scoped ones only for the response on screen. */
const KIOSK_OPEN = new Set(['getAppInfo', 'getKioskState', 'exitKiosk', 'kioskBegin', 'kioskReset', 'getInstrument']);
const KIOSK_RESPONSE_SCOPED = new Set(['saveAnswer', 'saveRelationAnswer', 'completeResponse', 'getResponse', 'setResponseOrganisation', 'stopKioskResponse']);
/**
 * Methods that show what other respondents wrote: refused in kiosk mode with a sentence of their
 * own, before the lists above are consulted, so adding one to KIOSK_OPEN by mistake opens nothing.
 */
const KIOSK_NEVER = new Map([
  ['listOpenAnswers', 'Open antwoorden van respondenten zijn niet te zien tijdens de afnamemodus. De onderzoeker kan ze bekijken na het verlaten van de afnamemodus met de pincode.'],
  ['correctResponse', 'Een ingeleverde vragenlijst corrigeren kan niet tijdens de afnamemodus. De onderzoeker kan corrigeren na het verlaten van de afnamemodus met de pincode.'],
  ['setWaveStatus', 'Een meting sluiten of heropenen kan niet tijdens de afnamemodus. Verlaat eerst de afnamemodus met de pincode.'],
]);

/**
 * While kiosk mode is on, everything a researcher does (other networks, exports, resuming, codes)
 * is refused, and a respondent can reach only their own response.
 */
export function kioskRefusal(ctx: ServiceContext, method: string, input: unknown): ApiError | null {
  const stored = readSession(ctx.db);
  if (!stored) return null;
  const never = KIOSK_NEVER.get(method);
  if (never) return new ApiError('FORBIDDEN', never);
  if (KIOSK_OPEN.has(method)) return null;
  if (KIOSK_RESPONSE_SCOPED.has(method)) {
    const responseId = (input as { responseId?: unknown }).responseId;
    if (stored.currentResponseId !== null && responseId === stored.currentResponseId) return null;
    return notTheRespondentOnScreen();
  }
  return new ApiError('FORBIDDEN', 'Dit kan niet tijdens de afnamemodus. De onderzoeker kan de afnamemodus verlaten met de pincode.');
}
