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
 * - The discipline delay counts from the decision date, whether or not the decision has lapsed by then (§11): every
 *   decision taken by the date and not revoked holds the award back until its delay ends. A suspended member or one
 *   who has lost contact is not proposed.
 * - A deceased member is proposed only when a posthumous award has been asked for (`posthumous` on the member).
 * - Serious illness counts from the day it was recorded (`seriouslyIllSince`), for the anniversaries and awards on or
 *   after it.
 * - The due list of an anniversary holds the members whose milestone falls after the previous anniversary, and also
 *   those a discipline delay held back at the previous anniversary (`dueAt`): a member held back on 03/02 is on the
 *   list of 19/05, the anniversary his file names.
 */
import { addDays, formatVnDate, type IsoDate } from './dates.ts';
import { DISCIPLINE_FORM_LABELS, type DisciplineDecision } from './discipline.ts';
import { addMonths, addYears, officialDateFor, sortEvents, statusOn, withStatusPeriodsMemo, type MemberEvent, type MemberStatus } from './member-status.ts';
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
  /** The highest milestone received, when the caller knows it without the list (the rules need no more). */
  highestAwarded?: number;
  disciplines?: readonly DisciplineDecision[];
  /** Seriously ill (on application): the badge may come early. */
  seriouslyIll?: boolean;
  /** The day serious illness was recorded from; without it, ill on every date. */
  seriouslyIllSince?: IsoDate | null;
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

/**
 * The last presentation day before an anniversary, within the year before it (or the day a year before): a milestone
 * reached after it and by the anniversary is due at the anniversary.
 */
export function previousAnniversary(anniversary: IsoDate, rules?: RuleSet): IsoDate {
  return anniversariesBetween(addDays(anniversary, -366), addDays(anniversary, -1), rules).at(-1) ?? addDays(anniversary, -366);
}

/** The first presentation day on or after the date. */
export function nextAnniversary(date: IsoDate, rules: RuleSet = ruleSetOn(date)): IsoDate {
  const next = anniversariesBetween(date, addMonths(date, 12), rules)[0];
  if (!next) throw new Error('No badge anniversary in the rule set');
  return next;
}

/** Seriously ill on the date (recorded by then). */
export function seriouslyIllOn(member: BadgeMember, date: IsoDate): boolean {
  return member.seriouslyIll === true && (!member.seriouslyIllSince || member.seriouslyIllSince <= date);
}

/**
 * The discipline delay running on a date (§5, §11): of the decisions taken by then and not revoked, other than
 * expulsion, the one whose delay (6 / 9 / 12 months from the decision, lapsed or not) ends last, if it ends after the
 * date; null when none holds the award back.
 */
export function disciplineDelayOn(
  decisions: readonly DisciplineDecision[],
  date: IsoDate,
  rules: RuleSet = ruleSetOn(date),
): { until: IsoDate; decision: DisciplineDecision } | null {
  let wait: { until: IsoDate; decision: DisciplineDecision } | null = null;
  for (const d of decisions) {
    if (d.form === 'expulsion' || d.form === 'dissolution' || d.decidedOn > date || (d.revokedOn && d.revokedOn <= date)) continue;
    const until = addMonths(d.decidedOn, rules.badges.disciplineDelayMonths[d.form]);
    if (until > date && (!wait || until > wait.until)) wait = { until, decision: d };
  }
  return wait;
}

/** The presentation days of the rules as DD/MM, in calendar order: "03/02, 19/05, 02/09, 07/11". */
export function anniversaryDaysText(rules: RuleSet): string {
  return [...rules.badges.anniversaries]
    .sort()
    .map((md) => `${md.slice(3)}/${md.slice(0, 2)}`)
    .join(', ');
}

/** Null when the date is a presentation day of the rules in force on it; otherwise why not, in Vietnamese. */
export function anniversaryRefusal(date: IsoDate, rules: RuleSet = ruleSetOn(date)): string | null {
  if (rules.badges.anniversaries.includes(date.slice(5))) return null;
  return `Ngày ${formatVnDate(date)} không phải dịp trao Huy hiệu Đảng (${anniversaryDaysText(rules)}).`;
}

