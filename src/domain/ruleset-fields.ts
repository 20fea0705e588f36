/**
 * The figures of a rule set (domain.md §12) as a flat list of paths with their Vietnamese labels, and the comparison
 * of two versions. The server's preview of a new version and the web's form read the same list, so a figure added to
 * `RuleSet` is shown and compared everywhere once it has its label here.
 */
import type { RuleSet } from './rulesets.ts';

/** The part of a version an administrator changes: everything but its id, its date and its basis. */
export type RuleSetRules = Omit<RuleSet, 'id' | 'effectiveFrom' | 'basis'>;

/** Vietnamese label of each figure, by its dotted path in `RuleSetRules`, grouped as the web shows them. */
export const RULE_SET_FIELD_LABELS: Record<string, string> = {
  'orgSize.minOfficialMembers': 'Số đảng viên chính thức tối thiểu của tổ chức đảng, chi bộ',
  'orgSize.partyCommitteeThreshold': 'Số đảng viên để lập đảng bộ cơ sở',
  'orgSize.cellCommitteeThreshold': 'Số đảng viên chính thức để bầu chi ủy',
  'badges.milestones': 'Các mốc Huy hiệu Đảng (năm tuổi Đảng)',
  'badges.anniversaries': 'Các dịp trao Huy hiệu (tháng-ngày)',
  'badges.earlyForIllness': 'Xét tặng sớm khi ốm nặng (đến mốc … năm: sớm … tháng)',
  'badges.posthumousEarlyMonths': 'Truy tặng sớm tối đa (tháng)',
  'badges.disciplineDelayMonths.reprimand': 'Hoãn xét Huy hiệu sau khiển trách (tháng)',
  'badges.disciplineDelayMonths.warning': 'Hoãn xét Huy hiệu sau cảnh cáo (tháng)',
  'badges.disciplineDelayMonths.removal': 'Hoãn xét Huy hiệu sau cách chức (tháng)',
  'probation.months': 'Thời gian dự bị (tháng)',
  'probation.recognitionDueWorkingDays': 'Hạn xét công nhận chính thức sau khi hết dự bị (ngày làm việc)',
  'probation.recognitionVoteShare': 'Tỷ lệ tán thành khi xét công nhận chính thức',
  'probation.inconclusiveVotesToSuperior': 'Số lần xét không đạt tỷ lệ thì báo cáo cấp trên',
  'discipline.lapseMonths': 'Kỷ luật hết hiệu lực sau (tháng)',
  'discipline.complaintDays': 'Thời hạn khiếu nại kỷ luật (ngày)',
  'discipline.limitationYears.reprimand': 'Thời hiệu xử lý kỷ luật mức khiển trách (năm)',
  'discipline.limitationYears.warningOrRemoval': 'Thời hiệu xử lý kỷ luật mức cảnh cáo, cách chức (năm)',
  'transfer.startWithinWorkingDays': 'Hạn chuyển sinh hoạt chính thức sau quyết định (ngày làm việc)',
  'transfer.presentLetterWithinWorkingDays': 'Hạn nộp giấy giới thiệu sinh hoạt đảng (ngày làm việc)',
  'transfer.temporaryMinMonths': 'Sinh hoạt tạm thời: tối thiểu (tháng)',
  'transfer.temporaryMaxMonths': 'Sinh hoạt tạm thời: dưới (tháng)',
  'transfer.temporaryTrainingMaxMonths': 'Sinh hoạt tạm thời khi đi học tập trung: tối đa (tháng)',
  'fees.exemptFromPartyAgeYears': 'Miễn đảng phí từ tuổi Đảng (năm)',
  'admission.minAgeYears': 'Tuổi tối thiểu khi chi bộ xét kết nạp (đủ … tuổi)',
  'admission.maxAgeYears': 'Tuổi tối đa khi chi bộ xét kết nạp (đủ … tuổi)',
  'admission.courseCertificateValidMonths': 'Giấy chứng nhận bồi dưỡng nhận thức về Đảng có giá trị (tháng)',
  'admission.ceremonyWithinWorkingDays': 'Hạn tổ chức lễ kết nạp sau khi nhận quyết định (ngày làm việc)',
  'admission.backgroundFormWithinWorkingDays': 'Hạn khai lý lịch đảng viên sau lễ kết nạp (ngày làm việc)',
  'admission.readmissionAfterMonths': 'Kết nạp lại: sau khi ra khỏi Đảng ít nhất (tháng)',
  'admission.readmissionAfterCriminalRecordMonths': 'Kết nạp lại: sau khi được xóa án tích ít nhất (tháng)',
  'admission.introducerMonthsTogether': 'Người giới thiệu cùng công tác, học tập, cư trú ít nhất (tháng)',
  'admission.cellVoteShare': 'Tỷ lệ tán thành khi chi bộ xét kết nạp',
  'admission.committeeResolutionShare': 'Tỷ lệ cấp ủy viên tán thành nghị quyết kết nạp',
  'admission.qualifyingEducation': 'Trình độ giáo dục phổ thông đạt yêu cầu (mã danh mục)',
  'meetings.minMinutes': 'Thời gian sinh hoạt chi bộ tối thiểu (phút; 0: không quy định)',
  'meetings.minMinutesCombined': 'Thời gian tối thiểu khi kết hợp sinh hoạt thường kỳ và chuyên đề (phút; 0: không quy định)',
  'meetings.documentsDaysBefore': 'Gửi tài liệu cho đảng viên trước buổi sinh hoạt ít nhất (ngày; 0: không quy định)',
  'meetings.superiorInvited': 'Mời cấp ủy viên cấp trên phụ trách chi bộ dự (1: bắt buộc; 0: không quy định)',
  'meetings.regularPerMonth': 'Số buổi sinh hoạt thường kỳ mỗi tháng',
  'meetings.topicalPerQuarter': 'Số buổi sinh hoạt chuyên đề tối thiểu mỗi quý',
  'meetings.absenceMonthsInYear': 'Vắng sinh hoạt không có lý do chính đáng trong năm (tháng) thì đề nghị xóa tên',
  'congress.termYears': 'Nhiệm kỳ đại hội của tổ chức cơ sở đảng trở lên (năm)',
  'congress.cellCongressesPerTerm': 'Số lần đại hội chi bộ trực thuộc trong một nhiệm kỳ (2; thí điểm: 1)',
};

