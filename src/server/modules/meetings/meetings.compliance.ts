/**
 * Compliance of the cells' meetings for committees (issue 16 part 4, domain.md §9): a subtree in the caller's scope
 * and a month, a quarter or a year (any period up to 5 years); per cell and overall the months without a regular
 * meeting, the quarters without a topical one, the meetings too short, with documents late or without the superior's
 * representative, the attendance rate; the meetings behind each count; the whole table as a workbook. The reports
 * module reads the same figures (`complianceFigures`) for its «meetings-compliance» table.
 *
 * One statement over the cells and their meetings (meetings.compliance.repo.ts, complianceOfCells) answers a row per cell; the months and quarters owed
 * and the totals are folded by the domain (src/domain/meetings.compliance.ts), which the tests' hand count checks.
 */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { foldCompliance, complianceTotals, type CellAggregate, type CellCompliance } from '../../../domain/meetings.compliance.ts';
import { MEETING_KIND_LABELS, meetingMinutes, type MeetingKind } from '../../../domain/meetings.ts';
import { formatVnDate } from '../../../domain/dates.ts';
import { installedRuleSets } from '../../../domain/rulesets.ts';
import type { ComplianceAnswer, ComplianceMeetings, ComplianceMeetingsParsed, ComplianceQuery } from '../../../contract/meetings.compliance.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { pathInScope, scopeFor, type Actor, type Scope } from '../../http/actor.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { contentDisposition } from '../../office/download.ts';
import { styleHeader } from '../../office/sheet-style.ts';
import { cellsUnderBetween } from '../orgs/orgs.compliance.repo.ts';
import { reportRootOn } from '../orgs/orgs.reports.repo.ts';
import { complianceMeetings, complianceOfCells, type RuleStretch } from './meetings.compliance.repo.ts';

export interface ComplianceDeps {
  db: Kysely<DB>;
  clock: Clock;
}

const MAX_YEARS = 5;

/** The rule sets as stretches of dates [from, to), oldest first (the oldest also rules before its date, as ruleSetOn reads it). */
export function ruleStretches(sets = installedRuleSets()): RuleStretch[] {
  const sorted = [...sets].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return sorted.map((s, i) => ({
    from: i === 0 ? '0001-01-01' : s.effectiveFrom,
    to: sorted[i + 1]?.effectiveFrom ?? null,
    minMinutes: s.meetings.minMinutes,
    minMinutesCombined: s.meetings.minMinutesCombined,
    documentsDaysBefore: s.meetings.documentsDaysBefore,
  }));
}

/** The period checked: from 1930, to the end of the current year, at most 5 years. */
function checkPeriod(from: string, to: string, today: string) {
  const last = `${today.slice(0, 4)}-12-31`;
  if (from > to) throw invalid('from', 'Ngày bắt đầu phải trước ngày kết thúc.');
  if (from < '1930-01-01') throw invalid('from', 'Kỳ phải từ 01/01/1930.');
  if (to > last) throw invalid('to', `Kỳ phải kết thúc trước hết năm nay (${formatVnDate(last)}).`);
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) >= MAX_YEARS) throw invalid('to', `Kỳ dài tối đa ${MAX_YEARS} năm.`);
}

export interface CellFigures extends CellCompliance {
  name: string;
  currentPath: string;
}

