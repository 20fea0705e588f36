/**
 * Admissions (domain.md §6): the cell lists candidates, records each step in order, the checks of the rule set the
 * dossier was opened under decide whether a step may be recorded, and a failed check blocks it unless an
 * organisation administrator overrides it with a written reason. The ceremony creates the probationary member through
 * the members module's own insert; the recognition makes him official through its life events. Every write is one
 * transaction with its audit entries.
 *
 * This file wires the parts: admissions.candidates.ts (listing and correcting candidates), admissions.dossiers.ts
 * (the dossier page and the list), admissions.steps.ts with steps/ (recording a step), admissions.queue.ts (probation
 * and the work queue), admissions.targets.ts (yearly targets), and the Word documents below.
 */
import { conflict } from '../../http/errors.ts';
import type { Actor } from '../../http/actor.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { DOCX_MIME } from '../../office/mime.ts';
import { contentDisposition } from '../../office/download.ts';
import { orgPath } from '../orgs/orgs.admissions.repo.ts';
import { orgNameOn } from '../orgs/orgs.members.repo.ts';
import { correctCandidate, createCandidate, type CandidateInput, type NewCandidateInput } from './admissions.candidates.ts';
import { actorOf, denominatorOn, loadDossier, type AdmissionsDeps } from './admissions.context.ts';
import { admissionDocument, renderAdmissionDocx, type AdmissionDocumentKind } from './admissions.docx.ts';
import { dossierView, listCandidates, type CandidateListQuery } from './admissions.dossiers.ts';
import { probationList, workQueue, workQueueCounts } from './admissions.queue.ts';
import type { StepInput } from '../../../contract/admissions.ts';
import { recordStep } from './admissions.steps.ts';
import { setTarget, targetProgress, type TargetInput, type TargetQuery } from './admissions.targets.ts';

export type { AdmissionsDeps } from './admissions.context.ts';

/** One standard document of the procedure as a Word file, filled in from the dossier; the export is audited. */
async function exportDocument(deps: AdmissionsDeps, actor: Actor, id: string, kind: AdmissionDocumentKind) {
  const { db, clock } = deps;
  const d = await dossierView(deps, actor, id);
  // The header names the cell's superior committee as it is today (HD 36).
  const cell = await orgPath(db, d.org.id);
  const superiorId = cell ? cell.current_path.split('/').filter(Boolean).at(-2) : undefined;
  const superiorName = superiorId ? await orgNameOn(db, superiorId, clock.today()) : null;
  const fullName = d.candidate.fields.fullName as string;
  const model = admissionDocument(
    {
      fullName,
      birthDate: (d.candidate.fields.birthDate as string | null) ?? null,
      orgName: d.org.name,
      superiorName,
      steps: d.steps.map((s) => ({ kind: s.kind, date: s.date, decisionNo: s.decisionNo, data: s.data as Record<string, unknown> })),
      dates: d.dates,
    },
    kind,
  );
  if (typeof model === 'string') throw conflict(model);
  const bytes = await renderAdmissionDocx(model);
  const entry = { action: 'admission.document_export', entityType: 'admission_dossier', entityId: id, scopeOrgId: d.org.id, before: null, after: { kind } };
  await db.transaction().execute((tx) => writeAudit(tx, actorOf(actor), clock.now(), [entry]));
  const ascii = `${model.fileTitle}.docx`;
  return { bytes, mime: DOCX_MIME, contentDisposition: contentDisposition({ utf8: `${model.fileTitle}-${fullName}.docx`, ascii }) };
}

export function createAdmissionsService(deps: AdmissionsDeps) {
  const getDossier = (actor: Actor, id: string) => dossierView(deps, actor, id);
  return {
    getDossier,
    listCandidates: (actor: Actor, q: CandidateListQuery) => listCandidates(deps, actor, q),

    /** The cell lists a candidate and the dossier opens under the rule set in force on that day. */
    async createCandidate(actor: Actor, input: NewCandidateInput) {
      return getDossier(actor, await createCandidate(deps, actor, input));
    },

    /** Corrects a candidate's fields (a birth date, an education level) before the ceremony. */
    async updateCandidate(actor: Actor, id: string, patch: CandidateInput) {
      return getDossier(actor, await correctCandidate(deps, actor, id, patch));
    },

    /** The cell vote's denominator on a date, computed from the member file, with the exclusions it knows of. */
    async denominator(actor: Actor, id: string, date: string | null) {
      const d = await loadDossier(deps, actor, id);
      return denominatorOn(deps.db, d.org_id, date ?? deps.clock.today(), {});
    },

    /** Records a step (admissions.steps.ts) and answers the dossier page. */
    async recordStep(actor: Actor, id: string, input: StepInput) {
      await recordStep(deps, actor, id, input);
      return getDossier(actor, id);
    },

    document: (actor: Actor, id: string, kind: AdmissionDocumentKind) => exportDocument(deps, actor, id, kind),
    probationList: (actor: Actor) => probationList(deps, actor),
    workQueue: (actor: Actor) => workQueue(deps, actor),
    workQueueCounts: (actor: Actor) => workQueueCounts(deps, actor),
    targetProgress: (actor: Actor, q: TargetQuery) => targetProgress(deps, actor, q),
    /** The organisation's own progress, without its subordinates' rows (the dashboard's headline and trend). */
    ownTargetProgress: (actor: Actor, q: TargetQuery) => targetProgress(deps, actor, q, false),

    /** The superior sets an organisation's yearly target; answers the target page of that organisation and year. */
    async setTarget(actor: Actor, orgId: string, input: TargetInput) {
      await setTarget(deps, actor, orgId, input);
      return targetProgress(deps, actor, { orgId, year: input.year });
    },
  };
}

export type AdmissionsService = ReturnType<typeof createAdmissionsService>;
