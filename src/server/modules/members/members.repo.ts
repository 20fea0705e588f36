/**
 * Member queries. A member belongs to the scope of the organisation whose roll holds him (member.org_id): the
 * reader sees him when that organisation's current path lies in the reader's scope. The organisations, their names
 * and the users are read through their owners' helpers (orgs.members.repo.ts, users.members.repo.ts).
 */
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB, MemberBadgeAwardTable, MemberEventTable, MemberTable } from '../../db/schema.ts';
import { insertJsonRows } from '../../db/json-insert.ts';
import { pathInScopeSql } from '../../db/scope-sql.ts';
import { latestOrgNameSql, orgNameOnSql } from '../orgs/orgs.names.repo.ts';
import { subtreeRange } from '../../../domain/org-path.ts';
import { foldAccents } from '../../../domain/text.ts';
import type { Scope } from '../../http/actor.ts';
import { currentOrgPaths, orgIdsInScope, orgNameInForceSql } from '../orgs/orgs.members.repo.ts';
import { userNameSql } from '../users/users.repo.ts';
import { birthBandOf, countByBirthBand } from './members.birth-tally.repo.ts';
import { drillDownConditions, type DrillDownFilters } from './members.drilldown.repo.ts';
import { membershipOnSql, partyAgeStartOnSql } from './members.roll.repo.ts';
import { memberDecisionsJsonSql, type MemberFileDecisionRow } from '../discipline/discipline.repo.ts';

// Kept for the modules above members that read these organisation helpers from here (admissions, member-sheet).

/** camelCase field of the API → column of `member`. */
export const FIELD_COLUMNS = {
  fullName: 'full_name',
  gender: 'gender',
  birthDate: 'birth_date',
  birthYear: 'birth_year',
  birthName: 'birth_name',
  alias: 'alias',
  cccd: 'cccd',
  sheetNo: 'sheet_no',
  cardNo: 'card_no',
  cardIssuedOn: 'card_issued_on',
  nationalDbId: 'national_db_id',
  birthplace: 'birthplace',
  hometown: 'hometown',
  permanentAddress: 'permanent_address',
  currentAddress: 'current_address',
  ethnicity: 'ethnicity',
  religion: 'religion',
  familyBackground: 'family_background',
  phone: 'phone',
  email: 'email',
  occupation: 'occupation',
  workplace: 'workplace',
  position: 'position',
  generalEducation: 'general_education',
  professionalLevel: 'professional_level',
  professionalField: 'professional_field',
  academicDegree: 'academic_degree',
  academicTitle: 'academic_title',
  theoryLevel: 'theory_level',
  stateManagement: 'state_management',
  languages: 'languages',
  itLevel: 'it_level',
  ceremonyOn: 'ceremony_on',
  admissionPlace: 'admission_place',
  introducer1: 'introducer_1',
  introducer2: 'introducer_2',
  youthUnionOn: 'youth_union_on',
  residenceOrgId: 'residence_org_id',
} as const;

export type MemberField = keyof typeof FIELD_COLUMNS;

export interface MemberFilters {
  q?: string | undefined;
  orgPath?: string | undefined;
  status?: string | undefined;
  gender?: 'nam' | 'nu' | undefined;
  ethnicity?: string | undefined;
  religion?: string | undefined;
  generalEducation?: string | undefined;
  theoryLevel?: string | undefined;
  professionalLevel?: string | undefined;
  occupation?: string | undefined;
  /** Age band as birth dates (members.filters.ts); a year-only birth counts from 1 January. */
  bornOnOrBefore?: string | undefined;
  bornAfter?: string | undefined;
  /** Party-age band as bounds of member.party_age_from; any band leaves out members with none. */
  partyAgeFromOnOrBefore?: string | undefined;
  partyAgeFromAfter?: string | undefined;
  partyAgeBand?: boolean | undefined;
  /** Only these members (the due list of a badge anniversary). */
  memberIds?: readonly string[] | undefined;
  /**
   * The report drill-down's filters (members.drilldown.repo.ts). `anchored`: the list is of `orgPath`'s organisation on
   * a date or over a period (asOf, change), so its members are those the drill-down places there, not those on its
   * subtree today; the organisation itself is in the reader's scope (members.filters.ts checks it).
   */
  drill?: DrillDownFilters | undefined;
  anchored?: boolean | undefined;
  page: number;
  pageSize: number;
}

