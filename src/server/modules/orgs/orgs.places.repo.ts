/**
 * Where organisations are, for the modules below orgs (audit, users, auth: docs/architecture.md's layers): current
 * paths, latest names, grassroots kinds and a scope condition. Those modules may not import orgs, so the composition
 * root (src/server/app.ts) passes these functions into their services as ports they type themselves; orgs owns the
 * tables, and this file is the only SQL of theirs that those modules run.
 */
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { subtreeRange } from '../../../domain/org-path.ts';
import type { Scope } from '../../../domain/scope.ts';
import type { DB } from '../../db/schema.ts';

/** An organisation's place today: its current path, latest name (of its newest version, ended or not) and end date. */
export interface OrgPlace {
  path: string;
  name: string | null;
  endedOn: string | null;
}

/** The places of the organisations asked (an unknown id is absent from the map). */
export async function orgPlaces(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, OrgPlace>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('org as o')
    .select([
      'o.id',
      'o.current_path',
      'o.ended_on',
      (eb) => eb.selectFrom('org_version as v').select('v.name').whereRef('v.org_id', '=', 'o.id').orderBy('v.valid_from', 'desc').limit(1).as('name'),
    ])
    .where('o.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { path: r.current_path, name: r.name ?? null, endedOn: r.ended_on }]));
}

/**
 * Of the organisations asked, those whose latest version is of a grassroots kind (đảng bộ cơ sở, chi bộ cơ sở): a
 * role held below one of them is below the grassroots committee (domain.md §4).
 */
export async function grassrootsAmong(db: Kysely<DB>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('org_version as v')
    .innerJoin('org_kind as k', 'k.code', 'v.kind_code')
    .select('v.org_id')
    .where('v.org_id', 'in', [...new Set(ids)])
    .where('v.valid_to', 'is', null)
    .where('k.is_grassroots', '=', true)
    .execute();
  return new Set(rows.map((r) => r.org_id));
}

/**
 * The place of the organisation whose id is in `orgIdColumn`, as a scalar subquery giving JSON (null for no such
 * organisation): its current path and latest name (as orgPlaces), and whether a strict ancestor on that path is of a
 * grassroots kind in its latest version (as grassrootsAmong over the ancestors). The session's one statement reads its
 * grants' places with it (auth.repo.ts).
 */
export function grantPlaceSql(orgIdColumn: string): RawBuilder<{ path: string; name: string | null; belowGrassroots: boolean } | null> {
  return sql<{ path: string; name: string | null; belowGrassroots: boolean } | null>`(
    SELECT json_build_object(
      'path', o.current_path,
      'name', (SELECT v.name FROM org_version v WHERE v.org_id = o.id ORDER BY v.valid_from DESC LIMIT 1),
      'belowGrassroots', EXISTS (
        SELECT 1 FROM org_version v JOIN org_kind k ON k.code = v.kind_code
        WHERE v.org_id = ANY (string_to_array(trim(both '/' from o.current_path), '/')::uuid[]) AND v.org_id <> o.id
          AND v.valid_to IS NULL AND k.is_grassroots))
    FROM org o WHERE o.id = ${sql.ref(orgIdColumn)})`;
}

/**
 * A condition: the organisation whose id is in `orgIdColumn` lies, today, in one of the scope's subtrees (its
 * current path, one index range per subtree). True for 'all' (rows without an organisation included), false for no
 * subtree.
 */
export function orgInScopeSql(orgIdColumn: string, scope: Scope): Expression<SqlBool> {
  if (scope === 'all') return sql<SqlBool>`true`;
  if (scope.length === 0) return sql<SqlBool>`false`;
  const ranges = scope.map((p) => {
    const r = subtreeRange(p);
    return sql`(o.current_path >= ${r.from} AND o.current_path < ${r.to})`;
  });
  return sql<SqlBool>`${sql.ref(orgIdColumn)} IN (SELECT o.id FROM org o WHERE ${sql.join(ranges, sql` OR `)})`;
}
