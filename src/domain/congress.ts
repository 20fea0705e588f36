/**
 * Committees per term and congresses (issue 17 parts 4–5; domain.md §2, §3). Pure rules: posts and their labels, the
 * committee on a date from its dated seats, the size warnings, the length of a term and the date the next congress
 * is due, the preparation checklist's default items.
 */
import type { IsoDate } from './dates.ts';

export const COMMITTEE_BODIES = ['committee', 'inspection'] as const;
export type CommitteeBody = (typeof COMMITTEE_BODIES)[number];

export const COMMITTEE_POSTS = ['bi_thu', 'pho_bi_thu', 'uv_btv', 'cap_uy_vien', 'chu_nhiem', 'pho_chu_nhiem', 'uv_ubkt'] as const;
export type CommitteePost = (typeof COMMITTEE_POSTS)[number];

/** Posts of the committee (cấp ủy), senior first. */
export const COMMITTEE_POSTS_OF: Record<CommitteeBody, readonly CommitteePost[]> = {
  committee: ['bi_thu', 'pho_bi_thu', 'uv_btv', 'cap_uy_vien'],
  inspection: ['chu_nhiem', 'pho_chu_nhiem', 'uv_ubkt'],
};

export const POST_LABELS: Record<CommitteePost, string> = {
  bi_thu: 'Bí thư',
  pho_bi_thu: 'Phó Bí thư',
  uv_btv: 'Ủy viên Ban Thường vụ',
  cap_uy_vien: 'Cấp ủy viên',
  chu_nhiem: 'Chủ nhiệm Ủy ban kiểm tra',
  pho_chu_nhiem: 'Phó Chủ nhiệm Ủy ban kiểm tra',
  uv_ubkt: 'Ủy viên Ủy ban kiểm tra',
};

export const BODY_LABELS: Record<CommitteeBody, string> = { committee: 'Cấp ủy', inspection: 'Ủy ban kiểm tra' };

export const SEAT_HOWS = ['elected', 'elected_additional', 'appointed_additional', 'post_changed'] as const;
export type SeatHow = (typeof SEAT_HOWS)[number];
export const SEAT_HOW_LABELS: Record<SeatHow, string> = {
  elected: 'Bầu tại đại hội',
  elected_additional: 'Bầu bổ sung',
  appointed_additional: 'Chỉ định bổ sung',
  post_changed: 'Thay đổi chức vụ',
};

export const SEAT_END_REASONS = ['resigned', 'moved', 'disciplined', 'deceased', 'post_changed', 'other'] as const;
export type SeatEndReason = (typeof SEAT_END_REASONS)[number];
export const SEAT_END_LABELS: Record<SeatEndReason, string> = {
  resigned: 'Xin thôi, miễn nhiệm',
  moved: 'Chuyển công tác',
  disciplined: 'Bị kỷ luật',
  deceased: 'Từ trần',
  post_changed: 'Thay đổi chức vụ',
  other: 'Lý do khác',
};

/** The seats in force on `day`: begun by then and not yet ended (the day a seat ends it no longer counts). */
export function seatsOn<T extends { from_on: string; ended_on: string | null }>(seats: readonly T[], day: IsoDate): T[] {
  return seats.filter((s) => s.from_on <= day && (s.ended_on === null || s.ended_on > day));
}

/** The rule-set figures of congresses (domain.md §3, §12). */
export interface CongressRules {
  /** Length of a term of a grassroots organisation and above, in years (5). */
  termYears: number;
  /** Congresses a cell directly under a grassroots party committee holds in one such term (2; 1 under the pilot). */
  cellCongressesPerTerm: number;
}

/** Whether the organisation's kind holds congresses at the cell rhythm (a chi bộ trực thuộc). */
export const isSubCell = (kind: { is_cell: boolean; is_grassroots: boolean }) => kind.is_cell && !kind.is_grassroots;

/** Months from one congress to the next for an organisation of this kind under these rules. */
export function termMonths(kind: { is_cell: boolean; is_grassroots: boolean }, rules: CongressRules): number {
  const months = rules.termYears * 12;
  return isSubCell(kind) ? Math.round(months / Math.max(1, rules.cellCongressesPerTerm)) : months;
}

