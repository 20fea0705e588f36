/**
 * The contract's shared primitives: dates, ids, text, decisions, paging, the error answer. Every module's schemas
 * (src/contract/<module>.ts) are built from these; the server validates with them and the web imports their types.
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates.ts';
import { normalizeText } from '../domain/text.ts';
import { ERROR_CODES } from './errors.ts';

export const IsoDateSchema = z.string().max(10).refine(isIsoDate, { message: 'Ngày không hợp lệ (định dạng YYYY-MM-DD, ví dụ 2025-07-01).' });

export const IdSchema = z.uuid({ message: 'Mã định danh không hợp lệ.' });

/** U+0000 cannot be stored by PostgreSQL; the server refuses it in every request (src/server/http/text-guard.ts). */
export const NUL_MESSAGE = 'Không được chứa ký tự NUL (U+0000).';

/** A name or label: trimmed, NFC, 1..max characters, never U+0000. */
export const TextSchema = (max = 255) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), { message: NUL_MESSAGE })
    .transform(normalizeText)
    .pipe(z.string().min(1, { message: 'Không được để trống.' }));

export const DecisionSchema = {
  effectiveDate: IsoDateSchema,
  decisionNo: TextSchema(100),
  decisionDate: IsoDateSchema,
};

export const AsOfQuery = z.strictObject({ asOf: IsoDateSchema.optional() });

export const PageQuery = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

export const IdParams = z.strictObject({ id: IdSchema });

/** For routes that take no query parameters: an unknown one is a mistake worth reporting. */
export const NoQuery = z.strictObject({});

/** Every error answer. `details` is usually a list of ErrorDetail (errors.ts); a rejected reorganisation carries its preview. */
export const ErrorResponse = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), details: z.array(z.unknown()) }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** A calendar day as carried everywhere: 'YYYY-MM-DD'. */
export type IsoDate = string;
/** An instant as the server sends it (ISO 8601 timestamp). */
export type Timestamp = string;
/** The decision every change of the tree carries, as the client sends it. */
export const DecisionBody = z.strictObject(DecisionSchema);
export type Decision = z.input<typeof DecisionBody>;
