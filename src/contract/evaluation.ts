/** Requests and responses of the evaluation module (domain.md §8). Labels are the period rule set's label codes. */
import { z } from 'zod';
import { IdSchema, IsoDateSchema, TextSchema } from './common.ts';

const Label = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z_]+$/, { message: 'Mã xếp loại không hợp lệ.' });
const Count = z.number().int().min(0).max(100000);
const Year = z.coerce.number().int().min(1930).max(2200);

export const OpenPeriodBody = z.strictObject({
  rootOrgId: IdSchema,
  year: z.number().int().min(1930).max(2200),
  kind: z.enum(['year']).default('year'),
  /** The date the roll is taken on; by default 1 December of the year (evaluation is held in December). */
  asOf: IsoDateSchema.optional(),
});

export const PeriodListQuery = z.strictObject({ year: Year.optional() });

export const PeriodParams = z.strictObject({ id: IdSchema });
export const PeriodOrgParams = z.strictObject({ id: IdSchema, orgId: IdSchema });

export const ScoreSheetBody = z.strictObject({
  scores: z.record(z.string().max(40), z.number().min(0).max(100)),
  allTasksDone: z.boolean(),
  allTasksOnTime: z.boolean(),
  exceedingShare: z.number().min(0).max(1),
});

export const VotesBody = z.strictObject({
  officialMembers: Count,
  present: Count,
  excellent: Count,
  good: Count,
  completed: Count,
  notCompleted: Count,
});

export const MemberEntry = z.strictObject({
  memberId: IdSchema,
  selfLabel: Label.nullable().optional(),
  selfScore: ScoreSheetBody.nullable().optional(),
  votes: VotesBody.nullable().optional(),
  cellLabel: Label.nullable().optional(),
  grassrootsLabel: Label.nullable().optional(),
  decidedLabel: Label.nullable().optional(),
  selfDetectedFixed: z.boolean().optional(),
});
export type MemberEntryInput = z.infer<typeof MemberEntry>;

export const MemberEntriesBody = z.strictObject({ items: z.array(MemberEntry).min(1).max(500) });

export const OrgEntryBody = z.strictObject({
  selfLabel: Label.nullable().optional(),
  selfReport: z.string().max(20000).nullable().optional(),
  proposedLabel: Label.nullable().optional(),
  decidedLabel: Label.nullable().optional(),
  disciplined: z.boolean().optional(),
  leadershipDisciplined: z.boolean().optional(),
});
export type OrgEntryInput = z.infer<typeof OrgEntryBody>;

/** Many organisations' ratings at once (issue 10, item 12): the fields of `OrgEntryBody` per organisation. */
export const OrgEntriesBody = z.strictObject({
  items: z
    .array(OrgEntryBody.extend({ orgId: IdSchema }))
    .min(1)
    .max(5000),
});
export type OrgEntriesInput = z.infer<typeof OrgEntriesBody>['items'];

/** The period-wide member list: an organisation's subtree (default the whole period), a level, a stage, paged. */
export const PeriodMembersQuery = z.strictObject({
  orgId: IdSchema.optional(),
  level: z.enum(['excellent', 'good', 'completed', 'not_completed', 'none']).optional(),
  stage: z.enum(['draft', 'self_assessed', 'cell_proposed', 'grassroots_proposed', 'decided', 'published']).optional(),
  lateAdmission: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export type PeriodMembersFilter = z.infer<typeof PeriodMembersQuery>;

export const CheckCodeSchema = z.enum([
  'member_quota',
  'org_quota',
  'disciplined_member',
  'excellent_cell',
  'excellent_party_committee',
  'excellent_disciplined_collective',
  'not_completed_collective',
]);

export const OverrideBody = z.strictObject({ checkCode: CheckCodeSchema, orgId: IdSchema, reason: TextSchema(2000) });

export const PublishBody = z.strictObject({ decisionNo: TextSchema(100), decisionDate: IsoDateSchema });

export const ChangeBody = z.strictObject({
  subject: z.enum(['member', 'org']),
  evaluationId: IdSchema,
  label: Label,
  decisionNo: TextSchema(100),
  decisionDate: IsoDateSchema,
  reason: TextSchema(2000),
});

export const ResultsQuery = z.strictObject({ orgId: IdSchema, year: Year, fromYear: Year.optional() });
/** The rating a streak counts: a level (excellent, good…) or an original label of the years rated with it (tsvm_tieu_bieu, tsvm…). */
const StreakLabel = z
  .string()
  .regex(/^[a-z_]{1,40}$/, { message: 'Mức xếp loại không hợp lệ.' })
  .optional();
export const ReportQuery = z.strictObject({
  orgId: IdSchema,
  year: Year,
  fromYear: Year.optional(),
  years: z.coerce.number().int().min(2).max(20).default(3),
  label: StreakLabel,
});
export const LatestResultsQuery = z.strictObject({ orgId: IdSchema.optional() });

export const ResultRecordsQuery = z.strictObject({
  orgId: IdSchema,
  year: Year,
  subject: z.enum(['member', 'org']),
  level: z.enum(['excellent', 'good', 'completed', 'not_completed']),
  /** One subordinate organisation of the breakdown (a child of orgId). */
  childId: IdSchema.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const StreakQuery = z.strictObject({ orgId: IdSchema, years: z.coerce.number().int().min(2).max(20).default(3), toYear: Year, label: StreakLabel });
export const ConsolidationQuery = z.strictObject({ orgId: IdSchema, year: Year.optional(), status: z.enum(['open', 'done']).optional() });
export const ConsolidationParams = z.strictObject({ id: IdSchema });

const OptText = (max: number) => z.string().max(max).nullable().optional();

export const ConsolidationBody = z.strictObject({
  orgId: IdSchema,
  year: z.number().int().min(1930).max(2200),
  reason: TextSchema(2000),
  plan: OptText(5000),
  responsible: OptText(255),
  deadline: IsoDateSchema.nullable().optional(),
});

export const ConsolidationPatch = z.strictObject({
  plan: OptText(5000),
  responsible: OptText(255),
  deadline: IsoDateSchema.nullable().optional(),
  outcome: OptText(5000),
  status: z.enum(['open', 'done']).optional(),
});

/** Many consolidation entries updated at once, all or nothing: each item is an entry's id and its patch. */
export const ConsolidationBulkPatch = z.strictObject({
  items: z
    .array(ConsolidationPatch.extend({ id: IdSchema }))
    .min(1)
    .max(1000),
});
