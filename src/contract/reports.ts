/**
 * Requests and answers of the reports (issue 14): the standard tables of a subtree for a date or a period, each with
 * the same period a year earlier and a link per cell to the records behind it. The skeleton every reports part builds
 * on: tables (reports.service), submissions and exports, the web page and the dashboard all carry these shapes.
 */
import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common.ts';

/** The keys of the standard tables (layouts as data: src/server/modules/reports/reports.layouts.ts). */
export const REPORT_TABLE_KEYS = [
  'orgs-by-kind',
  'orgs-by-sector',
  'members-composition',
  'member-changes',
  'evaluation',
  'excellent-share',
  'admissions-span',
  'term-annex',
  'inspection-work',
  'meetings-compliance',
  'directives-tasks',
] as const;
export const ReportTableKey = z.enum(REPORT_TABLE_KEYS, { message: 'Bảng báo cáo không có trong danh mục.' });
export type ReportTableKey = z.infer<typeof ReportTableKey>;

const Flag = z.enum(['true', 'false'], { message: 'Giá trị phải là «true» hoặc «false».' }).transform((v) => v === 'true');

/**
 * Which part of the tree and which time: `orgId` (any organisation in the caller's scope), and either `asOf` (a date:
 * the tables "on a date" read it; default today) or `from`/`to` (a period, both ends included; the tables "on a date"
 * read `to`). `compare` adds the same date or period a year earlier. `breakdown=children` answers one row per
 * organisation directly below instead of the subtree's total. Multi-year tables read `fromYear`/`toYear`.
 */
export const ReportQuery = z
  .strictObject({
    orgId: IdSchema,
    asOf: IsoDateSchema.optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    compare: Flag.optional(),
    breakdown: z.enum(['children'], { message: 'Chỉ hỗ trợ chia theo tổ chức trực thuộc («children»).' }).optional(),
    fromYear: z
      .string()
      .regex(/^\d{4}$/, { message: 'Năm phải gồm 4 chữ số, ví dụ 2021.' })
      .transform(Number)
      .optional(),
    toYear: z
      .string()
      .regex(/^\d{4}$/, { message: 'Năm phải gồm 4 chữ số, ví dụ 2025.' })
      .transform(Number)
      .optional(),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'Cần cả ngày bắt đầu và ngày kết thúc của kỳ báo cáo.', path: ['from'] })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'Ngày bắt đầu phải trước ngày kết thúc.', path: ['from'] })
  .refine((q) => q.fromYear === undefined || q.toYear === undefined || q.fromYear <= q.toYear, {
    message: 'Năm bắt đầu phải trước năm kết thúc.',
    path: ['fromYear'],
  });
export type ReportQueryInput = z.infer<typeof ReportQuery>;

export const ReportTableParams = z.strictObject({ table: ReportTableKey });

/**
 * Where a cell leads: the member list (`/api/members` and the «Đảng viên» page), the organisation list
 * (`/api/reports/orgs`) the published evaluation records (`/api/evaluation/results/records`), the inspection items (`/api/inspection/items`) or the cells' meetings
 * (`/api/meetings/compliance` and its meetings list, by `view` and `check`), the shares of directives' tasks
 * (`/api/directives/due-shares`, by `check`), with the query that reproduces the number;
 * the list's count equals the cell.
 */
export const DrillDown = z.object({
  kind: z.enum(['members', 'orgs', 'evaluation', 'inspection', 'meetings', 'disciplines', 'directives']),
  query: z.record(z.string(), z.string()),
});
export type DrillDown = z.infer<typeof DrillDown>;

export const ReportCell = z.object({
  value: z.number().nullable(),
  /** The same date or period a year earlier, when `compare` was asked. */
  previous: z.number().nullable().optional(),
  link: DrillDown.nullable(),
  previousLink: DrillDown.nullable().optional(),
});
export type ReportCell = z.infer<typeof ReportCell>;

export const ReportColumn = z.object({
  key: z.string(),
  label: z.string(),
  /** count: an integer; percent: a share in % (2 decimals); years: an average age. */
  unit: z.enum(['count', 'percent', 'years']),
});
export type ReportColumn = z.infer<typeof ReportColumn>;

export const ReportRow = z.object({
  key: z.string(),
  label: z.string(),
  /** 0 = a heading or total, 1 = a row under it, 2 = "of which". */
  level: z.number(),
  /** The row's own unit when it differs from its column's (an average age in a column of counts). */
  unit: z.enum(['count', 'percent', 'years']).optional(),
  /** One per column, in the columns' order. */
  cells: z.array(ReportCell),
});
export type ReportRow = z.infer<typeof ReportRow>;

/** A consistency check shown with the table (opening + in − out = closing). */
export const ReportCheck = z.object({ label: z.string(), ok: z.boolean(), detail: z.string() });

export const ReportTable = z.object({
  key: ReportTableKey,
  title: z.string(),
  /** What the table reads: the roll of a date, the events of a period, or a span of years. */
  basis: z.enum(['date', 'period', 'years']),
  columns: z.array(ReportColumn),
  rows: z.array(ReportRow),
  checks: z.array(ReportCheck),
  notes: z.array(z.string()),
});
export type ReportTable = z.infer<typeof ReportTable>;

