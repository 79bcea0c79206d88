import { createHash } from 'node:crypto';
import type { MethodName, ParsedInput } from '../../../shared/contract';
import type { Envelope } from '../../../shared/errors';
import { ApiError } from '../../../shared/errors';
import { PHONE_CALLS, PHONE_TOKEN_PATTERN, type PhoneCall, type PhoneMeeting } from '../../../shared/meeting';
import { bindPhone, phoneResponseId } from '../../db/repositories/meeting';
import type { ServiceContext } from '../context';
import { inEnvelope, parseInput } from '../dispatch';
import { respondentSession, stopUnfinishedResponse } from '../administration/kiosk';
import { loadInstrument } from '../administration/instruments';
import { saveRelationAnswer } from '../administration/relation-answers';
import { beginResponse, completeResponse, getResponse, saveAnswer, setResponseOrganisation } from '../administration/responses';
import { studyFileWriteInProgress } from '../data/study-file-jobs';
import { isMeetingToken, readMeeting, type StoredMeeting } from './meeting-store';
import type { PhoneAnswer, PhoneRequest } from './server';

/**
 * The calls a phone can make in meeting mode, and nothing else: the respondent flow of the kiosk
 * (consent and code, organisation, answers, answers about partner organisations, submit, *Stoppen*), each checked against the API's own
 * contract and run by the same service functions the app uses. Every call needs the meeting's
 * token; every call after the code also needs the phone's own token, and reaches only the one
 * response that token started. The researcher's methods are not reachable from here at all.
 */

/** The contract method whose input rules each phone call follows. */
const CONTRACT_OF: Record<PhoneCall, MethodName> = {
  meeting: 'getKioskState',
  begin: 'kioskBegin',
  getResponse: 'getResponse',
  saveAnswer: 'saveAnswer',
  saveRelationAnswer: 'saveRelationAnswer',
  setResponseOrganisation: 'setResponseOrganisation',
  completeResponse: 'completeResponse',
  stop: 'stopKioskResponse',
};

const MEETING_OVER = 'Deze bijeenkomst is afgelopen, of het adres klopt niet. Scan de QR-code opnieuw of vraag de onderzoeker.';
const NO_PHONE_SESSION = 'Deze telefoon hoort niet (meer) bij een vragenlijst van deze bijeenkomst. Begin opnieuw met uw code.';
const NOT_YOURS = 'Deze vragenlijst hoort niet bij deze telefoon. U kunt alleen uw eigen vragenlijst invullen.';
const BAD_PHONE_TOKEN = 'Deze pagina kan geen vragenlijst beginnen. Laad de pagina opnieuw.';

const refused = (code: 'FORBIDDEN' | 'NOT_FOUND' | 'VALIDATION', message: string, wrongToken: boolean): PhoneAnswer => ({
  envelope: { ok: false, error: { code, message } },
  wrongToken,
});

export const phoneTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

const isPhoneCall = (call: string): call is PhoneCall => (PHONE_CALLS as readonly string[]).includes(call);

function phoneMeeting(ctx: ServiceContext, stored: StoredMeeting): PhoneMeeting {
  const session = respondentSession(ctx, { waveId: stored.waveId, startedAt: stored.startedAt, currentResponseId: null });
  if (!session) throw new ApiError('NOT_FOUND', MEETING_OVER);
  return { session, definitions: session.instruments.map((ref) => loadInstrument(ctx, ref.instrumentId, ref.version)) };
}

/** Consent and code given: the phone's response begins, bound to its token. A retry with the same token gets the same response. */
function begin(ctx: ServiceContext, stored: StoredMeeting, tokenHash: string, input: ParsedInput<'kioskBegin'>) {
  return ctx.db
    .transaction(() => {
      const bound = phoneResponseId(ctx.db, stored.meetingId, tokenHash);
      if (bound) return getResponse(ctx, bound);
      const response = beginResponse(ctx, {
        waveId: stored.waveId,
        respondentCode: input.respondentCode,
        organisationId: null,
        mode: 'meeting',
        language: input.language,
        consentAt: ctx.now(),
        birthMonth: input.birthMonth,
      });
      bindPhone(ctx.db, stored.meetingId, tokenHash, response.id, ctx.now());
      return response;
    })
    .immediate();
}

/** *Stoppen* on the phone: the response is kept or thrown away as the network's setting says, as in the kiosk. */
function stop(ctx: ServiceContext, stored: StoredMeeting, responseId: string): { stopped: true } {
  ctx.db.transaction(() => stopUnfinishedResponse(ctx, stored.waveId, responseId)).immediate();
  return { stopped: true };
}

/** Runs one phone call. Never throws: every outcome is an envelope, and says whether a token was wrong. */
export async function handlePhoneCall(ctx: ServiceContext, request: PhoneRequest, log = (m: string, e: unknown) => console.error(m, e)): Promise<PhoneAnswer> {
  // A study-file import holds the write lock in its worker: wait for it, as the app's own calls do.
  const written = studyFileWriteInProgress(ctx);
  if (written) await written;
  const stored = readMeeting(ctx.db);
  if (!isMeetingToken(stored, request.meetingToken)) return refused('FORBIDDEN', MEETING_OVER, true);
  const meeting = stored!;
  if (!isPhoneCall(request.call)) return refused('NOT_FOUND', 'Deze opdracht bestaat niet op een bijeenkomst.', false);
  const parsed = parseInput(CONTRACT_OF[request.call], request.input);
  if (!parsed.ok) return { envelope: parsed.envelope, wrongToken: false };
  const phoneToken = request.phoneToken;
  if (phoneToken === null || !PHONE_TOKEN_PATTERN.test(phoneToken)) {
    if (request.call === 'meeting') return { envelope: await inEnvelope('meeting', () => phoneMeeting(ctx, meeting), log), wrongToken: false };
    return refused('FORBIDDEN', request.call === 'begin' ? BAD_PHONE_TOKEN : NO_PHONE_SESSION, request.call !== 'begin');
  }
  const tokenHash = phoneTokenHash(phoneToken);
  const run = (label: string, work: () => unknown): Promise<PhoneAnswer> => inEnvelope(label, work, log).then((envelope: Envelope<unknown>) => ({ envelope, wrongToken: false }));
  if (request.call === 'meeting') return run('meeting', () => phoneMeeting(ctx, meeting));
  if (request.call === 'begin') return run('begin', () => begin(ctx, meeting, tokenHash, parsed.input as ParsedInput<'kioskBegin'>));

  const responseId = phoneResponseId(ctx.db, meeting.meetingId, tokenHash);
  if (!responseId) return refused('FORBIDDEN', NO_PHONE_SESSION, true);
  const input = parsed.input as { responseId: string };
  if (input.responseId !== responseId) return refused('FORBIDDEN', NOT_YOURS, true);
  switch (request.call) {
    case 'getResponse':
      return run('getResponse', () => getResponse(ctx, responseId));
    case 'saveAnswer':
      return run('saveAnswer', () => saveAnswer(ctx, parsed.input as ParsedInput<'saveAnswer'>));
    case 'saveRelationAnswer':
      return run('saveRelationAnswer', () => saveRelationAnswer(ctx, parsed.input as ParsedInput<'saveRelationAnswer'>));
    case 'setResponseOrganisation':
      return run('setResponseOrganisation', () => setResponseOrganisation(ctx, parsed.input as ParsedInput<'setResponseOrganisation'>));
    case 'completeResponse':
      return run('completeResponse', () => completeResponse(ctx, responseId));
    case 'stop':
      return run('stop', () => stop(ctx, meeting, responseId));
  }
}
