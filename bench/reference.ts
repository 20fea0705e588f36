/**
 * The benchmark's side-by-side statements (issue 13 part 1): for each case, one hand-written statement that gives the
 * same answer as the application's route on the same engine and data, written the way a careful person would write
 * it for that one answer. `compare` in run.ts checks the two answers equal (through the projections below) before it
 * times them, interleaved. The statements read the tables directly: they are the yardstick, not product code.
 *
 * Readings of "the same answer": the organisation page is the organisation (name, child count, member count on the
 * date) with its ancestors and its children (each with its child and member counts), as the web opens it; a list is
 * its total and the ids of its first page in order; the member file is the member with his organisation's name, his
 * events, awards and disciplines (what the file's party age and badge are computed from) and the calendar's
 * adjustments. Counts read the member tally, as the application may when the date is after every recorded change.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/server/db/schema.ts';

/** What two answers of an organisation page are compared on. */
export interface OrgPageProjection {
  id: string;
  name: string;
  childCount: number;
  official: number;
  probationary: number;
  ancestors: string[];
  children: { id: string; name: string; childCount: number; official: number; probationary: number }[];
}

interface AppOrg {
  id: string;
  name: string;
  childCount: number;
  memberCount: { official: number; probationary: number };
}

/** The application's two answers (the organisation, then its children) as compared. */
export function projectAppOrgPage(detail: AppOrg & { ancestors: { name: string }[] }, children: { items: AppOrg[] }): OrgPageProjection {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    id: detail.id,
    name: detail.name,
    childCount: detail.childCount,
    official: detail.memberCount.official,
    probationary: detail.memberCount.probationary,
    ancestors: detail.ancestors.map((a) => a.name),
    children: children.items
      .map((c) => ({ id: c.id, name: c.name, childCount: c.childCount, official: c.memberCount.official, probationary: c.memberCount.probationary }))
      .sort(byId),
  };
}

/** The organisation page in one statement: the node, its ancestors' names, its children, their child and member counts. */
export async function orgPageReference(db: Kysely<DB>, id: string, asOf: string): Promise<OrgPageProjection> {
  const { rows } = await sql<{ page: OrgPageProjection }>`
    WITH node AS (
      SELECT v.org_id, v.name, v.path, v.depth
      FROM org_version v
      WHERE v.org_id = ${id} AND v.valid_from <= ${asOf} AND (v.valid_to IS NULL OR v.valid_to > ${asOf})
    ),
    kids AS (
      SELECT c.org_id, c.name
      FROM node JOIN org_version c ON c.parent_id = node.org_id AND c.valid_from <= ${asOf} AND (c.valid_to IS NULL OR c.valid_to > ${asOf})
    ),
    tally AS (
      SELECT split_part(t.path, '/', node.depth + 3) AS child_id, sum(t.official)::int AS official, sum(t.probationary)::int AS probationary
      FROM node JOIN org_member_tally t ON t.path >= node.path AND t.path < left(node.path, -1) || '0'
      GROUP BY 1
    )
    SELECT json_build_object(
      'id', n.org_id,
      'name', n.name,
      'childCount', (SELECT count(*) FROM kids)::int,
      'official', coalesce((SELECT sum(official) FROM tally), 0)::int,
      'probationary', coalesce((SELECT sum(probationary) FROM tally), 0)::int,
      'ancestors', coalesce((
        SELECT json_agg(a.name ORDER BY p.ord)
        FROM unnest(string_to_array(trim(both '/' from n.path), '/')) WITH ORDINALITY AS p(id, ord)
        JOIN org_version a ON a.org_id = p.id::uuid AND a.valid_from <= ${asOf} AND (a.valid_to IS NULL OR a.valid_to > ${asOf})
        WHERE p.id::uuid <> n.org_id), '[]'::json),
      'children', coalesce((
        SELECT json_agg(json_build_object(
          'id', k.org_id, 'name', k.name,
          'childCount', (SELECT count(*) FROM org_version g
                         WHERE g.parent_id = k.org_id AND g.valid_from <= ${asOf} AND (g.valid_to IS NULL OR g.valid_to > ${asOf}))::int,
          'official', coalesce(t.official, 0), 'probationary', coalesce(t.probationary, 0)) ORDER BY k.org_id)
        FROM kids k LEFT JOIN tally t ON t.child_id = k.org_id::text), '[]'::json)
    ) AS page
    FROM node n`.execute(db);
  const page = rows[0]?.page;
  if (!page) throw new Error(`no organisation ${id} on ${asOf}`);
  return page;
}

