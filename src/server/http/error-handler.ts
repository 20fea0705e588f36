/** Maps every failure to `{ error: { code, message, details } }`: client mistakes are 4xx, anything else a logged 500. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from './errors.ts';

function body(code: ErrorCode, message: string, details: unknown[] = []) {
  return { error: { code, message, details } };
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      // A server-side fault with a message for the user (a dossier file missing from the store): still logged.
      if (err.status >= 500) req.log.error({ err }, err.code);
      return reply.status(err.status).send(body(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').split('/').filter(Boolean);
        // An unknown field is named by the field itself, not by the object that holds it.
        const keys = Array.isArray(v.params?.keys) ? (v.params.keys as string[]) : [];
        const field = (keys.length ? [...path, ...keys] : path).join('.');
        return { field: field || (err.validationContext ?? ''), message: v.message ?? 'Không hợp lệ.' };
      });
      const first = details[0];
      const message = first ? `Dữ liệu không hợp lệ: ${first.field ? `${first.field}: ` : ''}${first.message}` : 'Dữ liệu không hợp lệ.';
      return reply.status(400).send(body('VALIDATION_ERROR', message, details));
    }
    const code = err.code ?? '';
    if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err instanceof SyntaxError && err.statusCode === 400)) {
      return reply.status(400).send(body('VALIDATION_ERROR', 'Dữ liệu gửi lên không phải JSON hợp lệ.'));
    }
    if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.status(400).send(body('VALIDATION_ERROR', 'Thiếu dữ liệu gửi lên.'));
    }
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send(body('PAYLOAD_TOO_LARGE', 'Dữ liệu gửi lên quá lớn.'));
    }
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
      return reply.status(415).send(body('UNSUPPORTED_MEDIA_TYPE', 'Định dạng dữ liệu không được hỗ trợ; hãy gửi JSON.'));
    }
    if (err.statusCode === 429) {
      return reply.status(429).send(body('RATE_LIMITED', 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút.'));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send(body('BAD_REQUEST', 'Yêu cầu không hợp lệ.'));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', 'Lỗi hệ thống. Vui lòng thử lại hoặc báo cho quản trị viên.'));
  });
}
