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

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
}

export class ApiError extends Error implements ApiErrorShape {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** What every API call resolves to on the wire: Electron IPC and the test harness alike. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error.code, envelope.error.message);
}
