import { contract, type Handlers, type MethodName } from '../../shared/contract';
import { ApiError, errorShape, type Envelope } from '../../shared/errors';
import { describeValidationError } from './validation';

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export type Logger = (message: string, err: unknown) => void;

/** A method's raw input checked against the contract: the parsed input, or a VALIDATION envelope with the Dutch reasons. */
export function parseInput(name: MethodName, rawInput: unknown): { ok: true; input: unknown } | { ok: false; envelope: Envelope<never> } {
  const parsed = contract[name].input.safeParse(rawInput === undefined ? {} : rawInput);
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, envelope: { ok: false, error: { code: 'VALIDATION', message: describeValidationError(parsed.error) } } };
}

/**
 * Runs a call and wraps its outcome in an envelope. Unknown failures become a Dutch INTERNAL
 * message; the stack goes to the log, never to the screen.
 */
export async function inEnvelope(label: string, run: () => unknown, log: Logger): Promise<Envelope<unknown>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, error: errorShape(err) };
    log(`API-fout in ${label}`, err);
    return {
      ok: false,
      error: { code: 'INTERNAL', message: 'Er ging iets onverwachts mis; er is niets half opgeslagen. Probeer het opnieuw of start de app opnieuw.' },
    };
  }
}

/** Validates the raw input of a call against the contract, runs the handler and wraps the outcome in an envelope. */
export function createDispatcher(handlers: Handlers, log: Logger = (m, e) => console.error(m, e)) {
  return async function dispatch(name: unknown, rawInput: unknown): Promise<Envelope<unknown>> {
    if (!isMethodName(name)) {
      return { ok: false, error: { code: 'VALIDATION', message: 'Onbekende opdracht. Werk de app bij of start haar opnieuw.' } };
    }
    const parsed = parseInput(name, rawInput);
    if (!parsed.ok) return parsed.envelope;
    const handler = handlers[name] as (input: unknown) => unknown;
    return inEnvelope(name, () => handler(parsed.input), log);
  };
}
