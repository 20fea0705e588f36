/**
 * What every export of a report shows, whatever the format (issue 14 part 6): per table its title, the scope and
 * period lines, the header, the rows (label, level for the indentation, one number per column) and the checks and
 * notes under it. When the report was asked with `compare`, each column is followed by the same period a year earlier
 * and the difference. A submitted report adds the line saying who submitted it and when (its figures are the stored
 * ones). The workbook, the Word document and the PDF are drawn from this model, so they say the same thing.
 */
import { formatVnDate } from '../../../domain/dates.ts';
import { formatNumber } from '../../../domain/numbers.ts';
import { foldAccents } from '../../../domain/text.ts';
import type { ReportColumn, ReportResponse, ReportScope, ReportTable } from '../../../contract/reports.ts';

export type ExportUnit = ReportColumn['unit'];

export interface ExportColumn {
  label: string;
  unit: ExportUnit;
  /** value: the period's figure; previous: a year earlier; difference: value − previous. */
  role: 'value' | 'previous' | 'difference';
}

export interface ExportRow {
  label: string;
  level: number;
  values: (number | null)[];
}

export interface ExportTable {
  key: string;
  title: string;
  scopeLine: string;
  periodLine: string;
  compareLine: string | null;
  columns: ExportColumn[];
  rows: ExportRow[];
  /** The consistency checks ("Đầu kỳ + tăng − giảm = cuối kỳ: đúng") and the notes, as lines. */
  footnotes: string[];
}

export interface Submitted {
  version: number;
  submittedAt: string;
  submittedBy: string;
}

export interface ExportModel {
  /** "Báo cáo thống kê" or the one table's title. */
  title: string;
  orgName: string;
  scopeLine: string;
  periodLine: string;
  /** Who submitted the report and when, for a submitted report. */
  submittedLine: string | null;
  tables: ExportTable[];
}

const vnDate = (d: string) => formatVnDate(d);

/** "Tính đến ngày 31/12/2025", "Từ ngày 01/01/2025 đến ngày 31/12/2025", "Từ năm 2021 đến năm 2025". */
export function periodLine(scope: ReportScope, basis: ReportTable['basis'] | 'report'): string {
  if (basis === 'years' && scope.fromYear !== null && scope.toYear !== null) return `Từ năm ${scope.fromYear} đến năm ${scope.toYear}`;
  if (basis === 'date' || scope.from === null || scope.to === null) return `Tính đến ngày ${vnDate(scope.to ?? scope.asOf)}`;
  return `Từ ngày ${vnDate(scope.from)} đến ngày ${vnDate(scope.to)}`;
}

function compareLine(scope: ReportScope, basis: ReportTable['basis']): string | null {
  const p = scope.previous;
  if (!p || basis === 'years') return null;
  if (basis === 'date' || p.from === null || p.to === null) return `So sánh với ngày ${vnDate(p.to ?? p.asOf)}`;
  return `So sánh với cùng kỳ năm trước: từ ngày ${vnDate(p.from)} đến ngày ${vnDate(p.to)}`;
}

export const scopeLine = (scope: ReportScope) => `Đơn vị: ${scope.org.name}${scope.breakdown === 'children' ? ' (chia theo tổ chức trực thuộc)' : ''}`;

/** A number as the documents print it: 8.716, 2,91%, 45,3; empty for none. */
export function formatFigure(value: number | null, unit: ExportUnit, signed = false): string {
  if (value === null) return '';
  const text = unit === 'percent' ? `${formatNumber(value, 2)}%` : unit === 'years' ? formatNumber(value, 1) : formatNumber(value, 2);
  return signed && value > 0 ? `+${text}` : text;
}

const round = (n: number) => Math.round(n * 100) / 100;

function exportTable(scope: ReportScope, t: ReportTable): ExportTable {
  const compared = scope.previous !== null && t.basis !== 'years' && t.rows.some((r) => r.cells.some((c) => c.previous !== undefined));
  const columns: ExportColumn[] = t.columns.flatMap((c) =>
    compared
      ? [
          { label: c.label, unit: c.unit, role: 'value' as const },
          { label: `${c.label} (cùng kỳ năm trước)`, unit: c.unit, role: 'previous' as const },
          { label: `${c.label}: tăng (+), giảm (−)`, unit: c.unit, role: 'difference' as const },
        ]
      : [{ label: c.label, unit: c.unit, role: 'value' as const }],
  );
  const rows = t.rows.map((r) => ({
    label: r.label,
    level: r.level,
    values: r.cells.flatMap((cell) => {
      if (!compared) return [cell.value];
      const prev = cell.previous ?? null;
      return [cell.value, prev, cell.value !== null && prev !== null ? round(cell.value - prev) : null];
    }),
  }));
  const footnotes = [...t.checks.map((c) => `${c.label}: ${c.ok ? 'khớp' : 'không khớp'} (${c.detail})`), ...t.notes];
  return {
    key: t.key,
    title: t.title,
    scopeLine: scopeLine(scope),
    periodLine: periodLine(scope, t.basis),
    compareLine: compared ? compareLine(scope, t.basis) : null,
    columns,
    rows,
    footnotes,
  };
}

/** The model of a report (every table it holds, or the one named) for the exports. */
export function exportModel(report: ReportResponse, opts: { table?: string | undefined; submitted?: Submitted | null } = {}): ExportModel {
  const tables = report.tables.filter((t) => opts.table === undefined || t.key === opts.table).map((t) => exportTable(report.scope, t));
  const s = opts.submitted;
  return {
    title: opts.table !== undefined && tables.length === 1 ? tables[0]!.title : 'Báo cáo thống kê',
    orgName: report.scope.org.name,
    scopeLine: scopeLine(report.scope),
    periodLine: periodLine(report.scope, 'report'),
    submittedLine: s ? `Báo cáo đã gửi lần ${s.version}, lúc ${submittedAtText(s.submittedAt)}, người gửi: ${s.submittedBy}` : null,
    tables,
  };
}

/** An instant as Vietnam reads it: "14:05 ngày 20/11/2026" (UTC+7). */
export function submittedAtText(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 7 * 3600 * 1000).toISOString();
  return `${d.slice(11, 16)} ngày ${vnDate(d.slice(0, 10))}`;
}

/** The Vietnamese file name and its ASCII twin: "Báo cáo thống kê - Đảng bộ xã Tân Lập - 31-12-2025.xlsx". */
export function exportFileNames(model: ExportModel, date: string, ext: string): { utf8: string; ascii: string } {
  const clean = (s: string) =>
    s
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const utf8 = `${clean(model.title)} - ${clean(model.orgName)} - ${date.split('-').reverse().join('-')}.${ext}`;
  const ascii = foldAccents(utf8)
    .replace(/[^A-Za-z0-9 .-]+/g, '')
    .replace(/\s+-\s+|\s+/g, '-')
    .replace(/-+/g, '-');
  return { utf8, ascii };
}
