/**
 * The zero character (U+0000) is refused wherever a request is parsed. PostgreSQL cannot store it in text or jsonb
 * (on either engine), so a string carrying it would otherwise travel through validation and answer 500 at the first
 * query. It is never meaningful in a name, a note or a search, so the request is refused (400, the field named)
 * rather than silently changed: JSON bodies, query strings and path parameters here, once for every route, before
 * validation; multipart field names, values and file names through `refuseNulIn` where the upload routes read them.
 */
import type { FastifyInstance } from 'fastify';
import { NUL_MESSAGE } from '../../contract/common.ts';
import { AppError, type ErrorDetail } from './errors.ts';

export { NUL_MESSAGE };

const NUL = '\u0000';

/** The path of the first string (a value or a key) holding U+0000, or null when there is none. */
export function findNul(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null;
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes(NUL)) return [...path, key];
    const found = findNul(inner, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** The field as the error details name it (`items.0.fullName`), the zero character itself shown as `\0`. */
function fieldName(path: (string | number)[], fallback: string): string {
  const name = path.map(String).join('.');
  return (name || fallback).replaceAll(NUL, '\\0');
}

/** A 400 naming the field that holds U+0000. */
export function nulError(field: string): AppError {
  const detail: ErrorDetail = { field, message: NUL_MESSAGE };
  return new AppError(400, 'VALIDATION_ERROR', `Dữ liệu không hợp lệ: ${field}: ${NUL_MESSAGE}`, [detail]);
}

/** Throws the 400 when the value (a string, or any JSON value) holds U+0000; `field` names the value itself. */
export function refuseNulIn(value: unknown, field: string): void {
  const found = findNul(value);
  if (found) throw nulError(fieldName(found.length ? [field, ...found] : [field], field));
}

/** Checks the parsed path parameters, query string and JSON body of every request before its schema does. */
export function registerNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    for (const [part, fallback] of [
      [req.params, 'params'],
      [req.query, 'query'],
      [req.body, 'body'],
    ] as const) {
      const found = findNul(part);
      if (found) throw nulError(fieldName(found, fallback));
    }
  });
}
