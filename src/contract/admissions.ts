/**
 * Admissions (domain.md §6): candidates, dossiers and their steps, targets, the work queue. Candidate fields take the
 * member file's definitions (members.ts) so that the member created at the ceremony needs no conversion.
 */
import { z } from 'zod';
import { ADMISSION_STEPS } from '../domain/admission.ts';
import { normalizeText } from '../domain/text.ts';
import { IdSchema, IsoDateSchema, PageQuery, TextSchema } from './common.ts';
import { MemberFields } from './members.ts';

const Opt = (max = 255) =>
  z
    .string()
    .max(max)
    .transform((s) => normalizeText(s))
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();

/** The candidate's fields: a subset of the member file's, with the same names and rules. */
export const CandidateFields = {
  fullName: MemberFields.fullName,
  gender: MemberFields.gender,
  birthDate: MemberFields.birthDate,
  cccd: MemberFields.cccd,
  ethnicity: MemberFields.ethnicity,
  religion: MemberFields.religion,
  generalEducation: MemberFields.generalEducation,
  occupation: MemberFields.occupation,
  workplace: MemberFields.workplace,
  position: MemberFields.position,
  phone: MemberFields.phone,
  hometown: MemberFields.hometown,
  currentAddress: MemberFields.currentAddress,
  youthUnionOn: MemberFields.youthUnionOn,
  helperMemberId: IdSchema.nullable().optional(),
};

/** The cell lists a candidate (step 1 of §6) and opens the dossier; `formerMemberId` for a readmission. */
export const CreateCandidateBody = z.strictObject({
  ...CandidateFields,
  orgId: IdSchema,
  listedOn: IsoDateSchema,
  listingResolutionNo: Opt(100),
  formerMemberId: IdSchema.nullable().optional(),
});

const { fullName, gender, ...restFields } = CandidateFields;
export const UpdateCandidateBody = z
  .strictObject({ fullName: fullName.optional(), gender: gender.optional(), ...restFields })
  .refine((b) => Object.keys(b).length > 0, { message: 'Không có gì để cập nhật.', path: ['fullName'] });

const Count = z.number().int().min(0).max(100000);
const Ids = z.array(IdSchema).max(500).optional();

/** A failed check let through by someone with the right, with the written reason (audited). */
const Override = z
  .strictObject({
    checks: z.array(z.string().max(50)).min(1).max(20),
    reason: z
      .string()
      .max(2000)
      .transform(normalizeText)
      .pipe(z.string().min(10, { message: 'Lý do bỏ qua kiểm tra cần ít nhất 10 ký tự.' })),
  })
  .optional();

const StepBase = {
  date: IsoDateSchema,
  decisionNo: Opt(100),
  note: Opt(1000),
  /** Titles or numbers of the step's documents (the files go to the member dossier once a member). */
  documents: z.array(TextSchema(255)).max(20).optional(),
  override: Override,
};

export const StepBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('course'), certificateNo: Opt(100), ...StepBase }),
  z.strictObject({ kind: z.literal('application'), backgroundFormOn: IsoDateSchema.nullable().optional(), ...StepBase }),
  z.strictObject({ kind: z.literal('verification'), conclusion: Opt(2000), ...StepBase }),
  z.strictObject({
    kind: z.literal('introduction'),
    route: z.enum(['members', 'youth_union']),
    introducers: z
      .array(z.strictObject({ memberId: IdSchema, monthsTogether: z.number().int().min(0).max(1200) }))
      .min(1)
      .max(2),
    youthUnionResolutionOn: IsoDateSchema.nullable().optional(),
    ...StepBase,
  }),
  z.strictObject({ kind: z.literal('comments'), ...StepBase }),
  z.strictObject({
    kind: z.literal('cell_vote'),
    inFavour: Count,
    absent: Ids,
    absentWithReason: Ids,
    prosecuted: Ids,
    provinceDecisionNo: Opt(100),
    difficultAreaException: z.boolean().optional(),
    /** Readmission after a criminal conviction: the day the record was cleared (60 months before the vote). */
    criminalRecordClearedOn: IsoDateSchema.nullable().optional(),
    ...StepBase,
  }),
  z.strictObject({ kind: z.literal('grassroots_resolution'), inFavour: Count, committeeSize: z.number().int().min(1).max(100), ...StepBase }),
  z.strictObject({ kind: z.literal('decision'), decidingBody: Opt(255), receivedOn: IsoDateSchema, ...StepBase, decisionNo: TextSchema(100) }),
  z.strictObject({ kind: z.literal('ceremony'), superiorConsentNo: Opt(100), ...StepBase }),
  /** The new member declared the member background form (lý lịch đảng viên), any time after the ceremony. */
  z.strictObject({ kind: z.literal('member_form'), ...StepBase }),
  z.strictObject({
    kind: z.literal('recognition_vote'),
    forRecognition: Count,
    forStrikingOff: Count,
    absent: Ids,
    absentWithReason: Ids,
    prosecuted: Ids,
    ...StepBase,
  }),
]);
export type StepInput = z.infer<typeof StepBody>;

export const CandidateListQuery = z.strictObject({
  q: z.string().max(100).optional(),
  orgId: IdSchema.optional(),
  stage: z.enum(['listed', ...ADMISSION_STEPS, 'official', 'strike_off_proposed', 'referred_to_superior']).optional(),
  status: z.enum(['open', 'probation', 'official', 'closed']).optional(),
  ...PageQuery,
});

/** The vote date (default today). */
export const DenominatorQuery = z.strictObject({ date: IsoDateSchema.optional() });

export const TargetQuery = z.strictObject({
  orgId: IdSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});

