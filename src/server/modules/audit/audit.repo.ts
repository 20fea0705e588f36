/**
 * Audit queries. Readers see entries whose organisation is now in their scope; entries with no organisation only the
 * whole-tree scope. Which organisations are in a scope is orgs' to say: the list takes that condition as a function
 * (OrgInScopeSql, passed in by the composition root), since audit lies below every module and imports none.
 */
import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Scope } from '../../../domain/scope.ts';
import type { DB } from '../../db/schema.ts';

/** A condition: the organisation whose id is in `orgIdColumn` lies in the scope today (true for 'all'). */
export type OrgInScopeSql = (orgIdColumn: string, scope: Scope) => Expression<SqlBool>;

export interface AuditFilters {
  userId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

/** A page of the entries in the scope that match the filters, newest first, with the count of them all. */
export async function listAuditEntries(db: Kysely<DB>, orgInScope: OrgInScopeSql, scope: Scope, f: AuditFilters) {
  let q = db.selectFrom('audit_log as a');
  if (scope !== 'all') q = q.where(orgInScope('a.scope_org_id', scope));
  if (f.userId) q = q.where('a.actor_id', '=', f.userId);
  if (f.entityType) q = q.where('a.entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('a.entity_id', '=', f.entityId);
  if (f.action) q = q.where('a.action', '=', f.action);
  // Dates are days in Việt Nam (UTC+7).
  if (f.from) q = q.where('a.at', '>=', new Date(`${f.from}T00:00:00+07:00`));
  if (f.to) q = q.where('a.at', '<', new Date(Date.parse(`${f.to}T00:00:00+07:00`) + 86400000));
  const [items, total] = await Promise.all([
    q
      .select(['a.seq', 'a.id', 'a.at', 'a.actor_id', 'a.actor_name', 'a.action', 'a.entity_type', 'a.entity_id', 'a.scope_org_id', 'a.before', 'a.after'])
      .orderBy('a.seq', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: items.map((r) => ({
      seq: r.seq,
      id: r.id,
      at: new Date(r.at).toISOString(),
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      orgId: r.scope_org_id,
      before: r.before ?? null,
      after: r.after ?? null,
    })),
    total: Number(total.n),
  };
}

/** The chain's last entry, or undefined when the log is empty. */
export function chainHead(db: Kysely<DB>) {
  return db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

/** Entries in order from `fromSeq`, a page at a time. */
export function chainPage(db: Kysely<DB>, fromSeq: number, limit: number) {
  return db.selectFrom('audit_log').selectAll().where('seq', '>=', fromSeq).orderBy('seq').limit(limit).execute();
}

/** The hash of entry `seq`, when it exists. */
export async function entryHashAt(db: Kysely<DB>, seq: number): Promise<string | undefined> {
  return (await db.selectFrom('audit_log').select('hash').where('seq', '=', seq).executeTakeFirst())?.hash;
}

/** Every signed checkpoint, oldest first (one an hour at most: a few thousand a year). */
export function listCheckpoints(db: Kysely<DB>) {
  return db.selectFrom('audit_checkpoint').selectAll().orderBy('id').execute();
}

export function lastCheckpoint(db: Kysely<DB>) {
  return db.selectFrom('audit_checkpoint').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function insertCheckpoint(db: Kysely<DB>, row: { id: number; at: Date; seq: number; hash: string; prev_mac: string; mac: string }): Promise<void> {
  await db.insertInto('audit_checkpoint').values(row).execute();
}
