/**
 * The audit trail: every mutation writes, inside its own transaction, who, when, what, which entity, before and
 * after. Entries form a hash chain (each hash covers the previous hash and the entry's canonical JSON), so an edit
 * or deletion made behind the application's back is found by verifyAuditChain.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DB } from '../../db/schema.ts';
import { insertJsonRows } from '../../db/json-insert.ts';
import { listAuditEntries, type AuditFilters } from './audit.repo.ts';
import type { Actor } from '../../http/actor.ts';
import { scopeFor } from '../../http/actor.ts';
import { forbidden } from '../../http/errors.ts';
import type { Clock } from '../../clock.ts';
import { dossierNames } from '../admissions/admissions.repo.ts';
import { periodHeads } from '../evaluation/evaluation.repo.ts';
import { memberNames } from '../members/members.repo.ts';
import { namesAsOf } from '../orgs/orgs.repo.ts';
import { userNames } from '../users/users.repo.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const GENESIS_HASH = '0'.repeat(64);
const CHAIN_LOCK = 74110001;

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** The organisation whose scope the entry belongs to. */
  scopeOrgId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditActor {
  id: string | null;
  name: string | null;
}

/** JSON with keys sorted at every level: the same value always gives the same text, whatever jsonb did to key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Plain JSON data (Dates to strings, undefined dropped), as it will read back from jsonb. */
function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

export interface ChainedFields {
  seq: number;
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  scope_org_id: string | null;
  before: unknown;
  after: unknown;
}

export function entryHash(prevHash: string, e: ChainedFields): string {
  const text = canonicalJson({
    seq: e.seq,
    id: e.id,
    at: e.at.toISOString(),
    actorId: e.actor_id,
    actorName: e.actor_name,
    action: e.action,
    entityType: e.entity_type,
    entityId: e.entity_id,
    scopeOrgId: e.scope_org_id,
    before: e.before,
    after: e.after,
  });
  return createHash('sha256').update(prevHash).update('\n').update(text).digest('hex');
}

/**
 * Appends entries to the chain. Call it inside the transaction of the change it records: the advisory lock
 * serialises writers until that transaction ends, so the chain never forks.
 */
export async function writeAudit(tx: Kysely<DB>, actor: AuditActor, at: Date, entries: AuditInput[]): Promise<void> {
  if (entries.length === 0) return;
  await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(tx);
  const last = await tx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let seq = last?.seq ?? 0;
  let prev = last?.hash ?? GENESIS_HASH;
  const rows = entries.map((e) => {
    seq += 1;
    const fields: ChainedFields = {
      seq,
      id: uuidv7(),
      at,
      actor_id: actor.id,
      actor_name: actor.name,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId ?? null,
      scope_org_id: e.scopeOrgId ?? null,
      before: plain(e.before),
      after: plain(e.after),
    };
    const hash = entryHash(prev, fields);
    // before and after go to their jsonb columns as the values hashed (plain JSON data).
    const row = { ...fields, prev_hash: prev, hash };
    prev = hash;
    return row;
  });
  await insertJsonRows(tx, 'audit_log', rows, 1000);
}

export type VerifyResult =
  | { ok: true; count: number; headSeq: number; headHash: string }
  | { ok: false; count: number; brokenAtSeq: number; reason: string };

/** Walks the chain in order and reports the first entry whose link or content does not match. */
export async function verifyAuditChain(db: Kysely<DB>, pageSize = 5000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (page.length === 0) return { ok: true, count, headSeq: expectedSeq - 1, headHash: prev };
    for (const row of page) {
      if (row.seq !== expectedSeq) {
        return { ok: false, count, brokenAtSeq: expectedSeq, reason: `entry ${expectedSeq} is missing` };
      }
      if (row.prev_hash !== prev) {
        return { ok: false, count, brokenAtSeq: row.seq, reason: 'link to the previous entry does not match' };
      }
      const hash = entryHash(prev, { ...row, at: new Date(row.at) });
      if (hash !== row.hash) {
        return { ok: false, count, brokenAtSeq: row.seq, reason: 'content was changed after it was written' };
      }
      prev = row.hash;
      expectedSeq += 1;
      count += 1;
    }
  }
}

export function createAuditService(deps: { db: Kysely<DB>; clock: Clock }) {
  return {
    /**
     * A page of the log, each entry with the names a reader needs (issue 12 part 7): the actor's full name, the name
     * of what it is about (organisation, member, user, candidate, evaluation period) and of the organisation it
     * belongs to, as they are today. Each name is read through the module that owns it.
     */
    async list(actor: Actor, filters: AuditFilters) {
      const scope = scopeFor(actor, 'readAudit');
      if (scope !== 'all' && scope.length === 0) throw forbidden('Bạn không có quyền xem nhật ký.');
      const page = await listAuditEntries(deps.db, scope, filters);
      const ids = (type: string) => [...new Set(page.items.filter((e) => e.entityType === type && e.entityId && UUID.test(e.entityId)).map((e) => e.entityId!))];
      const periods = await periodHeads(deps.db, ids('evaluation_period'));
      const orgIds = new Set([...ids('org'), ...page.items.flatMap((e) => (e.orgId ? [e.orgId] : [])), ...[...periods.values()].map((p) => p.rootOrgId)]);
      const actorIds = [...new Set(page.items.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
      const [orgs, members, users, dossiers] = await Promise.all([
        namesAsOf(deps.db, [...orgIds], deps.clock.today()),
        memberNames(deps.db, ids('member')),
        userNames(deps.db, [...new Set([...ids('user'), ...actorIds])]),
        dossierNames(deps.db, ids('admission_dossier')),
      ]);
      const entityName = (type: string, id: string | null): string | null => {
        if (!id) return null;
        if (type === 'org') return orgs.get(id) ?? null;
        if (type === 'member') return members.get(id) ?? null;
        if (type === 'user') return users.get(id) ?? null;
        if (type === 'admission_dossier') return dossiers.get(id) ?? null;
        if (type === 'evaluation_period') {
          const p = periods.get(id);
          return p ? `Kỳ đánh giá năm ${p.year}${orgs.get(p.rootOrgId) ? ` — ${orgs.get(p.rootOrgId)}` : ''}` : null;
        }
        return null;
      };
      return {
        total: page.total,
        items: page.items.map((e) => ({
          ...e,
          actorFullName: e.actorId ? (users.get(e.actorId) ?? null) : null,
          entityName: entityName(e.entityType, e.entityId),
          orgName: e.orgId ? (orgs.get(e.orgId) ?? null) : null,
        })),
      };
    },
  };
}
