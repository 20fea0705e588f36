/**
 * The grid a cell secretary fills in for ~30 members: one row per member, one column per stage (self-assessment,
 * the cell's proposal, the grassroots proposal, the decision). Built for the keyboard: every cell is a native select
 * (Tab moves across, a digit 1–4 picks the level), Enter moves down the column, and "Chép cột trước" copies the
 * previous stage into a column. Changed rows are saved together in one request; the server runs the checks.
 */
import { App, Button, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useGrid, useSaveMembers, type GridRow, type MemberEntry, type RatingLabel } from '../../api/evaluation.ts';
import { QueryError } from '../QueryError.tsx';
import { MemberSheetModal } from './MemberSheetModal.tsx';

type Field = 'selfLabel' | 'cellLabel' | 'grassrootsLabel' | 'decidedLabel';
const FIELDS: { field: Field; title: string }[] = [
  { field: 'selfLabel', title: 'Tự xếp loại' },
  { field: 'cellLabel', title: 'Chi bộ đề xuất' },
  { field: 'grassrootsLabel', title: 'Đảng ủy cơ sở đề xuất' },
  { field: 'decidedLabel', title: 'Quyết định' },
];

const SHORT: Record<string, string> = { excellent: 'HTXSNV', good: 'HTTNV', completed: 'HTNV', not_completed: 'KHTNV' };

type Draft = Record<string, Partial<Record<Field, string | null>>>;

