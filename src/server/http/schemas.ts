/** Small zod building blocks shared by every module's schemas. */
import { z } from 'zod';
import { isIsoDate } from '../../domain/dates.ts';
import { normalizeText } from '../../domain/text.ts';

export const IsoDateSchema = z.string().max(10).refine(isIsoDate, { message: 'Ngày không hợp lệ (định dạng YYYY-MM-DD, ví dụ 2025-07-01).' });

export const IdSchema = z.uuid({ message: 'Mã định danh không hợp lệ.' });

/** A name or label: trimmed, NFC, 1..max characters. */
export const TextSchema = (max = 255) =>
  z
    .string()
    .max(max)
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

export const ErrorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.array(z.unknown()) }),
});

export const IdParams = z.strictObject({ id: IdSchema });

/** For routes that take no query parameters: an unknown one is a mistake worth reporting. */
export const NoQuery = z.strictObject({});
