/**
 * Discipline (issue 15 parts 4 and 5, domain.md §11): decisions against members and organisations, complaints
 * against them, deferrals of a member's discipline. The server refuses what the rules refuse (forms by membership
 * on the decision's date, the deciding organisation's competence, the time limit, the complaint window, deferral) with
 * the rule's Vietnamese words; dates after today are refused by the service (it knows the day).
 */
import { z } from 'zod';
import { normalizeText } from '../domain/text.ts';
import { IdSchema, IsoDateSchema, NUL_MESSAGE, PageQuery, TextSchema } from './common.ts';

const Opt = (max = 255) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), { message: NUL_MESSAGE })
    .transform((s) => normalizeText(s))
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();
const OptDate = IsoDateSchema.nullable().optional();

export const DISCIPLINE_FORM_CODES = ['reprimand', 'warning', 'removal', 'expulsion', 'dissolution'] as const;
export const DISCIPLINE_BODY_CODES = ['cell', 'committee', 'standing_committee', 'inspection_committee'] as const;
export const DEFERRAL_REASON_CODES = ['pregnant', 'nursing', 'hospital'] as const;
export const COMPLAINT_OUTCOME_CODES = ['upheld', 'changed', 'revoked'] as const;

const Form = z.enum(DISCIPLINE_FORM_CODES, { message: 'Hình thức kỷ luật không hợp lệ.' });
const Body = z.enum(DISCIPLINE_BODY_CODES, { message: 'Cơ quan quyết định không hợp lệ.' });

/** A new decision: against a member (`memberId`) or an organisation (`orgId`), exactly one. */
export const CreateDecisionBody = z
  .strictObject({
    memberId: IdSchema.optional(),
    orgId: IdSchema.optional(),
    form: Form,
    decidingOrgId: IdSchema,
    decidingBody: Body,
    decisionNo: TextSchema(100),
    decidedOn: IsoDateSchema,
    announcedOn: OptDate,
    violationOn: IsoDateSchema,
    /** The level of the violation (the time limit depends on it): a form; for organisations usually the form itself. */
    violationLevel: Form.optional(),
    reason: Opt(2000),
    caseId: IdSchema.nullable().optional(),
  })
  .refine((b) => (b.memberId ? 1 : 0) + (b.orgId ? 1 : 0) === 1, {
    message: 'Chọn đúng một đối tượng: một đảng viên hoặc một tổ chức đảng.',
    path: ['memberId'],
  });

export const RevokeDecisionBody = z.strictObject({
  revokedOn: IsoDateSchema,
  reason: TextSchema(2000),
});

export const CreateComplaintBody = z.strictObject({
  receivedOn: IsoDateSchema,
  filedOn: IsoDateSchema,
  content: Opt(4000),
});

export const ComplaintOutcomeBody = z.strictObject({
  outcome: z.enum(COMPLAINT_OUTCOME_CODES, { message: 'Kết quả giải quyết khiếu nại không hợp lệ.' }),
  outcomeOn: IsoDateSchema,
  note: Opt(2000),
});

export const CreateDeferralBody = z.strictObject({
  memberId: IdSchema,
  reason: z.enum(DEFERRAL_REASON_CODES, { message: 'Lý do tạm hoãn không hợp lệ.' }),
  fromOn: IsoDateSchema,
  /** Last day excluded; for `nursing` the server sets it to the child's first birthday from `fromOn` (the birth). */
  toOn: OptDate,
  note: Opt(1000),
});

export const DecisionListQuery = z.strictObject({
  /** The organisation whose subtree is listed (decisions about its members and its organisations). */
  orgId: IdSchema.optional(),
  memberId: IdSchema.optional(),
  /** Only those in force on this day. */
  inForceOn: IsoDateSchema.optional(),
  year: z.coerce.number().int().min(1930).max(2100).optional(),
  ...PageQuery,
});

export const DecisionIdParams = z.strictObject({ id: IdSchema });
export const ComplaintIdParams = z.strictObject({ id: IdSchema, complaintId: IdSchema });

