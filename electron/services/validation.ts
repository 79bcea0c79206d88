import { z } from 'zod';
import { controlCharacterFinding, controlCharacterMessage, isControlCharacterIssue } from '../../shared/text-rules';

/**
 * Turning zod issues into Dutch for people: the contract's field names in Dutch, no type jargon.
 * Schemas with their own message keep it; every other issue gets one of the sentences below
 * (`dutchIssueMessage`, installed as zod's error map), with zod's Dutch locale behind it for
 * anything new. zod's own Dutch still speaks of "string", "array", "key" and "<=64"; ours does not.
 */

/** What a value should have been, for "naam moet tekst zijn". */
const typeNames: Record<string, string> = {
  string: 'tekst',
  number: 'een getal',
  int: 'een geheel getal',
  boolean: 'ja of nee',
  object: 'een groep velden ({ … })',
  record: 'een groep velden ({ … })',
  array: 'een lijst',
  null: 'leeg',
};

/** Messages for a value of the wrong kind; `describeIssue` puts the field name in front of them. */
export const MISSING = 'ontbreekt';
const wrongKind = (expected: string) => `moet ${typeNames[expected] ?? 'een andere soort waarde'} zijn`;
const WRONG_KIND = new Set([MISSING, ...Object.keys(typeNames).map(wrongKind), wrongKind('')]);

const limit = (n: number | bigint, inclusive: boolean | undefined, step: 1 | -1) => Number(n) + (inclusive === false ? step : 0);

/**
 * zod's error map for issues whose schema names no message of its own: plain Dutch sentences
 * without type names or comparison signs. Returns undefined for what it does not know, so zod's
 * Dutch locale answers.
 */
export const dutchIssueMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? MISSING : wrongKind(issue.expected);
    case 'too_big': {
      const max = limit(issue.maximum, issue.inclusive, -1);
      if (issue.origin === 'string') return `Gebruik hoogstens ${max} tekens`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Te veel: hoogstens ${max}`;
      return `Kies een getal van hoogstens ${max}`;
    }
    case 'too_small': {
      const min = limit(issue.minimum, issue.inclusive, 1);
      if (issue.origin === 'string') return min <= 1 ? 'Vul dit in' : `Gebruik ten minste ${min} tekens`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Te weinig: ten minste ${min}`;
      return `Kies een getal van ten minste ${min}`;
    }
    case 'invalid_value':
      return 'Kies een van de mogelijkheden uit de lijst';
    case 'invalid_format':
      if (issue.format === 'uuid' || issue.format === 'guid') return 'Dit is geen geldige id';
      if (issue.format === 'date') return 'Gebruik een datum als 2026-03-31';
      return 'Dit heeft niet de juiste vorm';
    case 'not_multiple_of':
      return `Kies een veelvoud van ${issue.divisor}`;
    case 'invalid_key':
      return 'Een sleutel heeft niet de juiste vorm';
    case 'invalid_union':
    case 'invalid_element':
      return 'Deze waarde is niet toegestaan';
    default:
      return undefined;
  }
};

z.config({ ...z.locales.nl(), customError: dutchIssueMessage });

/** Dutch names for the contract's fields, so a message names what the person filled in. */
export const fieldNames: Record<string, string> = {
  name: 'naam',
  description: 'beschrijving',
  networkId: 'netwerk',
  waveId: 'meting',
  responseId: 'vragenlijst',
  organisationId: 'organisatie',
  instrumentId: 'vragenlijst-id',
  itemId: 'vraag',
  respondentCode: 'respondentcode',
  birthMonth: 'geboortemaand',
  sector: 'sector',
  sizeClass: 'omvang',
  label: 'naam van de meting',
  kind: 'soort',
  plannedDate: 'geplande datum',
  heldOn: 'datum van het MDO',
  occasionId: 'MDO',
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
  kioskStop: 'wat Stoppen in de afnamemodus doet',
  count: 'aantal codes',
  pin: 'pincode',
  currentPin: 'huidige pincode',
  consent: 'toestemming',
  language: 'taal',
  definitionJson: 'bestand',
  replaceExisting: 'of de bestaande versie vervangen wordt',
  previewId: 'het gelezen bestand',
  // results and exports
  waveIds: 'metingen',
  breakdown: 'uitsplitsing',
  instrumentIds: 'vragenlijsten',
  format: 'bestandsvorm',
  values: 'antwoorden als codes of labels',
  includeOpenAnswers: 'open antwoorden meenemen',
  separator: 'scheidingsteken',
  data: 'afbeelding',
  // reports (Word, PowerPoint)
  suggestedName: 'naam van het rapport',
  target: 'bestand of map',
  withOpenAnswers: 'open antwoorden meenemen',
  reportId: 'rapport',
  images: 'afbeeldingen',
  imageId: 'naam van de afbeelding',
  png: 'PNG-afbeelding',
  fileName: 'bestandsnaam',
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
  from: 'begindatum',
  to: 'einddatum',
  confirmCode: 'bevestiging van de code',
  // linking
  baselineResponseId: 'eerdere vragenlijst',
  followUpResponseId: 'latere vragenlijst',
  decision: 'besluit',
  // open answers
  withCodes: 'respondentcodes tonen',
  // meeting mode
  address: 'netwerkverbinding',
  // corrections of networks' records and of submitted questionnaires
  joinedOn: 'datum van toetreden',
  leftOn: 'datum van uittreden',
  expectedParticipants: 'beoogd aantal deelnemers',
  archived: 'gearchiveerd',
  status: 'open of gesloten',
  reason: 'reden van de correctie',
  answers: 'gecorrigeerde antwoorden',
  relationAnswers: 'gecorrigeerde antwoorden over partnerorganisaties',
};

/** "metingen → nr. 3": the field in Dutch, list entries by their number counted from 1. */
function fieldOf(path: readonly PropertyKey[]): string {
  const named = path.map((p) => (typeof p === 'number' ? `nr. ${p + 1}` : (fieldNames[String(p)] ?? String(p))));
  return named.length > 0 ? named.join(' → ') : 'de invoer';
}

export function describeIssue(issue: z.core.$ZodIssue, locate: (path: readonly PropertyKey[]) => string = fieldOf): string {
  const field = locate(issue.path);
  if (isControlCharacterIssue(issue)) return controlCharacterFinding(field);
  if (issue.code === 'invalid_type' && WRONG_KIND.has(issue.message)) return `${field} ${issue.message}`;
  if (issue.code === 'unrecognized_keys') return `onbekend veld ${issue.keys.join(', ')}`;
  return `${field}: ${issue.message.replace(/^Ongeldige invoer: /, '')}`;
}

/**
 * One Dutch sentence naming the first problems in the input and what to do. A control character
 * gets a sentence of its own, since the person cannot see it and needs to be told how to remove it.
 */
export function describeValidationError(error: z.ZodError): string {
  const invisible = error.issues.find(isControlCharacterIssue);
  if (invisible) return controlCharacterMessage(fieldOf(invisible.path));
  const problems = error.issues.slice(0, 3).map((issue) => describeIssue(issue));
  return `Ongeldige invoer (${problems.join('; ')}). Controleer de gegevens en probeer het opnieuw; er is niets opgeslagen.`;
}
