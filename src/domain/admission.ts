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
 * - "≥ 2/3" is exact rational arithmetic: 6 of 9 passes, 5 of 8 (62.5%) fails; no rounding of the threshold. The
 *   shares, the introducers' months, the inconclusive votes and the qualifying education levels are the rule set's.
 * - Age needs the date of birth: without it, or from a year alone when the day would change the answer, the check
 *   fails and says so (not overridable); a year alone decides when every day of it gives the same answer.
 * - A recognition vote after the 30 working days is a failed check (late), which an override with its reason lets
 *   through; the official date stays the end of the 12 months.
 * - The member background form (step 10) is due `backgroundFormWithinWorkingDays` working days after the ceremony:
 *   declared on the last of them is on time, one working day later is recorded with a "late" flag (never refused).
 */
import type { IsoDate } from './dates.ts';
import { formatVnDate } from './dates.ts';
import { TERMINAL_STATUSES, addMonths, readmissionFailures, type ReadmissionCase } from './member-status.ts';
import { leastReaching, reachesShare, type RuleSet, type Share } from './rulesets.ts';

export interface CheckFailure {
  code: AdmissionCheckCode;
  message: string;
}

export type AdmissionCheckCode =
  | 'age_unknown'
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
export const NOT_OVERRIDABLE: readonly AdmissionCheckCode[] = [
  'age_unknown',
  'recognition_too_early',
  'ceremony_before_decision',
  'readmission_not_allowed',
  'readmission_twice',
];

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

/**
 * Age in full months on a date from a full date of birth. A birth known only by its year has no single age: see
 * `ageRangeInMonths`.
 */
export function ageInMonths(birth: { birthDate?: IsoDate | null; birthYear?: number | null }, on: IsoDate): number | null {
  return birth.birthDate ? fullMonthsBetween(birth.birthDate, on) : null;
}

/**
 * The ages in full months a person can have on a date: one value from a full date of birth; from a year alone, from
 * the age of someone born on 31 December (youngest) to that of someone born on 1 January (oldest); null when neither
 * is known.
 */
export function ageRangeInMonths(birth: { birthDate?: IsoDate | null; birthYear?: number | null }, on: IsoDate): { youngest: number; oldest: number } | null {
  if (birth.birthDate) {
    const m = fullMonthsBetween(birth.birthDate, on);
    return { youngest: m, oldest: m };
  }
  if (!birth.birthYear) return null;
  const y = String(birth.birthYear).padStart(4, '0');
  return { youngest: fullMonthsBetween(`${y}-12-31`, on), oldest: fullMonthsBetween(`${y}-01-01`, on) };
}

const yearsMonths = (months: number) => `${Math.floor(months / 12)} tuổi${months % 12 ? ` ${months % 12} tháng` : ''}`;

// ---------------------------------------------------------------------------------------------------------------
// Eligibility at the cell's vote

/**
 * Age from full 18 to full 60 on the cell's vote date; over 60 passes only with the province committee's decision.
 * Without a date of birth the check fails (`age_unknown`, not overridable: the date is recorded on the candidate).
 * A birth known only by its year decides only when every day of that year gives the same answer; otherwise the check
 * asks for the full date (also `age_unknown`) rather than guess a day.
 */
export function checkAge(
  birth: { birthDate?: IsoDate | null; birthYear?: number | null },
  voteOn: IsoDate,
  rules: RuleSet,
  provinceDecision?: { decisionNo: string } | null,
): CheckFailure | null {
  const range = ageRangeInMonths(birth, voteOn);
  const { minAgeYears, maxAgeYears } = rules.admission;
  if (!range)
    return {
      code: 'age_unknown',
      message: `Chưa có ngày sinh của người vào Đảng: cần ngày, tháng, năm sinh để xét tuổi (từ đủ ${minAgeYears} đến đủ ${maxAgeYears} tuổi).`,
    };
  const tooYoung = (m: number) => m < minAgeYears * 12;
  const tooOld = (m: number) => m > maxAgeYears * 12 && !provinceDecision;
  const verdict = (m: number) => (tooYoung(m) ? 'age_min' : tooOld(m) ? 'age_max' : null);
  if (verdict(range.youngest) !== verdict(range.oldest)) {
    return {
      code: 'age_unknown',
      message: `Chỉ biết năm sinh ${birth.birthYear}: vào ngày chi bộ xét kết nạp ${vn(voteOn)} người vào Đảng có thể chưa đủ ${minAgeYears} hoặc đã quá ${maxAgeYears} tuổi tùy ngày sinh, cần ghi đủ ngày, tháng, năm sinh.`,
    };
  }
  const months = range.oldest;
  const shown = range.youngest === range.oldest ? yearsMonths(months) : `sinh năm ${birth.birthYear}`;
  if (tooYoung(months)) {
    return {
      code: 'age_min',
      message: `Người vào Đảng chưa đủ ${minAgeYears} tuổi (tính theo tháng) vào ngày chi bộ xét kết nạp ${vn(voteOn)}: mới ${shown}.`,
    };
  }
  if (tooOld(range.youngest)) {
    return {
      code: 'age_max',
      message: `Người vào Đảng đã quá ${maxAgeYears} tuổi (${shown} vào ngày ${vn(voteOn)}): cần có quyết định của tỉnh ủy (thành ủy).`,
    };
  }
  return null;
}

