/**
 * The fetch wrapper every call to the server goes through: same-origin cookies, JSON in and out, the CSRF header on
 * every request that changes something, errors turned into ApiError with the server's Vietnamese message, and a
 * 401 (session expired or missing) handed to the handler that sends the user to the login page.
 */
import type { ErrorResponse } from '../../contract/common.ts';
import { isErrorCode, type ErrorCode, type ErrorDetail } from '../../contract/errors.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

/** Error codes the client itself produces when there is no answer from the server to read (the server's: ErrorCode). */
export type ClientErrorCode = 'NETWORK' | 'BAD_RESPONSE';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly details: ErrorDetail[];
  /** The raw `error.details` value: for a rejected reorganisation it carries the preview instead of field errors. */
  readonly rawDetails: unknown;

  constructor(status: number, code: ErrorCode | ClientErrorCode, message: string, rawDetails: unknown = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.rawDetails = rawDetails;
    this.details = Array.isArray(rawDetails) ? rawDetails.filter(isFieldDetail) : [];
  }
}

function isFieldDetail(value: unknown): value is ErrorDetail {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { field?: unknown }).field === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

let csrfToken: string | null = null;
let unauthorizedHandler: () => void = () => {
  if (window.location.pathname !== '/login') window.location.assign('/login');
};

/** Keeps the token received from login or GET /api/auth/me; sent as `x-csrf-token` on every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server answers 401 to anything but a password check: the session is gone. */
export function setUnauthorizedHandler(handler: () => void): void {
  unauthorizedHandler = handler;
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not run the 401 handler (used by the session probe itself). */
  skipAuthRedirect?: boolean;
}

/** Builds `/api<path>?query`, leaving out empty values. */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

export async function request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }

  if (response.status === 204) return undefined as T;
  const payload = await readJson(response);

  if (!response.ok) {
    const error = toApiError(response.status, payload);
    if (response.status === 401 && error.code !== 'INVALID_CREDENTIALS' && !options.skipAuthRedirect) {
      csrfToken = null;
      unauthorizedHandler();
    }
    throw error;
  }
  if (payload === undefined) {
    throw new ApiError(response.status, 'BAD_RESPONSE', 'Máy chủ trả lời không đúng định dạng. Vui lòng thử lại.');
  }
  return payload as T;
}

/**
 * Sends one file as `multipart/form-data` (field `file`, after the text `fields` if any) with the CSRF header; the browser sets the boundary. Errors
 * come back as ApiError with the server's Vietnamese message, as for `request`.
 */
export async function uploadFile<T>(
  path: string,
  file: Blob,
  fileName: string,
  query?: Record<string, QueryValue>,
  signal?: AbortSignal,
  /** Text fields sent before the file; empty values are left out. */
  fields?: Record<string, string | null | undefined>,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const form = new FormData();
  for (const [key, value] of Object.entries(fields ?? {})) if (value !== undefined && value !== null && value !== '') form.append(key, value);
  form.append('file', file, fileName);
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), { method: 'POST', headers, credentials: 'same-origin', body: form, signal });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.');
  }
  const payload = await readJson(response);
  if (!response.ok) {
    const error = toApiError(response.status, payload);
    if (response.status === 401) {
      csrfToken = null;
      unauthorizedHandler();
    }
    throw error;
  }
  if (payload === undefined) throw new ApiError(response.status, 'BAD_RESPONSE', 'Máy chủ trả lời không đúng định dạng. Vui lòng thử lại.');
  return payload as T;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  const body = payload as Partial<ErrorResponse> | undefined;
  const error = body?.error;
  if (error && typeof error.message === 'string') {
    // The server answers with a code of the shared list (src/contract/errors.ts); anything else is not its answer.
    return new ApiError(status, isErrorCode(error.code) ? error.code : 'BAD_RESPONSE', error.message, error.details ?? []);
  }
  const fallback =
    status >= 500
      ? 'Máy chủ gặp sự cố. Vui lòng thử lại sau.'
      : status === 401
        ? 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.'
        : `Yêu cầu không thực hiện được (mã ${status}).`;
  return new ApiError(status, status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE', fallback);
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** The message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Đã có lỗi không mong muốn. Vui lòng thử lại.';
}
