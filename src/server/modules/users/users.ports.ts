/**
 * What the users module needs of the modules above it, typed here and passed in by the composition root
 * (src/server/app.ts): users lies below auth and orgs (docs/architecture.md's layers) and imports neither.
 */
import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Scope } from '../../../domain/scope.ts';
import type { DB } from '../../db/schema.ts';

/** An organisation's place today: current path, latest name, end date (orgs owns them). */
export interface OrgPlace {
  path: string;
  name: string | null;
  endedOn: string | null;
}

/** The organisation facts the accounts pages need (orgs/orgs.places.repo.ts). */
export interface UserOrgsPort {
  /** The places of the organisations asked; an unknown id is absent. */
  places(db: Kysely<DB>, ids: string[]): Promise<Map<string, OrgPlace>>;
  /** A condition: the organisation whose id is in `orgIdColumn` lies in the scope today. */
  inScopeSql(orgIdColumn: string, scope: Scope): Expression<SqlBool>;
}

/** Sessions and login locks, which auth owns: ended when an account is disabled or its password reset. */
export interface UserSessionsPort {
  /** Ends every session of the user. */
  revokeAll(db: Kysely<DB>, userId: string): Promise<void>;
  /** Forgets the failed logins of a name, from every address. */
  clearLoginFailures(db: Kysely<DB>, username: string): Promise<void>;
}
