/**
 * Requests and answers of the rule sets (domain.md §12). A new version is the one in force on its date with some
 * figures changed: `rules` names only those (each group strict, so a misspelt figure is refused), the service merges
 * them over the version it copies and validates the whole with `RuleSetRulesSchema` (each figure's range and the
 * relations between figures).
 */
import { z } from 'zod';
import type { RuleSetRules } from '../domain/ruleset-fields.ts';
import { IsoDateSchema, TextSchema } from './common.ts';

const Int = (min: number, max: number) =>
  z
    .number({ message: 'Phải là một số.' })
    .int({ message: 'Phải là số nguyên.' })
    .min(min, { message: `Không được nhỏ hơn ${min}.` })
    .max(max, { message: `Không được lớn hơn ${max}.` });

/** "At least numerator/denominator": a proper fraction, 1/100 to 1/1. */
const ShareSchema = z
  .strictObject({ numerator: Int(1, 100), denominator: Int(1, 100) })
  .refine((s) => s.numerator <= s.denominator, { message: 'Tỷ lệ phải từ 1/100 đến 1/1 (tử số không lớn hơn mẫu số).' });

const ascending = (list: readonly number[]) => list.every((v, i) => i === 0 || v > list[i - 1]!);
const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const validMonthDay = (s: string) => MONTH_DAY.test(s) && Number(s.slice(3)) <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][Number(s.slice(0, 2)) - 1]!;

const groups = {
  orgSize: {
    minOfficialMembers: Int(1, 50),
    partyCommitteeThreshold: Int(2, 1000),
    cellCommitteeThreshold: Int(2, 1000),
  },
  badges: {
    milestones: z.array(Int(1, 120)).min(1).max(30).refine(ascending, { message: 'Các mốc phải tăng dần, không trùng.' }),
    anniversaries: z
      .array(z.string().max(5).refine(validMonthDay, { message: 'Dịp trao phải là tháng-ngày có thật, ví dụ 05-19.' }))
      .min(1)
      .max(12)
      .refine((l) => new Set(l).size === l.length, { message: 'Các dịp trao không được trùng.' }),
    earlyForIllness: z
      .array(z.strictObject({ upToYears: Int(1, 120), months: Int(0, 60) }))
      .max(10)
      .refine((l) => ascending(l.map((b) => b.upToYears)), { message: 'Các mốc xét sớm phải tăng dần.' }),
    posthumousEarlyMonths: Int(0, 60),
    disciplineDelayMonths: z.strictObject({ reprimand: Int(0, 60), warning: Int(0, 60), removal: Int(0, 60) }),
  },
  probation: {
    months: Int(1, 60),
    recognitionDueWorkingDays: Int(1, 365),
    recognitionVoteShare: ShareSchema,
    inconclusiveVotesToSuperior: Int(1, 10),
  },
  discipline: {
    lapseMonths: Int(1, 120),
    complaintDays: Int(1, 365),
    limitationYears: z.strictObject({ reprimand: Int(1, 50), warningOrRemoval: Int(1, 50) }),
  },
  transfer: {
    startWithinWorkingDays: Int(1, 365),
    presentLetterWithinWorkingDays: Int(1, 365),
    temporaryMinMonths: Int(1, 60),
    temporaryMaxMonths: Int(1, 120),
    temporaryTrainingMaxMonths: Int(1, 120),
  },
  fees: { exemptFromPartyAgeYears: Int(1, 120) },
  admission: {
    minAgeYears: Int(14, 40),
    maxAgeYears: Int(30, 100),
    courseCertificateValidMonths: Int(1, 240),
    ceremonyWithinWorkingDays: Int(1, 365),
    backgroundFormWithinWorkingDays: Int(1, 365),
    readmissionAfterMonths: Int(0, 240),
    readmissionAfterCriminalRecordMonths: Int(0, 240),
    introducerMonthsTogether: Int(0, 120),
    cellVoteShare: ShareSchema,
    committeeResolutionShare: ShareSchema,
    qualifyingEducation: z
      .array(z.string().min(1).max(50))
      .min(1)
      .max(20)
      .refine((l) => new Set(l).size === l.length, { message: 'Các mã trình độ không được trùng.' }),
  },
  meetings: {
    minMinutes: Int(0, 600),
    minMinutesCombined: Int(0, 600),
    documentsDaysBefore: Int(0, 30),
    superiorInvited: Int(0, 1),
    regularPerMonth: Int(1, 10),
    topicalPerQuarter: Int(0, 10),
    absenceMonthsInYear: Int(1, 12),
  },
  congress: {
    termYears: Int(1, 10),
    cellCongressesPerTerm: Int(1, 5),
  },
};

