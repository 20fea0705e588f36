/**
 * The member file's fields (domain.md §4), grouped as on the official member sheet (form 2-HSĐV). Identifiers are
 * text: leading zeros matter. Every text is trimmed and stored NFC.
 */
import { z } from 'zod';
import { IdSchema, IsoDateSchema, PageQuery } from './common.ts';
import { normalizeText } from '../domain/text.ts';
import { isIsoDate } from '../domain/dates.ts';

/** Optional text: empty becomes null, so a cleared field is cleared, never stored as ''. */
const Opt = (max = 255) =>
  z
    .string()
    .max(max)
    .transform((s) => normalizeText(s))
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();
const OptDate = IsoDateSchema.nullable().optional();

export const CccdSchema = z
  .string()
  .regex(/^\d{12}$/, { message: 'Số CCCD phải gồm đúng 12 chữ số.' })
  .nullable()
  .optional();

export const MemberFields = {
  // Identity
  fullName: z
    .string()
    .max(150)
    .transform(normalizeText)
    .pipe(z.string().min(2, { message: 'Họ và tên cần ít nhất 2 ký tự.' })),
  gender: z.enum(['nam', 'nu']),
  birthDate: OptDate,
  birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  birthName: Opt(150),
  alias: Opt(150),
  cccd: CccdSchema,
  sheetNo: Opt(50),
  cardNo: Opt(50),
  cardIssuedOn: OptDate,
  nationalDbId: Opt(50),
  // Personal
  birthplace: Opt(),
  hometown: Opt(),
  permanentAddress: Opt(),
  currentAddress: Opt(),
  ethnicity: Opt(50),
  religion: Opt(50),
  familyBackground: Opt(100),
  phone: z.preprocess(
    (v) => (v === '' ? null : v),
    z
      .string()
      .regex(/^[0-9+ .()-]{6,20}$/, { message: 'Số điện thoại không hợp lệ.' })
      .nullable()
      .optional(),
  ),
  email: z.preprocess((v) => (v === '' ? null : v), z.email({ message: 'Thư điện tử không hợp lệ.' }).max(150).nullable().optional()),
  // Work and qualifications
  occupation: Opt(50),
  workplace: Opt(),
  position: Opt(),
  generalEducation: Opt(50),
  professionalLevel: Opt(50),
  professionalField: Opt(),
  academicDegree: Opt(100),
  academicTitle: Opt(100),
  theoryLevel: Opt(50),
  stateManagement: Opt(50),
  languages: Opt(),
  itLevel: Opt(100),
  // Party
  ceremonyOn: OptDate,
  admissionPlace: Opt(),
  introducer1: Opt(150),
  introducer2: Opt(150),
  youthUnionOn: OptDate,
  residenceOrgId: IdSchema.nullable().optional(),
};

/** A member recorded after the fact: the file plus the admission (and official recognition, if any). */
export const CreateMemberBody = z.strictObject({
  ...MemberFields,
  orgId: IdSchema,
  admittedOn: IsoDateSchema,
  officialOn: OptDate,
});

const { fullName, gender, ...rest } = MemberFields;
export const UpdateMemberBody = z
  .strictObject({ fullName: fullName.optional(), gender: gender.optional(), ...rest })
  .refine((b) => Object.keys(b).length > 0, { message: 'Không có gì để cập nhật.', path: ['fullName'] });

/** Whole years in a query string: 0–150, digits only (a negative or a fraction is refused). */
const Years = (what: string) =>
  z
    .string()
    .regex(/^\d{1,3}$/, { message: `${what} phải là số năm tròn, không âm (ví dụ 30).` })
    .transform(Number)
    .pipe(z.number().max(150, { message: `${what} không được quá 150 năm.` }))
    .optional();

/** A date of the drill-down filters: YYYY-MM-DD, a real day (the service refuses a day after today). */
const DrillDate = (what: string) =>
  z
    .string()
    .max(10)
    .refine(isIsoDate, { message: `${what} không hợp lệ (định dạng YYYY-MM-DD, ví dụ 2025-12-31).` })
    .optional();