export const ReportScope = z.object({
  org: z.object({ id: z.string(), name: z.string() }),
  asOf: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  fromYear: z.number().nullable(),
  toYear: z.number().nullable(),
  /** The same date / period a year earlier, when compared. */
  previous: z.object({ asOf: z.string(), from: z.string().nullable(), to: z.string().nullable() }).nullable(),
  breakdown: z.enum(['children']).nullable(),
});
export type ReportScope = z.infer<typeof ReportScope>;

/** One table: `GET /api/reports/tables/:table`. */
export const ReportTableResponse = z.object({ scope: ReportScope, table: ReportTable });
export type ReportTableResponse = z.infer<typeof ReportTableResponse>;

/** The whole report (every standard table): `GET /api/reports`. */
export const ReportResponse = z.object({ scope: ReportScope, tables: z.array(ReportTable) });
export type ReportResponse = z.infer<typeof ReportResponse>;

/** The catalogue of tables: `GET /api/reports/catalogue`. */
export const ReportCatalogueResponse = z.object({
  tables: z.array(z.object({ key: ReportTableKey, title: z.string(), basis: z.enum(['date', 'period', 'years']) })),
});
export type ReportCatalogue = z.infer<typeof ReportCatalogueResponse>;

// --- The dashboard (issue 14 part 5) --------------------------------------------------------------------------------

/** `GET /api/reports/dashboard`: `orgId` any organisation in the caller's scope; without it, the first of the scope. */
export const DashboardQuery = z.strictObject({ orgId: IdSchema.optional() });
export type DashboardQuery = z.infer<typeof DashboardQuery>;

const Slice = z.object({ key: z.string(), label: z.string(), value: z.number() });
const Ratings = z.object({ total: z.number(), excellent: z.number(), good: z.number(), completed: z.number(), notCompleted: z.number() });

/**
 * The home page's figures of one organisation's subtree today, each one the figure of a report or a list the page
 * links to. A part the caller may not read, or that has nothing yet (no published ratings), is null.
 */
export const DashboardResponse = z.object({
  org: z.object({ id: z.string(), name: z.string(), kindName: z.string() }),
  asOf: z.string(),
  year: z.number(),
  /** The organisations of the subtree below the organisation (itself not counted) and the grassroots ones among them. */
  orgs: z.object({ total: z.number(), grassroots: z.number() }),
  members: z.object({ total: z.number(), official: z.number(), probationary: z.number() }),
  /** Admission decisions of the year in the subtree against the year's target (null when none is set). */
  admissions: z.object({ year: z.number(), admitted: z.number(), target: z.number().nullable(), progress: z.number().nullable(), inPipeline: z.number() }),
  /** The last published year's ratings (last year's, or the latest before it). */
  ratings: z.object({ year: z.number(), orgs: Ratings, members: Ratings }).nullable(),
  /** Members due a badge at the next anniversary (3/2, 19/5, 2/9, 7/11). */
  badges: z.object({ anniversary: z.string(), due: z.number() }),
  /** The caller's work queue (admissions steps due). */
  work: z.object({ total: z.number(), late: z.number() }),
  /** Weak organisations under consolidation: entries still open, and those past their deadline. */
  consolidation: z.object({ open: z.number(), overdue: z.number() }),
  /** Composition of the members today (the «members-composition» table's rows), null when unavailable. */
  composition: z.object({ bySex: z.array(Slice), byAge: z.array(Slice), averageAge: z.number().nullable() }).nullable(),
  /** Five years up to this one: members on 31/12 (today for this year) and admissions of each year. */
  trends: z.object({ years: z.array(z.number()), members: z.array(z.number()), admitted: z.array(z.number()) }),
});
export type DashboardResponse = z.infer<typeof DashboardResponse>;
/**
 * The organisation list behind a count of the tables by kind and sector: the organisations of `orgId`'s subtree on
 * `asOf` (the tree of that date; the organisation itself only with `includeSelf=true`), of a kind, of a sector
 * (`none`: without one), grassroots only. Its `total` is the cell.
 */
export const ReportOrgListQuery = z.strictObject({
  orgId: IdSchema,
  asOf: IsoDateSchema.optional(),
  kind: z
    .string()
    .regex(/^[a-z_]{1,50}$/, { message: 'Loại tổ chức không hợp lệ.' })
    .optional(),
  sector: z
    .string()
    .regex(/^[a-z_]{1,50}$/, { message: 'Loại hình không hợp lệ.' })
    .optional(),
  grassroots: Flag.optional(),
  includeSelf: Flag.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ReportOrgListQuery = z.input<typeof ReportOrgListQuery>;
export type ReportOrgListParsed = z.infer<typeof ReportOrgListQuery>;

export const ReportOrgListResponse = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kindCode: z.string(),
      kindName: z.string(),
      sectorCode: z.string().nullable(),
      sectorName: z.string().nullable(),
    }),
  ),
});
export type ReportOrgList = z.infer<typeof ReportOrgListResponse>;
