/**
 * Recording a step (domain.md §6): in order, dated not before the step before it nor after today, checked by the rules
 * of the dossier's rule set. The handlers of steps/ check each kind and say what to write; failed checks answer 422
 * naming each rule, unless every one is overridden (by someone entitled, with a reason; audited). The step, its
 * overrides, the dossier's new state, the member file's write and the audit entries are one transaction.
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { ADMISSION_STEPS, MEMBER_FORM_STEP, NOT_OVERRIDABLE, STEP_LABELS, previousStep, type CheckFailure } from '../../../domain/admission.ts';
import type { WorkingCalendar } from '../../../domain/calendar/working-days.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, invalid } from '../../http/errors.ts';
import { writeAudit, type AuditInput } from '../audit/audit.service.ts';
import { actorOf, checkFailed, loadDossier, rulesOf, type AdmissionsDeps } from './admissions.context.ts';
import { nextSteps } from './admissions.dossiers.ts';
import { assertCanEditDossier, assertCanOverride } from './admissions.policy.ts';
import { candidateById, dossierById, insertOverride, insertStep, lockDossier, stepsOf, updateDossier } from './admissions.repo.ts';
import type { StepInput } from '../../../contract/admissions.ts';
import { application, comments, course, introduction, verification } from './steps/preparation.ts';
import { ceremony, decision, memberForm } from './steps/admission.ts';
import { recognitionVote } from './steps/recognition.ts';
import type { StepContext, StepOutcome, StepRow } from './steps/step.ts';
import { cellVote, grassrootsResolution } from './steps/votes.ts';

function handle(ctx: StepContext, input: StepInput): Promise<StepOutcome> {
  switch (input.kind) {
    case 'course':
      return course(ctx, input);
    case 'application':
      return application(ctx, input);
    case 'verification':
      return verification(ctx, input);
    case 'introduction':
      return introduction(ctx, input);
    case 'comments':
      return comments();
    case 'cell_vote':
      return cellVote(ctx, input);
    case 'grassroots_resolution':
      return grassrootsResolution(ctx, input);
    case 'decision':
      return decision(ctx, input);
    case 'ceremony':
      return ceremony(ctx, input);
    case 'member_form':
      return memberForm(ctx, input);
    case 'recognition_vote':
      return recognitionVote(ctx, input);
  }
}

/** The step may be recorded now (409 naming the step missing before it otherwise) and its date is not too early. */
function checkOrder(ctx: StepContext, input: StepInput) {
  const { dossier: d, steps } = ctx;
  const kind = input.kind;
  if (!nextSteps(steps, d.status, d.stage).includes(kind)) {
    const prev = previousStep(kind);
    if (d.status === 'official' || d.status === 'closed') throw conflict('Hồ sơ kết nạp đã kết thúc.');
    if (prev && !steps.some((s) => s.kind === prev))
      throw conflict(`Chưa ghi nhận bước trước: «${STEP_LABELS[prev]}».`, [{ field: 'kind', message: `Cần ghi nhận «${STEP_LABELS[prev]}» trước.` }]);
    throw conflict(`Không thể ghi nhận «${STEP_LABELS[kind]}» ở giai đoạn này của hồ sơ.`, [
      { field: 'kind', message: 'Bước đã được ghi nhận hoặc không còn áp dụng.' },
    ]);
  }
  const prevKind = previousStep(kind);
  const floor = (prevKind ? ctx.latest(prevKind) : undefined)?.on_date ?? d.opened_on;
  if (kind === MEMBER_FORM_STEP && input.date < floor)
    throw invalid('date', `Ngày khai lý lịch đảng viên không được trước ngày lễ kết nạp (${floor.split('-').reverse().join('/')}).`);
  if (input.date < floor && kind !== 'course')
    throw invalid('date', `Ngày của bước không được trước ngày của bước trước (${floor.split('-').reverse().join('/')}).`);
}

