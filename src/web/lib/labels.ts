/** Vietnamese labels for the codes of the API. */
import { EVENT_LABELS, MEMBER_STATUS_LABELS } from '../../domain/member-event-labels.ts';
import { STEP_LABELS } from '../../domain/admission.ts';
import type { RoleCode } from '../../contract/auth.ts';
import type { BadgeEarlyReason, DisciplineForm, Gender, Membership } from '../../contract/members.ts';
import type { OrgEventKind, OrgStatus, ReorgOpType } from '../../contract/orgs.ts';

export const ROLE_NAMES: Record<RoleCode, string> = {
  system_admin: 'Quản trị hệ thống',
  org_admin: 'Quản trị đơn vị',
  editor: 'Cán bộ nghiệp vụ',
  viewer: 'Xem',
  inspector: 'Ủy ban kiểm tra',
  member: 'Đảng viên',
};

export const ROLE_COLORS: Record<RoleCode, string> = {
  system_admin: 'red',
  org_admin: 'volcano',
  editor: 'blue',
  viewer: 'default',
  inspector: 'purple',
  member: 'green',
};

/** The roles an administrator grants in the user's drawer (`member` is granted from the member's record). */
export const ROLE_CODES = (Object.keys(ROLE_NAMES) as RoleCode[]).filter((c): c is Exclude<RoleCode, 'member'> => c !== 'member');

export function roleName(role: string): string {
  return (ROLE_NAMES as Record<string, string>)[role] ?? role;
}

export const ORG_STATUS_NAMES: Record<OrgStatus, string> = {
  active: 'Đang hoạt động',
  ended: 'Đã kết thúc',
  not_yet: 'Chưa thành lập',
};

export const ORG_EVENT_NAMES: Record<OrgEventKind, string> = {
  created: 'Thành lập',
  renamed: 'Đổi tên',
  reclassified: 'Đổi loại hình',
  moved: 'Chuyển cấp trên',
  merged_into: 'Sáp nhập vào tổ chức khác',
  absorbed: 'Tiếp nhận tổ chức sáp nhập',
  split_into: 'Chia tách',
  split_from: 'Tách ra từ tổ chức khác',
  dissolved: 'Giải thể',
};

export const ORG_EVENT_COLORS: Record<OrgEventKind, string> = {
  created: 'green',
  renamed: 'blue',
  reclassified: 'blue',
  moved: 'blue',
  merged_into: 'gray',
  absorbed: 'blue',
  split_into: 'gray',
  split_from: 'green',
  dissolved: 'red',
};

/** The names of the operation kinds the server reports in a preview (split included). */
export const REORG_OP_NAMES: Record<ReorgOpType, string> = {
  move: 'Chuyển',
  merge: 'Sáp nhập',
  dissolve: 'Giải thể',
  rename: 'Đổi tên',
  create: 'Thành lập mới',
  reclassify: 'Đổi loại hình',
  split: 'Chia tách',
};

