/**
 * Inspection and supervision (issue 15 parts 1–3, 7): the yearly plans of a committee or its inspection committee
 * and their items, the items outside any plan ("arising"), the progress of a subtree over a period (concluded ÷
 * planned), the coverage lists (subordinate đảng ủy and chi bộ that carried out none, or were the subject of none), and
 * the cases opened on signs of violation. Readings where the issue is silent: docs/modules/inspection.md.
 */
import { z } from 'zod';
import { IdSchema, IsoDateSchema, PageQuery, TextSchema } from './common.ts';

export const INSPECTION_BODIES = ['committee', 'inspection_committee'] as const;
export const INSPECTION_BODY_LABELS: Record<(typeof INSPECTION_BODIES)[number], string> = {
  committee: 'Cấp ủy, chi bộ',
  inspection_committee: 'Ủy ban kiểm tra',
};
export const ITEM_KINDS = ['inspection', 'supervision'] as const;
export const ITEM_KIND_LABELS: Record<(typeof ITEM_KINDS)[number], string> = { inspection: 'Kiểm tra', supervision: 'Giám sát' };
export const ITEM_MODES = ['regular', 'thematic'] as const;
export const ITEM_MODE_LABELS: Record<(typeof ITEM_MODES)[number], string> = { regular: 'Thường xuyên', thematic: 'Chuyên đề' };
export const ITEM_STATUSES = ['planned', 'under_way', 'concluded', 'cancelled'] as const;
export const ITEM_STATUS_LABELS: Record<(typeof ITEM_STATUSES)[number], string> = {
  planned: 'Chưa thực hiện',
  under_way: 'Đang thực hiện',
  concluded: 'Đã kết luận',
  cancelled: 'Hủy bỏ',
};
export const CASE_SOURCES = ['complaint', 'denunciation', 'supervision', 'inspection', 'press', 'audit', 'other'] as const;
export const CASE_SOURCE_LABELS: Record<(typeof CASE_SOURCES)[number], string> = {
  complaint: 'Khiếu nại',
  denunciation: 'Tố cáo',
  supervision: 'Qua giám sát',
  inspection: 'Qua kiểm tra',
  press: 'Báo chí, dư luận',
  audit: 'Thanh tra, kiểm toán',
  other: 'Nguồn khác',
};
export const CASE_STATUSES = ['open', 'concluded', 'dropped'] as const;
export const CASE_STATUS_LABELS: Record<(typeof CASE_STATUSES)[number], string> = {
  open: 'Đang giải quyết',
  concluded: 'Đã kết luận',
  dropped: 'Dừng kiểm tra',
};
export const CASE_OUTCOMES = ['none', 'reminder', 'discipline'] as const;
export const CASE_OUTCOME_LABELS: Record<(typeof CASE_OUTCOMES)[number], string> = {
  none: 'Không vi phạm',
  reminder: 'Vi phạm, nhắc nhở, rút kinh nghiệm',
  discipline: 'Vi phạm, đề nghị xem xét kỷ luật',
};

const Body = z.enum(INSPECTION_BODIES, { message: 'Cơ quan thực hiện phải là «committee» (cấp ủy, chi bộ) hoặc «inspection_committee» (ủy ban kiểm tra).' });
const Kind = z.enum(ITEM_KINDS, { message: 'Loại phải là «inspection» (kiểm tra) hoặc «supervision» (giám sát).' });
const Mode = z.enum(ITEM_MODES, { message: 'Hình thức phải là «regular» (thường xuyên) hoặc «thematic» (chuyên đề).' });
const Status = z.enum(ITEM_STATUSES, { message: 'Trạng thái không hợp lệ.' });
const Year = z.number({ message: 'Năm phải là số, ví dụ 2026.' }).int({ message: 'Năm phải là số nguyên.' }).min(1930, { message: 'Năm từ 1930.' }).max(2200);
const YearParam = z
  .string()
  .regex(/^\d{4}$/, { message: 'Năm phải gồm 4 chữ số, ví dụ 2026.' })
  .transform(Number);