export function MemberGrid({ periodId, orgId, locked }: { periodId: string; orgId: string; locked: boolean }) {
  const { message } = App.useApp();
  const grid = useGrid(periodId, orgId);
  const save = useSaveMembers(periodId);
  const [draft, setDraft] = useState<Draft>({});
  const [errors, setErrors] = useState<string[]>([]);
  const [sheetRow, setSheetRow] = useState<GridRow | null>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  useEffect(() => setDraft({}), [orgId]);

  const labels: RatingLabel[] = grid.data?.rules.labels.member ?? [];
  // Only the columns the server lets this user fill in are editable (issue 12 part 4).
  const editable = (f: Field) => !locked && Boolean(f === 'selfLabel' || f === 'cellLabel' ? grid.data?.can.cell : grid.data?.can.grassroots);
  const anyEditable = FIELDS.some((f) => editable(f.field));
  const rows = grid.data?.items ?? [];
  const value = (r: GridRow, f: Field) => (draft[r.memberId] && f in draft[r.memberId]! ? draft[r.memberId]![f]! : r[f]);
  const set = (memberId: string, f: Field, v: string | null) => setDraft((d) => ({ ...d, [memberId]: { ...d[memberId], [f]: v } }));
  const changed = useMemo(() => Object.entries(draft).filter(([, v]) => Object.keys(v).length > 0), [draft]);

  const copyColumn = (i: number) => {
    const from = FIELDS[i - 1]!.field;
    const to = FIELDS[i]!.field;
    const next: Draft = { ...draft };
    for (const r of rows) {
      const v = value(r, from);
      if (v && !value(r, to)) next[r.memberId] = { ...next[r.memberId], [to]: v };
    }
    setDraft(next);
  };

  /** Enter moves to the same column of the next row (Shift+Enter: the row above). */
  const onKey = (e: KeyboardEvent<HTMLSelectElement>, row: number, col: number) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const target = tableRef.current?.querySelector<HTMLSelectElement>(`select[data-row="${row + (e.shiftKey ? -1 : 1)}"][data-col="${col}"]`);
    target?.focus();
  };

  const onSave = async () => {
    setErrors([]);
    const items: MemberEntry[] = changed.map(([memberId, v]) => ({ memberId, ...v }));
    try {
      await save.mutateAsync(items);
      setDraft({});
      message.success(`Đã lưu ${items.length} đảng viên.`);
    } catch (e) {
      const details = e instanceof ApiError ? e.details.map((d) => d.message) : [];
      setErrors([errorMessage(e), ...details]);
    }
  };

  if (grid.isError) return <QueryError error={grid.error} onRetry={() => void grid.refetch()} />;

  const columns: TableColumnsType<GridRow> = [
    { title: 'STT', key: 'n', width: 50, render: (_v, _r, i) => i + 1 },
    {
      title: 'Họ và tên',
      dataIndex: 'fullName',
      render: (v: string, r) => (
        <Space size={4}>
          <span>{v}</span>
          {r.disciplinedInYear && <Tag color="red">Kỷ luật trong năm</Tag>}
        </Space>
      ),
    },
    ...FIELDS.map(({ field, title }, col) => ({
      title: (
        <Space size={4}>
          <span>{title}</span>
          {col > 0 && editable(field) && (
            <Button size="small" type="link" onClick={() => copyColumn(col)} data-testid={`grid-copy-${field}`} title="Chép cột trước vào các ô còn trống">
              ← chép
            </Button>
          )}
        </Space>
      ),
      key: field,
      width: 170,
      render: (_v: unknown, r: GridRow, row: number) => (
        <select
          value={value(r, field) ?? ''}
          disabled={!editable(field)}
          data-row={row}
          data-col={col}
          data-testid={`grid-${field}-${row}`}
          aria-label={`${title}: ${r.fullName}`}
          onChange={(e) => set(r.memberId, field, e.target.value || null)}
          onKeyDown={(e) => onKey(e, row, col)}
          style={{ minWidth: '100%', padding: '2px 4px', borderColor: draft[r.memberId] && field in draft[r.memberId]! ? '#1677ff' : undefined }}
        >
          <option value="">—</option>
          {labels.map((l, i) => (
            <option key={l.code} value={l.code}>
              {i + 1} · {SHORT[l.code] ?? l.label}
            </option>
          ))}
        </select>
      ),
    })),
    { title: 'Điểm', dataIndex: 'selfTotal', width: 60, render: (v: number | null) => v ?? '' },
    {
      title: '',
      key: 'sheet',
      width: 70,
      render: (_v: unknown, r: GridRow, row: number) =>
        editable('selfLabel') && (
          <Button size="small" onClick={() => setSheetRow(r)} data-testid={`grid-sheet-${row}`} title="Phiếu chấm điểm, kết quả biểu quyết">
            Phiếu
          </Button>
        ),
    },
  ];

  return (
    <div ref={tableRef}>
      <Space orientation="vertical" style={{ width: '100%' }} size={8}>
        <Space wrap>
          <Typography.Text strong data-testid="grid-title">
            {grid.data?.orgName}
          </Typography.Text>
          <Typography.Text type="secondary">{rows.length} đảng viên · phím số 1–4 chọn mức, Enter xuống dòng</Typography.Text>
          {anyEditable && (
            <Button type="primary" onClick={() => void onSave()} disabled={changed.length === 0} loading={save.isPending} data-testid="grid-save">
              Lưu {changed.length > 0 ? `(${changed.length})` : ''}
            </Button>
          )}
        </Space>
        {errors.length > 0 && (
          <div data-testid="grid-errors" style={{ color: '#cf1322' }}>
            {errors.map((e, i) => (
              <div key={i}>{e}</div>
            ))}
          </div>
        )}
        <MemberSheetModal periodId={periodId} row={sheetRow} rules={grid.data?.rules} onClose={() => setSheetRow(null)} />
        <Table<GridRow>
          rowKey="memberId"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={grid.isFetching}
          pagination={false}
          data-testid="member-grid"
        />
        {(grid.data?.lateAdmissions.length ?? 0) > 0 && (
          <Typography.Text type="secondary" data-testid="grid-late">
            Kết nạp cuối năm, không xếp loại trong kỳ này: {grid.data!.lateAdmissions.map((r) => r.fullName).join(', ')}
          </Typography.Text>
        )}
      </Space>
    </div>
  );
}
