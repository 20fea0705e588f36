/**
 * Which life events "Ghi nhận biến động" offers for a member's current status (domain.md §4 status history, §6
 * probation and readmission, §7 transfers). The server's rules (src/domain/member-status.ts) decide what may follow
 * what; this only keeps the list to the kinds that can follow the status shown, so the form does not invite a 409.
 *
 * - In the Party (active, exempt, away, suspended, lost contact): the event that ends the current situation, then
 *   leaving the Party (death, striking off, leaving, expulsion). Expulsion only for official members: a probationary
 *   member is struck off instead (§6, §11). A probationary member on the roll can be recognised as official.
 * - In transit: nothing; the receiving organisation confirms the arrival (§7).
 * - Out of the Party: readmission (once, after the waiting time: the server checks); an expelled member's expulsion
 *   can be annulled. After death nothing more is recorded.
 */
import type { MemberEventKind, MemberFile } from '../../contract/members.ts';
import { addDays, isIsoDate } from './dates.ts';

const LEAVING: readonly MemberEventKind[] = ['deceased', 'struck_off', 'allowed_to_leave', 'expelled'];

/** Kinds that end the current situation, by status; leaving the Party is added for every status in the Party. */
const BY_STATUS: Record<string, readonly MemberEventKind[]> = {
  active: ['transfer_out_started', 'temporary_out', 'exempted', 'suspended', 'lost_contact'],
  exempt: ['exemption_ended'],
  suspended: ['suspension_ended'],
  temporarily_away: ['temporary_return'],
  lost_contact: ['contact_restored'],
};

/** Statuses in which a probationary member may be recognised as official (on the roll, not suspended or lost). */
const RECOGNITION_STATUSES = new Set(['active', 'exempt', 'temporarily_away']);

/** The kinds to offer, in the order a user expects them. */
export function eventKindsFor(file: Pick<MemberFile, 'status' | 'membership'>): MemberEventKind[] {
  const { status, membership } = file;
  if (status === 'struck_off' || status === 'left') return ['readmitted'];
  if (status === 'expelled') return ['readmitted', 'expulsion_annulled'];
  const own = BY_STATUS[status];
  if (!own) return [];
  const kinds: MemberEventKind[] = [];
  if (membership === 'probationary' && RECOGNITION_STATUSES.has(status)) kinds.push('recognized_official');
  kinds.push(...own);
  kinds.push(...LEAVING.filter((k) => k !== 'expelled' || membership === 'official'));
  return kinds;
}

/** Why nothing can be recorded, when eventKindsFor is empty. */
export function noEventReason(status: string): string {
  if (status === 'in_transit') return 'Đảng viên đang chuyển sinh hoạt: chờ tổ chức đảng nơi đến xác nhận tiếp nhận.';
  if (status === 'deceased') return 'Đảng viên đã từ trần: không ghi nhận thêm biến động.';
  return 'Không có biến động nào ghi nhận được ở tình trạng hiện tại.';
}

/** What the date of each kind means, for the label of "Ngày". */
export const EVENT_DATE_LABELS: Partial<Record<MemberEventKind, string>> = {
  recognized_official: 'Ngày chi bộ xét, công nhận',
  transfer_out_started: 'Ngày giới thiệu chuyển đi',
  temporary_out: 'Ngày bắt đầu sinh hoạt tạm thời',
  temporary_return: 'Ngày trở về',
  exempted: 'Ngày bắt đầu miễn',
  exemption_ended: 'Ngày thôi miễn',
  suspended: 'Ngày đình chỉ',
  suspension_ended: 'Ngày hết đình chỉ',
  lost_contact: 'Ngày mất liên lạc',
  contact_restored: 'Ngày liên lạc lại',
  deceased: 'Ngày từ trần',
  readmitted: 'Ngày quyết định kết nạp lại',
  expulsion_annulled: 'Ngày hủy quyết định khai trừ',
};

const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/iu;

/**
 * A pasted organisation id: the id itself or any text holding one (the address of the organisation's page,
 * `…/orgs/<id>?asOf=…`), reduced to the id; other text is left as typed so the form can say it is not an id.
 */
export function pastedOrgId(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  return UUID_IN_TEXT.exec(text)?.[0]?.toLowerCase() ?? text;
}

/** Whole days from one date to another ('YYYY-MM-DD', `to` exclusive): the length of a party-age gap. */
export function daysFromTo(from: string, to: string): number {
  if (!isIsoDate(from) || !isIsoDate(to)) return 0;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The last day of a gap whose `to` is the first day counted again. */
export function lastDayOf(toExclusive: string): string {
  return isIsoDate(toExclusive) ? addDays(toExclusive, -1) : toExclusive;
}