const Flag = z.enum(['true', 'false'], { message: 'Giá trị phải là «true» hoặc «false».' }).transform((v) => v === 'true');
const Bool = z.boolean({ message: 'Giá trị phải là true hoặc false.' });

// --- plans ----------------------------------------------------------------------------------------------------------

export const CreatePlanBody = z.strictObject({
  orgId: IdSchema,
  year: Year,
  body: Body,
  title: TextSchema(500),
  decisionNo: TextSchema(100).optional(),
  approvedOn: IsoDateSchema.optional(),
});
export type CreatePlanInput = z.infer<typeof CreatePlanBody>;

/** An amendment: the plan's next version; the items as they stood are kept with it. */
export const AmendPlanBody = z.strictObject({ amendedOn: IsoDateSchema, reason: TextSchema(1000) });

export const PlanListQuery = z.strictObject({ orgId: IdSchema, year: YearParam });

const Progress = z.object({
  /** Plan items counted (cancelled ones apart). */
  planned: z.number(),
  concluded: z.number(),
  underWay: z.number(),
  cancelled: z.number(),
  /** Items outside any plan, concluded in the period: counted apart. */
  arising: z.number(),
  /** concluded ÷ planned in % (2 decimals); null without a planned item. */
  percent: z.number().nullable(),
});
export type InspectionProgress = z.infer<typeof Progress>;

export const PlanSummary = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number(),
  body: Body,
  version: z.number(),
  title: z.string(),
  decisionNo: z.string().nullable(),
  approvedOn: z.string().nullable(),
  progress: Progress,
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const PlanListResponse = z.object({ items: z.array(PlanSummary) });

