/**
 * The term targets of a congress resolution (issue 17 part 6): the targets attached to a term, each tracked by a
 * metric the reports module computes from the records or by yearly actuals typed in, with its value or range; the
 * year-by-year table against the target, the pace needed and the verdict (at risk, with the reason in words).
 */
import { z } from 'zod';
import { TARGET_KINDS, TARGET_METRICS } from '../domain/term-targets.ts';
import { IdSchema, TextSchema } from './common.ts';
import { DrillDown, ReportTableKey } from './reports.ts';

const Figure = z.number({ message: 'Chỉ tiêu phải là số.' }).finite({ message: 'Chỉ tiêu phải là số.' }).min(0, { message: 'Chỉ tiêu không được âm.' });

/** A target: a single value (`high` null or absent) or a range (`low`–`high`). A computed metric fixes kind and unit. */
export const CreateTargetBody = z
  .strictObject({
    title: TextSchema(300),
    metric: z.enum(TARGET_METRICS, { message: 'Chỉ số theo dõi không có trong danh mục.' }),
    kind: z.enum(TARGET_KINDS, { message: 'Loại chỉ tiêu phải là «share» (tỷ lệ hằng năm) hoặc «cumulative» (cộng dồn).' }).optional(),
    unit: z.enum(['percent', 'count'], { message: 'Đơn vị phải là «percent» hoặc «count».' }).optional(),
    low: Figure.max(100_000_000, { message: 'Chỉ tiêu quá lớn.' }),
    high: Figure.max(100_000_000, { message: 'Chỉ tiêu quá lớn.' }).nullable().optional(),
    note: TextSchema(1000).nullable().optional(),
  })
  .refine((b) => b.high === undefined || b.high === null || b.high >= b.low, { message: 'Cận trên phải không nhỏ hơn cận dưới.', path: ['high'] })
  .refine((b) => b.metric !== 'manual' || (b.kind !== undefined && b.unit !== undefined), {
    message: 'Chỉ tiêu nhập tay cần loại (tỷ lệ hoặc cộng dồn) và đơn vị.',
    path: ['kind'],
  })
  .refine((b) => b.metric === 'manual' || (b.kind === undefined && b.unit === undefined), {
    message: 'Chỉ số tính từ dữ liệu đã có loại và đơn vị, không nhập kèm.',
    path: ['kind'],
  });
export type CreateTargetBody = z.input<typeof CreateTargetBody>;

/** Yearly actuals of a hand-entered target; `value: null` removes the year's figure. */
export const SetActualsBody = z.strictObject({
  actuals: z
    .array(
      z.strictObject({
        year: z.number({ message: 'Năm phải là số.' }).int({ message: 'Năm phải là số nguyên.' }).min(1930, { message: 'Năm không hợp lệ.' }).max(2040, {
          message: 'Năm không hợp lệ.',
        }),
        value: Figure.max(100_000_000, { message: 'Số liệu quá lớn.' }).nullable(),
      }),
    )
    .min(1, { message: 'Cần ít nhất một năm.' })
    .max(20, { message: 'Tối đa 20 năm.' }),
});
export type SetActualsBody = z.input<typeof SetActualsBody>;

const Status = z.enum(['reached', 'on_track', 'at_risk', 'missed', 'no_data']);

export const TargetYearSchema = z.object({
  year: z.number(),
  actual: z.number().nullable(),
  /** The current year: its figure is to date. */
  partial: z.boolean(),
  cumulative: z.number().nullable(),
  meets: z.boolean().nullable(),
  neededPerYear: z.number().nullable(),
  /** The list behind the figure (a computed metric), with the query that reproduces it. */
  link: DrillDown.nullable(),
  /** The report table the figure is read from, with its query (`/api/reports/tables/:table`). */
  report: z.object({ table: ReportTableKey, query: z.record(z.string(), z.string()) }).nullable(),
});

export const TermTargetSchema = z.object({
  id: z.string(),
  seq: z.number(),
  title: z.string(),
  metric: z.enum(TARGET_METRICS),
  metricLabel: z.string(),
  kind: z.enum(TARGET_KINDS),
  unit: z.enum(['percent', 'count']),
  low: z.number(),
  high: z.number().nullable(),
  /** "95%", "70–75%", "16.500–17.500". */
  targetText: z.string(),
  note: z.string().nullable(),
  status: Status,
  statusLabel: z.string(),
  atRisk: z.boolean(),
  reason: z.string(),
  current: z.number().nullable(),
  pace: z.number().nullable(),
  projection: z.number().nullable(),
  neededPerYear: z.number().nullable(),
  years: z.array(TargetYearSchema),
});
export type TermTarget = z.infer<typeof TermTargetSchema>;

export const TermTargetsResponse = z.object({
  term: z.object({
    id: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    fromYear: z.number(),
    toYear: z.number(),
    label: z.string(),
    congressOn: z.string(),
  }),
  asOf: z.string(),
  canEdit: z.boolean(),
  metrics: z.array(
    z.object({ key: z.enum(TARGET_METRICS), label: z.string(), kind: z.enum(TARGET_KINDS).nullable(), unit: z.enum(['percent', 'count']).nullable() }),
  ),
  targets: z.array(TermTargetSchema),
});
export type TermTargetsResponse = z.infer<typeof TermTargetsResponse>;

export const TargetParams = z.strictObject({ id: IdSchema });
