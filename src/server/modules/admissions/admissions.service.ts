/**
 * Admissions (domain.md §6): the cell lists candidates, records each step in order, the checks of the rule set the
 * dossier was opened under decide whether a step may be recorded, and a failed check blocks it unless an
 * organisation administrator overrides it with a written reason. The ceremony creates the probationary member through
 * the members module's own insert; the recognition makes him official through its life events. Every write is one
 * transaction with its audit entries.
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  ADMISSION_STEPS,
  MEMBER_FORM_STEP,
  NOT_OVERRIDABLE,
  STAGE_LABELS,
  STEP_LABELS,
  certificateValidUntil,
  ceremonyDeadline,
  checkAge,
  checkCellVote,
  checkCeremony,
  checkCertificate,
  checkEducation,
  checkGrassrootsResolution,
  checkIntroducers,
  checkReadmission,
  checkRecognitionVote,
  memberFormDeadline,
  memberFormTiming,
  previousStep,
  probationEnd,
  recognitionOutcome,
  recognitionWindow,
  referToSuperior,
  voteDenominator,
  type AdmissionStage,
  type AdmissionStepKind,
  type CheckFailure,
  type Introducer,
  type IntroductionRoute,
  type RecognitionOutcome,
} from '../../../domain/admission.ts';
import { addDays } from '../../../domain/dates.ts';
import { statusOn } from '../../../domain/member-status.ts';
import { subtreeRange } from '../../../domain/org-path.ts';
import type { RuleSetsService } from '../rulesets/rulesets.service.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { pathInScope, scopeFor, type Actor } from '../../http/actor.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { writeAudit, type AuditInput } from '../audit/audit.service.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import { findMember, orgKindToday, orgNameOn } from '../members/members.repo.ts';
import { columnsOf, insertMembers, type MembersService } from '../members/members.service.ts';
import { maskCccd } from '../members/members.policy.ts';
import { assertCanEditDossier, assertCanOverride, canOverrideChecks, canSetTarget } from './admissions.policy.ts';
import {
  admittedIn,
  candidateById,
  candidateIdByCccd,
  cellMembersOn,
  dossierById,
  findCandidate,
  findCatalogueCode,
  findDossier,
  firstRootOrg,
  insertCandidate,
  insertDossier,
  insertOverride,
  insertStep,
  insertTarget,
  latestDossierOf,
  listDossiers,
  lockDossier,
  lockTargets,
  memberEvents,
  memberIdByCccd,
  memberName,
  orgIdAndPath,
  orgPath,
  orgWithChildren,
  otherCandidateIdByCccd,
  overridesOf,
  pipelineIn,
  probationDossiers,
  siblingTargetSum,
  stageCounts,
  stepsOf,
  targetRowOf,
  targetSumOf,
  targetValueOf,
  targetsOf,
  updateCandidate,
  updateDossier,
  updateTarget,
  workQueueDossiers,
} from './admissions.repo.ts';
import type { StepInput } from '../../../contract/admissions.ts';
import { admissionDocument, renderAdmissionDocx, type AdmissionDocumentKind } from './admissions.docx.ts';
import { DOCX_MIME } from '../member-sheet/member-sheet.docx.ts';
import { contentDisposition } from '../member-sheet/member-sheet.service.ts';

/** Candidate field (API) → column of admission_candidate, the same names as the member file's. */
const CANDIDATE_COLUMNS = {
  fullName: 'full_name',
  gender: 'gender',
  birthDate: 'birth_date',
  cccd: 'cccd',
  ethnicity: 'ethnicity',
  religion: 'religion',
  generalEducation: 'general_education',
  occupation: 'occupation',
  workplace: 'workplace',
  position: 'position',
  phone: 'phone',
  hometown: 'hometown',
  currentAddress: 'current_address',
  youthUnionOn: 'youth_union_on',
  helperMemberId: 'helper_member_id',
} as const;
type CandidateField = keyof typeof CANDIDATE_COLUMNS;
type CandidateInput = Partial<Record<CandidateField, unknown>>;

const CATALOGUE_FIELDS: Partial<Record<CandidateField, string>> = {
  ethnicity: 'ethnicity',
  religion: 'religion',
  generalEducation: 'general_education',
  occupation: 'occupation',
};

const TERMINAL = ['deceased', 'struck_off', 'left', 'expelled', 'in_transit'];
/** Steps that may be recorded again (a correction) until the cell votes: the latest record counts. */
const BEFORE_VOTE = ADMISSION_STEPS.slice(0, ADMISSION_STEPS.indexOf('cell_vote'));

const candidateColumns = (fields: CandidateInput) => columnsOf(fields, CANDIDATE_COLUMNS);

function fieldsOf(row: Record<string, unknown>): Record<CandidateField, unknown> {
  const out = {} as Record<CandidateField, unknown>;
  for (const [k, col] of Object.entries(CANDIDATE_COLUMNS)) out[k as CandidateField] = row[col] ?? null;
  return out;
}

const checkFailed = (failures: CheckFailure[]) =>
  new AppError(
    422,
    'CHECK_FAILED',
    failures.map((f) => f.message).join(' '),
    failures.map((f) => ({ field: 'checks', code: f.code, message: f.message, overridable: !NOT_OVERRIDABLE.includes(f.code) })),
  );

