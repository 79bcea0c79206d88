import type { BridgeApi } from '../../../../../shared/contract';
import type { ResponseRecord } from '../../../../../shared/domain';
import type { Envelope } from '../../../../../shared/errors';
import { MEETING_HEADER, PHONE_HEADER, type PhoneCall, type PhoneMeeting } from '../../../../../shared/meeting';

/**
 * The phone page's `window.api`: the few respondent methods the kiosk flow calls, each sent over
 * fetch to the meeting server on the laptop; every other method is refused here without asking.
 * When the laptop cannot be reached (its Wi-Fi dropped, the app restarted) a call waits and tries
 * again until it gets an answer, and the page shows *Verbinding weg* meanwhile: every call a phone
 * makes may be repeated safely (answers overwrite, a begin with the same token gets the same
 * response, a second submit is a "done").
 */

/** The meeting token from the address: `/ACDE-FGHJ-KMNP`. */
export const meetingToken = () => decodeURIComponent(window.location.pathname.slice(1)).toUpperCase();

// --- connection state, for *Verbinding weg* --------------------------------------------------

let offline = false;
const listeners = new Set<() => void>();

function setOffline(next: boolean): void {
  if (offline === next) return;
  offline = next;
  for (const listener of listeners) listener();
}

export const connection = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  isOffline: () => offline,
};

// --- this phone's session: its own token, bound to one response by the laptop ------------------

/** Kept for the tab only: a reload (or a phone that unloaded the tab) comes back to the same questionnaire. */
const SESSION_KEY = 'netwerkspiegel.meetingPhone';

interface PhoneSession {
  meetingToken: string;
  phoneToken: string;
  responseId: string;
}

export function storedSession(): PhoneSession | null {
  try {
    const session = JSON.parse(window.sessionStorage.getItem(SESSION_KEY) ?? 'null') as PhoneSession | null;
    return session?.meetingToken === meetingToken() ? session : null;
  } catch {
    return null;
  }
}

function storeSession(session: PhoneSession | null): void {
  try {
    if (session) window.sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
    else window.sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // Without storage a reload starts afresh; the questionnaire itself is unaffected.
  }
}

/** 32 random bytes, base64url: unguessable, and made before the first try so a repeated begin carries the same one. */
function newPhoneToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

let pendingToken: string | null = null;

/** The respondent is done (thanks, declined, stopped): this phone forgets its session; the next person starts afresh. */
export function forgetPhoneSession(): void {
  storeSession(null);
  pendingToken = null;
}

// --- the calls --------------------------------------------------------------------------------

const RETRY_MS = [500, 1000, 2000, 3000];
const wait = (ms: number) => new Promise((done) => window.setTimeout(done, ms));
const unreadable: Envelope<never> = { ok: false, error: { code: 'INTERNAL', message: 'De laptop gaf een onleesbaar antwoord. Laad de pagina opnieuw.' } };

/** One call to the laptop, repeated until it answers: network failures and a restarting server show *Verbinding weg*. */
export async function phoneCall<T>(call: PhoneCall, input: unknown, phoneToken: string | null = storedSession()?.phoneToken ?? null): Promise<Envelope<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', [MEETING_HEADER]: meetingToken() };
  if (phoneToken) headers[PHONE_HEADER] = phoneToken;
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(`/api/${call}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}), cache: 'no-store' });
    } catch {
      setOffline(true);
      await wait(RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]!);
      continue;
    }
    // The laptop was too busy to read the request in time (408), or too many at once (429): wait and
    // send it again, without alarming anyone.
    if (res.status === 408) {
      await wait(RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]!);
      continue;
    }
    if (res.status === 429) {
      await wait(Math.min(10, Number(res.headers.get('retry-after')) || 1) * 1000);
      continue;
    }
    if (res.status >= 500) {
      setOffline(true);
      await wait(RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]!);
      continue;
    }
    setOffline(false);
    try {
      return (await res.json()) as Envelope<T>;
    } catch {
      return unreadable;
    }
  }
}

const refused = async (): Promise<Envelope<never>> => ({ ok: false, error: { code: 'FORBIDDEN', message: 'Dit kan niet op een telefoon.' } });
const withPhone = (call: PhoneCall) => (input: unknown) => phoneCall(call, input);

const respondentCalls: Partial<Record<keyof BridgeApi, (input: never) => Promise<Envelope<unknown>>>> = {
  kioskBegin: async (input: unknown) => {
    pendingToken ??= newPhoneToken();
    const token = pendingToken;
    const envelope = await phoneCall<ResponseRecord>('begin', input, token);
    if (envelope.ok) {
      storeSession({ meetingToken: meetingToken(), phoneToken: token, responseId: envelope.value.id });
      pendingToken = null;
    }
    return envelope;
  },
  getResponse: withPhone('getResponse'),
  saveAnswer: withPhone('saveAnswer'),
  saveRelationAnswer: withPhone('saveRelationAnswer'),
  setResponseOrganisation: withPhone('setResponseOrganisation'),
  completeResponse: withPhone('completeResponse'),
  stopKioskResponse: withPhone('stop'),
};

/** Installs the bridge as `window.api` (what renderer/src/api.ts reads), before anything renders. */
export function installPhoneBridge(): void {
  const bridge = new Proxy({} as BridgeApi, {
    get: (_target, name) => (typeof name === 'string' && respondentCalls[name as keyof BridgeApi]) || refused,
  });
  Object.defineProperty(window, 'api', { value: bridge, configurable: false, writable: false });
}

/** The meeting as the phone needs it: consent texts, code policy, organisations and the instruments. */
export const loadMeeting = () => phoneCall<PhoneMeeting>('meeting', {}, null);
