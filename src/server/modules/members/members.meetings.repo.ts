/**
 * Member reads the meetings module needs (members owns member and member_period): the roll of an organisation's
 * meeting on its date. A member is on it when his period of that date places him on the organisation's roll and he is
 * not hosted elsewhere, or when the organisation hosts him on a temporary transfer; members hosted elsewhere are listed
 * too (excused by default, outside the quorum), so the home cell's sheet shows its whole roll.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { onRollOnSql } from './members.roll.repo.ts';

export interface MeetingRollRow {
  member_id: string;
  full_name: string;
  membership: 'probationary' | 'official';
  status: string;
  /** Hosted here on a temporary transfer from another organisation. */
  hosted: boolean;
  /** On this organisation's roll, hosted by another one. */
  hosted_elsewhere: boolean;
}

/** The roll of `orgId`'s meeting on `date`, by name. */
export function meetingRollOn(db: Kysely<DB>, orgId: string, date: string): Promise<MeetingRollRow[]> {
  return db
    .selectFrom('member_period as p')
    .innerJoin('member as m', 'm.id', 'p.member_id')
    .select([
      'p.member_id',
      'm.full_name',
      'p.membership',
      'p.status',
      sql<boolean>`(p.host_org_id IS NOT NULL AND p.host_org_id = ${orgId} AND p.org_id <> ${orgId})`.as('hosted'),
      sql<boolean>`(p.org_id = ${orgId} AND p.host_org_id IS NOT NULL AND p.host_org_id <> ${orgId})`.as('hosted_elsewhere'),
    ])
    .where(onRollOnSql('p', date))
    .where((eb) => eb.or([eb('p.org_id', '=', orgId), eb('p.host_org_id', '=', orgId)]))
    .orderBy('m.name_sort_key')
    .orderBy('m.id')
    .execute();
}

/** Names of members by id (task owners, attendance rows), whatever their roll. */
export async function memberNames(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('member').select(['id', 'full_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}
