import type { ChangeEvent } from 'react';
import { ApiError } from '../../../shared/errors';

/**
 * The file a person picked in an `<input type="file">`, or null. The control is cleared, so picking
 * the same file again (after fixing it) is a new choice.
 */
export function takePickedFile(event: ChangeEvent<HTMLInputElement>): File | null {
  const input = event.currentTarget;
  const file = input.files?.[0] ?? null;
  input.value = '';
  return file;
}

/** A picked file's text; too large or unreadable: a refusal with the screen's own Dutch sentence. */
export async function readPickedText(file: File, maxBytes: number, messages: { tooLarge: string; readFailed: string }): Promise<string> {
  if (file.size > maxBytes) throw new ApiError('VALIDATION', messages.tooLarge);
  try {
    return await file.text();
  } catch {
    throw new ApiError('VALIDATION', messages.readFailed);
  }
}
