/**
 * The candidate's file: listing a candidate opens his dossier under the rule set in force that day (domain.md §6), and
 * his fields may be corrected until the ceremony. The fields have the member file's names and catalogues.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { scopeFor, type Actor } from '../../http/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { findCatalogueCode } from '../catalogue/catalogue.repo.ts';
import { maskCccd } from '../members/members.policy.ts';
import { findMember, findMemberIdByCccd } from '../members/members.repo.ts';
import { columnsOf } from '../members/members.service.ts';
import { orgKindOn } from '../orgs/orgs.members.repo.ts';
import { actorOf, memberOn, type AdmissionsDeps } from './admissions.context.ts';
import { assertCanEditDossier, canReadCandidate, canRecordStep } from './admissions.policy.ts';
import {
  candidateIdByCccd,
  findCandidate,
  insertCandidate,
  insertDossier,
  latestDossierOf,
  otherCandidateIdByCccd,
  updateCandidate,
} from './admissions.repo.ts';

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
export type CandidateField = keyof typeof CANDIDATE_COLUMNS;
export type CandidateInput = Partial<Record<CandidateField, unknown>>;
export type NewCandidateInput = CandidateInput & {
  orgId: string;
  listedOn: string;
  listingResolutionNo?: string | null | undefined;
  formerMemberId?: string | null | undefined;
};

const CATALOGUE_FIELDS: Partial<Record<CandidateField, string>> = {
  ethnicity: 'ethnicity',
  religion: 'religion',
  generalEducation: 'general_education',
  occupation: 'occupation',
};

/** The required columns of a new candidate, which the request's schema guarantees. */
type NewCandidateColumns = { full_name: string; family_name: string; middle_name: string; given_name: string; name_sort_key: string; gender: 'nam' | 'nu' };

const candidateColumns = (fields: CandidateInput) => columnsOf(fields, CANDIDATE_COLUMNS);

/** A candidate row's fields by their API names (null when empty). */
export function fieldsOf(row: Record<string, unknown>): Record<CandidateField, unknown> {
  const out = {} as Record<CandidateField, unknown>;
  for (const [k, col] of Object.entries(CANDIDATE_COLUMNS)) out[k as CandidateField] = row[col] ?? null;
  return out;
}

/** The cell a candidate is listed in: read by the actor (404), edited by him (403), and a cell by its kind. */
async function checkCell(deps: AdmissionsDeps, actor: Actor, orgId: string, field = 'orgId') {
  const org = await orgKindOn(deps.db, orgId, deps.clock.today());
  if (!org || !canReadCandidate(actor, org)) throw notFound('Không tìm thấy chi bộ (hoặc ngoài phạm vi quản lý).');
  if (!canRecordStep(actor, org)) throw forbidden('Bạn không có quyền cập nhật hồ sơ kết nạp của chi bộ này.');
  if (!org.is_cell) throw invalid(field, `«${org.name}» không phải chi bộ: chi bộ xét kết nạp đảng viên.`);
  return org;
}

async function checkCatalogues(db: Kysely<DB>, fields: CandidateInput) {
  for (const [field, catalogue] of Object.entries(CATALOGUE_FIELDS)) {
    const value = fields[field as CandidateField];
    if (typeof value !== 'string') continue;
    const found = await findCatalogueCode(db, catalogue, value);
    if (!found) throw invalid(field, `Giá trị «${value}» không có trong danh mục.`);
  }
}

/** The helper assigned to a candidate is an official member on the date. */
async function checkHelper(db: Kysely<DB>, actor: Actor, helperMemberId: unknown, date: string) {
  if (typeof helperMemberId !== 'string') return;
  const h = await memberOn(db, actor, helperMemberId, date, 'helperMemberId');
  if (!h.official) throw invalid('helperMemberId', `Người được phân công giúp đỡ phải là đảng viên chính thức: ${h.name}.`);
}

const cccdTaken = () => conflict('Số CCCD đã có trong danh sách cảm tình Đảng hoặc hồ sơ đảng viên.', [{ field: 'cccd', message: 'Số CCCD đã được dùng.' }]);

