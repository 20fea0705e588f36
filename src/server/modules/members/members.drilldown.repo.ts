/**
 * The member list's drill-down filters (issue 14): the conditions, on the list's member `m`, behind a report cell's
 * link, so that the list's count is the cell's number. Composed by filteredMembers (members.repo.ts), the one
 * definition of the list and its export; resolved from the query by members.filters.ts.
 *
 * - `asOf`: on a roll on that date (rollOnSql), within the organisation's subtree on the tree of that date.
 * - `membership`: on the date (asOf, else today), from the member's periods.
 * - changes of a period: each event seen from the organisation's subtree on the tree of the event's own date. A
 *   transfer counts on the day the receiving organisation confirms it, the day the roll changes (in transit the
 *   member is still on the sending roll): `transferred_in` from outside the subtree, `transferred_out` to outside,
 *   `moved_in` from one of its organisations to another. Leaving the Party counts on its date on the last roll.
 */
import { sql, type RawBuilder } from 'kysely';
import type { MEMBER_CHANGE_KINDS } from '../../../contract/members.ts';
import { orgUnderOnSql } from '../orgs/orgs.members.repo.ts';
import { subtreeInForceSql } from '../orgs/orgs.repo.ts';
import { onRollOnSql, rollOnSql } from './members.roll.repo.ts';
import { memberDisciplinedBetweenSql } from '../discipline/discipline.repo.ts';

export type MemberChangeKind = (typeof MEMBER_CHANGE_KINDS)[number];

/** Leaving kinds → the status of the period they begin. */
const LEAVING_STATUS: Partial<Record<MemberChangeKind, string>> = {
  deceased: 'deceased',
  struck_off: 'struck_off',
  allowed_to_leave: 'left',
  expelled: 'expelled',
};

/** The Kinh ethnicity's code in the catalogue (ethnicity '01'). */
export const KINH = '01';

export interface DrillDownFilters {
  /** The day the list is of: asOf, else today. */
  day: string;
  /** On a roll on `day` (the asOf filter); with `rollPath`, within that subtree of the tree of `day`; null: nothing (the organisation did not exist). */
  onRoll?: { path: string | null | undefined } | undefined;
  membership?: 'probationary' | 'official' | undefined;
  ethnicityGroup?: 'kinh' | 'minority' | undefined;
  religionAny?: boolean | undefined;
  /** Holds this badge (awarded on or before `day`). */
  badge?: number | undefined;
  youthUnion?: boolean | undefined;
  change?:
    | {
        kind: MemberChangeKind;
        from: string;
        to: string;
        rootId?: string | undefined;
        disciplineForm?: 'reprimand' | 'warning' | 'removal' | 'expulsion' | undefined;
      }
    | undefined;
}

const under = (orgColumn: string, dateColumn: string, rootId: string | undefined) =>
  rootId ? orgUnderOnSql(orgColumn, dateColumn, rootId) : sql<boolean>`true`;
const notUnder = (orgColumn: string, dateColumn: string, rootId: string | undefined) =>
  rootId ? sql<boolean>`NOT ${orgUnderOnSql(orgColumn, dateColumn, rootId)}` : sql<boolean>`false`;