/** The changes of a period a report cell links to (the member list's `change`). */
export const MEMBER_CHANGE_KINDS = [
  'admitted',
  'readmitted',
  'recognized_official',
  'transferred_in',
  'transferred_out',
  'moved_in',
  'deceased',
  'struck_off',
  'allowed_to_leave',
  'expelled',
  'disciplined',
] as const;

/**
 * The report drill-down's filters (issue 14): `asOf` the members on a roll on that date within `orgId`'s subtree on
 * the tree of that date (ages, party ages and membership then read that date); `membership`; `ethnicityGroup`;
 * `religion=any` (has a religion); `badge` (holds that badge by the date); `change` with `changeFrom`/`changeTo`
 * (members with that change in the period, as seen from `orgId`'s subtree on the date of each event) and, for
 * `disciplined`, `disciplineForm`; `youthUnion=true` (was a Youth Union member when admitted).
 */
const DrillDownQuery = {
  asOf: DrillDate('Ngày thống kê'),
  membership: z.enum(['probationary', 'official'], { message: 'Loại đảng viên phải là «probationary» (dự bị) hoặc «official» (chính thức).' }).optional(),
  ethnicityGroup: z.enum(['kinh', 'minority'], { message: 'Nhóm dân tộc phải là «kinh» hoặc «minority» (dân tộc thiểu số).' }).optional(),
  badge: z
    .enum(['30', '40', '45', '50', '55', '60', '65', '70', '75', '80', '85', '90'], { message: 'Huy hiệu phải là một mốc tuổi đảng: 30, 40, 45, 50, …, 90.' })
    .transform(Number)
    .optional(),
  change: z.enum(MEMBER_CHANGE_KINDS, { message: 'Loại biến động không có trong danh mục.' }).optional(),
  changeFrom: DrillDate('Ngày đầu kỳ'),
  changeTo: DrillDate('Ngày cuối kỳ'),
  disciplineForm: z
    .enum(['reprimand', 'warning', 'removal', 'expulsion'], { message: 'Hình thức kỷ luật phải là reprimand, warning, removal hoặc expulsion.' })
    .optional(),
  youthUnion: z
    .enum(['true', 'false'], { message: 'Giá trị phải là «true» hoặc «false».' })
    .transform((v) => v === 'true')
    .optional(),
};

/**
 * The list's filters (members.filters.ts checks the codes and the bands). Catalogue filters take catalogue codes, or
 * `none` for the members whose file does not say (a report's «Chưa rõ» row);
 * ages are full years on today (on `asOf` when given); `badgeDue` is `next` or an anniversary date (YYYY-MM-DD).
 */
export const MemberListQuery = z.strictObject({
  q: z.string().max(100).optional(),
  orgId: IdSchema.optional(),
  status: z.string().max(30).optional(),
  gender: z.enum(['nam', 'nu']).optional(),
  ethnicity: z.string().max(50).optional(),
  religion: z.string().max(50).optional(),
  generalEducation: z.string().max(50).optional(),
  theoryLevel: z.string().max(50).optional(),
  professionalLevel: z.string().max(50).optional(),
  occupation: z.string().max(50).optional(),
  ageFrom: Years('Tuổi từ'),
  ageTo: Years('Tuổi đến'),
  partyAgeFrom: Years('Tuổi đảng từ'),
  partyAgeTo: Years('Tuổi đảng đến'),
  badgeDue: z
    .string()
    .max(10)
    .refine((v) => v === 'next' || isIsoDate(v), { message: 'Dịp xét Huy hiệu phải là «next» (dịp sắp tới) hoặc một ngày YYYY-MM-DD.' })
    .optional(),
  ...DrillDownQuery,
  ...PageQuery,
});

export const MemberIdParams = z.strictObject({ id: IdSchema });

export const MemberListItemSchema = z.object({
  id: z.string(),
  fullName: z.string(),
  gender: z.enum(['nam', 'nu']),
  birthDate: z.string().nullable(),
  cccdMasked: z.string().nullable(),
  cardNo: z.string().nullable(),
  orgId: z.string(),
  orgName: z.string(),
  status: z.string(),
  membership: z.enum(['official', 'probationary']),
  admittedOn: z.string(),
  officialOn: z.string().nullable(),
});
export const MemberListResponse = z.object({
  items: z.array(MemberListItemSchema),
  total: z.number(),
  /** A text search matched more than `total` (the cap): "more than 1,000". */
  totalCapped: z.boolean(),
});

