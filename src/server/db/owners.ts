/**
 * Which module owns each table: its SQL lives in that module's `*.repo.ts` files and nowhere else; other modules call
 * the owner's repository functions (or compose the query helpers it exports), never its tables. test/house.test.ts
 * reads this map and refuses a repository that names a table it does not own. docs/architecture.md shows the same map.
 */
import type { DB } from './schema.ts';

export type ModuleName =
  | 'orgs'
  | 'members'
  | 'member-records'
  | 'member-documents'
  | 'member-import'
  | 'catalogue'
  | 'calendar'
  | 'rulesets'
  | 'users'
  | 'auth'
  | 'audit'
  | 'admissions'
  | 'evaluation'
  | 'reports'
  | 'meetings'
  | 'directives'
  | 'inspection'
  | 'discipline'
  | 'congress';

/** Tables typed only inside their module (member-import declares its own with `withTables`). */
type ModuleLocalTable = 'member_import' | 'member_import_row';

export const TABLE_OWNERS: Record<keyof DB | ModuleLocalTable, ModuleName> = {
  org_kind: 'orgs',
  sector_type: 'orgs',
  org: 'orgs',
  org_version: 'orgs',
  org_event: 'orgs',
  member: 'members',
  member_event: 'members',
  member_badge_award: 'members',
  member_name_tail: 'members',
  org_member_tally: 'members',
  member_tally_horizon: 'members',
  member_birth_tally: 'members',
  member_period: 'members',
  member_roll_move: 'members',
  member_record: 'member-records',
  member_document: 'member-documents',
  member_import: 'member-import',
  member_import_row: 'member-import',
  catalogue_item: 'catalogue',
  calendar_adjustment: 'calendar',
  rule_set: 'rulesets',
  app_user: 'users',
  role_assignment: 'users',
  user_session: 'auth',
  login_failure: 'auth',
  audit_log: 'audit',
  audit_checkpoint: 'audit',
  admission_candidate: 'admissions',
  admission_dossier: 'admissions',
  admission_step: 'admissions',
  admission_check_override: 'admissions',
  admission_target: 'admissions',
  evaluation_period: 'evaluation',
  member_evaluation: 'evaluation',
  org_evaluation: 'evaluation',
  evaluation_override: 'evaluation',
  evaluation_tally: 'evaluation',
  evaluation_change: 'evaluation',
  consolidation: 'evaluation',
  report_submission: 'reports',
  meeting: 'meetings',
  meeting_document: 'meetings',
  meeting_attendance: 'meetings',
  meeting_task: 'meetings',
  directive: 'directives',
  directive_task: 'directives',
  directive_assignment: 'directives',
  directive_report: 'directives',
  inspection_plan: 'inspection',
  inspection_plan_amendment: 'inspection',
  inspection_item: 'inspection',
  inspection_case: 'inspection',
  absence_alert_dismissal: 'meetings',
  discipline_decision: 'discipline',
  discipline_complaint: 'discipline',
  discipline_deferral: 'discipline',
  congress_term: 'congress',
  committee_seat: 'congress',
  congress_round: 'congress',
  congress_prep: 'congress',
  term_target: 'congress',
  term_target_actual: 'congress',
};
