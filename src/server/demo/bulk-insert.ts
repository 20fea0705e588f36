/**
 * Inserts generated rows in chunks of multi-row INSERTs, inside whatever transaction (or plain connection) the
 * caller passes. Each chunk inserts its orgs first, then their versions and 'created' events, so a parent is
 * always in the table before a child's version refers to it (generators emit parents first).
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { MemberRow, OrgSeedRow } from './province.ts';
import { deriveUuid } from './uuid.ts';

export type Executor = Kysely<DB> | Transaction<DB>;

export interface InsertOrgOptions {
  /** Rows per INSERT statement (default 1,000; org_version has 11 columns, well under the 65,535 bind limit). */
  chunkSize?: number;
  /** Recorded on the 'created' events (null by default). */
  batchId?: string | null;
  actorId?: string | null;
}

export interface InsertCounts {
  orgs: number;
  versions: number;
  events: number;
}

/** The id of the 'created' event of an org: derived from the org id, so re-running a seed gives the same ids. */
export function createdEventId(orgId: string): string {
  return deriveUuid(orgId, 'org_event:created');
}

function* chunks<T>(rows: Iterable<T>, size: number): Generator<T[]> {
  if (Array.isArray(rows)) {
    for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size) as T[];
    return;
  }
  let chunk: T[] = [];
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

async function insertOrgChunk(db: Executor, chunk: OrgSeedRow[], opts: InsertOrgOptions): Promise<void> {
  await db.insertInto('org').values(chunk.map((r) => r.org)).execute();
  await db.insertInto('org_version').values(chunk.map((r) => r.version)).execute();
  await db
    .insertInto('org_event')
    .values(
      chunk.map((r) => ({
        id: createdEventId(r.org.id),
        org_id: r.org.id,
        kind: r.event.kind,
        effective_date: r.event.effective_date,
        decision_no: r.event.decision_no,
        decision_date: r.event.decision_date,
        details: '{}',
        batch_id: opts.batchId ?? null,
        actor_id: opts.actorId ?? null,
      })),
    )
    .execute();
}

/** Inserts orgs with their versions and 'created' events; `rows` may be an array or any iterable. */
export async function insertOrgRows(db: Executor, rows: Iterable<OrgSeedRow>, opts: InsertOrgOptions = {}): Promise<InsertCounts> {
  const size = Math.max(1, opts.chunkSize ?? 1000);
  let n = 0;
  for (const chunk of chunks(rows, size)) {
    await insertOrgChunk(db, chunk, opts);
    n += chunk.length;
  }
  return { orgs: n, versions: n, events: n };
}

/**
 * Inserts member rows in chunks with the life events their dates imply (admission, official recognition, and death
 * for those who left), so party age and badges work on generated data; returns how many members.
 */
export async function insertMembers(db: Executor, rows: Iterable<MemberRow>, opts: { chunkSize?: number } = {}): Promise<number> {
  const size = Math.max(1, opts.chunkSize ?? 1000);
  let n = 0;
  for (const chunk of chunks(rows, size)) {
    await db.insertInto('member').values(chunk.map((m) => (m.left_on ? { ...m, status: 'deceased' } : m))).execute();
    const events = chunk.flatMap((m) => {
      const base = { member_id: m.id, decision_no: null, decision_date: null, to_org_id: null, actor_id: null };
      const out = [{ ...base, id: deriveUuid(m.id, 'member_event:admitted'), kind: 'admitted', effective_date: m.admitted_on, org_id: m.org_id, details: '{}' }];
      if (m.official_on) out.push({ ...base, id: deriveUuid(m.id, 'member_event:official'), kind: 'recognized_official', effective_date: m.official_on, org_id: m.org_id, details: JSON.stringify({ officialOn: m.official_on }) });
      if (m.left_on) out.push({ ...base, id: deriveUuid(m.id, 'member_event:deceased'), kind: 'deceased', effective_date: m.left_on, org_id: m.org_id, details: '{}' });
      return out;
    });
    for (const c of chunks(events, size)) await db.insertInto('member_event').values(c).execute();
    n += chunk.length;
  }
  return n;
}

/** Consumes the batches of generateNation (or any iterable of row batches) and inserts them as they come. */
export async function insertNationRows(
  db: Executor,
  batches: Iterable<OrgSeedRow[]>,
  opts: InsertOrgOptions & { onBatch?: (inserted: number) => void } = {},
): Promise<InsertCounts> {
  const total: InsertCounts = { orgs: 0, versions: 0, events: 0 };
  for (const batch of batches) {
    const c = await insertOrgRows(db, batch, opts);
    total.orgs += c.orgs;
    total.versions += c.versions;
    total.events += c.events;
    opts.onBatch?.(total.orgs);
  }
  return total;
}
