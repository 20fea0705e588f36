/**
 * The audit trail: every mutation writes, inside its own transaction, who, when, what, which entity, before and
 * after. Entries form a hash chain (each hash covers the previous hash and the entry's canonical JSON), so an edit
 * or deletion made behind the application's back is found by verifyAuditChain. The table is append-only (triggers
 * of migration 0017), and signed checkpoints of the head (an HMAC with a key kept outside the database) cover the
 * tail: removing the last entries, or rewriting entries and recomputing every later hash, no longer matches them.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DB } from '../../db/schema.ts';
import { insertJsonRows } from '../../db/json-insert.ts';
import { advisoryXactLock } from '../../db/advisory-lock.ts';
import {
  chainHead,
  chainPage,
  entryHashAt,
  insertCheckpoint,
  lastCheckpoint,
  listAuditEntries,
  listCheckpoints,
  type AuditFilters,
  type OrgInScopeSql,
} from './audit.repo.ts';
import type { Actor } from '../../http/actor.ts';
import { scopeFor } from '../../http/actor.ts';
import { forbidden } from '../../http/errors.ts';
import { canReadAudit } from './audit.policy.ts';
import type { Clock } from '../../clock.ts';

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
  await advisoryXactLock(tx, CHAIN_LOCK);
  const last = await chainHead(tx);
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
  | {
      ok: true;
      count: number;
      headSeq: number;
      headHash: string;
      /** Signed checkpoints checked, and the latest of them. */
      checkpoints: number;
      lastCheckpoint: { id: number; at: Date; seq: number } | null;
    }
  | { ok: false; count: number; brokenAtSeq: number; reason: string };

type Broken = { ok: false; count: number; brokenAtSeq: number; reason: string };

/** The text a checkpoint's HMAC covers: its number, time, the head it counts and the previous checkpoint's HMAC. */
export function checkpointMac(key: string, c: { id: number; at: Date; seq: number; hash: string; prev_mac: string }): string {
  const text = ['hatnhan-audit-checkpoint', c.id, c.at.toISOString(), c.seq, c.hash, c.prev_mac].join('\n');
  return createHmac('sha256', key).update(text).digest('hex');
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Walks the chain from entry `fromSeq`, whose predecessor's hash is `prevHash`, to the head: every entry must follow
 * the one before (seq, link) and hash to its stored hash; `signed` maps a seq to the hash a checkpoint signed for it.
 */
async function walkChain(
  db: Kysely<DB>,
  fromSeq: number,
  prevHash: string,
  pageSize: number,
  signed: Map<number, { id: number; at: Date; hash: string }> = new Map(),
): Promise<{ ok: true; count: number; headSeq: number; headHash: string } | Broken> {
  let prev = prevHash;
  let expectedSeq = fromSeq;
  let count = 0;
  for (;;) {
    const page = await chainPage(db, expectedSeq, pageSize);
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
      const checkpoint = signed.get(row.seq);
      if (checkpoint && checkpoint.hash !== row.hash) {
        return {
          ok: false,
          count,
          brokenAtSeq: row.seq,
          reason: `entry ${row.seq} differs from signed checkpoint ${checkpoint.id} (${checkpoint.at.toISOString()}): the chain was rewritten`,
        };
      }
      prev = row.hash;
      expectedSeq += 1;
      count += 1;
    }
  }
}

/**
 * Checks the signed checkpoints (numbered without gaps, each linked to the one before, each signed with the key),
 * then walks the chain in order and reports the first entry whose link, content or signed hash does not match, or
 * the entries missing at the tail that the latest checkpoint counted. `expectCheckpoint`: the number of a checkpoint
 * recorded outside the system, which must exist.
 */
export async function verifyAuditChain(db: Kysely<DB>, opts: { key: string; pageSize?: number; expectCheckpoint?: number }): Promise<VerifyResult> {
  const checkpoints = await listCheckpoints(db);
  const signed = new Map<number, { id: number; at: Date; hash: string }>();
  let prevMac = GENESIS_HASH;
  let lastSeq = 0;
  for (const [i, c] of checkpoints.entries()) {
    const at = new Date(c.at);
    const fail = (reason: string): Broken => ({ ok: false, count: 0, brokenAtSeq: c.seq, reason });
    if (c.id !== i + 1) return fail(`checkpoint ${i + 1} is missing`);
    if (c.prev_mac !== prevMac) return fail(`checkpoint ${c.id} does not follow checkpoint ${c.id - 1}`);
    if (!sameHex(c.mac, checkpointMac(opts.key, { ...c, at }))) return fail(`checkpoint ${c.id} is not signed with this key (forged, or the key changed)`);
    if (c.seq < lastSeq) return fail(`checkpoint ${c.id} counts fewer entries than checkpoint ${c.id - 1}`);
    signed.set(c.seq, { id: c.id, at, hash: c.hash });
    prevMac = c.mac;
    lastSeq = c.seq;
  }
  // A checkpoint number recorded outside the system: the checkpoints' own tail cannot have been removed.
  if (opts.expectCheckpoint !== undefined && checkpoints.length < opts.expectCheckpoint) {
    return { ok: false, count: 0, brokenAtSeq: lastSeq + 1, reason: `checkpoint ${opts.expectCheckpoint} is missing: the latest is ${checkpoints.length}` };
  }
  const walked = await walkChain(db, 1, GENESIS_HASH, opts.pageSize ?? 5000, signed);
  if (!walked.ok) return walked;
  const last = checkpoints.at(-1);
  if (last && walked.count < last.seq) {
    return {
      ok: false,
      count: walked.count,
      brokenAtSeq: walked.count + 1,
      reason: `entries ${walked.count + 1} to ${last.seq} are missing: checkpoint ${last.id} (${new Date(last.at).toISOString()}) counted ${last.seq}`,
    };
  }
  return { ...walked, checkpoints: checkpoints.length, lastCheckpoint: last ? { id: last.id, at: new Date(last.at), seq: last.seq } : null };
}