/** Members with their organisation's current path (`o`). */
function withOrgPath(db: Kysely<DB>) {
  return db.selectFrom('member as m').innerJoin(currentOrgPaths(db).as('o'), 'o.id', 'm.org_id');
}

function scoped(db: Kysely<DB>, scope: Scope) {
  return withOrgPath(db).where((eb) => pathInScopeSql(eb, 'o.current_path', scope));
}

/** The members in scope that match the list's filters: one definition for the list, the export and any other reader. */
export function filteredMembers(db: Kysely<DB>, scope: Scope, f: Omit<MemberFilters, 'page' | 'pageSize'>) {
  // Over the whole tree no condition reads the organisation: the members alone (every member has one, so the join
  // drops nothing), which spares the count a join of the whole roll (issue 13). The callers read only m's columns.
  // A report cell's drill-down anchors the list on its organisation instead (the roll of a date, not today's scope).
  let q =
    f.anchored && f.orgPath
      ? withOrgPath(db)
      : scope === 'all' && !f.orgPath
        ? (db.selectFrom('member as m') as unknown as ReturnType<typeof scoped>)
        : scoped(db, scope);
  if (f.orgPath && !f.anchored) {
    const r = subtreeRange(f.orgPath);
    q = q.where('o.current_path', '>=', r.from).where('o.current_path', '<', r.to);
  }
  if (f.q) {
    const text = f.q.trim();
    if (/^\d{9,12}$/.test(text)) q = q.where((eb) => eb.or([eb('m.cccd', '=', text), eb('m.card_no', '=', text)]));
    else if (/^\d+$/.test(text)) q = q.where('m.card_no', '=', text);
    else {
      // Words that begin with the words typed: at the start of the name or after a space (member_name_tail's tails).
      const p = foldAccents(text).replace(/[\\%_]/g, (c) => `\\${c}`);
      q = q.where(sql<boolean>`(hn_fold(m.full_name) LIKE ${`${p}%`} OR hn_fold(m.full_name) LIKE ${`% ${p}%`})`);
    }
  }
  if (f.status === 'on_roll') q = q.where('m.left_on', 'is', null);
  else if (f.status) q = q.where('m.status', '=', f.status);
  if (f.gender) q = q.where('m.gender', '=', f.gender);
  // A catalogue code, or 'none' (members.filters' UNKNOWN_CODE): the file does not say.
  const coded = (column: 'm.ethnicity' | 'm.theory_level' | 'm.religion' | 'm.general_education' | 'm.professional_level' | 'm.occupation', v: string) =>
    v === 'none' ? q.where(column, 'is', null) : q.where(column, '=', v);
  if (f.ethnicity) q = coded('m.ethnicity', f.ethnicity);
  if (f.theoryLevel) q = coded('m.theory_level', f.theoryLevel);
  if (f.religion) q = coded('m.religion', f.religion);
  if (f.generalEducation) q = coded('m.general_education', f.generalEducation);
  if (f.professionalLevel) q = coded('m.professional_level', f.professionalLevel);
  if (f.occupation) q = coded('m.occupation', f.occupation);
  // 1 January of Y is on or before D exactly when Y ≤ D's year, and after D exactly when Y > D's year.
  const { bornOnOrBefore: before, bornAfter: after } = f;
  if (before)
    q = q.where((eb) =>
      eb.or([eb('m.birth_date', '<=', before), eb.and([eb('m.birth_date', 'is', null), eb('m.birth_year', '<=', Number(before.slice(0, 4)))])]),
    );
  if (after)
    q = q.where((eb) => eb.or([eb('m.birth_date', '>', after), eb.and([eb('m.birth_date', 'is', null), eb('m.birth_year', '>', Number(after.slice(0, 4)))])]));
  // On a past day (the report's drill-down, `asOf`) the party age runs from its start on that day, as the composition reads it.
  const onDay = f.drill?.onRoll ? f.drill.day : null;
  const paStart = onDay ? partyAgeStartOnSql('m', onDay) : sql.ref('m.party_age_from');
  if (f.partyAgeBand) q = q.where(sql<boolean>`${paStart} IS NOT NULL`);
  if (f.partyAgeFromOnOrBefore) q = q.where(sql<boolean>`${paStart} <= ${f.partyAgeFromOnOrBefore}`);
  if (f.partyAgeFromAfter) q = q.where(sql<boolean>`${paStart} > ${f.partyAgeFromAfter}`);
  if (f.memberIds) {
    const ids = f.memberIds;
    q = ids.length === 0 ? q.where(sql<boolean>`false`) : q.where(sql<boolean>`m.id = ANY(${sql.val([...ids])}::uuid[])`);
  }
  for (const c of f.drill ? drillDownConditions(f.drill) : []) q = q.where(c);
  return q;
}

