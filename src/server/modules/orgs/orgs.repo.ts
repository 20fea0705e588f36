/**
 * SQL of the organisation tree. Every read takes an as-of date and the caller's scope: a version is shown when it
 * is in force on the date and its organisation's current path lies in the scope. Subtrees are index range scans
 * on the "C"-collated path; nothing here climbs the tree recursively.
 */
import { sql, type Insertable, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inForceSql, pathInScopeSql } from '../../db/scope-sql.ts';
import { subtreeRange } from '../../../domain/org-path.ts';
import type { Scope } from '../../http/actor.ts';
import type { CountsByChildSql } from './orgs.ports.ts';

export interface OrgRow {
  id: string;
  version_id: string;
  valid_from: string;
  valid_to: string | null;
  parent_id: string | null;
  path: string;
  depth: number;
  name: string;
  code: string | null;
  kind_code: string;
  kind_name: string;
  is_grassroots: boolean;
  is_cell: boolean;
  sector_code: string | null;
  sector_name: string | null;
  established_on: string;
  ended_on: string | null;
  end_reason: string | null;
  current_path: string;
}

function versions(db: Kysely<DB>) {
  return db
    .selectFrom('org_version as v')
    .innerJoin('org as o', 'o.id', 'v.org_id')
    .innerJoin('org_kind as k', 'k.code', 'v.kind_code')
    .leftJoin('sector_type as s', 's.code', 'v.sector_code')
    .select([
      'v.org_id as id',
      'v.id as version_id',
      'v.valid_from',
      'v.valid_to',
      'v.parent_id',
      'v.path',
      'v.depth',
      'v.name',
      'v.code',
      'v.kind_code',
      'k.name as kind_name',
      'k.is_grassroots',
      'k.is_cell',
      'v.sector_code',
      's.name as sector_name',
      'o.established_on',
      'o.ended_on',
      'o.end_reason',
      'o.current_path',
    ]);
}

/**
 * The version of one organisation to show on a date: the one in force; before it existed, its first; after it
 * ended, its last. Undefined when the organisation does not exist or lies outside the scope.
 */
export async function findOrgVersion(db: Kysely<DB>, id: string, asOf: string, scope: Scope): Promise<OrgRow | undefined> {
  const rows = await versions(db)
    .where('v.org_id', '=', id)
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .orderBy('v.valid_from')
    .execute();
  if (rows.length === 0) return undefined;
  const inForce = rows.find((r) => r.valid_from <= asOf && (r.valid_to === null || r.valid_to > asOf));
  if (inForce) return inForce;
  if (asOf < rows[0]!.valid_from) return rows[0];
  return rows.filter((r) => r.valid_from <= asOf).at(-1) ?? rows.at(-1);
}

/** The organisation page's answer from the database (orgPage). */
export interface OrgPageRows {
  /** The version shown (findOrgVersion's choice), with the date its figures are of: asOf when in force, else its start. */
  node: OrgRow & { shown_as_of: string; in_force: boolean };
  /** Sub-organisations of the shown version on its date. */
  child_count: number;
  /** Strict ancestors on the shown date, root first (namesAsOf's rule for each name). */
  ancestors: { id: string; name: string }[];
  /** Members on asOf per child subtree of the shown version's path, its own under ''. */
  counts: { child_id: string; official: number; probationary: number }[];
  /** Sub-organisations in force on asOf and in scope, each with its own sub-organisation count on asOf. */
  children: (OrgRow & { child_count: number })[];
}

/**
 * The organisation page in one statement: the version to show (as findOrgVersion chooses it), its ancestors' names
 * and sub-organisation count on the date shown, its children in scope with their sub-organisation counts, and the
 * members per child subtree from the members' fragment (`counts`, of the date asked). Undefined when the organisation
 * does not exist or lies outside the scope.
 */
