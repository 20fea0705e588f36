/**
 * Party badges (Huy hiệu Đảng), domain.md §5.
 *
 * - Milestones of party age (30, 40, 45, … 90 years), presented on the anniversaries 3/2, 19/5, 2/9 and 7/11: for a
 *   coming anniversary, who reaches a milestone by then, and who reached one and never received it.
 * - Early award for a seriously ill member: up to 12 months early for 30–65 years, 24 months for 70–90.
 * - Posthumous award (truy tặng) for a deceased member: up to 12 months early, counted from the death.
 * - A member under discipline waits 6 / 9 / 12 months after a reprimand / warning / removal decision
 *   (configurable). Exempt members remain eligible. Expelled, struck-off members and those who left are not.
 *
 * Where domain.md is silent:
 * - A member who passed several milestones without an award (records imported late) is proposed for the highest one
 *   reached; the lower ones are not awarded afterwards. Milestones at or below the highest one awarded are done.
 * - The discipline delay counts from the decision date; it is checked against the decisions in force on the
 *   anniversary (discipline.ts). A suspended member or one who has lost contact is not proposed.
 * - A deceased member is proposed only when a posthumous award has been asked for (`posthumous` on the member).
 */
import { addDays, formatVnDate, type IsoDate } from './dates.ts';
import { DISCIPLINE_FORM_LABELS, disciplinesInForce, type DisciplineDecision } from './discipline.ts';
import { addMonths, statusOn, type MemberEvent, type MemberStatus } from './member-status.ts';
import { reachDates, reachesYearsOn, type PartyAgeOptions } from './party-age.ts';
import { ruleSetOn, type RuleSet } from './rulesets.ts';

export interface BadgeAward {
  milestone: number;
  awardedOn: IsoDate;
}

export interface BadgeMember {
  id?: string;
  events: readonly MemberEvent[];
  /** Badges already received. */
  awards?: readonly BadgeAward[];
  disciplines?: readonly DisciplineDecision[];
  /** Seriously ill (on application): the badge may come early. */
  seriouslyIll?: boolean;
  /** A posthumous award has been proposed for this deceased member. */
  posthumous?: boolean;
}

export interface AnniversaryEligibility {
  milestone: number;
  /** The day party age reaches the milestone (projected past the death for a posthumous award). */
  reachedOn: IsoDate;
  eligible: boolean;
  /** Why not, in Vietnamese. */
  reason?: string;
  /** Awarded before the milestone is reached: for illness, or posthumously. */
  early?: 'illness' | 'posthumous';
  /** While a discipline delay runs: the first day the member can be considered again. */
  eligibleFrom?: IsoDate;
}

export interface BadgeDue extends AnniversaryEligibility {
  anniversary: IsoDate;
}

/** The date party age reaches `milestone` years (see reachesYearsOn); null when it does not on the current record. */
export function milestoneReachedOn(events: readonly MemberEvent[], milestone: number, options: PartyAgeOptions = {}): IsoDate | null {
  return reachesYearsOn(events, milestone, options);
}

/** Months a seriously ill member's badge may come early for a milestone (0 past the last band). */
export function earlyMonthsForIllness(milestone: number, rules: RuleSet): number {
  const band = [...rules.badges.earlyForIllness].sort((a, b) => a.upToYears - b.upToYears).find((b) => milestone <= b.upToYears);
  return band ? band.months : 0;
}

/** Presentation days from `from` to `to`, both included, in order. */
export function anniversariesBetween(from: IsoDate, to: IsoDate, rules: RuleSet = ruleSetOn(from)): IsoDate[] {
  const days = [...rules.badges.anniversaries].sort();
  const out: IsoDate[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    for (const md of days) {
      const d = `${String(y).padStart(4, '0')}-${md}`;
      if (d >= from && d <= to) out.push(d);
    }
  }
  return out;
}

