/**
 * Representative calls of the badge lists' reads for the SQL snapshot (src/server/db/sql-snapshot.ts): the 19/5/2027
 * anniversary seen on 20/11/2026 in one province's scope, with the milestones and allowances of the rule set in force.
 * The snapshot shows the partial-index predicates (migrations 0011, 0014) word for word.
 */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import type { BadgeCandidateQuery } from './members.badges.repo.ts';
import * as repo from './members.badges.repo.ts';

const MILESTONES = [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90];
const Q: BadgeCandidateQuery = {
  scope: ['/0190a1b2-0000-7000-8000-000000000001/'],
  subtree: undefined,
  today: '2026-11-20',
  anniversary: '2027-05-19',
  previous: '2027-02-03',
  milestonesA: MILESTONES,
  milestonesT: MILESTONES,
  earlyMonths: (m) => (m <= 65 ? 12 : 24),
  maxEarly: 24,
  posthumousEarlyMonths: 12,
  maxDelay: 12,
  page: { offset: 50, limit: 50 },
};

export const cases: SqlCases<typeof repo> = {
  findPlainDue: (db) => repo.findPlainDue(db, Q),
  findIllDue: (db) => repo.findIllDue(db, Q),
  findGappedCandidates: (db) => repo.findGappedCandidates(db, Q),
  findLeftCandidates: (db) => repo.findLeftCandidates(db, Q),
  findHeldBackCandidates: (db) => repo.findHeldBackCandidates(db, Q),
  findPosthumousCandidates: (db) => repo.findPosthumousCandidates(db, Q),
  findPlainBacklogPage: (db) => repo.findPlainBacklogPage(db, Q),
  countPlainBacklog: (db) => repo.countPlainBacklog(db, Q),
};
