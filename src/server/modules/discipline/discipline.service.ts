/**
 * Discipline decisions, complaints and deferrals (issue 15 parts 4, 5, 7; domain.md §11). Every write is one
 * transaction with its audit entry; the checks are in discipline.checks.ts, the one reading of "in force" in
 * discipline.effects.ts (and the repository's `disciplineInForceSql` for bulk readers).
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type {
  ComplaintOutcomeInput,
  CreateComplaintInput,
  CreateDecisionInput,
  CreateDeferralInput,
  DecisionListInput,
  DeferralView,
  DisciplineDecisionView,
  RevokeDecisionInput,
} from '../../../contract/discipline.ts';
import { formatVnDate } from '../../../domain/dates.ts';
import {
  complaintDeadlineOn,
  complaintRefusal,
  DEFERRAL_REASON_LABELS,
  DISCIPLINE_BODY_LABELS,
  DISCIPLINE_FORM_LABELS,
  inForceOn,
  lapseBlockApplies,
  lapsesOn,
  nursingEndsOn,
} from '../../../domain/discipline.ts';
import { subtreeRange } from '../../../domain/org-path.ts';
import { ruleSetOn } from '../../../domain/rulesets.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { latestOrgNames } from '../orgs/orgs.evaluation.repo.ts';
import { orgCurrentPath } from '../orgs/orgs.members.repo.ts';
import { checkDates, checkParties, checkRules } from './discipline.checks.ts';
import { disciplineDocx } from './discipline.docx.ts';
import { disciplineInForce, rowToDecision, type DisciplineSubjectRef } from './discipline.effects.ts';
import { canReadDiscipline, canRecordDiscipline, readScope } from './discipline.policy.ts';
import type { DisciplineMembersPort } from './discipline.ports.ts';
import * as repo from './discipline.repo.ts';

export interface DisciplineDeps {
  db: Kysely<DB>;
  clock: Clock;
  members: DisciplineMembersPort;
}

const capital = (s: string) => s.replace(/^./u, (c) => c.toUpperCase());

// eslint-disable-next-line max-lines-per-function -- the service factory: its commands and helpers are each within the limit
export function createDisciplineService(deps: DisciplineDeps) {
  const { db, clock, members } = deps;
  const audit = (tx: Kysely<DB>, actor: Actor, action: string, entityId: string, orgId: string | null, before: unknown, after: unknown) =>
    writeAudit(tx, { id: actor.userId, name: actor.username }, clock.now(), [{ action, entityType: 'discipline', entityId, scopeOrgId: orgId, before, after }]);

  /** The views of decision rows: subject names, complaints with their deadline, lapse and "in force today". */
  async function views(rows: repo.DecisionRow[]): Promise<DisciplineDecisionView[]> {
    const today = clock.today();
    const [memberNames, orgNames, complaints] = await Promise.all([
      members.names(db, [...new Set(rows.flatMap((r) => (r.member_id ? [r.member_id] : [])))]),
      latestOrgNames(db, [...new Set(rows.flatMap((r) => (r.org_id ? [r.org_id] : [])))]),
      repo.complaintsOf(
        db,
        rows.map((r) => r.id),
      ),
    ]);
    return rows.map((r) => {
      const d = rowToDecision(r);
      return {
        id: r.id,
        subjectKind: r.subject_kind,
        memberId: r.member_id,
        orgId: r.org_id,
        subjectName: (r.member_id ? memberNames.get(r.member_id) : orgNames.get(r.org_id ?? '')) ?? '',
        kind: r.kind,
        form: r.form,
        formName: capital(DISCIPLINE_FORM_LABELS[r.form]),
        membership: r.membership,
        decidingOrgId: r.deciding_org_id,
        decidingBody: r.deciding_body,
        decidingLabel: r.deciding_label,
        decisionNo: r.decision_no,
        decidedOn: r.decided_on,
        announcedOn: r.announced_on,
        violationOn: r.violation_on,
        violationLevel: r.violation_level,
        reason: r.reason,
        caseId: r.case_id,
        lapseBlocked: r.lapse_blocked,
        lapseBlockedReason: r.lapse_blocked_reason,
        lapsesOn: r.kind === 'party' ? lapsesOn(d) : null,
        revokedOn: r.revoked_on,
        revokedReason: r.revoked_reason,
        inForce: r.kind === 'party' && inForceOn(d, today),
        complaints: complaints
          .filter((c) => c.decision_id === r.id)
          .map((c) => ({
            id: c.id,
            receivedOn: c.received_on,
            filedOn: c.filed_on,
            deadlineOn: complaintDeadlineOn(c.received_on),
            content: c.content,
            outcome: c.outcome,
            outcomeOn: c.outcome_on,
            outcomeNote: c.outcome_note,
          })),
      };
    });
  }

  /** A decision the actor may read (its subject's organisation in his sensitive scope), else 404. */
  async function load(actor: Actor, id: string, executor: Kysely<DB> = db, lock = false) {
    const row = lock ? await repo.lockDecision(executor, id) : await repo.getDecision(executor, id);
    const path = row?.subject_org_id ? (await orgCurrentPath(executor, row.subject_org_id))?.current_path : undefined;
    if (!row || !path || !canReadDiscipline(actor, path)) throw notFound('Không tìm thấy quyết định kỷ luật.');
    return { row, path };
  }

  async function loadForChange(actor: Actor, tx: Kysely<DB>, id: string) {
    const found = await load(actor, id, tx, true);
    if (!canRecordDiscipline(actor, found.path)) throw forbidden('Bạn không có quyền cập nhật quyết định kỷ luật này.');
    return found;
  }

  async function view(id: string): Promise<DisciplineDecisionView> {
    const row = await repo.getDecision(db, id);
    return (await views([row!]))[0]!;
  }

  return {
    /** Is the member / organisation under a party discipline on the date, and which (the heaviest). */
    disciplineInForce: (subject: DisciplineSubjectRef, date: string) => disciplineInForce(db, subject, date),

    async list(actor: Actor, q: DecisionListInput) {
      let subtree: { from: string; to: string } | undefined;
      if (q.orgId) {
        const org = await orgCurrentPath(db, q.orgId);
        if (!org || !canReadDiscipline(actor, org.current_path)) throw notFound('Không tìm thấy tổ chức đảng.');
        subtree = subtreeRange(org.current_path);
      }
      const { rows, total } = await repo.listDecisions(db, {
        scope: readScope(actor),
        subtree,
        memberId: q.memberId,
        inForceOn: q.inForceOn,
        year: q.year,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return { items: await views(rows), total, page: q.page, pageSize: q.pageSize };
    },

    async get(actor: Actor, id: string) {
      const { row } = await load(actor, id);
      return (await views([row]))[0]!;
    },

    /** The decision as a Word file (party document layout); the export is audited. */
    async document(actor: Actor, id: string) {
      const { row } = await load(actor, id);
      const orgIds = [row.deciding_org_id, row.subject_kind === 'member' ? row.subject_org_id : null].filter((x): x is string => x !== null);
      const [view, names] = await Promise.all([views([row]).then((v) => v[0]!), latestOrgNames(db, orgIds)]);
      const doc = await disciplineDocx(view, {
        deciding: row.deciding_org_id ? (names.get(row.deciding_org_id) ?? null) : null,
        subjectOrg: row.subject_kind === 'member' && row.subject_org_id ? (names.get(row.subject_org_id) ?? null) : null,
      });
      if (typeof doc === 'string') throw conflict(doc);
      await db.transaction().execute((tx) => audit(tx, actor, 'discipline.document_export', id, row.subject_org_id, null, { decisionNo: row.decision_no }));
      return doc;
    },

    /** The member file's disciplines (party and state), for those who may read the sensitive part; [] otherwise. */
    async ofMember(actor: Actor, memberId: string, memberOrgPath: string) {
      if (!canReadDiscipline(actor, memberOrgPath)) return [];
      return views(await repo.decisionsOfMember(db, memberId));
    },

    async create(actor: Actor, input: CreateDecisionInput) {
      checkDates(input, clock.today());
      const rules = ruleSetOn(input.decidedOn);
      const parties = await checkParties(db, actor, members, input);
      const violationLevel = await checkRules(db, input, parties, rules);
      const id = uuidv7();
      await db.transaction().execute(async (tx) => {
        const previous =
          parties.subject.kind === 'member'
            ? await repo.decisionsOfMember(tx, parties.subject.member.id)
            : await repo.decisionsOfOrg(tx, parties.subject.org.id);
        await repo.insertDecision(tx, {
          id,
          subject_kind: parties.subject.kind,
          member_id: parties.subject.kind === 'member' ? parties.subject.member.id : null,
          org_id: parties.subject.kind === 'org' ? parties.subject.org.id : null,
          subject_org_id: parties.subjectOrgId,
          form: input.form,
          membership: parties.membership,
          deciding_org_id: parties.deciding.id,
          deciding_body: input.decidingBody,
          deciding_label: `${DISCIPLINE_BODY_LABELS[input.decidingBody]} — ${parties.deciding.name}`,
          decision_no: input.decisionNo,
          decided_on: input.decidedOn,
          announced_on: input.announcedOn ?? null,
          violation_on: input.violationOn,
          violation_level: violationLevel,
          reason: input.reason ?? null,
          case_id: input.caseId ?? null,
          created_by: actor.userId,
        });
        // A new violation committed while an earlier decision was in force keeps that one from lapsing by itself.
        for (const p of previous) {
          const d = rowToDecision(p);
          if (p.kind === 'party' && inForceOn(d, input.violationOn) && lapseBlockApplies(d, input.violationOn)) {
            await repo.blockLapse(tx, p.id, input.violationOn, 'new_violation');
          }
        }
        await audit(tx, actor, 'discipline.create', id, parties.subjectOrgId, null, { ...input, subjectName: parties.subjectName });
      });
      return view(id);
    },

    async revoke(actor: Actor, id: string, input: RevokeDecisionInput) {
      if (input.revokedOn > clock.today()) throw invalid('revokedOn', 'Ngày hủy bỏ không được sau ngày hôm nay.');
      await db.transaction().execute(async (tx) => {
        const { row } = await loadForChange(actor, tx, id);
        if (row.revoked_on) throw conflict(`Quyết định đã bị hủy bỏ từ ngày ${formatVnDate(row.revoked_on)}.`);
        if (input.revokedOn < row.decided_on) throw invalid('revokedOn', 'Ngày hủy bỏ không được trước ngày quyết định.');
        await repo.revokeDecision(tx, id, input.revokedOn, input.reason);
        await audit(tx, actor, 'discipline.revoke', id, row.subject_org_id, { revokedOn: null }, input);
      });
      return view(id);
    },

    async addComplaint(actor: Actor, id: string, input: CreateComplaintInput) {
      if (input.filedOn > clock.today()) throw invalid('filedOn', 'Ngày gửi khiếu nại không được sau ngày hôm nay.');
      await db.transaction().execute(async (tx) => {
        const { row } = await loadForChange(actor, tx, id);
        if (input.receivedOn < row.decided_on) throw invalid('receivedOn', 'Ngày nhận quyết định không được trước ngày quyết định.');
        const late = complaintRefusal(input.receivedOn, input.filedOn, ruleSetOn(input.receivedOn));
        if (late) throw invalid('filedOn', late);
        const complaintId = uuidv7();
        await repo.insertComplaint(tx, {
          id: complaintId,
          decision_id: id,
          received_on: input.receivedOn,
          filed_on: input.filedOn,
          content: input.content ?? null,
          outcome: null,
          outcome_on: null,
          outcome_note: null,
          created_by: actor.userId,
        });
        if (row.kind === 'party' && lapseBlockApplies(rowToDecision(row), input.filedOn)) await repo.blockLapse(tx, id, input.filedOn, 'complaint');
        await audit(tx, actor, 'discipline.complaint', id, row.subject_org_id, null, { complaintId, ...input });
      });
      return view(id);
    },

    async complaintOutcome(actor: Actor, id: string, complaintId: string, input: ComplaintOutcomeInput) {
      if (input.outcomeOn > clock.today()) throw invalid('outcomeOn', 'Ngày giải quyết không được sau ngày hôm nay.');
      await db.transaction().execute(async (tx) => {
        const { row } = await loadForChange(actor, tx, id);
        const complaint = await repo.lockComplaint(tx, id, complaintId);
        if (!complaint) throw notFound('Không tìm thấy khiếu nại.');
        if (complaint.outcome) throw conflict('Khiếu nại đã có kết quả giải quyết.');
        if (input.outcomeOn < complaint.filed_on) throw invalid('outcomeOn', 'Ngày giải quyết không được trước ngày gửi khiếu nại.');
        await repo.setComplaintOutcome(tx, complaintId, input.outcome, input.outcomeOn, input.note ?? null);
        // Revoked, or changed (the new form is recorded as a new decision): this one ends on the day of the outcome.
        if (input.outcome !== 'upheld' && !row.revoked_on) {
          const reason = input.outcome === 'revoked' ? 'Hủy bỏ khi giải quyết khiếu nại' : 'Thay đổi hình thức khi giải quyết khiếu nại';
          await repo.revokeDecision(tx, id, input.outcomeOn, input.note ? `${reason}: ${input.note}` : reason);
        }
        await audit(tx, actor, 'discipline.complaint_outcome', id, row.subject_org_id, { outcome: null }, { complaintId, ...input });
      });
      return view(id);
    },

    async deferrals(actor: Actor, memberId: string): Promise<{ items: DeferralView[] }> {
      const member = await members.memberOn(db, memberId, clock.today());
      if (!member || !canReadDiscipline(actor, member.current_path)) throw notFound('Không tìm thấy đảng viên.');
      return { items: (await repo.deferralsOf(db, memberId)).map(deferralView) };
    },

    async addDeferral(actor: Actor, input: CreateDeferralInput): Promise<DeferralView> {
      const today = clock.today();
      const member = await members.memberOn(db, input.memberId, today);
      if (!member || !canReadDiscipline(actor, member.current_path)) throw notFound('Không tìm thấy đảng viên.');
      if (!canRecordDiscipline(actor, member.current_path)) throw forbidden('Bạn không có quyền ghi nhận tạm hoãn kỷ luật của đảng viên này.');
      if (input.fromOn > today) throw invalid('fromOn', 'Ngày bắt đầu không được sau ngày hôm nay.');
      if (input.reason === 'pregnant' && member.gender !== 'nu') throw invalid('reason', 'Chỉ đảng viên nữ mới tạm hoãn vì đang mang thai.');
      const toOn = input.reason === 'nursing' ? nursingEndsOn(input.fromOn) : (input.toOn ?? null);
      if (toOn !== null && toOn <= input.fromOn) throw invalid('toOn', 'Ngày kết thúc phải sau ngày bắt đầu.');
      const id = uuidv7();
      await db.transaction().execute(async (tx) => {
        await repo.insertDeferral(tx, {
          id,
          member_id: input.memberId,
          reason: input.reason,
          from_on: input.fromOn,
          to_on: toOn,
          note: input.note ?? null,
          created_by: actor.userId,
        });
        await audit(tx, actor, 'discipline.deferral', id, member.org_id, null, { ...input, toOn });
      });
      return deferralView({ id, member_id: input.memberId, reason: input.reason, from_on: input.fromOn, to_on: toOn, note: input.note ?? null });
    },
  };
}

function deferralView(d: Pick<repo.DeferralRow, 'id' | 'member_id' | 'reason' | 'from_on' | 'to_on' | 'note'>): DeferralView {
  return {
    id: d.id,
    memberId: d.member_id,
    reason: d.reason,
    reasonName: capital(DEFERRAL_REASON_LABELS[d.reason]),
    fromOn: d.from_on,
    toOn: d.to_on,
    note: d.note,
  };
}

export type DisciplineService = ReturnType<typeof createDisciplineService>;
