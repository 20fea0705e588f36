/**
 * The absence alert of the work queue (issue 16 part 5, domain.md §9): a member who misses the cell's activities for
 * N months of a calendar year without a valid reason (N from the rule set in force at the year's end, or today in the
 * current year: `meetings.absenceMonthsInYear`) is proposed for striking off, with the meetings missed. A person
 * decides: dismissing needs a reason (kept and audited; the alert returns when a further month counts), recording the
 * striking-off goes through the members module's event (`struck_off`), in one transaction with the audit entry.
 *
 * The sources are pluggable (`AbsenceSource`): meetings is the first; unpaid dues will be a second source of the same
 * alert when the fees module exists.
 */
import type { Kysely } from 'kysely';
import { meetingAbsenceMonths, reachesAbsenceThreshold, stillDismissed, type AbsenceMonth } from '../../../domain/meetings.alerts.ts';
import { MEETING_KIND_LABELS, type MeetingKind } from '../../../domain/meetings.ts';
import { ruleSetOn } from '../../../domain/rulesets.ts';
import type { MemberEventInput } from '../../../contract/members.ts';
import type { AbsenceAlert, DismissAlertInput, StrikeOffInput } from '../../../contract/meetings.compliance.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { pathInScope, scopeFor, type Actor, type Scope } from '../../http/actor.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { alertMembersAmong } from '../members/members.alerts.repo.ts';
import { v7 as uuidv7 } from 'uuid';
import { absenceCandidates, dismissalsOf, insertDismissal, yearMarks } from './meetings.alerts.repo.ts';

export type AbsenceSourceKey = 'meetings' | 'dues';

/** One source of the alert: the months it counts against each member of the scope in a year, from `threshold` on. */
export interface AbsenceSource {
  key: AbsenceSourceKey;
  /** What the queue says the alert proposes, given the months counted. */
  label(months: number): string;
  monthsByMember(db: Kysely<DB>, scope: Scope, year: number, threshold: number, only?: string): Promise<Map<string, AbsenceMonth[]>>;
}

/** Meetings: absent without reason from the cell's meetings (domain/meetings.alerts.ts decides which months count). */
export const meetingsSource: AbsenceSource = {
  key: 'meetings',
  label: (n) => `Đề nghị xóa tên: bỏ sinh hoạt đảng ${n} tháng trong năm không có lý do chính đáng`,
  async monthsByMember(db, scope, year, threshold, only) {
    const ids = await absenceCandidates(db, scope, year, threshold);
    const candidates = only ? ids.filter((i) => i === only) : ids;
    const marks = await yearMarks(db, candidates, year);
    const byMember = new Map<string, typeof marks>();
    for (const m of marks) byMember.set(m.member_id, [...(byMember.get(m.member_id) ?? []), m]);
    const out = new Map<string, AbsenceMonth[]>();
    for (const [id, list] of byMember) {
      const months = meetingAbsenceMonths(
        list.map((m) => ({
          meetingId: m.meeting_id,
          heldOn: m.held_on,
          status: m.attendance,
          label: [MEETING_KIND_LABELS[m.kind as MeetingKind] ?? m.kind, m.topic].filter(Boolean).join(': '),
        })),
        year,
      );
      if (reachesAbsenceThreshold(months, threshold)) out.set(id, months);
    }
    return out;
  },
};

export interface AlertsDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** The members module's event writer (the striking-off), inside the caller's transaction. */
  members: { addEventInTransaction(tx: Kysely<DB>, actor: Actor, id: string, input: MemberEventInput): Promise<void> };
  sources?: readonly AbsenceSource[];
}

const actorOf = (a: Actor) => ({ id: a.userId, name: a.fullName });

