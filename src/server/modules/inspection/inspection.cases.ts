/**
 * Inspection cases (issue 15 part 3): opened on signs of violation against a member or an organisation, handled by a
 * committee or its inspection committee, followed to a conclusion (or dropped). Cases are sensitive: a list shows
 * neither the subject nor the content; opening one is an audited reveal. While a case against a member is open, the
 * members module refuses his transfer (the port `openCaseOf`, passed by app.ts).
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { CaseDetail, CaseSummary, CreateCaseInput, DisciplineFigureQuery, UpdateCaseInput } from '../../../contract/inspection.ts';
import { INSPECTION_BODY_LABELS } from '../../../contract/inspection.ts';
import { formatVnDate } from '../../../domain/dates.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { memberNames } from '../members/members.repo.ts';
import { canEditInspectionOf, canReadCasesOf, caseReadScope } from './inspection.policy.ts';
import * as repo from './inspection.cases.repo.ts';
import { disciplineFigureList } from './inspection.disciplines.ts';
import type { InspectionDeps } from './inspection.service.ts';
import { audit, orgIn, pastDate, subjectIn } from './inspection.shared.ts';

type CaseRow = NonNullable<Awaited<ReturnType<typeof repo.findCase>>>;

function summaryOf(r: CaseRow): CaseSummary {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name ?? '',
    body: r.body,
    subjectKind: r.subject_kind,
    source: r.source,
    openedOn: r.opened_on,
    status: r.status,
    concludedOn: r.concluded_on,
  };
}

/**
 * The members module's port: the reason a member may not be transferred while a case against him is open, or null.
 * Read inside the transfer's transaction.
 */
export async function openCaseOf(db: Kysely<DB>, memberId: string): Promise<string | null> {
  const c = await repo.openCaseAgainst(db, memberId);
  if (!c) return null;
  const by = `${INSPECTION_BODY_LABELS[c.body].toLowerCase()} ${c.org_name ?? ''}`.trim();
  return `Đảng viên đang trong quá trình kiểm tra, giải quyết khiếu nại, tố cáo (vụ việc do ${by} mở ngày ${formatVnDate(c.opened_on)}): chưa được chuyển sinh hoạt đảng.`;
}

