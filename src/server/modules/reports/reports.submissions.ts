/**
 * Submitted reports (issue 14 part 4): submitting computes the whole report through ComputeReport and stores its
 * figures exactly as computed, with the query, who and when, as the next version for the organisation and period
 * (the earlier versions are kept; the table refuses any change). Reading one recomputes the report now with the
 * stored query and lists every cell whose live figure differs from the submitted one. The superior sees which of its
 * direct subordinates submitted for a period. Every submission has its audit entry in the same transaction.
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { ReportQueryInput, ReportResponse, ReportTable } from '../../../contract/reports.ts';
import type {
  ReportDifference,
  ReportSubmissionStatus,
  ReportSubmissionSummary,
  StoredReportQuery,
  SubmitReportInput,
} from '../../../contract/reports.submissions.ts';
import type { z } from 'zod';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { orgInScope } from '../orgs/orgs.evaluation.repo.ts';
import { listChildren } from '../orgs/orgs.repo.ts';
import type { ComputeReport } from './reports.ports.ts';
import { canReadSubmissionsOf, canSubmitReportOf, readScopeOf } from './reports.submissions.policy.ts';
import * as repo from './reports.submissions.repo.ts';

export interface SubmissionsDeps {
  db: Kysely<DB>;
  clock: Clock;
  compute: ComputeReport;
}

type StoredQuery = z.infer<typeof StoredReportQuery>;

const iso = (d: Date | string) => new Date(d).toISOString();

export function summaryOf(r: repo.SubmissionRow): ReportSubmissionSummary {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    version: r.version,
    submittedAt: iso(r.submitted_at),
    submittedBy: { id: r.submitted_by, name: r.submitted_by_name },
    note: r.note,
  };
}

/** The organisation, when the caller reads it; else 404 (a sibling's answers as one that does not exist). */
export async function readableOrg(db: Kysely<DB>, actor: Actor, orgId: string) {
  const org = await orgInScope(db, readScopeOf(actor), orgId);
  if (!org || !canReadSubmissionsOf(actor, org.current_path)) throw notFound('Không tìm thấy tổ chức đảng.');
  return { id: org.id, path: org.current_path, name: org.name ?? '' };
}

/** The period a query names: a period (from, to) or a date (null, asOf). */
export function periodOf(q: { asOf?: string | undefined; from?: string | undefined; to?: string | undefined }, today: string) {
  if (q.from !== undefined && q.to !== undefined) return { periodFrom: q.from, periodTo: q.to };
  return { periodFrom: null, periodTo: q.asOf ?? today };
}

/** The cells of a live report whose figures differ from the stored ones (value, and previous when compared). */
export function differencesOf(stored: ReportResponse, live: ReportResponse): ReportDifference[] {
  const out: ReportDifference[] = [];
  const liveTables = new Map(live.tables.map((t) => [t.key, t]));
  for (const t of stored.tables) {
    const lt: ReportTable | undefined = liveTables.get(t.key);
    const liveRows = new Map((lt?.rows ?? []).map((r) => [r.key, r]));
    const liveCol = new Map((lt?.columns ?? []).map((c, i) => [c.key, i]));
    for (const row of t.rows) {
      row.cells.forEach((cell, i) => {
        const col = t.columns[i];
        if (!col) return;
        const j = liveCol.get(col.key);
        const liveCell = j === undefined ? undefined : liveRows.get(row.key)?.cells[j];
        const base = { table: t.key, row: row.key, column: col.key, rowLabel: row.label, columnLabel: col.label };
        const now = liveCell?.value ?? null;
        if (now !== cell.value) out.push({ ...base, which: 'value', submitted: cell.value, live: now });
        if (cell.previous !== undefined) {
          const prevNow = liveCell?.previous ?? null;
          if (prevNow !== cell.previous) out.push({ ...base, which: 'previous', submitted: cell.previous, live: prevNow });
        }
      });
    }
  }
  return out;
}

function queryOf(input: SubmitReportInput, periodTo: string): ReportQueryInput {
  const q: ReportQueryInput = { orgId: input.orgId };
  if (input.from !== undefined && input.to !== undefined) Object.assign(q, { from: input.from, to: input.to });
  else q.asOf = periodTo;
  if (input.compare !== undefined) q.compare = input.compare;
  if (input.breakdown !== undefined) q.breakdown = input.breakdown;
  if (input.fromYear !== undefined) q.fromYear = input.fromYear;
  if (input.toYear !== undefined) q.toYear = input.toYear;
  return q;
}

