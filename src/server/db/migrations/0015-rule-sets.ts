/**
 * Rule sets as data (domain.md §12): each version of the thresholds, quotas and time limits with the day it takes
 * effect, owned by modules/rulesets. The versions shipped so far are seeded here as they were on the day of this
 * migration (a literal copy, so that later code changes never change what this migration writes); a system
 * administrator adds later versions through the API, each copied from the one in force with numbers changed.
 */
import { sql, type Kysely } from 'kysely';

const SHIPPED = [
  {
    id: 'dieu-le-2011-qd24-2018',
    effectiveFrom: '2011-01-19',
    basis: 'Điều lệ Đảng (2011); Quy định 24-QĐ/TW (2021) và các quy định trước',
    rules: {
      orgSize: {
        minOfficialMembers: 3,
        partyCommitteeThreshold: 30,
        cellCommitteeThreshold: 9,
      },
      badges: {
        milestones: [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90],
        anniversaries: ['02-03', '05-19', '09-02', '11-07'],
        earlyForIllness: [
          {
            upToYears: 65,
            months: 12,
          },
          {
            upToYears: 90,
            months: 24,
          },
        ],
        posthumousEarlyMonths: 12,
        disciplineDelayMonths: {
          reprimand: 6,
          warning: 9,
          removal: 12,
        },
      },
      probation: {
        months: 12,
        recognitionDueWorkingDays: 30,
        recognitionVoteShare: {
          numerator: 2,
          denominator: 3,
        },
        inconclusiveVotesToSuperior: 3,
      },
      discipline: {
        lapseMonths: 12,
        complaintDays: 30,
        limitationYears: {
          reprimand: 5,
          warningOrRemoval: 10,
        },
      },
      transfer: {
        startWithinWorkingDays: 60,
        presentLetterWithinWorkingDays: 30,
        temporaryMinMonths: 3,
        temporaryMaxMonths: 12,
        temporaryTrainingMaxMonths: 24,
      },
      fees: {
        exemptFromPartyAgeYears: 50,
      },
      admission: {
        minAgeYears: 18,
        maxAgeYears: 60,
        courseCertificateValidMonths: 60,
        ceremonyWithinWorkingDays: 30,
        backgroundFormWithinWorkingDays: 30,
        readmissionAfterMonths: 36,
        readmissionAfterCriminalRecordMonths: 60,
        introducerMonthsTogether: 12,
        cellVoteShare: {
          numerator: 2,
          denominator: 3,
        },
        committeeResolutionShare: {
          numerator: 2,
          denominator: 3,
        },
        qualifyingEducation: ['thcs', 'thpt'],
      },
    },
  },
  {
    id: 'qd294-2025',
    effectiveFrom: '2025-07-01',
    basis: 'Điều lệ Đảng; Quy định 294-QĐ/TW (2025) thi hành Điều lệ Đảng',
    rules: {
      orgSize: {
        minOfficialMembers: 3,
        partyCommitteeThreshold: 30,
        cellCommitteeThreshold: 9,
      },
      badges: {
        milestones: [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90],
        anniversaries: ['02-03', '05-19', '09-02', '11-07'],
        earlyForIllness: [
          {
            upToYears: 65,
            months: 12,
          },
          {
            upToYears: 90,
            months: 24,
          },
        ],
        posthumousEarlyMonths: 12,
        disciplineDelayMonths: {
          reprimand: 6,
          warning: 9,
          removal: 12,
        },
      },
      probation: {
        months: 12,
        recognitionDueWorkingDays: 30,
        recognitionVoteShare: {
          numerator: 2,
          denominator: 3,
        },
        inconclusiveVotesToSuperior: 3,
      },
      discipline: {
        lapseMonths: 12,
        complaintDays: 30,
        limitationYears: {
          reprimand: 5,
          warningOrRemoval: 10,
        },
      },
      transfer: {
        startWithinWorkingDays: 60,
        presentLetterWithinWorkingDays: 30,
        temporaryMinMonths: 3,
        temporaryMaxMonths: 12,
        temporaryTrainingMaxMonths: 24,
      },
      fees: {
        exemptFromPartyAgeYears: 50,
      },
      admission: {
        minAgeYears: 18,
        maxAgeYears: 60,
        courseCertificateValidMonths: 60,
        ceremonyWithinWorkingDays: 30,
        backgroundFormWithinWorkingDays: 30,
        readmissionAfterMonths: 36,
        readmissionAfterCriminalRecordMonths: 60,
        introducerMonthsTogether: 12,
        cellVoteShare: {
          numerator: 2,
          denominator: 3,
        },
        committeeResolutionShare: {
          numerator: 2,
          denominator: 3,
        },
        qualifyingEducation: ['thcs', 'thpt'],
      },
    },
  },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE rule_set (
      id text PRIMARY KEY,
      effective_from date NOT NULL UNIQUE,
      basis text NOT NULL,
      rules jsonb NOT NULL,
      copied_from text REFERENCES rule_set(id),
      note text,
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )
  `.execute(db);
  for (const r of SHIPPED) {
    await sql`INSERT INTO rule_set (id, effective_from, basis, rules) VALUES (${r.id}, ${r.effectiveFrom}, ${r.basis}, ${JSON.stringify(r.rules)}::jsonb)`.execute(
      db,
    );
  }
}
