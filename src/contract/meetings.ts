/**
 * Cell meetings (issue 16, domain.md §9): the calendar of an organisation, a meeting with its documents, attendance,
 * minutes, resolution and follow-up tasks, the warnings of the rules in force on its date. Times of day travel as
 * 'HH:MM'; dates as 'YYYY-MM-DD'.
 */
import { z } from 'zod';
import { ATTENDANCE_MARKS, MEETING_BODIES, MEETING_KINDS, MEETING_STATUSES, parseTimeOfDay } from '../domain/meetings.ts';
import { normalizeText } from '../domain/text.ts';
import { IdSchema, IsoDateSchema, NUL_MESSAGE, TextSchema } from './common.ts';

/** Optional free text: trimmed, '' becomes null. */
const Opt = (max = 255) =>
  z
    .string()
    .max(max, { message: `Tối đa ${max} ký tự.` })
    .refine((s) => !s.includes('\u0000'), { message: NUL_MESSAGE })
    .transform((s) => normalizeText(s))
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();

const TimeSchema = z
  .string()
  .max(5)
  .refine((s) => parseTimeOfDay(s, true) !== null, { message: 'Giờ không hợp lệ (định dạng HH:MM, ví dụ 07:30).' });

export const MeetingKindSchema = z.enum(MEETING_KINDS, { message: 'Loại sinh hoạt không hợp lệ.' });
export const AttendanceMarkSchema = z.enum(ATTENDANCE_MARKS, { message: 'Tình trạng dự họp không hợp lệ (có mặt, vắng có lý do, vắng không lý do).' });

/** The calendar of one organisation between two dates (default: the current year). */
export const MeetingListQuery = z.strictObject({
  orgId: IdSchema,
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});

const MeetingFields = {
  kind: MeetingKindSchema,
  plannedOn: IsoDateSchema,
  place: Opt(255),
  topic: Opt(500),
  startTime: TimeSchema.nullable().optional(),
  endTime: TimeSchema.nullable().optional(),
  presidedBy: Opt(255),
  minutesBy: Opt(255),
  superiorRepName: Opt(255),
  superiorInvited: z.boolean().optional(),
};

/** Schedule a meeting of a cell (body 'cell') or of its committee ('committee'). */
export const CreateMeetingBody = z.strictObject({
  orgId: IdSchema,
  body: z.enum(MEETING_BODIES, { message: 'Cuộc họp của chi bộ hoặc của cấp ủy.' }).optional(),
  ...MeetingFields,
});
export type CreateMeetingInput = z.infer<typeof CreateMeetingBody>;