// eslint-disable-next-line max-lines-per-function -- the service factory: each method below is short
export function createAlertsService(deps: AlertsDeps) {
  const { db, clock } = deps;
  const sources = deps.sources ?? [meetingsSource];

  /** The threshold of a year: the rule set in force on its last day (today, in the current year). */
  function thresholdOf(year: number) {
    const end = `${year}-12-31`;
    const today = clock.today();
    return ruleSetOn(end < today ? end : today).meetings.absenceMonthsInYear;
  }

  function checkYear(year: number) {
    const current = Number(clock.today().slice(0, 4));
    if (year < 1930 || year > current) throw invalid('year', `Năm phải từ 1930 đến ${current}.`);
  }

  /** The alerts of the scope (or of one member) for a year, sources in order, members by name. */
  async function alerts(actor: Actor, year: number, only?: string): Promise<AbsenceAlert[]> {
    const scope = scopeFor(actor, 'read');
    if (scope !== 'all' && scope.length === 0) return [];
    const threshold = thresholdOf(year);
    const out: AbsenceAlert[] = [];
    for (const source of sources) {
      const found = await source.monthsByMember(db, scope, year, threshold, only);
      const members = await alertMembersAmong(db, [...found.keys()], scope);
      const dismissed = await dismissalsOf(
        db,
        members.map((m) => m.id),
        year,
        source.key,
      );
      for (const m of members) {
        const months = found.get(m.id)!;
        if (stillDismissed(months.length, dismissed.get(m.id) ?? null)) continue;
        out.push({
          memberId: m.id,
          fullName: m.full_name,
          orgId: m.org_id,
          orgName: m.org_name ?? '',
          year,
          source: source.key,
          label: source.label(months.length),
          threshold,
          months,
        });
      }
    }
    return out;
  }

  /** The alert being acted on, in the caller's editing scope (404 outside the read scope, 403 without the right). */
  async function alertFor(actor: Actor, memberId: string, year: number, source: AbsenceSourceKey) {
    const found = (await alerts(actor, year, memberId)).find((a) => a.source === source);
    if (!found) throw notFound('Không có cảnh báo đề nghị xóa tên của đảng viên này.');
    const member = (await alertMembersAmong(db, [memberId], scopeFor(actor, 'read')))[0];
    if (!member || !pathInScope(member.current_path, scopeFor(actor, 'editMembers'))) throw forbidden('Bạn không có quyền xử lý cảnh báo của đảng viên này.');
    return found;
  }

  return {
    async list(actor: Actor, year?: number) {
      const y = year ?? Number(clock.today().slice(0, 4));
      checkYear(y);
      return { year: y, items: await alerts(actor, y) };
    },

    /** Not proposing the striking-off: the reason is kept and audited; a further month raises the alert again. */
    async dismiss(actor: Actor, input: DismissAlertInput) {
      checkYear(input.year);
      const alert = await alertFor(actor, input.memberId, input.year, input.source);
      await db.transaction().execute(async (tx) => {
        const id = uuidv7();
        const row = { id, member_id: input.memberId, year: input.year, source: input.source, months: alert.months.length, reason: input.reason };
        await insertDismissal(tx, { ...row, dismissed_by: actor.userId, dismissed_at: clock.now() });
        await writeAudit(tx, actorOf(actor), clock.now(), [
          { action: 'meeting.alert_dismiss', entityType: 'member', entityId: input.memberId, scopeOrgId: alert.orgId, before: null, after: row },
        ]);
      });
      return { ok: true as const };
    },

    /** Records the striking-off the alert proposed through the members module's event, with the alert in the audit entry. */
    async strikeOff(actor: Actor, input: StrikeOffInput) {
      const year = Number(input.date.slice(0, 4));
      const current = Number(clock.today().slice(0, 4));
      // the decision may come early the next year, on the previous year's absences
      const alert =
        (await alerts(actor, Math.min(year, current), input.memberId)).find((a) => a.source === 'meetings') ??
        (await alerts(actor, Math.min(year, current) - 1, input.memberId)).find((a) => a.source === 'meetings');
      if (!alert) throw notFound('Không có cảnh báo đề nghị xóa tên của đảng viên này.');
      await alertFor(actor, input.memberId, alert.year, alert.source);
      await db.transaction().execute(async (tx) => {
        const event: MemberEventInput = {
          kind: 'struck_off',
          date: input.date,
          decisionNo: input.decisionNo ?? null,
          decisionDate: input.decisionDate ?? null,
          note: input.note ?? `Bỏ sinh hoạt đảng ${alert.months.length} tháng trong năm ${alert.year} không có lý do chính đáng`,
        };
        await deps.members.addEventInTransaction(tx, actor, input.memberId, event);
        await writeAudit(tx, actorOf(actor), clock.now(), [
          {
            action: 'meeting.alert_strike_off',
            entityType: 'member',
            entityId: input.memberId,
            scopeOrgId: alert.orgId,
            before: null,
            after: { year: alert.year, months: alert.months.map((m) => m.month), date: input.date },
          },
        ]);
      });
      return { ok: true as const };
    },
  };
}

export type AlertsService = ReturnType<typeof createAlertsService>;