export async function orgPage(db: Kysely<DB>, id: string, asOf: string, scope: Scope, counts: CountsByChildSql): Promise<OrgPageRows | undefined> {
  const node = versions(db)
    .select([sql<boolean>`${inForceSql('v', asOf)}`.as('in_force')])
    .where('v.org_id', '=', id)
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .orderBy(sql`v.valid_from <= ${asOf}`, 'desc')
    .orderBy(sql`CASE WHEN v.valid_from <= ${asOf} THEN v.valid_from END`, 'desc')
    .orderBy('v.valid_from')
    .limit(1);
  const children = versions(db)
    .select((eb) =>
      eb
        .selectFrom('org_version as g')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('g.parent_id', '=', 'v.org_id')
        .where(inForceSql('g', asOf))
        .as('child_count'),
    )
    .where('v.parent_id', '=', id)
    .where(inForceSql('v', asOf))
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope));
  const { rows } = await sql<{ page: OrgPageRows }>`
    WITH node AS (SELECT x.*, CASE WHEN x.in_force THEN ${asOf}::date ELSE x.valid_from END AS shown_as_of FROM (${node}) x)
    SELECT json_build_object(
      'node', to_json(n),
      'child_count', (SELECT count(*) FROM org_version g WHERE g.parent_id = n.id AND g.valid_from <= n.shown_as_of
                      AND (g.valid_to IS NULL OR g.valid_to > n.shown_as_of)),
      'ancestors', coalesce((
        SELECT json_agg(json_build_object('id', p.id, 'name', coalesce((
                 SELECT a.name FROM org_version a WHERE a.org_id = p.id::uuid
                 ORDER BY a.valid_from <= n.shown_as_of DESC, CASE WHEN a.valid_from <= n.shown_as_of THEN a.valid_from END DESC, a.valid_from
                 LIMIT 1), '')) ORDER BY p.ord)
        FROM unnest(string_to_array(trim(both '/' from n.path), '/')) WITH ORDINALITY AS p(id, ord)
        WHERE p.id <> n.id::text), '[]'::json),
      'counts', coalesce((SELECT json_agg(c) FROM (${counts({ path: 'n.path', depth: 'n.depth' })}) c), '[]'::json),
      'children', coalesce((SELECT json_agg(k) FROM (${children}) k), '[]'::json)
    ) AS page
    FROM node n`.execute(db);
  const page = rows[0]?.page;
  return page && { ...page, child_count: Number(page.child_count) };
}

/**
 * Fragment: the organisations directly below `parentId` on `asOf` that the scope sees (`id`, `name` on that date), not
 * executed: a caller's statement joins its figures per child to it (the inspection progress).
 */
export function childrenOfQuery(db: Kysely<DB>, parentId: string, asOf: string, scope: Scope) {
  return db
    .selectFrom('org_version as v')
    .innerJoin('org as o', 'o.id', 'v.org_id')
    .select(['v.org_id as id', 'v.name'])
    .where('v.parent_id', '=', parentId)
    .where(inForceSql('v', asOf))
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope));
}

export function listChildren(db: Kysely<DB>, parentId: string, asOf: string, scope: Scope): Promise<OrgRow[]> {
  return versions(db)
    .where('v.parent_id', '=', parentId)
    .where(inForceSql('v', asOf))
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .execute();
}

/** Roots of the caller's view on a date: visible organisations whose superior on that date is not visible. */
export function listRoots(db: Kysely<DB>, asOf: string, scope: Scope): Promise<OrgRow[]> {
  let q = versions(db).where(inForceSql('v', asOf));
  if (scope === 'all') return q.where('v.parent_id', 'is', null).execute();
  q = q
    .leftJoin('org as po', 'po.id', 'v.parent_id')
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .where((eb) => eb.or([eb('v.parent_id', 'is', null), eb.not(pathInScopeSql(eb, 'po.current_path', scope))]));
  return q.execute();
}

