/**
 * The admission itself (domain.md §6, steps 8–10): the superior's decision sets the ceremony's deadline; the ceremony
 * starts the probation and creates the probationary member through the members module (a former member is readmitted
 * through his own file's events); the member background form is recorded, late or not.
 */
import { v7 as uuidv7 } from 'uuid';
import {
  ceremonyDeadline,
  checkCeremony,
  memberFormTiming,
  probationEnd,
  recognitionWindow,
  type Introducer,
  type IntroductionRoute,
} from '../../../../domain/admission.ts';
import { conflict, invalid } from '../../../http/errors.ts';
import { findMemberIdByCccd } from '../../members/members.repo.ts';
import { insertMembers } from '../../members/members.service.ts';
import { orgNameOn } from '../../orgs/orgs.members.repo.ts';
import { fieldsOf } from '../admissions.candidates.ts';
import { updateDossier } from '../admissions.repo.ts';
import type { StepContext, StepInputOf, StepOutcome, StepRow } from './step.ts';

export async function decision(ctx: StepContext, input: StepInputOf<'decision'>): Promise<StepOutcome> {
  if (input.receivedOn < input.date) throw invalid('receivedOn', 'Ngày nhận quyết định không được trước ngày quyết định.');
  if (input.receivedOn > ctx.today) throw invalid('receivedOn', 'Ngày nhận quyết định không được sau ngày hôm nay.');
  return {
    failures: [],
    data: { decidingBody: input.decidingBody ?? null, receivedOn: input.receivedOn },
    update: { ceremony_due_on: ceremonyDeadline(input.receivedOn, ctx.cal, ctx.rules) },
  };
}

/** The introducers' names for the member file (the youth union's committee first when it introduced him). */
function introducerNames(ctx: StepContext): string[] {
  const introData = (ctx.latest('introduction')?.data ?? {}) as { route?: IntroductionRoute; introducers?: Introducer[] };
  const names = (introData.introducers ?? []).map((i) => i.name);
  if (introData.route === 'youth_union') names.unshift('Ban Chấp hành Đoàn cơ sở');
  return names;
}

/** The member file's side of the ceremony: a former member readmitted, or a new probationary member. */
async function admitMember(ctx: StepContext, input: StepInputOf<'ceremony'>, decision: StepRow, names: string[]) {
  const { tx, actor, dossier: d, candidate } = ctx;
  const cellName = await orgNameOn(tx, d.org_id, input.date);
  if (candidate.former_member_id) {
    await ctx.deps.members.addEventInTransaction(tx, actor, candidate.former_member_id, {
      kind: 'readmitted',
      orgId: d.org_id,
      date: decision.on_date,
      decisionNo: decision.decision_no,
      decisionDate: decision.on_date,
      ceremonyOn: input.date,
      criminalRecordClearedOn: ((ctx.latest('cell_vote')?.data ?? {}) as { criminalRecordClearedOn?: string | null }).criminalRecordClearedOn ?? null,
      note: null,
    });
    await updateDossier(tx, d.id, { member_id: candidate.former_member_id });
    return;
  }
  if (candidate.cccd && (await findMemberIdByCccd(tx, candidate.cccd))) {
    throw conflict('Số CCCD của người vào Đảng đã có trong hồ sơ một đảng viên khác.', [{ field: 'cccd', message: 'Số CCCD đã được dùng.' }]);
  }
  const memberId = uuidv7();
  const { helperMemberId: _h, ...memberFields } = fieldsOf(candidate as unknown as Record<string, unknown>);
  const fields = { ...memberFields, ceremonyOn: input.date, admissionPlace: cellName, introducer1: names[0] ?? null, introducer2: names[1] ?? null };
  const admission = { dossierId: d.id, decisionNo: decision.decision_no, decisionDate: decision.on_date };
  await insertMembers(tx, actor, ctx.deps.clock.now(), [{ id: memberId, orgId: d.org_id, admittedOn: decision.on_date, fields, admission }], {
    admissionDossierId: d.id,
  });
  await updateDossier(tx, d.id, { member_id: memberId });
}

export async function ceremony(ctx: StepContext, input: StepInputOf<'ceremony'>): Promise<StepOutcome> {
  const { cal, rules } = ctx;
  const decision = ctx.latest('decision')!;
  const dd = decision.data as { receivedOn: string };
  const consent = input.superiorConsentNo ? { decisionNo: input.superiorConsentNo } : null;
  const c = checkCeremony(input.date, { decisionDate: decision.on_date, receivedOn: dd.receivedOn }, cal, rules, consent);
  const names = introducerNames(ctx);
  return {
    failures: c ? [c] : [],
    data: { superiorConsentNo: input.superiorConsentNo ?? null },
    update: {
      ceremony_on: input.date,
      probation_ends_on: probationEnd(input.date, rules),
      recognition_due_on: recognitionWindow(input.date, cal, rules).dueBy,
      status: 'probation',
    },
    afterWrite: () => admitMember(ctx, input, decision, names),
  };
}

/** Late is recorded, not refused (domain.md §6, step 10). */
export async function memberForm(ctx: StepContext, input: StepInputOf<'member_form'>): Promise<StepOutcome> {
  return { failures: [], data: { ...memberFormTiming(input.date, ctx.dossier.ceremony_on!, ctx.cal, ctx.rules) } };
}
