/**
 * Admission (kết nạp) and probation (dự bị), domain.md §6: the statutory checks of each step, as pure functions of
 * dates, counts and the rule set in force. Each check answers `null` when it passes, else a failure naming the rule
 * (a stable `code` for overrides and tests, a Vietnamese `message` for the user).
 *
 * Choices where domain.md leaves room (also in docs/architecture.md, "Admissions"):
 * - Ages and certificate validity are counted in whole calendar months with the month-end rule of `addMonths`
 *   (the Civil Code's). "From full 18 to full 60": a candidate passes from the day he turns 18 (17 years 11 months
 *   fails) up to the last day of his 60th year of age in full months (60 years and 0 months, plus days, passes;
 *   60 years 1 month needs the province committee's decision).
 * - The certificate is "valid 60 months at the cell's vote": a vote exactly 60 months after the issue date passes,
 *   one day later fails ("đã quá 60 tháng").
 * - "≥ 2/3" is exact rational arithmetic: 6 of 9 passes, 5 of 8 (62.5%) fails; no rounding of the threshold.
 * - A recognition vote after the 30 working days is a failed check (late), which an override with its reason lets
 *   through; the official date stays the end of the 12 months.
 * - The member background form (step 10) is due `backgroundFormWithinWorkingDays` working days after the ceremony:
 *   declared on the last of them is on time, one working day later is recorded with a "late" flag (never refused).
 */
import type { IsoDate } from './dates.ts';
import { formatVnDate } from './dates.ts';
import { addMonths } from './member-status.ts';
import type { RuleSet } from './rulesets.ts';

export interface CheckFailure {
  code: AdmissionCheckCode;
  message: string;
}

export type AdmissionCheckCode =
  | 'age_min'
  | 'age_max'
  | 'education'
  | 'certificate_missing'
  | 'certificate_expired'
  | 'introducer_not_official'
  | 'introducer_count'
  | 'introducer_months_together'
  | 'youth_union_resolution'
  | 'cell_vote_two_thirds'
  | 'grassroots_two_thirds'
  | 'ceremony_before_decision'
  | 'ceremony_late'
  | 'recognition_too_early'
  | 'recognition_late'
  | 'readmission_not_allowed'
  | 'readmission_too_early'
  | 'readmission_twice';

/**
 * Checks no override lets through: the recognition can never come before the end of probation, the ceremony never
 * before the decision, and readmission is barred outright for the causes of §6 and after a first readmission.
 */
export const NOT_OVERRIDABLE: readonly AdmissionCheckCode[] = ['recognition_too_early', 'ceremony_before_decision', 'readmission_not_allowed', 'readmission_twice'];

const vn = formatVnDate;

// ---------------------------------------------------------------------------------------------------------------
// Months

