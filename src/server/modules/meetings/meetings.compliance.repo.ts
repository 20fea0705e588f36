/**
 * The compliance figures of the cells' meetings (issue 16 part 4): one statement per question over the meetings of a
 * list of cells and a period, the rule checks applied in SQL with the figures of the rule set in force on each
 * meeting's date (passed as a small list of stretches), so a year of a province reads ~50,000 meeting rows and answers
 * one row per cell. The attendance counts are the meeting's own (kept by the write that records the attendance).
 *
 * The checks are those of src/domain/meetings.ts: shorter than the least duration of its kind (never when a time is
 * missing or the rules set none); a material sent later than `documentsDaysBefore` days before (Vietnam's calendar
 * day); the superior's representative not present.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Scope } from '../../http/actor.ts';
import { cellsUnderBetweenQuery } from '../orgs/orgs.compliance.repo.ts';

/** The figures of a rule set over the stretch [from, to) of dates it is in force (to null: still in force). */
export interface RuleStretch {
  from: string;
  to: string | null;
  minMinutes: number;
  minMinutesCombined: number;
  documentsDaysBefore: number;
}

const uuids = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * A figure of the rule set in force on the meeting's date, as a CASE over the stretches (newest first): no join, so
 * the statement stays one pass over the period's meetings.
 */
function ruleOn(rules: readonly RuleStretch[], figure: (r: RuleStretch) => number): RawBuilder<number> {
  const newestFirst = [...rules].sort((a, b) => b.from.localeCompare(a.from));
  const whens = newestFirst.slice(0, -1).map((r) => sql`WHEN g.held_on >= ${r.from}::date THEN ${figure(r)}::int`);
  if (whens.length === 0) return sql<number>`${figure(newestFirst[0]!)}::int`;
  return sql<number>`(CASE ${sql.join(whens, sql` `)} ELSE ${figure(newestFirst.at(-1)!)}::int END)`;
}

function checksSql(rules: readonly RuleStretch[]) {
  const least = sql`(CASE WHEN g.kind = 'combined' THEN ${ruleOn(rules, (r) => r.minMinutesCombined)} ELSE ${ruleOn(rules, (r) => r.minMinutes)} END)`;
  const dd = ruleOn(rules, (r) => r.documentsDaysBefore);
  const short: RawBuilder<SqlBool> = sql`(${least} > 0 AND g.start_minute IS NOT NULL AND g.end_minute IS NOT NULL AND g.end_minute - g.start_minute < ${least})`;
  // A meeting without materials sent (materials_sent_on null) has none late: false, never null (a null would reach the JSON).
  const late: RawBuilder<SqlBool> = sql`(${dd} > 0 AND coalesce(g.materials_sent_on > g.held_on - ${dd}, false))`;
  return { short, late };
}

export interface CellMeetingRow {
  org_id: string;
  regular_months: string[] | null;
  topical_quarters: string[] | null;
  meetings: number;
  short: number;
  docs_late: number;
  no_rep: number;
  present: number;
  roll: number;
}

/** The keys ('YYYY-MM' or 'YYYY-Qn') of the bits set in `mask`, bit i being the i-th month (quarter) from January of `year`. */
function keysOfMask(mask: string | null, year: number, perYear: 12 | 4): string[] | null {
  if (mask === null) return null;
  const out: string[] = [];
  let m = BigInt(mask);
  for (let i = 0; m > 0n; i++, m >>= 1n) {
    if ((m & 1n) === 0n) continue;
    const y = year + Math.floor(i / perYear);
    const n = (i % perYear) + 1;
    out.push(perYear === 12 ? `${y}-${String(n).padStart(2, '0')}` : `${y}-Q${n}`);
  }
  return out;
}