export function createAdmissionsService(deps: { db: Kysely<DB>; clock: Clock; calendar: CalendarService; members: MembersService; rulesets: RuleSetsService }) {
  const { db, clock } = deps;
  const actorOf = (a: Actor) => ({ id: a.userId, name: a.username });

  async function checkCell(actor: Actor, orgId: string, field = 'orgId') {
    const org = await orgKindToday(db, orgId, clock.today());
    if (!org || !pathInScope(org.current_path, scopeFor(actor, 'read'))) throw notFound('Không tìm thấy chi bộ (hoặc ngoài phạm vi quản lý).');
    if (!pathInScope(org.current_path, scopeFor(actor, 'editMembers'))) throw forbidden('Bạn không có quyền cập nhật hồ sơ kết nạp của chi bộ này.');
    if (!org.is_cell) throw invalid(field, `«${org.name}» không phải chi bộ: chi bộ xét kết nạp đảng viên.`);
    return org;
  }

  async function checkCatalogues(fields: CandidateInput) {
    for (const [field, catalogue] of Object.entries(CATALOGUE_FIELDS)) {
      const value = fields[field as CandidateField];
      if (typeof value !== 'string') continue;
      const found = await findCatalogueCode(db, catalogue, value);
      if (!found) throw invalid(field, `Giá trị «${value}» không có trong danh mục.`);
    }
  }

  /** A member in the actor's read scope, with his status and membership on `date`. */
  async function memberOn(conn: Kysely<DB>, actor: Actor, memberId: string, date: string, field: string) {
    const m = await findMember(conn, scopeFor(actor, 'read'), memberId);
    if (!m) throw invalid(field, 'Không tìm thấy đảng viên (hoặc ngoài phạm vi quản lý).');
    const events = (await memberEvents(conn, [memberId])).get(memberId) ?? [];
    const p = statusOn(events, date);
    const inParty = p !== null && !TERMINAL.includes(p.status);
    return { row: m, name: m.full_name, official: inParty && p.membership === 'official', inParty, events };
  }

  async function introducersOn(
    conn: Kysely<DB>,
    actor: Actor,
    list: readonly { memberId: string; monthsTogether: number }[],
    date: string,
  ): Promise<Introducer[]> {
    const out: Introducer[] = [];
    for (const [i, x] of list.entries()) {
      const m = await memberOn(conn, actor, x.memberId, date, `introducers.${i}.memberId`);
      out.push({ memberId: x.memberId, name: m.name, officialOnDate: m.official, monthsTogether: x.monthsTogether });
    }
    return out;
  }

  async function denominatorOn(
    conn: Kysely<DB>,
    cellId: string,
    date: string,
    declared: { absent?: readonly string[] | undefined; absentWithReason?: readonly string[] | undefined; prosecuted?: readonly string[] | undefined },
  ) {
    const members = await cellMembersOn(conn, cellId, date);
    const onRoll = new Set(members.map((m) => m.memberId));
    for (const field of ['absent', 'absentWithReason', 'prosecuted'] as const) {
      if ((declared[field] ?? []).some((id) => !onRoll.has(id))) throw invalid(field, 'Có người không phải đảng viên của chi bộ vào ngày biểu quyết.');
    }
    const d = voteDenominator(members, {
      absent: declared.absent ?? [],
      absentWithReason: declared.absentWithReason ?? [],
      prosecuted: declared.prosecuted ?? [],
    });
    return { date, ...d, members };
  }

  async function loadDossier(actor: Actor, id: string) {
    const d = await findDossier(db, scopeFor(actor, 'read'), id, clock.today());
    if (!d) throw notFound('Không tìm thấy hồ sơ kết nạp.');
    return d;
  }

  /**
   * The version a dossier was opened under (domain.md §6, §12), from the rule-set registry (loaded at the start and
   * after each new version, so never inside a transaction of this service).
   */
  const rulesOf = async (d: { ruleset_id: string; opened_on: string }) => {
    const registry = await deps.rulesets.registry();
    return registry.byId(d.ruleset_id) ?? registry.on(d.opened_on);
  };

  /** The steps that may be recorded now, given those recorded and the dossier's state. */
  function nextSteps(steps: readonly { kind: string }[], status: string, stage: string): AdmissionStepKind[] {
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

  return {
    async getDossier(actor: Actor, id: string) {
      const d = await loadDossier(actor, id);
      const candidate = await candidateById(db, d.candidate_id);
      const [steps, overrides] = await Promise.all([stepsOf(db, id), overridesOf(db, id)]);
      const helper = candidate.helper_member_id ? await memberName(db, candidate.helper_member_id) : undefined;
      const rules = await rulesOf(d);
      const { cccd, ...fields } = fieldsOf(candidate as unknown as Record<string, unknown>);
      return {
        id: d.id,
        candidate: {
          id: candidate.id,
          fields: { ...fields, cccdMasked: maskCccd((cccd as string | null) ?? null) },
          formerMemberId: candidate.former_member_id,
          helper: helper ? { id: helper.id, name: helper.full_name } : null,
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
        steps: steps.map((s) => ({
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
        })),
        nextSteps: nextSteps(steps, d.status, d.stage),
        canEdit: pathInScope(d.current_path, scopeFor(actor, 'editMembers')),
        canOverride: canOverrideChecks(actor, d.current_path),
      };
    },

    async listCandidates(
      actor: Actor,
      q: { q?: string | undefined; orgId?: string | undefined; stage?: string | undefined; status?: string | undefined; page: number; pageSize: number },
    ) {
      const scope = scopeFor(actor, 'read');
      let subtree: { from: string; to: string } | undefined;
      if (q.orgId) {
        const org = await orgPath(db, q.orgId);
        if (!org || !pathInScope(org.current_path, scope)) throw notFound('Không tìm thấy tổ chức đảng.');
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
    },

    /** The cell lists a candidate and the dossier opens under the rule set in force on that day. */
    async createCandidate(
      actor: Actor,
      input: CandidateInput & { orgId: string; listedOn: string; listingResolutionNo?: string | null | undefined; formerMemberId?: string | null | undefined },
    ) {
      const cell = await checkCell(actor, input.orgId);
      const { orgId, listedOn, listingResolutionNo, formerMemberId, ...fields } = input;
      if (listedOn > clock.today()) throw invalid('listedOn', 'Ngày lập danh sách cảm tình Đảng không được sau ngày hôm nay.');
      await checkCatalogues(fields);
      if (typeof fields.helperMemberId === 'string') {
        const h = await memberOn(db, actor, fields.helperMemberId, listedOn, 'helperMemberId');
        if (!h.official) throw invalid('helperMemberId', `Người được phân công giúp đỡ phải là đảng viên chính thức: ${h.name}.`);
      }
      if (formerMemberId) {
        const m = await findMember(db, scopeFor(actor, 'read'), formerMemberId);
        if (!m) throw invalid('formerMemberId', 'Không tìm thấy đảng viên (hoặc ngoài phạm vi quản lý).');
        if (!['struck_off', 'left', 'expelled'].includes(m.status))
          throw invalid('formerMemberId', `${m.full_name} không phải người đã ra khỏi Đảng: không thể kết nạp lại.`);
      }
      const rules = (await deps.rulesets.registry()).on(listedOn);
      const candidateId = uuidv7();
      const dossierId = uuidv7();
      await db.transaction().execute(async (tx) => {
        if (typeof fields.cccd === 'string') {
          const dupCandidate = await candidateIdByCccd(tx, fields.cccd);
          if (dupCandidate || (await memberIdByCccd(tx, fields.cccd, formerMemberId)))
            throw conflict('Số CCCD đã có trong danh sách cảm tình Đảng hoặc hồ sơ đảng viên.', [{ field: 'cccd', message: 'Số CCCD đã được dùng.' }]);
        }
        await insertCandidate(tx, {
          id: candidateId,
          org_id: orgId,
          former_member_id: formerMemberId ?? null,
          ...(candidateColumns(fields) as {
            full_name: string;
            family_name: string;
            middle_name: string;
            given_name: string;
            name_sort_key: string;
            gender: 'nam' | 'nu';
          }),
        });
        await insertDossier(tx, {
          id: dossierId,
          candidate_id: candidateId,
          org_id: orgId,
          opened_on: listedOn,
          listing_resolution_no: listingResolutionNo ?? null,
          ruleset_id: rules.id,
          readmission: Boolean(formerMemberId),
        });
        await writeAudit(tx, actorOf(actor), clock.now(), [
          {
            action: 'admission.candidate.create',
            entityType: 'admission_dossier',
            entityId: dossierId,
            scopeOrgId: orgId,
            before: null,
            after: {
              candidateId,
              ...fields,
              cccd: maskCccd((fields.cccd as string | null | undefined) ?? null),
              orgId,
              cell: cell.name,
              listedOn,
              listingResolutionNo,
              formerMemberId,
              ruleSet: rules.id,
            },
          },
        ]);
      });
      return this.getDossier(actor, dossierId);
    },

    /** Corrects a candidate's fields (a birth date, an education level) before the ceremony. */
    async updateCandidate(actor: Actor, id: string, patch: CandidateInput) {
      const c = await findCandidate(db, scopeFor(actor, 'read'), id);
      if (!c) throw notFound('Không tìm thấy người vào Đảng.');
      assertCanEditDossier(actor, c.current_path);
      const dossier = await latestDossierOf(db, id);
      if (dossier.status !== 'open') throw conflict('Người vào Đảng đã được kết nạp: sửa thông tin trong hồ sơ đảng viên.');
      await checkCatalogues(patch);
      if (typeof patch.helperMemberId === 'string') {
        const h = await memberOn(db, actor, patch.helperMemberId, clock.today(), 'helperMemberId');
        if (!h.official) throw invalid('helperMemberId', `Người được phân công giúp đỡ phải là đảng viên chính thức: ${h.name}.`);
      }
      const before = fieldsOf(c as unknown as Record<string, unknown>);
      const changed = Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== undefined && before[k as CandidateField] !== v)) as CandidateInput;
      if (Object.keys(changed).length > 0) {
        await db.transaction().execute(async (tx) => {
          if (typeof changed.cccd === 'string') {
            const dup = await otherCandidateIdByCccd(tx, changed.cccd, id);
            const dupMember = await memberIdByCccd(tx, changed.cccd);
            if (dup || dupMember)
              throw conflict('Số CCCD đã có trong danh sách cảm tình Đảng hoặc hồ sơ đảng viên.', [{ field: 'cccd', message: 'Số CCCD đã được dùng.' }]);
          }
          await updateCandidate(tx, id, { ...candidateColumns(changed), updated_at: clock.now() });
          const mask = (f: CandidateInput) => ('cccd' in f ? { ...f, cccd: maskCccd((f.cccd as string | null) ?? null) } : f);
          await writeAudit(tx, actorOf(actor), clock.now(), [
            {
              action: 'admission.candidate.update',
              entityType: 'admission_dossier',
              entityId: dossier.id,
              scopeOrgId: c.org_id,
              before: mask(Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as CandidateField]]))),
              after: mask(changed),
            },
          ]);
        });
      }
      return this.getDossier(actor, dossier.id);
    },

    /** The cell vote's denominator on a date, computed from the member file, with the exclusions it knows of. */
    async denominator(actor: Actor, id: string, date: string | null) {
      const d = await loadDossier(actor, id);
      return denominatorOn(db, d.org_id, date ?? clock.today(), {});
    },

    /**
     * Records a step: in order, dated not before the step before it nor after today, checked by the rules of the
     * dossier's rule set. Failed checks answer 422 naming each rule, unless every one is overridden (by someone
     * entitled, with a reason; audited).
     */
    async recordStep(actor: Actor, id: string, input: StepInput) {
      const found = await loadDossier(actor, id);
      assertCanEditDossier(actor, found.current_path);
      const today = clock.today();
      if (input.date > today) throw invalid('date', 'Ngày của bước không được sau ngày hôm nay.');
      const cal = await deps.calendar.workingCalendar(db);
      await deps.rulesets.registry(); // loaded before the transaction: rulesOf reads it inside
      await db.transaction().execute(async (tx) => {
        await lockDossier(tx, id);
        const d = await dossierById(tx, id);
        const candidate = await candidateById(tx, d.candidate_id);
        const steps = await stepsOf(tx, id);
        const rules = await rulesOf(d);
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
        const latest = (k: string) => [...steps].reverse().find((s) => s.kind === k);
        const prevKind = previousStep(kind);
        const prevStep = prevKind ? latest(prevKind) : undefined;
        const floor = prevStep?.on_date ?? d.opened_on;
        if (kind === MEMBER_FORM_STEP && input.date < floor)
          throw invalid('date', `Ngày khai lý lịch đảng viên không được trước ngày lễ kết nạp (${floor.split('-').reverse().join('/')}).`);
        if (input.date < floor && kind !== 'course')
          throw invalid('date', `Ngày của bước không được trước ngày của bước trước (${floor.split('-').reverse().join('/')}).`);

        const failures: CheckFailure[] = [];
        const data: Record<string, unknown> = {};
        const update: Record<string, unknown> = {};
        let stage: string =
          kind !== MEMBER_FORM_STEP &&
          (ADMISSION_STEPS.indexOf(kind) > ADMISSION_STEPS.indexOf(d.stage as (typeof ADMISSION_STEPS)[number]) || d.stage === 'listed')
            ? kind
            : d.stage;
        let afterWrite: ((stepId: string) => Promise<void>) | null = null;

        switch (input.kind) {
          case 'course':
            data.certificateNo = input.certificateNo ?? null;
            update.certificate_valid_until = certificateValidUntil(input.date, rules);
            break;
          case 'application':
            data.backgroundFormOn = input.backgroundFormOn ?? null;
            break;
          case 'verification':
            data.conclusion = input.conclusion ?? null;
            break;
          case 'introduction': {
            const list = await introducersOn(tx, actor, input.introducers, input.date);
            failures.push(...checkIntroducers(input.route, list, input.date, rules, input.youthUnionResolutionOn));
            Object.assign(data, { route: input.route, youthUnionResolutionOn: input.youthUnionResolutionOn ?? null, introducers: list });
            break;
          }
          case 'comments':
            break;
          case 'cell_vote': {
            const age = checkAge(
              { birthDate: candidate.birth_date },
              input.date,
              rules,
              input.provinceDecisionNo ? { decisionNo: input.provinceDecisionNo } : null,
            );
            if (age) failures.push(age);
            const edu = checkEducation(candidate.general_education, input.difficultAreaException === true, rules);
            if (edu) failures.push(edu);
            const course = latest('course');
            const cert = checkCertificate(course?.on_date, input.date, rules);
            if (cert) failures.push(cert);
            const intro = latest('introduction');
            const introData = (intro?.data ?? {}) as { route?: IntroductionRoute; introducers?: Introducer[]; youthUnionResolutionOn?: string | null };
            const list = await introducersOn(tx, actor, introData.introducers ?? [], input.date);
            failures.push(...checkIntroducers(introData.route ?? 'members', list, input.date, rules, introData.youthUnionResolutionOn));
            if (candidate.former_member_id) {
              const events = (await memberEvents(tx, [candidate.former_member_id])).get(candidate.former_member_id) ?? [];
              const leaving = [...events].reverse().find((e) => e.kind === 'struck_off' || e.kind === 'allowed_to_leave' || e.kind === 'expelled');
              if (leaving) {
                const former = {
                  leftOn: leaving.date,
                  noReadmission: 'noReadmission' in leaving && leaving.noReadmission === true,
                  readmittedBefore: events.some((e) => e.kind === 'readmitted'),
                  criminalRecordClearedOn: input.criminalRecordClearedOn ?? null,
                };
                failures.push(...checkReadmission(former, input.date, rules));
              }
            }
            const den = await denominatorOn(tx, d.org_id, input.date, input);
            if (input.inFavour > den.denominator)
              throw invalid('inFavour', `Số phiếu tán thành (${input.inFavour}) lớn hơn số đảng viên chính thức được tính (${den.denominator}).`);
            const vote = checkCellVote(input.inFavour, den, rules);
            if (vote) failures.push(vote);
            Object.assign(data, {
              inFavour: input.inFavour,
              denominator: { officialMembers: den.officialMembers, excluded: den.excluded, denominator: den.denominator },
              provinceDecisionNo: input.provinceDecisionNo ?? null,
              difficultAreaException: input.difficultAreaException === true,
              criminalRecordClearedOn: input.criminalRecordClearedOn ?? null,
            });
            break;
          }
          case 'grassroots_resolution': {
            if (input.inFavour > input.committeeSize) throw invalid('inFavour', 'Số cấp ủy viên tán thành lớn hơn tổng số cấp ủy viên.');
            const r = checkGrassrootsResolution(input.inFavour, input.committeeSize, rules);
            if (r) failures.push(r);
            Object.assign(data, { inFavour: input.inFavour, committeeSize: input.committeeSize });
            break;
          }
          case 'decision':
            if (input.receivedOn < input.date) throw invalid('receivedOn', 'Ngày nhận quyết định không được trước ngày quyết định.');
            if (input.receivedOn > today) throw invalid('receivedOn', 'Ngày nhận quyết định không được sau ngày hôm nay.');
            Object.assign(data, { decidingBody: input.decidingBody ?? null, receivedOn: input.receivedOn });
            update.ceremony_due_on = ceremonyDeadline(input.receivedOn, cal, rules);
            break;
          case 'ceremony': {
            const decision = latest('decision')!;
            const dd = decision.data as { receivedOn: string };
            const c = checkCeremony(
              input.date,
              { decisionDate: decision.on_date, receivedOn: dd.receivedOn },
              cal,
              rules,
              input.superiorConsentNo ? { decisionNo: input.superiorConsentNo } : null,
            );
            if (c) failures.push(c);
            data.superiorConsentNo = input.superiorConsentNo ?? null;
            const end = probationEnd(input.date, rules);
            Object.assign(update, {
              ceremony_on: input.date,
              probation_ends_on: end,
              recognition_due_on: recognitionWindow(input.date, cal, rules).dueBy,
              status: 'probation',
            });
            const intro = latest('introduction');
            const introData = (intro?.data ?? {}) as { route?: IntroductionRoute; introducers?: Introducer[] };
            const names = (introData.introducers ?? []).map((i) => i.name);
            if (introData.route === 'youth_union') names.unshift('Ban Chấp hành Đoàn cơ sở');
            afterWrite = async () => {
              const cellName = await orgNameOn(tx, d.org_id, input.date);
              if (candidate.former_member_id) {
                await deps.members.addEventInTransaction(tx, actor, candidate.former_member_id, {
                  kind: 'readmitted',
                  orgId: d.org_id,
                  date: decision.on_date,
                  decisionNo: decision.decision_no,
                  decisionDate: decision.on_date,
                  ceremonyOn: input.date,
                  criminalRecordClearedOn: ((latest('cell_vote')?.data ?? {}) as { criminalRecordClearedOn?: string | null }).criminalRecordClearedOn ?? null,
                  note: null,
                });
                await updateDossier(tx, id, { member_id: candidate.former_member_id });
                return;
              }
              if (candidate.cccd && (await memberIdByCccd(tx, candidate.cccd))) {
                throw conflict('Số CCCD của người vào Đảng đã có trong hồ sơ một đảng viên khác.', [{ field: 'cccd', message: 'Số CCCD đã được dùng.' }]);
              }
              const memberId = uuidv7();
              const f = fieldsOf(candidate as unknown as Record<string, unknown>);
              const { helperMemberId: _h, ...memberFields } = f;
              await insertMembers(
                tx,
                actor,
                clock.now(),
                [
                  {
                    id: memberId,
                    orgId: d.org_id,
                    admittedOn: decision.on_date,
                    fields: { ...memberFields, ceremonyOn: input.date, admissionPlace: cellName, introducer1: names[0] ?? null, introducer2: names[1] ?? null },
                    admission: { dossierId: id, decisionNo: decision.decision_no, decisionDate: decision.on_date },
                  },
                ],
                { admissionDossierId: id },
              );
              await updateDossier(tx, id, { member_id: memberId });
            };
            break;
          }
          case 'member_form':
            // Late is recorded, not refused (domain.md §6, step 10).
            Object.assign(data, memberFormTiming(input.date, d.ceremony_on!, cal, rules));
            break;
          case 'recognition_vote': {
            const ceremonyOn = d.ceremony_on!;
            const r = checkRecognitionVote(input.date, ceremonyOn, cal, rules);
            if (r) failures.push(r);
            const den = await denominatorOn(tx, d.org_id, input.date, input);
            if (input.forRecognition + input.forStrikingOff > den.denominator) {
              throw invalid(
                'forRecognition',
                `Tổng số phiếu (${input.forRecognition + input.forStrikingOff}) lớn hơn số đảng viên chính thức được tính (${den.denominator}).`,
              );
            }
            const outcome = recognitionOutcome(input.forRecognition, input.forStrikingOff, den.denominator, rules);
            const earlier = steps.filter((s) => s.kind === 'recognition_vote').map((s) => (s.data as { outcome: RecognitionOutcome }).outcome);
            Object.assign(data, {
              forRecognition: input.forRecognition,
              forStrikingOff: input.forStrikingOff,
              denominator: { officialMembers: den.officialMembers, excluded: den.excluded, denominator: den.denominator },
              outcome,
              voteNo: earlier.length + 1,
            });
            if (outcome === 'recognized') {
              const officialOn = probationEnd(ceremonyOn, rules);
              Object.assign(update, { status: 'official', official_on: officialOn });
              stage = 'official';
              data.officialOn = officialOn;
              afterWrite = async () => {
                await deps.members.addEventInTransaction(tx, actor, d.member_id!, {
                  kind: 'recognized_official',
                  date: input.date,
                  officialOn,
                  decisionNo: input.decisionNo ?? null,
                  decisionDate: input.date,
                  note: null,
                });
              };
            } else if (outcome === 'strike_off_proposed') {
              stage = 'strike_off_proposed';
            } else {
              stage = referToSuperior([...earlier, outcome], rules) ? 'referred_to_superior' : 'recognition_vote';
            }
            break;
          }
        }

        const unresolved = failures.filter((f) => NOT_OVERRIDABLE.includes(f.code) || !input.override?.checks.includes(f.code));
        if (unresolved.length > 0) throw checkFailed(unresolved);
        if (failures.length > 0) assertCanOverride(actor, found.current_path);

        const stepId = uuidv7();
        const seq = (steps.at(-1)?.seq ?? 0) + 1;
        const at = clock.now();
        await insertStep(tx, {
          id: stepId,
          dossier_id: id,
          seq,
          kind,
          on_date: input.date,
          decision_no: input.decisionNo ?? null,
          data: JSON.stringify(data),
          documents: JSON.stringify(input.documents ?? []),
          note: input.note ?? null,
          recorded_by: actor.userId,
          recorded_at: at,
        });
        const audits: AuditInput[] = [];
        for (const f of failures) {
          await insertOverride(tx, {
            id: uuidv7(),
            dossier_id: id,
            step_id: stepId,
            check_code: f.code,
            message: f.message,
            reason: input.override!.reason,
            overridden_by: actor.userId,
            overridden_at: at,
          });
          audits.push({
            action: 'admission.check_override',
            entityType: 'admission_dossier',
            entityId: id,
            scopeOrgId: d.org_id,
            before: null,
            after: { stepId, kind, check: f.code, message: f.message, reason: input.override!.reason },
          });
        }
        await updateDossier(tx, id, { ...update, stage, updated_at: at });
        if (afterWrite) await afterWrite(stepId);
        const { override: _o, ...logged } = input;
        audits.unshift({
          action: `admission.step.${kind}`,
          entityType: 'admission_dossier',
          entityId: id,
          scopeOrgId: d.org_id,
          before: { stage: d.stage, status: d.status },
          after: { ...logged, stepId, data, stage },
        });
        await writeAudit(tx, actorOf(actor), at, audits);
      });
      return this.getDossier(actor, id);
    },

    /** One standard document of the procedure as a Word file, filled in from the dossier; the export is audited. */
    async document(actor: Actor, id: string, kind: AdmissionDocumentKind) {
      const d = await this.getDossier(actor, id);
      // The header names the cell's superior committee as it is today (HD 36).
      const cell = await orgPath(db, d.org.id);
      const superiorId = cell ? cell.current_path.split('/').filter(Boolean).at(-2) : undefined;
      const superiorName = superiorId ? await orgNameOn(db, superiorId, clock.today()) : null;
      const model = admissionDocument(
        {
          fullName: d.candidate.fields.fullName as string,
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
      await db
        .transaction()
        .execute((tx) =>
          writeAudit(tx, actorOf(actor), clock.now(), [
            { action: 'admission.document_export', entityType: 'admission_dossier', entityId: id, scopeOrgId: d.org.id, before: null, after: { kind } },
          ]),
        );
      const ascii = `${model.fileTitle}.docx`;
      return {
        bytes,
        mime: DOCX_MIME,
        contentDisposition: contentDisposition({ utf8: `${model.fileTitle}-${d.candidate.fields.fullName as string}.docx`, ascii }),
      };
    },

    /** Probationary members admitted through a dossier, with the end of probation and the recognition deadline. */
    async probationList(actor: Actor) {
      const rows = await probationDossiers(db, scopeFor(actor, 'read'));
      const names = new Map<string, string>();
      const today = clock.today();
      for (const r of rows) if (!names.has(r.org_id)) names.set(r.org_id, await orgNameOn(db, r.org_id, today));
      return {
        items: rows.map((r) => ({
          dossierId: r.id,
          memberId: r.member_id,
          fullName: r.full_name,
          orgId: r.org_id,
          orgName: names.get(r.org_id) ?? '',
          ceremonyOn: r.ceremony_on,
          probationEndsOn: r.probation_ends_on,
          recognitionDueOn: r.recognition_due_on,
          stage: r.stage,
          stageLabel: STAGE_LABELS[r.stage as AdmissionStage] ?? r.stage,
          votes: Number(r.votes),
        })),
      };
    },

    /**
     * "Việc cần làm": ceremonies due (decision recorded, no ceremony), probation ending within 30 days, recognition
     * votes due or late, awareness certificates that expire within 60 days before the cell has voted, member
     * background forms not yet declared by members on probation (due 30 working days after the ceremony).
     */
    async workQueue(actor: Actor) {
      const today = clock.today();
      const soon = addDays(today, 30);
      const certSoon = addDays(today, 60);
      const rows = await workQueueDossiers(db, scopeFor(actor, 'read'), MEMBER_FORM_STEP, BEFORE_VOTE, soon, certSoon);
      const names = new Map<string, string>();
      for (const r of rows) if (!names.has(r.org_id)) names.set(r.org_id, await orgNameOn(db, r.org_id, today));
      const cal = rows.some((r) => r.member_form_due) ? await deps.calendar.workingCalendar(db) : null;
      type Item = {
        kind: 'ceremony_due' | 'probation_ending' | 'recognition_due' | 'certificate_expiring' | 'member_form_due';
        label: string;
        late: boolean;
        dueOn: string;
        dossierId: string;
        fullName: string;
        orgId: string;
        orgName: string;
      };
      const items: Item[] = [];
      for (const r of rows) {
        const base = { dossierId: r.id, fullName: r.full_name, orgId: r.org_id, orgName: names.get(r.org_id) ?? '' };
        if (r.status === 'open' && r.stage === 'decision' && r.ceremony_due_on) {
          const late = today > r.ceremony_due_on;
          items.push({ ...base, kind: 'ceremony_due', late, dueOn: r.ceremony_due_on, label: late ? 'Quá hạn tổ chức lễ kết nạp' : 'Tổ chức lễ kết nạp' });
        } else if (r.status === 'probation' && r.probation_ends_on && r.recognition_due_on && r.probation_ends_on <= soon) {
          if (today < r.probation_ends_on)
            items.push({ ...base, kind: 'probation_ending', late: false, dueOn: r.probation_ends_on, label: 'Sắp hết thời hạn dự bị' });
          else {
            const late = today > r.recognition_due_on;
            items.push({
              ...base,
              kind: 'recognition_due',
              late,
              dueOn: r.recognition_due_on,
              label: late ? 'Quá hạn xét công nhận đảng viên chính thức' : 'Xét công nhận đảng viên chính thức',
            });
          }
        } else if (r.status === 'open' && r.certificate_valid_until) {
          const late = today > r.certificate_valid_until;
          items.push({
            ...base,
            kind: 'certificate_expiring',
            late,
            dueOn: r.certificate_valid_until,
            label: late ? 'Giấy chứng nhận bồi dưỡng nhận thức về Đảng đã hết hạn' : 'Giấy chứng nhận bồi dưỡng nhận thức về Đảng sắp hết hạn',
          });
        }
        if (r.status === 'probation' && r.member_form_due && r.ceremony_on && cal && (r.stage === 'ceremony' || r.stage === 'recognition_vote')) {
          const dueOn = memberFormDeadline(r.ceremony_on, cal, await rulesOf(r));
          const late = today > dueOn;
          items.push({ ...base, kind: 'member_form_due', late, dueOn, label: late ? 'Quá hạn khai lý lịch đảng viên' : 'Khai lý lịch đảng viên' });
        }
      }
      items.sort((a, b) => Number(b.late) - Number(a.late) || a.dueOn.localeCompare(b.dueOn) || a.dossierId.localeCompare(b.dossierId));
      return { items };
    },

    async workQueueCounts(actor: Actor) {
      const { items } = await this.workQueue(actor);
      const byKind: Record<string, number> = {};
      for (const i of items) byKind[i.kind] = (byKind[i.kind] ?? 0) + 1;
      return { total: items.length, late: items.filter((i) => i.late).length, byKind };
    },

    /**
     * Target progress of an organisation and its direct subordinates for a period (default: the year): admitted =
     * admission decisions in the period on the rolls of the subtree (from the member file, so members recorded without
     * a dossier count too), target = the sum of the yearly targets of the years the period touches.
     */
    async targetProgress(actor: Actor, q: { orgId?: string | undefined; year?: number | undefined; from?: string | undefined; to?: string | undefined }) {
      const scope = scopeFor(actor, 'read');
      const today = clock.today();
      let orgId = q.orgId;
      if (!orgId) {
        // The actor's own organisation, or for a system administrator the first root.
        const home = actor.roles.find((r) => r.orgId && r.orgPath && pathInScope(r.orgPath, scope));
        const root = home?.orgId ? undefined : await firstRootOrg(db, today);
        orgId = home?.orgId ?? root?.org_id;
        if (!orgId) throw invalid('orgId', 'Chọn tổ chức đảng để xem chỉ tiêu.');
      }
      const year = q.year ?? Number(today.slice(0, 4));
      const from = q.from ?? `${year}-01-01`;
      const to = q.to ?? `${year}-12-31`;
      if (to < from) throw invalid('to', 'Ngày kết thúc kỳ không được trước ngày bắt đầu.');
      const years: number[] = [];
      for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)) && years.length < 20; y++) years.push(y);
      const tree = await orgWithChildren(db, orgId, today);
      if (!tree || !pathInScope(tree.self.current_path, scope)) throw notFound('Không tìm thấy tổ chức đảng.');
      const parentPath = tree.self.parent_id ? ((await orgPath(db, tree.self.parent_id))?.current_path ?? null) : null;
      const targets = await targetsOf(db, [tree.self.id, ...tree.children.map((c) => c.id)], years);
      const row = async (o: { id: string; current_path: string; name: string }, canSet: boolean) => {
        const admitted = await admittedIn(db, o.current_path, from, to);
        const target = targets.get(o.id) ?? null;
        return {
          orgId: o.id,
          name: o.name,
          target,
          admitted,
          progress: target ? Math.round((admitted / target) * 1000) / 10 : null,
          inPipeline: await pipelineIn(db, o.current_path),
          canSet,
        };
      };
      const children = [];
      for (const c of tree.children) children.push(await row(c, canSetTarget(actor, tree.self.current_path)));
      return {
        from,
        to,
        years,
        org: await row(tree.self, canSetTarget(actor, parentPath)),
        children,
        childrenTargetSum: children.reduce((s, c) => s + (c.target ?? 0), 0),
      };
    },

    /**
     * The superior sets an organisation's yearly target; the targets split among subordinates may not add up to more
     * than the organisation's own, nor may its own fall below what it has already split.
     */
    async setTarget(actor: Actor, orgId: string, input: { year: number; target: number; note?: string | null | undefined }) {
      const today = clock.today();
      const tree = await orgWithChildren(db, orgId, today);
      if (!tree || !pathInScope(tree.self.current_path, scopeFor(actor, 'read'))) throw notFound('Không tìm thấy tổ chức đảng.');
      const parent = tree.self.parent_id ? await orgIdAndPath(db, tree.self.parent_id) : undefined;
      if (!canSetTarget(actor, parent?.current_path ?? null)) throw forbidden('Chỉ tiêu phát triển đảng viên do cấp ủy cấp trên giao.');
      await db.transaction().execute(async (tx) => {
        await lockTargets(tx);
        const childSum = await targetSumOf(tx, input.year, tree.children.map((c) => c.id).concat(['00000000-0000-0000-0000-000000000000']));
        if (Number(childSum.n) > input.target) {
          throw conflict(`Chỉ tiêu (${input.target}) thấp hơn tổng chỉ tiêu đã giao cho các tổ chức trực thuộc (${Number(childSum.n)}).`, [
            { field: 'target', message: 'Thấp hơn tổng đã giao.' },
          ]);
        }
        if (parent) {
          const parentTarget = await targetValueOf(tx, parent.id, input.year);
          if (parentTarget) {
            const siblings = await siblingTargetSum(tx, parent.id, input.year, orgId, today);
            const total = Number(siblings.n) + input.target;
            if (total > parentTarget.target) {
              throw conflict(`Tổng chỉ tiêu giao cho các tổ chức trực thuộc (${total}) vượt chỉ tiêu của cấp trên (${parentTarget.target}).`, [
                { field: 'target', message: 'Vượt chỉ tiêu của cấp trên.' },
              ]);
            }
          }
        }
        const before = await targetRowOf(tx, orgId, input.year);
        const at = clock.now();
        if (before) await updateTarget(tx, before.id, { target: input.target, note: input.note ?? null, set_by: actor.userId, set_at: at });
        else
          await insertTarget(tx, {
            id: uuidv7(),
            org_id: orgId,
            year: input.year,
            target: input.target,
            note: input.note ?? null,
            set_by: actor.userId,
            set_at: at,
          });
        await writeAudit(tx, actorOf(actor), at, [
          {
            action: 'admission.target',
            entityType: 'org',
            entityId: orgId,
            scopeOrgId: orgId,
            before: before ? { year: before.year, target: before.target } : null,
            after: { year: input.year, target: input.target, note: input.note ?? null },
          },
        ]);
      });
      return this.targetProgress(actor, { orgId, year: input.year });
    },
  };
}

export type AdmissionsService = ReturnType<typeof createAdmissionsService>;
