/**
 * Table types for Kysely. Calendar dates are 'YYYY-MM-DD' strings on both engines (type parsers set in
 * connect.ts), timestamps are Date, int8 is parsed to number (counts and sequence numbers stay far below 2^53).
 */
import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable } from 'kysely';

type Json = ColumnType<unknown, string, string>;

export interface OrgKindTable {
  code: string;
  name: string;
  level: number;
  is_grassroots: boolean;
  is_cell: boolean;
  sort: number;
}

export interface SectorTypeTable {
  code: string;
  name: string;
  sort: number;
}

/** The identity of an organisation; what it is called and where it stands lives in org_version. */
export interface OrgTable {
  id: string;
  established_on: string;
  /** Day it ceased to exist (dissolved, merged into another, split); null while it exists. */
  ended_on: string | null;
  end_reason: 'dissolved' | 'merged' | 'split' | null;
  /** Path of the latest version: scope checks use it, so responsibility follows the org's present place. */
  current_path: string;
  created_at: Generated<Date>;
}

/** One stretch of an organisation's life with the same name, kind, sector and place in the tree: [valid_from, valid_to). */
export interface OrgVersionTable {
  id: string;
  org_id: string;
  valid_from: string;
  valid_to: string | null;
  parent_id: string | null;
  path: string;
  depth: number;
  name: string;
  code: string | null;
  kind_code: string;
  sector_code: string | null;
}

export interface OrgEventTable {
  id: string;
  org_id: string;
  kind: string;
  effective_date: string;
  decision_no: string | null;
  decision_date: string | null;
  details: Json;
  batch_id: string | null;
  actor_id: string | null;
  created_at: Generated<Date>;
}

/** Minimal roster used by the size rules until the member module (issue 3) brings the full member file. */
export interface MemberTable {
  id: string;
  org_id: string;
  full_name: string;
  family_name: string;
  middle_name: string;
  given_name: string;
  name_sort_key: string;
  gender: 'nam' | 'nu';
  birth_date: string | null;
  admitted_on: string;
  official_on: string | null;
  left_on: string | null;
  created_at: Generated<Date>;
  birth_name: string | null;
  alias: string | null;
  birth_year: number | null;
  cccd: string | null;
  sheet_no: string | null;
  card_no: string | null;
  card_issued_on: string | null;
  national_db_id: string | null;
  birthplace: string | null;
  hometown: string | null;
  permanent_address: string | null;
  current_address: string | null;
  ethnicity: string | null;
  religion: string | null;
  family_background: string | null;
  phone: string | null;
  email: string | null;
  occupation: string | null;
  workplace: string | null;
  position: string | null;
  general_education: string | null;
  professional_level: string | null;
  professional_field: string | null;
  academic_degree: string | null;
  academic_title: string | null;
  theory_level: string | null;
  state_management: string | null;
  languages: string | null;
  it_level: string | null;
  ceremony_on: string | null;
  admission_place: string | null;
  introducer_1: string | null;
  introducer_2: string | null;
  youth_union_on: string | null;
  residence_org_id: string | null;
  /** Current status, kept in step with member_event by the members service. */
  status: Generated<string>;
  /** Facts the rules read that are not events: seriouslyIll, underInspection. */
  flags: ColumnType<Record<string, unknown>, string | undefined, string>;
  updated_at: Generated<Date>;
  /** Start of the running party age as of the last event (derivedColumns); null when there is none. */
  party_age_from: ColumnType<string | null, string | null | undefined, string | null>;
  /** Highest badge milestone received, 0 for none; kept by triggers on member_badge_award (migration 0011). */
  badge_top: ColumnType<number, number | undefined, number>;
}

export interface MemberEventTable {
  id: string;
  member_id: string;
  kind: string;
  effective_date: string;
  decision_no: string | null;
  decision_date: string | null;
  org_id: string | null;
  to_org_id: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
  actor_id: string | null;
  created_at: Generated<Date>;
}

/** One dated period of a member (migration 0019): [valid_from, valid_to), the roll, the host, status and membership. */
export interface MemberPeriodTable {
  member_id: string;
  valid_from: string;
  valid_to: string | null;
  status: string;
  membership: 'probationary' | 'official';
  org_id: string;
  host_org_id: string | null;
}