const { cccd: _cccd, fullName: _fullName, gender: _gender, birthYear: _birthYear, ...TextFields } = MemberFields;
/** The file's fields as a member file carries them: every one of MemberFields but the CCCD, null when empty. */
export const MemberFileFieldsSchema = z.object({
  fullName: z.string(),
  gender: MemberFields.gender,
  birthYear: z.number().nullable(),
  ...(Object.fromEntries(Object.keys(TextFields).map((k) => [k, z.string().nullable()])) as { [K in keyof typeof TextFields]: z.ZodNullable<z.ZodString> }),
});

export const MemberFileSchema = z.object({
  id: z.string(),
  org: z.object({ id: z.string(), name: z.string() }),
  status: z.string(),
  membership: z.enum(['official', 'probationary']),
  admittedOn: z.string(),
  officialOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  /**
   * Serialised as a record: the members service types the fields as unknown values, so MemberFileFieldsSchema here
   * would not typecheck against it yet. The MemberFile type below carries the precise fields; when the service types
   * them, this becomes MemberFileFieldsSchema.
   */
  fields: z.record(z.string(), z.unknown()),
  cccdMasked: z.string().nullable(),
  /** A CCCD is on file (shown masked): lets a form tell "keep" from "none". */
  hasCccd: z.boolean(),
  canReadSensitive: z.boolean(),
  /** The reader may read family and political history: the grassroots committee and above (domain.md §4). */
  canReadHistory: z.boolean(),
  /** The reader may correct this file and record its events. */
  canEdit: z.boolean(),
  updatedAt: z.string(),
  partyAge: z.object({
    years: z.number(),
    months: z.number(),
    days: z.number(),
    official: z.boolean(),
    countsFrom: z.string().nullable(),
    gaps: z.array(z.object({ from: z.string(), to: z.string(), reason: z.string() })),
    nextBadge: z
      .object({ milestone: z.number(), reachedOn: z.string(), anniversary: z.string().nullable(), eligible: z.boolean(), reason: z.string().nullable() })
      .nullable(),
    awards: z.array(
      z.object({
        milestone: z.number(),
        awardedOn: z.string(),
        decisionNo: z.string().nullable(),
        earlyReason: z.string().nullable(),
        /** Recorded on a special decision of the province's standing committee that set `rule` aside. */
        override: z.object({ decisionNo: z.string(), decisionDate: z.string(), rule: z.string() }).nullable(),
      }),
    ),
    /** Serious illness (from a date, with its document) and a posthumous proposal: what the badge rules read. */
    badgeStanding: z.object({
      seriousIllness: z.object({ since: z.string().nullable(), document: z.string().nullable() }).nullable(),
      posthumousProposal: z.object({ proposedOn: z.string().nullable(), document: z.string().nullable() }).nullable(),
    }),
    /** Only for readers allowed to see sensitive groups; empty otherwise. */
    disciplines: z.array(
      z.object({
        id: z.string(),
        form: z.string(),
        formName: z.string(),
        decidingLevel: z.string(),
        decisionNo: z.string(),
        decisionDate: z.string(),
        announcedOn: z.string(),
        reason: z.string().nullable(),
      }),
    ),
  }),
  events: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      label: z.string(),
      effectiveDate: z.string(),
      decisionNo: z.string().nullable(),
      decisionDate: z.string().nullable(),
      org: z.object({ id: z.string(), name: z.string() }).nullable(),
      toOrg: z.object({ id: z.string(), name: z.string() }).nullable(),
      details: z.record(z.string(), z.unknown()),
      actorName: z.string().nullable(),
    }),
  ),
});

export const RevealResponse = z.object({ cccd: z.string().nullable() });
export const CataloguesResponse = z.record(z.string(), z.array(z.object({ code: z.string(), name: z.string() })));

const EventBase = {
  date: IsoDateSchema,
  decisionNo: z.string().max(100).transform(normalizeText).nullable().optional(),
  decisionDate: IsoDateSchema.nullable().optional(),
  note: Opt(1000),
};