// eslint-disable-next-line max-lines-per-function -- the service factory: each method below is short
export function createReportSubmissionsService(deps: SubmissionsDeps) {
  const { db, clock, compute } = deps;

  async function loadSubmission(actor: Actor, id: string) {
    const row = await repo.findSubmission(db, id);
    if (!row) throw notFound('Không tìm thấy báo cáo đã gửi.');
    const org = await orgInScope(db, readScopeOf(actor), row.org_id);
    if (!org || !canReadSubmissionsOf(actor, org.current_path)) throw notFound('Không tìm thấy báo cáo đã gửi.');
    return { row, query: row.query as StoredQuery, report: row.report as ReportResponse };
  }

  return {
    /** Computes the whole report and stores it as the next version of the organisation's report for the period. */
    async submit(actor: Actor, input: SubmitReportInput): Promise<ReportSubmissionSummary> {
      const org = await readableOrg(db, actor, input.orgId);
      if (!canSubmitReportOf(actor, org.path)) throw forbidden('Chỉ người được quản lý tổ chức đảng này mới gửi được báo cáo của nó.');
      const today = clock.today();
      const { periodFrom, periodTo } = periodOf(input, today);
      if (periodTo > today) throw invalid(input.to !== undefined ? 'to' : 'asOf', 'Không gửi được báo cáo cho ngày sau hôm nay.');
      const query = queryOf(input, periodTo);
      const report = await compute(actor, query);
      return db.transaction().execute(async (tx) => {
        await repo.lockOrgSubmissions(tx, org.id);
        const version = await repo.nextVersion(tx, org.id, periodFrom, periodTo);
        const row = {
          id: uuidv7(),
          org_id: org.id,
          period_from: periodFrom,
          period_to: periodTo,
          version,
          note: input.note ?? null,
          submitted_by: actor.userId,
          submitted_by_name: actor.fullName || actor.username,
          submitted_at: clock.now(),
        };
        await repo.insertSubmission(tx, { ...row, query, report });
        await writeAudit(tx, { id: actor.userId, name: actor.username }, row.submitted_at, [
          {
            action: 'report.submit',
            entityType: 'report_submission',
            entityId: row.id,
            scopeOrgId: org.id,
            before: null,
            after: { orgId: org.id, periodFrom, periodTo, version, note: row.note, tables: report.tables.length },
          },
        ]);
        return summaryOf({ ...row, org_name: report.scope.org.name });
      });
    },

    /** An organisation's submissions whose date lies in [from, to], newest first. */
    async list(actor: Actor, q: { orgId: string; from?: string | undefined; to?: string | undefined }) {
      const org = await readableOrg(db, actor, q.orgId);
      return { items: (await repo.listSubmissions(db, org.id, q)).map(summaryOf) };
    },

    /** One submission: the stored figures, and the live ones where they now differ. */
    async get(actor: Actor, id: string) {
      const { row, query, report } = await loadSubmission(actor, id);
      const live = await compute(actor, query as ReportQueryInput);
      return { submission: summaryOf(row), query, report, live: { computedAt: iso(clock.now()), differences: differencesOf(report, live) } };
    },

    /** The stored report of a submission, for its export. */
    async stored(actor: Actor, id: string) {
      const { row, report } = await loadSubmission(actor, id);
      return { submission: summaryOf(row), report };
    },

    /** The direct subordinates of an organisation on the period's last day, and which of them submitted for it. */
    async status(
      actor: Actor,
      q: { orgId: string; asOf?: string | undefined; from?: string | undefined; to?: string | undefined },
    ): Promise<ReportSubmissionStatus> {
      const org = await readableOrg(db, actor, q.orgId);
      const { periodFrom, periodTo } = periodOf(q, clock.today());
      if (periodTo > clock.today()) throw invalid(q.to !== undefined ? 'to' : 'asOf', 'Chưa có báo cáo cho ngày sau hôm nay.');
      const children = await listChildren(db, org.id, periodTo, readScopeOf(actor));
      const rows = await repo.submissionsFor(
        db,
        children.map((c) => c.id),
        periodFrom,
        periodTo,
      );
      const byOrg = new Map<string, repo.SubmissionRow[]>();
      for (const r of rows) byOrg.set(r.org_id, [...(byOrg.get(r.org_id) ?? []), r]);
      const items = children
        .map((c) => ({ orgId: c.id, name: c.name, kindCode: c.kind_code, kindName: c.kind_name, path: c.path, subs: byOrg.get(c.id) ?? [] }))
        .sort((a, b) => a.path.localeCompare(b.path))
        .map(({ subs, path: _path, ...c }) => ({ ...c, latest: subs[0] ? summaryOf(subs[0]) : null, versions: subs.length }));
      const kinds = new Map<string, { kindCode: string; kindName: string; total: number; submitted: number }>();
      for (const c of items) {
        const k = kinds.get(c.kindCode) ?? { kindCode: c.kindCode, kindName: c.kindName, total: 0, submitted: 0 };
        k.total++;
        if (c.latest) k.submitted++;
        kinds.set(c.kindCode, k);
      }
      return { org: { id: org.id, name: org.name }, periodFrom, periodTo, children: items, byKind: [...kinds.values()] };
    },
  };
}

export type ReportSubmissionsService = ReturnType<typeof createReportSubmissionsService>;
