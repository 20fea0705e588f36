/**
 * Terms and committees (issue 17 part 4): an organisation's terms, the committee elected at each congress and its
 * dated changes, the committee on a date with its warnings. Writes are one transaction each with their audit entry;
 * the organisation's committee is written by its superior (an editor of a scope strictly above it) and read within
 * scope.
 */
import { v7 as uuidv7 } from 'uuid';
import type { AddSeatBody, CreateTermBody, EndSeatBody } from '../../../contract/congress.ts';
import {
  BODY_LABELS,
  COMMITTEE_POSTS,
  COMMITTEE_POSTS_OF,
  committeeWarnings,
  POST_LABELS,
  SEAT_END_LABELS,
  SEAT_HOW_LABELS,
  seatsOn,
  type CommitteeBody,
  type CommitteePost,
} from '../../../domain/congress.ts';
import { ruleSetOn } from '../../../domain/rulesets.ts';
import { scopeFor, type Actor } from '../../http/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { findMember } from '../members/members.repo.ts';
import { disciplineInForce } from '../discipline/discipline.effects.ts';
import { DISCIPLINE_FORM_LABELS } from '../../../domain/discipline.ts';
import { formatVnDate } from '../../../domain/dates.ts';
import { anyGrassrootsOn } from '../orgs/orgs.evaluation.repo.ts';
import { orgCurrentPath, orgKindOn, orgNameOn, orgPathOn } from '../orgs/orgs.members.repo.ts';
import { latestOrgNames } from '../orgs/orgs.evaluation.repo.ts';
import { actorOf, canRead, canWriteCommittee, loadTerm, termView, type CongressDeps } from './congress.context.ts';
import { endSeat, findSeat, insertSeats, insertTerm, officialMembersOn, seatRolls, seatsOf, termOn, termsOf } from './congress.repo.ts';

const FORBIDDEN_WRITE = 'Cấp ủy của một tổ chức do cấp trên trực tiếp quyết định: chỉ cán bộ của cấp trên mới được ghi nhận nhiệm kỳ, cấp ủy.';

/** An organisation as it is on a date: its kind's flags, or undefined when it did not exist. */
async function kindOn(deps: CongressDeps, orgId: string, date: string) {
  const k = await orgKindOn(deps.db, orgId, date);
  if (!k) return undefined;
  return { is_cell: k.is_cell, is_grassroots: await anyGrassrootsOn(deps.db, [orgId], date), name: k.name };
}

/** The current kind of an organisation (today, else the last day it existed: the congress date of its last term). */
async function kindNow(deps: CongressDeps, orgId: string, fallbackDate: string) {
  return (await kindOn(deps, orgId, deps.clock.today())) ?? (await kindOn(deps, orgId, fallbackDate)) ?? { is_cell: false, is_grassroots: false, name: '' };
}

/** The terms of an organisation in scope, oldest first. */
export async function listTerms(deps: CongressDeps, actor: Actor, orgId: string) {
  const org = await orgCurrentPath(deps.db, orgId);
  if (!org || !canRead(actor, org.current_path)) throw notFound('Không tìm thấy tổ chức (hoặc ngoài phạm vi quản lý).');
  const canEdit = canWriteCommittee(actor, org.current_path);
  const [terms, names] = await Promise.all([termsOf(deps.db, orgId), latestOrgNames(deps.db, [orgId])]);
  const kind = await kindNow(deps, orgId, terms.at(-1)?.congress_on ?? deps.clock.today());
  const orgName = names.get(orgId) ?? '';
  return { orgId, orgName, canEdit, items: terms.map((t) => termView(t, orgName, kind, canEdit)) };
}

interface PersonInput {
  memberId?: string | null | undefined;
  fullName?: string | null | undefined;
  body: CommitteeBody;
  post: CommitteePost;
}

/**
 * Checks a person for a seat (a member the actor reads, or a name) and the post against the body; answers the name.
 * A member under a party discipline in force on the seat's first day is refused (domain.md §11: a discipline in force
 * blocks appointment; the discipline module's one reading, `disciplineInForce`).
 */
async function personName(deps: CongressDeps, actor: Actor, p: PersonInput, field: string, on: string): Promise<string> {
  if (!COMMITTEE_POSTS_OF[p.body].includes(p.post))
    throw invalid(`${field}.post`, `Chức vụ «${POST_LABELS[p.post]}» không thuộc ${BODY_LABELS[p.body].toLowerCase()}.`);
  if (p.memberId) {
    const m = await findMember(deps.db, scopeFor(actor, 'read'), p.memberId);
    if (!m) throw notFound('Không tìm thấy đảng viên (hoặc ngoài phạm vi quản lý).');
    const d = await disciplineInForce(deps.db, { memberId: p.memberId }, on);
    if (d)
      throw conflict(
        `Đồng chí ${m.full_name} đang trong thời hạn kỷ luật ${DISCIPLINE_FORM_LABELS[d.form].toLowerCase()} (quyết định số ${d.decisionNo} ngày ${formatVnDate(d.decidedOn)}): chưa được bầu, chỉ định vào cấp ủy.`,
      );
    return m.full_name;
  }
  return p.fullName ?? '';
}

