/**
 * The list behind the discipline figures of the inspection statistics (issue 15 part 6): the party decisions of a
 * subtree decided in a period, or the complaints against them, read through the discipline module's repository (the
 * same conditions as the figures, so the list's total is the cell). Disciplines are sensitive: the list needs
 * `readSensitive` over the organisation asked (else 404, as for an organisation one cannot see).
 */
import type { Kysely } from 'kysely';
import type { DisciplineFigureQuery, DisciplineFigureRow } from '../../../contract/inspection.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { listDisciplineFigure } from '../discipline/discipline.reports.repo.ts';
import { memberNames } from '../members/members.repo.ts';
import { caseReadScope } from './inspection.policy.ts';
import { periodOfQuery } from './inspection.service.ts';
import { orgIn } from './inspection.shared.ts';

export async function disciplineFigureList(db: Kysely<DB>, actor: Actor, q: DisciplineFigureQuery, today: string) {
  const scope = caseReadScope(actor);
  const org = await orgIn(db, scope, q.orgId);
  const { from, to } = periodOfQuery(q, today);
  const { total, rows } = await listDisciplineFigure(db, { ...q, from, to, path: org.path, scope }, q.page, q.pageSize);
  const names = await memberNames(
    db,
    rows.map((r) => r.member_id).filter((x): x is string => x !== null),
  );
  const items = rows.map((r): DisciplineFigureRow => ({
    decisionId: r.id,
    subjectKind: r.subject_kind,
    subjectName: r.member_id !== null ? (names.get(r.member_id) ?? '') : (r.subject_org_name ?? ''),
    orgName: r.subject_org_name ?? '',
    form: r.form,
    decisionNo: r.decision_no,
    decidedOn: r.decided_on,
    decidingLabel: r.deciding_label,
    complaint: r.complaint_id === null ? null : { id: r.complaint_id, filedOn: r.filed_on!, outcome: r.outcome, outcomeOn: r.outcome_on },
  }));
  return { total, items };
}
