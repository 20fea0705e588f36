/**
 * Requests and answers of the member file's sub-records. The data of each kind is validated by a strict schema built
 * from the kind's field list in src/domain/member-records.ts (the list the web's forms use): dates are ISO, a day,
 * a month or a year where the form allows it; texts trimmed, NFC, bounded; a period may not end before it begins.
 */
import { z } from 'zod';
import { isPartialDate } from '../domain/dates.ts';
import {
  BIRTH_YEAR_RANGE,
  OPEN_RECORD_KINDS,
  periodOrderProblem,
  RECORD_FIELDS,
  RECORD_KINDS,
  RELATIONSHIPS,
  SENSITIVE_RECORD_KINDS,
  type RecordData,
  type RecordFieldSpec,
  type RecordKind,
  type SensitiveRecordKind,
} from '../domain/member-records.ts';
import { normalizeText } from '../domain/text.ts';
import { IdSchema, IsoDateSchema } from './common.ts';

const kindMessage = (kinds: readonly string[]) => `Loại mục không hợp lệ; chỉ chấp nhận: ${kinds.join(', ')}.`;

export const PartialDateSchema = z.string().max(10).refine(isPartialDate, { message: 'Ngày không hợp lệ (YYYY-MM-DD, YYYY-MM hoặc YYYY; ví dụ 2010-03).' });

/** Optional fields: null, '' and blanks mean "not known" and are left out of the stored data. */
function fieldSchema(spec: RecordFieldSpec): z.ZodType {
  let base: z.ZodType;
  switch (spec.type) {
    case 'period':
      base = PartialDateSchema;
      break;
    case 'date':
      base = IsoDateSchema;
      break;
    case 'year':
      base = z
        .number()
        .int({ message: 'Năm phải là số nguyên.' })
        .min(BIRTH_YEAR_RANGE.min, { message: `Năm không được trước ${BIRTH_YEAR_RANGE.min}.` })
        .max(BIRTH_YEAR_RANGE.max, { message: `Năm không được sau ${BIRTH_YEAR_RANGE.max}.` });
      break;
    case 'relationship':
      base = z.enum(RELATIONSHIPS as [string, ...string[]], { message: `Quan hệ không hợp lệ; chỉ chấp nhận: ${RELATIONSHIPS.join(', ')}.` });
      break;
    case 'text':
    case 'longText': {
      const max = spec.max ?? 255;
      const text = z
        .string()
        .max(max, { message: `Không được dài quá ${max} ký tự.` })
        .transform(normalizeText);
      return spec.required
        ? text.pipe(z.string().min(1, { message: 'Không được để trống.' }))
        : z.preprocess((v) => (v === null ? undefined : v), text.transform((s) => (s === '' ? undefined : s)).optional());
    }
  }
  return spec.required ? base : z.preprocess((v) => (v === null || v === '' ? undefined : v), base.optional());
}

function dataSchema(kind: RecordKind) {
  const shape = Object.fromEntries(RECORD_FIELDS[kind].map((f) => [f.name, fieldSchema(f)]));
  return z.strictObject(shape).superRefine((data, ctx) => {
    const problem = periodOrderProblem(data as { from?: string; to?: string });
    if (problem) ctx.addIssue({ code: 'custom', path: ['to'], message: problem });
  });
}

/** The data schema of each kind. */
export const RECORD_DATA_SCHEMAS = Object.fromEntries(RECORD_KINDS.map((k) => [k, dataSchema(k)])) as Record<RecordKind, ReturnType<typeof dataSchema>>;

/** A record to write: its kind and its data, all of it (an update replaces the data). */
export const RecordBody = z.discriminatedUnion(
  'kind',
  RECORD_KINDS.map((kind) => z.strictObject({ kind: z.literal(kind), data: RECORD_DATA_SCHEMAS[kind] })) as unknown as [
    z.ZodObject<{ kind: z.ZodLiteral<RecordKind>; data: ReturnType<typeof dataSchema> }>,
    ...z.ZodObject<{ kind: z.ZodLiteral<RecordKind>; data: ReturnType<typeof dataSchema> }>[],
  ],
  { error: (issue) => (issue.code === 'invalid_union' ? kindMessage(RECORD_KINDS) : undefined) },
);
export type RecordInput = { kind: RecordKind; data: Record<string, unknown> };

export const RecordListQuery = z.strictObject({
  kind: z.enum(RECORD_KINDS, { message: kindMessage(OPEN_RECORD_KINDS) }).optional(),
});

export const RevealRecordsBody = z.strictObject({
  kind: z.enum(SENSITIVE_RECORD_KINDS, { message: `Chỉ xem riêng được các mục nhạy cảm: ${SENSITIVE_RECORD_KINDS.join(', ')}.` }),
});

export const RecordParams = z.strictObject({ id: IdSchema, recordId: IdSchema });

export const MemberRecordSchema = z.object({
  id: z.string(),
  kind: z.enum(RECORD_KINDS),
  data: z.record(z.string(), z.union([z.string(), z.number()])),
  createdAt: z.string(),
});
export const RecordListResponse = z.object({ items: z.array(MemberRecordSchema) });

export type { RecordData, RecordKind, SensitiveRecordKind };
export type MemberRecord = z.infer<typeof MemberRecordSchema>;
export type RecordListResponse = z.infer<typeof RecordListResponse>;
/** A sub-record as a form sends it: its kind and the fields of that kind. */
export type MemberRecordBody = RecordInput;