/** The first presentation day on or after the date. */
export function nextAnniversary(date: IsoDate, rules: RuleSet = ruleSetOn(date)): IsoDate {
  const next = anniversariesBetween(date, addMonths(date, 12), rules)[0];
  if (!next) throw new Error('No badge anniversary in the rule set');
  return next;
}

function highestAwarded(member: BadgeMember): number {
  return Math.max(0, ...(member.awards ?? []).map((a) => a.milestone));
}

const OUT_REASON: Partial<Record<MemberStatus, string>> = {
  expelled: 'Đã bị khai trừ khỏi Đảng, không xét tặng Huy hiệu Đảng.',
  struck_off: 'Đã bị xóa tên khỏi danh sách đảng viên, không xét tặng Huy hiệu Đảng.',
  left: 'Đã ra khỏi Đảng, không xét tặng Huy hiệu Đảng.',
  suspended: 'Đang bị đình chỉ sinh hoạt đảng, chưa xét tặng Huy hiệu Đảng.',
  lost_contact: 'Đang mất liên lạc với tổ chức đảng, chưa xét tặng Huy hiệu Đảng.',
};

/**
 * The milestone a member can receive on an anniversary, and whether they may: null when no milestone above those
 * already awarded is reached by then (counting the early allowance the member qualifies for).
 */
export function eligibleForAnniversary(
  member: BadgeMember,
  anniversaryDate: IsoDate,
  rules: RuleSet = ruleSetOn(anniversaryDate),
  options: PartyAgeOptions = {},
): AnniversaryEligibility | null {
  const status = statusOn(member.events, anniversaryDate);
  if (!status) return null;
  const deceased = status.status === 'deceased';
  const awarded = highestAwarded(member);
  let chosen: AnniversaryEligibility | null = null;
  const milestones = [...rules.badges.milestones].sort((a, b) => b - a).filter((m) => m > awarded);
  const reached = reachDates(member.events, milestones, { ...options, ignoreDeath: deceased });
  for (const [i, m] of milestones.entries()) {
    const reachedOn = reached[i];
    if (!reachedOn) continue;
    if (deceased) {
      // Posthumous: reached in life, or at most the allowed months after the death.
      if (reachedOn <= addMonths(status.from, rules.badges.posthumousEarlyMonths)) {
        chosen = { milestone: m, reachedOn, eligible: true, early: 'posthumous' };
        break;
      }
      continue;
    }
    if (reachedOn <= anniversaryDate) {
      chosen = { milestone: m, reachedOn, eligible: true };
      break;
    }
    if (member.seriouslyIll && reachedOn <= addMonths(anniversaryDate, earlyMonthsForIllness(m, rules))) {
      chosen = { milestone: m, reachedOn, eligible: true, early: 'illness' };
      break;
    }
  }
  if (!chosen) return null;

  if (deceased && !member.posthumous) {
    return { ...chosen, eligible: false, reason: 'Đảng viên đã từ trần; chỉ xét khi có đề nghị truy tặng.' };
  }
  const outReason = status.status === 'expelled' && status.annulled ? undefined : OUT_REASON[status.status];
  if (outReason) return { ...chosen, eligible: false, reason: outReason };

  // Discipline delay: counted from each decision in force on the anniversary; the latest end wins.
  let wait: { until: IsoDate; decision: DisciplineDecision } | null = null;
  for (const d of disciplinesInForce(member.disciplines ?? [], anniversaryDate)) {
    if (d.form === 'expulsion') continue;
    const until = addMonths(d.decidedOn, rules.badges.disciplineDelayMonths[d.form]);
    if (until > anniversaryDate && (!wait || until > wait.until)) wait = { until, decision: d };
  }
  if (wait) {
    return {
      ...chosen,
      eligible: false,
      eligibleFrom: wait.until,
      reason: `Đang trong thời hạn kỷ luật ${DISCIPLINE_FORM_LABELS[wait.decision.form]}, xét từ ngày ${formatVnDate(wait.until)}.`,
    };
  }
  return chosen;
}

