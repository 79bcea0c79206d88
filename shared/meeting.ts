import { CODE_ALPHABET } from './codes';
import type { KioskSession } from './domain';
import type { InstrumentDefinition } from './instruments/schema';

/**
 * Meeting mode (*bijeenkomstmodus*): the laptop serves the respondent flow to phones on its own
 * local network. These are the shapes the researcher's screen and the phone page speak; the
 * design and the threat model are in docs/decisions/2026-12-01-meeting-mode.md.
 */

/** One of the laptop's network connections a meeting can listen on (IPv4, private, not loopback in the app). */
export interface MeetingInterface {
  /** The operating system's name for it: `Wi-Fi`, `en0`, `wlan0`, `Local Area Connection* 10`. */
  name: string;
  address: string;
  /** The local subnet in CIDR form, e.g. `192.168.137.0/24`: connections from elsewhere are refused. */
  subnet: string;
  /** The addresses Windows, macOS and Linux give their own hotspot; the screen suggests it first. */
  likelyHotspot: boolean;
}

/** Started and submitted questionnaires of a meeting for one organisation (null: none chosen yet). Counts only, never answers. */
export interface MeetingCount {
  organisationId: string | null;
  organisationName: string | null;
  started: number;
  submitted: number;
}

export interface RunningMeeting {
  networkId: string;
  networkName: string;
  waveId: string;
  waveLabel: string;
  startedAt: string;
  /** The address in the QR code: `http://192.168.137.1:41234/ACDE-FGHJ-KMNP`. */
  url: string;
  /** The same without `http://`, to type by hand. */
  shortAddress: string;
  interfaceName: string;
  address: string;
  port: number;
  /** False when the server could not listen again after a restart (connection gone, port taken); `problem` says why. */
  listening: boolean;
  problem: string | null;
  /** How often a phone opened the page since the laptop started listening: the check on one's own phone shows here first. */
  pagesServed: number;
  counts: MeetingCount[];
  started: number;
  submitted: number;
}

export interface MeetingState {
  meeting: RunningMeeting | null;
  /** The connections a new meeting can listen on, hotspot-like ones first. */
  interfaces: MeetingInterface[];
}

/** What a phone gets once its meeting token is accepted: the respondent flow's session and the instruments. */
export interface PhoneMeeting {
  session: KioskSession;
  definitions: InstrumentDefinition[];
}

/**
 * The meeting token: 12 characters from the code alphabet (no look-alikes), in three groups. It is
 * in the QR code and the short address, and it expires when the meeting ends.
 */
const TOKEN_GROUP = `[${CODE_ALPHABET}]{4}`;
export const MEETING_TOKEN_PATTERN = new RegExp(`^${TOKEN_GROUP}-${TOKEN_GROUP}-${TOKEN_GROUP}$`);

/** A phone's session token: 32 random bytes the phone makes itself, base64url (43 characters). The laptop keeps only its SHA-256. */
export const PHONE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The only calls a phone can make; everything else on the meeting server is a 404. */
export const PHONE_CALLS = ['meeting', 'begin', 'getResponse', 'saveAnswer', 'saveRelationAnswer', 'setResponseOrganisation', 'completeResponse', 'stop'] as const;
export type PhoneCall = (typeof PHONE_CALLS)[number];

/** Request headers that carry the two tokens. */
export const MEETING_HEADER = 'x-meeting-token';
export const PHONE_HEADER = 'x-phone-token';
