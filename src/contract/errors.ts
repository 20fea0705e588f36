/**
 * THE list of error codes the server answers with, in `{ error: { code, message, details } }`. The server's
 * `AppError` only takes these (src/server/http/errors.ts); the web client types its `ApiError` with them. A new
 * code is added here first, with the status it goes with. No zod here: the web bundle takes this file whole.
 */
export const ERROR_CODES = [
  /** 400: a field or the body is wrong (details name the fields). */
  'VALIDATION_ERROR',
  /** 400: a request Fastify refused before any schema (malformed headers and the like). */
  'BAD_REQUEST',
  /** 401: no session, or it expired. */
  'UNAUTHENTICATED',
  /** 401: wrong user name or password. */
  'INVALID_CREDENTIALS',
  /** 403: the account is disabled. */
  'ACCOUNT_DISABLED',
  /** 403: the x-csrf-token header is missing or wrong. */
  'CSRF_INVALID',
  /** 403: the caller may not do this here. */
  'FORBIDDEN',
  /** 403: the password must be changed before anything else. */
  'PASSWORD_CHANGE_REQUIRED',
  /** 404: no such thing in the caller's scope. */
  'NOT_FOUND',
  /** 409: the change contradicts what is recorded. */
  'CONFLICT',
  /** 409 (evaluation) or 422 (admissions): a check of the rules failed; details list the failures. */
  'CHECK_FAILED',
  /** 410: a dossier document whose file is gone from the store. */
  'DOCUMENT_MISSING',
  /** 413: the body or file is too large. */
  'PAYLOAD_TOO_LARGE',
  /** 415: a content type the route does not take. */
  'UNSUPPORTED_MEDIA_TYPE',
  /** 423: logins of this name from this address are locked for a while. */
  'ACCOUNT_LOCKED',
  /** 429: too many requests. */
  'RATE_LIMITED',
  /** 500: anything unexpected (logged). */
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const CODES: ReadonlySet<string> = new Set(ERROR_CODES);

/** Whether a code read from an answer is one of the list. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && CODES.has(value);
}

/** The usual detail: a field (dotted path) and its message. Some errors add keys (a failed check's code). */
export interface ErrorDetail {
  field: string;
  message: string;
}
