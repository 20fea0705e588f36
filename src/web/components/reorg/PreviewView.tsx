/** Step "Xem trước": what the reorganisation would do, its conflicts, and the list of changes. */
import { Alert, Button, Card, Col, Collapse, Row, Statistic, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { ReorgChange, ReorgOpType, ReorgPreview } from '../../../contract/orgs.ts';
import { useAsOfLink } from '../../app/asOf.ts';
import { formatCount, REORG_OP_NAMES } from '../../lib/labels.ts';

const COUNT_LABELS: [keyof ReorgPreview['counts'], string][] = [
  ['created', 'Thành lập mới'],
  ['moved', 'Chuyển'],
  ['merged', 'Sáp nhập'],
  ['renamed', 'Đổi tên'],
  ['reclassified', 'Đổi loại hình'],
  ['dissolved', 'Giải thể'],
  ['affectedOrgs', 'Tổ chức bị ảnh hưởng'],
];

export function PreviewCounts({ counts }: { counts: ReorgPreview['counts'] }) {
  return (
    <Row gutter={[8, 8]} data-testid="reorg-counts">
      {COUNT_LABELS.map(([key, label]) => (
        <Col flex="1 1 0" key={key} style={{ minWidth: 120 }}>
          <Card size="small">
            <Statistic title={label} value={counts[key]} formatter={(v) => formatCount(Number(v))} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** Shown as "#n" where n counts from 1, like the rows of the editor. */
const opLabel = (index: number) => `Thao tác #${index + 1}`;

export function PreviewView({ preview, onEditOperation }: { preview: ReorgPreview; onEditOperation: (index: number) => void }) {
  const link = useAsOfLink();
  const summaryOf = new Map(preview.operations.map((o) => [o.index, o]));
  const rows = preview.changes.map((c, i) => ({ ...c, key: i }));
  const columns: TableColumnsType<ReorgChange & { key: number }> = [
    {
      title: 'Tổ chức',
      dataIndex: 'name',
      render: (_v, c) => <Link to={link(`/orgs/${c.orgId}`)}>{c.name}</Link>,
    },
    { title: 'Thay đổi', dataIndex: 'change', width: 220 },
    {
      title: 'Cấp trên: trước → sau',
      key: 'parents',
      render: (_v, c) =>
        c.fromParent === c.toParent ? (
          (c.toParent ?? '—')
        ) : (
          <>
            {c.fromParent ?? '—'} → <b>{c.toParent ?? '—'}</b>
          </>
        ),
    },
  ];

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      {preview.conflicts.length > 0 ? (
        <Alert
          type="error"
          showIcon
          data-testid="reorg-conflicts"
          title={`Có ${formatCount(preview.conflicts.length)} xung đột. Cần sửa trước khi áp dụng.`}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {preview.conflicts.map((c) => {
                const op = summaryOf.get(c.index);
                return (
                  <li key={`${c.index}-${c.code}-${c.message}`} style={{ color: '#cf1322' }} data-testid={`reorg-conflict-${c.index}`}>
                    <b>{opLabel(c.index)}</b>
                    {op ? ` (${REORG_OP_NAMES[op.type as ReorgOpType] ?? op.type}: ${op.summary})` : ''}: {c.message}{' '}
                    <Button type="link" size="small" onClick={() => onEditOperation(c.index)}>
                      Sửa
                    </Button>
                  </li>
                );
              })}
            </ul>
          }
        />
      ) : (
        <Alert
          type={preview.ok ? 'success' : 'warning'}
          showIcon
          data-testid="reorg-ok"
          title={preview.ok ? 'Không có xung đột. Có thể áp dụng.' : 'Máy chủ chưa chấp nhận danh sách này.'}
        />
      )}
      <PreviewCounts counts={preview.counts} />
      <Collapse
        size="small"
        items={[
          {
            key: 'ops',
            label: `Danh sách thao tác (${formatCount(preview.operations.length)})`,
            children: (
              <ol style={{ margin: 0, paddingInlineStart: 24 }}>
                {preview.operations.map((o) => (
                  <li key={o.index} value={o.index + 1}>
                    <b>{REORG_OP_NAMES[o.type as ReorgOpType] ?? o.type}</b>: {o.summary}
                  </li>
                ))}
              </ol>
            ),
          },
        ]}
      />
      <Card
        size="small"
        title={`Các thay đổi (${formatCount(preview.changesTotal)})`}
        extra={preview.changesTotal > preview.changes.length ? `Hiển thị ${formatCount(preview.changes.length)} thay đổi đầu tiên` : undefined}
      >
        <Table<ReorgChange & { key: number }>
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          data-testid="reorg-changes"
          locale={{ emptyText: 'Không có thay đổi nào' }}
        />
      </Card>
    </div>
  );
}