/** A reorganisation's roster move (migration 0019): from the date, the roll of `from_org_id` is `to_org_id`'s. */
export interface MemberRollMoveTable {
  from_org_id: string;
  to_org_id: string;
  effective_date: string;
}

/** Each member's folded name from each word to the end, for name search (migration 0012); kept by triggers. */
export interface MemberNameTailTable {
  tail: string;
  member_id: string;
  sort_key: string;
  org_id: string | null;
}

export interface MemberBadgeAwardTable {
  id: string;
  member_id: string;
  milestone: number;
  awarded_on: string;
  decision_no: string | null;
  early_reason: 'illness' | 'posthumous' | null;
  created_at: Generated<Date>;
  /** A special decision of the province's standing committee that set a rule aside (migration 0014). */
  override_decision_no: ColumnType<string | null, string | null | undefined, string | null>;
  override_decision_date: ColumnType<string | null, string | null | undefined, string | null>;
  /** The words of the rule the decision set aside. */
  override_rule: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface MemberRecordTable {
  id: string;
  member_id: string;
  kind: 'work' | 'training' | 'trip' | 'family' | 'political' | 'commendation';
  data: ColumnType<Record<string, unknown>, string, string>;
  sort: Generated<number>;
  created_at: Generated<Date>;
}

/** One uploaded version of a dossier document; never updated nor deleted (migration 0004). */
export interface MemberDocumentTable {
  id: string;
  member_id: string;
  doc_type: string;
  title: string;
  version: number;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  /** The key in the document store (storage/document-store.ts). */
  storage_key: string;
  certified_by: string | null;
  certified_on: string | null;
  note: string | null;
  uploaded_by: string;
  uploaded_at: Date;
}

export interface CatalogueItemTable {
  catalogue: string;
  code: string;
  name: string;
  sort: number;
}

export interface CalendarAdjustmentTable {
  date: string;
  kind: 'holiday' | 'workday';
  note: string | null;
}

/** A version of the rule set (domain.md §12), owned by modules/rulesets; `rules` is the RuleSet without id, date, basis. */
export interface RuleSetTable {
  id: string;
  effective_from: string;
  basis: string;
  rules: Json;
  copied_from: string | null;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export type Role = 'system_admin' | 'org_admin' | 'editor' | 'viewer' | 'inspector' | 'member';

export interface AppUserTable {
  id: string;
  username: string;
  full_name: string;
  password_hash: string;
  home_org_id: string | null;
  is_disabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  must_change_password: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface RoleAssignmentTable {
  id: string;
  user_id: string;
  role: Role;
  org_id: string | null;
  /** The member record of a `member` grant (migration 0026); null for every other role. */
  member_id: Generated<string | null>;
  created_at: Generated<Date>;
}

export interface UserSessionTable {
  /** sha256 of the cookie token: a leaked table does not leak live sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Date;
  last_seen_at: Date;
}

export interface AuditLogTable {
  seq: number;
  id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  /** The organisation the entry belongs to, for scoping: readers see entries of orgs now in their scope. */
  scope_org_id: string | null;
  before: ColumnType<unknown, string | null, string | null>;
  after: ColumnType<unknown, string | null, string | null>;
  prev_hash: string;
  hash: string;
}

/**
 * A signed checkpoint of the audit chain's head (migration 0017): `seq` entries, the last with `hash`; `mac` is the
 * HMAC (key outside the database) over id, time, seq, hash and the previous checkpoint's mac. Append-only.
 */
export interface AuditCheckpointTable {
  id: number;
  at: Date;
  seq: number;
  hash: string;
  prev_mac: string;
  mac: string;
}

/** Failed logins per (lower-cased name typed, client address); `username_key = ''` counts the address as a whole. */
export interface LoginFailureTable {
  username_key: string;
  address: string;
  failures: number;
  last_failure_at: Date;
  locked_until: Date | null;
}

/** Members on each organisation's roll now (migration 0006): kept by triggers on `member`. */
export interface OrgMemberTallyTable {
  org_id: string;
  official: number;
  probationary: number;
  /** The organisation's current path, kept by triggers (migration 0013). */
  path: Generated<string | null>;
}

/** The latest date recorded on any member: the tally answers for dates from it on. */
export interface MemberTallyHorizonTable {
  only_row: Generated<boolean>;
  latest: string | null;
  /** The latest date an organisation version starts (migration 0013): from it on, current paths are the tree's. */
  tree_latest: Generated<string | null>;
}

/** Members by year and month of birth and on the roll or not (migration 0018): kept by triggers on `member`. */
export interface MemberBirthTallyTable {
  /** 0 when the file knows no year of birth. */
  birth_year: number;
  /** 0 when the file knows only the year. */
  birth_month: number;
  on_roll: boolean;
  n: number;
}

/** A person the cell lists as a candidate for admission (migration 0009); the fields share the member file's names. */
export interface AdmissionCandidateTable {
  id: string;
  org_id: string;
  full_name: string;
  family_name: string;
  middle_name: string;
  given_name: string;
  name_sort_key: string;
  gender: 'nam' | 'nu';
  birth_date: string | null;
  cccd: string | null;
  ethnicity: string | null;
  religion: string | null;
  general_education: string | null;
  occupation: string | null;
  workplace: string | null;
  position: string | null;
  phone: string | null;
  hometown: string | null;
  current_address: string | null;
  youth_union_on: string | null;
  helper_member_id: string | null;
  former_member_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** One admission attempt, processed under the rule set in force when it was opened (domain.md §6, §12). */
export interface AdmissionDossierTable {
  id: string;
  candidate_id: string;
  org_id: string;
  opened_on: string;
  listing_resolution_no: string | null;
  ruleset_id: string;
  readmission: Generated<boolean>;
  stage: Generated<string>;
  status: Generated<'open' | 'probation' | 'official' | 'closed'>;
  member_id: string | null;
  certificate_valid_until: string | null;
  ceremony_due_on: string | null;
  ceremony_on: string | null;
  probation_ends_on: string | null;
  recognition_due_on: string | null;
  official_on: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AdmissionStepTable {
  id: string;
  dossier_id: string;
  seq: number;
  kind: string;
  on_date: string;
  decision_no: string | null;
  data: ColumnType<Record<string, unknown>, string, string>;
  documents: ColumnType<unknown[], string, string>;
  note: string | null;
  recorded_by: string;
  recorded_at: Date;
}

export interface AdmissionCheckOverrideTable {
  id: string;
  dossier_id: string;
  step_id: string;
  check_code: string;
  message: string;
  reason: string;
  overridden_by: string;
  overridden_at: Date;
}

export interface AdmissionTargetTable {
  id: string;
  org_id: string;
  year: number;
  target: number;
  note: string | null;
  set_by: string;
  set_at: Date;
}

type Ts = ColumnType<Date, Date | string, Date | string>;
type Level = 'excellent' | 'good' | 'completed' | 'not_completed';

/** An evaluation period opened over a subtree under a rule-set version (migration 0010). */
export interface EvaluationPeriodTable {
  id: string;
  root_org_id: string;
  year: number;
  kind: 'year' | 'quarter' | 'term';
  quarter: number | null;
  as_of: string;
  ruleset_id: string;
  status: 'open' | 'published';
  excluded: ColumnType<Record<string, number>, string | undefined, string>;
  opened_by: string | null;
  opened_at: Ts;
  published_by: string | null;
  published_at: Ts | null;
  decision_no: string | null;
  decision_date: string | null;
}

export interface MemberEvaluationTable {
  id: string;
  period_id: string;
  year: number;
  member_id: string;
  org_id: string;
  grassroots_id: string;
  late_admission: Generated<boolean>;
  self_detected_fixed: Generated<boolean>;
  self_label: string | null;
  self_score: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  self_by: string | null;
  self_at: Ts | null;
  votes: ColumnType<Record<string, number> | null, string | null, string | null>;
  cell_label: string | null;
  cell_by: string | null;
  cell_at: Ts | null;
  grassroots_label: string | null;
  grassroots_by: string | null;
  grassroots_at: Ts | null;
  decided_label: string | null;
  decided_by: string | null;
  decided_at: Ts | null;
  final_level: Level | null;
  status: Generated<string>;
}

export interface OrgEvaluationTable {
  id: string;
  period_id: string;
  year: number;
  org_id: string;
  parent_id: string | null;
  is_cell: boolean;
  is_grassroots: boolean;
  disciplined: Generated<boolean>;
  leadership_disciplined: Generated<boolean>;
  self_label: string | null;
  self_report: string | null;
  self_by: string | null;
  self_at: Ts | null;
  proposed_label: string | null;
  proposed_by: string | null;
  proposed_at: Ts | null;
  decided_label: string | null;
  decided_by: string | null;
  decided_at: Ts | null;
  final_level: Level | null;
  status: Generated<string>;
}

/** Published counts per year, subject, organisation and level (migration 0010), kept by the evaluation service. */
export interface EvaluationTallyTable {
  year: number;
  subject: 'member' | 'grassroots';
  org_id: string;
  level: Level;
  n: number;
}

export interface EvaluationOverrideTable {
  id: string;
  period_id: string;
  check_code: string;
  org_id: string;
  reason: string;
  created_by: string | null;
  created_at: Ts;
}

export interface EvaluationChangeTable {
  id: string;
  period_id: string;
  subject: 'member' | 'org';
  evaluation_id: string;
  before_label: string | null;
  after_label: string;
  decision_no: string;
  decision_date: string;
  reason: string;
  created_by: string | null;
  created_at: Ts;
}

export interface ConsolidationTable {
  id: string;
  org_id: string;
  year: number;
  reason: string;
  plan: string | null;
  responsible: string | null;
  deadline: string | null;
  outcome: string | null;
  status: 'open' | 'done';
  created_by: string | null;
  created_at: Ts;
  updated_at: Ts;
}

/** A submitted report (issue 14 part 4): append-only, one row per submission; `report` is the ReportResponse as computed. */
export interface ReportSubmissionTable {
  id: string;
  org_id: string;
  period_from: string | null;
  period_to: string;
  version: number;
  query: ColumnType<unknown, string, never>;
  report: ColumnType<unknown, string, never>;
  note: string | null;
  submitted_by: string | null;
  submitted_by_name: string;
  submitted_at: Ts;
}

// --- meetings (migration 0025, modules/meetings) ---

export type MeetingKind = 'regular' | 'topical' | 'combined' | 'extraordinary';
export type MeetingStatus = 'planned' | 'held' | 'cancelled';
export type AttendanceMark = 'present' | 'excused' | 'absent';

/** A meeting of a cell (body 'cell') or of a committee ('committee'); times of day in minutes after midnight. */
export interface MeetingTable {
  id: string;
  org_id: string;
  body: ColumnType<'cell' | 'committee', 'cell' | 'committee' | undefined, 'cell' | 'committee'>;
  kind: MeetingKind;
  status: ColumnType<MeetingStatus, MeetingStatus | undefined, MeetingStatus>;
  planned_on: string;
  held_on: string | null;
  start_minute: number | null;
  end_minute: number | null;
  place: string | null;
  topic: string | null;
  presided_by: string | null;
  minutes_by: string | null;
  superior_rep_name: string | null;
  superior_invited: ColumnType<boolean, boolean | undefined, boolean>;
  superior_present: ColumnType<boolean, boolean | undefined, boolean>;
  minutes_text: string | null;
  resolution_no: string | null;
  resolution_on: string | null;
  resolution_text: string | null;
  /** Kept by the write that records the attendance: members on the roll, present, excused, absent without reason. */
  roll_count: ColumnType<number, number | undefined, number>;
  present_count: ColumnType<number, number | undefined, number>;
  excused_count: ColumnType<number, number | undefined, number>;
  absent_count: ColumnType<number, number | undefined, number>;
  attendance_recorded_at: Date | null;
  /** held_on's year × 12 + month − 1 (generated; migration 0029). */
  held_month: GeneratedAlways<number | null>;
  /** The latest Vietnam day a material was sent (kept by meetings.repo.ts's document writes; migration 0029). */
  materials_sent_on: Generated<string | null>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** A file of a meeting: a material sent to the members (sent_at), the minutes or the resolution. */
export interface MeetingDocumentTable {
  id: string;
  meeting_id: string;
  role: 'material' | 'minutes' | 'resolution';
  title: string;
  /** The file, when one was uploaded (a paper document is registered by its title). */
  file_name: string | null;
  mime: string | null;
  size: number | null;
  sha256: string | null;
  storage_key: string | null;
  sent_at: Date | null;
  uploaded_by: string | null;
  uploaded_at: Date;
}

/** One member on the roll of the meeting's date, with the facts of that date the quorum reads. */
export interface MeetingAttendanceTable {
  meeting_id: string;
  member_id: string;
  attendance: AttendanceMark;
  reason: string | null;
  membership: 'probationary' | 'official';
  member_status: string;
  /** On temporary transfer from another cell, attending here. */
  hosted: ColumnType<boolean, boolean | undefined, boolean>;
  /** In the denominator of the quorum and the majority (domain.md §6, §9). */
  counts_for_quorum: boolean;
}

/** A follow-up task of a meeting's resolution; open (done_on null) ones come back on the next meetings' agenda. */
export interface MeetingTaskTable {
  id: string;
  meeting_id: string;
  seq: number;
  content: string;
  owner_member_id: string | null;
  owner_name: string | null;
  due_on: string | null;
  outcome: string | null;
  done_on: string | null;
  reviewed_meeting_id: string | null;
}

/** Directives (migration 0027, issue 17): a document whose implementation is tracked. */
export interface DirectiveTable {
  id: string;
  owner_org_id: string;
  kind: 'nghi_quyet' | 'chi_thi' | 'ket_luan' | 'quy_dinh' | 'ke_hoach' | 'chuong_trinh' | 'huong_dan' | 'cong_van';
  symbol: string | null;
  number: number | null;
  kind_code: string | null;
  issuer_code: string | null;
  issued_on: string;
  issuer_org_id: string | null;
  issuer_name: string;
  title: string;
  summary: string | null;
  file_ref: string | null;
  implements_id: string | null;
  from_year: number | null;
  to_year: number | null;
  search_key: string;
  created_by: string | null;
  created_at: Ts;
  updated_at: Ts;
}

/** A task of a directive, or a topic of a programme (migration 0027). */
export interface DirectiveTaskTable {
  id: string;
  directive_id: string;
  seq: number;
  title: string;
  content: string | null;
  topic_kind: 'chuyen_de' | 'de_tai' | 'de_an' | null;
  due_on: string | null;
  due_working_days: number | null;
  recurrence: 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' | null;
  recur_from: string | null;
  recur_until: string | null;
  created_at: Ts;
}

/** One organisation's share of a task; `parent_id` when split from its superior's share (migration 0027). */
export interface DirectiveAssignmentTable {
  id: string;
  task_id: string;
  org_id: string;
  role: 'assignee' | 'lead' | 'participant';
  parent_id: string | null;
  due_on: string | null;
  note: string | null;
  created_at: Ts;
}

/** An assignee's report on its share (migration 0027). */
export interface DirectiveReportTable {
  id: string;
  assignment_id: string;
  period_due_on: string | null;
  status: 'not_started' | 'in_progress' | 'done';
  body: string;
  attachments: ColumnType<unknown, string, string>;
  reported_on: string;
  reported_by: string | null;
  reported_by_name: string;
  created_at: Ts;
}

// --- inspection (issue 15, migration 0024) ---------------------------------------------------------------------------

export type InspectionBody = 'committee' | 'inspection_committee';

export interface InspectionPlanTable {
  id: string;
  org_id: string;
  year: number;
  body: InspectionBody;
  version: Generated<number>;
  title: string;
  decision_no: string | null;
  approved_on: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InspectionPlanAmendmentTable {
  id: string;
  plan_id: string;
  version: number;
  amended_on: string;
  reason: string;
  items: Json;
  created_at: Generated<Date>;
}

export interface InspectionItemTable {
  id: string;
  plan_id: string | null;
  org_id: string;
  body: InspectionBody;
  kind: 'inspection' | 'supervision';
  mode: 'regular' | 'thematic';
  subject_org_id: string | null;
  subject_member_id: string | null;
  content: string;
  period_from: string | null;
  period_to: string | null;
  in_charge: string | null;
  due_on: string;
  status: 'planned' | 'under_way' | 'concluded' | 'cancelled';
  concluded_on: string | null;
  conclusion: string | null;
  violation_found: boolean | null;
  cancel_reason: string | null;
  added_in_version: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InspectionCaseTable {
  id: string;
  org_id: string;
  body: InspectionBody;
  subject_kind: 'member' | 'org';
  subject_member_id: string | null;
  subject_org_id: string | null;
  source: 'complaint' | 'denunciation' | 'supervision' | 'inspection' | 'press' | 'audit' | 'other';
  summary: string;
  received_on: string | null;
  opened_on: string;
  decision_no: string | null;
  decided_on: string | null;
  status: 'open' | 'concluded' | 'dropped';
  concluded_on: string | null;
  conclusion: string | null;
  violation_found: boolean | null;
  outcome: 'none' | 'reminder' | 'discipline' | null;
  documents: ColumnType<unknown, string | undefined, string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** A dismissed absence alert (issue 16 part 5, migration 0026): who decided not to propose striking off, and why. */
export interface AbsenceAlertDismissalTable {
  id: string;
  member_id: string;
  year: number;
  source: 'meetings' | 'dues';
  months: number;
  reason: string;
  dismissed_by: string;
  dismissed_at: Ts;
}

/** Discipline (issue 15, migration 0028, module discipline): decisions against members or organisations. */
export type DisciplineFormCode = 'reprimand' | 'warning' | 'removal' | 'expulsion' | 'dissolution';
export type DisciplineBodyCode = 'cell' | 'committee' | 'standing_committee' | 'inspection_committee';
export interface DisciplineDecisionTable {
  id: string;
  subject_kind: 'member' | 'org';
  member_id: string | null;
  org_id: string | null;
  /** The organisation itself, or the member's roll on the decision's day (scope reads it). */
  subject_org_id: string | null;
  kind: Generated<'party' | 'state'>;
  form: DisciplineFormCode;
  /** The member's membership on the decision's date (null for organisations and migrated rows). */
  membership: 'probationary' | 'official' | null;
  deciding_org_id: string | null;
  deciding_body: DisciplineBodyCode | null;
  deciding_label: string;
  decision_no: string;
  decided_on: string;
  announced_on: string | null;
  violation_on: string | null;
  violation_level: DisciplineFormCode | null;
  reason: string | null;
  case_id: string | null;
  lapse_blocked: Generated<boolean>;
  lapse_blocked_on: string | null;
  lapse_blocked_reason: 'new_violation' | 'complaint' | null;
  revoked_on: string | null;
  revoked_reason: string | null;
  replaced_by: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** A complaint against a discipline decision (migration 0028). */
export interface DisciplineComplaintTable {
  id: string;
  decision_id: string;
  received_on: string;
  filed_on: string;
  content: string | null;
  outcome: 'upheld' | 'changed' | 'revoked' | null;
  outcome_on: string | null;
  outcome_note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

/** Days over which a member's discipline is deferred (migration 0028): [from_on, to_on). */
export interface DisciplineDeferralTable {
  id: string;
  member_id: string;
  reason: 'pregnant' | 'nursing' | 'hospital';
  from_on: string;
  to_on: string | null;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

// --- congress (issue 17 parts 4–5, migration 0031) ---------------------------------------------------------------------

/** A term of an organisation, opened by its congress (migration 0031). */
export interface CongressTermTable {
  id: string;
  org_id: string;
  from_year: number;
  to_year: number;
  congress_on: string;
  decision_no: string | null;
  decision_on: string | null;
  note: string | null;
  created_by: string | null;
  created_at: Ts;
  updated_at: Ts;
}

export type CommitteeBody = 'committee' | 'inspection';
export type CommitteePost = 'bi_thu' | 'pho_bi_thu' | 'uv_btv' | 'cap_uy_vien' | 'chu_nhiem' | 'pho_chu_nhiem' | 'uv_ubkt';

/** One person's dated place on a term's committee or inspection committee (migration 0031). */
export interface CommitteeSeatTable {
  id: string;
  term_id: string;
  member_id: string | null;
  full_name: string;
  body: CommitteeBody;
  post: CommitteePost;
  from_on: string;
  how: 'elected' | 'elected_additional' | 'appointed_additional' | 'post_changed';
  decision_no: string | null;
  ended_on: string | null;
  end_reason: 'resigned' | 'moved' | 'disciplined' | 'deceased' | 'post_changed' | 'other' | null;
  end_decision_no: string | null;
  end_note: string | null;
  created_at: Ts;
  updated_at: Ts;
}

/** A round of congresses over a window, with its preparation checklist (migration 0031). */
export interface CongressRoundTable {
  id: string;
  org_id: string;
  title: string;
  from_on: string;
  to_on: string;
  checklist: ColumnType<unknown, string, string>;
  created_by: string | null;
  created_at: Ts;
}

/** One organisation's progress on one item of a round's checklist (migration 0031). */
export interface CongressPrepTable {
  id: string;
  round_id: string;
  org_id: string;
  item_key: string;
  planned_on: string | null;
  done_on: string | null;
  note: string | null;
  updated_by: string | null;
  updated_at: Ts;
}

/** A target of a congress resolution attached to a term (migration 0032). */
export interface TermTargetTable {
  id: string;
  term_id: string;
  seq: number;
  title: string;
  metric: 'orgs_excellent_share' | 'members_good_share' | 'members_admitted' | 'manual';
  kind: 'share' | 'cumulative';
  unit: 'percent' | 'count';
  low: number;
  high: number | null;
  note: string | null;
  created_by: string | null;
  created_at: Ts;
  updated_at: Ts;
}

/** A yearly actual figure of a target typed in by hand (migration 0032). */
export interface TermTargetActualTable {
  target_id: string;
  year: number;
  value: number;
  entered_by: string | null;
  entered_at: Ts;
}

export interface DB {
  org_kind: OrgKindTable;
  sector_type: SectorTypeTable;
  org: OrgTable;
  org_version: OrgVersionTable;
  org_event: OrgEventTable;
  member: MemberTable;
  member_event: MemberEventTable;
  member_period: MemberPeriodTable;
  member_roll_move: MemberRollMoveTable;
  member_badge_award: MemberBadgeAwardTable;
  member_name_tail: MemberNameTailTable;
  member_record: MemberRecordTable;
  org_member_tally: OrgMemberTallyTable;
  member_tally_horizon: MemberTallyHorizonTable;
  member_birth_tally: MemberBirthTallyTable;
  member_document: MemberDocumentTable;
  catalogue_item: CatalogueItemTable;
  calendar_adjustment: CalendarAdjustmentTable;
  rule_set: RuleSetTable;
  app_user: AppUserTable;
  role_assignment: RoleAssignmentTable;
  user_session: UserSessionTable;
  audit_log: AuditLogTable;
  audit_checkpoint: AuditCheckpointTable;
  login_failure: LoginFailureTable;
  admission_candidate: AdmissionCandidateTable;
  admission_dossier: AdmissionDossierTable;
  admission_step: AdmissionStepTable;
  admission_check_override: AdmissionCheckOverrideTable;
  admission_target: AdmissionTargetTable;
  evaluation_period: EvaluationPeriodTable;
  member_evaluation: MemberEvaluationTable;
  org_evaluation: OrgEvaluationTable;
  evaluation_override: EvaluationOverrideTable;
  evaluation_tally: EvaluationTallyTable;
  evaluation_change: EvaluationChangeTable;
  consolidation: ConsolidationTable;
  report_submission: ReportSubmissionTable;
  discipline_decision: DisciplineDecisionTable;
  discipline_complaint: DisciplineComplaintTable;
  discipline_deferral: DisciplineDeferralTable;
  meeting: MeetingTable;
  meeting_document: MeetingDocumentTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_task: MeetingTaskTable;
  absence_alert_dismissal: AbsenceAlertDismissalTable;
  directive: DirectiveTable;
  directive_task: DirectiveTaskTable;
  directive_assignment: DirectiveAssignmentTable;
  directive_report: DirectiveReportTable;
  inspection_plan: InspectionPlanTable;
  inspection_plan_amendment: InspectionPlanAmendmentTable;
  inspection_item: InspectionItemTable;
  inspection_case: InspectionCaseTable;
  congress_term: CongressTermTable;
  committee_seat: CommitteeSeatTable;
  congress_round: CongressRoundTable;
  congress_prep: CongressPrepTable;
  term_target: TermTargetTable;
  term_target_actual: TermTargetActualTable;
}

export type OrgVersion = Selectable<OrgVersionTable>;
export type NewOrgVersion = Insertable<OrgVersionTable>;
export type AppUser = Selectable<AppUserTable>;