/** A list as compared: its total and the ids of its page in order. */
export interface ListProjection {
  total: number;
  ids: string[];
}

export function projectAppList(answer: { items: { id: string }[]; total: number }): ListProjection {
  return { total: answer.total, ids: answer.items.map((m) => m.id) };
}

const PAGE = 50;
const SEARCH_CAP = 1000;

/** Members whose name has a word beginning with the folded text, in name order: the capped count and the first page. */
export async function memberSearchReference(db: Kysely<DB>, folded: string, today: string): Promise<ListProjection> {
  const { rows } = await sql<{ total: number; ids: string[] | null }>`
    WITH hits AS (
      SELECT t.member_id, min(t.sort_key) AS sort_key
      FROM member_name_tail t
      WHERE t.tail >= ${folded} AND t.tail < ${`${folded}\u{10FFFF}`}
      GROUP BY t.member_id
    ),
    page AS (
      SELECT m.id, m.full_name, m.gender, m.birth_date, m.card_no, m.org_id, m.status, m.admitted_on, m.official_on,
             (SELECT v.name FROM org_version v WHERE v.org_id = m.org_id AND v.valid_from <= ${today} AND (v.valid_to IS NULL OR v.valid_to > ${today}) LIMIT 1) AS org_name,
             h.sort_key
      FROM (SELECT * FROM hits ORDER BY sort_key, member_id LIMIT ${PAGE}) h JOIN member m ON m.id = h.member_id
    )
    SELECT least((SELECT count(*) FROM (SELECT 1 FROM hits LIMIT ${SEARCH_CAP + 1}) c), ${SEARCH_CAP})::int AS total,
           (SELECT json_agg(p.id ORDER BY p.sort_key, p.id) FROM page p) AS ids`.execute(db);
  return { total: rows[0]!.total, ids: rows[0]!.ids ?? [] };
}

/** The whole roll's first page in name order and its count from the tally by month of birth (no filter; a system administrator sees the whole tree). */
export async function memberListReference(db: Kysely<DB>, today: string, where: 'all' | 'on_roll'): Promise<ListProjection> {
  const filter = where === 'on_roll' ? sql`m.left_on IS NULL` : sql`true`;
  const tallied = where === 'on_roll' ? sql`t.on_roll` : sql`true`;
  const { rows } = await sql<{ total: number; ids: string[] | null }>`
    WITH page AS (
      SELECT m.id, m.full_name, m.gender, m.birth_date, m.card_no, m.org_id, m.status, m.admitted_on, m.official_on, m.name_sort_key,
             (SELECT v.name FROM org_version v WHERE v.org_id = m.org_id AND v.valid_from <= ${today} AND (v.valid_to IS NULL OR v.valid_to > ${today}) LIMIT 1) AS org_name
      FROM member m WHERE ${filter}
      ORDER BY m.name_sort_key, m.id LIMIT ${PAGE}
    )
    SELECT (SELECT coalesce(sum(t.n), 0) FROM member_birth_tally t WHERE ${tallied})::int AS total, (SELECT json_agg(p.id ORDER BY p.name_sort_key, p.id) FROM page p) AS ids`.execute(
    db,
  );
  return { total: rows[0]!.total, ids: rows[0]!.ids ?? [] };
}

/** What two answers of a member file are compared on. */
export interface MemberFileProjection {
  id: string;
  orgName: string;
  status: string;
  admittedOn: string | null;
  awards: number[];
}

export function projectAppMemberFile(answer: {
  id: string;
  org: { name: string };
  status: string;
  admittedOn: string | null;
  partyAge: { awards: { milestone: number }[] };
}): MemberFileProjection {
  return {
    id: answer.id,
    orgName: answer.org.name,
    status: answer.status,
    admittedOn: answer.admittedOn,
    awards: answer.partyAge.awards.map((a) => a.milestone).sort((a, b) => a - b),
  };
}