function highestAwarded(member: BadgeMember): number {
  return Math.max(member.highestAwarded ?? 0, ...(member.awards ?? []).map((a) => a.milestone));
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
    if (seriouslyIllOn(member, anniversaryDate) && reachedOn <= addMonths(anniversaryDate, earlyMonthsForIllness(m, rules))) {
      chosen = { milestone: m, reachedOn, eligible: true, early: 'illness' };
      break;
    }
  }
  if (!chosen) return null;
  return withStanding(member, chosen, status.status, status.annulled, anniversaryDate, rules);
}

/**
 * The second half of eligibleForAnniversary: given the milestone chosen and the member's status on the anniversary,
 * whether the member may receive it (out of the Party, suspended, lost contact, a discipline delay).
 */
function withStanding(
  member: BadgeMember,
  chosen: AnniversaryEligibility,
  status: MemberStatus,
  annulled: boolean | undefined,
  anniversaryDate: IsoDate,
  rules: RuleSet,
): AnniversaryEligibility {
  const deceased = status === 'deceased';
  if (deceased && !member.posthumous) {
    return { ...chosen, eligible: false, reason: 'Đảng viên đã từ trần; chỉ xét khi có đề nghị truy tặng.' };
  }
  const outReason = status === 'expelled' && annulled ? undefined : OUT_REASON[status];
  if (outReason) return { ...chosen, eligible: false, reason: outReason };

  // Discipline delay: counted from each decision, lapsed or not; the latest end wins.
  const wait = disciplineDelayOn(member.disciplines ?? [], anniversaryDate, rules);
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
 * The member's line on the due list of an anniversary, or null when he is not on it: the eligibility there (eligible or
 * not, with the reason) when the milestone falls after the previous anniversary (`previous`, previousAnniversary by
 * default), or when a discipline delay held the award back at the previous anniversary. The member is then on every
 * list until the first one after the delay, the anniversary badgeDue names.
 */
export function dueAt(
  member: BadgeMember,
  anniversary: IsoDate,
  rules?: RuleSet,
  options: PartyAgeOptions = {},
  previous: IsoDate = previousAnniversary(anniversary, rules),
): AnniversaryEligibility | null {
  const e = eligibleForAnniversary(member, anniversary, rules ?? ruleSetOn(anniversary), options);
  if (!e || e.reachedOn > previous) return e;
  if (!member.disciplines?.length) return null;
  const before = eligibleForAnniversary(member, previous, rules ?? ruleSetOn(previous), options);
  return before && !before.eligible && before.eligibleFrom ? e : null;
}

/** What recording an award asks of the rules: the milestone, the day, and why early (illness or posthumous). */
export interface AwardRequest {
  milestone: number;
  awardedOn: IsoDate;
  earlyReason?: 'illness' | 'posthumous' | null | undefined;
}

/** A rule that refuses an award: the field it concerns and the rule's words, in Vietnamese. */
export interface AwardRefusal {
  field: 'milestone' | 'awardedOn' | 'earlyReason';
  message: string;
}

/**
 * Null when the rules of §5 allow the award, otherwise the first rule that refuses it. Allowed: a member of the Party
 * on the award day (exempt included; not suspended, not out of contact) who has reached the milestone by then, or
 * reaches it within the early window while recorded as seriously ill (12 months for 30–65 years, 24 for 70–90,
 * `earlyReason` 'illness'); a member deceased by then, posthumously ('posthumous'), when the milestone falls at most
 * 12 months after the death; and in both cases no discipline delay running on the award day.
 */