/** Number of sub-organisations in force on the date, per parent. */
export async function countChildren(db: Kysely<DB>, parentIds: string[], asOf: string): Promise<Map<string, number>> {
  if (parentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_version as v')
    .select(['v.parent_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('v.parent_id', 'in', parentIds)
    .where(inForceSql('v', asOf))
    .groupBy('v.parent_id')
    .execute();
  return new Map(rows.map((r) => [r.parent_id!, Number(r.n)]));
}

/**
 * The versions in force on the date of the subtree at `path` (the node included), as a derived table
 * (org_id, path, depth) for another module's FROM clause: the member counts join it to the members' tally
 * (members.tally.repo.ts). The planner inlines it, so the path range still scans the index.
 */
export function subtreeInForceSql(path: string, asOf: string): RawBuilder<{ org_id: string; path: string; depth: number }> {
  const r = subtreeRange(path);
  return sql`(SELECT v.org_id, v.path, v.depth FROM org_version v WHERE v.path >= ${r.from} AND v.path < ${r.to} AND ${inForceSql('v', asOf)})`;
}

/** As subtreeInForceSql, for a subtree whose path is a column of the enclosing query (a LATERAL join). */
export function subtreeInForceOfSql(pathColumn: string, asOf: string): RawBuilder<{ org_id: string; path: string; depth: number }> {
  const p = sql.ref(pathColumn);
  return sql`(SELECT v.org_id, v.path, v.depth FROM org_version v WHERE v.path >= ${p} AND v.path < left(${p}, -1) || '0' AND ${inForceSql('v', asOf)})`;
}

/** Names of organisations on a date (for ancestors), whatever the scope: an ancestor's name is not a secret. */
export async function namesAsOf(db: Kysely<DB>, ids: string[], asOf: string): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_version as v')
    .select(['v.org_id', 'v.name', 'v.valid_from', 'v.valid_to'])
    .where('v.org_id', 'in', ids)
    .orderBy('v.valid_from')
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) {
    if (!out.has(r.org_id) || r.valid_from <= asOf) out.set(r.org_id, r.name);
  }
  return out;
}

/** Accent-insensitive search by name on a date, in scope, best matches (prefix, then shorter) first. */
export function searchOrgs(db: Kysely<DB>, folded: string, asOf: string, scope: Scope, limit: number): Promise<OrgRow[]> {
  const pattern = `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return versions(db)
    .where(inForceSql('v', asOf))
    .where(sql<boolean>`hn_fold(v.name) LIKE ${pattern}`)
    .where((eb) => pathInScopeSql(eb, 'o.current_path', scope))
    .orderBy(sql`position(${folded} in hn_fold(v.name))`)
    .orderBy(sql`length(v.name)`)
    .orderBy('v.name')
    .limit(limit)
    .execute();
}

/** The whole subtree on a date, flat, parents before children. */
export function subtreeFlat(db: Kysely<DB>, path: string, asOf: string) {
  const r = subtreeRange(path);
  return db
    .selectFrom('org_version as v')
    .select([
      'v.org_id as id',
      'v.parent_id',
      'v.name',
      'v.kind_code',
      'v.depth',
      'v.path',
      'v.id as version_id',
      'v.valid_from',
      'v.valid_to',
      'v.code',
      'v.sector_code',
    ])
    .where('v.path', '>=', r.from)
    .where('v.path', '<', r.to)
    .where(inForceSql('v', asOf))
    .orderBy('v.path')
    .execute();
}

/** The events of one organisation, newest first, with the id of the user who recorded each. */
export function listEvents(db: Kysely<DB>, orgId: string) {
  return db
    .selectFrom('org_event as e')
    .select(['e.id', 'e.kind', 'e.effective_date', 'e.decision_no', 'e.decision_date', 'e.details', 'e.batch_id', 'e.created_at', 'e.actor_id'])
    .where('e.org_id', '=', orgId)
    .orderBy('e.effective_date', 'desc')
    .orderBy('e.created_at', 'desc')
    .execute();
}

/** Root ids (first path segment, on the date) of the given organisations. */
export async function rootIdsOf(db: Kysely<DB>, ids: string[], asOf: string): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('org_version as v').select('v.path').where('v.org_id', 'in', ids).where(inForceSql('v', asOf)).execute();
  return [...new Set(rows.map((r) => r.path.split('/')[1]!))];
}

/** Versions of every organisation that changes after the date, among the given ones. */
export async function laterChangeDates(db: Kysely<DB>, ids: string[], asOf: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await db
      .selectFrom('org_version as v')
      .select(['v.org_id', (eb) => eb.fn.min('v.valid_from').as('first_after')])
      .where('v.org_id', 'in', ids.slice(i, i + 5000))
      .where('v.valid_from', '>', asOf)
      .groupBy('v.org_id')
      .execute();
    for (const r of rows) out.set(r.org_id, String(r.first_after));
  }
  return out;
}

const TREE_LOCK = 74110002;

/** Serialises changes to the tree: held until the transaction ends. */
export async function lockTree(tx: Kysely<DB>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${TREE_LOCK})`.execute(tx);
}

/** The path of an organisation's version in force on the date. */
export function findPathAsOf(tx: Kysely<DB>, orgId: string, asOf: string): Promise<{ path: string } | undefined> {
  return tx.selectFrom('org_version').select('path').where('org_id', '=', orgId).where(inForceSql('org_version', asOf)).executeTakeFirst();
}

/** Today's paths of the given organisations. */
export function currentPathsOf(tx: Kysely<DB>, ids: string[]): Promise<{ id: string; current_path: string }[]> {
  return tx.selectFrom('org').select(['id', 'current_path']).where('id', 'in', ids).execute();
}

export function listKindNames(tx: Kysely<DB>): Promise<{ code: string; name: string }[]> {
  return tx.selectFrom('org_kind').select(['code', 'name']).execute();
}

export function listSectorNames(tx: Kysely<DB>): Promise<{ code: string; name: string }[]> {
  return tx.selectFrom('sector_type').select(['code', 'name']).execute();
}

export function findKindCode(tx: Kysely<DB>, code: string): Promise<{ code: string } | undefined> {
  return tx.selectFrom('org_kind').select('code').where('code', '=', code).executeTakeFirst();
}

export function findSectorCode(tx: Kysely<DB>, code: string): Promise<{ code: string } | undefined> {
  return tx.selectFrom('sector_type').select('code').where('code', '=', code).executeTakeFirst();
}

/** The catalogues for forms, in their order. */
export function listKinds(db: Kysely<DB>): Promise<Selectable<DB['org_kind']>[]> {
  return db.selectFrom('org_kind').selectAll().orderBy('sort').execute();
}

export function listSectors(db: Kysely<DB>): Promise<Selectable<DB['sector_type']>[]> {
  return db.selectFrom('sector_type').selectAll().orderBy('sort').execute();
}

export async function insertOrgs(tx: Kysely<DB>, rows: Insertable<DB['org']> | Insertable<DB['org']>[]): Promise<void> {
  await tx.insertInto('org').values(rows).execute();
}

export async function insertVersions(tx: Kysely<DB>, rows: Insertable<DB['org_version']> | Insertable<DB['org_version']>[]): Promise<void> {
  await tx.insertInto('org_version').values(rows).execute();
}

export async function insertEvents(tx: Kysely<DB>, rows: Insertable<DB['org_event']> | Insertable<DB['org_event']>[]): Promise<void> {
  await tx.insertInto('org_event').values(rows).execute();
}

/** Ends the given versions on the date. */
export async function closeVersions(tx: Kysely<DB>, ids: string[], validTo: string): Promise<void> {
  await tx.updateTable('org_version').set({ valid_to: validTo }).where('id', 'in', ids).execute();
}

export async function deleteVersions(tx: Kysely<DB>, ids: string[]): Promise<void> {
  await tx.deleteFrom('org_version').where('id', 'in', ids).execute();
}

/** Sets today's path of each organisation in one statement. */
export async function updateCurrentPaths(tx: Kysely<DB>, updates: { id: string; path: string }[]): Promise<void> {
  const values = sql.join(updates.map((u) => sql`(${u.id}::uuid, ${u.path})`));
  await sql`UPDATE org SET current_path = u.path FROM (VALUES ${values}) AS u(id, path) WHERE org.id = u.id`.execute(tx);
}

/** Marks the organisations as ended on the date for the reason. */
export async function endOrgs(tx: Kysely<DB>, ids: string[], endedOn: string, reason: 'dissolved' | 'merged' | 'split'): Promise<void> {
  await tx.updateTable('org').set({ ended_on: endedOn, end_reason: reason }).where('id', 'in', ids).execute();
}