/** A whole version's figures, validated: each range, then the relations between figures. */
export const RuleSetRulesSchema: z.ZodType<RuleSetRules> = z
  .strictObject({
    orgSize: z.strictObject(groups.orgSize),
    badges: z.strictObject(groups.badges),
    probation: z.strictObject(groups.probation),
    discipline: z.strictObject(groups.discipline),
    transfer: z.strictObject(groups.transfer),
    fees: z.strictObject(groups.fees),
    admission: z.strictObject(groups.admission),
    meetings: z.strictObject(groups.meetings),
    congress: z.strictObject(groups.congress),
  })
  .superRefine((r, ctx) => {
    const issue = (path: string[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (r.admission.minAgeYears >= r.admission.maxAgeYears) issue(['admission', 'maxAgeYears'], 'Tuổi tối đa phải lớn hơn tuổi tối thiểu.');
    if (r.transfer.temporaryMinMonths >= r.transfer.temporaryMaxMonths)
      issue(['transfer', 'temporaryMaxMonths'], 'Thời gian sinh hoạt tạm thời tối đa phải lớn hơn tối thiểu.');
    if (r.transfer.temporaryTrainingMaxMonths < r.transfer.temporaryMaxMonths)
      issue(['transfer', 'temporaryTrainingMaxMonths'], 'Thời gian đi học tập trung không được ngắn hơn thời gian sinh hoạt tạm thời thông thường.');
    const lastMilestone = r.badges.milestones.at(-1) ?? 0;
    if (r.badges.earlyForIllness.length > 0 && (r.badges.earlyForIllness.at(-1)?.upToYears ?? 0) < lastMilestone) {
      issue(['badges', 'earlyForIllness'], `Các mốc xét sớm khi ốm nặng phải phủ đến mốc Huy hiệu cao nhất (${lastMilestone} năm).`);
    }
  });

/** The figures an administrator changes: any subset of each group, nothing unknown. */
export const RuleSetRulesPatch = z.strictObject({
  orgSize: z.strictObject(groups.orgSize).partial().optional(),
  badges: z.strictObject(groups.badges).partial().optional(),
  probation: z.strictObject(groups.probation).partial().optional(),
  discipline: z.strictObject(groups.discipline).partial().optional(),
  transfer: z.strictObject(groups.transfer).partial().optional(),
  fees: z.strictObject(groups.fees).partial().optional(),
  admission: z.strictObject(groups.admission).partial().optional(),
  meetings: z.strictObject(groups.meetings).partial().optional(),
  congress: z.strictObject(groups.congress).partial().optional(),
});
export type RuleSetRulesPatchInput = z.infer<typeof RuleSetRulesPatch>;

export const NewRuleSetBody = z.strictObject({
  /** First day in force. */
  effectiveFrom: IsoDateSchema,
  /** The documents the version follows. */
  basis: TextSchema(300).pipe(z.string().min(5, { message: 'Căn cứ cần ít nhất 5 ký tự (số, ký hiệu văn bản).' })),
  /** Why the version is added (for the audit log). */
  note: TextSchema(500).nullable().optional(),
  rules: RuleSetRulesPatch,
});
export type NewRuleSetInput = z.infer<typeof NewRuleSetBody>;

const Share = z.object({ numerator: z.number(), denominator: z.number() });
const RulesResponse = z.object({
  orgSize: z.object({ minOfficialMembers: z.number(), partyCommitteeThreshold: z.number(), cellCommitteeThreshold: z.number() }),
  badges: z.object({
    milestones: z.array(z.number()),
    anniversaries: z.array(z.string()),
    earlyForIllness: z.array(z.object({ upToYears: z.number(), months: z.number() })),
    posthumousEarlyMonths: z.number(),
    disciplineDelayMonths: z.object({ reprimand: z.number(), warning: z.number(), removal: z.number() }),
  }),
  probation: z.object({ months: z.number(), recognitionDueWorkingDays: z.number(), recognitionVoteShare: Share, inconclusiveVotesToSuperior: z.number() }),
  discipline: z.object({
    lapseMonths: z.number(),
    complaintDays: z.number(),
    limitationYears: z.object({ reprimand: z.number(), warningOrRemoval: z.number() }),
  }),
  transfer: z.object({
    startWithinWorkingDays: z.number(),
    presentLetterWithinWorkingDays: z.number(),
    temporaryMinMonths: z.number(),
    temporaryMaxMonths: z.number(),
    temporaryTrainingMaxMonths: z.number(),
  }),
  fees: z.object({ exemptFromPartyAgeYears: z.number() }),
  admission: z.object({
    minAgeYears: z.number(),
    maxAgeYears: z.number(),
    courseCertificateValidMonths: z.number(),
    ceremonyWithinWorkingDays: z.number(),
    backgroundFormWithinWorkingDays: z.number(),
    readmissionAfterMonths: z.number(),
    readmissionAfterCriminalRecordMonths: z.number(),
    introducerMonthsTogether: z.number(),
    cellVoteShare: Share,
    committeeResolutionShare: Share,
    qualifyingEducation: z.array(z.string()),
  }),
  meetings: z.object({
    minMinutes: z.number(),
    minMinutesCombined: z.number(),
    documentsDaysBefore: z.number(),
    superiorInvited: z.number(),
    regularPerMonth: z.number(),
    topicalPerQuarter: z.number(),
    absenceMonthsInYear: z.number(),
  }),
  congress: z.object({ termYears: z.number(), cellCongressesPerTerm: z.number() }),
});

const Change = z.object({ path: z.string(), label: z.string(), from: z.string(), to: z.string() });

export const RuleSetVersionSchema = z.object({
  id: z.string(),
  effectiveFrom: z.string(),
  /** The day before the next version takes effect; null for the latest. */
  effectiveTo: z.string().nullable(),
  basis: z.string(),
  note: z.string().nullable(),
  copiedFrom: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string().nullable(),
  inForce: z.boolean(),
  rules: RulesResponse,
  /** What differs from the version before it. */
  changes: z.array(Change),
});

export const RuleSetListResponse = z.object({ items: z.array(RuleSetVersionSchema), canEdit: z.boolean() });

export const RuleSetPreviewResponse = z.object({
  id: z.string(),
  effectiveFrom: z.string(),
  copiedFrom: z.string(),
  basis: z.string(),
  rules: RulesResponse,
  changes: z.array(Change),
});

export type RuleSetVersion = z.infer<typeof RuleSetVersionSchema>;
export type RuleSetListResponse = z.infer<typeof RuleSetListResponse>;
export type RuleSetPreview = z.infer<typeof RuleSetPreviewResponse>;
/** A new version: its date, its basis, and the figures that differ from the version it copies (by group). */
export type NewRuleSet = z.input<typeof NewRuleSetBody>;
