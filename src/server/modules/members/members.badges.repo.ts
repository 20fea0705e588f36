/**
 * The badge lists' reads: the candidate members of a scope (partial indexes of migrations 0011 and 0014) and their
 * party disciplines. Their events come from members.repo.ts (eventsInOrder), the organisations' names from orgs.
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { addDays } from '../../../domain/dates.ts';
import { addMonths, addYears } from '../../../domain/member-status.ts';
import { RULE_SETS } from '../../../domain/rulesets.ts';
import type { DB } from '../../db/schema.ts';
import type { Scope } from '../../http/actor.ts';
import { orgIdsInScope } from '../orgs/orgs.members.repo.ts';
import { memberDisciplinedBetweenSql, memberEverDisciplinedSql } from '../discipline/discipline.repo.ts';

/**
 * Official members of the Party who lost no day of party age and are in no gap that may be opening (in transit, lost
 * contact), and the others: the predicates of the partial indexes of migration 0011, word for word.
 */
const PLAIN_SQL = sql<SqlBool>`m.official_on IS NOT NULL AND m.party_age_from = m.admitted_on AND m.status NOT IN ('deceased', 'struck_off', 'left', 'expelled', 'in_transit', 'lost_contact')`;
const GAPPED_SQL = sql<SqlBool>`m.official_on IS NOT NULL AND m.admitted_on IS NOT NULL AND m.status NOT IN ('deceased', 'struck_off', 'left', 'expelled')
  AND (m.party_age_from IS NULL OR m.party_age_from <> m.admitted_on OR m.status IN ('in_transit', 'lost_contact'))`;
/** The predicate of the seriously ill members' index (migration 0011). */
const ILL_SQL = sql<SqlBool>`(m.flags->>'seriouslyIll') = 'true'`;
/** Deceased members proposed for a posthumous award (index member_posthumous_idx of migration 0014). */
const POSTHUMOUS_SQL = sql<SqlBool>`(m.flags->>'posthumous') = 'true' AND m.left_on IS NOT NULL`;
/** Official members who left the Party (index member_left_idx). */
const LEFT_SQL = sql<SqlBool>`m.official_on IS NOT NULL AND m.left_on IS NOT NULL`;
/** Every milestone of every rule set: the values member.badge_top can hold besides 0. */
const AWARDABLE = [...new Set(RULE_SETS.flatMap((r) => r.badges.milestones))].sort((a, b) => a - b);

type M = ExpressionBuilder<DB & { m: DB['member'] }, 'm'>;

/** What the candidate readers need: the scope, the dates and the milestones the service worked out. */
export interface BadgeCandidateQuery {
  scope: Scope;
  subtree?: { from: string; to: string } | undefined;
  today: string;
  anniversary: string;
  previous: string;
  milestonesA: number[];
  milestonesT: number[];
  earlyMonths: (m: number) => number;
  maxEarly: number;
  posthumousEarlyMonths: number;
  maxDelay: number;
  page: { offset: number; limit: number } | null;
}

export interface BadgeCandidateRow {
  id: string;
  full_name: string;
  org_id: string;
  name_sort_key: string;
  flags: unknown;
  admitted_on: string | null;
  official_on: string | null;
  status: string;
  badge_top: number;
  disciplined: SqlBool;
}

// The whole tree needs no organisation (every member is on a roll); a scope or a subtree, the organisations on its
// current paths.
const inScope = (db: Kysely<DB>, o: BadgeCandidateQuery, where: RawBuilder<SqlBool>) => {
  const q = db.selectFrom('member as m').where(where);
  if (o.scope === 'all' && !o.subtree) return q;
  return q.where('m.org_id', 'in', orgIdsInScope(db, o.scope, o.subtree));
};
const columns = [
  'm.id',
  'm.full_name',
  'm.org_id',
  'm.name_sort_key',
  'm.flags',
  'm.admitted_on',
  'm.official_on',
  'm.status',
  'm.badge_top',
  () => memberEverDisciplinedSql('m.id').as('disciplined'),
] as const;
const d = (date: string) => sql<string>`${sql.lit(date)}::date`;
// "Reached and never awarded" by today: the milestone after the highest received (badge_top) is reached by today,
// for a plain history on admitted_on + M years, for any other not before. One branch per highest award: a range of
// the (badge_top, admitted_on) index. Awards are milestones of some rule set (the service checks it).
const backlogRanges = (o: BadgeCandidateQuery) =>
  [0, ...AWARDABLE]
    .map((top) => ({ top, next: o.milestonesT.find((m) => m > top) }))
    .filter((b): b is { top: number; next: number } => b.next !== undefined)
    .map(({ top, next }) => ({ top, next, admittedBy: d(addDays(addYears(o.today, -next), 1)) }));