/** The member file's records in one statement: the member, his organisation's name, events, awards, disciplines, the calendar. */
export async function memberFileReference(db: Kysely<DB>, id: string, today: string): Promise<MemberFileProjection> {
  const { rows } = await sql<{ file: { member: { id: string; status: string; admitted_on: string | null }; org_name: string; awards: number[] | null } }>`
    SELECT json_build_object(
      'member', to_jsonb(m),
      'org_name', (SELECT v.name FROM org_version v WHERE v.org_id = m.org_id
                   ORDER BY (v.valid_from <= ${today}) DESC, CASE WHEN v.valid_from <= ${today} THEN v.valid_from END DESC, v.valid_from LIMIT 1),
      'events', (SELECT json_agg(e ORDER BY e.effective_date, e.created_at) FROM member_event e WHERE e.member_id = m.id),
      'awards', (SELECT json_agg(a.milestone ORDER BY a.milestone) FROM member_badge_award a WHERE a.member_id = m.id),
      'disciplines', (SELECT json_agg(d) FROM discipline_decision d WHERE d.member_id = m.id),
      'calendar', (SELECT json_agg(c) FROM calendar_adjustment c)
    ) AS file
    FROM member m WHERE m.id = ${id}`.execute(db);
  const f = rows[0]?.file;
  if (!f) throw new Error(`no member ${id}`);
  return { id: f.member.id, orgName: f.org_name, status: f.member.status, admittedOn: f.member.admitted_on, awards: f.awards ?? [] };
}

/** Evaluation results as compared: per level, the counts of members and of grassroots organisations, overall and per child. */
export interface ResultsProjection {
  members: Record<string, number>;
  orgs: Record<string, number>;
  children: { orgId: string; name: string; members: Record<string, number>; orgs: Record<string, number> }[];
}

interface AppDistribution {
  levels: { level: string; count: number }[];
}

const LEVEL_ORDER = ['excellent', 'good', 'completed', 'not_completed'];

/** The counts in the levels' order, zeros left out: the same text for the same counts whatever order they came in. */
const ordered = (r: Record<string, number>): Record<string, number> => Object.fromEntries(LEVEL_ORDER.filter((l) => (r[l] ?? 0) > 0).map((l) => [l, r[l]!]));

const counts = (d: AppDistribution): Record<string, number> => ordered(Object.fromEntries(d.levels.map((l) => [l.level, l.count])));

export function projectAppResults(answer: {
  members: AppDistribution;
  orgs: AppDistribution;
  children: { orgId: string; name: string; members: AppDistribution; orgs: AppDistribution }[];
}): ResultsProjection {
  return {
    members: counts(answer.members),
    orgs: counts(answer.orgs),
    children: answer.children
      .map((c) => ({ orgId: c.orgId, name: c.name, members: counts(c.members), orgs: counts(c.orgs) }))
      .sort((a, b) => (a.orgId < b.orgId ? -1 : a.orgId > b.orgId ? 1 : 0)),
  };
}

