/**
 * Directives, their tasks and programmes (issue 17 parts 1–3): the documents, the tasks given to organisations with
 * their deadlines, each assignee's reports, progress, the work queue, programmes and their topics.
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates.ts';
import { DIRECTIVE_KINDS, RECURRENCES, TASK_STATUSES, TOPIC_KINDS } from '../domain/directives.ts';
import { normalizeText } from '../domain/text.ts';
import { IdSchema, IsoDateSchema, PageQuery, TextSchema } from './common.ts';

const Opt = (max = 255) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), { message: 'Không được chứa ký tự NUL (U+0000).' })
    .transform((s) => normalizeText(s))
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();

/** A date a document or a report bears: a real day, not after 2035 (the working-day calendar's last year). */
const DocDate = IsoDateSchema.refine((d) => !isIsoDate(d) || d <= '2035-12-31', { message: 'Ngày không hợp lệ: quá xa trong tương lai (sau năm 2035).' });
const Year = z.number().int().min(1930).max(2035);

export const DirectiveKindSchema = z.enum(DIRECTIVE_KINDS, { message: 'Loại văn bản không hợp lệ.' });

/** A directive as recorded: the symbol "155-KH/TU" is parsed on the server (number, kind code, issuer code). */
export const CreateDirectiveBody = z
  .strictObject({
    ownerOrgId: IdSchema,
    kind: DirectiveKindSchema,
    symbol: Opt(50),
    issuedOn: DocDate,
    issuerOrgId: IdSchema.nullable().optional(),
    issuerName: Opt(255),
    title: TextSchema(1000),
    summary: Opt(4000),
    fileRef: Opt(500),
    implementsId: IdSchema.nullable().optional(),
    fromYear: Year.nullable().optional(),
    toYear: Year.nullable().optional(),
  })
  .refine((b) => b.fromYear == null || b.toYear == null || b.fromYear <= b.toYear, { message: 'Năm bắt đầu phải trước năm kết thúc.', path: ['toYear'] });
export type CreateDirectiveBody = z.input<typeof CreateDirectiveBody>;

export const DirectiveListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  kind: DirectiveKindSchema.optional(),
  ...PageQuery,
});
export type DirectiveListQuery = z.infer<typeof DirectiveListQuery>;

/** Who receives a task: some organisations, or every organisation of a kind in the subtree of one. */
const Assignees = z.union([
  z.strictObject({ orgIds: z.array(IdSchema).min(1, { message: 'Chọn ít nhất một đơn vị.' }).max(2000) }),
  z.strictObject({ underOrgId: IdSchema, kindCode: z.string().min(1).max(50) }),
]);

/** A deadline: a date, N working days from the directive's date, or a recurring report between two dates. */
const Deadline = z.union([
  z.strictObject({ type: z.literal('date'), dueOn: DocDate }),
  z.strictObject({ type: z.literal('working_days'), workingDays: z.number().int().min(1).max(365) }),
  z.strictObject({ type: z.literal('recurring'), recurrence: z.enum(RECURRENCES), fromDate: DocDate, untilDate: DocDate }),
  z.strictObject({ type: z.literal('none') }),
]);

export const CreateTaskBody = z.strictObject({
  title: TextSchema(1000),
  content: Opt(4000),
  assignees: Assignees,
  deadline: Deadline,
});
export type CreateTaskBody = z.input<typeof CreateTaskBody>;

export const CreateTopicBody = z.strictObject({
  topicKind: z.enum(TOPIC_KINDS, { message: 'Loại chuyên đề không hợp lệ.' }),
  title: TextSchema(1000),
  content: Opt(4000),
  leadOrgId: IdSchema,
  participantOrgIds: z.array(IdSchema).max(200),
  dueOn: DocDate.nullable(),
});
export type CreateTopicBody = z.input<typeof CreateTopicBody>;

/** An assignee passes its share down to its own subordinates. */
export const SplitBody = z.strictObject({
  orgIds: z.array(IdSchema).min(1, { message: 'Chọn ít nhất một đơn vị.' }).max(2000),
  dueOn: DocDate.nullable().optional(),
  note: Opt(1000),
});
export type SplitBody = z.input<typeof SplitBody>;

export const ReportBody = z.strictObject({
  status: z.enum(TASK_STATUSES, { message: 'Trạng thái không hợp lệ.' }),
  body: TextSchema(8000),
  reportedOn: DocDate,
  periodDueOn: DocDate.nullable().optional(),
  /** The attached documents, by number or title ("Báo cáo số 12-BC/ĐU"). */
  attachments: z.array(TextSchema(255)).max(20).optional(),
});
export type ReportBody = z.input<typeof ReportBody>;

const StatusSchema = z.enum(TASK_STATUSES);

export const DirectiveRef = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  symbol: z.string().nullable(),
  title: z.string(),
  issuedOn: z.string(),
});

