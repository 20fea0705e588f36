/**
 * Party discipline of members (kỷ luật đảng viên), domain.md §11 (and §6: a probationary member can only be
 * reprimanded or warned).
 *
 * - Forms: reprimand (khiển trách), warning (cảnh cáo), removal from post (cách chức), expulsion (khai trừ).
 * - A decision lapses automatically 12 months after it is announced, unless a new violation or a complaint is
 *   recorded (`lapseBlocked`); expulsion never lapses. While in force it blocks transfer, appointment, badges and
 *   titles: `underDiscipline` is the one question other modules ask.
 * - Time limits (thời hiệu): 5 years for reprimand-level violations, 10 for warning or removal level, none for
 *   expulsion level, counted from the violation; a new violation restarts it, so pass the latest violation's date.
 * - A complaint may be filed within 30 days of receiving the decision.
 *
 * Terms counted in months or years end on the corresponding day (Civil Code month-end rule, see addMonths).
 */
import { addDays, formatVnDate, type IsoDate } from './dates.ts';
import { addMonths, addYears, type Membership } from './member-status.ts';
import { ruleSetOn, type DisciplineCompetence, type RuleSet } from './rulesets.ts';

export type DisciplineForm = 'reprimand' | 'warning' | 'removal' | 'expulsion';
/** Forms for an organisation (§11): reprimand, warning, dissolution. */
export type OrgDisciplineForm = 'reprimand' | 'warning' | 'dissolution';
/** Any form, of a member or an organisation. */
export type AnyDisciplineForm = DisciplineForm | 'dissolution';

export const DISCIPLINE_FORMS: readonly DisciplineForm[] = ['reprimand', 'warning', 'removal', 'expulsion'];

/** Vietnamese names of the forms, as users read them. */
export const DISCIPLINE_FORM_LABELS: Record<AnyDisciplineForm, string> = {
  reprimand: 'khiển trách',
  warning: 'cảnh cáo',
  removal: 'cách chức',
  expulsion: 'khai trừ',
  dissolution: 'giải tán',
};

/** Heavier forms rank higher. */
export const DISCIPLINE_SEVERITY: Record<AnyDisciplineForm, number> = { reprimand: 1, warning: 2, removal: 3, expulsion: 4, dissolution: 4 };

/** Forms a probationary member can receive (§6, §11). */
export const PROBATIONARY_FORMS: readonly DisciplineForm[] = ['reprimand', 'warning'];

/** Forms an organisation can receive (§11). */
export const ORG_FORMS: readonly OrgDisciplineForm[] = ['reprimand', 'warning', 'dissolution'];

export interface DisciplineDecision {
  id?: string;
  form: AnyDisciplineForm;
  /** Date of the decision; in force from this day. */
  decidedOn: IsoDate;
  /** Date it was announced to the member; the lapse counts from it (the decision date when unknown). */
  announcedOn?: IsoDate | null;
  /** A new violation or a complaint was recorded while in force: no automatic lapse. */
  lapseBlocked?: boolean;
  /** Annulled or replaced (e.g. on a complaint) from this day. */
  revokedOn?: IsoDate | null;
}

/** Null when the form is allowed for the member, otherwise the Vietnamese reason it is not. */
export function validateDiscipline(membership: Membership, form: DisciplineForm): string | null {
  if (membership === 'probationary' && !PROBATIONARY_FORMS.includes(form)) {
    return `Đảng viên dự bị chỉ có thể bị khiển trách hoặc cảnh cáo, không thể ${DISCIPLINE_FORM_LABELS[form]}.`;
  }
  return null;
}

/**
 * The first day the decision is no longer in force: `lapseMonths` after its announcement. Null when it does not
 * lapse by itself (expulsion, or `lapseBlocked`).
 */
export function lapsesOn(decision: DisciplineDecision, rules?: RuleSet): IsoDate | null {
  if (decision.form === 'expulsion' || decision.form === 'dissolution' || decision.lapseBlocked) return null;
  const from = decision.announcedOn ?? decision.decidedOn;
  return addMonths(from, (rules ?? ruleSetOn(from)).discipline.lapseMonths);
}

/** True when the decision is in force on the date: decided, not yet lapsed, not revoked. */
export function inForceOn(decision: DisciplineDecision, date: IsoDate, rules?: RuleSet): boolean {
  if (date < decision.decidedOn) return false;
  if (decision.revokedOn && date >= decision.revokedOn) return false;
  const lapse = lapsesOn(decision, rules);
  return lapse === null || date < lapse;
}

