/**
 * The roll of any date (issue 14, part 1): which members are on which organisation's roll on a date, with their
 * membership. Every count "as of D" (the reports, the organisation page's counts of a past date) reads this one
 * fragment and places its `org_id` on the tree of D (orgs' `subtreeInForceSql`).
 *
 * PROVISIONAL until the member periods land: it reads the member's derived columns (today's roll, the first admission,
 * the official date and the leaving date), which is wrong for a member who moved or was readmitted. The periods
 * version keeps this signature and these columns.
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

/** A derived table of the members on a roll on `asOf` (alias it: `${rollOnSql(d)} AS r`). */
export function rollOnSql(asOf: string): RawBuilder<RollRow> {
  return sql<RollRow>`(SELECT m.id AS member_id, m.org_id,
      CASE WHEN m.official_on IS NOT NULL AND m.official_on <= ${asOf} THEN 'official' ELSE 'probationary' END AS membership,
      m.status
    FROM member m
    WHERE m.admitted_on <= ${asOf} AND (m.left_on IS NULL OR m.left_on > ${asOf}))`;
}