/** The checks of a new candidate before anything is written; the cell as it is today. */
async function checkNewCandidate(deps: AdmissionsDeps, actor: Actor, input: NewCandidateInput) {
  const cell = await checkCell(deps, actor, input.orgId);
  const { orgId: _o, listedOn, listingResolutionNo: _l, formerMemberId, ...fields } = input;
  if (listedOn > deps.clock.today()) throw invalid('listedOn', 'Ngày lập danh sách cảm tình Đảng không được sau ngày hôm nay.');
  await checkCatalogues(deps.db, fields);
  await checkHelper(deps.db, actor, fields.helperMemberId, listedOn);
  if (formerMemberId) {
    const m = await findMember(deps.db, scopeFor(actor, 'read'), formerMemberId);
    if (!m) throw invalid('formerMemberId', 'Không tìm thấy đảng viên (hoặc ngoài phạm vi quản lý).');
    if (!['struck_off', 'left', 'expelled'].includes(m.status))
      throw invalid('formerMemberId', `${m.full_name} không phải người đã ra khỏi Đảng: không thể kết nạp lại.`);
  }
  return cell;
}

/** The cell lists a candidate and the dossier opens under the rule set in force on that day; the new dossier's id. */
export async function createCandidate(deps: AdmissionsDeps, actor: Actor, input: NewCandidateInput): Promise<string> {
  const cell = await checkNewCandidate(deps, actor, input);
  const { orgId, listedOn, listingResolutionNo, formerMemberId, ...fields } = input;
  const rules = (await deps.rulesets.registry()).on(listedOn);
  const candidateId = uuidv7();
  const dossierId = uuidv7();
  await deps.db.transaction().execute(async (tx) => {
    if (typeof fields.cccd === 'string') {
      const dupCandidate = await candidateIdByCccd(tx, fields.cccd);
      if (dupCandidate || (await findMemberIdByCccd(tx, fields.cccd, formerMemberId ?? undefined))) throw cccdTaken();
    }
    const columns = candidateColumns(fields) as NewCandidateColumns;
    await insertCandidate(tx, { id: candidateId, org_id: orgId, former_member_id: formerMemberId ?? null, ...columns });
    await insertDossier(tx, {
      id: dossierId,
      candidate_id: candidateId,
      org_id: orgId,
      opened_on: listedOn,
      listing_resolution_no: listingResolutionNo ?? null,
      ruleset_id: rules.id,
      readmission: Boolean(formerMemberId),
    });
    const cccd = maskCccd((fields.cccd as string | null | undefined) ?? null);
    await writeAudit(tx, actorOf(actor), deps.clock.now(), [
      {
        action: 'admission.candidate.create',
        entityType: 'admission_dossier',
        entityId: dossierId,
        scopeOrgId: orgId,
        before: null,
        after: { candidateId, ...fields, cccd, orgId, cell: cell.name, listedOn, listingResolutionNo, formerMemberId, ruleSet: rules.id },
      },
    ]);
  });
  return dossierId;
}

/** Corrects a candidate's fields (a birth date, an education level) before the ceremony; his dossier's id. */
export async function correctCandidate(deps: AdmissionsDeps, actor: Actor, id: string, patch: CandidateInput): Promise<string> {
  const { db, clock } = deps;
  const c = await findCandidate(db, scopeFor(actor, 'read'), id);
  if (!c) throw notFound('Không tìm thấy người vào Đảng.');
  assertCanEditDossier(actor, c.current_path);
  const dossier = await latestDossierOf(db, id);
  if (dossier.status !== 'open') throw conflict('Người vào Đảng đã được kết nạp: sửa thông tin trong hồ sơ đảng viên.');
  await checkCatalogues(db, patch);
  await checkHelper(db, actor, patch.helperMemberId, clock.today());
  const before = fieldsOf(c as unknown as Record<string, unknown>);
  const changed = Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== undefined && before[k as CandidateField] !== v)) as CandidateInput;
  if (Object.keys(changed).length === 0) return dossier.id;
  await db.transaction().execute(async (tx) => {
    if (typeof changed.cccd === 'string') {
      const dup = await otherCandidateIdByCccd(tx, changed.cccd, id);
      const dupMember = await findMemberIdByCccd(tx, changed.cccd);
      if (dup || dupMember) throw cccdTaken();
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
  return dossier.id;
}
