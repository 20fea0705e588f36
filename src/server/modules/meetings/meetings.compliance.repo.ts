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

/** The figures of a rule set over the stretch [from, to) of dates it is in force (to null: still in force). */
export interface RuleStretch {
  from: string;
  to: string | null;
  minMinutes: number;
  minMinutesCombined: number;
  documentsDaysBefore: number;
}

const uuids = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

function rulesCte(rules: readonly RuleStretch[]) {
  const rows = rules.map(
    (r) => sql`(${r.from}::date, ${r.to ?? '9999-12-31'}::date, ${r.minMinutes}::int, ${r.minMinutesCombined}::int, ${r.documentsDaysBefore}::int)`,
  );
  return sql`r(rf, rt, mm, mmc, dd) AS (VALUES ${sql.join(rows)})`;
}

const least = sql`(CASE WHEN g.kind = 'combined' THEN r.mmc ELSE r.mm END)`;
const shortSql: RawBuilder<SqlBool> = sql`(${least} > 0 AND g.start_minute IS NOT NULL AND g.end_minute IS NOT NULL AND g.end_minute - g.start_minute < ${least})`;
const lateSql: RawBuilder<SqlBool> = sql`(r.dd > 0 AND EXISTS (
  SELECT 1 FROM meeting_document d
  WHERE d.meeting_id = g.id AND d.role = 'material' AND d.sent_at IS NOT NULL
    AND (d.sent_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > g.held_on - r.dd))`;

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

/** Per cell of `cellIds`: the months with a regular (or combined) meeting, the quarters with a topical (or combined) one, and the checks' counts. */
export async function complianceByCell(db: Kysely<DB>, cellIds: readonly string[], from: string, to: string, rules: readonly RuleStretch[]) {
  if (cellIds.length === 0 || rules.length === 0) return [];
  const r = await sql<CellMeetingRow>`
    WITH ${rulesCte(rules)}
    SELECT g.org_id,
      array_agg(DISTINCT to_char(g.held_on, 'YYYY-MM')) FILTER (WHERE g.kind IN ('regular', 'combined')) AS regular_months,
      array_agg(DISTINCT to_char(g.held_on, 'YYYY-"Q"Q')) FILTER (WHERE g.kind IN ('topical', 'combined')) AS topical_quarters,
      count(*)::int AS meetings,
      (count(*) FILTER (WHERE ${shortSql}))::int AS short,
      (count(*) FILTER (WHERE ${lateSql}))::int AS docs_late,
      (count(*) FILTER (WHERE NOT g.superior_present))::int AS no_rep,
      coalesce(sum(g.present_count), 0)::int AS present,
      coalesce(sum(g.roll_count), 0)::int AS roll
    FROM meeting g
    JOIN r ON g.held_on >= r.rf AND g.held_on < r.rt
    WHERE g.status = 'held' AND g.body = 'cell' AND g.held_on BETWEEN ${from}::date AND ${to}::date AND g.org_id = ANY(${uuids(cellIds)})
    GROUP BY g.org_id`.execute(db);
  return r.rows;
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
  const cond = { short: shortSql, 'docs-late': lateSql, 'no-representative': sql`NOT g.superior_present`, all: sql`true` }[check];
  const r = await sql<ComplianceMeetingRow>`
    WITH ${rulesCte(rules)}
    SELECT g.id, g.org_id, g.kind, to_char(g.held_on, 'YYYY-MM-DD') AS held_on, g.start_minute, g.end_minute, g.topic,
      ${shortSql} AS short, ${lateSql} AS docs_late, NOT g.superior_present AS no_rep, g.present_count, g.roll_count,
      (count(*) OVER ())::int AS total
    FROM meeting g
    JOIN r ON g.held_on >= r.rf AND g.held_on < r.rt
    WHERE g.status = 'held' AND g.body = 'cell' AND g.held_on BETWEEN ${from}::date AND ${to}::date AND g.org_id = ANY(${uuids(cellIds)})
      AND ${cond}
    ORDER BY g.held_on, g.id
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`.execute(db);
  return r.rows;
}
