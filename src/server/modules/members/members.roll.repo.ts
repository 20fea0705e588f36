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
import { sql, type RawBuilder } from 'kysely';

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
