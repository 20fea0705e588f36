/**
 * Member reads the admissions module needs (members owns member and member_event): the life events that give a
 * person's status on a date (introducers, the helper, a former member), the roll of a cell on a vote's date, and the
 * admission decisions that count towards a target.
 */
import type { Kysely } from 'kysely';
import type { CellMemberOnDate } from '../../../domain/admission.ts';
import { TERMINAL_STATUSES, statusOn, type MemberEvent } from '../../../domain/member-status.ts';
import { subtreeRange } from '../../../domain/org-path.ts';
import type { DB } from '../../db/schema.ts';
import { orgInSubtreeSql } from '../orgs/orgs.admissions.repo.ts';
import { rowToEvent } from '../../../domain/member-events.ts';

/** A member's events, or for a member recorded without any, the admission and recognition his columns record. */
export async function memberEvents(db: Kysely<DB>, memberIds: readonly string[]): Promise<Map<string, MemberEvent[]>> {
  const out = new Map<string, MemberEvent[]>();
  if (memberIds.length === 0) return out;
  const rows = await db.selectFrom('member_event').selectAll().where('member_id', 'in', memberIds).orderBy('effective_date').orderBy('created_at').execute();
  for (const r of rows) out.set(r.member_id, [...(out.get(r.member_id) ?? []), rowToEvent(r)]);
  const bare = memberIds.filter((id) => !out.has(id));
  if (bare.length > 0) {
    const members = await db.selectFrom('member').select(['id', 'org_id', 'admitted_on', 'official_on']).where('id', 'in', bare).execute();
    for (const m of members) {
      out.set(m.id, [
        { kind: 'admitted', date: m.admitted_on, orgId: m.org_id },
        ...(m.official_on ? [{ kind: 'recognized_official' as const, date: m.official_on, officialOn: m.official_on }] : []),
      ]);
    }
  }
  return out;
}

/** Everyone on the cell's roll on `date` (by the member file's events), with status and membership on that date. */
export async function cellMembersOn(db: Kysely<DB>, cellId: string, date: string): Promise<CellMemberOnDate[]> {
  const candidates = await db
    .selectFrom('member as m')
    .select(['m.id', 'm.full_name'])
    .where((eb) => eb.or([eb('m.org_id', '=', cellId), eb('m.id', 'in', eb.selectFrom('member_event').select('member_id').where('org_id', '=', cellId))]))
    .where('m.admitted_on', '<=', date)
    .orderBy('m.name_sort_key')
    .execute();
  const events = await memberEvents(
    db,
    candidates.map((c) => c.id),
  );
  const out: CellMemberOnDate[] = [];
  for (const c of candidates) {
    const p = statusOn(events.get(c.id) ?? [], date);
    // On the cell's roll that day, whatever the status short of leaving the Party: members in transit (still on the
    // sender's roll) and out of contact are on it too, and count in a vote unless an exclusion of §6 applies.
    if (!p || p.orgId !== cellId || (TERMINAL_STATUSES as readonly string[]).includes(p.status)) continue;
    out.push({ memberId: c.id, name: c.full_name, status: p.status, official: p.membership === 'official' });
  }
  return out;
}

/** Admission decisions (first admissions and readmissions) in [from, to] on the rolls of organisations in the subtree. */
export async function admittedIn(db: Kysely<DB>, path: string, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('member_event as e')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('e.kind', 'in', ['admitted', 'readmitted'])
    .where('e.effective_date', '>=', from)
    .where('e.effective_date', '<=', to)
    .where(orgInSubtreeSql('e.org_id', subtreeRange(path)))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
