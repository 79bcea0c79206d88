import type { z } from 'zod';

/** Turning zod issues into Dutch for people: the contract's field names in Dutch, no type jargon. */

const typeNames: Record<string, string> = {
  string: 'tekst',
  number: 'een getal',
  int: 'een geheel getal',
  boolean: 'ja of nee',
  object: 'een object',
  array: 'een lijst',
  null: 'leeg',
};

/** Dutch names for the contract's fields, so a message names what the person filled in. */
const fieldNames: Record<string, string> = {
  name: 'naam',
  description: 'beschrijving',
  networkId: 'netwerk',
  waveId: 'meting',
  responseId: 'vragenlijst',
  organisationId: 'organisatie',
  instrumentId: 'vragenlijst-id',
  itemId: 'vraag',
  respondentCode: 'respondentcode',
  sector: 'sector',
  sizeClass: 'omvang',
  label: 'naam van de meting',
  kind: 'soort meting',
  plannedDate: 'geplande datum',
  instruments: 'vragenlijsten',
  version: 'versie',
  value: 'antwoord',
  text: 'antwoordtekst',
  mode: 'afnamewijze',
  idleSeconds: 'wachttijd',
  minGroupSize: 'minimale groepsgrootte',
  consentNl: 'toestemmingstekst (Nederlands)',
  consentEn: 'toestemmingstekst (Engels)',
  codePolicy: 'soort respondentcode',
  count: 'aantal codes',
  pin: 'pincode',
  currentPin: 'huidige pincode',
  consent: 'toestemming',
  language: 'taal',
  definitionJson: 'bestand',
  // backups, study files, audit log, erasure
  researcherName: 'naam van de onderzoeker',
  backupKeep: 'aantal reservekopieën',
  backupName: 'reservekopie',
  confirm: 'bevestiging',
  networkIds: 'netwerken',
  content: 'bestand',
  decisions: 'keuzes',
  incomingResponseId: 'vragenlijst in het bestand',
  confirmErasures: 'bevestiging van de wissingen',
  choice: 'keuze',
  offset: 'beginpunt',
  limit: 'aantal regels',
  confirmCode: 'bevestiging van de code',
  // linking
  baselineResponseId: 'eerdere vragenlijst',
  followUpResponseId: 'latere vragenlijst',
  decision: 'besluit',
};

function fieldOf(path: readonly PropertyKey[]): string {
  const named = path.filter((p): p is string => typeof p === 'string').map((p) => fieldNames[p] ?? p);
  return named.length > 0 ? named.join(' → ') : 'de invoer';
}

export function describeIssue(issue: z.core.$ZodIssue, locate: (path: readonly PropertyKey[]) => string = fieldOf): string {
  const field = locate(issue.path);
  if (issue.code === 'invalid_type') {
    // zod reports a missing field as an invalid type whose received value is undefined.
    if (/undefined/.test(issue.message)) return `${field} ontbreekt`;
    return `${field} moet ${typeNames[issue.expected] ?? issue.expected} zijn`;
  }
  if (issue.code === 'unrecognized_keys') return `onbekend veld ${issue.keys.join(', ')}`;
  return `${field}: ${issue.message.replace(/^Ongeldige invoer: /, '')}`;
}

/** One Dutch sentence naming the first problems in the input and what to do. */
export function describeValidationError(error: z.ZodError): string {
  const problems = error.issues.slice(0, 3).map((issue) => describeIssue(issue));
  return `Ongeldige invoer (${problems.join('; ')}). Controleer de gegevens en probeer het opnieuw; er is niets opgeslagen.`;
}