/** Every decision in force on the date, heaviest first (ties: the latest first). */
export function disciplinesInForce(decisions: readonly DisciplineDecision[], date: IsoDate, rules?: RuleSet): DisciplineDecision[] {
  return decisions
    .filter((d) => inForceOn(d, date, rules))
    .sort((a, b) => DISCIPLINE_SEVERITY[b.form] - DISCIPLINE_SEVERITY[a.form] || b.decidedOn.localeCompare(a.decidedOn));
}

/**
 * Is the member under discipline on the date? The decision in force (the heaviest when several are), or null. This
 * is the question transfer, appointment, badge and evaluation rules ask.
 */
export function underDiscipline(decisions: readonly DisciplineDecision[], date: IsoDate, rules?: RuleSet): DisciplineDecision | null {
  return disciplinesInForce(decisions, date, rules)[0] ?? null;
}

/**
 * The last day on which a violation can still be disciplined: the violation date plus 5 years (reprimand level) or
 * 10 years (warning or removal level); null for expulsion level, which has no time limit.
 */
export function limitationEndsOn(violationDate: IsoDate, level: AnyDisciplineForm, rules?: RuleSet): IsoDate | null {
  if (level === 'expulsion' || level === 'dissolution') return null;
  const years = (rules ?? ruleSetOn(violationDate)).discipline.limitationYears;
  return addYears(violationDate, level === 'reprimand' ? years.reprimand : years.warningOrRemoval);
}

/** The last day to file a complaint against a decision received on `receivedOn`. */
export function complaintDeadlineOn(receivedOn: IsoDate, rules?: RuleSet): IsoDate {
  return addDays(receivedOn, (rules ?? ruleSetOn(receivedOn)).discipline.complaintDays);
}

// ---------------------------------------------------------------------------------------------------------------
// Issue 15: the rules a new decision, a complaint and a deferral are checked against.

/** Who is disciplined: a member with his membership on the decision's date, or an organisation. */
export type DisciplineSubject = { kind: 'member'; membership: Membership } | { kind: 'org' };

/** Null when the form fits the subject (§6, §11), otherwise the Vietnamese reason it does not. */
export function formRefusal(subject: DisciplineSubject, form: AnyDisciplineForm): string | null {
  if (subject.kind === 'org') {
    return (ORG_FORMS as readonly string[]).includes(form)
      ? null
      : `Tổ chức đảng chỉ có thể bị khiển trách, cảnh cáo hoặc giải tán, không thể ${DISCIPLINE_FORM_LABELS[form]}.`;
  }
  if (form === 'dissolution') return 'Giải tán là hình thức kỷ luật tổ chức đảng, không áp dụng cho đảng viên.';
  return validateDiscipline(subject.membership, form);
}

/** The deciding body's Vietnamese name. */
export const DISCIPLINE_BODY_LABELS: Record<DisciplineCompetence['bodies'][number], string> = {
  cell: 'Chi bộ (hội nghị chi bộ)',
  committee: 'Cấp ủy',
  standing_committee: 'Ban thường vụ',
  inspection_committee: 'Ủy ban kiểm tra',
};

/**
 * Null when the body of an organisation of kind `kind` may decide the form for the subject (rule-set data,
 * `discipline.competence`), otherwise why not: the chi ủy cannot discipline, a cell reprimands or warns its members,
 * higher forms belong to higher levels.
 */
export function competenceRefusal(
  kind: { code: string; name: string; isCell: boolean },
  body: DisciplineCompetence['bodies'][number],
  subject: 'member' | 'org',
  form: AnyDisciplineForm,
  rules: RuleSet,
): string | null {
  const c = rules.discipline.competence[kind.code];
  if (kind.isCell && body !== 'cell') return 'Chi ủy không có thẩm quyền thi hành kỷ luật: kỷ luật đảng viên do hội nghị chi bộ quyết định.';
  if (!c || c.bodies.length === 0) return `${kind.name} không có thẩm quyền thi hành kỷ luật.`;
  if (!c.bodies.includes(body)) return `${DISCIPLINE_BODY_LABELS[body]} của ${kind.name.toLowerCase()} không có thẩm quyền thi hành kỷ luật.`;
  const allowed: readonly string[] = subject === 'member' ? c.member : c.org;
  if (allowed.includes(form)) return null;
  const who = subject === 'member' ? 'đảng viên' : 'tổ chức đảng cấp dưới';
  if (allowed.length === 0) return `${kind.name} không có thẩm quyền kỷ luật ${who}.`;
  const list = allowed.map((f) => DISCIPLINE_FORM_LABELS[f as AnyDisciplineForm]).join(', ');
  return `${kind.name} chỉ có thẩm quyền ${list} ${who}; hình thức ${DISCIPLINE_FORM_LABELS[form]} thuộc thẩm quyền cấp trên.`;
}