/** Whole calendar months from `from` to `on` (the month-end rule of addMonths): 17 years 11 months 30 days is 215. */
export function fullMonthsBetween(from: IsoDate, on: IsoDate): number {
  if (on < from) return -fullMonthsBetween(on, from);
  let months = (Number(on.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + (Number(on.slice(5, 7)) - Number(from.slice(5, 7)));
  while (months > 0 && addMonths(from, months) > on) months--;
  return months;
}

/** Age in full months on a date; a year-only birth counts from 1 January (the most favourable reading is not taken). */
export function ageInMonths(birth: { birthDate?: IsoDate | null; birthYear?: number | null }, on: IsoDate): number | null {
  const b = birth.birthDate ?? (birth.birthYear ? `${birth.birthYear}-01-01` : null);
  return b ? fullMonthsBetween(b, on) : null;
}

const yearsMonths = (months: number) => `${Math.floor(months / 12)} tuổi${months % 12 ? ` ${months % 12} tháng` : ''}`;

// ---------------------------------------------------------------------------------------------------------------
// Eligibility at the cell's vote

/** Age from full 18 to full 60 on the cell's vote date; over 60 passes only with the province committee's decision. */
export function checkAge(birth: { birthDate?: IsoDate | null; birthYear?: number | null }, voteOn: IsoDate, rules: RuleSet, provinceDecision?: { decisionNo: string } | null): CheckFailure | null {
  const months = ageInMonths(birth, voteOn);
  if (months === null) return null;
  const { minAgeYears, maxAgeYears } = rules.admission;
  if (months < minAgeYears * 12) {
    return { code: 'age_min', message: `Người vào Đảng chưa đủ ${minAgeYears} tuổi (tính theo tháng) vào ngày chi bộ xét kết nạp ${vn(voteOn)}: mới ${yearsMonths(months)}.` };
  }
  if (months > maxAgeYears * 12 && !provinceDecision) {
    return { code: 'age_max', message: `Người vào Đảng đã quá ${maxAgeYears} tuổi (${yearsMonths(months)} vào ngày ${vn(voteOn)}): cần có quyết định của tỉnh ủy (thành ủy).` };
  }
  return null;
}

/** Codes of general education at lower secondary or higher (catalogue `general_education`). */
export const LOWER_SECONDARY_OR_HIGHER: readonly string[] = ['thcs', 'thpt'];

/** Lower-secondary diploma or higher, except in the listed difficult areas (recorded as an exception). */
export function checkEducation(generalEducation: string | null | undefined, difficultAreaException: boolean): CheckFailure | null {
  if (difficultAreaException) return null;
  if (generalEducation && LOWER_SECONDARY_OR_HIGHER.includes(generalEducation)) return null;
  return { code: 'education', message: 'Người vào Đảng chưa có bằng tốt nghiệp trung học cơ sở trở lên (trừ vùng khó khăn theo quy định).' };
}

/** The awareness-course certificate is valid `courseCertificateValidMonths` at the cell's vote: exactly the limit passes. */
export function checkCertificate(issuedOn: IsoDate | null | undefined, voteOn: IsoDate, rules: RuleSet): CheckFailure | null {
  const limit = rules.admission.courseCertificateValidMonths;
  if (!issuedOn) return { code: 'certificate_missing', message: 'Chưa có giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng.' };
  if (voteOn > addMonths(issuedOn, limit)) {
    return { code: 'certificate_expired', message: `Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng đã quá ${limit} tháng (cấp ngày ${vn(issuedOn)}, chi bộ xét ngày ${vn(voteOn)}).` };
  }
  return null;
}

/** The last vote date on which a certificate is still valid. */
export function certificateValidUntil(issuedOn: IsoDate, rules: RuleSet): IsoDate {
  return addMonths(issuedOn, rules.admission.courseCertificateValidMonths);
}

// ---------------------------------------------------------------------------------------------------------------
// Introducers

export interface Introducer {
  memberId: string;
  name: string;
  /** Official member (đảng viên chính thức) on the date checked, from the member file. */
  officialOnDate: boolean;
  /** Months of working, studying or living in the same area with the candidate, as declared. */
  monthsTogether: number;
}

export type IntroductionRoute = 'members' | 'youth_union';

/**
 * Two official members with 12 months together, or (Youth Union route) the union's grassroots committee resolution plus
 * one official member with 12 months together.
 */
export function checkIntroducers(route: IntroductionRoute, introducers: readonly Introducer[], on: IsoDate, youthUnionResolutionOn?: IsoDate | null): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const needed = route === 'members' ? 2 : 1;
  if (new Set(introducers.map((i) => i.memberId)).size !== needed) {
    failures.push({
      code: 'introducer_count',
      message: route === 'members' ? 'Cần đúng hai đảng viên chính thức giới thiệu người vào Đảng.' : 'Đoàn viên được giới thiệu bởi nghị quyết của ban chấp hành đoàn cơ sở và một đảng viên chính thức.',
    });
  }
  if (route === 'youth_union' && !youthUnionResolutionOn) {
    failures.push({ code: 'youth_union_resolution', message: 'Chưa có nghị quyết giới thiệu của ban chấp hành đoàn cơ sở.' });
  }
  for (const i of introducers) {
    if (!i.officialOnDate) failures.push({ code: 'introducer_not_official', message: `Người giới thiệu chưa là đảng viên chính thức vào ngày ${vn(on)}: ${i.name}.` });
    if (i.monthsTogether < 12) {
      failures.push({ code: 'introducer_months_together', message: `Người giới thiệu ${i.name} chưa cùng công tác, học tập hoặc cư trú với người vào Đảng đủ 12 tháng.` });
    }
  }
  return failures;
}

// ---------------------------------------------------------------------------------------------------------------
// Votes

/** Why an official member does not count in the denominator of a cell vote (domain.md §6). */
export type VoteExclusion = 'temporarily_away' | 'exempt_absent' | 'suspended' | 'prosecuted' | 'absent_with_reason';

export const VOTE_EXCLUSION_LABELS: Record<VoteExclusion, string> = {
  temporarily_away: 'sinh hoạt tạm thời nơi khác',
  exempt_absent: 'miễn sinh hoạt và vắng mặt',
  suspended: 'đình chỉ sinh hoạt',
  prosecuted: 'bị truy tố, tạm giam',
  absent_with_reason: 'vắng mặt cả buổi có lý do được chấp thuận',
};

export interface CellMemberOnDate {
  memberId: string;
  name: string;
  /** Status on the vote date (member-status.ts). */
  status: string;
  official: boolean;
}

export interface Denominator {
  officialMembers: number;
  excluded: { memberId: string; name: string; reason: VoteExclusion; label: string }[];
  denominator: number;
}

/**
 * The official members of the cell on the vote date minus the exclusions: temporary transfer elsewhere, exempt and
 * absent, suspended (from the member file); prosecuted or detained, and absent for the whole session with an
 * approved reason (declared with the vote).
 */
export function voteDenominator(members: readonly CellMemberOnDate[], declared: { absentWithReason?: readonly string[]; absent?: readonly string[]; prosecuted?: readonly string[] }): Denominator {
  const official = members.filter((m) => m.official && ['active', 'exempt', 'temporarily_away', 'suspended'].includes(m.status));
  const absent = new Set([...(declared.absent ?? []), ...(declared.absentWithReason ?? [])]);
  const withReason = new Set(declared.absentWithReason ?? []);
  const prosecuted = new Set(declared.prosecuted ?? []);
  const excluded: Denominator['excluded'] = [];
  for (const m of official) {
    const reason: VoteExclusion | null =
      m.status === 'temporarily_away'
        ? 'temporarily_away'
        : m.status === 'suspended'
          ? 'suspended'
          : prosecuted.has(m.memberId)
            ? 'prosecuted'
            : m.status === 'exempt' && absent.has(m.memberId)
              ? 'exempt_absent'
              : withReason.has(m.memberId)
                ? 'absent_with_reason'
                : null;
    if (reason) excluded.push({ memberId: m.memberId, name: m.name, reason, label: VOTE_EXCLUSION_LABELS[reason] });
  }
  return { officialMembers: official.length, excluded, denominator: official.length - excluded.length };
}

/** At least two thirds, exactly: 3 × in favour ≥ 2 × denominator (6 of 9 passes, 5 of 8 does not). */
export function reachesTwoThirds(inFavour: number, denominator: number): boolean {
  return denominator > 0 && inFavour * 3 >= denominator * 2;
}

export function checkCellVote(inFavour: number, d: Denominator): CheckFailure | null {
  if (reachesTwoThirds(inFavour, d.denominator)) return null;
  return { code: 'cell_vote_two_thirds', message: `Số phiếu tán thành chưa đạt 2/3 số đảng viên chính thức: ${inFavour}/${d.denominator} (cần ít nhất ${Math.ceil((d.denominator * 2) / 3)}).` };
}

/** The grassroots committee's resolution: ≥ 2/3 of its committee members. */
export function checkGrassrootsResolution(inFavour: number, committeeSize: number): CheckFailure | null {
  if (reachesTwoThirds(inFavour, committeeSize)) return null;
  return { code: 'grassroots_two_thirds', message: `Số cấp ủy viên tán thành chưa đạt 2/3 số cấp ủy viên: ${inFavour}/${committeeSize} (cần ít nhất ${Math.ceil((committeeSize * 2) / 3)}).` };
}

// ---------------------------------------------------------------------------------------------------------------
// Ceremony, probation and recognition

export interface WorkingDays {
  addWorkingDays(d: IsoDate, n: number): IsoDate;
}

/** The last day for the ceremony: `ceremonyWithinWorkingDays` working days after the decision was received. */
export function ceremonyDeadline(decisionReceivedOn: IsoDate, cal: WorkingDays, rules: RuleSet): IsoDate {
  return cal.addWorkingDays(decisionReceivedOn, rules.admission.ceremonyWithinWorkingDays);
}

/** The ceremony after the decision and within the working days of receiving it; later needs the superior's consent. */
export function checkCeremony(ceremonyOn: IsoDate, decision: { decisionDate: IsoDate; receivedOn: IsoDate }, cal: WorkingDays, rules: RuleSet, superiorConsent?: { decisionNo: string } | null): CheckFailure | null {
  if (ceremonyOn < decision.decisionDate) return { code: 'ceremony_before_decision', message: 'Ngày lễ kết nạp không được trước ngày quyết định kết nạp.' };
  const deadline = ceremonyDeadline(decision.receivedOn, cal, rules);
  if (ceremonyOn > deadline && !superiorConsent) {
    return {
      code: 'ceremony_late',
      message: `Lễ kết nạp quá ${rules.admission.ceremonyWithinWorkingDays} ngày làm việc kể từ ngày nhận quyết định (hạn ${vn(deadline)}): cần có ý kiến đồng ý của cấp ủy cấp trên.`,
    };
  }
  return null;
}

/** Probation ends (and the official date is) exactly `probation.months` after the ceremony. */
export function probationEnd(ceremonyOn: IsoDate, rules: RuleSet): IsoDate {
  return addMonths(ceremonyOn, rules.probation.months);
}

/** The recognition vote: not before the end of probation, due within the working days after it. */
export function recognitionWindow(ceremonyOn: IsoDate, cal: WorkingDays, rules: RuleSet): { notBefore: IsoDate; dueBy: IsoDate } {
  const end = probationEnd(ceremonyOn, rules);
  return { notBefore: end, dueBy: cal.addWorkingDays(end, rules.probation.recognitionDueWorkingDays) };
}

/**
 * The last day to declare the member background form (lý lịch đảng viên, step 10 of §6): `backgroundFormWithinWorkingDays`
 * working days after the ceremony, on the same working calendar as the ceremony deadline.
 */
export function memberFormDeadline(ceremonyOn: IsoDate, cal: WorkingDays, rules: RuleSet): IsoDate {
  return cal.addWorkingDays(ceremonyOn, rules.admission.backgroundFormWithinWorkingDays);
}

/**
 * The member form declared on `declaredOn`: on time up to and including the deadline, late after it. A late form is
 * recorded with the flag, never refused; it does not hold up the recognition vote.
 */
export function memberFormTiming(declaredOn: IsoDate, ceremonyOn: IsoDate, cal: WorkingDays, rules: RuleSet): { dueOn: IsoDate; late: boolean } {
  const dueOn = memberFormDeadline(ceremonyOn, cal, rules);
  return { dueOn, late: declaredOn > dueOn };
}

export function checkRecognitionVote(voteOn: IsoDate, ceremonyOn: IsoDate, cal: WorkingDays, rules: RuleSet): CheckFailure | null {
  const w = recognitionWindow(ceremonyOn, cal, rules);
  if (voteOn < w.notBefore) {
    return { code: 'recognition_too_early', message: `Chưa hết ${rules.probation.months} tháng dự bị: chi bộ chỉ xét công nhận đảng viên chính thức từ ngày ${vn(w.notBefore)}.` };
  }
  if (voteOn > w.dueBy) {
    return { code: 'recognition_late', message: `Chi bộ xét công nhận chính thức quá ${rules.probation.recognitionDueWorkingDays} ngày làm việc sau khi hết thời hạn dự bị (hạn ${vn(w.dueBy)}).` };
  }
  return null;
}

export type RecognitionOutcome = 'recognized' | 'strike_off_proposed' | 'inconclusive';

/** One recognition vote: ≥ 2/3 for recognition, ≥ 2/3 for striking the name, or neither. */
export function recognitionOutcome(forRecognition: number, forStrikingOff: number, denominator: number): RecognitionOutcome {
  if (reachesTwoThirds(forRecognition, denominator)) return 'recognized';
  if (reachesTwoThirds(forStrikingOff, denominator)) return 'strike_off_proposed';
  return 'inconclusive';
}

/** After this many inconclusive recognition votes the case goes up to the superior. */
export const INCONCLUSIVE_VOTES_TO_SUPERIOR = 3;

export function referToSuperior(outcomes: readonly RecognitionOutcome[]): boolean {
  return outcomes.filter((o) => o === 'inconclusive').length >= INCONCLUSIVE_VOTES_TO_SUPERIOR;
}

// ---------------------------------------------------------------------------------------------------------------
// Readmission

export interface FormerMembership {
  /** Date the member left the Party (struck off, allowed to leave, expelled). */
  leftOn: IsoDate;
  /** Left by abandoning activity, resigning, corruption or serious crime: never readmitted. */
  noReadmission: boolean;
  /** Readmitted once already. */
  readmittedBefore: boolean;
  criminalRecordClearedOn?: IsoDate | null;
}

/** Only once; at least 36 months after leaving (60 after a criminal record is cleared); never for the excluded causes. */
export function checkReadmission(former: FormerMembership, voteOn: IsoDate, rules: RuleSet): CheckFailure | null {
  if (former.noReadmission) return { code: 'readmission_not_allowed', message: 'Người đã ra khỏi Đảng vì bỏ sinh hoạt, xin ra, tham nhũng hoặc phạm tội nghiêm trọng không được kết nạp lại.' };
  if (former.readmittedBefore) return { code: 'readmission_twice', message: 'Chỉ được xem xét kết nạp lại một lần.' };
  const after = former.criminalRecordClearedOn
    ? addMonths(former.criminalRecordClearedOn, rules.admission.readmissionAfterCriminalRecordMonths)
    : addMonths(former.leftOn, rules.admission.readmissionAfterMonths);
  if (voteOn < after) {
    const months = former.criminalRecordClearedOn ? rules.admission.readmissionAfterCriminalRecordMonths : rules.admission.readmissionAfterMonths;
    return {
      code: 'readmission_too_early',
      message: `Chưa đủ ${months} tháng kể từ ${former.criminalRecordClearedOn ? 'ngày được xóa án tích' : 'ngày ra khỏi Đảng'}: được xét kết nạp lại từ ngày ${vn(after)}.`,
    };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Steps

/** The steps of §6 in the order the system records them. `listed` is the dossier's opening. */
export const ADMISSION_STEPS = [
  'course',
  'application',
  'verification',
  'introduction',
  'comments',
  'cell_vote',
  'grassroots_resolution',
  'decision',
  'ceremony',
  'recognition_vote',
] as const;

/**
 * The member background form (step 10 of §6): recorded any time after the ceremony, outside the sequence above, so
 * it neither changes the dossier's stage nor is needed before the recognition vote.
 */
export const MEMBER_FORM_STEP = 'member_form' as const;

export type AdmissionSequenceStep = (typeof ADMISSION_STEPS)[number];
export type AdmissionStepKind = AdmissionSequenceStep | typeof MEMBER_FORM_STEP;

export const STEP_LABELS: Record<AdmissionStepKind, string> = {
  course: 'Học lớp bồi dưỡng nhận thức về Đảng',
  application: 'Đơn xin vào Đảng và lý lịch',
  verification: 'Thẩm tra lý lịch',
  introduction: 'Người giới thiệu',
  comments: 'Nhận xét của đoàn thể và chi ủy nơi cư trú',
  cell_vote: 'Chi bộ xét, biểu quyết',
  grassroots_resolution: 'Nghị quyết của đảng ủy cơ sở',
  decision: 'Quyết định kết nạp',
  ceremony: 'Lễ kết nạp',
  member_form: 'Khai lý lịch đảng viên',
  recognition_vote: 'Xét công nhận đảng viên chính thức',
};

/** The stage a dossier is at, for the pipeline board: the last step recorded (or 'listed'). */
export type AdmissionStage = 'listed' | AdmissionSequenceStep | 'official' | 'strike_off_proposed' | 'referred_to_superior';

const { member_form: _memberForm, ...SEQUENCE_LABELS } = STEP_LABELS;

export const STAGE_LABELS: Record<AdmissionStage, string> = {
  listed: 'Cảm tình Đảng',
  ...SEQUENCE_LABELS,
  ceremony: 'Đảng viên dự bị',
  official: 'Đã công nhận chính thức',
  strike_off_proposed: 'Đề nghị xóa tên',
  referred_to_superior: 'Báo cáo cấp trên',
};

/** The step that must come before `kind`, or null for the first; the member form comes after the ceremony. */
export function previousStep(kind: AdmissionStepKind): AdmissionStepKind | null {
  if (kind === MEMBER_FORM_STEP) return 'ceremony';
  const i = ADMISSION_STEPS.indexOf(kind);
  return i > 0 ? ADMISSION_STEPS[i - 1]! : null;
}