/** Records a term with the committee elected at its congress; answers its id. */
export async function createTerm(deps: CongressDeps, actor: Actor, b: CreateTermBody): Promise<string> {
  const { db, clock } = deps;
  const today = clock.today();
  const org = await orgCurrentPath(db, b.orgId);
  if (!org || !canRead(actor, org.current_path)) throw notFound('Không tìm thấy tổ chức (hoặc ngoài phạm vi quản lý).');
  if (!canWriteCommittee(actor, org.current_path)) throw forbidden(FORBIDDEN_WRITE);
  if (b.congressOn > today) throw invalid('congressOn', 'Ngày đại hội không được sau hôm nay (ghi nhận đại hội đã tổ chức).');
  const year = Number(b.congressOn.slice(0, 4));
  if (Math.abs(year - b.fromYear) > 1) throw invalid('fromYear', 'Năm bắt đầu nhiệm kỳ phải gần năm tổ chức đại hội (chênh không quá một năm).');
  if (b.decisionOn && b.decisionOn < b.congressOn) throw invalid('decisionOn', 'Ngày quyết định chuẩn y không được trước ngày đại hội.');
  if (b.decisionOn && b.decisionOn > today) throw invalid('decisionOn', 'Ngày quyết định không được sau hôm nay.');
  if (!(await orgKindOn(db, b.orgId, b.congressOn))) throw invalid('congressOn', 'Vào ngày đại hội tổ chức này chưa thành lập hoặc đã giải thể.');
  const seats = b.seats ?? [];
  const names: string[] = [];
  for (const [i, s] of seats.entries()) names.push(await personName(deps, actor, s, `seats.${i}`, b.congressOn));
  const id = uuidv7();
  const now = clock.now();
  await db.transaction().execute(async (tx) => {
    if (await termOn(tx, b.orgId, b.congressOn)) throw conflict('Tổ chức này đã có nhiệm kỳ mở đầu bằng đại hội cùng ngày.');
    await insertTerm(tx, {
      id,
      org_id: b.orgId,
      from_year: b.fromYear,
      to_year: b.toYear,
      congress_on: b.congressOn,
      decision_no: b.decisionNo ?? null,
      decision_on: b.decisionOn ?? null,
      note: b.note ?? null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await insertSeats(
      tx,
      seats.map((s, i) => ({
        id: uuidv7(),
        term_id: id,
        member_id: s.memberId ?? null,
        full_name: names[i]!,
        body: s.body,
        post: s.post,
        from_on: b.congressOn,
        how: 'elected' as const,
        created_at: now,
        updated_at: now,
      })),
    );
    const after = { orgId: b.orgId, years: `${b.fromYear}–${b.toYear}`, congressOn: b.congressOn, seats: seats.length };
    await writeAudit(tx, actorOf(actor), now, [
      { action: 'congress.term_create', entityType: 'congress_term', entityId: id, scopeOrgId: b.orgId, before: null, after },
    ]);
  });
  return id;
}

const postRank = (p: CommitteePost) => COMMITTEE_POSTS.indexOf(p);

type SeatRow = Awaited<ReturnType<typeof seatsOf>>[number];

function seatView(s: SeatRow, rollNote: string | null) {
  return {
    id: s.id,
    memberId: s.member_id,
    fullName: s.full_name,
    body: s.body,
    bodyLabel: BODY_LABELS[s.body],
    post: s.post,
    postLabel: POST_LABELS[s.post],
    fromOn: s.from_on,
    how: s.how,
    howLabel: SEAT_HOW_LABELS[s.how],
    decisionNo: s.decision_no,
    endedOn: s.ended_on,
    endReason: s.end_reason,
    endReasonLabel: s.end_reason ? SEAT_END_LABELS[s.end_reason] : null,
    endDecisionNo: s.end_decision_no,
    endNote: s.end_note,
    rollNote,
  };
}

const STATUS_NOTES: Record<string, string> = {
  temporarily_away: 'Đang sinh hoạt tạm thời nơi khác (vẫn là cấp ủy viên)',
  in_transit: 'Đang chuyển sinh hoạt',
  suspended: 'Đang bị đình chỉ sinh hoạt',
  lost_contact: 'Mất liên lạc',
  exempt: 'Miễn sinh hoạt',
};

/**
 * The committee of a term on a date (today by default, within the term): the seats in force, every seat of the term
 * with its dates, the official members of the organisation's subtree on the date and the warnings. A member on
 * temporary transfer stays on his home roll (member_period), so he stays a committee member at home.
 */
export async function committeeOn(deps: CongressDeps, actor: Actor, termId: string, asOfIn: string | undefined) {
  const t = await loadTerm(deps, actor, termId);
  const asOf = asOfIn ?? deps.clock.today();
  const [seats, kind, pathOn] = await Promise.all([
    seatsOf(deps.db, termId),
    kindOn(deps, t.org_id, asOf).then((k) => k ?? kindNow(deps, t.org_id, t.congress_on)),
    orgPathOn(deps.db, t.org_id, asOf),
  ]);
  const inForce = seatsOn(seats, asOf).sort((a, b) => postRank(a.post) - postRank(b.post) || a.full_name.localeCompare(b.full_name, 'vi'));
  const memberIds = [...new Set(inForce.flatMap((s) => (s.member_id ? [s.member_id] : [])))];
  const [rolls, official] = pathOn
    ? await Promise.all([seatRolls(deps.db, memberIds, asOf, pathOn.path), officialMembersOn(deps.db, pathOn.path, asOf)])
    : [[], 0];
  const rollOf = new Map(rolls.map((r) => [r.member_id, r]));
  const noteOf = (s: SeatRow): string | null => {
    if (!s.member_id || !pathOn) return null;
    const r = rollOf.get(s.member_id);
    if (!r) return 'Không còn trong danh sách đảng viên vào ngày này';
    if (!r.inside) return 'Không sinh hoạt tại đảng bộ, chi bộ này vào ngày này';
    return STATUS_NOTES[r.status] ?? null;
  };
  const canEdit = canWriteCommittee(actor, t.org_path);
  const orgName = (await orgNameOn(deps.db, t.org_id, asOf)) || (t.org_name ?? '');
  const threshold = ruleSetOn(asOf).orgSize.cellCommitteeThreshold;
  return {
    term: termView(t, t.org_name ?? '', kind, canEdit),
    asOf,
    orgNameOn: orgName,
    seats: inForce.map((s) => seatView(s, noteOf(s))),
    history: seats.map((s) => seatView(s, null)),
    officialMembers: official,
    warnings: committeeWarnings(kind, official, inForce, threshold),
  };
}

/** A change during the term: someone elected or appointed additionally, or taking a new post, from a date. */
export async function addSeat(deps: CongressDeps, actor: Actor, termId: string, b: AddSeatBody): Promise<void> {
  const t = await loadTerm(deps, actor, termId);
  if (!canWriteCommittee(actor, t.org_path)) throw forbidden(FORBIDDEN_WRITE);
  if (b.how === 'elected')
    throw invalid('how', 'Người được bầu tại đại hội ghi cùng nhiệm kỳ; thay đổi trong nhiệm kỳ là bầu bổ sung, chỉ định bổ sung hoặc thay đổi chức vụ.');
  if (b.fromOn < t.congress_on) throw invalid('fromOn', 'Ngày bắt đầu không được trước ngày đại hội của nhiệm kỳ.');
  if (b.fromOn > deps.clock.today()) throw invalid('fromOn', 'Ngày bắt đầu không được sau hôm nay.');
  const name = await personName(deps, actor, b, 'seat', b.fromOn);
  const now = deps.clock.now();
  const id = uuidv7();
  await deps.db.transaction().execute(async (tx) => {
    await insertSeats(tx, [
      {
        id,
        term_id: termId,
        member_id: b.memberId ?? null,
        full_name: name,
        body: b.body,
        post: b.post,
        from_on: b.fromOn,
        how: b.how,
        decision_no: b.decisionNo ?? null,
        created_at: now,
        updated_at: now,
      },
    ]);
    const after = { name, post: b.post, fromOn: b.fromOn, how: b.how, decisionNo: b.decisionNo ?? null };
    await writeAudit(tx, actorOf(actor), now, [
      { action: 'congress.seat_add', entityType: 'congress_term', entityId: termId, scopeOrgId: t.org_id, before: null, after },
    ]);
  });
}

/** A seat ends on a date (resigned, moved, disciplined, deceased, a change of post); answers its term's id. */
export async function closeSeat(deps: CongressDeps, actor: Actor, seatId: string, b: EndSeatBody): Promise<string> {
  const s = await findSeat(deps.db, seatId);
  if (!s || !canRead(actor, s.org_path)) throw notFound('Không tìm thấy cấp ủy viên (hoặc ngoài phạm vi quản lý).');
  if (!canWriteCommittee(actor, s.org_path)) throw forbidden(FORBIDDEN_WRITE);
  if (s.ended_on) throw conflict(`Đã ghi nhận thôi giữ chức vụ từ ngày ${s.ended_on.split('-').reverse().join('/')}.`);
  if (b.endedOn <= s.from_on) throw invalid('endedOn', 'Ngày thôi giữ chức vụ phải sau ngày bắt đầu.');
  if (b.endedOn > deps.clock.today()) throw invalid('endedOn', 'Ngày thôi giữ chức vụ không được sau hôm nay.');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    await endSeat(tx, seatId, { ended_on: b.endedOn, end_reason: b.reason, end_decision_no: b.decisionNo ?? null, end_note: b.note ?? null, updated_at: now });
    const after = { name: s.full_name, post: s.post, endedOn: b.endedOn, reason: b.reason, decisionNo: b.decisionNo ?? null };
    await writeAudit(tx, actorOf(actor), now, [
      { action: 'congress.seat_end', entityType: 'congress_term', entityId: s.term_id, scopeOrgId: s.org_id, before: null, after },
    ]);
  });
  return s.term_id;
}