/** The aggregates of a span's held meetings per cell, as a select list over `meeting g` (grouped by g.org_id). */
function aggregatesSql(year0: number, rules: readonly RuleStretch[]) {
  const { short, late } = checksSql(rules);
  return sql`
      (bit_or(1::bigint << (g.held_month - ${year0 * 12}::int)) FILTER (WHERE g.kind IN ('regular', 'combined')))::text AS regular_mask,
      (bit_or(1::bigint << ((g.held_month - ${year0 * 12}::int) / 3)) FILTER (WHERE g.kind IN ('topical', 'combined')))::text AS topical_mask,
      count(*)::int AS meetings,
      (count(*) FILTER (WHERE ${short}))::int AS short,
      (count(*) FILTER (WHERE ${late}))::int AS docs_late,
      (count(*) FILTER (WHERE NOT g.superior_present))::int AS no_rep,
      coalesce(sum(g.present_count), 0)::int AS present,
      coalesce(sum(g.roll_count), 0)::int AS roll`;
}

type MaskRow = Omit<CellMeetingRow, 'regular_months' | 'topical_quarters'> & { regular_mask: string | null; topical_mask: string | null };

const unmask = <R extends MaskRow>({ regular_mask, topical_mask, ...c }: R, year0: number) => ({
  ...c,
  regular_months: keysOfMask(regular_mask, year0, 12),
  topical_quarters: keysOfMask(topical_mask, year0, 4),
});

export interface CellComplianceRow extends CellMeetingRow {
  id: string;
  current_path: string;
  name: string | null;
  cell_from: string;
  cell_to: string | null;
}

/**
 * The cells under `path` in the scope over [from, to] (orgs' cellsUnderBetweenQuery) with their meetings' aggregates,
 * by path, in one statement: the province's year is one pass over its meetings, no list of ids sent to the server.
 * A period over 5 calendar years (the bits of a bigint) reads the cells, then complianceByCell's spans.
 */
export async function complianceOfCells(
  db: Kysely<DB>,
  path: string,
  scope: Scope,
  from: string,
  to: string,
  rules: readonly RuleStretch[],
): Promise<CellComplianceRow[]> {
  const year0 = Number(from.slice(0, 4));
  const cellsQuery = cellsUnderBetweenQuery(db, path, from, to, scope);
  if (Number(to.slice(0, 4)) - year0 >= MASK_YEARS || rules.length === 0) {
    const cells = await cellsQuery.execute();
    const rows = new Map(
      (
        await complianceByCell(
          db,
          cells.map((c) => c.id),
          from,
          to,
          rules,
        )
      ).map((r) => [r.org_id, r]),
    );
    return cells.map((c) => ({ ...EMPTY, ...rows.get(c.id), org_id: c.id, ...c }));
  }
  const r = await sql<Omit<CellComplianceRow, 'regular_months' | 'topical_quarters'> & MaskRow>`
    WITH c AS ${cellsQuery},
    a AS (
      SELECT g.org_id, ${aggregatesSql(year0, rules)}
      FROM meeting g
      WHERE g.status = 'held' AND g.body = 'cell' AND g.held_on BETWEEN ${from}::date AND ${to}::date AND g.org_id IN (SELECT c.id FROM c)
      GROUP BY g.org_id)
    SELECT c.id, c.id AS org_id, c.current_path, c.name, c.cell_from, c.cell_to, a.regular_mask, a.topical_mask,
      coalesce(a.meetings, 0) AS meetings, coalesce(a.short, 0) AS short, coalesce(a.docs_late, 0) AS docs_late, coalesce(a.no_rep, 0) AS no_rep,
      coalesce(a.present, 0) AS present, coalesce(a.roll, 0) AS roll
    FROM c LEFT JOIN a ON a.org_id = c.id
    ORDER BY c.current_path`.execute(db);
  return r.rows.map((row) => unmask(row, year0));
}

const EMPTY = { regular_months: null, topical_quarters: null, meetings: 0, short: 0, docs_late: 0, no_rep: 0, present: 0, roll: 0 };

/** Years a bigint's bits hold (60 months); a longer period is read in such spans and merged. */
const MASK_YEARS = 5;

