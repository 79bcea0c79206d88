import { z } from 'zod';
import { contract, type Handlers, type MethodName } from '../../shared/contract';
import { ApiError, type Envelope } from '../../shared/errors';

z.config(z.locales.nl());

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

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
};

function fieldOf(path: readonly PropertyKey[]): string {
  const named = path.filter((p): p is string => typeof p === 'string').map((p) => fieldNames[p] ?? p);
  return named.length > 0 ? named.join(' → ') : 'de invoer';
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = fieldOf(issue.path);
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
  const problems = error.issues.slice(0, 3).map(describeIssue);
  return `Ongeldige invoer (${problems.join('; ')}). Controleer de gegevens en probeer het opnieuw; er is niets opgeslagen.`;
}

export type Logger = (message: string, err: unknown) => void;

/**
 * Validates the raw input of a call against the contract, runs the handler and wraps the
 * outcome in an envelope. Unknown failures become a Dutch INTERNAL message; the stack goes to
 * the log, never to the screen.
 */
export function createDispatcher(handlers: Handlers, log: Logger = (m, e) => console.error(m, e)) {
  return async function dispatch(name: unknown, rawInput: unknown): Promise<Envelope<unknown>> {
    if (!isMethodName(name)) {
      return { ok: false, error: { code: 'VALIDATION', message: 'Onbekende opdracht. Werk de app bij of start haar opnieuw.' } };
    }
    const parsed = contract[name].input.safeParse(rawInput === undefined ? {} : rawInput);
    if (!parsed.success) return { ok: false, error: { code: 'VALIDATION', message: describeValidationError(parsed.error) } };
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (err) {
      if (err instanceof ApiError) return { ok: false, error: { code: err.code, message: err.message } };
      log(`API-fout in ${name}`, err);
      return {
        ok: false,
        error: { code: 'INTERNAL', message: 'Er ging iets onverwachts mis; er is niets half opgeslagen. Probeer het opnieuw of start de app opnieuw.' },
      };
    }
  };
}
