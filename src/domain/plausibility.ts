/**
 * Plausibility of the dates of a member file and of its life events (issue 10 item 4, domain.md §4, §6). The server
 * refuses what these functions report; the web runs the same functions on the form's values and shows the messages
 * before the user saves, so the two never disagree.
 *
 * Rules encoded here:
 * - A life event records something that has happened: its date (and the dates it carries: ceremony, official date,
 *   decision, criminal record cleared, the decision that moved the member) may not lie after today. The only future
 *   date an event allows is the planned end (`until`) of a temporary transfer. (The member's status and roll are
 *   derived on the day an event is recorded; an event dated ahead would take effect with no one recording it.)
 * - The member file's dates (birth, admission, official date, ceremony, card issue, Youth Union) may not lie after
 *   today.
 * - §6: an admission needs the age rules in force on its date: full `admission.minAgeYears` (18) at the admission
 *   decision, counted in calendar months with the month-end rule. A birth known only by its year counts from
 *   1 January (the oldest the person can be), so a legacy record is refused only when it is certainly under age.
 *   (The upper limit is not checked here: over 60 is allowed with the province committee's decision, which a member
 *   recorded after the fact does not carry.)
 */
import { formatVnDate, isIsoDate, type IsoDate } from './dates.ts';
import { EVENT_LABELS } from './member-event-labels.ts';
import { addMonths } from './member-status.ts';
import { ruleSetOn, type RuleSet } from './rulesets.ts';

/** One refusal: the field it is about and a Vietnamese message naming it. */
export interface PlausibilityProblem {
  field: string;
  message: string;
}

/** The member file's dates as users read their names. */
export const MEMBER_DATE_LABELS = {
  birthDate: 'Ngày sinh',
  admittedOn: 'Ngày vào Đảng',
  officialOn: 'Ngày chính thức',
  ceremonyOn: 'Ngày lễ kết nạp',
  cardIssuedOn: 'Ngày cấp thẻ đảng viên',
  youthUnionOn: 'Ngày vào Đoàn',
} as const;

type MemberDateField = keyof typeof MEMBER_DATE_LABELS;

const vn = formatVnDate;

