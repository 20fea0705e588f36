/**
 * SQL of the submitted reports (report_submission, owned by reports): append-only rows, one per submission, the
 * next version of an organisation's report for a period taken under a transaction-scoped lock on the organisation.
 * Scope is decided by the service on the organisation's current path before any of these reads.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** A lock key space of its own (the audit chain's is 74110001). */
const SUBMISSION_LOCK = 74110020;

export interface SubmissionRow {
  id: string;
  org_id: string;
  org_name: string;
  period_from: string | null;
  period_to: string;
  version: number;
  note: string | null;
  submitted_by: string | null;
  submitted_by_name: string;
  submitted_at: Date;
}

function summaries(db: Kysely<DB>) {
  return db
    .selectFrom('report_submission as s')
    .select([
      's.id',
      's.org_id',
      sql<string>`s.report->'scope'->'org'->>'name'`.as('org_name'),
      's.period_from',
      's.period_to',
      's.version',
      's.note',
      's.submitted_by',
      's.submitted_by_name',
      's.submitted_at',
    ]);
}

/** Serialises the submissions of one organisation until the transaction ends (the next version is then unique). */
export async function lockOrgSubmissions(tx: Kysely<DB>, orgId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${SUBMISSION_LOCK}, hashtext(${orgId}))`.execute(tx);
}

/** The next version of the organisation's report for the period: 1 for the first submission. */
export async function nextVersion(tx: Kysely<DB>, orgId: string, periodFrom: string | null, periodTo: string): Promise<number> {
  const row = await tx
    .selectFrom('report_submission')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('org_id', '=', orgId)
    .where('period_to', '=', periodTo)
    .where((eb) => (periodFrom === null ? eb('period_from', 'is', null) : eb('period_from', '=', periodFrom)))
    .executeTakeFirst();
  return Number(row?.v ?? 0) + 1;
}

export async function insertSubmission(
  tx: Kysely<DB>,
  row: {
    id: string;
    org_id: string;
    period_from: string | null;
    period_to: string;
    version: number;
    query: unknown;
    report: unknown;
    note: string | null;
    submitted_by: string | null;
    submitted_by_name: string;
    submitted_at: Date;
  },
): Promise<void> {
  await tx
    .insertInto('report_submission')
    .values({ ...row, query: JSON.stringify(row.query), report: JSON.stringify(row.report) })
    .execute();
}

/** One submission with its query and stored report; undefined when absent. */
export function findSubmission(db: Kysely<DB>, id: string) {
  return summaries(db).select(['s.query', 's.report']).where('s.id', '=', id).executeTakeFirst();
}

/** An organisation's submissions whose date (the period's last day) lies in [from, to], newest first. */
export function listSubmissions(db: Kysely<DB>, orgId: string, range: { from?: string | undefined; to?: string | undefined }): Promise<SubmissionRow[]> {
  let q = summaries(db).where('s.org_id', '=', orgId);
  if (range.from) q = q.where('s.period_to', '>=', range.from);
  if (range.to) q = q.where('s.period_to', '<=', range.to);
  return q
    .orderBy('s.period_to', 'desc')
    .orderBy('s.period_from', (ob) => ob.desc().nullsLast())
    .orderBy('s.version', 'desc')
    .limit(1000)
    .execute();
}

/** Every submission of these organisations for exactly this period, newest version first. */
export async function submissionsFor(db: Kysely<DB>, orgIds: readonly string[], periodFrom: string | null, periodTo: string): Promise<SubmissionRow[]> {
  if (orgIds.length === 0) return [];
  return summaries(db)
    .where('s.org_id', 'in', [...orgIds])
    .where('s.period_to', '=', periodTo)
    .where((eb) => (periodFrom === null ? eb('s.period_from', 'is', null) : eb('s.period_from', '=', periodFrom)))
    .orderBy('s.org_id')
    .orderBy('s.version', 'desc')
    .execute();
}
