/** Representative calls of the discipline repository for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './discipline.repo.ts';

const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const MEMBER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';
const ORG = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d';

export const cases: SqlCases<typeof repo> = {
  disciplineInForceSql: 'fragment: the party decisions in force on a day; see listDecisions and the members repositories (badges, drill-down, reports)',
  memberUnderDisciplineSql: 'fragment: a member under a discipline in force on a day; see the members repositories',
  memberDisciplinedBetweenSql: "fragment: a member disciplined within a period; see the members drill-down's disciplined filter",
  memberDecisionsJsonSql: "fragment: a member's decisions as JSON; see the members repository (memberFile)",
  memberDecisionsDecidedSql: "fragment: members' decisions decided in a period; see the members reports repository (changesBetween)",
  memberEverDisciplinedSql: 'fragment: a member ever disciplined; see the badge list',
  insertDecision: (db) =>
    repo.insertDecision(db, {
      id: ID,
      subject_kind: 'member',
      member_id: MEMBER,
      org_id: null,
      subject_org_id: ORG,
      form: 'warning',
      membership: 'official',
      deciding_org_id: ORG,
      deciding_body: 'cell',
      deciding_label: 'Chi bộ Thôn 1',
      decision_no: '05-QĐ/CB',
      decided_on: '2025-03-10',
      announced_on: '2025-03-12',
      violation_on: '2024-11-02',
      violation_level: 'warning',
      reason: 'Vi phạm quy định về những điều đảng viên không được làm',
      case_id: null,
      lapse_blocked_on: null,
      lapse_blocked_reason: null,
      revoked_on: null,
      revoked_reason: null,
      replaced_by: null,
      created_by: ID,
    }),
  getDecision: (db) => repo.getDecision(db, ID),
  lockDecision: (db) => repo.lockDecision(db, ID),
  decisionsOfMember: (db) => repo.decisionsOfMember(db, MEMBER),
  decisionsOfOrg: (db) => repo.decisionsOfOrg(db, ORG),
  partyDecisionsOfMembers: (db) => repo.partyDecisionsOfMembers(db, [MEMBER]),
  partyDecisionsOfOrgsBetween: (db) => repo.partyDecisionsOfOrgsBetween(db, [ORG], '2025-01-01', '2025-12-31'),
  partyMemberDecisionsInYear: "takes a subquery of member ids; see the evaluation repository's disciplinesInYear",
  partyOrgDecisionsInYear: "takes a subquery of organisation ids; see the evaluation repository's orgDisciplinesInYear",
  listDecisions: (db) =>
    repo.listDecisions(db, { scope: ['a/b'], subtree: { from: 'a/b', to: 'a/b0' }, inForceOn: '2026-01-01', year: 2025, limit: 50, offset: 0 }),
  revokeDecision: (db) => repo.revokeDecision(db, ID, '2025-06-01', 'Khiếu nại được chấp nhận'),
  blockLapse: (db) => repo.blockLapse(db, ID, '2025-05-01', 'complaint'),
  insertComplaint: (db) =>
    repo.insertComplaint(db, {
      id: ID,
      decision_id: ID,
      received_on: '2025-03-12',
      filed_on: '2025-04-01',
      content: 'Đề nghị xem xét lại',
      outcome: null,
      outcome_on: null,
      outcome_note: null,
      created_by: ID,
    }),
  complaintsOf: (db) => repo.complaintsOf(db, [ID]),
  lockComplaint: (db) => repo.lockComplaint(db, ID, ID),
  setComplaintOutcome: (db) => repo.setComplaintOutcome(db, ID, 'upheld', '2025-05-02', null),
  insertDeferral: (db) =>
    repo.insertDeferral(db, { id: ID, member_id: MEMBER, reason: 'nursing', from_on: '2025-02-01', to_on: '2026-02-01', note: null, created_by: ID }),
  deferralsOf: (db) => repo.deferralsOf(db, MEMBER),
};
