import { randomInt, randomUUID } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import type { ParsedInput } from '../../../shared/contract';
import { CODE_ALPHABET } from '../../../shared/codes';
import { ApiError } from '../../../shared/errors';
import type { MeetingInterface, MeetingState, RunningMeeting } from '../../../shared/meeting';
import { appendAudit } from '../../db/repositories/audit';
import { forgetPhones, meetingCounts } from '../../db/repositories/meeting';
import { getNetwork, getWave } from '../../db/repositories/networks';
import type { ServiceContext } from '../context';
import { requireNetwork, requireWave } from '../administration/networks';
import { meetingInterfaces } from './interfaces';
import { handlePhoneCall } from './phone-calls';
import { isMeetingToken, readMeeting, writeMeeting, type StoredMeeting } from './meeting-store';
import { listenForPhones, type PhoneServer } from './server';

/**
 * Meeting mode (*bijeenkomstmodus*): while it is on, the laptop serves the respondent flow to
 * phones on one of its own network connections. The meeting (wave, token, address, port) lives in
 * the database like the kiosk session, so a restarted app listens again on the same address and
 * the phones carry on; the server itself lives here, one per service context. Ending the mode
 * closes the server and forgets every phone session: the token in the QR code means nothing after.
 */

interface Running {
  server: PhoneServer | null;
  problem: string | null;
  /** How often a phone was given the page since the server started listening. */
  pagesServed: number;
}

const running = new WeakMap<ServiceContext, Running>();
/** A start under way, so two clicks on *Starten* start one meeting. */
const starting = new WeakSet<ServiceContext>();

/** 12 characters from the code alphabet (24 letters and digits without look-alikes): about 55 bits, never typed wrong for another. */
function newMeetingToken(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]!);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((group) => group.join('')).join('-');
}

export function listMeetingInterfaces(ctx: ServiceContext): MeetingInterface[] {
  return ctx.meetingInterfaces ? ctx.meetingInterfaces() : meetingInterfaces(networkInterfaces());
}

function describeMeeting(ctx: ServiceContext, stored: StoredMeeting): RunningMeeting | null {
  const wave = getWave(ctx.db, stored.waveId);
  const network = wave && getNetwork(ctx.db, wave.networkId);
  if (!wave || !network) return null;
  const state = running.get(ctx);
  const counts = meetingCounts(ctx.db, stored.meetingId);
  const shortAddress = `${stored.address}:${stored.port}/${stored.token}`;
  return {
    networkId: network.id,
    networkName: network.name,
    waveId: wave.id,
    waveLabel: wave.label,
    startedAt: stored.startedAt,
    url: `http://${shortAddress}`,
    shortAddress,
    interfaceName: stored.interfaceName,
    address: stored.address,
    port: stored.port,
    listening: !!state?.server,
    pagesServed: state?.pagesServed ?? 0,
    problem: state?.server ? null : (state?.problem ?? 'Netwerkspiegel luistert nog niet naar telefoons. Beëindig de bijeenkomst en start haar opnieuw.'),
    counts,
    started: counts.reduce((sum, c) => sum + c.started, 0),
    submitted: counts.reduce((sum, c) => sum + c.submitted, 0),
  };
}

export function getMeetingState(ctx: ServiceContext): MeetingState {
  const stored = readMeeting(ctx.db);
  return { meeting: stored && describeMeeting(ctx, stored), interfaces: listMeetingInterfaces(ctx) };
}

function listen(ctx: ServiceContext, stored: StoredMeeting, state: Running): Promise<PhoneServer> {
  return listenForPhones({
    address: stored.address,
    port: stored.port,
    subnet: stored.subnet,
    phonePageDir: ctx.phonePageDir,
    limits: ctx.meetingLimits,
    // Read from the database on every request: once the meeting ends (or a backup without it is restored), the token is dead.
    isMeetingToken: (token) => isMeetingToken(readMeeting(ctx.db), token),
    onPageServed: () => state.pagesServed++,
    handlePhoneCall: (request) => handlePhoneCall(ctx, request),
  });
}

const cannotListen = (address: string, err: unknown) =>
  new ApiError(
    'CONFLICT',
    `Netwerkspiegel kan niet luisteren op ${address}${(err as NodeJS.ErrnoException)?.code === 'EADDRINUSE' ? ': de poort is bezet' : ''}. Kies een andere verbinding, of zet de hotspot uit en weer aan en probeer het opnieuw.`,
  );

