/**
 * One standard table of a report: its rows (indented by level), a column per figure, each number a link to the list
 * behind it (the member list or the organisation list with the query that reproduces it); with the comparison, the
 * same date or period a year earlier and the difference under each number; the table's checks and notes below.
 */
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Space, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { DrillDown, ReportCell, ReportColumn, ReportRow, ReportTable } from '../../../contract/reports.ts';
import { formatCount, formatNumber, formatPercent } from '../../lib/labels.ts';

export function formatFigure(value: number | null | undefined, unit: ReportColumn['unit']): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'percent') return formatPercent(value);
  if (unit === 'years') return formatNumber(value, 1);
  return formatCount(value);
}

/** The page a cell opens: the member list or the organisation list, with the cell's query. */
export function drillDownPath(link: DrillDown): string {
  const q = new URLSearchParams(link.query).toString();
  if (link.kind === 'members') return `/members?${q}`;
  if (link.kind === 'evaluation') return `/evaluation/results?${q}`;
  if (link.kind === 'inspection') return `/inspection/items?${q}`;
  if (link.kind === 'meetings') return `/meetings/compliance?${q}`;
  if (link.kind === 'disciplines') return `/inspection/disciplines?${q}`;
  if (link.kind === 'directives') return `/directives/due?${q}`;
  return `/reports/orgs?${q}`;
}

function difference(cell: ReportCell, unit: ReportColumn['unit']): string | null {
  if (cell.previous === undefined || cell.previous === null || cell.value === null) return null;
  const d = cell.value - cell.previous;
  if (d === 0) return '±0';
  const text = unit === 'percent' ? formatNumber(Math.abs(d), 2) : unit === 'years' ? formatNumber(Math.abs(d), 1) : formatCount(Math.abs(d));
  return `${d > 0 ? '+' : '−'}${text}`;
}

function Figure({ cell, unit, compare, testId }: { cell: ReportCell; unit: ReportColumn['unit']; compare: boolean; testId: string }) {
  const text = formatFigure(cell.value, unit);
  return (
    <div>
      {cell.link && cell.value !== null ? (
        <Link to={drillDownPath(cell.link)} data-testid={testId}>
          {text}
        </Link>
      ) : (
        <span data-testid={testId}>{text}</span>
      )}
      {compare && cell.previous !== undefined && (
        <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)', whiteSpace: 'nowrap' }}>
          {cell.previousLink && cell.previous !== null ? (
            <Link to={drillDownPath(cell.previousLink)} style={{ color: 'inherit' }}>
              {formatFigure(cell.previous, unit)}
            </Link>
          ) : (
            formatFigure(cell.previous, unit)
          )}{' '}
          ({difference(cell, unit) ?? '—'})
        </div>
      )}
    </div>
  );
}

export function ReportTableView({ table, compare }: { table: ReportTable; compare: boolean }) {
  const columns: TableColumnsType<ReportRow> = [
    {
      title: 'Chỉ tiêu',
      key: 'label',
      fixed: 'left',
      width: 220,
      render: (_v, row) => (
        <span style={{ paddingLeft: row.level * 12, fontWeight: row.level === 0 ? 600 : 400, fontStyle: row.level === 2 ? 'italic' : undefined }}>
          {row.label}
        </span>
      ),
    },
    ...table.columns.map((c, i) => ({
      title: c.label,
      key: c.key,
      align: 'right' as const,
      width: 110,
      render: (_v: unknown, row: ReportRow) => {
        const cell = row.cells[i];
        return cell ? <Figure cell={cell} unit={row.unit ?? c.unit} compare={compare} testId={`cell-${table.key}-${row.key}-${c.key}`} /> : null;
      },
    })),
  ];
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }} data-testid={`report-table-${table.key}`}>
      <Table rowKey="key" size="small" pagination={false} bordered columns={columns} dataSource={table.rows} scroll={{ x: 'max-content' }} />
      {table.checks.length > 0 && (
        <div data-testid={`report-checks-${table.key}`}>
          {table.checks.map((c) => (
            <div key={c.label}>
              {c.ok ? <CheckCircleOutlined style={{ color: '#389e0d' }} /> : <CloseCircleOutlined style={{ color: '#cf1322' }} />}{' '}
              <Typography.Text strong>{c.label}</Typography.Text> <Typography.Text type={c.ok ? 'secondary' : 'danger'}>{c.detail}</Typography.Text>
            </div>
          ))}
        </div>
      )}
      {table.notes.map((n) => (
        <Typography.Text key={n} type="secondary" style={{ fontSize: 12, display: 'block' }}>
          {n}
        </Typography.Text>
      ))}
    </Space>
  );
}
