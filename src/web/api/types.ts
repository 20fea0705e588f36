/**
 * The HTTP contract of docs/api.md as TypeScript types. Kept in this one file so it can be swapped for the
 * zod-inferred types the server will share later. Dates are 'YYYY-MM-DD' strings, ids UUID v7 strings.
 */

import type { RecordData, RecordKind, SensitiveRecordKind } from '../../domain/member-records.ts';

export type { RecordData, RecordKind, SensitiveRecordKind };

export type IsoDate = string;
/** An instant as sent by the server (ISO 8601 timestamp). */
export type Timestamp = string;

// ---------------------------------------------------------------------------------------------------------------
// Errors

export type ApiErrorCode =
  | 'VALIDATION_ERROR'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'RATE_LIMITED'
  | 'CSRF_INVALID'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'INTERNAL';

export interface ApiErrorDetail {
  field: string;
  message: string;
}

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; details: ApiErrorDetail[] };
}

// ---------------------------------------------------------------------------------------------------------------
// Auth

export type RoleCode = 'system_admin' | 'org_admin' | 'editor' | 'viewer' | 'inspector';

export interface RoleAssignment {
  id: string;
  role: RoleCode;
  orgId: string | null;
  orgName: string | null;
}

export interface Me {
  id: string;
  username: string;
  fullName: string;
  mustChangePassword: boolean;
  roles: RoleAssignment[];
  can: {
    manageUsers: boolean;
    readAudit: boolean;
    editOrgs: boolean;
    reorganize: boolean;
    /** Create and correct member files somewhere in the tree (the server checks the member's cell). */
    editMembers: boolean;
    /** Read CCCD and other sensitive parts of member files somewhere in the tree. */
    readSensitive: boolean;
  };
}

export interface AuthSession {
  user: Me;
  csrfToken: string;
}

export interface LoginBody {
  username: string;
  password: string;
}