/** The day `months` calendar months after `day` (the same day of the month, the month's last day when it has none). */
export function addMonths(day: IsoDate, months: number): IsoDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The date the next congress is due: the term's congress date plus the term's length. */
export function nextCongressDue(congressOn: IsoDate, kind: { is_cell: boolean; is_grassroots: boolean }, rules: CongressRules): IsoDate {
  return addMonths(congressOn, termMonths(kind, rules));
}

/** Whether a due date falls in a round's window (both ends included). */
export const dueInWindow = (dueOn: IsoDate, from: IsoDate, to: IsoDate) => dueOn >= from && dueOn <= to;

export interface SizeWarning {
  code: 'cell_elects_secretary_only' | 'no_secretary' | 'several_secretaries' | 'no_inspection_chair';
  message: string;
}

/**
 * Warnings on a committee in force on a date (never refusals: the records follow what the congress did). A cell with
 * fewer official members than the rule set's threshold elects only a secretary and a deputy (domain.md §3).
 */
export function committeeWarnings(
  kind: { is_cell: boolean; is_grassroots: boolean },
  officialMembers: number,
  seats: readonly { body: CommitteeBody; post: CommitteePost }[],
  cellCommitteeThreshold: number,
): SizeWarning[] {
  const w: SizeWarning[] = [];
  const committee = seats.filter((s) => s.body === 'committee');
  const secretaries = committee.filter((s) => s.post === 'bi_thu').length;
  if (kind.is_cell && officialMembers < cellCommitteeThreshold && committee.some((s) => s.post === 'uv_btv' || s.post === 'cap_uy_vien')) {
    w.push({
      code: 'cell_elects_secretary_only',
      message: `Chi bộ có ${officialMembers} đảng viên chính thức (dưới ${cellCommitteeThreshold}): chỉ bầu bí thư, phó bí thư, không bầu chi ủy viên.`,
    });
  }
  if (committee.length > 0 && secretaries === 0) w.push({ code: 'no_secretary', message: 'Cấp ủy chưa có bí thư.' });
  if (secretaries > 1) w.push({ code: 'several_secretaries', message: `Cấp ủy có ${secretaries} bí thư cùng lúc.` });
  const inspection = seats.filter((s) => s.body === 'inspection');
  if (inspection.length > 0 && !inspection.some((s) => s.post === 'chu_nhiem')) {
    w.push({ code: 'no_inspection_chair', message: 'Ủy ban kiểm tra chưa có chủ nhiệm.' });
  }
  return w;
}

export const CHECKLIST_GROUPS = ['documents', 'personnel', 'dates'] as const;
export type ChecklistGroup = (typeof CHECKLIST_GROUPS)[number];
export const CHECKLIST_GROUP_LABELS: Record<ChecklistGroup, string> = { documents: 'Văn kiện', personnel: 'Nhân sự', dates: 'Thời gian' };

export interface ChecklistItem {
  key: string;
  label: string;
  group: ChecklistGroup;
}

/** The preparation checklist a round starts with when none is given (the usual steps of a grassroots congress). */
export const DEFAULT_CHECKLIST: readonly ChecklistItem[] = [
  { key: 'ke_hoach', label: 'Kế hoạch tổ chức đại hội', group: 'dates' },
  { key: 'bao_cao_chinh_tri', label: 'Dự thảo báo cáo chính trị', group: 'documents' },
  { key: 'kiem_diem_cap_uy', label: 'Báo cáo kiểm điểm của cấp ủy', group: 'documents' },
  { key: 'phuong_an_nhan_su', label: 'Phương án nhân sự cấp ủy khóa mới', group: 'personnel' },
  { key: 'cap_tren_dong_y', label: 'Cấp trên cho ý kiến về văn kiện và nhân sự', group: 'personnel' },
  { key: 'ngay_dai_hoi', label: 'Ngày tổ chức đại hội', group: 'dates' },
];