/**
 * The day the time limit counts from: the violation, or the latest later violation of the same subject committed
 * before the decision (a new violation restarts it).
 */
export function limitationStartOn(violationOn: IsoDate, laterViolations: readonly IsoDate[], decidedOn: IsoDate): IsoDate {
  let start = violationOn;
  for (const v of laterViolations) if (v > start && v <= decidedOn) start = v;
  return start;
}

/** Null while the violation can still be disciplined on `decidedOn`, otherwise the refusal with the day the limit ran out. */
export function limitationRefusal(startOn: IsoDate, level: AnyDisciplineForm, decidedOn: IsoDate, rules?: RuleSet): string | null {
  const ends = limitationEndsOn(startOn, level, rules);
  if (ends === null || decidedOn <= ends) return null;
  const years = (rules ?? ruleSetOn(startOn)).discipline.limitationYears;
  const n = level === 'reprimand' ? years.reprimand : years.warningOrRemoval;
  return `Đã hết thời hiệu kỷ luật (${n} năm kể từ ngày vi phạm ${formatVnDate(startOn)}): thời hiệu hết ngày ${formatVnDate(ends)}.`;
}

/** Null when a complaint filed on `filedOn` is within the window from `receivedOn`, otherwise the refusal. */
export function complaintRefusal(receivedOn: IsoDate, filedOn: IsoDate, rules?: RuleSet): string | null {
  if (filedOn < receivedOn) return 'Ngày gửi khiếu nại không được trước ngày nhận quyết định.';
  const deadline = complaintDeadlineOn(receivedOn, rules);
  if (filedOn <= deadline) return null;
  const days = (rules ?? ruleSetOn(receivedOn)).discipline.complaintDays;
  return `Quá thời hạn khiếu nại: ${days} ngày kể từ ngày nhận quyết định (${formatVnDate(receivedOn)}), hạn cuối ngày ${formatVnDate(deadline)}.`;
}

/**
 * A new violation or a complaint recorded on `on` keeps the decision from lapsing only while it has not lapsed yet
 * (before its lapse day) and only for forms that lapse.
 */
export function lapseBlockApplies(decision: DisciplineDecision, on: IsoDate, rules?: RuleSet): boolean {
  const lapse = lapsesOn({ ...decision, lapseBlocked: false }, rules);
  return lapse !== null && on >= decision.decidedOn && on < lapse;
}

export type DeferralReason = 'pregnant' | 'nursing' | 'hospital';

export const DEFERRAL_REASON_LABELS: Record<DeferralReason, string> = {
  pregnant: 'đang mang thai',
  nursing: 'đang nuôi con dưới 12 tháng tuổi',
  hospital: 'đang điều trị nội trú tại bệnh viện',
};

/** Days over which a member's discipline is deferred: [fromOn, toOn), open-ended when `toOn` is null. */
export interface DisciplineDeferral {
  reason: DeferralReason;
  fromOn: IsoDate;
  toOn: IsoDate | null;
}

/** The end of a nursing deferral: the child's first birthday (12 months from the birth, `fromOn`). */
export function nursingEndsOn(birthOn: IsoDate): IsoDate {
  return addMonths(birthOn, 12);
}

/** The deferral covering the date, if any (§11: pregnant, nursing a child under 12 months, in hospital). */
export function deferralOn(deferrals: readonly DisciplineDeferral[], date: IsoDate): DisciplineDeferral | null {
  return deferrals.find((d) => d.fromOn <= date && (d.toOn === null || date < d.toOn)) ?? null;
}

/** Null when no deferral covers the decision's date, otherwise the refusal. */
export function deferralRefusal(deferrals: readonly DisciplineDeferral[], decidedOn: IsoDate): string | null {
  const d = deferralOn(deferrals, decidedOn);
  if (!d) return null;
  const until = d.toOn ? ` đến hết ngày ${formatVnDate(addDays(d.toOn, -1))}` : '';
  return `Chưa xem xét kỷ luật: đảng viên ${DEFERRAL_REASON_LABELS[d.reason]} (từ ngày ${formatVnDate(d.fromOn)}${until}).`;
}