const Complaint = z.object({
  id: z.string(),
  receivedOn: z.string(),
  filedOn: z.string(),
  deadlineOn: z.string(),
  content: z.string().nullable(),
  outcome: z.enum(COMPLAINT_OUTCOME_CODES).nullable(),
  outcomeOn: z.string().nullable(),
  outcomeNote: z.string().nullable(),
});

export const DecisionResponse = z.object({
  id: z.string(),
  subjectKind: z.enum(['member', 'org']),
  memberId: z.string().nullable(),
  orgId: z.string().nullable(),
  subjectName: z.string(),
  kind: z.enum(['party', 'state']),
  form: z.enum(DISCIPLINE_FORM_CODES),
  formName: z.string(),
  membership: z.enum(['probationary', 'official']).nullable(),
  decidingOrgId: z.string().nullable(),
  decidingBody: z.enum(DISCIPLINE_BODY_CODES).nullable(),
  decidingLabel: z.string(),
  decisionNo: z.string(),
  decidedOn: z.string(),
  announcedOn: z.string().nullable(),
  violationOn: z.string().nullable(),
  violationLevel: z.enum(DISCIPLINE_FORM_CODES).nullable(),
  reason: z.string().nullable(),
  caseId: z.string().nullable(),
  lapseBlocked: z.boolean(),
  lapseBlockedReason: z.enum(['new_violation', 'complaint']).nullable(),
  /** The first day it is no longer in force by itself; null when it never lapses. */
  lapsesOn: z.string().nullable(),
  revokedOn: z.string().nullable(),
  revokedReason: z.string().nullable(),
  /** In force today. */
  inForce: z.boolean(),
  complaints: z.array(Complaint),
});

export const DecisionListResponse = z.object({
  items: z.array(DecisionResponse),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const DeferralResponse = z.object({
  id: z.string(),
  memberId: z.string(),
  reason: z.enum(DEFERRAL_REASON_CODES),
  reasonName: z.string(),
  fromOn: z.string(),
  toOn: z.string().nullable(),
  note: z.string().nullable(),
});
export const DeferralListResponse = z.object({ items: z.array(DeferralResponse) });
export const DeferralListQuery = z.strictObject({ memberId: IdSchema });

export type DisciplineFormCode = (typeof DISCIPLINE_FORM_CODES)[number];
export type DisciplineBodyCode = (typeof DISCIPLINE_BODY_CODES)[number];
export type DeferralReasonCode = (typeof DEFERRAL_REASON_CODES)[number];
export type ComplaintOutcomeCode = (typeof COMPLAINT_OUTCOME_CODES)[number];
export type CreateDecisionBody = z.input<typeof CreateDecisionBody>;
export type CreateDecisionInput = z.infer<typeof CreateDecisionBody>;
export type CreateComplaintInput = z.infer<typeof CreateComplaintBody>;
export type ComplaintOutcomeInput = z.infer<typeof ComplaintOutcomeBody>;
export type CreateDeferralInput = z.infer<typeof CreateDeferralBody>;
export type RevokeDecisionInput = z.infer<typeof RevokeDecisionBody>;
export type DecisionListInput = z.infer<typeof DecisionListQuery>;
export type RevokeDecisionBody = z.input<typeof RevokeDecisionBody>;
export type CreateComplaintBody = z.input<typeof CreateComplaintBody>;
export type ComplaintOutcomeBody = z.input<typeof ComplaintOutcomeBody>;
export type CreateDeferralBody = z.input<typeof CreateDeferralBody>;
export type DecisionListQuery = Partial<z.input<typeof DecisionListQuery>>;
export type DisciplineDecisionView = z.infer<typeof DecisionResponse>;
export type DisciplineComplaintView = DisciplineDecisionView['complaints'][number];
export type DecisionList = z.infer<typeof DecisionListResponse>;
export type DeferralView = z.infer<typeof DeferralResponse>;
