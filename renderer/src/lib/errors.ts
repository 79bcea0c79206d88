import { ApiError } from '../../../shared/errors';

/**
 * The sentence to show for a failed call. ApiError messages are written for people (Dutch);
 * anything else is a bug or a broken bridge, so the person gets the generic text from i18n.
 */
export function messageOf(err: unknown, fallback: string): string {
  return err instanceof ApiError ? err.message : fallback;
}

/**
 * True when the main process asks for the birth month: another person already uses the same
 * self-made code (SELF_CODE_TAKEN). Not a mistake; the caller asks the month and calls again.
 */
export function isSelfCodeTaken(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'SELF_CODE_TAKEN';
}