/** A year's published results over a subtree with the per-child breakdown, in one statement over the kept tallies. */
export async function evaluationResultsReference(db: Kysely<DB>, rootId: string, year: number): Promise<ResultsProjection> {
  // One aggregate per subject, each an index range of the tally's primary key (year, subject, org_id, level), joined to
  // the subtree's organisations by id; the children's latest names only for the children that have figures.
  const { rows } = await sql<{ result: { rows: { child: string; subject: string; level: string; n: number }[] | null; names: Record<string, string> | null } }>`
    WITH root AS (SELECT o.current_path AS path FROM org o WHERE o.id = ${rootId}),
    sub AS (
      SELECT o.id, substr(o.current_path, length(root.path) + 1, 36) AS child
      FROM root JOIN org o ON o.current_path >= root.path AND o.current_path < left(root.path, -1) || '0'
    ),
    counted AS (
      SELECT s.child, 'member' AS subject, t.level, sum(t.n)::int AS n
      FROM evaluation_tally t JOIN sub s ON s.id = t.org_id
      WHERE t.year = ${year} AND t.subject = 'member'
      GROUP BY 1, 3
      UNION ALL
      SELECT s.child, 'grassroots' AS subject, t.level, sum(t.n)::int AS n
      FROM evaluation_tally t JOIN sub s ON s.id = t.org_id
      WHERE t.year = ${year} AND t.subject = 'grassroots'
      GROUP BY 1, 3
    )
    SELECT json_build_object(
      'rows', (SELECT json_agg(c) FROM counted c),
      'names', (SELECT json_object_agg(k.child, (SELECT v.name FROM org_version v WHERE v.org_id = k.child::uuid ORDER BY v.valid_from DESC LIMIT 1))
                FROM (SELECT DISTINCT child FROM counted WHERE child <> '') k)
    ) AS result`.execute(db);
  const { rows: tallies, names } = rows[0]!.result;
  const out: ResultsProjection = { members: {}, orgs: {}, children: [] };
  const byChild = new Map<string, { members: Record<string, number>; orgs: Record<string, number> }>();
  for (const r of tallies ?? []) {
    if (!r.level) continue;
    const key = r.subject === 'member' ? 'members' : 'orgs';
    out[key][r.level] = (out[key][r.level] ?? 0) + r.n;
    if (r.child === '') continue;
    const c = byChild.get(r.child) ?? { members: {}, orgs: {} };
    c[key][r.level] = (c[key][r.level] ?? 0) + r.n;
    byChild.set(r.child, c);
  }
  out.children = [...byChild.entries()]
    .map(([orgId, c]) => ({ orgId, name: names?.[orgId] ?? '', members: ordered(c.members), orgs: ordered(c.orgs) }))
    .sort((a, b) => (a.orgId < b.orgId ? -1 : 1));
  return { members: ordered(out.members), orgs: ordered(out.orgs), children: out.children };
}

/**
 * A list filtered by an age band only, over the whole tree: its count and first page. The count reads the tally by
 * month of birth (migration 0018) for the whole months inside the band and counts the members born in the months of
 * its two edges; a birth known by its year only counts from 1 January (members.filters.ts).
 */
export async function memberAgeBandReference(db: Kysely<DB>, today: string, bornOnOrBefore: string, bornAfter: string): Promise<ListProjection> {
  const [y1, m1] = [Number(bornOnOrBefore.slice(0, 4)), Number(bornOnOrBefore.slice(5, 7))];
  const [y2, m2] = [Number(bornAfter.slice(0, 4)), Number(bornAfter.slice(5, 7))];
  const { rows } = await sql<{ total: number; ids: string[] | null }>`
    WITH page AS (
      SELECT m.id, m.full_name, m.gender, m.birth_date, m.card_no, m.org_id, m.status, m.admitted_on, m.official_on, m.name_sort_key,
             (SELECT v.name FROM org_version v WHERE v.org_id = m.org_id AND v.valid_from <= ${today} AND (v.valid_to IS NULL OR v.valid_to > ${today}) LIMIT 1) AS org_name
      FROM member m
      WHERE (m.birth_date <= ${bornOnOrBefore}::date OR (m.birth_date IS NULL AND m.birth_year <= ${y1}))
        AND (m.birth_date > ${bornAfter}::date OR (m.birth_date IS NULL AND m.birth_year > ${y2}))
      ORDER BY m.name_sort_key, m.id LIMIT ${PAGE}
    )
    SELECT ((SELECT coalesce(sum(t.n), 0) FROM member_birth_tally t
             WHERE t.birth_year > 0 AND ((t.birth_month > 0 AND (t.birth_year, t.birth_month) < (${y1}, ${m1}) AND (t.birth_year, t.birth_month) > (${y2}, ${m2}))
                OR (t.birth_month = 0 AND t.birth_year <= ${y1} AND t.birth_year > ${y2})))
          + (SELECT count(*) FROM member m
             WHERE ((m.birth_date >= make_date(${y1}, ${m1}, 1) AND m.birth_date < make_date(${y1}, ${m1}, 1) + interval '1 month')
                 OR (m.birth_date >= make_date(${y2}, ${m2}, 1) AND m.birth_date < make_date(${y2}, ${m2}, 1) + interval '1 month'))
               AND m.birth_date <= ${bornOnOrBefore}::date AND m.birth_date > ${bornAfter}::date))::int AS total,
           (SELECT json_agg(p.id ORDER BY p.name_sort_key, p.id) FROM page p) AS ids`.execute(db);
  return { total: rows[0]!.total, ids: rows[0]!.ids ?? [] };
}

