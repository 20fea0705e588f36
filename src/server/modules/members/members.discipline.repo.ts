/**
 * Member reads the discipline module needs (members owns member and member_period; discipline sits below members and
 * receives these through the port src/server/app.ts passes): the member's name, current organisation and its path
 * (scope), and his period on a date (the roll and the membership the forms depend on, a readmitted member's new
 * probation included).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { orgCurrentPathSql } from '../orgs/orgs.admissions.repo.ts';

export interface MemberForDiscipline {
  id: string;
  full_name: string;
  gender: 'nam' | 'nu';
  org_id: string;
  current_path: string;
  /** His period on the date: the roll, status and membership then; null when he was not a member that day. */
  period: { org_id: string; status: string; membership: 'probationary' | 'official' } | null;
}

export async function memberForDiscipline(db: Kysely<DB>, memberId: string, date: string): Promise<MemberForDiscipline | null> {
  const m = await db
    .selectFrom('member as m')
    .select(['m.id', 'm.full_name', 'm.gender', 'm.org_id', orgCurrentPathSql('m.org_id').as('current_path')])
    .where('m.id', '=', memberId)
    .executeTakeFirst();
  if (!m) return null;
  const period = await db
    .selectFrom('member_period as p')
    .select(['p.org_id', 'p.status', 'p.membership'])
    .where('p.member_id', '=', memberId)
    .where('p.valid_from', '<=', date)
    .where((eb) => eb.or([eb('p.valid_to', 'is', null), eb('p.valid_to', '>', date)]))
    .executeTakeFirst();
  return { ...m, period: period ?? null };
}