export async function startMeeting(ctx: ServiceContext, input: ParsedInput<'startMeeting'>): Promise<MeetingState> {
  if (readMeeting(ctx.db) || starting.has(ctx)) throw new ApiError('CONFLICT', 'Er loopt al een bijeenkomst. Beëindig die eerst.');
  const wave = requireWave(ctx, input.waveId);
  if (wave.status !== 'open') throw new ApiError('CONFLICT', `Meting ${wave.label} is gesloten. Open de meting opnieuw of kies een andere.`);
  requireNetwork(ctx, wave.networkId);
  const choice = listMeetingInterfaces(ctx).find((i) => i.address === input.address);
  if (!choice) {
    throw new ApiError('VALIDATION', 'Deze netwerkverbinding is er niet (meer) op deze laptop. Zet eerst de hotspot aan, of kies een verbinding uit de lijst.');
  }
  starting.add(ctx);
  try {
    const stored: StoredMeeting = {
      meetingId: randomUUID(),
      waveId: wave.id,
      token: newMeetingToken(),
      interfaceName: choice.name,
      address: choice.address,
      subnet: choice.subnet,
      port: 0,
      startedAt: ctx.now(),
    };
    const state: Running = { server: null, problem: null, pagesServed: 0 };
    try {
      state.server = await listen(ctx, stored, state);
    } catch (err) {
      throw cannotListen(choice.address, err);
    }
    stored.port = state.server.port;
    ctx.db.transaction(() => {
      writeMeeting(ctx.db, stored);
      appendAudit(ctx.db, ctx.deviceId, { action: 'meeting.started', entity: 'wave', entityId: wave.id }, stored.startedAt);
    }).immediate();
    running.set(ctx, state);
  } finally {
    starting.delete(ctx);
  }
  return getMeetingState(ctx);
}

/** Stops listening without ending the mode: what quitting the app (or a crash) does. The next start listens again. */
export async function closeMeetingServer(ctx: ServiceContext): Promise<void> {
  const state = running.get(ctx);
  running.delete(ctx);
  await state?.server?.close();
}

/**
 * Ends meeting mode: nothing listens any more, every phone session and the meeting token are
 * forgotten, and unfinished questionnaires stay as they are (incomplete, as after the kiosk's idle
 * time-out; the researcher resumes them in *Ingevulde vragenlijsten*).
 */
export async function endMeeting(ctx: ServiceContext): Promise<MeetingState> {
  await closeMeetingServer(ctx);
  const stored = readMeeting(ctx.db);
  if (stored) {
    const counts = meetingCounts(ctx.db, stored.meetingId);
    const started = counts.reduce((sum, c) => sum + c.started, 0);
    const submitted = counts.reduce((sum, c) => sum + c.submitted, 0);
    ctx.db.transaction(() => {
      forgetPhones(ctx.db);
      writeMeeting(ctx.db, null);
      appendAudit(ctx.db, ctx.deviceId, { action: 'meeting.ended', entity: 'wave', entityId: stored.waveId, details: { started, submitted } }, ctx.now());
    }).immediate();
  }
  return getMeetingState(ctx);
}

/**
 * At start-up: a meeting that was on when the app stopped listens again on the same address and
 * port, so the phones' pages reconnect by themselves. When that connection is gone or the port is
 * taken, the meeting stays on with the reason, for the researcher to end it. Never throws.
 */
export async function resumeMeeting(ctx: ServiceContext): Promise<void> {
  const stored = readMeeting(ctx.db);
  if (!stored || running.get(ctx)?.server) return;
  const present = listMeetingInterfaces(ctx).some((i) => i.address === stored.address);
  if (!present) {
    running.set(ctx, {
      server: null,
      pagesServed: 0,
      problem: `De netwerkverbinding van deze bijeenkomst (${stored.interfaceName}, ${stored.address}) is er niet meer. Zet de hotspot weer aan en start Netwerkspiegel opnieuw, of beëindig de bijeenkomst en start een nieuwe.`,
    });
    return;
  }
  const state: Running = { server: null, problem: null, pagesServed: 0 };
  try {
    state.server = await listen(ctx, stored, state);
  } catch (err) {
    state.problem = cannotListen(stored.address, err).message;
  }
  running.set(ctx, state);
}
