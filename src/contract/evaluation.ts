/** Requests and responses of the evaluation module (domain.md §8). Labels are the period rule set's label codes. */
import { z } from 'zod';
import { LEVELS, MEMBER_STAGES, type Level, type MemberStage } from '../domain/evaluation.ts';
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

// --- Answers -------------------------------------------------------------------------------------------------------
// Derived from what the service returns (the response schema serialises: a field left out here is dropped).

const LevelSchema = z.enum(LEVELS as [Level, ...Level[]]);
const Scheme = z.enum(['score', 'criteria', 'legacy']);
const PeriodKind = z.enum(['year', 'quarter', 'term']);
const PeriodStatus = z.enum(['open', 'published']);

export const RatingLabelSchema = z.object({ code: z.string(), label: z.string(), level: LevelSchema, within: z.string().optional() });
export const ScoreSheetRulesSchema = z.object({
  sections: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      maxPoints: z.number(),
      criteria: z.array(z.object({ code: z.string(), title: z.string(), maxPoints: z.number() })),
    }),
  ),
  bands: z.array(z.object({ level: z.enum(['excellent', 'good', 'completed']), minScore: z.number() })),
  excellentMinExceedingShare: z.number(),
});
export const EvaluationChecksSchema = z.object({
  memberExcellentMaxPercentOfGood: z.number().nullable(),
  orgExcellentMaxPercentOfGood: z.number().nullable(),
  disciplinedMemberMaxLevel: LevelSchema.nullable(),
  excellentCollectiveMinLevel: LevelSchema,
  excellentCollectiveMinGoodPercent: z.number().nullable(),
  disciplinedBlocksExcellent: z.boolean(),
  notCompletedAboveDisciplinedPercent: z.number().nullable(),
  voteMajorityAbove: z.object({ numerator: z.number(), denominator: z.number() }),
});
/** The period's rule-set version as the pages need it: labels per subject, the score sheet, the checks. */
export const PeriodRulesSchema = z.object({
  id: z.string(),
  basis: z.string(),
  scheme: Scheme,
  labels: z.object({ member: z.array(RatingLabelSchema), org: z.array(RatingLabelSchema) }),
  scoreSheet: ScoreSheetRulesSchema.nullable(),
  checks: EvaluationChecksSchema,
});

/** Counts per level with percentages of the total, and the share good or better. */
export const DistributionSchema = z.object({
  total: z.number(),
  levels: z.array(z.object({ level: LevelSchema, label: z.string(), count: z.number(), percent: z.number() })),
  goodOrBetter: z.object({ count: z.number(), percent: z.number() }),
});

export const PeriodSummarySchema = z.object({
  id: z.string(),
  year: z.number(),
  kind: PeriodKind,
  asOf: z.string(),
  status: PeriodStatus,
  rootOrgId: z.string().nullable(),
  rootName: z.string().nullable(),
});
export const PeriodListResponse = z.object({ items: z.array(PeriodSummarySchema.extend({ rulesetId: z.string() })) });

export const PeriodOrgSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  depth: z.number(),
  isCell: z.boolean(),
  isGrassroots: z.boolean(),
  disciplined: z.boolean(),
  leadershipDisciplined: z.boolean(),
  selfLabel: z.string().nullable(),
  selfReport: z.string().nullable(),
  proposedLabel: z.string().nullable(),
  decidedLabel: z.string().nullable(),
  finalLevel: LevelSchema.nullable(),
  /** draft, self_assessed, proposed, decided or published. */
  stage: z.string(),
  members: z.object({
    total: z.number(),
    lateAdmissions: z.number(),
    entered: z.number(),
    cellProposed: z.number(),
    decided: z.number(),
    levels: DistributionSchema,
  }),
  subordinates: DistributionSchema,
  failing: z.number(),
  /** The stages the caller may fill in (the server's rules). */
  can: z.object({ self: z.boolean(), propose: z.boolean(), decide: z.boolean() }),
});

export const CheckFailureSchema = z.object({
  code: CheckCodeSchema,
  title: z.string(),
  orgId: z.string(),
  message: z.string(),
  memberIds: z.array(z.string()),
  orgIds: z.array(z.string()),
  overridden: z.object({ reason: z.string(), at: z.string().nullable() }).nullable(),
});

