/**
 * Application errors. Services throw these; the error handler turns them into
 * `{ error: { code, message, details } }` with the status they carry. Messages are Vietnamese, for the user. The codes
 * are the contract's list (src/contract/errors.ts), shared with the web client.
 */
import type { ErrorCode, ErrorDetail } from '../../contract/errors.ts';

export type { ErrorCode, ErrorDetail };

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
  }
}

export const notFound = (what = 'Không tìm thấy dữ liệu yêu cầu.') => new AppError(404, 'NOT_FOUND', what);
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') => new AppError(403, 'FORBIDDEN', message);
export const conflict = (message: string, details: unknown[] = []) => new AppError(409, 'CONFLICT', message, details);
export const unauthenticated = () => new AppError(401, 'UNAUTHENTICATED', 'Phiên đăng nhập đã hết hạn hoặc chưa đăng nhập.');
export const invalid = (field: string, message: string) => new AppError(400, 'VALIDATION_ERROR', message, [{ field, message } satisfies ErrorDetail]);
