/**
 * The working-day calendar (domain.md §13): the law's holidays (src/domain/calendar/) corrected by the adjustments a
 * system administrator records each year — the government's Tết and National Day schedule, bridging days off and the
 * Saturdays worked in exchange. Every deadline in working days reads the calendar through `workingCalendar`, built
 * once and rebuilt after a change (the cache is this process's: run one server per database, as PGlite requires).
 *
 * A change is one transaction with its audit entry. In the same transaction it calls `afterChange`, the port through
 * which the members module recomputes member.party_age_from of the members whose transfer allowance (30 working days,
 * §7) the changed day can fall in, so the list's party-age filter keeps agreeing with the member file. The calendar
 * sits below members: the composition root passes that function in.
 */
import type { Kysely } from 'kysely';
import { addDays, formatVnDate } from '../../../domain/dates.ts';
import { HOLIDAY_TABLE, HOLIDAY_YEARS, isWeekend } from '../../../domain/calendar/holidays.ts';
import { createWorkingCalendar, type CalendarAdjustment, type WorkingCalendar } from '../../../domain/calendar/working-days.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { canEditCalendar, canReadCalendar } from './calendar.policy.ts';
import { adjustmentsBetween, deleteAdjustment, findAdjustment, listAdjustments, upsertAdjustment, type AdjustmentRow } from './calendar.repo.ts';
import type { AdjustmentInput, CalendarYear } from '../../../contract/calendar.ts';

/**
 * What a change of the calendar moves besides the calendar, inside its transaction: `date` is the day changed, `cal`
 * the working calendar with the change. The composition root passes the members module's party-age recompute.
 */
export type CalendarChangePort = (tx: Kysely<DB>, date: string, cal: WorkingCalendar) => Promise<void>;

const lawByDate = new Map<string, { name: string; compensating: boolean }>();
for (const h of HOLIDAY_TABLE) if (!lawByDate.has(h.date)) lawByDate.set(h.date, { name: h.name, compensating: h.compensating });

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const toDomain = (rows: readonly AdjustmentRow[]): CalendarAdjustment[] =>
  rows.map((a) => ({ date: a.date, kind: a.kind, ...(a.note ? { note: a.note } : {}) }));

// eslint-disable-next-line max-lines-per-function -- the service factory: its methods are each within the limit
export function createCalendarService(deps: { db: Kysely<DB>; clock: Clock; afterChange: CalendarChangePort }) {
  const { db, clock } = deps;
  let cached: Promise<WorkingCalendar> | null = null;

  function checkYear(year: number, field: string) {
    if (year < HOLIDAY_YEARS.from || year > HOLIDAY_YEARS.to)
      throw invalid(field, `Lịch làm việc có từ năm ${HOLIDAY_YEARS.from} đến năm ${HOLIDAY_YEARS.to}.`);
  }

  async function change(actor: Actor, date: string, write: (tx: Kysely<DB>) => Promise<{ before: AdjustmentRow | null; after: AdjustmentRow | null }>) {
    await db.transaction().execute(async (tx) => {
      const { before, after } = await write(tx);
      const cal = createWorkingCalendar(toDomain(await listAdjustments(tx)));
      await deps.afterChange(tx, date, cal);
      await writeAudit(tx, { id: actor.userId, name: actor.username }, clock.now(), [
        {
          action: after ? 'calendar.adjust' : 'calendar.adjust_remove',
          entityType: 'calendar',
          entityId: null,
          scopeOrgId: null,
          before: before ?? null,
          after: after ?? { date },
        },
      ]);
    });
    cached = null;
  }

  return {
    /** The working calendar with the adjustments; `executor` is the transaction when the caller holds one. */
    workingCalendar(executor: Kysely<DB> = db): Promise<WorkingCalendar> {
      if (!cached) {
        const loading = listAdjustments(executor).then((rows) => createWorkingCalendar(toDomain(rows)));
        cached = loading;
        loading.catch(() => {
          if (cached === loading) cached = null;
        });
      }
      return cached;
    },

    /** A year's holidays by law, its weekends and the adjustments, with the working days they leave. */
    async year(actor: Actor, year: number): Promise<CalendarYear> {
      if (!canReadCalendar(actor)) throw forbidden();
      checkYear(year, 'year');
      const from = `${year}-01-01`;
      const to = `${year}-12-31`;
      const adjustments = await adjustmentsBetween(db, from, to);
      const cal = await this.workingCalendar();
      const byDate = new Map(adjustments.map((a) => [a.date, a]));
      let saturdays = 0;
      let sundays = 0;
      let worked = 0;
      let workingDays = 0;
      let days = 0;
      for (let d = from; d <= to; d = addDays(d, 1)) {
        days++;
        if (cal.isWorkingDay(d)) workingDays++;
        if (!isWeekend(d)) continue;
        if (weekday(d) === 6) saturdays++;
        else sundays++;
        if (byDate.get(d)?.kind === 'workday') worked++;
      }
      return {
        year,
        lawHolidays: HOLIDAY_TABLE.filter((h) => h.date >= from && h.date <= to).map((h) => ({
          date: h.date,
          weekday: weekday(h.date),
          name: h.name,
          compensating: h.compensating,
          workedByAdjustment: byDate.get(h.date)?.kind === 'workday',
        })),
        adjustments: adjustments.map((a) => ({ date: a.date, weekday: weekday(a.date), kind: a.kind, note: a.note })),
        weekends: { saturdays, sundays, worked },
        workingDays,
        daysOff: days - workingDays,
        canEdit: canEditCalendar(actor),
      };
    },

    /** Records (or replaces) the adjustment of one day. */
    async put(actor: Actor, date: string, input: AdjustmentInput) {
      if (!canEditCalendar(actor)) throw forbidden('Chỉ quản trị hệ thống được điều chỉnh lịch làm việc.');
      checkYear(Number(date.slice(0, 4)), 'date');
      const law = lawByDate.get(date);
      if (input.kind === 'holiday' && law) throw invalid('kind', `Ngày ${formatVnDate(date)} đã là ngày nghỉ theo luật (${law.name}).`);
      if (input.kind === 'holiday' && isWeekend(date)) throw invalid('kind', `Ngày ${formatVnDate(date)} là ngày nghỉ cuối tuần, không cần ghi thêm.`);
      if (input.kind === 'workday' && !law && !isWeekend(date)) throw invalid('kind', `Ngày ${formatVnDate(date)} đã là ngày làm việc.`);
      const row: AdjustmentRow = { date, kind: input.kind, note: input.note ?? null };
      await change(actor, date, async (tx) => {
        const before = (await findAdjustment(tx, date)) ?? null;
        await upsertAdjustment(tx, row);
        return { before, after: row };
      });
      return this.year(actor, Number(date.slice(0, 4)));
    },

    /** Removes the adjustment of one day: the law's calendar applies to it again. */
    async remove(actor: Actor, date: string) {
      if (!canEditCalendar(actor)) throw forbidden('Chỉ quản trị hệ thống được điều chỉnh lịch làm việc.');
      await change(actor, date, async (tx) => {
        const before = await findAdjustment(tx, date);
        if (!before) throw notFound(`Ngày ${formatVnDate(date)} không có điều chỉnh nào.`);
        await deleteAdjustment(tx, date);
        return { before, after: null };
      });
      return this.year(actor, Number(date.slice(0, 4)));
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