export const DirectiveSummarySchema = DirectiveRef.extend({
  ownerOrgId: z.string(),
  ownerOrgName: z.string(),
  issuerName: z.string(),
  number: z.number().nullable(),
  kindCode: z.string().nullable(),
  issuerCode: z.string().nullable(),
  fromYear: z.number().nullable(),
  toYear: z.number().nullable(),
});

export const ShareSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  role: z.enum(['assignee', 'lead', 'participant']),
  parentId: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: StatusSchema,
  statusLabel: z.string(),
  late: z.boolean(),
  dueSoon: z.boolean(),
  nextDueOn: z.string().nullable(),
  lastReportedOn: z.string().nullable(),
  reports: z.number(),
  /** The current user may report on this share (and split it). */
  canReport: z.boolean(),
});

export const TaskSchema = z.object({
  id: z.string(),
  seq: z.number(),
  title: z.string(),
  content: z.string().nullable(),
  topicKind: z.enum(TOPIC_KINDS).nullable(),
  dueOn: z.string().nullable(),
  dueWorkingDays: z.number().nullable(),
  recurrence: z.enum(RECURRENCES).nullable(),
  dueDates: z.array(z.string()),
  shares: z.array(ShareSchema),
});

const Counts = z.object({ shares: z.number(), reported: z.number(), done: z.number(), late: z.number(), inProgress: z.number(), notStarted: z.number() });

export const DirectiveSchema = DirectiveSummarySchema.extend({
  summary: z.string().nullable(),
  fileRef: z.string().nullable(),
  implements: DirectiveRef.nullable(),
  implementedBy: z.array(DirectiveRef.extend({ ownerOrgName: z.string() })),
  tasks: z.array(TaskSchema),
  progress: Counts,
  canEdit: z.boolean(),
});

export const DirectiveListResponse = z.object({ items: z.array(DirectiveSummarySchema.extend({ progress: Counts })), total: z.number() });

export const ProgressResponse = z.object({
  directiveId: z.string(),
  totals: Counts,
  units: z.array(z.object({ orgId: z.string(), orgName: z.string(), ...Counts.shape })),
});

export const ReportSchema = z.object({
  id: z.string(),
  status: StatusSchema,
  statusLabel: z.string(),
  body: z.string(),
  reportedOn: z.string(),
  periodDueOn: z.string().nullable(),
  attachments: z.array(z.string()),
  reportedByName: z.string(),
});

export const ShareResponse = z.object({
  share: ShareSchema,
  task: TaskSchema.omit({ shares: true }),
  directive: DirectiveRef,
  reports: z.array(ReportSchema),
  parts: z.array(ShareSchema),
});

export const DirectiveWorkItem = z.object({
  shareId: z.string(),
  directiveId: z.string(),
  directiveLabel: z.string(),
  taskTitle: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  dueOn: z.string(),
  late: z.boolean(),
  label: z.string(),
});
export const DirectiveQueueResponse = z.object({ items: z.array(DirectiveWorkItem) });

export const ProgrammeListResponse = z.object({
  items: z.array(DirectiveSummarySchema.extend({ topics: z.number(), done: z.number(), late: z.number() })),
});

export type Directive = z.infer<typeof DirectiveSchema>;
export type DirectiveSummary = z.infer<typeof DirectiveSummarySchema>;
export type DirectiveListResponse = z.infer<typeof DirectiveListResponse>;
export type Share = z.infer<typeof ShareSchema>;
export type Task = z.infer<typeof TaskSchema>;
export type ShareResponse = z.infer<typeof ShareResponse>;
export type ProgressResponse = z.infer<typeof ProgressResponse>;
export type DirectiveQueueResponse = z.infer<typeof DirectiveQueueResponse>;
export type ProgrammeListResponse = z.infer<typeof ProgrammeListResponse>;

// --- The tasks behind the reports' table of directives (issue 17, c17b) ----------------------------------------------

export const DUE_CHECKS = ['assigned', 'reported', 'done', 'late'] as const;
export type DueCheck = (typeof DUE_CHECKS)[number];

/**
 * `GET /api/directives/due-shares`: the shares of `orgId`'s subtree (in the reader's scope) with a deadline in
 * [from, to], those reported, done or late today (`check`); its `total` is the cell of the reports' table.
 */
export const DueSharesQuery = z
  .strictObject({
    orgId: IdSchema,
    from: IsoDateSchema,
    to: IsoDateSchema,
    check: z.enum(DUE_CHECKS, { message: 'Điều kiện lọc không hợp lệ (assigned, reported, done, late).' }).default('assigned'),
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => q.from <= q.to, { message: 'Ngày bắt đầu phải trước ngày kết thúc.', path: ['from'] });
export type DueSharesQuery = z.input<typeof DueSharesQuery>;
export type DueSharesParsed = z.infer<typeof DueSharesQuery>;

export const DueSharesResponse = z.object({
  total: z.number(),
  items: z.array(DirectiveWorkItem.extend({ status: z.enum(TASK_STATUSES), statusLabel: z.string(), reported: z.boolean() })),
});
export type DueSharesResponse = z.infer<typeof DueSharesResponse>;