export function createInspectionCasesService(deps: InspectionDeps) {
  const { db, clock } = deps;

  /** The case, when the caller reads cases of its organisation (else 404); 403 when he may not change it and `edit`. */
  async function caseFor(actor: Actor, id: string, edit = false) {
    const c = await repo.findCase(db, id);
    if (!c || !canReadCasesOf(actor, c.current_path)) throw notFound('Không tìm thấy vụ việc.');
    if (edit && !canEditInspectionOf(actor, c.current_path)) throw forbidden('Bạn không có quyền sửa vụ việc của tổ chức này.');
    return c;
  }

  async function detailOf(c: CaseRow): Promise<CaseDetail> {
    const name = c.subject_member_id !== null ? ((await memberNames(db, [c.subject_member_id])).get(c.subject_member_id) ?? '') : (c.subject_org_name ?? '');
    return {
      ...summaryOf(c),
      subject: { kind: c.subject_kind, id: (c.subject_member_id ?? c.subject_org_id)!, name },
      summary: c.summary,
      receivedOn: c.received_on,
      decisionNo: c.decision_no,
      decidedOn: c.decided_on,
      conclusion: c.conclusion,
      violationFound: c.violation_found,
      outcome: c.outcome,
      documents: (c.documents ?? []) as CaseDetail['documents'],
    };
  }

  return {
    /** The list behind a discipline figure of the statistics (sensitive): inspection.disciplines.ts. */
    disciplines: (actor: Actor, q: DisciplineFigureQuery) => disciplineFigureList(db, actor, q, clock.today()),

    /** The cases handled in the subtree, newest first; the subject and the content are not shown. */
    async list(actor: Actor, q: { orgId: string; status?: 'open' | 'concluded' | 'dropped' | undefined; page: number; pageSize: number }) {
      const org = await orgIn(db, caseReadScope(actor), q.orgId);
      const { total, rows } = await repo.listCases(db, org.path, caseReadScope(actor), q.status, q.page, q.pageSize);
      return { total, items: rows.map(summaryOf) };
    },

    /** One case in full: an audited reveal. */
    async reveal(actor: Actor, id: string): Promise<CaseDetail> {
      const c = await caseFor(actor, id);
      await db.transaction().execute((tx) =>
        audit(tx, actor, clock.now(), {
          action: 'inspection.case.reveal',
          entityType: 'inspection_case',
          entityId: id,
          scopeOrgId: c.org_id,
          before: null,
          after: null,
        }),
      );
      return detailOf(c);
    },

    async create(actor: Actor, input: CreateCaseInput): Promise<CaseDetail> {
      const org = await orgIn(db, caseReadScope(actor), input.orgId);
      if (!canEditInspectionOf(actor, org.path)) throw forbidden('Bạn không có quyền mở vụ việc của tổ chức này.');
      const today = clock.today();
      for (const f of ['receivedOn', 'openedOn', 'decidedOn'] as const) pastDate(f, input[f], today);
      if (input.decidedOn !== undefined && input.decidedOn < input.openedOn) throw invalid('decidedOn', 'Ngày quyết định kiểm tra phải từ ngày mở vụ việc.');
      for (const [i, d] of (input.documents ?? []).entries()) pastDate(`documents.${i}.date`, d.date, today);
      const subject = await subjectIn(db, org.path, input);
      const id = uuidv7();
      const row = {
        id,
        org_id: org.id,
        body: input.body,
        subject_kind: subject.kind,
        subject_member_id: subject.kind === 'member' ? subject.id : null,
        subject_org_id: subject.kind === 'org' ? subject.id : null,
        source: input.source,
        summary: input.summary,
        received_on: input.receivedOn ?? null,
        opened_on: input.openedOn,
        decision_no: input.decisionNo ?? null,
        decided_on: input.decidedOn ?? null,
        status: 'open' as const,
        concluded_on: null,
        conclusion: null,
        violation_found: null,
        outcome: null,
        documents: input.documents ?? [],
      };
      await db.transaction().execute(async (tx) => {
        await repo.insertCase(tx, row);
        await audit(tx, actor, clock.now(), {
          action: 'inspection.case.open',
          entityType: 'inspection_case',
          entityId: id,
          scopeOrgId: org.id,
          before: null,
          after: { subjectKind: row.subject_kind, source: row.source, openedOn: row.opened_on },
        });
      });
      return detailOf((await repo.findCase(db, id))!);
    },

    /** The decision to inspect, the documents, the conclusion (closes the case) or dropping it. A closed case is not reopened. */
    async update(actor: Actor, id: string, input: UpdateCaseInput): Promise<CaseDetail> {
      const c = await caseFor(actor, id, true);
      const today = clock.today();
      if (c.status !== 'open' && (input.status !== undefined || input.concludedOn !== undefined)) throw conflict('Vụ việc đã kết thúc.');
      pastDate('decidedOn', input.decidedOn, today);
      pastDate('concludedOn', input.concludedOn, today);
      for (const [i, d] of (input.documents ?? []).entries()) pastDate(`documents.${i}.date`, d.date, today);
      const set: Parameters<typeof repo.updateCase>[2] = { updated_at: clock.now() };
      if (input.decisionNo !== undefined) set.decision_no = input.decisionNo;
      if (input.decidedOn !== undefined) set.decided_on = input.decidedOn;
      if (input.documents !== undefined) set.documents = JSON.stringify(input.documents);
      if (input.conclusion !== undefined) set.conclusion = input.conclusion;
      if (input.violationFound !== undefined) set.violation_found = input.violationFound;
      if (input.outcome !== undefined) set.outcome = input.outcome;
      if (input.status !== undefined) {
        if (input.concludedOn === undefined) throw invalid('concludedOn', 'Kết thúc vụ việc cần ngày kết luận (hoặc ngày dừng).');
        if (input.concludedOn < c.opened_on) throw invalid('concludedOn', 'Ngày kết luận phải từ ngày mở vụ việc.');
        if (input.status === 'concluded' && (input.conclusion ?? c.conclusion) === null) throw invalid('conclusion', 'Vụ việc kết luận cần nội dung kết luận.');
        Object.assign(set, { status: input.status, concluded_on: input.concludedOn });
      } else if (input.concludedOn !== undefined) throw invalid('status', 'Ngày kết luận đi cùng trạng thái «concluded» hoặc «dropped».');
      await db.transaction().execute(async (tx) => {
        await repo.updateCase(tx, id, set);
        await audit(tx, actor, clock.now(), {
          action: 'inspection.case.update',
          entityType: 'inspection_case',
          entityId: id,
          scopeOrgId: c.org_id,
          before: { status: c.status, concludedOn: c.concluded_on },
          after: { status: set.status ?? c.status, concludedOn: set.concluded_on ?? c.concluded_on, outcome: set.outcome ?? c.outcome },
        });
      });
      return detailOf((await repo.findCase(db, id))!);
    },
  };
}

export type InspectionCasesService = ReturnType<typeof createInspectionCasesService>;