const backlogBranches = (o: BadgeCandidateQuery, eb: M): Expression<SqlBool> =>
  eb.or(backlogRanges(o).map(({ top, admittedBy }) => eb.and([eb('m.badge_top', '=', sql.lit(top)), eb('m.admitted_on', '<=', admittedBy)])));
// 1. Plain histories with a milestone in the anniversary's window (previous anniversary, anniversary], or up to
//    the illness allowance after it for seriously ill members, and not received yet.
const windows = (o: BadgeCandidateQuery, eb: M) =>
  eb.or(
    o.milestonesA.map((m) =>
      eb.and([
        eb('m.badge_top', '<', sql.lit(m)),
        eb('m.admitted_on', '>=', d(addDays(addYears(o.previous, -m), -3))),
        eb('m.admitted_on', '<=', d(addDays(addYears(o.anniversary, -m), 3))),
      ]),
    ),
  );
// 2. Histories with gaps, for the general rules: those a milestone may reach in the window (it is reached between
//    admitted_on + M, had no day been lost, and party_age_from + M, the running age as of the last event, which
//    only ever counted fewer days before it), and those the backlog may hold.
const gappedWindows = (o: BadgeCandidateQuery, eb: M) =>
  eb.or(
    o.milestonesA.map((m) =>
      eb.and([
        eb('m.badge_top', '<', sql.lit(m)),
        eb('m.admitted_on', '<=', d(addDays(addYears(addMonths(o.anniversary, o.maxEarly), -m), 3))),
        eb.or([
          eb('m.party_age_from', 'is', null),
          eb('m.status', 'in', [sql.lit('in_transit'), sql.lit('lost_contact')]),
          eb('m.party_age_from', '>=', d(addDays(addYears(o.previous, -m), -3))),
        ]),
      ]),
    ),
  );

/** 1. Plain histories with a milestone in the anniversary's window, not received yet. */
export function findPlainDue(db: Kysely<DB>, o: BadgeCandidateQuery): Promise<BadgeCandidateRow[]> {
  return inScope(db, o, PLAIN_SQL)
    .where((eb) => windows(o, eb))
    .select(columns)
    .execute();
}

/**
 * 1. The seriously ill plain histories a milestone may reach by the end of the illness allowance after the
 *    anniversary: admitted at least the first milestone before it, through their own index (few rows). Wider than the
 *    windows: the rules decide each, and the service drops those findPlainDue found already. One range keeps the
 *    statement cheap to plan, which on PGlite cost more than running it.
 */
export function findIllDue(db: Kysely<DB>, o: BadgeCandidateQuery): Promise<BadgeCandidateRow[]> {
  if (o.milestonesA.length === 0) return Promise.resolve([]);
  const first = Math.min(...o.milestonesA);
  // The ill first, through their index, behind a fence (OFFSET 0): with the plain histories' predicate beside it the
  // planner took the plain histories' index and filtered a quarter of the province (issue 13).
  const ill = db
    .selectFrom('member as m')
    .selectAll('m')
    .where(ILL_SQL)
    .where('m.admitted_on', '<=', d(addDays(addYears(addMonths(o.anniversary, o.maxEarly), -first), 3)))
    .offset(0);
  const q = db.selectFrom(ill.as('m')).where(PLAIN_SQL);
  return (o.scope === 'all' && !o.subtree ? q : q.where('m.org_id', 'in', orgIdsInScope(db, o.scope, o.subtree))).select(columns).execute();
}

/** 2. Histories with gaps a milestone may reach in the window, or the backlog may hold. */
export function findGappedCandidates(db: Kysely<DB>, o: BadgeCandidateQuery): Promise<BadgeCandidateRow[]> {
  return inScope(db, o, GAPPED_SQL)
    .where((eb) => eb.or([gappedWindows(o, eb), backlogBranches(o, eb)]))
    .select(columns)
    .execute();
}

