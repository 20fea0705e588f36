/**
 * What every part of the admissions service shares: its dependencies (passed by the composition root), the dossier
 * load in the reader's scope, the rule set a dossier was opened under, the member lookups the steps check, and the
 * error of failed checks.
 */
import type { Kysely } from 'kysely';
import { ADMISSION_STEPS, NOT_OVERRIDABLE, voteDenominator, type CheckFailure, type Introducer } from '../../../domain/admission.ts';
import { statusOn } from '../../../domain/member-status.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { scopeFor, type Actor } from '../../http/actor.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import { cellMembersOn, memberEvents } from '../members/members.admissions.repo.ts';
import { findMember } from '../members/members.repo.ts';
import type { MembersService } from '../members/members.service.ts';
import type { RuleSetsService } from '../rulesets/rulesets.service.ts';
import { findDossier } from './admissions.repo.ts';

export interface AdmissionsDeps {
  db: Kysely<DB>;
  clock: Clock;
  calendar: CalendarService;
  members: MembersService;
  rulesets: RuleSetsService;
}

/** Statuses in which a person is no longer counted in the Party for the checks of a step. */
const TERMINAL = ['deceased', 'struck_off', 'left', 'expelled', 'in_transit'];
/** Steps that may be recorded again (a correction) until the cell votes: the latest record counts. */
export const BEFORE_VOTE = ADMISSION_STEPS.slice(0, ADMISSION_STEPS.indexOf('cell_vote'));

export const actorOf = (a: Actor) => ({ id: a.userId, name: a.username });

export const checkFailed = (failures: CheckFailure[]) =>
  new AppError(
    422,
    'CHECK_FAILED',
    failures.map((f) => f.message).join(' '),
    failures.map((f) => ({ field: 'checks', code: f.code, message: f.message, overridable: !NOT_OVERRIDABLE.includes(f.code) })),
  );

/** A dossier in the actor's read scope (404 otherwise), with its cell's current path and name today. */
export async function loadDossier(deps: AdmissionsDeps, actor: Actor, id: string) {
  const d = await findDossier(deps.db, scopeFor(actor, 'read'), id, deps.clock.today());
  if (!d) throw notFound('Không tìm thấy hồ sơ kết nạp.');
  return d;
}

/**
 * The version a dossier was opened under (domain.md §6, §12), from the rule-set registry (loaded at the start and
 * after each new version, so never inside a transaction of this service).
 */
export async function rulesOf(deps: AdmissionsDeps, d: { ruleset_id: string; opened_on: string }) {
  const registry = await deps.rulesets.registry();
  return registry.byId(d.ruleset_id) ?? registry.on(d.opened_on);
}

/** A member in the actor's read scope, with his status and membership on `date`. */
export async function memberOn(conn: Kysely<DB>, actor: Actor, memberId: string, date: string, field: string) {
  const m = await findMember(conn, scopeFor(actor, 'read'), memberId);
  if (!m) throw invalid(field, 'Không tìm thấy đảng viên (hoặc ngoài phạm vi quản lý).');
  const events = (await memberEvents(conn, [memberId])).get(memberId) ?? [];
  const p = statusOn(events, date);
  const inParty = p !== null && !TERMINAL.includes(p.status);
  return { row: m, name: m.full_name, official: inParty && p.membership === 'official', inParty, events };
}

/** The introducers as they were on `date`: each a member in scope, official or not that day. */
export async function introducersOn(
  conn: Kysely<DB>,
  actor: Actor,
  list: readonly { memberId: string; monthsTogether: number }[],
  date: string,
): Promise<Introducer[]> {
  const out: Introducer[] = [];
  for (const [i, x] of list.entries()) {
    const m = await memberOn(conn, actor, x.memberId, date, `introducers.${i}.memberId`);
    out.push({ memberId: x.memberId, name: m.name, officialOnDate: m.official, monthsTogether: x.monthsTogether });
  }
  return out;
}

/** The people a vote leaves out of its denominator, as declared with the vote. */
export interface DeclaredExclusions {
  absent?: readonly string[] | undefined;
  absentWithReason?: readonly string[] | undefined;
  prosecuted?: readonly string[] | undefined;
}

/** A vote's denominator on a date: the cell's roll from the member file, less the declared exclusions (on the roll). */
export async function denominatorOn(conn: Kysely<DB>, cellId: string, date: string, declared: DeclaredExclusions) {
  const members = await cellMembersOn(conn, cellId, date);
  const onRoll = new Set(members.map((m) => m.memberId));
  for (const field of ['absent', 'absentWithReason', 'prosecuted'] as const) {
    if ((declared[field] ?? []).some((id) => !onRoll.has(id))) throw invalid(field, 'Có người không phải đảng viên của chi bộ vào ngày biểu quyết.');
  }
  const d = voteDenominator(members, {
    absent: declared.absent ?? [],
    absentWithReason: declared.absentWithReason ?? [],
    prosecuted: declared.prosecuted ?? [],
  });
  return { date, ...d, members };
}
