/**
 * The roll of any date (issue 14, part 1): which members are on which organisation's roll on a date, with their
 * membership and status. Every count "as of D" (the reports, the organisation page's counts of a past date, the member
 * list's `asOf`) reads this one fragment and places its `org_id` on the tree of D (orgs' `subtreeInForceSql`).
 *
 * It reads member_period (migration 0019): the periods the events make, with the reorganisations' roster moves, so a
 * member transferred in 2020 is on the sending roll on 31/12/2019 and on the receiving one on 31/12/2020, a member who
 * died or left is on no roll from that day, a readmitted member is on none in the gap, and a count for a date before a
 * merge finds the members on the organisations of that date. The condition is the partial index's
 * (member_period_roll_idx): joined to a subtree's organisations, one index range per organisation.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { approxCalendarDays } from '../../../domain/party-age.ts';
import { ruleSetOn } from '../../../domain/rulesets.ts';

/** One row per member on a roll on the date. */
export interface RollRow {
  member_id: string;
  /** The organisation whose roll holds the member on the date (the sending one while in transit). */
  org_id: string;
  membership: 'probationary' | 'official';
  /** The status on the date (active, exempt, temporarily_away, in_transit, suspended, lost_contact). */
  status: string;
}

/** The condition "period `p` is on a roll on `asOf`" (the partial index's predicate and the date). */
export function onRollOnSql(p: string, asOf: string): RawBuilder<boolean> {
  const a = sql.ref(p);
  return sql<boolean>`(${a}.valid_from <= ${asOf} AND (${a}.valid_to IS NULL OR ${a}.valid_to > ${asOf}) AND ${a}.status NOT IN ('deceased', 'struck_off', 'left', 'expelled'))`;
}

/** A derived table of the members on a roll on `asOf` (alias it: `${rollOnSql(d)} AS r`). */
export function rollOnSql(asOf: string): RawBuilder<RollRow> {
  return sql<RollRow>`(SELECT p.member_id, p.org_id, p.membership, p.status FROM member_period p WHERE ${onRollOnSql('p', asOf)})`;
}

/** Statuses of a period during which party age does not run (domain.md §5): out of the Party, lost contact, in transit. */
const GAP_STATUSES = sql`('struck_off', 'left', 'expelled', 'lost_contact', 'in_transit')`;

/**
 * The start of the member's party age as it runs on `asOf` (domain.md §5, src/domain/party-age.ts): the first
 * admission decision shifted by the days of the gaps before `asOf`, so that the party age on `asOf` is the calendar
 * difference from it. Probation counts, gaps do not. Only meaningful for a member official on `asOf` (the caller
 * checks the membership on the roll of that day).
 *
 * - A member who never lost a day (member.party_age_from = admitted_on) starts on admitted_on, read from the row.
 * - A member whose every gap ended by `asOf` starts on member.party_age_from (derived by the domain from the events,
 *   with the working calendar's transfer allowance): exact.
 * - Otherwise (a gap after `asOf`: a readmitted member on a new probation today, one struck off, expelled or deceased
 *   since, a transfer still open): admitted_on plus the gap days of member_period before `asOf` (each period out of the
 *   Party, lost contact, or in transit beyond `transitAllowanceDays`; an expulsion later annulled is no gap). The
 *   allowance is the rule's working days × 7/5 (the domain's approximation when no calendar is given), so a transfer
 *   crossing holidays may differ by a few days from the member file's reading; consecutive transit periods (split by a
 *   recognition or a reorganisation) are each given the allowance.
 */
export function partyAgeStartOnSql(
  memberAlias: string,
  asOf: string,
  transitAllowanceDays = approxCalendarDays(ruleSetOn(asOf).transfer.presentLetterWithinWorkingDays),
): RawBuilder<string> {
  const m = (c: string) => sql.ref(`${memberAlias}.${c}`);
  const d = sql`${asOf}::date`;
  const upto = sql`LEAST(COALESCE(g.valid_to, ${d}), ${d})`;
  return sql<string>`(CASE WHEN ${m('party_age_from')} = ${m('admitted_on')} THEN ${m('admitted_on')} ELSE (
    SELECT CASE WHEN ${m('party_age_from')} IS NOT NULL AND COALESCE(bool_and(g.valid_to IS NOT NULL AND g.valid_to <= ${d}), true) THEN ${m('party_age_from')}
      ELSE ${m('admitted_on')} + COALESCE(sum(CASE WHEN g.status = 'in_transit' THEN GREATEST(0, ${upto} - (g.valid_from + ${sql.lit(transitAllowanceDays)}::int))
        ELSE ${upto} - g.valid_from END) FILTER (WHERE g.valid_from < ${d}), 0)::int END
    FROM member_period g
    WHERE g.member_id = ${m('id')} AND g.status IN ${GAP_STATUSES}
      AND NOT (g.status = 'expelled' AND EXISTS (SELECT 1 FROM member_event a WHERE a.member_id = g.member_id AND a.kind = 'expulsion_annulled' AND a.effective_date = g.valid_to))
  ) END)`;
}

/**
 * The membership (probationary / official) of the member `memberIdColumn` on `day`, from the period covering it (null
 * before the first admission). Not member.official_on, which is the start of the FIRST official period: a member
 * readmitted and on a new probation is probationary on the day although official_on is set.
 */
export function membershipOnSql(memberIdColumn: string, day: string): RawBuilder<'probationary' | 'official' | null> {
  return sql<'probationary' | 'official' | null>`(SELECT p.membership FROM member_period p WHERE p.member_id = ${sql.ref(memberIdColumn)}
    AND p.valid_from <= ${day} AND (p.valid_to IS NULL OR p.valid_to > ${day}) ORDER BY p.valid_from DESC LIMIT 1)`;
}

/** One member's membership on `day` (membershipOnSql), probationary when no period covers the day. */
export async function membershipOf(db: Kysely<DB>, memberId: string, day: string): Promise<'probationary' | 'official'> {
  const { rows } = await sql<{
    membership: 'probationary' | 'official' | null;
  }>`SELECT ${membershipOnSql('x.id', day)} AS membership FROM (SELECT ${memberId}::uuid AS id) x`.execute(db);
  return rows[0]?.membership ?? 'probationary';
}
