/**
 * The badge lists of a scope (domain.md §5): who is due a badge at an anniversary, and who reached a milestone and
 * never received it. The rules are the domain's (`badgeLists` in src/domain/badges.ts); this file only decides which
 * members they need to see, so that a province of ~100,000 members is not read whole. Every reader goes through a
 * partial index of migration 0011, and member.badge_top (the highest milestone received, kept by triggers) stands
 * for the awards:
 *
 * - A "plain" history has lost no day of party age: member.party_age_from (the first admission shifted by the gaps,
 *   kept by the service) is the admission itself, and no gap may be opening (in transit, lost contact). Its milestone
 *   M is reached on exactly admitted_on + M years, because the official date is the end of the probation
 *   (validateEvent holds it to the ceremony + 12 months), long before the first milestone; exemptions, suspensions and
 *   transfers on time change the status, not the dates. Such a member can be due only when that date falls in the
 *   anniversary's window (wider for the seriously ill, through their own index), and it is in the backlog exactly
 *   when the next milestone above badge_top is reached by today, which the database counts and pages itself: one
 *   index range per value of badge_top.
 * - Every other member of the Party (readmission, late transfers, lost contact, …) goes through the general rules with
 *   its events, when a milestone may fall in the window (between admitted_on + M, had no day been lost, and
 *   party_age_from + M) or the backlog may hold it.
 * - Members who left the Party lately go through the general rules too: a deceased member may be proposed for a
 *   posthumous award, and on an anniversary past the others were still members; so do the deceased proposed for a
 *   posthumous award, whenever they died (migration 0014's index).
 * - Members a discipline delay may have held back at the previous anniversary (a party decision in the longest delay
 *   before it, migration 0014's index) go through the general rules for the due list (dueAt).
 *
 * src/server/demo/seed.test.ts checks, on the demo province, that the lists equal the rules run over every member.
 * The windows are a little wider than needed: the domain decides each member exactly.
 */
import type { Kysely, SqlBool } from 'kysely';
import ExcelJS from 'exceljs';
import { formatVnDate } from '../../../domain/dates.ts';
import { badgeLists, previousAnniversary, type BadgeMember } from '../../../domain/badges.ts';
import type { MemberEvent } from '../../../domain/member-status.ts';
import { ruleSetOn } from '../../../domain/rulesets.ts';
import type { DB } from '../../db/schema.ts';
import type { Scope } from '../../http/actor.ts';
import { DATE_FORMAT, excelDay, styleHeader } from '../../office/sheet-style.ts';
import { partyDecisionsByMember } from '../discipline/discipline.effects.ts';
import {
  countPlainBacklog,
  findGappedCandidates,
  findHeldBackCandidates,
  findIllDue,
  findLeftCandidates,
  findPlainBacklogPage,
  findPlainDue,
  findPosthumousCandidates,
  type BadgeCandidateQuery,
} from './members.badges.repo.ts';
import { eventsInOrder } from './members.repo.ts';
import { orgNamesInForce } from '../orgs/orgs.members.repo.ts';
import { rowToEvent } from '../../../domain/member-events.ts';

/** The badge facts member.flags keeps: serious illness from a date, with its document, and a posthumous proposal. */
export interface BadgeStanding {
  seriousIllness: { since: string | null; document: string | null } | null;
  posthumousProposal: { proposedOn: string | null; document: string | null } | null;
}

const FLAG_KEYS = ['seriouslyIll', 'seriouslyIllSince', 'seriouslyIllDocument', 'posthumous', 'posthumousProposedOn', 'posthumousDocument'] as const;
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The badge standing recorded in member.flags (an older flag without date or document shows them as null). */
export function badgeStandingOf(flags: unknown): BadgeStanding {
  const f = (flags ?? {}) as Record<string, unknown>;
  return {
    seriousIllness: f.seriouslyIll === true ? { since: text(f.seriouslyIllSince), document: text(f.seriouslyIllDocument) } : null,
    posthumousProposal: f.posthumous === true ? { proposedOn: text(f.posthumousProposedOn), document: text(f.posthumousDocument) } : null,
  };
}