/** The members with the change in the period, as a subquery of member ids. */
function changeSql(c: NonNullable<DrillDownFilters['change']>): RawBuilder<boolean> {
  const { kind, from, to, rootId } = c;
  const leaving = LEAVING_STATUS[kind];
  if (leaving)
    return sql<boolean>`m.id IN (SELECT p.member_id FROM member_period p
      WHERE p.status = ${leaving} AND p.valid_from >= ${from} AND p.valid_from <= ${to} AND ${under('p.org_id', 'p.valid_from', rootId)})`;
  if (kind === 'admitted' || kind === 'readmitted')
    return sql<boolean>`m.id IN (SELECT e.member_id FROM member_event e
      WHERE e.kind = ${kind} AND e.effective_date >= ${from} AND e.effective_date <= ${to} AND ${under('e.org_id', 'e.effective_date', rootId)})`;
  // The roll on the day of an event: the member's period in force then.
  const rollThen = (date: string, cond: RawBuilder<boolean>) =>
    sql<boolean>`EXISTS (SELECT 1 FROM member_period p WHERE p.member_id = m.id AND p.valid_from <= ${sql.ref(date)}
      AND (p.valid_to IS NULL OR p.valid_to > ${sql.ref(date)}) AND ${cond})`;
  if (kind === 'recognized_official')
    return sql<boolean>`m.id IN (SELECT e.member_id FROM member_event e
      WHERE e.kind = 'recognized_official' AND e.effective_date >= ${from} AND e.effective_date <= ${to}
        AND EXISTS (SELECT 1 FROM member_period p WHERE p.member_id = e.member_id AND p.valid_from <= e.effective_date
          AND (p.valid_to IS NULL OR p.valid_to > e.effective_date) AND ${under('p.org_id', 'e.effective_date', rootId)}))`;
  if (kind === 'disciplined') {
    return memberDisciplinedBetweenSql('m.id', from, to, c.disciplineForm ?? null, (on) => rollThen(on, under('p.org_id', on, rootId)));
  }
  // Transfers, on the day of the arrival: the receiving roll (the event's organisation) and the sending one (the
  // member's period that ends that day: in transit, or on the roll when the letter and the arrival share the day).
  const receiver = kind === 'transferred_out' ? notUnder('e.org_id', 'e.effective_date', rootId) : under('e.org_id', 'e.effective_date', rootId);
  const sender = kind === 'transferred_in' ? notUnder('s.org_id', 'e.effective_date', rootId) : under('s.org_id', 'e.effective_date', rootId);
  return sql<boolean>`m.id IN (SELECT e.member_id FROM member_event e
    WHERE e.kind = 'transfer_in_confirmed' AND e.effective_date >= ${from} AND e.effective_date <= ${to} AND ${receiver}
      AND EXISTS (SELECT 1 FROM member_period s WHERE s.member_id = e.member_id AND s.valid_to = e.effective_date AND ${sender}))`;
}

/** The conditions of the drill-down filters given, each on the list's member `m`. */
export function drillDownConditions(f: DrillDownFilters): RawBuilder<boolean>[] {
  const out: RawBuilder<boolean>[] = [];
  const day = f.day;
  if (f.onRoll) {
    const path = f.onRoll.path;
    const membership = f.membership ? sql<boolean>`r.membership = ${f.membership}` : sql<boolean>`true`;
    if (path === null) out.push(sql<boolean>`false`);
    else if (path)
      out.push(
        sql<boolean>`m.id IN (SELECT r.member_id FROM ${rollOnSql(day)} r JOIN ${subtreeInForceSql(path, day)} v ON v.org_id = r.org_id WHERE ${membership})`,
      );
    else out.push(sql<boolean>`m.id IN (SELECT r.member_id FROM ${rollOnSql(day)} r WHERE ${membership})`);
  } else if (f.membership) {
    out.push(sql<boolean>`EXISTS (SELECT 1 FROM member_period p WHERE p.member_id = m.id AND ${onRollOnSql('p', day)} AND p.membership = ${f.membership})`);
  }
  if (f.ethnicityGroup === 'kinh') out.push(sql<boolean>`m.ethnicity = ${KINH}`);
  if (f.ethnicityGroup === 'minority') out.push(sql<boolean>`(m.ethnicity IS NOT NULL AND m.ethnicity <> ${KINH})`);
  if (f.religionAny) out.push(sql<boolean>`(m.religion IS NOT NULL AND m.religion <> 'khong')`);
  if (f.youthUnion) out.push(sql<boolean>`m.youth_union_on IS NOT NULL`);
  if (f.badge !== undefined)
    out.push(sql<boolean>`EXISTS (SELECT 1 FROM member_badge_award a WHERE a.member_id = m.id AND a.milestone = ${f.badge} AND a.awarded_on <= ${day})`);
  if (f.change) out.push(changeSql(f.change));
  return out;
}
