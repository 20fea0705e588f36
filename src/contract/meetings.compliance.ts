/**
 * The committees' side of the cells' meetings (issue 16 parts 4, 5, 7): the compliance of a subtree over a period with
 * its drill-down and export, the absence alert of the work queue (dismiss with a reason, or record the striking-off),
 * and a member's own view (his cell's meetings, the documents sent, his own attendance).
 */
import { z } from 'zod';
import { normalizeText } from '../domain/text.ts';
import { ATTENDANCE_MARKS, MEETING_KINDS } from '../domain/meetings.ts';
import { IdSchema, IsoDateSchema, NUL_MESSAGE } from './common.ts';

/** A subtree (any organisation in the caller's scope) and a period, both ends included, at most 5 years. */
export const ComplianceQuery = z
  .strictObject({ orgId: IdSchema, from: IsoDateSchema, to: IsoDateSchema })
  .refine((q) => q.from <= q.to, { message: 'Ngày bắt đầu phải trước ngày kết thúc.', path: ['from'] });
export type ComplianceQuery = z.infer<typeof ComplianceQuery>;

const Totals = z.object({
  cells: z.number(),
  cellsMissingRegular: z.number(),
  cellsMissingTopical: z.number(),
  monthsOwed: z.number(),
  monthsMissing: z.number(),
  quartersOwed: z.number(),
  quartersMissing: z.number(),
  meetings: z.number(),
  short: z.number(),
  docsLate: z.number(),
  noRepresentative: z.number(),
  present: z.number(),
  roll: z.number(),
  /** % with 2 decimals; null without a roll. */
  attendanceRate: z.number().nullable(),
});

export const ComplianceCellSchema = z.object({
  orgId: z.string(),
  name: z.string(),
  /** 'YYYY-MM' months owed a regular meeting and those without one; 'YYYY-Qn' quarters likewise for the topical one. */
  monthsOwed: z.array(z.string()),
  monthsMissing: z.array(z.string()),
  quartersOwed: z.array(z.string()),
  quartersMissing: z.array(z.string()),
  meetings: z.number(),
  short: z.number(),
  docsLate: z.number(),
  noRepresentative: z.number(),
  present: z.number(),
  roll: z.number(),
  attendanceRate: z.number().nullable(),
});
export type ComplianceCell = z.infer<typeof ComplianceCellSchema>;

export const ComplianceResponse = z.object({
  org: z.object({ id: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  totals: Totals,
  cells: z.array(ComplianceCellSchema),
});
export type ComplianceAnswer = z.infer<typeof ComplianceResponse>;

export const COMPLIANCE_CHECKS = ['short', 'docs-late', 'no-representative', 'all'] as const;

/** The meetings behind a count: those failing a check (or all held ones) of the subtree and period. */
export const ComplianceMeetingsQuery = z.strictObject({
  orgId: IdSchema,
  from: IsoDateSchema,
  to: IsoDateSchema,
  check: z.enum(COMPLIANCE_CHECKS, { message: 'Tiêu chí không hợp lệ (short, docs-late, no-representative, all).' }).default('all'),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ComplianceMeetingsQuery = z.input<typeof ComplianceMeetingsQuery>;
export type ComplianceMeetingsParsed = z.infer<typeof ComplianceMeetingsQuery>;

export const ComplianceMeetingsResponse = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      orgId: z.string(),
      orgName: z.string(),
      kind: z.enum(MEETING_KINDS),
      heldOn: z.string(),
      minutes: z.number().nullable(),
      topic: z.string().nullable(),
      short: z.boolean(),
      docsLate: z.boolean(),
      noRepresentative: z.boolean(),
      present: z.number(),
      roll: z.number(),
    }),
  ),
});
export type ComplianceMeetings = z.infer<typeof ComplianceMeetingsResponse>;

// --- the absence alert ------------------------------------------------------------------------------------------------

export const ABSENCE_SOURCES = ['meetings', 'dues'] as const;
export const AbsenceSourceSchema = z.enum(ABSENCE_SOURCES, { message: 'Nguồn cảnh báo không hợp lệ.' });

