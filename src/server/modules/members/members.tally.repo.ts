/**
 * Member counts of the organisation tree, and the roster moves of a reorganisation: the members' side of the org pages
 * and of the reorganisation planner, which the orgs service reaches through its OrgMembersPort (orgs.ports.ts), wired
 * by the composition root. The versions in force come from orgs' fragment `subtreeInForceSql`.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { subtreeRange } from '../../../domain/org-path.ts';
import type { MemberCount } from '../orgs/orgs.ports.ts';
import { subtreeInForceSql } from '../orgs/orgs.repo.ts';
import { rollOnSql } from './members.roll.repo.ts';

/** How a count is made (see countMode). */
export type CountMode = 'path' | 'versions' | 'scan';

const ACTIVE_MEMBER = (asOf: string) => sql<SqlBool>`m.admitted_on <= ${asOf} AND (m.left_on IS NULL OR m.left_on > ${asOf})`;

/**
 * How the rolls of a date are counted. The tally kept by the database (migration 0006) holds the rolls as they are
 * now, which are the rolls on any date on or after the latest date recorded on a member; on a date on or after the
 * latest start of an organisation version too, every organisation is where its current path says, and the tally's
 * own paths (migration 0013) give a subtree's rows as one index range ('path'). Between the two horizons the tally is
 * joined to the versions in force ('versions'); before the members' horizon the roll of the date is counted ('scan':
 * rollOnSql, the members' dated periods).
 */
async function countMode(db: Kysely<DB>, asOf: string): Promise<CountMode> {
  const row = await db.selectFrom('member_tally_horizon').select(['latest', 'tree_latest']).executeTakeFirst();
  if (row?.latest && row.latest > asOf) return 'scan';
  return !row?.tree_latest || row.tree_latest <= asOf ? 'path' : 'versions';
}

/** Member counts of the organisations `v` selects, from the tally or from the rows themselves. */
function countsSql(tally: boolean, asOf: string) {
  return tally
    ? {
        official: sql`coalesce(sum(t.official), 0)`,
        probationary: sql`coalesce(sum(t.probationary), 0)`,
        join: sql`JOIN org_member_tally t ON t.org_id = v.org_id`,
        active: sql`true`,
      }
    : {
        // Before the horizon: the roll of that date (member_period), each member on the organisation of that date.
        official: sql`count(*) FILTER (WHERE m.membership = 'official')`,
        probationary: sql`count(*) FILTER (WHERE m.membership = 'probationary')`,
        join: sql`JOIN ${rollOnSql(asOf)} m ON m.org_id = v.org_id`,
        active: sql`true`,
      };
}

/**
 * Members on the rolls of each child subtree of the node at `path` (depth `depth`), on the date: one range scan,
 * grouped by the path segment that names the child. `mode` is chosen from the horizons unless given (the SQL
 * snapshot's cases give each in turn, to show every branch).
 */
export async function memberCountsByChild(db: Kysely<DB>, path: string, depth: number, asOf: string, mode?: CountMode): Promise<Map<string, MemberCount>> {
  const r = subtreeRange(path);
  mode ??= await countMode(db, asOf);
  const c = countsSql(mode !== 'scan', asOf);
  const rows =
    mode === 'path'
      ? await sql<{ child_id: string; official: number; probationary: number }>`
          SELECT split_part(t.path, '/', ${depth + 3}) AS child_id, ${c.official} AS official, ${c.probationary} AS probationary
          FROM org_member_tally t
          WHERE t.path >= ${r.from} AND t.path < ${r.to} AND t.path <> ${path}
          GROUP BY 1`.execute(db)
      : await sql<{ child_id: string; official: number; probationary: number }>`
          SELECT split_part(v.path, '/', ${depth + 3}) AS child_id, ${c.official} AS official, ${c.probationary} AS probationary
          FROM ${subtreeInForceSql(path, asOf)} v
          ${c.join}
          WHERE v.depth > ${depth} AND ${c.active}
          GROUP BY 1`.execute(db);
  return new Map(rows.rows.map((x) => [x.child_id, { official: Number(x.official), probationary: Number(x.probationary) }]));
}

/** Members on the rolls of a whole subtree (the node included) on the date; `mode` as for memberCountsByChild. */
export async function memberCountOfSubtree(db: Kysely<DB>, path: string, asOf: string, mode?: CountMode): Promise<MemberCount> {
  const r = subtreeRange(path);
  mode ??= await countMode(db, asOf);
  const c = countsSql(mode !== 'scan', asOf);
  const row =
    mode === 'path'
      ? await sql<{ official: number; probationary: number }>`
          SELECT ${c.official} AS official, ${c.probationary} AS probationary
          FROM org_member_tally t WHERE t.path >= ${r.from} AND t.path < ${r.to}`.execute(db)
      : await sql<{ official: number; probationary: number }>`
          SELECT ${c.official} AS official, ${c.probationary} AS probationary
          FROM ${subtreeInForceSql(path, asOf)} v
          ${c.join}
          WHERE ${c.active}`.execute(db);
  const x = row.rows[0];
  return { official: Number(x?.official ?? 0), probationary: Number(x?.probationary ?? 0) };
}

/** Members whose cell is the organisation itself, per organisation, on the date. */
export async function directMemberCounts(db: Kysely<DB>, orgIds: string[], asOf: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < orgIds.length; i += 5000) {
    const chunk = orgIds.slice(i, i + 5000);
    const rows = await db
      .selectFrom('member as m')
      .select(['m.org_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('m.org_id', 'in', chunk)
      .where(ACTIVE_MEMBER(asOf))
      .groupBy('m.org_id')
      .execute();
    for (const r of rows) out.set(r.org_id, Number(r.n));
  }
  return out;
}

/** Moves the members still on the roll of one organisation after the date to another. */
export async function moveMembers(tx: Kysely<DB>, from: string, to: string, asOf: string): Promise<void> {
  await tx
    .updateTable('member')
    .set({ org_id: to })
    .where('org_id', '=', from)
    .where(sql<boolean>`(left_on IS NULL OR left_on > ${asOf})`)
    .execute();
}