/** The dossier's stage after a step: the step's own when it moves the dossier forward, else unchanged. */
function stageAfter(kind: StepInput['kind'], stage: string): string {
  if (kind === MEMBER_FORM_STEP) return stage;
  const forward = ADMISSION_STEPS.indexOf(kind) > ADMISSION_STEPS.indexOf(stage as (typeof ADMISSION_STEPS)[number]) || stage === 'listed';
  return forward ? kind : stage;
}

/** The dossier as it is under the lock, with what a handler reads. */
async function stepContext(deps: AdmissionsDeps, tx: Kysely<DB>, actor: Actor, id: string, today: string, cal: WorkingCalendar): Promise<StepContext> {
  await lockDossier(tx, id);
  const dossier = await dossierById(tx, id);
  const candidate = await candidateById(tx, dossier.candidate_id);
  const steps = await stepsOf(tx, id);
  const rules = await rulesOf(deps, dossier);
  const latest = (k: string): StepRow | undefined => [...steps].reverse().find((s) => s.kind === k);
  return { deps, tx, actor, dossier, candidate, steps, rules, cal, today, latest };
}

/** The step, its overrides, the dossier's new state, the member file's write and the audit entries. */
async function writeStep(ctx: StepContext, input: StepInput, outcome: StepOutcome, failures: CheckFailure[]) {
  const { tx, actor, dossier: d } = ctx;
  const { kind } = input;
  const stage = outcome.stage ?? stageAfter(kind, d.stage);
  const stepId = uuidv7();
  const at = ctx.deps.clock.now();
  const { data } = outcome;
  const seq = (ctx.steps.at(-1)?.seq ?? 0) + 1;
  const step = { on_date: input.date, decision_no: input.decisionNo ?? null, note: input.note ?? null, recorded_by: actor.userId, recorded_at: at };
  await insertStep(tx, { id: stepId, dossier_id: d.id, seq, kind, ...step, data: JSON.stringify(data), documents: JSON.stringify(input.documents ?? []) });
  const audits: AuditInput[] = [];
  for (const f of failures) {
    const reason = input.override!.reason;
    const row = { check_code: f.code, message: f.message, reason, overridden_by: actor.userId, overridden_at: at };
    await insertOverride(tx, { id: uuidv7(), dossier_id: d.id, step_id: stepId, ...row });
    const after = { stepId, kind, check: f.code, message: f.message, reason };
    audits.push({ action: 'admission.check_override', entityType: 'admission_dossier', entityId: d.id, scopeOrgId: d.org_id, before: null, after });
  }
  await updateDossier(tx, d.id, { ...outcome.update, stage, updated_at: at });
  if (outcome.afterWrite) await outcome.afterWrite();
  const { override: _o, ...logged } = input;
  audits.unshift({
    action: `admission.step.${kind}`,
    entityType: 'admission_dossier',
    entityId: d.id,
    scopeOrgId: d.org_id,
    before: { stage: d.stage, status: d.status },
    after: { ...logged, stepId, data, stage },
  });
  await writeAudit(tx, actorOf(actor), at, audits);
}

/** Records a step of a dossier the actor edits. */
export async function recordStep(deps: AdmissionsDeps, actor: Actor, id: string, input: StepInput): Promise<void> {
  const found = await loadDossier(deps, actor, id);
  assertCanEditDossier(actor, found.current_path);
  const today = deps.clock.today();
  if (input.date > today) throw invalid('date', 'Ngày của bước không được sau ngày hôm nay.');
  const cal = await deps.calendar.workingCalendar(deps.db);
  await deps.rulesets.registry(); // loaded before the transaction: rulesOf reads it inside
  await deps.db.transaction().execute(async (tx) => {
    const ctx = await stepContext(deps, tx, actor, id, today, cal);
    checkOrder(ctx, input);
    const outcome = await handle(ctx, input);
    const failures = outcome.failures;
    const unresolved = failures.filter((f) => NOT_OVERRIDABLE.includes(f.code) || !input.override?.checks.includes(f.code));
    if (unresolved.length > 0) throw checkFailed(unresolved);
    if (failures.length > 0) assertCanOverride(actor, found.current_path);
    await writeStep(ctx, input, outcome, failures);
  });
}