/** Whole calendar months from `from` to `on`, with the month-end rule (17 years 11 months 30 days is 215). */
function fullMonths(from: IsoDate, on: IsoDate): number {
  let months = (Number(on.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + (Number(on.slice(5, 7)) - Number(from.slice(5, 7)));
  while (months > 0 && addMonths(from, months) > on) months--;
  return months;
}

const yearsMonths = (months: number) => `${Math.floor(months / 12)} tuổi${months % 12 ? ` ${months % 12} tháng` : ''}`;

function futureProblem(field: string, label: string, date: unknown, today: IsoDate): PlausibilityProblem | null {
  if (typeof date !== 'string' || !isIsoDate(date) || date <= today) return null;
  return { field, message: `${label} (${vn(date)}) sau ngày hôm nay (${vn(today)}): chỉ ghi nhận điều đã xảy ra.` };
}

/**
 * The admission age rule of the admission's date (§6): null when it holds or cannot be told (no birth known).
 * `field` is the field the refusal names (the admission date on a new file, the birth date when it is corrected).
 */
export function admissionAgeProblem(
  birth: { birthDate?: unknown; birthYear?: unknown },
  admittedOn: IsoDate,
  field = 'admittedOn',
  rules: RuleSet = ruleSetOn(admittedOn),
): PlausibilityProblem | null {
  const birthDate = typeof birth.birthDate === 'string' && isIsoDate(birth.birthDate) ? birth.birthDate : null;
  const birthYear = typeof birth.birthYear === 'number' && Number.isInteger(birth.birthYear) ? birth.birthYear : null;
  const from = birthDate ?? (birthYear !== null ? `${String(birthYear).padStart(4, '0')}-01-01` : null);
  if (!from || !isIsoDate(admittedOn)) return null;
  const min = rules.admission.minAgeYears;
  const born = birthDate ? `sinh ngày ${vn(birthDate)}` : `sinh năm ${birthYear}`;
  if (admittedOn <= from) {
    return { field, message: `${MEMBER_DATE_LABELS.admittedOn} (${vn(admittedOn)}) phải sau ngày sinh (${born}).` };
  }
  const months = fullMonths(from, admittedOn);
  if (months >= min * 12) return null;
  return {
    field,
    message: `${MEMBER_DATE_LABELS.admittedOn} ${vn(admittedOn)}: người ${born} khi đó mới ${yearsMonths(months)}, chưa đủ ${min} tuổi theo quy định áp dụng ngày đó.`,
  };
}

/**
 * Problems of the member file's dates: any of them after today, and the age at admission. Only the fields given are
 * checked (a correction passes the file as it will be; see `memberFileChangeProblems`).
 */
export function memberFileProblems(file: Partial<Record<MemberDateField | 'birthYear', unknown>>, today: IsoDate): PlausibilityProblem[] {
  const problems: PlausibilityProblem[] = [];
  for (const [field, label] of Object.entries(MEMBER_DATE_LABELS)) {
    const p = futureProblem(field, label, file[field as MemberDateField], today);
    if (p) problems.push(p);
  }
  if (typeof file.birthYear === 'number' && file.birthYear > Number(today.slice(0, 4))) {
    problems.push({ field: 'birthYear', message: `Năm sinh (${file.birthYear}) sau năm hiện tại.` });
  }
  const admittedOn = file.admittedOn;
  if (typeof admittedOn === 'string' && isIsoDate(admittedOn)) {
    const age = admissionAgeProblem(file, admittedOn);
    if (age) problems.push(age);
  }
  return problems;
}

/**
 * A correction of a file: the problems of the file as it will be that the correction causes. A value already on file
 * that the correction does not touch is not held against it (legacy records are corrected one field at a time); a
 * corrected birth that puts the recorded admission under age is refused on the birth field.
 */
export function memberFileChangeProblems(
  before: Partial<Record<string, unknown>>,
  changed: Partial<Record<string, unknown>>,
  today: IsoDate,
): PlausibilityProblem[] {
  const after = { ...before, ...changed };
  const birthChanged = 'birthDate' in changed || 'birthYear' in changed;
  const problems: PlausibilityProblem[] = [];
  for (const p of memberFileProblems(after, today)) {
    if (p.field in changed) problems.push(p);
    else if (p.field === 'admittedOn' && birthChanged) problems.push({ ...p, field: 'birthDate' in changed ? 'birthDate' : 'birthYear' });
  }
  return problems;
}

/** The dates a life event may carry besides its own, with their names. */
const EVENT_DATE_LABELS: Record<string, string> = {
  decisionDate: 'Ngày quyết định',
  ceremonyOn: 'Ngày lễ kết nạp',
  officialOn: 'Ngày chính thức',
  criminalRecordClearedOn: 'Ngày được xóa án tích',
  moveDecisionDate: 'Ngày quyết định điều động, nghỉ hưu hoặc chuyển nơi ở',
};

/** Problems of a life event's dates: the event and the dates it carries after today (a temporary transfer's end may be). */
export function memberEventProblems(event: { kind: string; date?: unknown } & Record<string, unknown>, today: IsoDate): PlausibilityProblem[] {
  const problems: PlausibilityProblem[] = [];
  const name = EVENT_LABELS[event.kind];
  const own = futureProblem('date', name ? `Ngày ${name.charAt(0).toLowerCase()}${name.slice(1)}` : 'Ngày của sự kiện', event.date, today);
  if (own) problems.push(own);
  for (const [field, label] of Object.entries(EVENT_DATE_LABELS)) {
    const p = futureProblem(field, label, event[field], today);
    if (p) problems.push(p);
  }
  return problems;
}