/** A life event to record; the kinds and their rules are the domain's (src/domain/member-status.ts). */
export const MemberEventBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('recognized_official'), officialOn: OptDate, ...EventBase }),
  z.strictObject({
    kind: z.literal('transfer_out_started'),
    toOrgId: IdSchema,
    /** The decision that moves the member (new job, retirement, permanent move): the transfer starts within 60 working days of it (§7). */
    moveDecisionDate: OptDate,
    moveDecisionNo: Opt(100),
    /** Why the transfer starts later than the rule allows after that decision. */
    lateReason: Opt(1000),
    ...EventBase,
  }),
  z.strictObject({ kind: z.literal('transfer_in_confirmed'), orgId: IdSchema, lateReason: Opt(1000), ...EventBase }),
  z.strictObject({ kind: z.literal('temporary_out'), hostOrgId: IdSchema, until: IsoDateSchema, training: z.boolean().optional(), ...EventBase }),
  z.strictObject({ kind: z.literal('temporary_return'), ...EventBase }),
  z.strictObject({ kind: z.literal('exempted'), ...EventBase }),
  z.strictObject({ kind: z.literal('exemption_ended'), ...EventBase }),
  z.strictObject({ kind: z.literal('suspended'), ...EventBase }),
  z.strictObject({ kind: z.literal('suspension_ended'), ...EventBase }),
  z.strictObject({ kind: z.literal('lost_contact'), ...EventBase }),
  z.strictObject({ kind: z.literal('contact_restored'), ...EventBase }),
  z.strictObject({ kind: z.literal('deceased'), ...EventBase }),
  z.strictObject({ kind: z.literal('struck_off'), noReadmission: z.boolean().optional(), ...EventBase }),
  z.strictObject({ kind: z.literal('allowed_to_leave'), noReadmission: z.boolean().optional(), ...EventBase }),
  z.strictObject({ kind: z.literal('expelled'), noReadmission: z.boolean().optional(), ...EventBase }),
  z.strictObject({ kind: z.literal('expulsion_annulled'), orgId: IdSchema.nullable().optional(), ...EventBase }),
  z.strictObject({ kind: z.literal('readmitted'), orgId: IdSchema, ceremonyOn: OptDate, criminalRecordClearedOn: OptDate, ...EventBase }),
]);
export type MemberEventInput = z.infer<typeof MemberEventBody>;

export const DisciplineBody = z.strictObject({
  form: z.enum(['reprimand', 'warning', 'removal', 'expulsion']),
  decidingLevel: z.string().max(100).transform(normalizeText).pipe(z.string().min(1)),
  decisionNo: z.string().max(100).transform(normalizeText).pipe(z.string().min(1)),
  decisionDate: IsoDateSchema,
  announcedOn: IsoDateSchema,
  violationOn: OptDate,
  reason: Opt(2000),
});

/** A decision number: text, trimmed, 1–100 characters. */
const DecisionNo = z
  .string()
  .max(100)
  .transform(normalizeText)
  .pipe(z.string().min(1, { message: 'Vui lòng nhập số quyết định.' }));

export const BadgeAwardBody = z.strictObject({
  milestone: z.number().int().min(1).max(100),
  awardedOn: IsoDateSchema,
  decisionNo: Opt(100),
  earlyReason: z.enum(['illness', 'posthumous']).nullable().optional(),
  /** A special case decided by the province's standing committee: the award the rules refuse is recorded on it. */
  override: z.strictObject({ decisionNo: DecisionNo, decisionDate: IsoDateSchema }).nullable().optional(),
});

/** Serious illness (the day it was recorded and the document) and the proposal of a posthumous award; null clears. */
const DocumentText = z
  .string()
  .max(200)
  .transform(normalizeText)
  .pipe(z.string().min(1, { message: 'Vui lòng nhập văn bản làm căn cứ (số, ngày, nơi ban hành).' }));
export const BadgeStandingBody = z.strictObject({
  seriousIllness: z.strictObject({ since: IsoDateSchema, document: DocumentText }).nullable(),
  posthumousProposal: z.strictObject({ proposedOn: IsoDateSchema, document: DocumentText }).nullable(),
});

