import { ApiError } from '../../../shared/errors';

/**
 * The sentence to show for a failed call. ApiError messages are written for people (Dutch);
 * anything else is a bug or a broken bridge, so the person gets the generic text from i18n.
 */
export function messageOf(err: unknown, fallback: string): string {
  return err instanceof ApiError ? err.message : fallback;
}