export interface ChangePasswordBody {
  currentPassword: string;
  newPassword: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Catalogues

export interface OrgKind {
  code: string;
  name: string;
  level: number;
  isGrassroots: boolean;
  isCell: boolean;
}

export interface SectorType {
  code: string;
  name: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Organisations

export interface Items<T> {
  items: T[];
}

export interface MemberCount {
  official: number;
  probationary: number;
}

export interface OrgSummary {
  id: string;
  name: string;
  code: string | null;
  kindCode: string;
  kindName: string;
  sectorCode: string | null;
  sectorName: string | null;
  parentId: string | null;
  depth: number;
  childCount: number;
  memberCount: MemberCount;
}

export type OrgSearchItem = OrgSummary & { ancestorNames: string[] };

export type OrgStatus = 'active' | 'ended' | 'not_yet';

export interface OrgWarning {
  code: string;
  severity: 'warning' | 'info';
  message: string;
}

export interface OrgRef {
  id: string;
  name: string;
}

export type OrgDetail = OrgSummary & {
  path: string;
  ancestors: OrgRef[];
  validFrom: IsoDate;
  establishedOn: IsoDate;
  endedOn: IsoDate | null;
  endReason: string | null;
  status: OrgStatus;
  warnings: OrgWarning[];
  ruleSetId: string;
  asOf: IsoDate;
};

/** A transfer destination found anywhere in today's tree: its name and its superiors' names only. */
export interface DestinationItem {
  id: string;
  name: string;
  ancestorNames: string[];
  inScope: boolean;
}

/** What the user may do on one organisation, as the server decides it (GET /orgs/:id/permissions). */
export interface OrgPermissions {
  orgId: string;
  tree: { createChild: boolean; rename: boolean; reclassify: boolean; move: boolean; dissolve: boolean; split: boolean; merge: boolean; reorganize: boolean };
  members: { edit: boolean; readSensitive: boolean };
  admissions: { edit: boolean; setTarget: boolean };
  evaluation: { open: boolean; rateSelf: boolean; propose: boolean; decide: boolean };
  users: { manage: boolean };
  audit: { read: boolean };
}

export interface OrgTreeItem {
  id: string;
  parentId: string | null;
  name: string;
  kindCode: string;
  depth: number;
}

export type OrgEventKind = 'created' | 'renamed' | 'reclassified' | 'moved' | 'merged_into' | 'absorbed' | 'split_into' | 'split_from' | 'dissolved';

export interface OrgEvent {
  id: string;
  kind: OrgEventKind;
  effectiveDate: IsoDate;
  decisionNo: string;
  decisionDate: IsoDate;
  summary: string;
  details: Record<string, unknown>;
  batchId: string | null;
  actorName: string | null;
  createdAt: Timestamp;
}

/** Every change to the tree carries the decision that made it. */
export interface Decision {
  effectiveDate: IsoDate;
  decisionNo: string;
  decisionDate: IsoDate;
}

export interface CreateOrgBody extends Decision {
  parentId: string;
  name: string;
  code?: string;
  kindCode: string;
  sectorCode?: string;
}

export interface RenameOrgBody extends Decision {
  name: string;
  code?: string;
}

export interface ReclassifyOrgBody extends Decision {
  kindCode?: string;
  sectorCode?: string;
}

export interface MoveOrgBody extends Decision {
  newParentId: string;
}

export type DissolveOrgBody = Decision;

export interface MergeOrgsBody extends Decision {
  sourceIds: string[];
  targetId: string;
}

export interface SplitOrgBody extends Decision {
  parts: { name: string; kindCode: string; sectorCode?: string; childIds: string[] }[];
  keepSource: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Bulk reorganisation

export type ReorgOp =
  | { type: 'create'; ref: string; parent: string; name: string; kindCode: string; sectorCode?: string; code?: string }
  | { type: 'move'; org: string; newParent: string }
  | { type: 'merge'; sources: string[]; target: string }
  | { type: 'rename'; org: string; name: string; code?: string }
  | { type: 'reclassify'; org: string; kindCode?: string; sectorCode?: string }
  | { type: 'dissolve'; org: string };

export type ReorgOpType = ReorgOp['type'];

export interface ReorgInput extends Decision {
  operations: ReorgOp[];
}

export interface ReorgCounts {
  created: number;
  moved: number;
  merged: number;
  renamed: number;
  reclassified: number;
  dissolved: number;
  affectedOrgs: number;
}

export interface ReorgChange {
  orgId: string;
  name: string;
  change: string;
  fromParent: string | null;
  toParent: string | null;
}

export interface ReorgConflict {
  index: number;
  code: string;
  message: string;
}

export interface ReorgPreview {
  ok: boolean;
  counts: ReorgCounts;
  operations: { index: number; type: ReorgOpType; summary: string }[];
  changes: ReorgChange[];
  changesTotal: number;
  conflicts: ReorgConflict[];
}

export type ReorgApplyResult = ReorgPreview & {
  batchId: string;
  /** Each operation's ref and the id of the organisation it made. */ refs: Record<string, string>;
};

// ---------------------------------------------------------------------------------------------------------------
// Users and roles

export interface User {
  id: string;
  username: string;
  fullName: string;
  homeOrg: OrgRef | null;
  disabled: boolean;
  lockedUntil: Timestamp | null;
  roles: RoleAssignment[];
  createdAt: Timestamp;
}

/** GET /api/calendar?year= : the law's holidays, the weekends and the administrator's adjustments of a year. */
export interface CalendarYear {
  year: number;
  lawHolidays: { date: string; weekday: number; name: string; compensating: boolean; workedByAdjustment: boolean }[];
  adjustments: CalendarAdjustment[];
  weekends: { saturdays: number; sundays: number; worked: number };
  workingDays: number;
  daysOff: number;
  canEdit: boolean;
}

export interface CalendarAdjustment {
  date: string;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
  kind: 'holiday' | 'workday';
  note: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  /** Member search only: the text matched more than `total` (the server stops counting there). */
  totalCapped?: boolean;
}

export interface UserListQuery {
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface CreateUserBody {
  username: string;
  fullName: string;
  password: string;
  homeOrgId: string;
}

export interface UpdateUserBody {
  fullName?: string;
  disabled?: boolean;
}

export interface ResetPasswordBody {
  newPassword: string;
}

export interface AddRoleBody {
  role: RoleCode;
  orgId: string | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Members (src/server/modules/members/members.schemas.ts)

export type Gender = 'nam' | 'nu';
/** 'probationary' = đảng viên dự bị, 'official' = đảng viên chính thức (official date reached). */
export type Membership = 'official' | 'probationary';

/**
 * The current status of a member; typed as string so a status added on the server still displays. The values the
 * domain knows are the keys of MEMBER_STATUS_NAMES (lib/labels.ts).
 */
export type MemberStatus = string;

/** One catalogue entry (dân tộc, tôn giáo, trình độ…): members store the code, users read the name. */
export interface CatalogueEntry {
  code: string;
  name: string;
}

/** Catalogue name → entries: ethnicity, religion, general_education, professional_level, theory_level, occupation, state_management. */
export type Catalogues = Record<string, CatalogueEntry[]>;

/** The member file's fields grouped as on form 2-HSĐV; every one but fullName and gender may be null. */
export interface MemberFields {
  // Identity
  fullName: string;
  gender: Gender;
  birthDate: IsoDate | null;
  /** Legacy records may only know the year of birth. */
  birthYear: number | null;
  birthName: string | null;
  alias: string | null;
  cccd: string | null;
  sheetNo: string | null;
  cardNo: string | null;
  cardIssuedOn: IsoDate | null;
  nationalDbId: string | null;
  // Personal
  birthplace: string | null;
  hometown: string | null;
  permanentAddress: string | null;
  currentAddress: string | null;
  /** Code of the `ethnicity` catalogue. */
  ethnicity: string | null;
  /** Code of the `religion` catalogue. */
  religion: string | null;
  familyBackground: string | null;
  phone: string | null;
  email: string | null;
  // Work and qualifications
  /** Code of the `occupation` catalogue. */
  occupation: string | null;
  workplace: string | null;
  position: string | null;
  /** Code of the `general_education` catalogue. */
  generalEducation: string | null;
  /** Code of the `professional_level` catalogue. */
  professionalLevel: string | null;
  professionalField: string | null;
  academicDegree: string | null;
  academicTitle: string | null;
  /** Code of the `theory_level` catalogue. */
  theoryLevel: string | null;
  /** Code of the `state_management` catalogue. */
  stateManagement: string | null;
  languages: string | null;
  itLevel: string | null;
  // Party
  ceremonyOn: IsoDate | null;
  admissionPlace: string | null;
  introducer1: string | null;
  introducer2: string | null;
  youthUnionOn: IsoDate | null;
  residenceOrgId: string | null;
}

export type MemberFieldName = keyof MemberFields;

export interface MemberListItem {
  id: string;
  fullName: string;
  gender: Gender;
  birthDate: IsoDate | null;
  /** "001******456", or null when the file has no CCCD. */
  cccdMasked: string | null;
  cardNo: string | null;
  orgId: string;
  orgName: string;
  status: MemberStatus;
  membership: Membership;
  admittedOn: IsoDate;
  officialOn: IsoDate | null;
}

export interface MemberListQuery {
  /** A name without accents, a 12-digit CCCD or a card number. */
  q?: string;
  /** The organisation whose subtree to list. */
  orgId?: string;
  status?: string;
  gender?: Gender;
  ethnicity?: string;
  religion?: string;
  generalEducation?: string;
  theoryLevel?: string;
  occupation?: string;
  /** Full years of age today (a year-only birth counts from 1 January). */
  ageFrom?: number;
  ageTo?: number;
  /** Full years of party age today. */
  partyAgeFrom?: number;
  partyAgeTo?: number;
  /** 'next' or an anniversary date: the members due a badge then. */
  badgeDue?: string;
  page?: number;
  pageSize?: number;
}

export interface MemberEvent {
  id: string;
  kind: string;
  /** Vietnamese label of the kind, from the server. */
  label: string;
  effectiveDate: IsoDate;
  decisionNo: string | null;
  decisionDate: IsoDate | null;
  org: OrgRef | null;
  toOrg: OrgRef | null;
  details: Record<string, unknown>;
  actorName: string | null;
}

export interface MemberFile {
  id: string;
  /** The cell whose roll holds the member, named as of today. */
  org: OrgRef;
  status: MemberStatus;
  membership: Membership;
  admittedOn: IsoDate;
  officialOn: IsoDate | null;
  leftOn: IsoDate | null;
  /** Every field but the CCCD, which only comes masked (cccdMasked) or through reveal-cccd. */
  fields: Omit<MemberFields, 'cccd'>;
  cccdMasked: string | null;
  /** A CCCD is on file (shown masked). */
  hasCccd: boolean;
  /** Whether this caller may reveal the CCCD of this member. */
  canReadSensitive: boolean;
  /** Whether this caller may read family and political history (the grassroots committee and above). */
  canReadHistory: boolean;
  /** Whether this caller may correct this file (the server decides; this only hides the buttons). */
  canEdit: boolean;
  updatedAt: Timestamp;
  /** Party age, the next badge, badges received and (for readers of sensitive groups) disciplines. */
  partyAge: PartyAge;
  /** Life events, oldest first. */
  events: MemberEvent[];
}

/** Why a stretch of time does not count towards party age (src/domain/party-age.ts); typed as string for new ones. */
export type PartyAgeGapReason = 'expelled' | 'struck_off' | 'left' | 'lost_contact' | 'transfer' | (string & {});

export interface PartyAgeGap {
  from: IsoDate;
  /** First day counted again (exclusive end). */
  to: IsoDate;
  reason: PartyAgeGapReason;
}

/** The next badge milestone ahead of the member, and the first anniversary it can be presented at. */
export interface NextBadge {
  milestone: number;
  /** The day party age reaches the milestone. */
  reachedOn: IsoDate;
  /** The presentation day (3/2, 19/5, 2/9, 7/11) considered; null when none applies. */
  anniversary: IsoDate | null;
  eligible: boolean;
  /** Why not, in Vietnamese. */
  reason: string | null;
}

export type BadgeEarlyReason = 'illness' | 'posthumous';

export interface BadgeAward {
  milestone: number;
  awardedOn: IsoDate;
  decisionNo: string | null;
  earlyReason: BadgeEarlyReason | null;
  /** Recorded on a special decision of the province's standing committee that set `rule` aside. */
  override: { decisionNo: string; decisionDate: IsoDate; rule: string } | null;
}

/** What the badge rules read besides the history: serious illness and, for the deceased, a posthumous proposal. */
export interface BadgeStanding {
  seriousIllness: { since: IsoDate | null; document: string | null } | null;
  posthumousProposal: { proposedOn: IsoDate | null; document: string | null } | null;
}

/** PUT /api/members/:id/badge-standing: both parts, null to clear. */
export interface BadgeStandingBody {
  seriousIllness: { since: IsoDate; document: string } | null;
  posthumousProposal: { proposedOn: IsoDate; document: string } | null;
}

export type DisciplineForm = 'reprimand' | 'warning' | 'removal' | 'expulsion';

export interface MemberDiscipline {
  id: string;
  form: DisciplineForm;
  /** Vietnamese name of the form, capitalised. */
  formName: string;
  decidingLevel: string;
  decisionNo: string;
  decisionDate: IsoDate;
  announcedOn: IsoDate;
  reason: string | null;
}

export interface PartyAge {
  years: number;
  months: number;
  days: number;
  /** Only official members have a party age; false for a probationary member. */
  official: boolean;
  /** The first admission decision; null when the events hold none. */
  countsFrom: IsoDate | null;
  gaps: PartyAgeGap[];
  nextBadge: NextBadge | null;
  awards: BadgeAward[];
  badgeStanding: BadgeStanding;
  /** Only for readers allowed to see sensitive groups; empty otherwise. */
  disciplines: MemberDiscipline[];
}

/** The fields every life event carries (POST /api/members/:id/events). */
interface MemberEventBase {
  date: IsoDate;
  decisionNo?: string | null;
  decisionDate?: IsoDate | null;
  note?: string | null;
}

/** A life event to record; the server checks it against the member's history (src/domain/member-status.ts). */
export type MemberEventBody = MemberEventBase &
  (
    | { kind: 'recognized_official'; officialOn?: IsoDate | null }
    | { kind: 'transfer_out_started'; toOrgId: string; moveDecisionDate?: IsoDate | null; moveDecisionNo?: string | null; lateReason?: string | null }
    | { kind: 'transfer_in_confirmed'; orgId: string; lateReason?: string | null }
    | { kind: 'temporary_out'; hostOrgId: string; until: IsoDate; training?: boolean }
    | { kind: 'temporary_return' | 'exempted' | 'exemption_ended' | 'suspended' | 'suspension_ended' }
    | { kind: 'lost_contact' | 'contact_restored' | 'deceased' }
    | { kind: 'struck_off' | 'allowed_to_leave' | 'expelled'; noReadmission?: boolean }
    | { kind: 'expulsion_annulled'; orgId?: string | null }
    | { kind: 'readmitted'; orgId: string; ceremonyOn?: IsoDate | null; criminalRecordClearedOn?: IsoDate | null }
  );

export type MemberEventKind = MemberEventBody['kind'];

export interface DisciplineBody {
  form: DisciplineForm;
  decidingLevel: string;
  decisionNo: string;
  decisionDate: IsoDate;
  announcedOn: IsoDate;
  violationOn?: IsoDate | null;
  reason?: string | null;
}

export interface BadgeAwardBody {
  milestone: number;
  awardedOn: IsoDate;
  decisionNo?: string | null;
  earlyReason?: BadgeEarlyReason | null;
  /** A special case decided by the province's standing committee: its decision. */
  override?: { decisionNo: string; decisionDate: IsoDate } | null;
}

/** A member in transit towards one of the caller's organisations (GET /api/transfers/incoming). */
export interface IncomingTransfer {
  memberId: string;
  fullName: string;
  /** Name of the sending organisation. */
  fromOrg: string;
  /** The organisation the transfer is addressed to: a cell, or an organisation above the receiving cell. */
  toOrgId: string;
  toOrg: string;
  startedOn: IsoDate;
  decisionNo: string | null;
}

export interface BadgeListQuery {
  /** A presentation day; the server defaults to the next one. */
  anniversary?: IsoDate;
  orgId?: string;
  /** Page of the "reached and never awarded" list (the due list comes whole). */
  page?: number;
  pageSize?: number;
}

export interface BadgeDueItem {
  memberId: string;
  fullName: string;
  orgName: string;
  milestone: number;
  reachedOn: IsoDate;
  eligible: boolean;
  /** Presented before the milestone: 'illness' or 'posthumous'; false otherwise. */
  early: boolean | string;
  reason: string | null;
}

export interface BadgeOverdueItem {
  memberId: string;
  fullName: string;
  orgName: string;
  milestone: number;
  reachedOn: IsoDate;
}

export interface BadgeList {
  anniversary: IsoDate;
  due: BadgeDueItem[];
  /** One page, in name order. */
  reachedNeverAwarded: BadgeOverdueItem[];
  reachedNeverAwardedTotal: number;
}

/** A member recorded after the fact: the file plus the cell, the admission and (if any) the official date. */
export type CreateMemberBody = Partial<MemberFields> &
  Pick<MemberFields, 'fullName' | 'gender'> & {
    orgId: string;
    admittedOn: IsoDate;
    officialOn?: IsoDate | null;
  };

/** Any of the file's fields; null clears one (fullName and gender cannot be cleared). */
export type UpdateMemberBody = Partial<MemberFields>;

export interface RevealCccdResult {
  cccd: string | null;
}

/**
 * A sub-record of the member file (src/server/modules/member-records, docs/api.md "Member sub-records"): its data
 * holds the fields of its kind's list in src/domain/member-records.ts, absent ones left out.
 */
export interface MemberRecord {
  id: string;
  kind: RecordKind;
  data: RecordData;
  createdAt: Timestamp;
}

export interface MemberRecordBody {
  kind: RecordKind;
  data: Record<string, string | number | null>;
}

// ---------------------------------------------------------------------------------------------------------------
// Audit

export type AuditAction =
  | 'org.created'
  | 'org.renamed'
  | 'org.reclassified'
  | 'org.moved'
  | 'org.merged_into'
  | 'org.absorbed'
  | 'org.split_into'
  | 'org.split_from'
  | 'org.dissolved'
  | 'reorg.apply'
  | 'user.create'
  | 'user.update'
  | 'user.reset_password'
  | 'user.change_password'
  | 'user.role_add'
  | 'user.role_remove'
  | 'auth.login'
  | 'auth.login_failed'
  | 'auth.logout'
  | 'system.seed_demo'
  | 'member.create'
  | 'member.update'
  | 'member.reveal'
  | 'member.discipline'
  | 'member.badge'
  | 'member.badge.override'
  | 'member.badge_standing'
  | 'member.record.create'
  | 'member.record.update'
  | 'member.record.delete'
  | 'member.record.reveal'
  | 'member.document_upload'
  | 'member.document_read'
  | `member.event.${string}`;

export interface AuditEntry {
  seq: number;
  id: string;
  at: Timestamp;
  /** Not typed in docs/api.md; null is assumed possible (failed logins, system actions). */
  actorId: string | null;
  actorName: string | null;
  /** One of AuditAction; typed as string so an action added on the server still displays. */
  action: string;
  entityType: string;
  entityId: string | null;
  /** The actor's full name, the name of what the entry is about and of its organisation, as they are today. */
  actorFullName: string | null;
  entityName: string | null;
  orgId: string | null;
  orgName: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditQuery {
  userId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: IsoDate;
  to?: IsoDate;
  page?: number;
  pageSize?: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Member import (docs/api.md "Member import and export"; member-import.schemas.ts)

export type ImportAction = 'new' | 'update' | 'unchanged' | 'error';
export type ImportStatus = 'processing' | 'previewed' | 'committing' | 'committed';

/** `row`: the spreadsheet's row number; `column`: the header in the file; `message`: complete, Vietnamese. */
export interface ImportIssue {
  row: number;
  column: string | null;
  field: string;
  message: string;
}

export interface ImportItem {
  row: number;
  action: ImportAction;
  memberId: string | null;
  fullName: string | null;
  changes: { field: string; label: string; from: unknown; to: unknown }[];
  problems: string[];
  warnings: string[];
}

export interface ImportView {
  importId: string;
  fileName: string;
  status: ImportStatus;
  processedRows: number;
  /** Data rows of the file (null while still reading it). */
  rows: number | null;
  columns: { header: string; field: string | null }[];
  summary: Record<ImportAction, number>;
  /** The first 1000 errors; problemsTotal counts them all. */
  problems: ImportIssue[];
  problemsTotal: number;
  warnings: ImportIssue[];
  warningsTotal: number;
  /** 200 rows from the query's offset. */
  items: ImportItem[];
  sameFile: { importId: string; createdAt: Timestamp; committedAt: Timestamp | null } | null;
  createdAt: Timestamp | null;
  committedAt: Timestamp | null;
  result: { created: number; updated: number; unchanged: number } | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Member dossier (docs/api.md "Member dossier"; member-documents.schemas.ts)

export interface DocumentVersion {
  id: string;
  version: number;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  certifiedBy: string | null;
  certifiedOn: IsoDate | null;
  note: string | null;
  uploadedBy: { id: string; name: string } | null;
  uploadedAt: Timestamp;
  /** A later version of the same document exists. */
  superseded: boolean;
}

export interface MemberDocument {
  docType: string;
  docTypeName: string;
  title: string;
  sensitive: boolean;
  canDownload: boolean;
  latest: DocumentVersion;
  /** Newest first. */
  versions: DocumentVersion[];
}

export interface MemberDocumentList {
  memberId: string;
  canUpload: boolean;
  maxMb: number;
  items: MemberDocument[];
}

export interface DocumentUploadInput {
  file: File;
  docType: string;
  title: string;
  certifiedBy?: string | undefined;
  certifiedOn?: IsoDate | undefined;
  note?: string | undefined;
}