/**
 * Above this many matches a text search says "more than" instead of counting them all: a common name typed alone
 * matches a large part of the country, and the person searching refines the text rather than reading page 400.
 */
export const SEARCH_COUNT_CAP = 1000;

/** A name search (not a CCCD or card number): the folded text, whose words the name's words must begin with. */
function nameSearch(q: string | undefined): string | null {
  const text = q?.trim();
  if (!text || /^\d+$/.test(text)) return null;
  const folded = foldAccents(text);
  return folded || null;
}

/**
 * Name tails counted at most before choosing how to page a search's matches: up to this many, the matching tails are
 * read from the tail index and sorted by name; beyond (a word as common as "nguyen" or "van", millions nationally,
 * spread over the whole name order) the tails are walked in name order (member_name_tail_sort_idx) and filtered,
 * which finds a page of such dense matches at once. A given name alone is never that common (the commonest, "hien",
 * ~100,000 of 5.6 million): its matches sit together in name order, where a walk would read half the index.
 */
const TAIL_SORT_LIMIT = 150_000;

const PAGE_COLUMNS = ['id', 'full_name', 'gender', 'birth_date', 'cccd', 'card_no', 'org_id', 'status', 'admitted_on', 'official_on', 'name_sort_key'] as const;

/**
 * Whether a list's filters are a name search alone (with the scope and a subtree): no other filter, and no condition
 * of the report drill-down (whose `day` is always set, and alone filters nothing). Such a search reads the name tails
 * (listByNameTails); any other filter goes through filteredMembers.
 */
export function isPlainNameSearch(f: Omit<MemberFilters, 'page' | 'pageSize'> & { page?: number; pageSize?: number }): boolean {
  const { q: _q, orgPath: _orgPath, page: _page, pageSize: _size, drill, ...others } = f;
  return Object.values(others).every((v) => v === undefined || v === false) && (!drill || drillDownConditions(drill).length === 0);
}