/** A period with every organisation's progress, the failed checks and the changes after publication. */
export const PeriodDetailSchema = z.object({
  period: PeriodSummarySchema.extend({
    excluded: z.record(z.string(), z.number()),
    openedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    decisionNo: z.string().nullable(),
    decisionDate: z.string().nullable(),
    /** What the caller may do on the period (the server's rules). */
    can: z.object({ override: z.boolean(), publish: z.boolean(), change: z.boolean() }),
  }),
  rules: PeriodRulesSchema,
  rootMembers: z.object({ total: z.number(), entered: z.number(), decided: z.number() }).nullable(),
  orgs: z.array(PeriodOrgSchema),
  failures: z.array(CheckFailureSchema),
  changes: z.array(
    z.object({
      id: z.string(),
      subject: z.enum(['member', 'org']),
      evaluationId: z.string(),
      beforeLabel: z.string().nullable(),
      afterLabel: z.string(),
      decisionNo: z.string(),
      decisionDate: z.string(),
      reason: z.string(),
      at: z.string().nullable(),
    }),
  ),
});

/** One member's rating row. `selfScore` is the stored score sheet (with its `total`); `votes` the cell's vote counts. */
export const GridRowSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  birthYear: z.number().nullable(),
  orgId: z.string(),
  lateAdmission: z.boolean(),
  disciplinedInYear: z.boolean(),
  selfDetectedFixed: z.boolean(),
  selfLabel: z.string().nullable(),
  selfScore: z.record(z.string(), z.unknown()).nullable(),
  selfTotal: z.number().nullable(),
  votes: z.record(z.string(), z.number()).nullable(),
  cellLabel: z.string().nullable(),
  grassrootsLabel: z.string().nullable(),
  decidedLabel: z.string().nullable(),
  currentLabel: z.string().nullable(),
  currentLabelText: z.string().nullable(),
  finalLevel: LevelSchema.nullable(),
  stage: z.enum(MEMBER_STAGES as [MemberStage, ...MemberStage[]]),
  scheme: Scheme,
});
/** A cell's rating grid: the columns the caller may fill in, the members, the late admissions apart. */
export const GridResponse = z.object({
  orgId: z.string(),
  orgName: z.string(),
  rules: PeriodRulesSchema,
  can: z.object({ cell: z.boolean(), grassroots: z.boolean() }),
  items: z.array(GridRowSchema),
  lateAdmissions: z.array(GridRowSchema),
});
export const PeriodMembersResponse = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(GridRowSchema.extend({ orgName: z.string() })),
});
export const UpdatedResponse = z.object({ updated: z.number() });
export const SaveOrgsResponse = z.object({
  updated: z.number(),
  stages: z.object({ draft: z.number(), self_assessed: z.number(), proposed: z.number(), decided: z.number() }),
});

const VotesView = z.object({
  officialMembers: z.number(),
  present: z.number(),
  excellent: z.number(),
  good: z.number(),
  completed: z.number(),
  notCompleted: z.number(),
});
export const ImportPreviewResponse = z.object({
  total: z.number(),
  errors: z.number(),
  rows: z.array(
    z.object({
      row: z.number(),
      fullName: z.string(),
      memberId: z.string().nullable(),
      entry: z
        .object({
          memberId: z.string(),
          selfLabel: z.string().nullable().optional(),
          selfScore: z
            .object({ scores: z.record(z.string(), z.number()), allTasksDone: z.boolean(), allTasksOnTime: z.boolean(), exceedingShare: z.number() })
            .nullable()
            .optional(),
          votes: VotesView.nullable().optional(),
          cellLabel: z.string().nullable().optional(),
          grassrootsLabel: z.string().nullable().optional(),
          decidedLabel: z.string().nullable().optional(),
          selfDetectedFixed: z.boolean().optional(),
        })
        .nullable(),
      errors: z.array(z.string()),
    }),
  ),
});
export const ImportCommitResponse = z.object({ imported: z.number() });

