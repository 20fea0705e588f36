/** Requests and answers of the working-day calendar (domain.md §13). */
import { z } from 'zod';
import { IsoDateSchema } from './common.ts';
import { normalizeText } from '../domain/text.ts';

export const CalendarQuery = z.strictObject({
  year: z
    .string()
    .regex(/^\d{4}$/, { message: 'Năm phải gồm 4 chữ số, ví dụ 2026.' })
    .transform(Number),
});

export const AdjustmentParams = z.strictObject({ date: IsoDateSchema });

export const NOTE_MAX = 255;

export const AdjustmentBody = z.strictObject({
  kind: z.enum(['holiday', 'workday'], { message: 'Loại điều chỉnh phải là «holiday» (ngày nghỉ) hoặc «workday» (ngày làm việc).' }),
  note: z
    .string()
    .max(NOTE_MAX, { message: `Ghi chú tối đa ${NOTE_MAX} ký tự.` })
    .transform(normalizeText)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional(),
});
export type AdjustmentInput = z.infer<typeof AdjustmentBody>;

const Day = { date: z.string(), weekday: z.number() };
export const CalendarYearResponse = z.object({
  year: z.number(),
  /** Public holidays and compensating days of the law's table; `workedByAdjustment` when an adjustment makes it a working day. */
  lawHolidays: z.array(z.object({ ...Day, name: z.string(), compensating: z.boolean(), workedByAdjustment: z.boolean() })),
  adjustments: z.array(z.object({ ...Day, kind: z.enum(['holiday', 'workday']), note: z.string().nullable() })),
  /** Saturdays and Sundays of the year, and how many of them are worked by adjustment. */
  weekends: z.object({ saturdays: z.number(), sundays: z.number(), worked: z.number() }),
  workingDays: z.number(),
  daysOff: z.number(),
  canEdit: z.boolean(),
});
export type CalendarYear = z.infer<typeof CalendarYearResponse>;
export type CalendarAdjustment = CalendarYear['adjustments'][number];