/**
 * The next anniversary on or after `onDate` at which the member is due a badge, with the milestone. When a discipline
 * delay holds it back, the first anniversary after the delay; when the member cannot receive it at all (left the
 * Party), the first anniversary with the reason. Null when no milestone is ahead on the current record.
 */
export function badgeDue(member: BadgeMember, onDate: IsoDate, rules?: RuleSet, options: PartyAgeOptions = {}): BadgeDue | null {
  const r0 = rules ?? ruleSetOn(onDate);
  const next = [...r0.badges.milestones].sort((a, b) => a - b).find((m) => m > highestAwarded(member));
  if (next === undefined) return null;
  const reached = reachesYearsOn(member.events, next, { ...options, ignoreDeath: true });
  if (!reached) return null;
  // No anniversary before the earliest any allowance could bring the milestone forward is worth asking about.
  const maxEarly = Math.max(r0.badges.posthumousEarlyMonths, ...r0.badges.earlyForIllness.map((b) => b.months));
  const earliest = addMonths(reached, -maxEarly);
  let anniversary = nextAnniversary(earliest > onDate ? earliest : onDate, r0);
  let first: BadgeDue | null = null;
  // Enough anniversaries to reach past the early window and the longest discipline delay.
  for (let i = 0; i < 24; i++) {
    const r = rules ?? ruleSetOn(anniversary);
    const e = eligibleForAnniversary(member, anniversary, r, options);
    if (e) {
      const due = { ...e, anniversary };
      if (e.eligible) return due;
      first ??= due;
      if (!e.eligibleFrom) return first;
    }
    anniversary = nextAnniversary(addDays(anniversary, 1), r);
  }
  return first;
}

/**
 * Milestones the member has reached by `onDate` and never received, above the highest one received: the backlog the
 * committee must act on. Empty for members out of the Party, and for deceased members unless a posthumous award is
 * proposed.
 */
export function reachedNeverAwarded(
  member: BadgeMember,
  onDate: IsoDate,
  rules: RuleSet = ruleSetOn(onDate),
  options: PartyAgeOptions = {},
): { milestone: number; reachedOn: IsoDate }[] {
  const status = statusOn(member.events, onDate);
  if (!status) return [];
  if (['struck_off', 'left'].includes(status.status) || (status.status === 'expelled' && !status.annulled)) return [];
  if (status.status === 'deceased' && !member.posthumous) return [];
  const awarded = highestAwarded(member);
  const milestones = [...rules.badges.milestones].sort((a, b) => a - b).filter((m) => m > awarded);
  const reached = reachDates(member.events, milestones, options);
  const out: { milestone: number; reachedOn: IsoDate }[] = [];
  milestones.forEach((milestone, i) => {
    const reachedOn = reached[i];
    if (reachedOn && reachedOn <= onDate) out.push({ milestone, reachedOn });
  });
  return out;
}

/** For an anniversary: every member with a milestone reached by then, eligible or not (with the reason). */
export function badgeCandidates<M extends BadgeMember>(
  members: readonly M[],
  anniversaryDate: IsoDate,
  rules: RuleSet = ruleSetOn(anniversaryDate),
  options: PartyAgeOptions = {},
): { member: M; result: AnniversaryEligibility }[] {
  const out: { member: M; result: AnniversaryEligibility }[] = [];
  for (const member of members) {
    const result = eligibleForAnniversary(member, anniversaryDate, rules, options);
    if (result) out.push({ member, result });
  }
  return out;
}

/** Members with milestones reached by `onDate` and never received. */
export function reachedNeverAwardedList<M extends BadgeMember>(
  members: readonly M[],
  onDate: IsoDate,
  rules: RuleSet = ruleSetOn(onDate),
  options: PartyAgeOptions = {},
): { member: M; milestones: { milestone: number; reachedOn: IsoDate }[] }[] {
  const out: { member: M; milestones: { milestone: number; reachedOn: IsoDate }[] }[] = [];
  for (const member of members) {
    const milestones = reachedNeverAwarded(member, onDate, rules, options);
    if (milestones.length > 0) out.push({ member, milestones });
  }
  return out;
}