export async function listMembers(db: Kysely<DB>, scope: Scope, f: MemberFilters, today: string) {
  const name = nameSearch(f.q);
  if (name && isPlainNameSearch(f)) return listByNameTails(db, scope, name, f.orgPath, f, today);
  const q = filteredMembers(db, scope, f);
  // An age band alone (or no filter) over the whole tree: the tally by month of birth counts it (migration 0018).
  const band = birthBandOf(scope, f);
  const count = band
    ? countByBirthBand(db, band).then((n) => ({ n }))
    : f.q
      ? db
          .selectFrom(
            q
              .select('m.id')
              .limit(SEARCH_COUNT_CAP + 1)
              .as('x'),
          )
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      : q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const n = Number((await count).n);
  // A text search matches names that sit together in name order (everyone called "… Long" sorts under L), which
  // the planner cannot know: walking the name index from A and filtering can read millions of rows. When the matches
  // are few, or the text holds several words, the matches are taken first (OFFSET 0 keeps the planner from merging
  // the two) and sorted; otherwise the name index's order is used.
  const fence = Boolean(f.q) && (n <= SEARCH_COUNT_CAP || f.q!.trim().split(/\s+/u).length > 1);
  const source = fence
    ? db.selectFrom(
        q
          .select(PAGE_COLUMNS.map((c) => `m.${c}` as const))
          .offset(0)
          .as('m'),
      )
    : q;
  const rows = await (source as unknown as typeof q)
    .select([
      ...PAGE_COLUMNS.filter((c) => c !== 'name_sort_key').map((c) => `m.${c}` as const),
      orgNameInForceSql('m.org_id', today).as('org_name'),
      membershipOnSql('m.id', today).as('membership'),
    ])
    .orderBy('m.name_sort_key')
    .orderBy('m.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total: Math.min(n, f.q ? SEARCH_COUNT_CAP : n), totalCapped: Boolean(f.q) && n > SEARCH_COUNT_CAP };
}

/**
 * A name search with no other filter than the scope and a subtree, from member_name_tail alone (migration 0012): the
 * tails that begin with the folded text are the matches, the indexes hold their sort keys and organisations, and a
 * page is the first of them in name order. A member whose name holds the words typed twice has two tails: the count
 * up to the cap and the page are of distinct members.
 *
 * One statement (issue 13): the tails counted up to TAIL_SORT_LIMIT decide, inside it, how the page is taken (each
 * way is a branch gated by that count, which PostgreSQL evaluates once and skips the other), the distinct members are
 * counted only when the tails are few enough, and the page's rows come with the count (one row with no member when
 * the page is empty).
 */
async function listByNameTails(db: Kysely<DB>, scope: Scope, folded: string, orgPath: string | undefined, f: MemberFilters, today: string) {
  const inScope = scope !== 'all' || orgPath ? sql`AND t.org_id IN (${orgIdsInScope(db, scope, orgPath ? subtreeRange(orgPath) : undefined)})` : sql``;
  const end = f.page * f.pageSize;
  const { rows } = await sql<{
    total: number;
    id: string | null;
    full_name: string;
    gender: MemberTable['gender'];
    birth_date: string | null;
    cccd: string | null;
    card_no: string | null;
    org_id: string;
    status: Selectable<MemberTable>['status'];
    admitted_on: string;
    official_on: string | null;
    org_name: string | null;
    membership: 'probationary' | 'official' | null;
  }>`
    WITH tails AS NOT MATERIALIZED (
      SELECT t.member_id, t.sort_key FROM member_name_tail t WHERE t.tail >= ${folded} AND t.tail < ${`${folded}\u{10FFFF}`} ${inScope}
    ),
    counted AS (SELECT count(*) AS n FROM (SELECT 1 FROM tails LIMIT ${TAIL_SORT_LIMIT + 1}) x),
    picked AS (
      (SELECT s.member_id, s.sort_key FROM (SELECT member_id, sort_key FROM tails OFFSET 0) s
       WHERE (SELECT n FROM counted) <= ${TAIL_SORT_LIMIT} ORDER BY s.sort_key, s.member_id LIMIT ${end * 2})
      UNION ALL
      (SELECT member_id, sort_key FROM tails WHERE (SELECT n FROM counted) > ${TAIL_SORT_LIMIT} ORDER BY sort_key, member_id LIMIT ${end * 2})
    ),
    page AS (
      SELECT p.member_id, min(p.pos) AS pos
      FROM (SELECT member_id, row_number() OVER (ORDER BY sort_key, member_id) AS pos FROM picked) p
      GROUP BY p.member_id ORDER BY pos OFFSET ${end - f.pageSize} LIMIT ${f.pageSize}
    )
    SELECT (CASE WHEN c.n <= ${SEARCH_COUNT_CAP} THEN (SELECT count(DISTINCT member_id) FROM tails) ELSE c.n END)::int AS total, r.*
    FROM counted c LEFT JOIN LATERAL (
      SELECT ${sql.join(PAGE_COLUMNS.filter((c) => c !== 'name_sort_key').map((c) => sql.ref(`m.${c}`)))}, ${orgNameInForceSql('m.org_id', today)} AS org_name,
        ${membershipOnSql('m.id', today)} AS membership, page.pos
      FROM page JOIN member m ON m.id = page.member_id
    ) r ON true
    ORDER BY r.pos`.execute(db);
  const n = Number(rows[0]?.total ?? 0);
  const found = rows.flatMap(({ total: _total, pos: _pos, ...r }: (typeof rows)[number] & { pos?: unknown }) => (r.id === null ? [] : [{ ...r, id: r.id }]));
  return { rows: found, total: Math.min(n, SEARCH_COUNT_CAP), totalCapped: n > SEARCH_COUNT_CAP };
}

export function findMember(db: Kysely<DB>, scope: Scope, id: string) {
  return scoped(db, scope).selectAll('m').select('o.current_path').where('m.id', '=', id).executeTakeFirst();
}

/** A life event of the member file: the columns the rules read (rowToEvent) and the names the page shows. */
export interface MemberFileEventRow {
  id: string;
  member_id: string;
  kind: string;
  effective_date: string;
  decision_no: string | null;
  decision_date: string | null;
  org_id: string | null;
  to_org_id: string | null;
  details: Record<string, unknown> | null;
  actor_name: string | null;
  org_name: string | null;
  to_org_name: string | null;
}

/** A badge award of the member file. */
export type MemberFileAwardRow = Pick<
  Selectable<MemberBadgeAwardTable>,
  'milestone' | 'awarded_on' | 'decision_no' | 'early_reason' | 'override_decision_no' | 'override_decision_date' | 'override_rule'
>;

/** A discipline decision of the member file (party and state): the discipline module's row. */
export type MemberFileDisciplineRow = MemberFileDecisionRow;

/**
 * The member file in one statement (issue 13: it took seven): the member in scope with his organisation's current
 * path and its name on `today`, his life events oldest first with the names they involve (as listMemberEvents), his
 * badge awards by milestone (as memberBadgeAwards) and his discipline decisions by decision date (the discipline
 * module's `memberDecisionsJsonSql`, as its decisionsOfMember). Undefined when he is not in scope.
 */
export async function memberFile(db: Kysely<DB>, scope: Scope, id: string, today: string) {
  const row = await scoped(db, scope)
    .selectAll('m')
    .select('o.current_path')
    .select(orgNameOnSql('m.org_id', today).as('org_name'))
    .select(membershipOnSql('m.id', today).as('membership_today'))
    .select(
      sql<MemberFileEventRow[]>`coalesce((SELECT json_agg(json_build_object(
        'id', e.id, 'member_id', e.member_id, 'kind', e.kind, 'effective_date', e.effective_date, 'decision_no', e.decision_no,
        'decision_date', e.decision_date, 'org_id', e.org_id, 'to_org_id', e.to_org_id, 'details', e.details,
        'actor_name', ${userNameSql('e.actor_id')}, 'org_name', ${orgNameOnSql('e.org_id', { column: 'e.effective_date' })},
        'to_org_name', ${latestOrgNameSql('e.to_org_id')}) ORDER BY e.effective_date, e.created_at)
        FROM member_event e WHERE e.member_id = m.id), '[]'::json)`.as('events'),
    )
    .select(
      sql<MemberFileAwardRow[]>`coalesce((SELECT json_agg(json_build_object(
        'milestone', a.milestone, 'awarded_on', a.awarded_on, 'decision_no', a.decision_no, 'early_reason', a.early_reason,
        'override_decision_no', a.override_decision_no, 'override_decision_date', a.override_decision_date, 'override_rule', a.override_rule)
        ORDER BY a.milestone) FROM member_badge_award a WHERE a.member_id = m.id), '[]'::json)`.as('awards'),
    )
    .select(memberDecisionsJsonSql('m.id').as('disciplines'))
    .where('m.id', '=', id)
    .executeTakeFirst();
  return row;
}

/** The member's life events, oldest first, with the names of the organisations they involve on their dates. */
export async function listMemberEvents(db: Kysely<DB>, memberId: string) {
  return db
    .selectFrom('member_event as e')
    .select([
      'e.id',
      'e.kind',
      'e.effective_date',
      'e.decision_no',
      'e.decision_date',
      'e.org_id',
      'e.to_org_id',
      'e.details',
      userNameSql('e.actor_id').as('actor_name'),
      // The name on the event's date; for a date before the organisation's first recorded version, its first name.
      orgNameOnSql('e.org_id', { column: 'e.effective_date' }).as('org_name'),
      latestOrgNameSql('e.to_org_id').as('to_org_name'),
    ])
    .where('e.member_id', '=', memberId)
    .orderBy('e.effective_date')
    .orderBy('e.created_at')
    .execute();
}

/** Full names of members by id (the audit log names the members concerned). */
export async function memberNames(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('member')
    .select(['id', 'full_name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

/** A member holding this CCCD, other than `exceptId` when given. */
export function findMemberIdByCccd(tx: Kysely<DB>, cccd: string, exceptId?: string) {
  let q = tx.selectFrom('member').select('id').where('cccd', '=', cccd);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

/** The columns of member_event the rules read (rowToEvent), with the member's id. */
const EVENT_COLUMNS = ['id', 'member_id', 'kind', 'effective_date', 'decision_no', 'org_id', 'to_org_id', 'details'] as const;

export type MemberEventRow = Pick<Selectable<MemberEventTable>, (typeof EVENT_COLUMNS)[number]>;

/**
 * The life events of these members in the order the rules read them: by member, then date, then entry. The one
 * definition of "a member's events in order" (the file, the badge lists, the calendar's recompute, the modules above).
 */
export async function eventsInOrder(db: Kysely<DB>, memberIds: readonly string[]): Promise<MemberEventRow[]> {
  if (memberIds.length === 0) return [];
  return db
    .selectFrom('member_event')
    .select(EVENT_COLUMNS)
    .where('member_id', 'in', [...memberIds])
    .orderBy('member_id')
    .orderBy('effective_date')
    .orderBy('created_at')
    .execute();
}

/** Members with a transfer departure in [from, to): their party age may count a day the calendar changed. */
export async function membersDepartedBetween(db: Kysely<DB>, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectFrom('member_event')
    .select('member_id')
    .distinct()
    .where('kind', '=', 'transfer_out_started')
    .where('effective_date', '>=', from)
    .where('effective_date', '<', to)
    .execute();
  return rows.map((r) => r.member_id);
}

/** Inserts new members' rows in batches (db/json-insert.ts): the admission and the spreadsheet import. */
export function insertMemberRows(tx: Kysely<DB>, rows: readonly Insertable<MemberTable>[]) {
  return insertJsonRows(tx, 'member', rows as unknown as Record<string, unknown>[]);
}

/** Inserts event rows in batches (db/json-insert.ts); `details` as an object. */
export function insertMemberEventRows(tx: Kysely<DB>, rows: readonly Record<string, unknown>[]) {
  return insertJsonRows(tx, 'member_event', rows);
}

export function insertMemberEvent(tx: Kysely<DB>, row: Insertable<MemberEventTable>) {
  return tx.insertInto('member_event').values(row).execute();
}

/** Sets columns of one member. */
export function updateMember(tx: Kysely<DB>, id: string, values: Updateable<MemberTable>) {
  return tx.updateTable('member').set(values).where('id', '=', id).execute();
}

/** The member's badge awards, by milestone. */
export function memberBadgeAwards(db: Kysely<DB>, memberId: string) {
  return db
    .selectFrom('member_badge_award')
    .select(['milestone', 'awarded_on', 'decision_no', 'early_reason', 'override_decision_no', 'override_decision_date', 'override_rule'])
    .where('member_id', '=', memberId)
    .orderBy('milestone')
    .execute();
}

/** The member's latest departure and the current path of the organisation it is addressed to. */
export function latestTransferOut(db: Kysely<DB>, memberId: string) {
  return db
    .selectFrom('member_event as e')
    .innerJoin(currentOrgPaths(db).as('o'), 'o.id', 'e.to_org_id')
    .select(['e.to_org_id', 'o.current_path'])
    .where('e.member_id', '=', memberId)
    .where('e.kind', '=', 'transfer_out_started')
    .orderBy('e.effective_date', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** A member with his organisation's current path, whatever the scope. */
export function findMemberAnyScope(db: Kysely<DB>, id: string) {
  return withOrgPath(db).selectAll('m').select('o.current_path').where('m.id', '=', id).executeTakeFirst();
}

/** Members in transit towards organisations in the scope, with their open transfer. */
export function incomingTransferRows(db: Kysely<DB>, scope: Scope) {
  return (
    db
      .selectFrom('member as m')
      // the open transfer only: the latest departure of a member now in transit
      .innerJoin('member_event as e', (j) =>
        j
          .onRef('e.member_id', '=', 'm.id')
          .on('e.kind', '=', 'transfer_out_started')
          .on(
            sql<boolean>`NOT EXISTS (SELECT 1 FROM member_event l WHERE l.member_id = e.member_id AND l.kind = 'transfer_out_started' AND (l.effective_date, l.created_at) > (e.effective_date, e.created_at))`,
          ),
      )
      .innerJoin(currentOrgPaths(db).as('t'), 't.id', 'e.to_org_id')
      .select(['m.id', 'm.full_name', 'm.org_id', 'e.to_org_id', 'e.effective_date', 'e.decision_no'])
      .where('m.status', '=', 'in_transit')
      .where((eb) => pathInScopeSql(eb, 't.current_path', scope))
      .orderBy('e.effective_date')
      .execute()
  );
}

/** The member's award of this milestone, if any. */
export function findBadgeAward(tx: Kysely<DB>, memberId: string, milestone: number) {
  return tx.selectFrom('member_badge_award').select('id').where('member_id', '=', memberId).where('milestone', '=', milestone).executeTakeFirst();
}

export function insertBadgeAward(tx: Kysely<DB>, row: Insertable<MemberBadgeAwardTable>) {
  return tx.insertInto('member_badge_award').values(row).execute();
}