/** What the badge rules read of member.flags. */
export function badgeFlagsOf(flags: unknown): Pick<BadgeMember, 'seriouslyIll' | 'seriouslyIllSince' | 'posthumous'> {
  const f = (flags ?? {}) as Record<string, unknown>;
  return { seriouslyIll: f.seriouslyIll === true, seriouslyIllSince: text(f.seriouslyIllSince), posthumous: f.posthumous === true };
}

/** member.flags with the badge standing replaced, the other flags kept. */
export function flagsWithBadgeStanding(flags: unknown, standing: BadgeStanding): Record<string, unknown> {
  const out: Record<string, unknown> = { ...((flags ?? {}) as Record<string, unknown>) };
  for (const k of FLAG_KEYS) delete out[k];
  if (standing.seriousIllness)
    Object.assign(out, { seriouslyIll: true, seriouslyIllSince: standing.seriousIllness.since, seriouslyIllDocument: standing.seriousIllness.document });
  if (standing.posthumousProposal) {
    Object.assign(out, {
      posthumous: true,
      posthumousProposedOn: standing.posthumousProposal.proposedOn,
      posthumousDocument: standing.posthumousProposal.document,
    });
  }
  return out;
}

export interface BadgeListOptions {
  scope: Scope;
  /** A subtree of the scope (current paths), when the list is asked for one organisation. */
  subtree?: { from: string; to: string } | undefined;
  today: string;
  anniversary: string;
  /** A page of the backlog; null for all of it (export). */
  page: { offset: number; limit: number } | null;
  /** False to skip the "reached and never awarded" list (the member list's badge filter needs the due list only). */
  backlog?: boolean | undefined;
}

export interface BadgeDueRow {
  memberId: string;
  fullName: string;
  orgName: string;
  milestone: number;
  reachedOn: string;
  eligible: boolean;
  early: 'illness' | 'posthumous' | false;
  reason: string | null;
}

export interface BadgeBacklogRow {
  memberId: string;
  fullName: string;
  orgName: string;
  milestone: number;
  reachedOn: string;
}

export interface BadgeListAnswer {
  anniversary: string;
  due: BadgeDueRow[];
  reachedNeverAwarded: BadgeBacklogRow[];
  reachedNeverAwardedTotal: number;
}

interface MemberRow {
  id: string;
  full_name: string;
  org_id: string;
  name_sort_key: string;
  flags: unknown;
  admitted_on: string | null;
  official_on: string | null;
  status: string;
  badge_top: number;
  disciplined: SqlBool;
}

type ListMember = BadgeMember & { row: MemberRow };

const byKey = (a: { row: MemberRow }, b: { row: MemberRow }) =>
  a.row.name_sort_key < b.row.name_sort_key ? -1 : a.row.name_sort_key > b.row.name_sort_key ? 1 : a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0;

function groupBy<T extends { member_id: string }>(list: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of list) {
    const l = m.get(x.member_id);
    if (l) l.push(x);
    else m.set(x.member_id, [x]);
  }
  return m;
}

function unique<T extends { id: string }>(rows: readonly T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.id) && (seen.add(r.id), true));
}

function chunks<T>(a: readonly T[], n = 5000): T[][] {
  return Array.from({ length: Math.ceil(a.length / n) }, (_, i) => a.slice(i * n, (i + 1) * n));
}

/** What the candidate readers need, worked out from the rule sets of the anniversary, of today and of the previous anniversary. */
function candidateQuery(o: BadgeListOptions): BadgeCandidateQuery {
  const { today, anniversary } = o;
  const rulesA = ruleSetOn(anniversary);
  const previous = previousAnniversary(anniversary);
  const milestonesA = [...rulesA.badges.milestones].sort((a, b) => a - b);
  const milestonesT = [...ruleSetOn(today).badges.milestones].sort((a, b) => a - b);
  const earlyMonths = (m: number) => [...rulesA.badges.earlyForIllness].sort((a, b) => a.upToYears - b.upToYears).find((b) => m <= b.upToYears)?.months ?? 0;
  const maxEarly = Math.max(0, ...milestonesA.map(earlyMonths));
  const maxDelay = Math.max(0, ...Object.values(ruleSetOn(previous).badges.disciplineDelayMonths));
  return {
    scope: o.scope,
    subtree: o.subtree,
    today,
    anniversary,
    previous,
    milestonesA,
    milestonesT,
    earlyMonths,
    maxEarly,
    posthumousEarlyMonths: rulesA.badges.posthumousEarlyMonths,
    maxDelay,
    page: o.page,
  };
}

