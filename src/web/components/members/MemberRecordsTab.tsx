/**
 * One sub-record group of the member file as a table (domain.md §4, "Sub-records"), with "Thêm", "Sửa" and "Xóa"
 * for those who may edit the file. The open groups (work, training, trips, commendations) come with the page; the
 * sensitive ones (family, political history) are shown only after "Xem (ghi nhật ký)", an explicit request the
 * server records, and the page never keeps them beyond the tab: they are not cached.
 */
import { DeleteOutlined, EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { isSensitiveRecordKind, RECORD_FIELDS, RECORD_KIND_LABELS, type RecordFieldSpec } from '../../../domain/member-records.ts';
import { errorMessage } from '../../api/client.ts';
import { useDeleteMemberRecord, useMemberRecords, useRevealMemberRecords } from '../../api/hooks.ts';
import type { MemberRecord, RecordKind, SensitiveRecordKind } from '../../../contract/member-records.ts';
import type { MemberFile } from '../../../contract/members.ts';
import { useConfirm } from '../../lib/confirm.ts';
import { periodText, recordCellText, sortRecords } from '../../lib/member-records.ts';
import { QueryError } from '../QueryError.tsx';
import { MemberRecordModal } from './MemberRecordModal.tsx';

function columnsOf(kind: RecordKind): TableColumnsType<MemberRecord> {
  const fields = RECORD_FIELDS[kind];
  const hasPeriod = fields.some((f) => f.name === 'from');
  const column = (spec: RecordFieldSpec) => ({
    key: spec.name,
    title: spec.label.replace(/ \(.*\)$/u, ''),
    render: (_: unknown, r: MemberRecord) => recordCellText(spec, r.data[spec.name]) || '—',
  });
  return [
    ...(hasPeriod ? [{ key: 'period', title: 'Thời gian', width: 170, render: (_: unknown, r: MemberRecord) => periodText(r.data) || '—' }] : []),
    ...fields.filter((f) => f.name !== 'from' && f.name !== 'to').map(column),
  ];
}

/** The table, its buttons and its form; `items` as the server listed them. */
function RecordsTable({
  file,
  kind,
  items,
  onChanged,
}: {
  file: MemberFile;
  kind: RecordKind;
  items: MemberRecord[];
  onChanged: (items: MemberRecord[]) => void;
}) {
  const [editing, setEditing] = useState<MemberRecord | 'new' | null>(null);
  const remove = useDeleteMemberRecord(file.id);
  const confirm = useConfirm();
  const { message } = App.useApp();
  const canEdit = file.canEdit && (!isSensitiveRecordKind(kind) || file.canReadHistory);
  const title = RECORD_KIND_LABELS[kind];

  const del = async (record: MemberRecord) => {
    const ok = await confirm({ title: `Xóa mục này khỏi «${title}»?`, content: 'Việc xóa được ghi vào nhật ký.', okText: 'Xóa', danger: true });
    if (!ok) return;
    try {
      await remove.mutateAsync(record.id);
      onChanged(items.filter((r) => r.id !== record.id));
      message.success(`Đã xóa một mục «${title}».`);
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  const actions: TableColumnsType<MemberRecord> = canEdit
    ? [
        {
          key: 'actions',
          width: 90,
          render: (_: unknown, r: MemberRecord) => (
            <Space size={0}>
              <Button
                type="link"
                size="small"
                icon={<EditOutlined />}
                title="Sửa"
                aria-label="Sửa"
                onClick={() => setEditing(r)}
                data-testid={`record-edit-${r.id}`}
              />
              <Button
                type="link"
                size="small"
                danger
                icon={<DeleteOutlined />}
                title="Xóa"
                aria-label="Xóa"
                onClick={() => void del(r)}
                data-testid={`record-delete-${r.id}`}
              />
            </Space>
          ),
        },
      ]
    : [];

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {canEdit && (
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid={`record-add-${kind}`}>
            Thêm
          </Button>
        </div>
      )}
      <Table<MemberRecord>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        columns={[...columnsOf(kind), ...actions]}
        data-testid={`member-records-${kind}`}
        onRow={(r) => ({ 'data-testid': `record-row-${r.id}` }) as object}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có mục nào" /> }}
      />
      {canEdit && (
        <MemberRecordModal
          file={file}
          kind={kind}
          record={editing === 'new' ? null : editing}
          open={editing !== null}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            onChanged(sortRecords([...items.filter((r) => r.id !== saved.id), saved]));
          }}
        />
      )}
    </Space>
  );
}

function OpenRecords({ file, kind }: { file: MemberFile; kind: RecordKind }) {
  const query = useMemberRecords(file.id);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const items = (query.data?.items ?? []).filter((r) => r.kind === kind);
  // The list is the server's: after a change the hooks refetch it.
  return query.isPending ? (
    <Table loading size="small" columns={columnsOf(kind)} dataSource={[]} />
  ) : (
    <RecordsTable file={file} kind={kind} items={items} onChanged={() => undefined} />
  );
}

function SensitiveRecords({ file, kind }: { file: MemberFile; kind: SensitiveRecordKind }) {
  const reveal = useRevealMemberRecords(file.id);
  const [items, setItems] = useState<MemberRecord[] | null>(null);
  const { message } = App.useApp();
  if (items) return <RecordsTable file={file} kind={kind} items={items} onChanged={setItems} />;
  return (
    <Alert
      type="info"
      showIcon
      title={`«${RECORD_KIND_LABELS[kind]}» là thông tin nhạy cảm.`}
      description={
        <Space orientation="vertical" size={8}>
          <Typography.Text>Chỉ cấp ủy cơ sở trở lên được xem; mỗi lần xem được ghi vào nhật ký.</Typography.Text>
          <Button
            icon={<EyeOutlined />}
            loading={reveal.isPending}
            onClick={() =>
              reveal.mutate(kind, {
                onSuccess: (r) => setItems(r.items),
                onError: (e) => void message.error(errorMessage(e)),
              })
            }
            data-testid={`record-reveal-${kind}`}
          >
            Xem (ghi nhật ký)
          </Button>
        </Space>
      }
    />
  );
}

export function MemberRecordsTab({ file, kind }: { file: MemberFile; kind: RecordKind }) {
  return isSensitiveRecordKind(kind) ? <SensitiveRecords file={file} kind={kind} /> : <OpenRecords file={file} kind={kind} />;
}