export const AUDIT_ACTION_NAMES: Record<string, string> = {
  'org.created': 'Thành lập tổ chức',
  'org.renamed': 'Đổi tên tổ chức',
  'org.reclassified': 'Đổi loại tổ chức, loại hình',
  'org.moved': 'Chuyển cấp trên',
  'org.merged_into': 'Sáp nhập vào tổ chức khác',
  'org.absorbed': 'Tiếp nhận tổ chức sáp nhập',
  'org.split_into': 'Chia tách tổ chức',
  'org.split_from': 'Thành lập do chia tách',
  'org.dissolved': 'Giải thể tổ chức',
  'reorg.apply': 'Áp dụng sắp xếp tổ chức',
  'user.create': 'Tạo người dùng',
  'user.update': 'Cập nhật người dùng',
  'user.reset_password': 'Đặt lại mật khẩu',
  'user.change_password': 'Đổi mật khẩu',
  'user.role_add': 'Thêm vai trò',
  'user.role_remove': 'Gỡ vai trò',
  'auth.login': 'Đăng nhập',
  'auth.login_failed': 'Đăng nhập thất bại',
  'auth.logout': 'Đăng xuất',
  'system.seed_demo': 'Tạo dữ liệu mẫu',
  'member.create': 'Thêm hồ sơ đảng viên',
  'member.update': 'Cập nhật hồ sơ đảng viên',
  'member.reveal': 'Xem số CCCD của đảng viên',
  'member.discipline': 'Ghi nhận kỷ luật đảng viên',
  'member.badge': 'Ghi nhận trao Huy hiệu Đảng',
  'member.badge.override': 'Ghi nhận trao Huy hiệu Đảng theo quyết định đặc biệt của Ban Thường vụ Tỉnh ủy',
  'member.badge_standing': 'Ghi nhận ốm đau nặng, đề nghị truy tặng Huy hiệu Đảng',
  'member.sheet_export': 'Xuất phiếu đảng viên',
  'member.record.create': 'Thêm mục tiểu sử, gia đình',
  'member.record.update': 'Sửa mục tiểu sử, gia đình',
  'member.record.delete': 'Xóa mục tiểu sử, gia đình',
  'member.record.reveal': 'Xem gia đình, lịch sử chính trị của đảng viên',
  'member.document_upload': 'Tải lên tài liệu hồ sơ đảng viên',
  'member.document_read': 'Xem tài liệu hồ sơ cần bảo mật',
  'calendar.adjust': 'Điều chỉnh lịch làm việc',
  'calendar.adjust_remove': 'Bỏ điều chỉnh lịch làm việc',
  'member.export': 'Xuất danh sách đảng viên ra Excel',
  'member.import': 'Nhập đảng viên từ tệp',
  'member.badge_list.export': 'Xuất danh sách xét tặng Huy hiệu Đảng',
  'admission.candidate.create': 'Thêm quần chúng vào danh sách cảm tình Đảng',
  'admission.candidate.update': 'Sửa thông tin quần chúng cảm tình Đảng',
  'admission.check_override': 'Cho vượt qua kiểm tra hồ sơ kết nạp',
  'admission.document_export': 'Xuất văn bản hồ sơ kết nạp',
  'admission.target': 'Giao chỉ tiêu kết nạp đảng viên',
  'evaluation.open': 'Mở kỳ đánh giá, xếp loại',
  'evaluation.member.update': 'Nhập kết quả đánh giá đảng viên',
  'evaluation.org.update': 'Nhập kết quả đánh giá tổ chức đảng',
  'evaluation.override': 'Cho vượt qua kiểm tra đánh giá',
  'evaluation.publish': 'Công bố kết quả đánh giá, xếp loại',
  'evaluation.change': 'Thay đổi kết quả đã công bố',
  'evaluation.consolidation.create': 'Đưa tổ chức vào diện củng cố',
  'evaluation.consolidation.update': 'Cập nhật theo dõi củng cố tổ chức',
  'ruleset.create': 'Thêm phiên bản bộ quy định',
  'report.submit': 'Gửi báo cáo lên cấp trên',
  'inspection.plan.create': 'Lập kế hoạch kiểm tra, giám sát',
  'inspection.plan.amend': 'Điều chỉnh kế hoạch kiểm tra, giám sát',
  'inspection.item.create': 'Thêm cuộc kiểm tra, giám sát',
  'inspection.item.update': 'Cập nhật cuộc kiểm tra, giám sát',
  'inspection.case.open': 'Mở vụ việc kiểm tra khi có dấu hiệu vi phạm',
  'inspection.case.update': 'Cập nhật vụ việc kiểm tra',
  'inspection.case.reveal': 'Xem nội dung vụ việc kiểm tra',
  'discipline.create': 'Ghi nhận quyết định kỷ luật',
  'discipline.revoke': 'Hủy bỏ quyết định kỷ luật',
  'discipline.complaint': 'Ghi nhận khiếu nại kỷ luật',
  'discipline.complaint_outcome': 'Ghi nhận kết quả giải quyết khiếu nại kỷ luật',
  'discipline.deferral': 'Ghi nhận tạm hoãn xem xét kỷ luật',
  'meeting.create': 'Lên lịch sinh hoạt chi bộ',
  'meeting.update': 'Cập nhật buổi sinh hoạt chi bộ',
  'meeting.attendance': 'Ghi điểm danh buổi sinh hoạt',
  'meeting.document_add': 'Thêm tài liệu buổi sinh hoạt',
  'meeting.documents_send': 'Gửi tài liệu sinh hoạt cho đảng viên',
  'meeting.document_export': 'Xuất biên bản, nghị quyết sinh hoạt chi bộ',
  'meeting.task_add': 'Thêm nhiệm vụ theo nghị quyết chi bộ',
  'meeting.task_update': 'Cập nhật nhiệm vụ theo nghị quyết chi bộ',
  'meeting.alert_dismiss': 'Bỏ qua đề nghị xóa tên do vắng sinh hoạt',
  'meeting.alert_strike_off': 'Xóa tên đảng viên do vắng sinh hoạt',
  'directive.create': 'Thêm văn bản chỉ đạo',
  'directive.task_add': 'Giao nhiệm vụ theo văn bản',
  'directive.share_split': 'Phân công tiếp nhiệm vụ cho cấp dưới',
  'directive.report': 'Báo cáo thực hiện nhiệm vụ',
  'directive.document_export': 'Xuất văn bản kế hoạch, báo cáo',
  'discipline.document_export': 'Xuất quyết định kỷ luật',
  'meeting.document_upload': 'Tải lên tệp của buổi sinh hoạt',
  'meeting.document_read': 'Xem tệp của buổi sinh hoạt',
  'congress.term_create': 'Ghi nhận nhiệm kỳ, cấp ủy được bầu',
  'congress.seat_add': 'Bổ sung, thay đổi chức vụ cấp ủy',
  'congress.seat_end': 'Ghi nhận thôi giữ chức vụ cấp ủy',
  'congress.document_export': 'Xuất danh sách cấp ủy',
  'congress.round_create': 'Lập đợt đại hội',
  'congress.prep_update': 'Cập nhật chuẩn bị đại hội',
  'congress.target_add': 'Thêm chỉ tiêu nhiệm kỳ',
  'congress.target_actuals': 'Nhập kết quả thực hiện chỉ tiêu',
};

