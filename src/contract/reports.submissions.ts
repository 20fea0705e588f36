/**
 * Submitted reports and the exports of a report (issue 14 parts 4 and 6), beside the tables' shapes of reports.ts: a
 * submission stores the report's figures exactly as computed with who and when, never changes, and is read back with
 * the live figure of each cell that now differs; the superior sees which of its direct subordinates submitted for a
 * period. Exports: the same query as the page (and `table` for one table), or a submission's stored figures.
 */
import { z } from 'zod';
import { IdSchema, IsoDateSchema, TextSchema } from './common.ts';
import { ReportQuery, ReportResponse, ReportTableKey } from './reports.ts';

const Year = z.number({ message: 'Năm phải là số, ví dụ 2025.' }).int({ message: 'Năm phải là số nguyên.' }).min(1930).max(2200);

/**
 * `POST /api/reports/submissions`: the report's query as JSON (the page's query: `orgId`, `asOf` or `from`/`to`,
 * `compare`, `breakdown`, `fromYear`/`toYear`), and a note. The whole report (every standard table) is computed and
 * stored. Without `asOf` and a period, the report is on today's date.
 */
export const SubmitReportBody = z
  .strictObject({
    orgId: IdSchema,
    asOf: IsoDateSchema.optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    compare: z.boolean({ message: 'Giá trị phải là true hoặc false.' }).optional(),
    breakdown: z.enum(['children'], { message: 'Chỉ hỗ trợ chia theo tổ chức trực thuộc («children»).' }).optional(),
    fromYear: Year.optional(),
    toYear: Year.optional(),
    note: TextSchema(2000).optional(),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'Cần cả ngày bắt đầu và ngày kết thúc của kỳ báo cáo.', path: ['from'] })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'Ngày bắt đầu phải trước ngày kết thúc.', path: ['from'] })
  .refine((q) => q.asOf === undefined || q.from === undefined, { message: 'Chọn một ngày hoặc một kỳ, không cả hai.', path: ['asOf'] })
  .refine((q) => q.fromYear === undefined || q.toYear === undefined || q.fromYear <= q.toYear, {
    message: 'Năm bắt đầu phải trước năm kết thúc.',
    path: ['fromYear'],
  });
export type SubmitReportInput = z.infer<typeof SubmitReportBody>;

/** The query a submission was computed from, as stored (the date resolved). */
export const StoredReportQuery = z.object({
  orgId: z.string(),
  asOf: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  compare: z.boolean().optional(),
  breakdown: z.enum(['children']).optional(),
  fromYear: z.number().optional(),
  toYear: z.number().optional(),
});

export const ReportSubmissionSummary = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  /** null for a report on a date. */
  periodFrom: z.string().nullable(),
  /** The report's date, or the period's last day. */
  periodTo: z.string(),
  /** 1 for the first submission of the organisation for the period, then 2, 3… (the earlier ones are kept). */
  version: z.number(),
  submittedAt: z.string(),
  submittedBy: z.object({ id: z.string().nullable(), name: z.string() }),
  note: z.string().nullable(),
});
export type ReportSubmissionSummary = z.infer<typeof ReportSubmissionSummary>;

/** `GET /api/reports/submissions?orgId=&from=&to=`: an organisation's submissions whose date (period's end) lies between. */
export const ReportSubmissionListQuery = z
  .strictObject({ orgId: IdSchema, from: IsoDateSchema.optional(), to: IsoDateSchema.optional() })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'Ngày bắt đầu phải trước ngày kết thúc.', path: ['from'] });
export const ReportSubmissionListResponse = z.object({ items: z.array(ReportSubmissionSummary) });
export type ReportSubmissionList = z.infer<typeof ReportSubmissionListResponse>;

/** A cell whose live figure is not the submitted one (value, or the previous year's when compared). */
export const ReportDifference = z.object({
  table: ReportTableKey,
  row: z.string(),
  column: z.string(),
  rowLabel: z.string(),
  columnLabel: z.string(),
  which: z.enum(['value', 'previous']),
  submitted: z.number().nullable(),
  /** null when the live report has no such cell any more (an organisation gone from the breakdown). */
  live: z.number().nullable(),
});
export type ReportDifference = z.infer<typeof ReportDifference>;

/** `GET /api/reports/submissions/:id`: the stored figures, and per cell the live figure where it differs. */
export const ReportSubmissionDetail = z.object({
  submission: ReportSubmissionSummary,
  query: StoredReportQuery,
  report: ReportResponse,
  live: z.object({ computedAt: z.string(), differences: z.array(ReportDifference) }),
});
export type ReportSubmissionDetail = z.infer<typeof ReportSubmissionDetail>;

/** `GET /api/reports/submissions/status`: the direct subordinates of `orgId` (on the period's last day) and their submissions. */
export const ReportSubmissionStatusQuery = z
  .strictObject({ orgId: IdSchema, asOf: IsoDateSchema.optional(), from: IsoDateSchema.optional(), to: IsoDateSchema.optional() })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'Cần cả ngày bắt đầu và ngày kết thúc của kỳ báo cáo.', path: ['from'] })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'Ngày bắt đầu phải trước ngày kết thúc.', path: ['from'] })
  .refine((q) => q.asOf === undefined || q.from === undefined, { message: 'Chọn một ngày hoặc một kỳ, không cả hai.', path: ['asOf'] });

export const ReportSubmissionStatusResponse = z.object({
  org: z.object({ id: z.string(), name: z.string() }),
  periodFrom: z.string().nullable(),
  periodTo: z.string(),
  children: z.array(
    z.object({
      orgId: z.string(),
      name: z.string(),
      kindCode: z.string(),
      kindName: z.string(),
      /** The latest submission for the period, null when none. */
      latest: ReportSubmissionSummary.nullable(),
      versions: z.number(),
    }),
  ),
  /** Per kind of subordinate: how many there are and how many submitted. */
  byKind: z.array(z.object({ kindCode: z.string(), kindName: z.string(), total: z.number(), submitted: z.number() })),
});
export type ReportSubmissionStatus = z.infer<typeof ReportSubmissionStatusResponse>;

/** `GET /api/reports/export.{xlsx,docx,pdf}`: the page's query, and `table` for one table instead of the whole report. */
export const ReportExportQuery = ReportQuery.safeExtend({ table: ReportTableKey.optional() });
export type ReportExportQueryInput = z.infer<typeof ReportExportQuery>;

/** `GET /api/reports/submissions/:id/export.{xlsx,docx,pdf}`: a submission's stored figures, whole or one table. */
export const SubmissionExportQuery = z.strictObject({ table: ReportTableKey.optional() });

export const EXPORT_FORMATS = ['xlsx', 'docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
