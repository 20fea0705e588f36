/**
 * The checks of a new decision (issue 15 part 4), each refusing with the rule's Vietnamese words: the subject on the
 * decision's day, the deciding organisation above or at the subject's, the form for the subject, the competence of
 * the deciding level (rule-set data), deferral, the time limit.
 */
import type { Kysely } from 'kysely';
import type { CreateDecisionInput } from '../../../contract/discipline.ts';
import { formatVnDate } from '../../../domain/dates.ts';
import {
  competenceRefusal,
  deferralRefusal,
  formRefusal,
  limitationRefusal,
  limitationStartOn,
  type AnyDisciplineForm,
  type DisciplineSubject,
} from '../../../domain/discipline.ts';
import { TERMINAL_STATUSES, type MemberStatus } from '../../../domain/member-status.ts';
import { isWithin } from '../../../domain/org-path.ts';
import type { RuleSet } from '../../../domain/rulesets.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import { orgForDiscipline, type OrgForDiscipline } from '../orgs/orgs.discipline.repo.ts';
import { canReadDiscipline, canRecordDiscipline } from './discipline.policy.ts';
import type { DisciplineMember, DisciplineMembersPort } from './discipline.ports.ts';
import { decisionsOfMember, decisionsOfOrg, deferralsOf } from './discipline.repo.ts';

type Input = CreateDecisionInput;

export interface CheckedDecision {
  subject: { kind: 'member'; member: DisciplineMember; rollOrg: OrgForDiscipline } | { kind: 'org'; org: OrgForDiscipline };
  subjectOrgId: string;
  membership: 'probationary' | 'official' | null;
  deciding: OrgForDiscipline;
  violationLevel: AnyDisciplineForm;
  subjectName: string;
}

/** Dates: none after today, the violation before the decision, the announcement not before it. */
export function checkDates(input: Input, today: string): void {
  for (const field of ['decidedOn', 'announcedOn', 'violationOn'] as const) {
    const d = input[field];
    if (d && d > today) throw invalid(field, `Ngày ${formatVnDate(d)} sau ngày hôm nay (${formatVnDate(today)}): chỉ ghi nhận quyết định đã ban hành.`);
  }
  if (input.violationOn > input.decidedOn) throw invalid('violationOn', 'Ngày vi phạm không được sau ngày quyết định kỷ luật.');
  if (input.announcedOn && input.announcedOn < input.decidedOn) throw invalid('announcedOn', 'Ngày công bố không được trước ngày quyết định.');
}

async function memberSubject(db: Kysely<DB>, actor: Actor, members: DisciplineMembersPort, input: Input) {
  const member = await members.memberOn(db, input.memberId!, input.decidedOn);
  if (!member || !canReadDiscipline(actor, member.current_path)) throw notFound('Không tìm thấy đảng viên.');
  const p = member.period;
  if (!p || TERMINAL_STATUSES.includes(p.status as MemberStatus)) {
    throw invalid('memberId', `Ngày ${formatVnDate(input.decidedOn)} ${member.full_name} không phải là đảng viên: không thể quyết định kỷ luật.`);
  }
  const rollOrg = await orgForDiscipline(db, p.org_id, input.decidedOn);
  if (!rollOrg) throw invalid('memberId', 'Không xác định được tổ chức đảng của đảng viên vào ngày quyết định.');
  return { kind: 'member' as const, member, rollOrg };
}

/** The subject and the deciding organisation, in the actor's scope, the deciding one above or at the subject's. */
export async function checkParties(
  db: Kysely<DB>,
  actor: Actor,
  members: DisciplineMembersPort,
  input: Input,
): Promise<Omit<CheckedDecision, 'violationLevel'>> {
  const deciding = await orgForDiscipline(db, input.decidingOrgId, input.decidedOn);
  if (!deciding || !canReadDiscipline(actor, deciding.current_path))
    throw invalid('decidingOrgId', 'Không tìm thấy tổ chức quyết định kỷ luật (hoặc ngoài phạm vi quản lý).');
  if (!canRecordDiscipline(actor, deciding.current_path)) throw forbidden('Bạn không có quyền ghi nhận quyết định kỷ luật của tổ chức này.');
  if (input.memberId) {
    const subject = await memberSubject(db, actor, members, input);
    if (!isWithin(subject.rollOrg.path, deciding.path)) {
      throw invalid(
        'decidingOrgId',
        `${deciding.name} không phải cấp trên hoặc chi bộ của ${subject.member.full_name} vào ngày quyết định: không có thẩm quyền kỷ luật.`,
      );
    }
    return { subject, subjectOrgId: subject.rollOrg.id, membership: subject.member.period!.membership, deciding, subjectName: subject.member.full_name };
  }
  const org = await orgForDiscipline(db, input.orgId!, input.decidedOn);
  if (!org || !canReadDiscipline(actor, org.current_path)) throw notFound('Không tìm thấy tổ chức đảng.');
  if (org.id === deciding.id || !isWithin(org.path, deciding.path)) {
    throw invalid('decidingOrgId', `Kỷ luật ${org.name} do cấp ủy cấp trên quyết định: ${deciding.name} không phải cấp trên của tổ chức này.`);
  }
  return { subject: { kind: 'org', org }, subjectOrgId: org.id, membership: null, deciding, subjectName: org.name };
}

/** The rules: form for the subject, competence, deferral, time limit (restarted by a later violation of the subject). */
export async function checkRules(db: Kysely<DB>, input: Input, parties: Omit<CheckedDecision, 'violationLevel'>, rules: RuleSet): Promise<AnyDisciplineForm> {
  const subject: DisciplineSubject = parties.subject.kind === 'member' ? { kind: 'member', membership: parties.membership! } : { kind: 'org' };
  const formProblem = formRefusal(subject, input.form);
  if (formProblem) throw invalid('form', formProblem);
  const kind = { code: parties.deciding.kind_code, name: parties.deciding.kind_name, isCell: parties.deciding.is_cell };
  const competence = competenceRefusal(kind, input.decidingBody, parties.subject.kind, input.form, rules);
  if (competence) throw invalid('decidingBody', competence);
  if (parties.subject.kind === 'member') {
    const deferrals = (await deferralsOf(db, parties.subject.member.id)).map((d) => ({ reason: d.reason, fromOn: d.from_on, toOn: d.to_on }));
    const deferred = deferralRefusal(deferrals, input.decidedOn);
    if (deferred) throw invalid('decidedOn', deferred);
  }
  const level = input.violationLevel ?? input.form;
  const previous =
    parties.subject.kind === 'member' ? await decisionsOfMember(db, parties.subject.member.id) : await decisionsOfOrg(db, parties.subject.org.id);
  const later = previous.flatMap((d) => (d.kind === 'party' && d.violation_on ? [d.violation_on] : []));
  const limit = limitationRefusal(limitationStartOn(input.violationOn, later, input.decidedOn), level, input.decidedOn, rules);
  if (limit) throw invalid('violationOn', limit);
  return level;
}