/** The names in force on `today` of the organisations, by id. */
async function orgNamesOf(db: Kysely<DB>, orgIds: string[], today: string): Promise<Map<string, string>> {
  const orgNames = new Map<string, string>();
  for (const c of chunks(orgIds)) {
    const names = await orgNamesInForce(db, c, today);
    for (const n of names) orgNames.set(n.org_id, n.name);
  }
  return orgNames;
}

export async function loadBadgeLists(db: Kysely<DB>, o: BadgeListOptions): Promise<BadgeListAnswer> {
  const { today, anniversary } = o;
  const q = candidateQuery(o);
  if (q.milestonesA.length === 0 && q.milestonesT.length === 0) return { anniversary, due: [], reachedNeverAwarded: [], reachedNeverAwardedTotal: 0 };

  const withBacklog = o.backlog !== false;
  const [generalRows, dueRows, heldRows, backlogRows, plainTotal] = await Promise.all([
    Promise.all([findGappedCandidates(db, q), findLeftCandidates(db, q), findPosthumousCandidates(db, q)]).then((x) => unique(x.flat())),
    Promise.all([findPlainDue(db, q), findIllDue(db, q)]).then(([a, b]) => unique([...a, ...b])),
    findHeldBackCandidates(db, q),
    withBacklog ? findPlainBacklogPage(db, q) : [],
    withBacklog ? countPlainBacklog(db, q) : 0,
  ]);
  const generalIds = generalRows.map((r) => r.id);
  // The held back who are in neither set already (those who are, the rules see there with their disciplines).
  const seenIds = new Set([...generalIds, ...dueRows.map((r) => r.id)]);
  const heldOnly = heldRows.filter((r) => !seenIds.has(r.id));
  // For an anniversary to come, a plain history's status then is its status now (no event is dated in the future),
  // and of those statuses only a suspension holds a badge back: the due list needs no events of plain histories. For
  // an anniversary past, their events are read. The rules need of the awards only the highest (badge_top), and
  // the disciplines only of the few members who have one.
  // A disciplined member may have been held back at the previous anniversary, a date before today: his events too.
  const upcoming = anniversary >= today;
  const withEvents = [...generalIds, ...dueRows.filter((r) => !upcoming || r.disciplined).map((r) => r.id), ...heldOnly.map((r) => r.id)];
  const disciplined = [...generalRows, ...dueRows, ...heldOnly].filter((r) => r.disciplined).map((r) => r.id);
  const [events, disciplines] = await Promise.all([
    Promise.all(chunks(withEvents).map((c) => eventsInOrder(db, c))).then((x) => groupBy(x.flat())),
    partyDecisionsByMember(db, disciplined),
  ]);

  const plainEvents = (r: MemberRow): MemberEvent[] => {
    const list: MemberEvent[] = [{ kind: 'admitted', date: r.admitted_on!, orgId: r.org_id }];
    if (r.official_on) list.push({ kind: 'recognized_official', date: r.official_on, officialOn: r.official_on });
    return list;
  };
  const member = (r: MemberRow, evts: MemberEvent[]): ListMember => ({
    row: r,
    id: r.id,
    events: evts,
    highestAwarded: r.badge_top,
    disciplines: disciplines.get(r.id) ?? [],
    ...badgeFlagsOf(r.flags),
  });
  const withHistory = (r: MemberRow) => member(r, (events.get(r.id) ?? []).map(rowToEvent));

  const generalLists = badgeLists(generalRows.map(withHistory), anniversary, today);
  const dueLists = badgeLists(
    dueRows.map((r) =>
      upcoming && !r.disciplined
        ? member(r, [...plainEvents(r), ...(r.status === 'suspended' ? [{ kind: 'suspended' as const, date: today }] : [])])
        : withHistory(r),
    ),
    anniversary,
    today,
  );
  const heldLists = badgeLists(heldOnly.map(withHistory), anniversary, today);
  const due = [...generalLists.due, ...dueLists.due, ...heldLists.due].sort((a, b) => byKey(a.member, b.member));

  // The backlog: the plain page from the database merged with the general members', both in name order. A plain
  // history is never out of the Party here (the query leaves those out) and its milestones fall on admitted_on + M
  // years: the admission and the recognition say all the backlog needs.
  const plainBacklog = badgeLists(
    backlogRows.map((r) => member(r, plainEvents(r))),
    anniversary,
    today,
  ).reachedNeverAwarded;
  const merged = withBacklog ? [...plainBacklog, ...generalLists.reachedNeverAwarded].sort((a, b) => byKey(a.member, b.member)) : [];
  const backlog = o.page ? merged.slice(o.page.offset, o.page.offset + o.page.limit) : merged;

  // Current names of the organisations shown.
  const orgIds = [...new Set([...due.map((d) => d.member.row.org_id), ...backlog.map((d) => d.member.row.org_id)])];
  const orgNames = await orgNamesOf(db, orgIds, today);
  const person = (m: ListMember) => ({ memberId: m.row.id, fullName: m.row.full_name, orgName: orgNames.get(m.row.org_id) ?? '' });
  return {
    anniversary,
    due: due.map(({ member: m, eligibility: e }) => ({
      ...person(m),
      milestone: e.milestone,
      reachedOn: e.reachedOn,
      eligible: e.eligible,
      early: e.early ?? false,
      reason: e.reason ?? null,
    })),
    reachedNeverAwarded: backlog.map(({ member: m, milestone, reachedOn }) => ({ ...person(m), milestone, reachedOn })),
    reachedNeverAwardedTotal: withBacklog ? plainTotal + generalLists.reachedNeverAwarded.length : 0,
  };
}