/** Change what was planned, or record the meeting as held (heldOn) with its times, minutes and resolution. */
export const UpdateMeetingBody = z
  .strictObject({
    kind: MeetingKindSchema.optional(),
    plannedOn: IsoDateSchema.optional(),
    place: MeetingFields.place,
    topic: MeetingFields.topic,
    startTime: MeetingFields.startTime,
    endTime: MeetingFields.endTime,
    presidedBy: MeetingFields.presidedBy,
    minutesBy: MeetingFields.minutesBy,
    superiorRepName: MeetingFields.superiorRepName,
    superiorInvited: z.boolean().optional(),
    superiorPresent: z.boolean().optional(),
    status: z.enum(MEETING_STATUSES, { message: 'Trạng thái không hợp lệ.' }).optional(),
    heldOn: IsoDateSchema.nullable().optional(),
    minutesText: Opt(50000),
    resolutionNo: Opt(100),
    resolutionOn: IsoDateSchema.nullable().optional(),
    resolutionText: Opt(50000),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Không có gì để cập nhật.', path: ['kind'] });
export type UpdateMeetingInput = z.infer<typeof UpdateMeetingBody>;

/** One exception to "everyone present": excused with the reason, or absent without reason. */
export const AttendanceException = z.strictObject({
  memberId: IdSchema,
  attendance: AttendanceMarkSchema,
  reason: Opt(500),
});

/** The attendance of a held meeting: everyone on the roll present unless listed (or excused by default: see the roll). */
export const AttendanceBody = z.strictObject({
  exceptions: z.array(AttendanceException).max(2000, { message: 'Tối đa 2.000 đảng viên.' }),
});
export type AttendanceInput = z.infer<typeof AttendanceBody>;

/** A material for the members registered by its title (the file, when there is one, uploaded after). */
export const DocumentBody = z.strictObject({
  title: TextSchema(255),
  role: z.enum(['material', 'minutes', 'resolution'], { message: 'Loại tài liệu không hợp lệ.' }).optional(),
  /** Already sent to the members at this time. */
  sentAt: z.iso.datetime({ offset: true, message: 'Thời điểm không hợp lệ (ISO 8601).' }).nullable().optional(),
});
export type DocumentInput = z.infer<typeof DocumentBody>;

/**
 * The text fields sent with a meeting's file (multipart/form-data, the file in «file»): a new document (its role,
 * default a material for the members, and its title, default the role's name or the file's name), or the file of a
 * document already registered by its title (documentId).
 */
export const MeetingFileFields = z.strictObject({
  role: z.enum(['material', 'minutes', 'resolution'], { message: 'Loại tài liệu: material, minutes hoặc resolution.' }).optional(),
  title: TextSchema(255).optional(),
  documentId: IdSchema.optional(),
});
export type MeetingFileFieldsInput = z.infer<typeof MeetingFileFields>;

export const DocumentSendBody = z.strictObject({
  /** When the documents reached the members (default now). */
  sentAt: z.iso.datetime({ offset: true, message: 'Thời điểm không hợp lệ (ISO 8601).' }).optional(),
});

export const TaskBody = z.strictObject({
  content: TextSchema(2000),
  ownerMemberId: IdSchema.nullable().optional(),
  ownerName: Opt(255),
  dueOn: IsoDateSchema.nullable().optional(),
});
export type TaskInput = z.infer<typeof TaskBody>;

/** The outcome of a task, recorded at a later meeting (reviewedMeetingId) or any time. */
export const TaskUpdateBody = z
  .strictObject({
    content: TextSchema(2000).optional(),
    ownerMemberId: IdSchema.nullable().optional(),
    ownerName: Opt(255),
    dueOn: IsoDateSchema.nullable().optional(),
    outcome: Opt(2000),
    doneOn: IsoDateSchema.nullable().optional(),
    reviewedMeetingId: IdSchema.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Không có gì để cập nhật.', path: ['content'] });
export type TaskUpdateInput = z.infer<typeof TaskUpdateBody>;

export const MeetingParams = z.strictObject({ id: IdSchema });
export const TaskParams = z.strictObject({ id: IdSchema });
export const MeetingDocumentParams = z.strictObject({ id: IdSchema, documentId: IdSchema });
export const MeetingDocxQuery = z.strictObject({
  kind: z.enum(['minutes', 'resolution', 'attendance-sheet'], { message: 'Loại văn bản: minutes, resolution hoặc attendance-sheet.' }).default('minutes'),
});

// ---------------------------------------------------------------------------------------------------------------
// Responses

const Warning = z.object({ code: z.string(), message: z.string() });

export const MeetingSummarySchema = z.object({
  id: z.string(),
  orgId: z.string(),
  body: z.enum(MEETING_BODIES),
  kind: MeetingKindSchema,
  status: z.enum(MEETING_STATUSES),
  plannedOn: z.string(),
  heldOn: z.string().nullable(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  topic: z.string().nullable(),
  rollCount: z.number(),
  presentCount: z.number(),
  excusedCount: z.number(),
  absentCount: z.number(),
  attendanceRecorded: z.boolean(),
  warnings: z.array(Warning),
});
export type MeetingSummary = z.infer<typeof MeetingSummarySchema>;

export const MeetingListResponse = z.object({
  orgId: z.string(),
  orgName: z.string(),
  from: z.string(),
  to: z.string(),
  items: z.array(MeetingSummarySchema),
  canEdit: z.boolean(),
});
export type MeetingList = z.infer<typeof MeetingListResponse>;

export const AttendanceRowSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  official: z.boolean(),
  status: z.string(),
  hosted: z.boolean(),
  attendance: AttendanceMarkSchema,
  reason: z.string().nullable(),
  countsForQuorum: z.boolean(),
});
export type AttendanceRow = z.infer<typeof AttendanceRowSchema>;

export const QuorumSchema = z.object({
  roll: z.number(),
  present: z.number(),
  excused: z.number(),
  absent: z.number(),
  denominator: z.number(),
  presentCounted: z.number(),
  quorate: z.boolean(),
  majorityNeeds: z.number(),
});

export const MeetingDocumentSchema = z.object({
  id: z.string(),
  role: z.enum(['material', 'minutes', 'resolution']),
  title: z.string(),
  fileName: z.string().nullable(),
  mime: z.string().nullable(),
  size: z.number().nullable(),
  sentAt: z.string().nullable(),
  uploadedAt: z.string(),
});

export const MeetingTaskSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  meetingDate: z.string(),
  seq: z.number(),
  content: z.string(),
  ownerMemberId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.string().nullable(),
  outcome: z.string().nullable(),
  doneOn: z.string().nullable(),
  reviewedMeetingId: z.string().nullable(),
});
export type MeetingTask = z.infer<typeof MeetingTaskSchema>;

export const MeetingDetailSchema = MeetingSummarySchema.extend({
  orgName: z.string(),
  place: z.string().nullable(),
  presidedBy: z.string().nullable(),
  minutesBy: z.string().nullable(),
  superiorRepName: z.string().nullable(),
  superiorInvited: z.boolean(),
  superiorPresent: z.boolean(),
  minutesText: z.string().nullable(),
  resolutionNo: z.string().nullable(),
  resolutionOn: z.string().nullable(),
  resolutionText: z.string().nullable(),
  /** The rule-set version in force on the meeting's date and its figures for meetings. */
  ruleSetId: z.string(),
  rules: z.object({ minMinutes: z.number(), minMinutesCombined: z.number(), documentsDaysBefore: z.number(), superiorInvited: z.number() }),
  /** The recorded attendance, or before it is recorded the roll of the date with each member's default mark. */
  attendance: z.array(AttendanceRowSchema),
  quorum: QuorumSchema,
  documents: z.array(MeetingDocumentSchema),
  /** This meeting's tasks. */
  tasks: z.array(MeetingTaskSchema),
  /** Open tasks of the organisation's earlier meetings: the agenda carried to this one. */
  carriedTasks: z.array(MeetingTaskSchema),
  canEdit: z.boolean(),
});
export type MeetingDetail = z.infer<typeof MeetingDetailSchema>;

/** One row of an imported attendance sheet as the preview shows it. */
export const AttendancePreviewRow = z.object({
  row: z.number(),
  name: z.string(),
  memberId: z.string().nullable(),
  attendance: AttendanceMarkSchema.nullable(),
  reason: z.string().nullable(),
  errors: z.array(z.string()),
});

export const AttendancePreviewResponse = z.object({
  rows: z.array(AttendancePreviewRow),
  /** Members on the roll the sheet does not name (they keep their default mark). */
  missing: z.array(z.object({ memberId: z.string(), name: z.string() })),
  /** The exceptions to send to PUT …/attendance when the preview is accepted. */
  exceptions: z.array(z.object({ memberId: z.string(), attendance: AttendanceMarkSchema, reason: z.string().nullable() })),
  errorCount: z.number(),
});
export type AttendancePreview = z.infer<typeof AttendancePreviewResponse>;

export const MeetingIdResponse = z.object({ id: z.string() });
export const TaskResponse = MeetingTaskSchema;
