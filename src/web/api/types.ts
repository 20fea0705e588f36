/**
 * The HTTP contract of docs/api.md as TypeScript types. Kept in this one file so it can be swapped for the
 * zod-inferred types the server will share later. Dates are 'YYYY-MM-DD' strings, ids UUID v7 strings.
 */

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
  can: { manageUsers: boolean; readAudit: boolean; editOrgs: boolean; reorganize: boolean };
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

export interface OrgTreeItem {
  id: string;
  parentId: string | null;
  name: string;
  kindCode: string;
  depth: number;
}

export type OrgEventKind =
  | 'created'
  | 'renamed'
  | 'reclassified'
  | 'moved'
  | 'merged_into'
  | 'absorbed'
  | 'split_into'
  | 'split_from'
  | 'dissolved';

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

export type ReorgApplyResult = ReorgPreview & { batchId: string };

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

export interface Page<T> {
  items: T[];
  total: number;
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
  | 'system.seed_demo';

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