/** The two lists as a workbook, one sheet each, dates DD/MM/YYYY. */
export async function badgeListWorkbook(answer: BadgeListAnswer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hạt Nhân';
  // Row numbers, milestones and dates are values (issue 12 part 8); names and reasons are text.
  const sheet = (name: string, headers: string[], widths: number[], rows: (string | number)[][]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = widths.map((width) => ({ width }));
    styleHeader(ws.addRow(headers));
    rows.forEach((r, i) => {
      const row = ws.addRow([i + 1, ...r.map((v) => (typeof v === 'string' ? excelDay(v) : v))]);
      row.eachCell((c) => {
        if (c.value instanceof Date) c.numFmt = DATE_FORMAT;
      });
      row.getCell(4).numFmt = '0" năm"';
    });
  };
  const common = ['STT', 'Họ và tên', 'Chi bộ', 'Mốc tuổi đảng', 'Ngày đủ tuổi đảng'];
  sheet(
    `Dịp ${formatVnDate(answer.anniversary).replaceAll('/', '-')}`,
    [...common, 'Xét tặng'],
    [6, 28, 40, 14, 16, 60],
    answer.due.map((d) => [
      d.fullName,
      d.orgName,
      d.milestone,
      d.reachedOn,
      d.eligible
        ? d.early === 'illness'
          ? 'Đủ điều kiện (tặng sớm do ốm đau)'
          : d.early === 'posthumous'
            ? 'Đủ điều kiện (truy tặng)'
            : 'Đủ điều kiện'
        : (d.reason ?? 'Chưa đủ điều kiện'),
    ]),
  );
  sheet(
    'Đủ mốc chưa được trao',
    common,
    [6, 28, 40, 14, 16],
    answer.reachedNeverAwarded.map((d) => [d.fullName, d.orgName, d.milestone, d.reachedOn]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
