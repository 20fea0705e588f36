/**
 * Member reads of the absence alert (issue 16 part 5, modules/meetings): of the members a source counts against, those
 * the caller sees (their organisation's current path in the scope), still on a roll (not deceased, struck off, left or
 * expelled), with their name and organisation.
 */
import type { Kysely } from 'kysely';
import { TERMINAL_STATUSES } from '../../../domain/member-status.ts';
import type { DB } from '../../db/schema.ts';
import { pathInScopeSql } from '../../db/scope-sql.ts';
import type { Scope } from '../../http/actor.ts';
import { currentOrgPaths } from '../orgs/orgs.members.repo.ts';
import { latestOrgNameSql } from '../orgs/orgs.names.repo.ts';

/** The members among `ids` in the scope and not out of the Party, with their organisation's current path and latest name. */
export function alertMembersAmong(db: Kysely<DB>, ids: readonly string[], scope: Scope) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('member as m')
    .innerJoin(currentOrgPaths(db).as('o'), 'o.id', 'm.org_id')
    .select(['m.id', 'm.full_name', 'm.org_id', 'm.status', 'o.current_path', latestOrgNameSql('m.org_id').as('org_name')])
    .where('m.id', 'in', [...ids])
    .where('m.status', 'not in', [...TERMINAL_STATUSES])
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .orderBy('m.name_sort_key')
    .orderBy('m.id')
    .execute();
}

/** The members on the roll of these organisations today (not out of the Party), for the demo's meetings: id, organisation, membership. */
export function currentMembersOf(db: Kysely<DB>, orgIds: readonly string[]) {
  if (orgIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('member as m')
    .select(['m.id', 'm.org_id', 'm.official_on', 'm.status'])
    .where('m.org_id', 'in', [...orgIds])
    .where('m.status', 'not in', [...TERMINAL_STATUSES])
    .orderBy('m.org_id')
    .orderBy('m.id')
    .execute();
}
