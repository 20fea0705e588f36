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
import { addDays, type IsoDate } from './dates.ts';
import { addMonths, addYears, type Membership } from './member-status.ts';
import { ruleSetOn, type RuleSet } from './rulesets.ts';

export type DisciplineForm = 'reprimand' | 'warning' | 'removal' | 'expulsion';

export const DISCIPLINE_FORMS: readonly DisciplineForm[] = ['reprimand', 'warning', 'removal', 'expulsion'];

/** Vietnamese names of the forms, as users read them. */
export const DISCIPLINE_FORM_LABELS: Record<DisciplineForm, string> = {
  reprimand: 'khiển trách',
  warning: 'cảnh cáo',
  removal: 'cách chức',
  expulsion: 'khai trừ',
};

/** Heavier forms rank higher. */
export const DISCIPLINE_SEVERITY: Record<DisciplineForm, number> = { reprimand: 1, warning: 2, removal: 3, expulsion: 4 };

/** Forms a probationary member can receive (§6, §11). */
export const PROBATIONARY_FORMS: readonly DisciplineForm[] = ['reprimand', 'warning'];

export interface DisciplineDecision {
  id?: string;
  form: DisciplineForm;
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
  if (decision.form === 'expulsion' || decision.lapseBlocked) return null;
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
export function limitationEndsOn(violationDate: IsoDate, level: DisciplineForm, rules?: RuleSet): IsoDate | null {
  if (level === 'expulsion') return null;
  const years = (rules ?? ruleSetOn(violationDate)).discipline.limitationYears;
  return addYears(violationDate, level === 'reprimand' ? years.reprimand : years.warningOrRemoval);
}

/** The last day to file a complaint against a decision received on `receivedOn`. */
export function complaintDeadlineOn(receivedOn: IsoDate, rules?: RuleSet): IsoDate {
  return addDays(receivedOn, (rules ?? ruleSetOn(receivedOn)).discipline.complaintDays);
}