export const ItemView = z.object({
  id: z.string(),
  planId: z.string().nullable(),
  orgId: z.string(),
  orgName: z.string(),
  body: Body,
  kind: Kind,
  mode: Mode,
  subject: z.object({ kind: z.enum(['org', 'member']), id: z.string(), name: z.string() }),
  content: z.string(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  inCharge: z.string().nullable(),
  dueOn: z.string(),
  status: Status,
  concludedOn: z.string().nullable(),
  conclusion: z.string().nullable(),
  violationFound: z.boolean().nullable(),
  cancelReason: z.string().nullable(),
  addedInVersion: z.number().nullable(),
});
export type ItemView = z.infer<typeof ItemView>;

export const PlanDetail = z.object({
  plan: PlanSummary,
  items: z.array(ItemView),
  amendments: z.array(z.object({ version: z.number(), amendedOn: z.string(), reason: z.string(), items: z.number() })),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

// --- items ----------------------------------------------------------------------------------------------------------

const ItemFields = {
  kind: Kind,
  mode: Mode,
  subjectOrgId: IdSchema.optional(),
  subjectMemberId: IdSchema.optional(),
  content: TextSchema(2000),
  periodFrom: IsoDateSchema.optional(),
  periodTo: IsoDateSchema.optional(),
  inCharge: TextSchema(255).optional(),
  dueOn: IsoDateSchema,
};

/**
 * `POST /api/inspection/items`: an item of a plan (`planId`), or outside any plan (`orgId` and `body`: arising). An
 * item done before it was entered may be recorded with its status and conclusion at once.
 */
export const CreateItemBody = z
  .strictObject({
    planId: IdSchema.optional(),
    orgId: IdSchema.optional(),
    body: Body.optional(),
    ...ItemFields,
    status: Status.optional(),
    concludedOn: IsoDateSchema.optional(),
    conclusion: TextSchema(4000).optional(),
    violationFound: Bool.optional(),
    cancelReason: TextSchema(1000).optional(),
  })
  .refine((b) => (b.planId === undefined) !== (b.orgId === undefined), {
    message: 'Cần kế hoạch («planId») hoặc, với việc phát sinh, tổ chức («orgId»).',
    path: ['planId'],
  })
  .refine((b) => b.planId !== undefined || b.body !== undefined, { message: 'Việc phát sinh cần cơ quan thực hiện («body»).', path: ['body'] })
  .refine((b) => (b.subjectOrgId === undefined) !== (b.subjectMemberId === undefined), {
    message: 'Đối tượng là một tổ chức đảng («subjectOrgId») hoặc một đảng viên («subjectMemberId»).',
    path: ['subjectOrgId'],
  })
  .refine((b) => b.periodFrom === undefined || b.periodTo === undefined || b.periodFrom <= b.periodTo, {
    message: 'Thời kỳ kiểm tra: ngày bắt đầu phải trước ngày kết thúc.',
    path: ['periodFrom'],
  });
export type CreateItemInput = z.infer<typeof CreateItemBody>;

/** `PATCH /api/inspection/items/:id`: the status (concluded needs its date; cancelled its reason) and the fields that may change. */
export const UpdateItemBody = z
  .strictObject({
    status: Status.optional(),
    concludedOn: IsoDateSchema.optional(),
    conclusion: TextSchema(4000).optional(),
    violationFound: Bool.optional(),
    cancelReason: TextSchema(1000).optional(),
    inCharge: TextSchema(255).optional(),
    dueOn: IsoDateSchema.optional(),
    content: TextSchema(2000).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Không có gì để cập nhật.', path: ['status'] });
export type UpdateItemInput = z.infer<typeof UpdateItemBody>;

/**
 * The item list behind a figure: the items of `orgId`'s subtree (the organisations carrying them out), due in
 * [from, to] (plan items) or concluded in it (arising, `arising=true`), of a status, kind, subject type.
 */
export const ItemListQuery = z
  .strictObject({
    orgId: IdSchema,
    from: IsoDateSchema,
    to: IsoDateSchema,
    status: Status.optional(),
    kind: Kind.optional(),
    subjectType: z.enum(['org', 'member'], { message: 'Đối tượng phải là «org» hoặc «member».' }).optional(),
    arising: Flag.optional(),
    violation: Flag.optional(),
    /** Every item concluded in [from, to], planned or not (the statistics' cells), instead of the plan items due in it. */
    concludedIn: Flag.optional(),
    ...PageQuery,
  })
  .refine((q) => q.from <= q.to, { message: 'Ngày bắt đầu phải trước ngày kết thúc.', path: ['from'] });
export type ItemListQuery = z.infer<typeof ItemListQuery>;

export const ItemListResponse = z.object({ total: z.number(), items: z.array(ItemView) });

// --- progress and coverage ------------------------------------------------------------------------------------------

/** A subtree and a period (both ends included); without a period, the year of `year` (default this year). */
export const PeriodQuery = z
  .strictObject({ orgId: IdSchema, from: IsoDateSchema.optional(), to: IsoDateSchema.optional(), year: YearParam.optional() })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'Cần cả ngày bắt đầu và ngày kết thúc.', path: ['from'] })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'Ngày bắt đầu phải trước ngày kết thúc.', path: ['from'] })
  .refine((q) => q.year === undefined || q.from === undefined, { message: 'Chọn một năm hoặc một kỳ, không cả hai.', path: ['year'] });
export type PeriodQuery = z.infer<typeof PeriodQuery>;

export const ProgressResponse = z.object({
  org: z.object({ id: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  /** The subtree: the organisation and every one below it. */
  total: Progress,
  /** The organisation's own plans. */
  own: Progress,
  /** Each organisation directly below, with its subtree. */
  children: z.array(z.object({ orgId: z.string(), name: z.string(), progress: Progress })),
});
export type ProgressResponse = z.infer<typeof ProgressResponse>;

export const COVERAGE_GROUPS = ['dang_uy', 'chi_bo'] as const;
export const COVERAGE_GROUP_LABELS: Record<(typeof COVERAGE_GROUPS)[number], string> = { dang_uy: 'Đảng ủy', chi_bo: 'Chi bộ' };
const Group = z.enum(COVERAGE_GROUPS, { message: 'Nhóm phải là «dang_uy» hoặc «chi_bo».' });

export const CoverageResponse = z.object({
  org: z.object({ id: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  groups: z.array(
    z.object({
      group: Group,
      label: z.string(),
      /** Subordinate organisations of the group on the period's last day. */
      total: z.number(),
      /** Carried out no inspection or supervision of their own (none concluded in the period). */
      withoutOwn: z.number(),
      /** Were the subject of none (none concluded in the period). */
      withoutSubject: z.number(),
    }),
  ),
});
export type CoverageResponse = z.infer<typeof CoverageResponse>;

export const CoverageListQuery = z
  .strictObject({
    orgId: IdSchema,
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    year: YearParam.optional(),
    group: Group,
    which: z.enum(['without_own', 'without_subject', 'all'], { message: 'Danh sách phải là «without_own», «without_subject» hoặc «all».' }),
    ...PageQuery,
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'Cần cả ngày bắt đầu và ngày kết thúc.', path: ['from'] })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'Ngày bắt đầu phải trước ngày kết thúc.', path: ['from'] });
export type CoverageListQuery = z.infer<typeof CoverageListQuery>;

export const CoverageListResponse = z.object({
  total: z.number(),
  items: z.array(z.object({ id: z.string(), name: z.string(), kindCode: z.string(), kindName: z.string(), own: z.number(), subjectOf: z.number() })),
});

// --- the disciplines behind the statistics -------------------------------------------------------------------------

export const DISCIPLINE_FIGURE_FORMS = ['reprimand', 'warning', 'removal', 'expulsion', 'dissolution'] as const;
export const DISCIPLINE_FIGURE_COMPLAINTS = ['received', 'decided', 'upheld', 'changed', 'revoked'] as const;

/**
 * `GET /api/inspection/disciplines`: the list behind a discipline figure of the `inspection-work` table: the party
 * decisions of `orgId`'s subtree decided in [from, to] (of a subject kind, a form), or with `complaint` the complaints
 * against them filed in the period (`received`), decided in it, or decided in it with that outcome. Sensitive.
 */
export const DisciplineFigureQuery = z
  .strictObject({
    orgId: IdSchema,
    from: IsoDateSchema,
    to: IsoDateSchema,
    subjectKind: z.enum(['member', 'org'], { message: 'Đối tượng phải là «member» hoặc «org».' }).optional(),
    form: z.enum(DISCIPLINE_FIGURE_FORMS, { message: 'Hình thức kỷ luật không hợp lệ.' }).optional(),
    complaint: z.enum(DISCIPLINE_FIGURE_COMPLAINTS, { message: 'Khiếu nại phải là «received», «decided», «upheld», «changed» hoặc «revoked».' }).optional(),
    ...PageQuery,
  })
  .refine((q) => q.from <= q.to, { message: 'Ngày bắt đầu phải trước ngày kết thúc.', path: ['from'] });
export type DisciplineFigureQuery = z.infer<typeof DisciplineFigureQuery>;

export const DisciplineFigureRow = z.object({
  decisionId: z.string(),
  subjectKind: z.enum(['member', 'org']),
  subjectName: z.string(),
  /** The subject's organisation (the one disciplined, or the member's at the decision), latest name. */
  orgName: z.string(),
  form: z.enum(DISCIPLINE_FIGURE_FORMS),
  decisionNo: z.string(),
  decidedOn: z.string(),
  decidingLabel: z.string(),
  complaint: z
    .object({ id: z.string(), filedOn: z.string(), outcome: z.enum(['upheld', 'changed', 'revoked']).nullable(), outcomeOn: z.string().nullable() })
    .nullable(),
});
export type DisciplineFigureRow = z.infer<typeof DisciplineFigureRow>;

export const DisciplineFigureResponse = z.object({ total: z.number(), items: z.array(DisciplineFigureRow) });

// --- cases ----------------------------------------------------------------------------------------------------------

const Document = z.strictObject({ title: TextSchema(500), number: TextSchema(100).optional(), date: IsoDateSchema.optional() });

export const CreateCaseBody = z
  .strictObject({
    orgId: IdSchema,
    body: Body,
    subjectMemberId: IdSchema.optional(),
    subjectOrgId: IdSchema.optional(),
    source: z.enum(CASE_SOURCES, { message: 'Nguồn phát hiện không hợp lệ.' }),
    summary: TextSchema(4000),
    receivedOn: IsoDateSchema.optional(),
    openedOn: IsoDateSchema,
    decisionNo: TextSchema(100).optional(),
    decidedOn: IsoDateSchema.optional(),
    documents: z.array(Document).max(50, { message: 'Tối đa 50 tài liệu.' }).optional(),
  })
  .refine((b) => (b.subjectOrgId === undefined) !== (b.subjectMemberId === undefined), {
    message: 'Đối tượng là một đảng viên («subjectMemberId») hoặc một tổ chức đảng («subjectOrgId»).',
    path: ['subjectMemberId'],
  })
  .refine((b) => b.receivedOn === undefined || b.receivedOn <= b.openedOn, { message: 'Ngày tiếp nhận phải trước ngày mở vụ việc.', path: ['receivedOn'] });
export type CreateCaseInput = z.infer<typeof CreateCaseBody>;

/** `PATCH /api/inspection/cases/:id`: the decision to inspect, the conclusion (closes the case), or dropping it. */
export const UpdateCaseBody = z
  .strictObject({
    decisionNo: TextSchema(100).optional(),
    decidedOn: IsoDateSchema.optional(),
    status: z.enum(['concluded', 'dropped'], { message: 'Trạng thái phải là «concluded» hoặc «dropped».' }).optional(),
    concludedOn: IsoDateSchema.optional(),
    conclusion: TextSchema(4000).optional(),
    violationFound: Bool.optional(),
    outcome: z.enum(CASE_OUTCOMES, { message: 'Kết quả không hợp lệ.' }).optional(),
    documents: z.array(Document).max(50, { message: 'Tối đa 50 tài liệu.' }).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Không có gì để cập nhật.', path: ['status'] });
export type UpdateCaseInput = z.infer<typeof UpdateCaseBody>;

export const CaseListQuery = z.strictObject({
  orgId: IdSchema,
  status: z.enum(CASE_STATUSES, { message: 'Trạng thái không hợp lệ.' }).optional(),
  ...PageQuery,
});

/** A case in a list: what it is about is not shown (sensitive); opening it is an audited reveal. */
export const CaseSummary = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  body: Body,
  subjectKind: z.enum(['member', 'org']),
  source: z.enum(CASE_SOURCES),
  openedOn: z.string(),
  status: z.enum(CASE_STATUSES),
  concludedOn: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;
export const CaseListResponse = z.object({ total: z.number(), items: z.array(CaseSummary) });

export const CaseDetail = CaseSummary.extend({
  subject: z.object({ kind: z.enum(['member', 'org']), id: z.string(), name: z.string() }),
  summary: z.string(),
  receivedOn: z.string().nullable(),
  decisionNo: z.string().nullable(),
  decidedOn: z.string().nullable(),
  conclusion: z.string().nullable(),
  violationFound: z.boolean().nullable(),
  outcome: z.enum(CASE_OUTCOMES).nullable(),
  documents: z.array(z.object({ title: z.string(), number: z.string().optional(), date: z.string().optional() })),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/** `GET /api/inspection/items/:id/document.docx?kind=`: the decision to carry it out (default), or the notice of its conclusion. */
export const ItemDocumentQuery = z.strictObject({
  kind: z.enum(['decision', 'conclusion'], { message: 'Văn bản phải là «decision» (quyết định) hoặc «conclusion» (thông báo kết luận).' }).default('decision'),
});