export const BadgeListQuery = z.strictObject({
  anniversary: IsoDateSchema.optional(),
  orgId: IdSchema.optional(),
  /** A page of the "reached and never awarded" list, in name order. */
  ...PageQuery,
});

export const BadgeExportQuery = BadgeListQuery.omit({ page: true, pageSize: true });

export const IncomingTransfersResponse = z.object({
  items: z.array(
    z.object({
      memberId: z.string(),
      fullName: z.string(),
      fromOrg: z.string(),
      toOrgId: z.string(),
      toOrg: z.string(),
      startedOn: z.string(),
      decisionNo: z.string().nullable(),
    }),
  ),
});

const BadgeRow = { memberId: z.string(), fullName: z.string(), orgName: z.string(), milestone: z.number(), reachedOn: z.string() };
export const BadgeListResponse = z.object({
  anniversary: z.string(),
  due: z.array(z.object({ ...BadgeRow, eligible: z.boolean(), early: z.union([z.boolean(), z.string()]), reason: z.string().nullable() })),
  reachedNeverAwarded: z.array(z.object(BadgeRow)),
  /** All of the list; `reachedNeverAwarded` holds the page asked for. */
  reachedNeverAwardedTotal: z.number(),
});

export type Gender = z.infer<typeof MemberFields.gender>;
/** 'probationary' = đảng viên dự bị, 'official' = đảng viên chính thức. */
export type Membership = z.infer<typeof MemberListItemSchema>['membership'];
/** The current status; a string so that a status added on the server still displays (labels: MEMBER_STATUS_NAMES). */
export type MemberStatus = z.infer<typeof MemberListItemSchema>['status'];
export type Catalogues = z.infer<typeof CataloguesResponse>;
export type CatalogueEntry = Catalogues[string][number];
export type MemberListItem = z.infer<typeof MemberListItemSchema>;
export type MemberListResponse = z.infer<typeof MemberListResponse>;
export type MemberListQuery = Partial<z.infer<typeof MemberListQuery>>;
export type MemberFile = Omit<z.infer<typeof MemberFileSchema>, 'fields'> & { fields: z.infer<typeof MemberFileFieldsSchema> };
/** The file's fields as a member file sends them (every one but the CCCD). */
export type MemberFileFields = MemberFile['fields'];
export type PartyAge = MemberFile['partyAge'];
export type PartyAgeGap = PartyAge['gaps'][number];
export type NextBadge = NonNullable<PartyAge['nextBadge']>;
export type BadgeAward = PartyAge['awards'][number];
export type BadgeStanding = PartyAge['badgeStanding'];
export type MemberDiscipline = PartyAge['disciplines'][number];
export type MemberEvent = MemberFile['events'][number];
export type RevealCccdResult = z.infer<typeof RevealResponse>;
export type CreateMemberBody = z.input<typeof CreateMemberBody>;
export type UpdateMemberBody = z.input<typeof UpdateMemberBody>;
/** The member file's fields as a form sends them (create and update). */
export type MemberFieldsBody = Omit<CreateMemberBody, 'orgId' | 'admittedOn' | 'officialOn'>;
export type MemberFieldName = keyof MemberFieldsBody;
export type MemberEventBody = z.input<typeof MemberEventBody>;
export type MemberEventKind = MemberEventBody['kind'];
export type DisciplineBody = z.input<typeof DisciplineBody>;
export type DisciplineForm = DisciplineBody['form'];
export type BadgeAwardBody = z.input<typeof BadgeAwardBody>;
export type BadgeEarlyReason = NonNullable<BadgeAwardBody['earlyReason']>;
export type BadgeStandingBody = z.input<typeof BadgeStandingBody>;
export type BadgeListQuery = Partial<z.infer<typeof BadgeListQuery>>;
export type BadgeList = z.infer<typeof BadgeListResponse>;
export type BadgeDueItem = BadgeList['due'][number];
export type BadgeOverdueItem = BadgeList['reachedNeverAwarded'][number];
export type IncomingTransfersResponse = z.infer<typeof IncomingTransfersResponse>;
export type IncomingTransfer = IncomingTransfersResponse['items'][number];