/**
 * Lower-secondary diploma or higher (the codes of `admission.qualifyingEducation`), except in the listed difficult
 * areas (recorded as an exception).
 */
export function checkEducation(generalEducation: string | null | undefined, difficultAreaException: boolean, rules: RuleSet): CheckFailure | null {
  if (difficultAreaException) return null;
  if (generalEducation && rules.admission.qualifyingEducation.includes(generalEducation)) return null;
  return { code: 'education', message: 'Người vào Đảng chưa có bằng tốt nghiệp trung học cơ sở trở lên (trừ vùng khó khăn theo quy định).' };
}

/** The awareness-course certificate is valid `courseCertificateValidMonths` at the cell's vote: exactly the limit passes. */
export function checkCertificate(issuedOn: IsoDate | null | undefined, voteOn: IsoDate, rules: RuleSet): CheckFailure | null {
  const limit = rules.admission.courseCertificateValidMonths;
  if (!issuedOn) return { code: 'certificate_missing', message: 'Chưa có giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng.' };
  if (voteOn > addMonths(issuedOn, limit)) {
    return {
      code: 'certificate_expired',
      message: `Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng đã quá ${limit} tháng (cấp ngày ${vn(issuedOn)}, chi bộ xét ngày ${vn(voteOn)}).`,
    };
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
 * Two official members with `introducerMonthsTogether` (12) months together, or (Youth Union route) the union's
 * grassroots committee resolution plus one official member with as many months together.
 */
export function checkIntroducers(
  route: IntroductionRoute,
  introducers: readonly Introducer[],
  on: IsoDate,
  rules: RuleSet,
  youthUnionResolutionOn?: IsoDate | null,
): CheckFailure[] {
  const months = rules.admission.introducerMonthsTogether;
  const failures: CheckFailure[] = [];
  const needed = route === 'members' ? 2 : 1;
  if (new Set(introducers.map((i) => i.memberId)).size !== needed) {
    failures.push({
      code: 'introducer_count',
      message:
        route === 'members'
          ? 'Cần đúng hai đảng viên chính thức giới thiệu người vào Đảng.'
          : 'Đoàn viên được giới thiệu bởi nghị quyết của ban chấp hành đoàn cơ sở và một đảng viên chính thức.',
    });
  }
  if (route === 'youth_union' && !youthUnionResolutionOn) {
    failures.push({ code: 'youth_union_resolution', message: 'Chưa có nghị quyết giới thiệu của ban chấp hành đoàn cơ sở.' });
  }
  for (const i of introducers) {
    if (!i.officialOnDate)
      failures.push({ code: 'introducer_not_official', message: `Người giới thiệu chưa là đảng viên chính thức vào ngày ${vn(on)}: ${i.name}.` });
    if (i.monthsTogether < months) {
      failures.push({
        code: 'introducer_months_together',
        message: `Người giới thiệu ${i.name} chưa cùng công tác, học tập hoặc cư trú với người vào Đảng đủ ${months} tháng.`,
      });
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
 * Every official member on the cell's roll on the vote date (whatever his status: in transit, out of contact and
 * exempt members count too) minus the exclusions of §6, each listed with its reason: temporary transfer elsewhere,
 * exempt and absent, suspended (from the member file); prosecuted or detained, and absent for the whole session with
 * an approved reason (declared with the vote). `members` is the roll on the date: those who left the Party are not on it.
 */
export function voteDenominator(
  members: readonly CellMemberOnDate[],
  declared: { absentWithReason?: readonly string[]; absent?: readonly string[]; prosecuted?: readonly string[] },
): Denominator {
  const official = members.filter((m) => m.official && !(TERMINAL_STATUSES as readonly string[]).includes(m.status));
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

const shareText = (s: Share) => `${s.numerator}/${s.denominator}`;

/** The cell's vote: at least `admission.cellVoteShare` (2/3, exactly: 6 of 9 passes, 5 of 8 does not) of the denominator. */
export function checkCellVote(inFavour: number, d: Denominator, rules: RuleSet): CheckFailure | null {
  const share = rules.admission.cellVoteShare;
  if (reachesShare(inFavour, d.denominator, share)) return null;
  return {
    code: 'cell_vote_two_thirds',
    message: `Số phiếu tán thành chưa đạt ${shareText(share)} số đảng viên chính thức: ${inFavour}/${d.denominator} (cần ít nhất ${leastReaching(d.denominator, share)}).`,
  };
}

/** The grassroots committee's resolution: at least `admission.committeeResolutionShare` (2/3) of its committee members. */
export function checkGrassrootsResolution(inFavour: number, committeeSize: number, rules: RuleSet): CheckFailure | null {
  const share = rules.admission.committeeResolutionShare;
  if (reachesShare(inFavour, committeeSize, share)) return null;
  return {
    code: 'grassroots_two_thirds',
    message: `Số cấp ủy viên tán thành chưa đạt ${shareText(share)} số cấp ủy viên: ${inFavour}/${committeeSize} (cần ít nhất ${leastReaching(committeeSize, share)}).`,
  };
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
export function checkCeremony(
  ceremonyOn: IsoDate,
  decision: { decisionDate: IsoDate; receivedOn: IsoDate },
  cal: WorkingDays,
  rules: RuleSet,
  superiorConsent?: { decisionNo: string } | null,
): CheckFailure | null {
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
    return {
      code: 'recognition_too_early',
      message: `Chưa hết ${rules.probation.months} tháng dự bị: chi bộ chỉ xét công nhận đảng viên chính thức từ ngày ${vn(w.notBefore)}.`,
    };
  }
  if (voteOn > w.dueBy) {
    return {
      code: 'recognition_late',
      message: `Chi bộ xét công nhận chính thức quá ${rules.probation.recognitionDueWorkingDays} ngày làm việc sau khi hết thời hạn dự bị (hạn ${vn(w.dueBy)}).`,
    };
  }
  return null;
}

export type RecognitionOutcome = 'recognized' | 'strike_off_proposed' | 'inconclusive';

/** One recognition vote: `probation.recognitionVoteShare` (2/3) for recognition, as much for striking the name, or neither. */
export function recognitionOutcome(forRecognition: number, forStrikingOff: number, denominator: number, rules: RuleSet): RecognitionOutcome {
  const share = rules.probation.recognitionVoteShare;
  if (reachesShare(forRecognition, denominator, share)) return 'recognized';
  if (reachesShare(forStrikingOff, denominator, share)) return 'strike_off_proposed';
  return 'inconclusive';
}

/** After `probation.inconclusiveVotesToSuperior` (3) inconclusive recognition votes the case goes up to the superior. */
export function referToSuperior(outcomes: readonly RecognitionOutcome[], rules: RuleSet): boolean {
  return outcomes.filter((o) => o === 'inconclusive').length >= rules.probation.inconclusiveVotesToSuperior;
}

// ---------------------------------------------------------------------------------------------------------------
// Readmission

/** A former member's case (member-status.ts `ReadmissionCase`). */
export type FormerMembership = ReadmissionCase;

/**
 * Readmission at the cell's vote: `readmissionFailures` of member-status.ts, the one function the member file's
 * `readmitted` event uses too (only once; 36 months after leaving and, after a conviction, also 60 months after the
 * record was cleared; never for the barred causes). Empty when allowed.
 */
export function checkReadmission(former: FormerMembership, voteOn: IsoDate, rules: RuleSet): CheckFailure[] {
  return readmissionFailures(former, voteOn, rules);
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
