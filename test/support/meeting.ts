import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import type { Envelope } from '../../shared/errors';
import { MEETING_HEADER, PHONE_HEADER, type MeetingInterface, type PhoneCall } from '../../shared/meeting';

/** Meeting mode in tests: loopback as the one connection, and a phone that speaks to the meeting server over real HTTP. */

/** Loopback as the laptop's only connection, with a subnet of exactly 127.0.0.1: a connection from 127.0.0.2 is "outside". */
export const LOOPBACK: MeetingInterface = { name: 'lo', address: '127.0.0.1', subnet: '127.0.0.1/32', likelyHotspot: false };

/** A phone's own session token, as the phone page makes it: 32 random bytes, base64url. */
export const newPhoneToken = () => randomBytes(32).toString('base64url');

export interface PhoneReply {
  status: number;
  envelope: Envelope<unknown>;
}

/** One phone: the meeting's token from the QR code and its own session token. */
export function phoneAt(url: string, meetingToken: string, phoneToken: string | null = newPhoneToken()) {
  const origin = new URL(url).origin;
  const call = async (name: PhoneCall | string, input: unknown = {}): Promise<PhoneReply> => {
    const headers: Record<string, string> = { 'content-type': 'application/json', [MEETING_HEADER]: meetingToken };
    if (phoneToken !== null) headers[PHONE_HEADER] = phoneToken;
    const res = await fetch(`${origin}/api/${name}`, { method: 'POST', headers, body: JSON.stringify(input) });
    return { status: res.status, envelope: (await res.json()) as Envelope<unknown> };
  };
  /** The value of a call that must succeed. */
  const ok = async <T>(name: PhoneCall, input: unknown = {}): Promise<T> => {
    const reply = await call(name, input);
    if (!reply.envelope.ok) throw new Error(`${name}: ${reply.status} ${JSON.stringify(reply.envelope.error)}`);
    return reply.envelope.value as T;
  };
  return { call, ok, phoneToken, origin };
}

/** A raw TCP connection to the meeting server, for what a browser would never send. Resolves once connected. */
export function rawSocket(port: number, localAddress?: string): Promise<Socket> {
  return new Promise((ok, fail) => {
    const socket = connect({ host: '127.0.0.1', port, localAddress }, () => ok(socket));
    socket.on('error', fail);
  });
}

/** Resolves with what the server sent before it closed the connection. */
export function closed(socket: Socket): Promise<string> {
  return new Promise((ok) => {
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
    socket.on('error', () => undefined);
    socket.on('close', () => ok(received));
  });
}

/** Whether anything accepts a TCP connection on 127.0.0.1:port. */
export function listening(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.on('connect', () => {
      socket.destroy();
      ok(true);
    });
    socket.on('error', () => ok(false));
  });
}