export const TargetBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  target: z.number().int().min(0).max(1000000),
  note: Opt(1000),
});

const Loose = z.looseObject({});

export const DenominatorSchema = z.object({
  date: z.string(),
  officialMembers: z.number(),
  excluded: z.array(z.object({ memberId: z.string(), name: z.string(), reason: z.string(), label: z.string() })),
  denominator: z.number(),
  members: z.array(z.object({ memberId: z.string(), name: z.string(), status: z.string(), official: z.boolean() })),
});

export const DossierSchema = z.object({
  id: z.string(),
  candidate: z.object({
    id: z.string(),
    fields: Loose,
    formerMemberId: z.string().nullable(),
    helper: z.object({ id: z.string(), name: z.string() }).nullable(),
  }),
  org: z.object({ id: z.string(), name: z.string() }),
  openedOn: z.string(),
  listingResolutionNo: z.string().nullable(),
  ruleSet: z.object({ id: z.string(), basis: z.string() }),
  readmission: z.boolean(),
  stage: z.string(),
  stageLabel: z.string(),
  status: z.string(),
  memberId: z.string().nullable(),
  dates: z.object({
    certificateValidUntil: z.string().nullable(),
    ceremonyDueOn: z.string().nullable(),
    ceremonyOn: z.string().nullable(),
    probationEndsOn: z.string().nullable(),
    recognitionDueOn: z.string().nullable(),
    officialOn: z.string().nullable(),
  }),
  steps: z.array(
    z.object({
      id: z.string(),
      seq: z.number(),
      kind: z.string(),
      label: z.string(),
      date: z.string(),
      decisionNo: z.string().nullable(),
      data: Loose,
      documents: z.array(z.unknown()),
      note: z.string().nullable(),
      recordedBy: z.string().nullable(),
      recordedAt: z.string(),
      overrides: z.array(z.object({ checkCode: z.string(), message: z.string(), reason: z.string(), by: z.string().nullable(), at: z.string() })),
    }),
  ),
  nextSteps: z.array(z.string()),
  canEdit: z.boolean(),
  canOverride: z.boolean(),
});

export const CandidateListResponse = z.object({
  items: z.array(
    z.object({
      candidateId: z.string(),
      dossierId: z.string(),
      fullName: z.string(),
      gender: z.string(),
      birthDate: z.string().nullable(),
      orgId: z.string(),
      orgName: z.string(),
      openedOn: z.string(),
      stage: z.string(),
      stageLabel: z.string(),
      status: z.string(),
      memberId: z.string().nullable(),
      readmission: z.boolean(),
    }),
  ),
  total: z.number(),
  stages: z.array(z.object({ stage: z.string(), label: z.string(), count: z.number() })),
});

const ProgressRow = z.object({
  orgId: z.string(),
  name: z.string(),
  target: z.number().nullable(),
  admitted: z.number(),
  progress: z.number().nullable(),
  inPipeline: z.number(),
  canSet: z.boolean(),
});
export const TargetProgressResponse = z.object({
  from: z.string(),
  to: z.string(),
  years: z.array(z.number()),
  org: ProgressRow,
  children: z.array(ProgressRow),
  childrenTargetSum: z.number(),
});

export const WorkItemSchema = z.object({
  kind: z.enum(['ceremony_due', 'probation_ending', 'recognition_due', 'certificate_expiring', 'member_form_due']),
  label: z.string(),
  late: z.boolean(),
  dueOn: z.string(),
  dossierId: z.string(),
  fullName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
});
export const WorkQueueResponse = z.object({ items: z.array(WorkItemSchema) });
export const WorkQueueCountsResponse = z.object({ total: z.number(), late: z.number(), byKind: z.record(z.string(), z.number()) });

export const ProbationListResponse = z.object({
  items: z.array(
    z.object({
      dossierId: z.string(),
      memberId: z.string().nullable(),
      fullName: z.string(),
      orgId: z.string(),
      orgName: z.string(),
      ceremonyOn: z.string().nullable(),
      probationEndsOn: z.string().nullable(),
      recognitionDueOn: z.string().nullable(),
      stage: z.string(),
      stageLabel: z.string(),
      votes: z.number(),
    }),
  ),
});

/** Which document (default the checklist). */
export const DocumentQuery = z.strictObject({ kind: z.enum(['checklist', 'cell_resolution', 'decision', 'recognition_resolution']).default('checklist') });

export const CandidateIdParams = z.strictObject({ id: IdSchema });

// --- Types ---------------------------------------------------------------------------------------------------------

export type Dossier = z.infer<typeof DossierSchema>;
export type DossierStep = Dossier['steps'][number];
export type CandidateList = z.infer<typeof CandidateListResponse>;
export type CandidateListItem = CandidateList['items'][number];
export type CandidateListQuery = Partial<z.infer<typeof CandidateListQuery>>;
export type CreateCandidateBody = z.input<typeof CreateCandidateBody>;
export type UpdateCandidateBody = z.input<typeof UpdateCandidateBody>;
export type StepBody = z.input<typeof StepBody>;
export type Denominator = z.infer<typeof DenominatorSchema>;
export type ProbationListResponse = z.infer<typeof ProbationListResponse>;
export type ProbationItem = ProbationListResponse['items'][number];
export type WorkItem = z.infer<typeof WorkItemSchema>;
export type WorkQueueResponse = z.infer<typeof WorkQueueResponse>;
export type WorkQueueCountsResponse = z.infer<typeof WorkQueueCountsResponse>;
export type TargetProgress = z.infer<typeof TargetProgressResponse>;
export type ProgressRow = TargetProgress['org'];
export type TargetBody = z.input<typeof TargetBody>;