/**
 * Per cell of `cellIds`: the months with a regular (or combined) meeting, the quarters with a topical (or combined)
 * one, and the checks' counts. One pass over the period's meetings, hashed by cell: the months and quarters are bits
 * of a bigint counted from January of the first year, so no sort per cell (a period over 5 years is read 5 years at a time).
 */
export async function complianceByCell(db: Kysely<DB>, cellIds: readonly string[], from: string, to: string, rules: readonly RuleStretch[]) {
  if (cellIds.length === 0 || rules.length === 0) return [];
  const out = new Map<string, CellMeetingRow>();
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y += MASK_YEARS) {
    const spanFrom = y === Number(from.slice(0, 4)) ? from : `${y}-01-01`;
    const last = `${y + MASK_YEARS - 1}-12-31`;
    const spanTo = last < to ? last : to;
    for (const row of await complianceSpan(db, cellIds, spanFrom, spanTo, rules)) {
      const seen = out.get(row.org_id);
      if (!seen) out.set(row.org_id, row);
      else
        out.set(row.org_id, {
          org_id: row.org_id,
          regular_months: seen.regular_months || row.regular_months ? [...(seen.regular_months ?? []), ...(row.regular_months ?? [])] : null,
          topical_quarters: seen.topical_quarters || row.topical_quarters ? [...(seen.topical_quarters ?? []), ...(row.topical_quarters ?? [])] : null,
          meetings: seen.meetings + row.meetings,
          short: seen.short + row.short,
          docs_late: seen.docs_late + row.docs_late,
          no_rep: seen.no_rep + row.no_rep,
          present: seen.present + row.present,
          roll: seen.roll + row.roll,
        });
    }
  }
  return [...out.values()];
}

/** complianceByCell over a span within 5 calendar years. */
async function complianceSpan(db: Kysely<DB>, cellIds: readonly string[], from: string, to: string, rules: readonly RuleStretch[]) {
  const year0 = Number(from.slice(0, 4));
  const r = await sql<MaskRow>`
    SELECT g.org_id, ${aggregatesSql(year0, rules)}
    FROM meeting g
    WHERE g.status = 'held' AND g.body = 'cell' AND g.held_on BETWEEN ${from}::date AND ${to}::date AND g.org_id = ANY(${uuids(cellIds)})
    GROUP BY g.org_id`.execute(db);
  return r.rows.map((row): CellMeetingRow => unmask(row, year0));
}

export type ComplianceCheck = 'short' | 'docs-late' | 'no-representative' | 'all';

export interface ComplianceMeetingRow {
  id: string;
  org_id: string;
  kind: string;
  held_on: string;
  start_minute: number | null;
  end_minute: number | null;
  topic: string | null;
  short: boolean;
  docs_late: boolean;
  no_rep: boolean;
  present_count: number;
  roll_count: number;
  total: number;
}

/** The held meetings of `cellIds` in [from, to] failing a check (or all), by date, a page of them with the total. */
export async function complianceMeetings(
  db: Kysely<DB>,
  cellIds: readonly string[],
  from: string,
  to: string,
  rules: readonly RuleStretch[],
  check: ComplianceCheck,
  page: number,
  pageSize: number,
) {
  if (cellIds.length === 0 || rules.length === 0) return [];
  const { short, late } = checksSql(rules);
  const cond = { short, 'docs-late': late, 'no-representative': sql`NOT g.superior_present`, all: sql`true` }[check];
  const r = await sql<ComplianceMeetingRow>`
    SELECT g.id, g.org_id, g.kind, to_char(g.held_on, 'YYYY-MM-DD') AS held_on, g.start_minute, g.end_minute, g.topic,
      ${short} AS short, ${late} AS docs_late, NOT g.superior_present AS no_rep, g.present_count, g.roll_count,
      (count(*) OVER ())::int AS total
    FROM meeting g
    WHERE g.status = 'held' AND g.body = 'cell' AND g.held_on BETWEEN ${from}::date AND ${to}::date AND g.org_id = ANY(${uuids(cellIds)})
      AND ${cond}
    ORDER BY g.held_on, g.id
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`.execute(db);
  return r.rows;
}