export function awardRefusal(
  member: BadgeMember,
  request: AwardRequest,
  rules: RuleSet = ruleSetOn(request.awardedOn),
  options: PartyAgeOptions = {},
): AwardRefusal | null {
  const { milestone: m, awardedOn } = request;
  const on = formatVnDate(awardedOn);
  if (!rules.badges.milestones.includes(m)) return { field: 'milestone', message: `Không có Huy hiệu ${m} năm tuổi Đảng.` };
  const status = statusOn(member.events, awardedOn);
  if (!status) return { field: 'awardedOn', message: `Ngày ${on} người này chưa là đảng viên.` };
  const deceased = status.status === 'deceased';
  if (!deceased) {
    const out = status.status === 'expelled' && status.annulled ? undefined : OUT_REASON[status.status];
    if (out) return { field: 'awardedOn', message: `Ngày ${on}: ${out}` };
  }
  const reachedOn = reachesYearsOn(member.events, m, { ...options, ignoreDeath: true });
  if (!reachedOn) return { field: 'milestone', message: `Theo hồ sơ hiện tại, đảng viên không đạt mốc ${m} năm tuổi Đảng.` };
  if (deceased) {
    if (request.earlyReason !== 'posthumous') {
      return { field: 'earlyReason', message: `Đảng viên đã từ trần ngày ${formatVnDate(status.from)}: chỉ có thể truy tặng Huy hiệu Đảng.` };
    }
    const limit = addMonths(status.from, rules.badges.posthumousEarlyMonths);
    if (reachedOn > limit) {
      return {
        field: 'milestone',
        message: `Chỉ truy tặng khi đảng viên đủ ${m} năm tuổi Đảng trong vòng ${rules.badges.posthumousEarlyMonths} tháng sau ngày từ trần: đủ ngày ${formatVnDate(reachedOn)}, từ trần ngày ${formatVnDate(status.from)}.`,
      };
    }
  } else {
    if (request.earlyReason === 'posthumous') return { field: 'earlyReason', message: 'Chỉ truy tặng Huy hiệu Đảng cho đảng viên đã từ trần.' };
    if (reachedOn > awardedOn) {
      const months = earlyMonthsForIllness(m, rules);
      if (!seriouslyIllOn(member, awardedOn)) {
        return {
          field: request.earlyReason === 'illness' ? 'earlyReason' : 'awardedOn',
          message:
            request.earlyReason === 'illness'
              ? `Ngày ${on} đảng viên chưa được ghi nhận ốm đau nặng: chưa thể tặng sớm Huy hiệu ${m} năm tuổi Đảng (đủ ngày ${formatVnDate(reachedOn)}).`
              : `Ngày ${on} đảng viên chưa đủ ${m} năm tuổi Đảng: đủ ngày ${formatVnDate(reachedOn)}.`,
        };
      }
      if (reachedOn > addMonths(awardedOn, months)) {
        return {
          field: 'awardedOn',
          message: `Đảng viên ốm đau nặng chỉ được tặng sớm Huy hiệu ${m} năm tuổi Đảng tối đa ${months} tháng: đủ tuổi đảng ngày ${formatVnDate(reachedOn)}, trao sớm nhất ngày ${formatVnDate(addMonths(reachedOn, -months))}.`,
        };
      }
      if (request.earlyReason !== 'illness') {
        return {
          field: 'earlyReason',
          message: `Ngày ${on} đảng viên chưa đủ ${m} năm tuổi Đảng (đủ ngày ${formatVnDate(reachedOn)}): ghi là tặng sớm do ốm đau nặng.`,
        };
      }
    }
  }
  const wait = disciplineDelayOn(member.disciplines ?? [], awardedOn, rules);
  if (wait) {
    const months = rules.badges.disciplineDelayMonths[wait.decision.form as Exclude<DisciplineDecision['form'], 'expulsion' | 'dissolution'>];
    return {
      field: 'awardedOn',
      message: `Đảng viên bị kỷ luật ${DISCIPLINE_FORM_LABELS[wait.decision.form]} ngày ${formatVnDate(wait.decision.decidedOn)}: Huy hiệu Đảng chờ ${months} tháng, xét từ ngày ${formatVnDate(wait.until)}.`,
    };
  }
  return null;
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
 * proposed; for those, the milestones reached by `onDate` in life or within the posthumous allowance after the death.
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
  // A deceased member proposed for a posthumous award: the milestones his party age reaches, projected past the
  // death, up to the posthumous allowance after it (those eligibleForAnniversary proposes).
  const deceased = status.status === 'deceased';
  const limit = deceased ? addMonths(status.from, rules.badges.posthumousEarlyMonths) : null;
  const reached = reachDates(member.events, milestones, deceased ? { ...options, ignoreDeath: true } : options);
  const out: { milestone: number; reachedOn: IsoDate }[] = [];
  milestones.forEach((milestone, i) => {
    const reachedOn = reached[i];
    if (reachedOn && reachedOn <= onDate && (limit === null || reachedOn <= limit)) out.push({ milestone, reachedOn });
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

// ---------------------------------------------------------------------------------------------------------------
// Province badge lists

/** The two lists of the badge page: who is due at an anniversary, and who reached a milestone never received. */
export interface BadgeLists<M extends BadgeMember = BadgeMember> {
  /** Members for whom dueAt is not null: the milestone falls after the previous anniversary, or a discipline delay held it back there. */
  due: { member: M; eligibility: AnniversaryEligibility }[];
  /** Members with a milestone reached and never received: the highest one (reachedNeverAwarded's last entry). */
  reachedNeverAwarded: { member: M; milestone: number; reachedOn: IsoDate }[];
}

/**
 * Both badge lists of a whole province in one pass, the same as running, for every member in order,
 *
 *     const e = dueAt(member, anniversary, rules, options);
 *     if (e) due.push({ member, eligibility: e });
 *     const last = reachedNeverAwarded(member, today, rules ?? ruleSetOn(today), options).at(-1);
 *     if (last) reachedNeverAwarded.push({ member, ...last });
 *
 * where `previous` is previousAnniversary(anniversary, rules).
 *
 * That loop folds every history into status periods twice; a province has ~100,000 members. Most histories are
 * plain: an admission, perhaps the recognition as official, perhaps exemptions, suspensions or temporary transfers.
 * None of those interrupts party age, so each milestone is reached on exactly addYears(first admission, M) and the
 * status on a date is a few flags; such members are decided here without building periods (see plainHistory for
 * the conditions and why they are exact). Everything else goes through the functions above.
 */
export function badgeLists<M extends BadgeMember>(
  members: readonly M[],
  anniversary: IsoDate,
  today: IsoDate,
  rules?: RuleSet,
  options: PartyAgeOptions = {},
): BadgeLists<M> {
  // Each history's periods folded once for all the rules asked of it (issue 13).
  return withStatusPeriodsMemo(() => listsOf(members, anniversary, today, rules, options));
}

function listsOf<M extends BadgeMember>(
  members: readonly M[],
  anniversary: IsoDate,
  today: IsoDate,
  rules: RuleSet | undefined,
  options: PartyAgeOptions,
): BadgeLists<M> {
  const rulesA = rules ?? ruleSetOn(anniversary);
  const rulesT = rules ?? ruleSetOn(today);
  const previous = previousAnniversary(anniversary, rules);
  const out: BadgeLists<M> = { due: [], reachedNeverAwarded: [] };

  const yA = isoYear(anniversary);
  const yT = isoYear(today);
  const descA = plainMilestones(rulesA);
  const descT = plainMilestones(rulesT);
  // The fast path needs both dates well formed and whole, positive milestones (see plainHistory).
  const fast = yA > 0 && yT > 0 && descA !== null && descT !== null;
  const msA = descA ?? [];
  const msT = descT ?? [];
  const minMilestone = Math.min(msA.at(-1) ?? Infinity, msT.at(-1) ?? Infinity);
  // Latest reach date an illness allowance accepts, by milestone: addMonths(anniversary, early months).
  const illnessLimit = new Map<number, IsoDate>();
  const illnessLimitOf = (m: number): IsoDate => {
    let limit = illnessLimit.get(m);
    if (limit === undefined) illnessLimit.set(m, (limit = addMonths(anniversary, earlyMonthsForIllness(m, rulesA))));
    return limit;
  };

  for (const member of members) {
    // A member with disciplines may be held back at the previous anniversary: dueAt decides him.
    const plain = fast && !member.disciplines?.length ? plainHistory(member.events, minMilestone) : null;
    if (!plain) {
      const e = dueAt(member, anniversary, rules, options, previous);
      if (e) out.due.push({ member, eligibility: e });
      const last = reachedNeverAwarded(member, today, rulesT, options).at(-1);
      if (last) out.reachedNeverAwarded.push({ member, milestone: last.milestone, reachedOn: last.reachedOn });
      continue;
    }
    // Never official: party age never starts, no milestone is ever reached.
    if (plain.officialOn === null) continue;
    const d = plain.admittedOn;
    const awarded = highestAwarded(member);

    // On the anniversary. Before the admission there is no status, so nothing (statusOn is null).
    if (anniversary >= d) {
      let chosen: AnniversaryEligibility | null = null;
      if (seriouslyIllOn(member, anniversary)) {
        // The loop of eligibleForAnniversary, with the reach dates of a plain history.
        for (const m of msA) {
          if (!(m > awarded)) continue;
          const reachedOn = plainAddYears(d, plain.admittedYear, m);
          if (reachedOn <= anniversary) {
            chosen = { milestone: m, reachedOn, eligible: true };
            break;
          }
          if (reachedOn <= illnessLimitOf(m)) {
            chosen = { milestone: m, reachedOn, eligible: true, early: 'illness' };
            break;
          }
        }
      } else {
        // Reach dates rise with the milestone: the highest milestone above those awarded with M ≤ full years.
        const m = highestReached(msA, awarded, fullYearsOn(d, plain.admittedYear, anniversary, yA));
        if (m !== null) chosen = { milestone: m, reachedOn: plainAddYears(d, plain.admittedYear, m), eligible: true };
      }
      if (chosen) {
        const e = withStanding(member, chosen, plainStatusOn(plain, anniversary), undefined, anniversary, rulesA);
        if (e.reachedOn > previous) out.due.push({ member, eligibility: e });
      }
    }

    // Today. A plain history is never out of the Party, so only the milestones count.
    if (today >= d) {
      const m = highestReached(msT, awarded, fullYearsOn(d, plain.admittedYear, today, yT));
      if (m !== null) out.reachedNeverAwarded.push({ member, milestone: m, reachedOn: plainAddYears(d, plain.admittedYear, m) });
    }
  }
  return out;
}

/** The first milestone, in the given order (highest first), above those awarded and at most `years`; null if none. */
function highestReached(descending: readonly number[], awarded: number, years: number): number | null {
  for (const m of descending) if (m > awarded && m <= years) return m;
  return null;
}

/** Days of each month (index 1–12) other than February. */
const MONTH_DAYS = [0, 31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The year of a well-formed 'YYYY-MM-DD' date with a year from 1000 to 8999 (so that adding up to 999 years keeps
 * four digits and string order stays date order); -1 for anything else.
 */
function isoYear(date: unknown): number {
  if (typeof date !== 'string' || date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return -1;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = date.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    y = y * 10 + c;
  }
  const m0 = date.charCodeAt(5) - 48;
  const m1 = date.charCodeAt(6) - 48;
  const d0 = date.charCodeAt(8) - 48;
  const d1 = date.charCodeAt(9) - 48;
  if (m0 < 0 || m0 > 9 || m1 < 0 || m1 > 9 || d0 < 0 || d0 > 9 || d1 < 0 || d1 > 9) return -1;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (y < 1000 || y > 8999 || month < 1 || month > 12 || day < 1) return -1;
  if (day > 28 && day > (month === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : MONTH_DAYS[month]!)) return -1;
  return y;
}

/** The rule set's milestones, highest first, when all are whole numbers from 1 to 999; null otherwise. */
function plainMilestones(rules: RuleSet): number[] | null {
  const ms = rules.badges.milestones;
  for (const m of ms) if (!Number.isInteger(m) || m < 1 || m > 999) return null;
  return [...ms].sort((a, b) => b - a);
}

/**
 * addYears(admittedOn, k) for a well-formed date of year `admittedYear`, without the work of addMonths where it cannot
 * matter: addMonths keeps the month and the day unless the day does not exist in the target month, which happens only
 * to 29 February (every other month has the same length each year). That date goes through addYears itself.
 */
function plainAddYears(admittedOn: IsoDate, admittedYear: number, k: number): IsoDate {
  return admittedOn.charCodeAt(6) === 50 && admittedOn.charCodeAt(9) === 57 && admittedOn.charCodeAt(5) === 48 && admittedOn.charCodeAt(8) === 50
    ? addYears(admittedOn, k)
    : `${admittedYear + k}${admittedOn.slice(4)}`;
}

/**
 * Full years of party age of a plain history on `date` (≥ the admission): the largest k with addYears(admitted, k)
 * ≤ date. addYears(admitted, k) lies in year admittedYear + k, so k is the year difference or one less.
 */
function fullYearsOn(admittedOn: IsoDate, admittedYear: number, date: IsoDate, year: number): number {
  const k = year - admittedYear;
  return plainAddYears(admittedOn, admittedYear, k) <= date ? k : k - 1;
}

/** Events that change neither party age nor membership: only the status flags that statusOf reads. */
const PLAIN_KINDS: ReadonlySet<MemberEvent['kind']> = new Set([
  'exempted',
  'exemption_ended',
  'temporary_out',
  'temporary_return',
  'suspended',
  'suspension_ended',
]);

interface PlainHistory {
  admittedOn: IsoDate;
  admittedYear: number;
  /** The official date; null when never recognised. */
  officialOn: IsoDate | null;
  /** Events in date order, when some of them are PLAIN_KINDS; null when there are none (always 'active'). */
  flagged: readonly MemberEvent[] | null;
}

/**
 * The history, when it is plain enough that party age reaches M years on exactly addYears(admission, M) for every
 * milestone M ≥ minMilestone; null otherwise (the caller then uses the general functions). Plain means:
 *
 * - every date well formed (isoYear), so that string order is date order and sortEvents' order is the array's when
 *   the dates do not decrease;
 * - in date order, first an `admitted` event (the first admission: the periods and party age start on its date D),
 *   then at most one `recognized_official`, and otherwise only PLAIN_KINDS. No event of leaving, death, transfer,
 *   lost contact or readmission: statusPeriods then has no gap (gapReason is null for every status these produce)
 *   and no death, so reachFrom's candidate is addYears(D, M) with no shift;
 * - the official date O (recognized_official's officialOn, or officialDateFor the ceremony under the admission's
 *   rules, as the fold computes it) satisfies D ≤ O and year(O) < year(D) + minMilestone. The membership changes are
 *   then probationary on D and official on O, so every period from O on is official, and addYears(D, M), in year
 *   year(D) + M > year(O), is after O: reachFrom returns the candidate itself.
 *
 * Without a recognition the member is probationary for good and reachFrom is null for every milestone.
 */
function plainHistory(events: readonly MemberEvent[], minMilestone: number): PlainHistory | null {
  const n = events.length;
  if (n === 0) return null;
  let sorted = true;
  let prev = '';
  for (let i = 0; i < n; i++) {
    const date = events[i]!.date;
    if (isoYear(date) < 0) return null;
    if (date < prev) sorted = false;
    prev = date;
  }
  const list = sorted ? events : sortEvents(events);
  const first = list[0]!;
  if (first.kind !== 'admitted') return null;
  const admittedOn = first.date;
  let recognition: (MemberEvent & { kind: 'recognized_official' }) | null = null;
  let flagged = false;
  for (let i = 1; i < n; i++) {
    const e = list[i]!;
    if (e.kind === 'recognized_official') {
      if (recognition) return null;
      recognition = e;
    } else if (PLAIN_KINDS.has(e.kind)) {
      flagged = true;
    } else {
      return null;
    }
  }
  const admittedYear = isoYear(admittedOn);
  const plain: PlainHistory = { admittedOn, admittedYear, officialOn: null, flagged: flagged ? list : null };
  if (!recognition) return plain;
  // As member-status.ts's officialOnOf, with the state the admission left (probation from the ceremony, or the
  // decision, under the rule set in force on the decision).
  let officialOn: IsoDate;
  if (recognition.officialOn) {
    officialOn = recognition.officialOn;
  } else {
    const from = first.ceremonyOn ?? first.date;
    if (isoYear(from) < 0) return null;
    officialOn = officialDateFor(from, ruleSetOn(first.date));
  }
  const officialYear = isoYear(officialOn);
  if (officialYear < 0 || officialOn < admittedOn || officialYear - admittedYear >= minMilestone) return null;
  plain.officialOn = officialOn;
  return plain;
}

/**
 * The status of a plain history on a date on or after the admission, as statusOn gives it: the state after every
 * event of that date or before (apply), read by statusOf. Without transfers, leaving or lost contact only these four
 * can come out.
 */
function plainStatusOn(plain: PlainHistory, date: IsoDate): MemberStatus {
  if (!plain.flagged) return 'active';
  let away = false;
  let exempt = false;
  let suspended = false;
  for (const e of plain.flagged) {
    if (e.date > date) break;
    switch (e.kind) {
      case 'admitted':
        away = exempt = suspended = false;
        break;
      case 'temporary_out':
        away = true;
        break;
      case 'temporary_return':
        away = false;
        break;
      case 'exempted':
        exempt = true;
        break;
      case 'exemption_ended':
        exempt = false;
        break;
      case 'suspended':
        suspended = true;
        break;
      case 'suspension_ended':
        suspended = false;
        break;
      default:
        break;
    }
  }
  return suspended ? 'suspended' : away ? 'temporarily_away' : exempt ? 'exempt' : 'active';
}