/** The alerts of a calendar year (default: the current one). */
export const AbsenceAlertsQuery = z.strictObject({
  year: z
    .string()
    .regex(/^\d{4}$/, { message: 'Năm phải gồm 4 chữ số, ví dụ 2025.' })
    .transform(Number)
    .optional(),
});

export const AbsenceAlertSchema = z.object({
  memberId: z.string(),
  fullName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number(),
  source: z.enum(ABSENCE_SOURCES),
  /** What the alert proposes and why, as the queue shows it. */
  label: z.string(),
  threshold: z.number(),
  months: z.array(z.object({ month: z.string(), missed: z.array(z.object({ id: z.string(), date: z.string(), label: z.string() })) })),
});
export type AbsenceAlert = z.infer<typeof AbsenceAlertSchema>;
export const AbsenceAlertsResponse = z.object({ year: z.number(), items: z.array(AbsenceAlertSchema) });
export type AbsenceAlerts = z.infer<typeof AbsenceAlertsResponse>;

const Reason = z
  .string()
  .max(1000, { message: 'Tối đa 1000 ký tự.' })
  .refine((s) => !s.includes('\u0000'), { message: NUL_MESSAGE })
  .transform((s) => normalizeText(s))
  .pipe(z.string().min(1, { message: 'Cần ghi lý do không đề nghị xóa tên.' }));

/** Dismiss an alert: the member, the year, the source and the reason (required, kept and audited). */
export const DismissAlertBody = z.strictObject({
  memberId: IdSchema,
  year: z.number().int().min(1930, { message: 'Năm không hợp lệ.' }).max(2200, { message: 'Năm không hợp lệ.' }),
  source: AbsenceSourceSchema,
  reason: Reason,
});
export type DismissAlertInput = z.infer<typeof DismissAlertBody>;

/** Record the striking-off the alert proposed, through the members module's event (kind `struck_off`). */
export const StrikeOffBody = z.strictObject({
  memberId: IdSchema,
  date: IsoDateSchema,
  decisionNo: z.string().max(100).transform(normalizeText).nullable().optional(),
  decisionDate: IsoDateSchema.nullable().optional(),
  note: z
    .string()
    .max(1000)
    .refine((s) => !s.includes('\u0000'), { message: NUL_MESSAGE })
    .nullable()
    .optional(),
});
export type StrikeOffInput = z.infer<typeof StrikeOffBody>;
export const OkResponse = z.object({ ok: z.literal(true) });

// --- the member's own view -------------------------------------------------------------------------------------------

/** A member's own view: a year (default: the current one). */
export const MyMeetingsQuery = AbsenceAlertsQuery;

export const MyMeetingsResponse = z.object({
  member: z.object({ id: z.string(), fullName: z.string(), orgId: z.string().nullable(), orgName: z.string().nullable() }),
  year: z.number(),
  meetings: z.array(
    z.object({
      id: z.string(),
      orgName: z.string(),
      kind: z.enum(MEETING_KINDS),
      status: z.string(),
      plannedOn: z.string(),
      heldOn: z.string().nullable(),
      topic: z.string().nullable(),
      place: z.string().nullable(),
      startMinute: z.number().nullable(),
      endMinute: z.number().nullable(),
      /** The materials sent to the members (title and when; fileName when a file was uploaded, to download). */
      documents: z.array(z.object({ id: z.string(), title: z.string(), sentAt: z.string(), fileName: z.string().nullable() })),
      /** His own attendance, null when not recorded (or not on the roll). */
      attendance: z.enum(ATTENDANCE_MARKS).nullable(),
      reason: z.string().nullable(),
    }),
  ),
  /** His own attendance over the year. */
  summary: z.object({ present: z.number(), excused: z.number(), absent: z.number() }),
});
export type MyMeetings = z.infer<typeof MyMeetingsResponse>;

/** A material of a meeting the member sees, to download. */
export const MyDocumentParams = z.strictObject({ documentId: IdSchema });

/** A member account: an existing user linked to a member record in the caller's scope (role `member`). */
export const MemberAccessBody = z.strictObject({ userId: IdSchema, memberId: IdSchema });
