/**
 * Who is asking: an account with its role grants, each with the scope organisation's current path, latest name and
 * whether it lies below a grassroots organisation (domain.md §4). Grants are users' (role_assignment); organisations
 * are orgs', which lies above auth: the composition root passes orgs' functions as a GrantOrgsPort.
 */
import type { Kysely, RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor, RoleGrant } from '../../http/actor.ts';
import { roleAssignmentsOf, type SessionAccount } from '../users/users.repo.ts';

/** What auth needs of organisations (orgs/orgs.places.repo.ts). */
export interface GrantOrgsPort {
  /** Current path and latest name of each organisation asked; an unknown id is absent. */
  places(db: Kysely<DB>, ids: string[]): Promise<Map<string, { path: string; name: string | null }>>;
  /** Of the organisations asked, those whose latest version is of a grassroots kind. */
  grassrootsAmong(db: Kysely<DB>, ids: string[]): Promise<Set<string>>;
  /** The same, for the organisation whose id is in a column, as a JSON scalar subquery (the session's one statement). */
  placeSql(orgIdColumn: string): RawBuilder<GrantPlace | null>;
}

/** What loading an actor apart needs (a login, tools and tests that act without a session). */
export type GrantPlacesPort = Pick<GrantOrgsPort, 'places' | 'grassrootsAmong'>;

/** A grant's organisation as the port's placeSql gives it. */
export interface GrantPlace {
  path: string;
  name: string | null;
  belowGrassroots: boolean;
}

/** The actor of a session's account as read in one statement (users' sessionAccountSql with the port's placeSql). */
export function actorOfAccount(account: SessionAccount<GrantPlace>): Actor {
  return {
    userId: account.id,
    username: account.username,
    fullName: account.full_name,
    mustChangePassword: account.must_change_password,
    roles: account.roles.map((r) => ({
      id: r.id,
      role: r.role,
      orgId: r.org_id,
      orgName: r.place?.name ?? null,
      orgPath: r.place?.path ?? null,
      belowGrassroots: r.place?.belowGrassroots ?? false,
      memberId: r.member_id ?? null,
    })),
  };
}

/** The strict ancestors of a materialised path, root first. */
const ancestorsOf = (path: string | null) => (path ? path.split('/').filter(Boolean).slice(0, -1) : []);

export async function loadRoleGrants(db: Kysely<DB>, orgs: GrantPlacesPort, userId: string): Promise<RoleGrant[]> {
  const rows = await roleAssignmentsOf(db, [userId]);
  const places = await orgs.places(db, [...new Set(rows.flatMap((r) => (r.org_id ? [r.org_id] : [])))]);
  const pathOf = (orgId: string | null) => (orgId ? (places.get(orgId)?.path ?? null) : null);
  // Which grant organisations lie inside a grassroots organisation: a strict ancestor on the current path whose latest
  // version is of a grassroots kind (đảng bộ cơ sở, chi bộ cơ sở).
  const ancestors = [...new Set(rows.flatMap((r) => ancestorsOf(pathOf(r.org_id))))];
  const grassroots = await orgs.grassrootsAmong(db, ancestors);
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    orgId: r.org_id,
    orgName: r.org_id ? (places.get(r.org_id)?.name ?? null) : null,
    orgPath: pathOf(r.org_id),
    belowGrassroots: ancestorsOf(pathOf(r.org_id)).some((id) => grassroots.has(id)),
    memberId: r.member_id,
  }));
}

/** The actor an account acts as, with its grants as they are now. */
export async function loadActor(
  db: Kysely<DB>,
  orgs: GrantPlacesPort,
  user: { id: string; username: string; full_name: string; must_change_password: boolean },
): Promise<Actor> {
  return {
    userId: user.id,
    username: user.username,
    fullName: user.full_name,
    mustChangePassword: user.must_change_password,
    roles: await loadRoleGrants(db, orgs, user.id),
  };
}
