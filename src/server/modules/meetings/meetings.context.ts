/**
 * What the parts of the meetings service share: the dependencies the composition root passes, loading a meeting in
 * the reader's scope (404 outside it), the write check (403), and the limits on dates.
 */
import type { Kysely } from 'kysely';
import { addDays } from '../../../domain/dates.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { scopeFor, type Actor } from '../../http/actor.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import type { RuleSetsService } from '../rulesets/rulesets.service.ts';
import { canEditMeetings } from './meetings.policy.ts';
import { findMeeting } from './meetings.repo.ts';

export interface MeetingsDeps {
  db: Kysely<DB>;
  clock: Clock;
  rulesets: RuleSetsService;
}

export const actorOf = (a: Actor) => ({ id: a.userId, name: a.username });

/** A meeting in the actor's read scope, else 404 (a sibling's meeting is not found, never forbidden). */
export async function loadMeeting(deps: MeetingsDeps, actor: Actor, id: string, conn: Kysely<DB> = deps.db) {
  const m = await findMeeting(conn, scopeFor(actor, 'read'), id);
  if (!m) throw notFound('Không tìm thấy buổi sinh hoạt (hoặc ngoài phạm vi quản lý).');
  return m;
}

export function assertCanEdit(actor: Actor, m: { org_id: string; current_path: string }): void {
  if (!canEditMeetings(actor, m)) throw forbidden('Chỉ cấp ủy, cán bộ của chính tổ chức đảng này được ghi sinh hoạt; cấp trên chỉ xem.');
}

/** A planned date: no earlier than 2000, at most a year ahead. */
export function checkPlannedOn(deps: MeetingsDeps, date: string, field = 'plannedOn'): void {
  if (date < '2000-01-01') throw invalid(field, 'Ngày sinh hoạt quá xa trong quá khứ (từ năm 2000).');
  if (date > addDays(deps.clock.today(), 366)) throw invalid(field, 'Chỉ lên lịch sinh hoạt trong vòng một năm tới.');
}

/** A date something happened: not in the future. */
export function checkPast(deps: MeetingsDeps, date: string, field: string, what: string): void {
  if (date < '2000-01-01') throw invalid(field, `${what} quá xa trong quá khứ (từ năm 2000).`);
  if (date > deps.clock.today()) throw invalid(field, `${what} không được sau ngày hôm nay.`);
}