/**
 * 3. Members who left the Party lately, for the general rules too: a deceased member's milestone reached in life or
 *    up to the posthumous allowance after the death may be proposed, and on an anniversary past the others were
 *    still members. Their party age stopped when they left (or runs on to the allowance after a death).
 */
export function findLeftCandidates(db: Kysely<DB>, o: BadgeCandidateQuery): Promise<BadgeCandidateRow[]> {
  const allowance = sql`make_interval(months => ${sql.lit(o.posthumousEarlyMonths)}, days => 3)`;
  return inScope(db, o, LEFT_SQL)
    .where('m.left_on', '>=', d(addDays(addMonths(o.previous, -o.posthumousEarlyMonths), -3)))
    .where((eb) =>
      eb.or(
        [0, ...AWARDABLE]
          .map((top) => ({ top, next: o.milestonesA.find((m) => m > top) }))
          .filter((b): b is { top: number; next: number } => b.next !== undefined)
          .map(({ top, next }) =>
            eb.and([eb('m.badge_top', '=', sql.lit(top)), sql<SqlBool>`m.admitted_on + make_interval(years => ${sql.lit(next)}) <= m.left_on + ${allowance}`]),
          ),
      ),
    )
    .select(columns)
    .execute();
}

/** 4. Members a discipline delay may have held back at the previous anniversary: a party decision in the longest delay before it. */
export function findHeldBackCandidates(db: Kysely<DB>, o: BadgeCandidateQuery): Promise<BadgeCandidateRow[]> {
  return inScope(db, o, sql<SqlBool>`m.official_on IS NOT NULL`)
    .where(memberDisciplinedBetweenSql('m.id', addDays(addMonths(o.previous, -o.maxDelay), -3), o.previous, null))
    .select(columns)
    .execute();
}

/** 5. Deceased members proposed for a posthumous award, whenever they died. */
export function findPosthumousCandidates(db: Kysely<DB>, o: BadgeCandidateQuery): Promise<BadgeCandidateRow[]> {
  return inScope(db, o, POSTHUMOUS_SQL).select(columns).execute();
}

// 6. Plain histories in the backlog: counted and paged by the database, one range of member_badge_plain_idx
//    (badge_top, admitted_on) per highest award, joined by UNION ALL (the branches are disjoint: one value of
//    badge_top each). As one OR the planner scanned the whole index and filtered it (issue 13).
// With a plain history's reach date itself (as the database adds years: 29/02 + 30 years is 28/02).
const backlogBranchQueries = (db: Kysely<DB>, o: BadgeCandidateQuery) =>
  backlogRanges(o).map(({ top, next, admittedBy }) =>
    inScope(db, o, PLAIN_SQL)
      .where('m.badge_top', '=', sql.lit(top))
      .where('m.admitted_on', '<=', admittedBy)
      .where(sql<SqlBool>`m.admitted_on + make_interval(years => ${sql.lit(next)}) <= ${d(o.today)}`),
  );

/** 6. The plain backlog's rows up to the end of the page, in name order. */
export async function findPlainBacklogPage(db: Kysely<DB>, o: BadgeCandidateQuery): Promise<BadgeCandidateRow[]> {
  const branches = backlogBranchQueries(db, o).map((q) => q.select(columns));
  const [first, ...rest] = branches;
  if (!first) return [];
  const all = rest.reduce((u, q) => u.unionAll(q), first);
  let page = db.selectFrom(all.as('m')).selectAll('m').orderBy('m.name_sort_key').orderBy('m.id');
  if (o.page) page = page.limit(o.page.offset + o.page.limit);
  return page.execute();
}

/** 6. How many plain histories the backlog holds. */
export async function countPlainBacklog(db: Kysely<DB>, o: BadgeCandidateQuery): Promise<number> {
  const branches = backlogBranchQueries(db, o).map((q) => q.select(sql.lit(1).as('one')));
  const [first, ...rest] = branches;
  if (!first) return 0;
  const all = rest.reduce((u, q) => u.unionAll(q), first);
  const r = await db
    .selectFrom(all.as('b'))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