export const LatestResultsResponse = z.object({ orgId: z.string(), name: z.string(), year: z.number().nullable() });
export const ResultsResponse = z.object({
  orgId: z.string(),
  name: z.string(),
  year: z.number(),
  members: DistributionSchema,
  orgs: DistributionSchema,
  children: z.array(z.object({ orgId: z.string(), name: z.string(), members: DistributionSchema, orgs: DistributionSchema })),
  span: z
    .object({
      years: z.array(z.object({ year: z.number(), members: DistributionSchema, orgs: DistributionSchema })),
      orgsExcellent: z.object({ min: z.number(), max: z.number() }).nullable(),
      membersGoodOrBetter: z.object({ min: z.number(), max: z.number() }).nullable(),
    })
    .nullable(),
});
export const ResultRecordSchema = z.object({
  id: z.string(),
  subjectId: z.string(),
  name: z.string(),
  orgId: z.string().nullable(),
  orgName: z.string(),
  label: z.string().nullable(),
  labelText: z.string().nullable(),
});
export const ResultRecordsResponse = z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(ResultRecordSchema) });
export const StreaksResponse = z.object({
  fromYear: z.number(),
  toYear: z.number(),
  years: z.number(),
  label: z.string(),
  labelText: z.string(),
  byLevel: z.boolean(),
  items: z.array(z.object({ orgId: z.string(), name: z.string() })),
});
export const ConsolidationItemSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number(),
  reason: z.string(),
  plan: z.string().nullable(),
  responsible: z.string().nullable(),
  deadline: z.string().nullable(),
  outcome: z.string().nullable(),
  /** open or done. */
  status: z.string(),
});
export const ConsolidationListResponse = z.object({
  counts: z.object({ total: z.number(), open: z.number(), done: z.number(), overdue: z.number() }),
  items: z.array(ConsolidationItemSchema),
});
export const ConsolidationBulkResponse = z.object({ updated: z.number(), items: z.array(ConsolidationItemSchema) });

// --- Types ---------------------------------------------------------------------------------------------------------

export type { Level };
export type RatingLabel = z.infer<typeof RatingLabelSchema>;
export type ScoreSheetRules = z.infer<typeof ScoreSheetRulesSchema>;
export type PeriodRules = z.infer<typeof PeriodRulesSchema>;
export type Distribution = z.infer<typeof DistributionSchema>;
export type PeriodSummary = z.infer<typeof PeriodSummarySchema>;
export type PeriodListResponse = z.infer<typeof PeriodListResponse>;
export type PeriodOrg = z.infer<typeof PeriodOrgSchema>;
export type CheckFailureView = z.infer<typeof CheckFailureSchema>;
export type PeriodDetail = z.infer<typeof PeriodDetailSchema>;
export type Votes = z.infer<typeof VotesBody>;
/** A score sheet as a member's row carries it: what was entered, and the total computed from it. */
export type StoredScoreSheet = z.infer<typeof ScoreSheetBody> & { total?: number };
/**
 * A member's rating row. The schema serialises `selfScore` and `votes` as records (the repository types the stored
 * JSON loosely); the type names what they hold, as saveMembers writes them.
 */
export type GridRow = Omit<z.infer<typeof GridRowSchema>, 'selfScore' | 'votes'> & { selfScore: StoredScoreSheet | null; votes: Votes | null };
export type Grid = Omit<z.infer<typeof GridResponse>, 'items' | 'lateAdmissions'> & { items: GridRow[]; lateAdmissions: GridRow[] };
export type PeriodMembersResponse = Omit<z.infer<typeof PeriodMembersResponse>, 'items'> & { items: (GridRow & { orgName: string })[] };
export type MemberEntry = z.input<typeof MemberEntry>;
export type MemberEntriesBody = z.input<typeof MemberEntriesBody>;
export type OpenPeriodBody = z.input<typeof OpenPeriodBody>;
export type OrgEntryBody = z.input<typeof OrgEntryBody>;
export type OrgEntriesBody = z.input<typeof OrgEntriesBody>;
export type OverrideBody = z.input<typeof OverrideBody>;
export type PublishBody = z.input<typeof PublishBody>;
export type ChangeBody = z.input<typeof ChangeBody>;
export type UpdatedResponse = z.infer<typeof UpdatedResponse>;
export type SaveOrgsResponse = z.infer<typeof SaveOrgsResponse>;
export type ImportPreviewResponse = z.infer<typeof ImportPreviewResponse>;
export type ImportCommitResponse = z.infer<typeof ImportCommitResponse>;
export type LatestResultsResponse = z.infer<typeof LatestResultsResponse>;
export type Results = z.infer<typeof ResultsResponse>;
export type ResultRecord = z.infer<typeof ResultRecordSchema>;
export type ResultRecordsResponse = z.infer<typeof ResultRecordsResponse>;
/** The records query as the results page holds it (the page size is the hook's). */
export type RecordsQuery = Omit<z.infer<typeof ResultRecordsQuery>, 'pageSize'>;
export type StreaksResponse = z.infer<typeof StreaksResponse>;
export type ConsolidationItem = z.infer<typeof ConsolidationItemSchema>;
export type ConsolidationListResponse = z.infer<typeof ConsolidationListResponse>;
export type ConsolidationBulkResponse = z.infer<typeof ConsolidationBulkResponse>;
export type ConsolidationPatchBody = z.input<typeof ConsolidationPatch>;
export type ConsolidationBody = z.input<typeof ConsolidationBody>;
