/**
 * Committees per term and the congress round (issue 17 parts 4–5): an organisation's terms with the committee elected
 * at each congress and its dated changes, the committee on a date, the rounds of congresses with the organisations
 * due, their preparation checklists and the round's summary. The term targets (part 6) have their own file.
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates.ts';
import { CHECKLIST_GROUPS, COMMITTEE_BODIES, COMMITTEE_POSTS, SEAT_END_REASONS, SEAT_HOWS } from '../domain/congress.ts';
import { normalizeText } from '../domain/text.ts';
import { IdSchema, IsoDateSchema, TextSchema } from './common.ts';

const Opt = (max = 255) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), { message: 'Không được chứa ký tự NUL (U+0000).' })
    .transform((s) => normalizeText(s))
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();

/** A date a record bears: a real day, not after 2035 (the working-day calendar's last year). */
export const CongressDate = IsoDateSchema.refine((d) => !isIsoDate(d) || d <= '2035-12-31', {
  message: 'Ngày không hợp lệ: quá xa trong tương lai (sau năm 2035).',
});
const Year = z
  .number({ message: 'Năm phải là số.' })
  .int({ message: 'Năm phải là số nguyên.' })
  .min(1930, { message: 'Năm không hợp lệ.' })
  .max(2040, { message: 'Năm không hợp lệ.' });

export const CommitteeBodySchema = z.enum(COMMITTEE_BODIES, { message: 'Cơ quan không hợp lệ (cấp ủy hoặc ủy ban kiểm tra).' });
export const CommitteePostSchema = z.enum(COMMITTEE_POSTS, { message: 'Chức vụ không hợp lệ.' });

/** A person on a committee: a member of the records (by id) or, for one outside them, a name. */
const Person = {
  memberId: IdSchema.nullable().optional(),
  fullName: Opt(255),
};

export const ElectedSeat = z
  .strictObject({ ...Person, body: CommitteeBodySchema, post: CommitteePostSchema })
  .refine((s) => s.memberId != null || s.fullName != null, { message: 'Chọn đảng viên hoặc nhập họ tên.', path: ['memberId'] });

export const CreateTermBody = z
  .strictObject({
    orgId: IdSchema,
    fromYear: Year,
    toYear: Year,
    congressOn: CongressDate,
    decisionNo: Opt(100),
    decisionOn: CongressDate.nullable().optional(),
    note: Opt(2000),
    /** The committee and the inspection committee elected at the congress. */
    seats: z.array(ElectedSeat).max(200).default([]),
  })
  .refine((b) => b.fromYear <= b.toYear, { message: 'Năm bắt đầu nhiệm kỳ phải trước năm kết thúc.', path: ['toYear'] });
export type CreateTermBody = z.input<typeof CreateTermBody>;

export const TermListQuery = z.strictObject({ orgId: IdSchema });
export type TermListQuery = z.infer<typeof TermListQuery>;

export const CommitteeQuery = z.strictObject({ asOf: CongressDate.optional() });
export type CommitteeQuery = z.infer<typeof CommitteeQuery>;

/** A change during the term: someone elected or appointed additionally, or a change of post (from a date). */
export const AddSeatBody = z
  .strictObject({
    ...Person,
    body: CommitteeBodySchema,
    post: CommitteePostSchema,
    fromOn: CongressDate,
    how: z.enum(SEAT_HOWS, { message: 'Hình thức không hợp lệ.' }),
    decisionNo: Opt(100),
  })
  .refine((s) => s.memberId != null || s.fullName != null, { message: 'Chọn đảng viên hoặc nhập họ tên.', path: ['memberId'] });
export type AddSeatBody = z.input<typeof AddSeatBody>;

/** A seat ends: resigned, moved, disciplined, deceased, a change of post. */
export const EndSeatBody = z.strictObject({
  endedOn: CongressDate,
  reason: z.enum(SEAT_END_REASONS, { message: 'Lý do không hợp lệ.' }),
  decisionNo: Opt(100),
  note: Opt(1000),
});
export type EndSeatBody = z.input<typeof EndSeatBody>;

export const TermSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  fromYear: z.number(),
  toYear: z.number(),
  label: z.string(),
  congressOn: z.string(),
  decisionNo: z.string().nullable(),
  decisionOn: z.string().nullable(),
  note: z.string().nullable(),
  /** The next congress is due on this day (the rule set in force on the congress date). */
  nextDueOn: z.string(),
  canEdit: z.boolean(),
});
export type Term = z.infer<typeof TermSchema>;

export const TermListResponse = z.object({
  orgId: z.string(),
  orgName: z.string(),
  canEdit: z.boolean(),
  items: z.array(TermSchema),
});
export type TermListResponse = z.infer<typeof TermListResponse>;

