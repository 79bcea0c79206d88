/** Stable codes for errors that cross the IPC boundary; the message is a Dutch sentence for people. */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  /** A self-made code another person already uses: ask the birth month and call again with it. */
  'SELF_CODE_TAKEN',
  'FORBIDDEN',
  'DB_NEWER_VERSION',
  'DB_DAMAGED',
  'DB_OPEN_FAILED',
  'EXPORT_FAILED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Which answer `saveAnswer` refused and why, besides the Dutch sentence: a screen that numbers its
 * questions (the paper grid) says it in its own words and language, with the question's number.
 * `not-an-answer`: a value or text the item does not take (a code not on its scale, a number
 * outside its range, text for a choice, a number for an open question); `too-long`: an open
 * answer longer than the item allows.
 */
export interface AnswerRefusal {
  instrumentId: string;
  itemId: string;
  rule: 'not-an-answer' | 'too-long';
}

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  /** Only on refusals of one answer by `saveAnswer`. */
  answer?: AnswerRefusal;
}

export class ApiError extends Error implements ApiErrorShape {
  readonly code: ErrorCode;
  readonly answer?: AnswerRefusal;
  constructor(code: ErrorCode, message: string, answer?: AnswerRefusal) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    if (answer) this.answer = answer;
  }
}

/** The error as it crosses IPC: code, message and, when there is one, the refused answer. */
export function errorShape(err: ApiError): ApiErrorShape {
  return err.answer ? { code: err.code, message: err.message, answer: err.answer } : { code: err.code, message: err.message };
}

/** What every API call resolves to on the wire: Electron IPC and the test harness alike. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.answer);
}