/** The chain does not match its last checkpoint: no checkpoint is signed over it. */
export class AuditChainBrokenError extends Error {}

/**
 * Signs a checkpoint of the chain's head (count and hash) with the key, after checking the entries written since the
 * previous checkpoint (the entry it counted still has the hash it signed, and every later entry follows). Nothing is
 * written when the head has not moved or the log is empty. Holds the chain's lock: the head cannot move meanwhile.
 */
export async function signCheckpoint(db: Kysely<DB>, key: string, now: Date): Promise<{ id: number; seq: number; hash: string; created: boolean } | null> {
  return db.transaction().execute(async (tx) => {
    await advisoryXactLock(tx, CHAIN_LOCK);
    const head = await chainHead(tx);
    if (!head) return null;
    const last = await lastCheckpoint(tx);
    if (last && last.seq === head.seq && last.hash === head.hash) return { id: last.id, seq: last.seq, hash: last.hash, created: false };
    if (last && (await entryHashAt(tx, last.seq)) !== last.hash) {
      throw new AuditChainBrokenError(`entry ${last.seq} differs from signed checkpoint ${last.id}`);
    }
    const walked = await walkChain(tx, (last?.seq ?? 0) + 1, last?.hash ?? GENESIS_HASH, 5000);
    if (!walked.ok) throw new AuditChainBrokenError(`entry ${walked.brokenAtSeq}: ${walked.reason}`);
    const row = { id: (last?.id ?? 0) + 1, at: now, seq: walked.headSeq, hash: walked.headHash, prev_mac: last?.mac ?? GENESIS_HASH };
    await insertCheckpoint(tx, { ...row, mac: checkpointMac(key, row) });
    return { id: row.id, seq: row.seq, hash: row.hash, created: true };
  });
}

type Names = Map<string, string>;

/**
 * How the log names what its entries are about, each name read through the module that owns it. Audit lies below
 * every module and imports none of them: the composition root (src/server/app.ts) passes the owners' functions.
 */
export interface EntityNameResolvers {
  /** Organisation names on a date. */
  orgs(db: Kysely<DB>, ids: string[], asOf: string): Promise<Names>;
  members(db: Kysely<DB>, ids: string[]): Promise<Names>;
  /** Users' full names (the log names people, not usernames). */
  users(db: Kysely<DB>, ids: string[]): Promise<Names>;
  /** Admission dossiers, by their candidate's name. */
  admissionDossiers(db: Kysely<DB>, ids: string[]): Promise<Names>;
  /** Evaluation periods: their year and root organisation. */
  evaluationPeriods(db: Kysely<DB>, ids: string[]): Promise<Map<string, { year: number; rootOrgId: string }>>;
}

/** What the audit service is given: the database and clock, the names of entities, and orgs' scope condition. */
export interface AuditDeps {
  db: Kysely<DB>;
  clock: Clock;
  names: EntityNameResolvers;
  orgInScopeSql: OrgInScopeSql;
}

type AuditPage = Awaited<ReturnType<typeof listAuditEntries>>;

/** The names a page of the log shows: of its entities, of their organisations and of the actors, as they are today. */
async function namesOf(deps: AuditDeps, page: AuditPage) {
  const { db, names } = deps;
  const ids = (type: string) => [...new Set(page.items.filter((e) => e.entityType === type && e.entityId && UUID.test(e.entityId)).map((e) => e.entityId!))];
  const periods = await names.evaluationPeriods(db, ids('evaluation_period'));
  const orgIds = new Set([...ids('org'), ...page.items.flatMap((e) => (e.orgId ? [e.orgId] : [])), ...[...periods.values()].map((p) => p.rootOrgId)]);
  const actorIds = [...new Set(page.items.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
  const [orgs, members, users, dossiers] = await Promise.all([
    names.orgs(db, [...orgIds], deps.clock.today()),
    names.members(db, ids('member')),
    names.users(db, [...new Set([...ids('user'), ...actorIds])]),
    names.admissionDossiers(db, ids('admission_dossier')),
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
  return { orgs, users, entityName };
}

export function createAuditService(deps: AuditDeps) {
  return {
    /**
     * A page of the log, each entry with the names a reader needs (issue 12 part 7): the actor's full name, the name
     * of what it is about (organisation, member, user, candidate, evaluation period) and of the organisation it
     * belongs to, as they are today. Each name is read through the module that owns it.
     */
    async list(actor: Actor, filters: AuditFilters) {
      if (!canReadAudit(actor)) throw forbidden('Bạn không có quyền xem nhật ký.');
      const scope = scopeFor(actor, 'readAudit');
      const page = await listAuditEntries(deps.db, deps.orgInScopeSql, scope, filters);
      const { orgs, users, entityName } = await namesOf(deps, page);
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