export const SeatSchema = z.object({
  id: z.string(),
  memberId: z.string().nullable(),
  fullName: z.string(),
  body: CommitteeBodySchema,
  bodyLabel: z.string(),
  post: CommitteePostSchema,
  postLabel: z.string(),
  fromOn: z.string(),
  how: z.enum(SEAT_HOWS),
  howLabel: z.string(),
  decisionNo: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.enum(SEAT_END_REASONS).nullable(),
  endReasonLabel: z.string().nullable(),
  endDecisionNo: z.string().nullable(),
  endNote: z.string().nullable(),
  /** Where the member's roll is on the date, when not on this organisation's subtree (temporarily away keeps the seat). */
  rollNote: z.string().nullable(),
});
export type Seat = z.infer<typeof SeatSchema>;

export const CommitteeResponse = z.object({
  term: TermSchema,
  asOf: z.string(),
  /** The organisation's name on the date. */
  orgNameOn: z.string(),
  /** The seats in force on the date, senior first. */
  seats: z.array(SeatSchema),
  /** Every seat of the term, with its dates (the changes during the term). */
  history: z.array(SeatSchema),
  officialMembers: z.number(),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type CommitteeResponse = z.infer<typeof CommitteeResponse>;

export const ChecklistItemSchema = z.strictObject({
  key: z
    .string()
    .min(1)
    .max(50)
    .regex(/^[a-z0-9_]+$/, { message: 'Mã mục chỉ gồm chữ thường không dấu, số và dấu gạch dưới.' }),
  label: TextSchema(255),
  group: z.enum(CHECKLIST_GROUPS, { message: 'Nhóm không hợp lệ.' }),
});

export const CreateRoundBody = z
  .strictObject({
    orgId: IdSchema,
    title: TextSchema(255),
    fromOn: CongressDate,
    toOn: CongressDate,
    checklist: z.array(ChecklistItemSchema).min(1).max(30).optional(),
  })
  .refine((b) => b.fromOn <= b.toOn, { message: 'Ngày bắt đầu phải trước ngày kết thúc.', path: ['toOn'] });
export type CreateRoundBody = z.input<typeof CreateRoundBody>;

export const RoundQuery = z.strictObject({
  asOf: CongressDate.optional(),
  /** The subtree the summary and the list cover (the round's organisation when absent). */
  underOrgId: IdSchema.optional(),
  /** Drill-down: the organisations due that held their congress, or those that have not yet. */
  state: z.enum(['all', 'held', 'pending'], { message: 'Trạng thái không hợp lệ.' }).default('all'),
  grassrootsOnly: z.enum(['true', 'false'], { message: 'Giá trị không hợp lệ.' }).optional(),
});
export type RoundQuery = z.input<typeof RoundQuery>;

export const PrepBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        key: z.string().min(1).max(50),
        plannedOn: CongressDate.nullable().optional(),
        doneOn: CongressDate.nullable().optional(),
        note: Opt(1000),
      }),
    )
    .min(1)
    .max(30),
});
export type PrepBody = z.input<typeof PrepBody>;

export const RoundHeadSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  fromOn: z.string(),
  toOn: z.string(),
  checklist: z.array(z.object({ key: z.string(), label: z.string(), group: z.enum(CHECKLIST_GROUPS), groupLabel: z.string() })),
  canEdit: z.boolean(),
});
export type RoundHead = z.infer<typeof RoundHeadSchema>;

export const RoundListResponse = z.object({ items: z.array(RoundHeadSchema) });

export const DueOrgSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  kindName: z.string(),
  grassroots: z.boolean(),
  lastCongressOn: z.string(),
  dueOn: z.string(),
  /** The congress of the new term, when recorded by the date. */
  heldOn: z.string().nullable(),
  done: z.number(),
  total: z.number(),
});
export type DueOrg = z.infer<typeof DueOrgSchema>;

export const RoundSummarySchema = z.object({
  asOf: z.string(),
  /** Grassroots organisations (TCCSĐ) due in the window, and those that held their congress by the date. */
  grassrootsDue: z.number(),
  grassrootsHeld: z.number(),
  due: z.number(),
  held: z.number(),
  /** Organisations of the subtree with no term recorded (their due date is unknown). */
  withoutTerm: z.number(),
  /** "Đã tổ chức đại hội 51.985/52.105 TCCSĐ (99,77%)". */
  text: z.string(),
});
export type RoundSummary = z.infer<typeof RoundSummarySchema>;

export const RoundResponse = z.object({
  round: RoundHeadSchema,
  underOrgId: z.string(),
  underOrgName: z.string(),
  summary: RoundSummarySchema,
  items: z.array(DueOrgSchema),
});
export type RoundResponse = z.infer<typeof RoundResponse>;

export const PrepResponse = z.object({
  round: RoundHeadSchema,
  orgId: z.string(),
  orgName: z.string(),
  canEdit: z.boolean(),
  items: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      group: z.enum(CHECKLIST_GROUPS),
      groupLabel: z.string(),
      plannedOn: z.string().nullable(),
      doneOn: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  done: z.number(),
  total: z.number(),
});
export type PrepResponse = z.infer<typeof PrepResponse>;

export const RoundParams = z.strictObject({ id: IdSchema, orgId: IdSchema });