/** What the badge list of an anniversary is compared on: its due lines of the members the main selection decides. */
export interface BadgeDueProjection {
  due: { id: string; milestone: number; reachedOn: string; eligible: boolean }[];
}

/**
 * The members of the badge list's main candidate selection (members.badges.repo.ts `findPlainDue`): plain histories
 * (official, party age running from the admission, not in transit nor out of contact, not out of the Party), neither
 * seriously ill nor ever disciplined by the Party. Read once before the comparison, to project the application's
 * answer onto them.
 */
export async function plainBadgeMembers(db: Kysely<DB>): Promise<Set<string>> {
  const { rows } = await sql<{ id: string }>`
    SELECT m.id FROM member m
    WHERE m.official_on IS NOT NULL AND m.party_age_from = m.admitted_on
      AND m.status NOT IN ('deceased', 'struck_off', 'left', 'expelled', 'in_transit', 'lost_contact')
      AND (m.flags->>'seriouslyIll') IS DISTINCT FROM 'true'
      AND NOT EXISTS (SELECT 1 FROM discipline_decision x WHERE x.member_id = m.id AND x.kind = 'party')`.execute(db);
  return new Set(rows.map((r) => r.id));
}

export function projectAppBadgeList(
  answer: { due: { memberId: string; milestone: number; reachedOn: string; eligible: boolean }[] },
  plain: Set<string>,
): BadgeDueProjection {
  return {
    due: answer.due.filter((d) => plain.has(d.memberId)).map((d) => ({ id: d.memberId, milestone: d.milestone, reachedOn: d.reachedOn, eligible: d.eligible })),
  };
}

/**
 * The due list of an anniversary for those members, in name order: the milestones above the highest received
 * (badge_top) reached after the previous anniversary and by this one, on the admission + M years; a suspended member
 * is listed, not eligible. One range of admission dates per milestone (a few days wider than the month-end rule can
 * move the date), then the exact date.
 */
export async function badgeListReference(db: Kysely<DB>, anniversary: string, previous: string, milestones: number[]): Promise<BadgeDueProjection> {
  const shift = (date: string, years: number, days: number) => sql`(${date}::date - make_interval(years => ${years}, days => ${-days}))::date`;
  const branches = milestones.map(
    (m) =>
      sql`SELECT m.id, m.name_sort_key, ${m}::int AS milestone, (m.admitted_on + make_interval(years => ${m}))::date AS reached_on, m.status <> 'suspended' AS eligible
          FROM member m
          WHERE m.official_on IS NOT NULL AND m.party_age_from = m.admitted_on
            AND m.status NOT IN ('deceased', 'struck_off', 'left', 'expelled', 'in_transit', 'lost_contact')
            AND m.admitted_on >= ${shift(previous, m, -3)} AND m.admitted_on <= ${shift(anniversary, m, 3)}
            AND m.badge_top < ${m}
            AND m.admitted_on + make_interval(years => ${m}) > ${previous}::date AND m.admitted_on + make_interval(years => ${m}) <= ${anniversary}::date
            AND (m.flags->>'seriouslyIll') IS DISTINCT FROM 'true'
            AND NOT EXISTS (SELECT 1 FROM discipline_decision x WHERE x.member_id = m.id AND x.kind = 'party')`,
  );
  const { rows } = await sql<{ id: string; milestone: number; reached_on: string; eligible: boolean }>`
    SELECT d.id, d.milestone, to_char(d.reached_on, 'YYYY-MM-DD') AS reached_on, d.eligible
    FROM (${sql.join(branches, sql` UNION ALL `)}) d
    ORDER BY d.name_sort_key, d.id`.execute(db);
  return { due: rows.map((r) => ({ id: r.id, milestone: Number(r.milestone), reachedOn: r.reached_on, eligible: r.eligible })) };
}