// eslint-disable-next-line max-lines-per-function -- the service factory: each method and helper below is short
export function createComplianceService(deps: ComplianceDeps) {
  const { db, clock } = deps;

  /** The subtree's root in the caller's read scope, else 404. */
  async function rootOf(actor: Actor, orgId: string) {
    const root = await reportRootOn(db, orgId, clock.today());
    const scope = scopeFor(actor, 'read');
    if (!root || !pathInScope(root.current_path, scope)) throw notFound('Không tìm thấy tổ chức đảng.');
    return { id: root.id, name: root.name ?? '', path: root.current_path, scope };
  }

  /** Each cell's figures over [from, to] under the subtree of `path` that the scope sees. */
  async function cellFigures(path: string, scope: Scope, from: string, to: string): Promise<CellFigures[]> {
    const cells = await complianceOfCells(db, path, scope, from, to, ruleStretches());
    const aggregates = new Map<string, CellAggregate>(
      cells.map((r) => [
        r.id,
        {
          regularMonths: new Set(r.regular_months ?? []),
          topicalQuarters: new Set(r.topical_quarters ?? []),
          meetings: r.meetings,
          short: r.short,
          docsLate: r.docs_late,
          noRepresentative: r.no_rep,
          present: r.present,
          roll: r.roll,
        },
      ]),
    );
    const folded = foldCompliance(
      cells.map((c) => ({ id: c.id, from: c.cell_from, to: c.cell_to })),
      aggregates,
      { from, to, today: clock.today() },
    );
    return folded.map((f, i) => ({ ...f, name: cells[i]!.name ?? '', currentPath: cells[i]!.current_path }));
  }

  async function compliance(actor: Actor, q: ComplianceQuery): Promise<ComplianceAnswer> {
    checkPeriod(q.from, q.to, clock.today());
    const root = await rootOf(actor, q.orgId);
    const cells = await cellFigures(root.path, root.scope, q.from, q.to);
    return {
      org: { id: root.id, name: root.name },
      from: q.from,
      to: q.to,
      totals: complianceTotals(cells),
      cells: cells.map(({ cellId, currentPath: _p, ...c }) => ({ orgId: cellId, ...c })),
    };
  }

  return {
    compliance,

    /** The meetings behind a count of the compliance (failing a check, or every held one). */
    async meetings(actor: Actor, q: ComplianceMeetingsParsed): Promise<ComplianceMeetings> {
      checkPeriod(q.from, q.to, clock.today());
      const root = await rootOf(actor, q.orgId);
      const cells = await cellsUnderBetween(db, root.path, q.from, q.to, root.scope);
      const names = new Map(cells.map((c) => [c.id, c.name ?? '']));
      const rows = await complianceMeetings(
        db,
        cells.map((c) => c.id),
        q.from,
        q.to,
        ruleStretches(),
        q.check,
        q.page,
        q.pageSize,
      );
      return {
        total: rows[0]?.total ?? 0,
        items: rows.map((r) => ({
          id: r.id,
          orgId: r.org_id,
          orgName: names.get(r.org_id) ?? '',
          kind: r.kind as MeetingKind,
          heldOn: r.held_on,
          minutes: meetingMinutes(r.start_minute, r.end_minute),
          topic: r.topic,
          short: r.short,
          docsLate: r.docs_late,
          noRepresentative: r.no_rep,
          present: r.present_count,
          roll: r.roll_count,
        })),
      };
    },

    /** The compliance table as a workbook: one row per cell, the subtree's total first. */
    async exportXlsx(actor: Actor, q: ComplianceQuery) {
      const answer = await compliance(actor, q);
      return { bytes: await complianceWorkbook(answer), contentDisposition: contentDisposition(fileNames(answer)) };
    },

    /**
     * The figures of the reports' «meetings-compliance» table: per cell figures summed by the child of the root they
     * lie under today (`childAt`, the path segment; null: the subtree's total under '').
     */
    async complianceFigures(actor: Actor, orgId: string, from: string, to: string, childAt: number | null) {
      const root = await rootOf(actor, orgId);
      const cells = await cellFigures(root.path, root.scope, from, to);
      const groups = new Map<string, CellCompliance[]>();
      for (const c of cells) {
        const key = childAt === null ? '' : (c.currentPath.split('/')[childAt - 1] ?? '');
        const child = key === root.id ? '.' : key;
        groups.set(child, [...(groups.get(child) ?? []), c]);
      }
      if (childAt !== null) groups.set('', cells);
      return new Map([...groups].map(([k, list]) => [k, complianceTotals(list)]));
    },
  };
}

export type ComplianceService = ReturnType<typeof createComplianceService>;

const KIND_NOTE = Object.values(MEETING_KIND_LABELS).join(', ');

function fileNames(a: ComplianceAnswer) {
  const period = `${a.from.replaceAll('-', '')}-${a.to.replaceAll('-', '')}`;
  return { utf8: `Sinh hoạt chi bộ - ${a.org.name} - ${period}.xlsx`, ascii: `sinh-hoat-chi-bo-${period}.xlsx` };
}

const HEADER = [
  'Chi bộ',
  'Số tháng phải sinh hoạt',
  'Số tháng không sinh hoạt thường kỳ',
  'Tháng không sinh hoạt',
  'Số quý phải sinh hoạt chuyên đề',
  'Số quý không sinh hoạt chuyên đề',
  'Số buổi đã họp',
  'Không đủ thời gian',
  'Gửi tài liệu chậm',
  'Không có đại diện cấp trên',
  'Lượt có mặt',
  'Lượt phải dự',
  'Tỷ lệ dự họp (%)',
];

const monthVn = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;

/** The workbook of a compliance answer. */
export async function complianceWorkbook(a: ComplianceAnswer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hạt Nhân';
  const ws = wb.addWorksheet('Sinh hoạt chi bộ');
  ws.columns = [{ width: 40 }, ...HEADER.slice(1).map((_, i) => ({ width: i === 2 ? 30 : 14 }))];
  ws.getCell('A1').value = 'Tình hình sinh hoạt chi bộ';
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.getCell('A2').value = a.org.name;
  ws.getCell('A3').value = `Từ ${formatVnDate(a.from)} đến ${formatVnDate(a.to)}. Loại buổi sinh hoạt: ${KIND_NOTE}.`;
  const header = ws.getRow(5);
  header.values = HEADER;
  styleHeader(header);
  header.height = 45;
  const t = a.totals;
  const lines: (string | number | null)[][] = [
    [
      'Toàn đảng bộ',
      t.monthsOwed,
      t.monthsMissing,
      `${t.cellsMissingRegular} chi bộ`,
      t.quartersOwed,
      t.quartersMissing,
      t.meetings,
      t.short,
      t.docsLate,
      t.noRepresentative,
      t.present,
      t.roll,
      t.attendanceRate,
    ],
    ...a.cells.map((c) => [
      c.name,
      c.monthsOwed.length,
      c.monthsMissing.length,
      c.monthsMissing.map(monthVn).join(', '),
      c.quartersOwed.length,
      c.quartersMissing.length,
      c.meetings,
      c.short,
      c.docsLate,
      c.noRepresentative,
      c.present,
      c.roll,
      c.attendanceRate,
    ]),
  ];
  lines.forEach((values, i) => {
    const row = ws.getRow(6 + i);
    row.values = values;
    if (i === 0) row.font = { bold: true };
    for (let j = 2; j <= HEADER.length; j++) if (j !== 4) row.getCell(j).numFmt = j === HEADER.length ? '#,##0.00' : '#,##0';
  });
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 5 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