/** A figure that differs between two versions, with both values as the web shows them. */
export interface RuleSetChange {
  path: string;
  label: string;
  from: string;
  to: string;
}

/** The value of a figure for display: a share as 2/3, a list joined with commas. */
export function formatRuleValue(value: unknown): string {
  if (Array.isArray(value)) {
    return value
      .map((v) => {
        if (v && typeof v === 'object' && 'upToYears' in v && 'months' in v)
          return `đến ${(v as { upToYears: number }).upToYears} năm: ${(v as { months: number }).months} tháng`;
        return String(v);
      })
      .join(', ');
  }
  if (value && typeof value === 'object' && 'numerator' in value && 'denominator' in value) {
    const s = value as { numerator: number; denominator: number };
    return `${s.numerator}/${s.denominator}`;
  }
  return String(value);
}

/** JSON with the keys of every object sorted: the same figures compare equal whatever order they were stored in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The value at a dotted path. */
export function ruleValueAt(rules: RuleSetRules, path: string): unknown {
  let v: unknown = rules;
  for (const k of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** Every labelled figure whose value differs between `from` and `to`, in the order of the labels. */
export function ruleSetChanges(from: RuleSetRules, to: RuleSetRules): RuleSetChange[] {
  const out: RuleSetChange[] = [];
  for (const [path, label] of Object.entries(RULE_SET_FIELD_LABELS)) {
    const a = ruleValueAt(from, path);
    const b = ruleValueAt(to, path);
    if (canonical(a) !== canonical(b)) out.push({ path, label, from: formatRuleValue(a), to: formatRuleValue(b) });
  }
  return out;
}

/** The figures of a version, without its id, date and basis. */
export function rulesOf(set: RuleSet): RuleSetRules {
  const { id: _id, effectiveFrom: _from, basis: _basis, ...rules } = set;
  return rules;
}
