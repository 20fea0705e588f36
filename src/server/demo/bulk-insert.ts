/**
 * Inserts generated rows in chunks of multi-row INSERTs, inside whatever transaction (or plain connection) the
 * caller passes. Each chunk inserts its orgs first, then their versions and 'created' events, so a parent is
 * always in the table before a child's version refers to it (generators emit parents first).
 */
import type { Kysely, Transaction } from 'kysely';
import { memberPeriodRows, periodsOfMemberRow, rowToEvent, type MemberPeriodRow } from '../../domain/member-events.ts';
import type { DB } from '../db/schema.ts';
import { insertMemberPeriodRows } from '../modules/members/members.periods.repo.ts';
import { insertMemberBadgeAwardRows, insertMemberEventRows, insertMemberRows } from '../modules/members/members.demo.repo.ts';
import { insertDecisionRows } from '../modules/discipline/discipline.demo.repo.ts';
import { insertOrgEvents, insertOrgs, insertOrgVersions } from '../modules/orgs/orgs.demo.repo.ts';
import type { MemberBadgeAwardRow, MemberDisciplineRow, MemberEventRow, MemberRow, OrgSeedRow } from './province.ts';
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
  await insertOrgs(
    db,
    chunk.map((r) => r.org),
  );
  await insertOrgVersions(
    db,
    chunk.map((r) => r.version),
  );
  await insertOrgEvents(
    db,
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
  );
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

/** Members with everything generated about them (generateProvince's output has this shape). */
export interface MemberData {
  members: Iterable<MemberRow>;
  /** Life events; each member's together and in date order. Their members must be in `members`. */
  events?: Iterable<MemberEventRow>;
  disciplines?: Iterable<MemberDisciplineRow>;
  awards?: Iterable<MemberBadgeAwardRow>;
}

/** Folds each member's events (given together, in date order) into its periods, as the members service writes them. */
class PeriodFold {
  private member: string | null = null;
  private events: MemberEventRow[] = [];
  readonly rows: MemberPeriodRow[] = [];
  add(e: MemberEventRow): void {
    if (e.member_id !== this.member) this.flush();
    this.member = e.member_id;
    this.events.push(e);
  }
  flush(): void {
    if (this.member)
      this.rows.push(
        ...memberPeriodRows(
          this.member,
          this.events.map((r) =>
            rowToEvent({
              ...r,
              decision_no: r.decision_no ?? null,
              org_id: r.org_id ?? null,
              to_org_id: r.to_org_id ?? null,
              details: JSON.parse(r.details) as unknown,
            }),
          ),
        ),
      );
    this.member = null;
    this.events = [];
  }
}

/**
 * Inserts generated members, then their life events, dated periods (member_period, derived from the events in the
 * same pass; from the row's dates when no events are given), discipline decisions and badge awards, each in chunks
 * of multi-row INSERTs (a member row has about 50 columns: 1,000 rows stay under the 65,535 bind limit); returns how
 * many members.
 */
export async function insertMembers(db: Executor, data: MemberData, opts: { chunkSize?: number } = {}): Promise<number> {
  const size = Math.max(1, opts.chunkSize ?? 1000);
  let n = 0;
  for (const chunk of chunks(data.members, size)) {
    await insertMemberRows(db, chunk);
    if (!data.events)
      await insertMemberPeriodRows(
        db,
        chunk.flatMap((m) => periodsOfMemberRow({ ...m, official_on: m.official_on ?? null, left_on: m.left_on ?? null, admitted_on: m.admitted_on ?? null })),
      );
    n += chunk.length;
  }
  // Narrower rows: bigger statements, fewer round trips.
  const fold = new PeriodFold();
  for (const chunk of chunks(data.events ?? [], size * 4)) {
    await insertMemberEventRows(db, chunk);
    for (const e of chunk) fold.add(e);
    if (fold.rows.length >= size * 4) await insertMemberPeriodRows(db, fold.rows.splice(0));
  }
  fold.flush();
  await insertMemberPeriodRows(db, fold.rows);
  for (const chunk of chunks(data.disciplines ?? [], size * 4)) await insertDecisionRows(db, chunk);
  for (const chunk of chunks(data.awards ?? [], size * 4)) await insertMemberBadgeAwardRows(db, chunk);
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
