/**
 * Reading dossiers: the dossier page (its steps with their overrides, the steps that may be recorded next, what the
 * reader may do) and the list of candidates with the pipeline's stage counts.
 */
import {
  ADMISSION_STEPS,
  MEMBER_FORM_STEP,
  STAGE_LABELS,
  STEP_LABELS,
  previousStep,
  type AdmissionStage,
  type AdmissionStepKind,
} from '../../../domain/admission.ts';
import { subtreeRange } from '../../../domain/org-path.ts';
import { scopeFor, type Actor } from '../../http/actor.ts';
import { notFound } from '../../http/errors.ts';
import { maskCccd } from '../members/members.policy.ts';
import { memberNames } from '../members/members.repo.ts';
import { orgPath } from '../orgs/orgs.admissions.repo.ts';
import { fieldsOf } from './admissions.candidates.ts';
import { BEFORE_VOTE, loadDossier, rulesOf, type AdmissionsDeps } from './admissions.context.ts';
import { canOverrideChecks, canReadOrgAdmissions, canRecordStep } from './admissions.policy.ts';
import { candidateById, listDossiers, overridesOf, stageCounts, stepsOf } from './admissions.repo.ts';

/** The steps that may be recorded now, given those recorded and the dossier's state. */
export function nextSteps(steps: readonly { kind: string }[], status: string, stage: string): AdmissionStepKind[] {
  if (status === 'closed') return [];
  const done = new Set(steps.map((s) => s.kind));
  // The member form may follow the ceremony at any time, also after the recognition; it blocks nothing.
  const memberForm: AdmissionStepKind[] =
    done.has('ceremony') && !done.has(MEMBER_FORM_STEP) && stage !== 'strike_off_proposed' && stage !== 'referred_to_superior' ? [MEMBER_FORM_STEP] : [];
  if (status === 'official') return memberForm;
  if (status === 'probation') return stage === 'strike_off_proposed' || stage === 'referred_to_superior' ? [] : [...memberForm, 'recognition_vote'];
  const out: AdmissionStepKind[] = [];
  for (const kind of ADMISSION_STEPS) {
    if (kind === 'recognition_vote') continue;
    const prev = previousStep(kind);
    if (prev && !done.has(prev)) break;
    if (!done.has(kind) || (BEFORE_VOTE.includes(kind) && !done.has('cell_vote'))) out.push(kind);
  }
  return out;
}

type StepRow = Awaited<ReturnType<typeof stepsOf>>[number];
type OverrideRow = Awaited<ReturnType<typeof overridesOf>>[number];

function stepView(s: StepRow, overrides: readonly OverrideRow[]) {
  return {
    id: s.id,
    seq: s.seq,
    kind: s.kind,
    label: STEP_LABELS[s.kind as AdmissionStepKind] ?? s.kind,
    date: s.on_date,
    decisionNo: s.decision_no,
    data: s.data ?? {},
    documents: (s.documents ?? []) as unknown[],
    note: s.note,
    recordedBy: s.recorded_by_name,
    recordedAt: new Date(s.recorded_at).toISOString(),
    overrides: overrides
      .filter((o) => o.step_id === s.id)
      .map((o) => ({ checkCode: o.check_code, message: o.message, reason: o.reason, by: o.by_name, at: new Date(o.overridden_at).toISOString() })),
  };
}

/** The dossier page. */
export async function dossierView(deps: AdmissionsDeps, actor: Actor, id: string) {
  const { db } = deps;
  const d = await loadDossier(deps, actor, id);
  const candidate = await candidateById(db, d.candidate_id);
  const [steps, overrides] = await Promise.all([stepsOf(db, id), overridesOf(db, id)]);
  const helperName = candidate.helper_member_id ? (await memberNames(db, [candidate.helper_member_id])).get(candidate.helper_member_id) : undefined;
  const rules = await rulesOf(deps, d);
  const { cccd, ...fields } = fieldsOf(candidate as unknown as Record<string, unknown>);
  return {
    id: d.id,
    candidate: {
      id: candidate.id,
      fields: { ...fields, cccdMasked: maskCccd((cccd as string | null) ?? null) },
      formerMemberId: candidate.former_member_id,
      helper: helperName !== undefined ? { id: candidate.helper_member_id!, name: helperName } : null,
    },
    org: { id: d.org_id, name: d.org_name ?? '' },
    openedOn: d.opened_on,
    listingResolutionNo: d.listing_resolution_no,
    ruleSet: { id: rules.id, basis: rules.basis },
    readmission: d.readmission,
    stage: d.stage,
    stageLabel: STAGE_LABELS[d.stage as AdmissionStage] ?? d.stage,
    status: d.status,
    memberId: d.member_id,
    dates: {
      certificateValidUntil: d.certificate_valid_until,
      ceremonyDueOn: d.ceremony_due_on,
      ceremonyOn: d.ceremony_on,
      probationEndsOn: d.probation_ends_on,
      recognitionDueOn: d.recognition_due_on,
      officialOn: d.official_on,
    },
    steps: steps.map((s) => stepView(s, overrides)),
    nextSteps: nextSteps(steps, d.status, d.stage),
    canEdit: canRecordStep(actor, d),
    canOverride: canOverrideChecks(actor, d.current_path),
  };
}

export interface CandidateListQuery {
  q?: string | undefined;
  orgId?: string | undefined;
  stage?: string | undefined;
  status?: string | undefined;
  page: number;
  pageSize: number;
}

/** A page of candidates (one row per dossier) with the pipeline board's count of each stage. */
export async function listCandidates(deps: AdmissionsDeps, actor: Actor, q: CandidateListQuery) {
  const { db, clock } = deps;
  const scope = scopeFor(actor, 'read');
  let subtree: { from: string; to: string } | undefined;
  if (q.orgId) {
    const org = await orgPath(db, q.orgId);
    if (!org || !canReadOrgAdmissions(actor, org)) throw notFound('Không tìm thấy tổ chức đảng.');
    subtree = subtreeRange(org.current_path);
  }
  const f = { q: q.q, subtree, stage: q.stage, status: q.status };
  const [{ rows, total }, counts] = await Promise.all([
    listDossiers(db, scope, { ...f, page: q.page, pageSize: q.pageSize }, clock.today()),
    stageCounts(db, scope, f),
  ]);
  const stages: AdmissionStage[] = ['listed', ...ADMISSION_STEPS, 'official', 'strike_off_proposed', 'referred_to_superior'];
  return {
    items: rows.map((r) => ({
      candidateId: r.candidate_id,
      dossierId: r.dossier_id,
      fullName: r.full_name,
      gender: r.gender,
      birthDate: r.birth_date,
      orgId: r.org_id,
      orgName: r.org_name ?? '',
      openedOn: r.opened_on,
      stage: r.stage,
      stageLabel: STAGE_LABELS[r.stage as AdmissionStage] ?? r.stage,
      status: r.status,
      memberId: r.member_id,
      readmission: r.readmission,
    })),
    total,
    stages: stages.map((s) => ({ stage: s, label: STAGE_LABELS[s], count: counts.get(s) ?? 0 })),
  };
}