/** Life events are audited as `member.event.<kind>`: named after the event. */
export function auditActionName(action: string): string {
  const known = AUDIT_ACTION_NAMES[action];
  if (known) return known;
  const kind = /^member\.event\.(.+)$/u.exec(action)?.[1];
  if (kind) return `Biến động đảng viên: ${eventKindName(kind)}`;
  const step = /^admission\.step\.(.+)$/u.exec(action)?.[1];
  if (step) return `Hồ sơ kết nạp: ${(STEP_LABELS as Record<string, string>)[step] ?? step}`;
  return action;
}

/** Names of the entity types the audit log is expected to hold; unknown ones show their code. */
export const ENTITY_TYPE_NAMES: Record<string, string> = {
  org: 'Tổ chức đảng',
  member: 'Đảng viên',
  user: 'Người dùng',
  reorganization: 'Đợt sắp xếp',
  system: 'Hệ thống',
  calendar: 'Lịch làm việc',
  admission_dossier: 'Hồ sơ kết nạp',
  evaluation_period: 'Kỳ đánh giá, xếp loại',
  member_import: 'Đợt nhập đảng viên từ tệp',
  rule_set: 'Bộ quy định',
  report_submission: 'Báo cáo đã gửi',
  inspection_plan: 'Kế hoạch kiểm tra, giám sát',
  inspection_item: 'Cuộc kiểm tra, giám sát',
  inspection_case: 'Vụ việc kiểm tra',
  discipline: 'Quyết định kỷ luật',
  meeting: 'Buổi sinh hoạt chi bộ',
  directive: 'Văn bản chỉ đạo',
  congress_term: 'Nhiệm kỳ, cấp ủy',
  congress_round: 'Đợt đại hội',
  term_target: 'Chỉ tiêu nhiệm kỳ',
};

export function entityTypeName(type: string): string {
  return ENTITY_TYPE_NAMES[type] ?? type;
}

export const GENDER_NAMES: Record<Gender, string> = { nam: 'Nam', nu: 'Nữ' };

export const MEMBERSHIP_NAMES: Record<Membership, string> = {
  official: 'Đảng viên chính thức',
  probationary: 'Đảng viên dự bị',
};

export const MEMBERSHIP_SHORT_NAMES: Record<Membership, string> = { official: 'Chính thức', probationary: 'Dự bị' };

/** Current status of a member: the names the server uses too. */
export const MEMBER_STATUS_NAMES: Record<string, string> = MEMBER_STATUS_LABELS;

export const MEMBER_STATUS_COLORS: Record<string, string> = {
  active: 'green',
  exempt: 'blue',
  temporarily_away: 'cyan',
  in_transit: 'gold',
  suspended: 'orange',
  lost_contact: 'orange',
  deceased: 'default',
  struck_off: 'red',
  left: 'default',
  expelled: 'red',
};

export function memberStatusName(status: string): string {
  return MEMBER_STATUS_NAMES[status] ?? status;
}

/** Numbers the Vietnamese way (7.500, 2,91%): the domain's one formatter. */
export { formatCount, formatNumber, formatPercent } from '../../domain/numbers.ts';

/** Sorts by a text key in Vietnamese order ("Chi bộ 2" before "Chi bộ 10"). */
export function byVietnamese<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => key(a).localeCompare(key(b), 'vi', { numeric: true });
}

/** Life events of a member: the names the server uses too. */
export const EVENT_KIND_NAMES: Record<string, string> = EVENT_LABELS;

export function eventKindName(kind: string): string {
  return EVENT_KIND_NAMES[kind] ?? kind;
}

/** Why a stretch of time does not count towards party age (domain.md §5). */
export const PARTY_AGE_GAP_NAMES: Record<string, string> = {
  expelled: 'bị khai trừ',
  struck_off: 'bị xóa tên',
  left: 'ra khỏi Đảng',
  lost_contact: 'mất liên lạc',
  transfer: 'chuyển sinh hoạt quá thời hạn nộp giới thiệu',
};

/** Forms of party discipline (domain.md §11), lightest first. */
export const DISCIPLINE_FORM_NAMES: Record<DisciplineForm, string> = {
  reprimand: 'Khiển trách',
  warning: 'Cảnh cáo',
  removal: 'Cách chức',
  expulsion: 'Khai trừ',
};

/** Why a badge is presented before its milestone (domain.md §5). */
export const BADGE_EARLY_NAMES: Record<BadgeEarlyReason, string> = {
  illness: 'Trao sớm do ốm đau nặng',
  posthumous: 'Truy tặng',
};

export function badgeEarlyName(reason: string): string {
  return (BADGE_EARLY_NAMES as Record<string, string>)[reason] ?? reason;
}

/** "Huy hiệu 40 năm tuổi Đảng". */
export function badgeName(milestone: number): string {
  return `Huy hiệu ${milestone} năm tuổi Đảng`;
}
