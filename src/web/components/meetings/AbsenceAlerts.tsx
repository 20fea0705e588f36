/**
 * The absence alerts in «Việc cần làm» (issue 16 part 5): members absent without a valid reason for 3 months of the
 * year, proposed for striking off, with the meetings missed; a person dismisses (with a reason) or records the
 * striking-off.
 */
import { Button, Card, Input, Modal, Space, Table, Tag, message, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { AbsenceAlert } from '../../../contract/meetings.compliance.ts';
import { useAbsenceAlerts, useDismissAlert, useStrikeOff } from '../../api/meetings.compliance.ts';
import { errorMessage } from '../../api/client.ts';
import { formatDate } from '../../lib/dates.ts';

const monthVn = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;

export function AbsenceAlerts() {
  const alerts = useAbsenceAlerts();
  const dismiss = useDismissAlert();
  const strike = useStrikeOff();
  const [dismissing, setDismissing] = useState<AbsenceAlert | null>(null);
  const [reason, setReason] = useState('');
  const columns: TableColumnsType<AbsenceAlert> = [
    { title: 'Việc', dataIndex: 'label', render: (l: string) => <Tag color="red">{l}</Tag> },
    { title: 'Họ và tên', dataIndex: 'fullName' },
    { title: 'Chi bộ', dataIndex: 'orgName' },
    {
      title: 'Các buổi vắng không lý do',
      dataIndex: 'months',
      render: (ms: AbsenceAlert['months']) =>
        ms.map((m) => <div key={m.month}>{`Tháng ${monthVn(m.month)}: ${m.missed.map((x) => formatDate(x.date)).join(', ')}`}</div>),
    },
    {
      title: '',
      render: (_: unknown, a) => (
        <Space>
          <Button size="small" onClick={() => setDismissing(a)} data-testid={`alert-dismiss-${a.memberId}`}>
            Không đề nghị
          </Button>
          <Button
            size="small"
            danger
            onClick={() =>
              Modal.confirm({
                title: `Ghi quyết định xóa tên đảng viên ${a.fullName}?`,
                onOk: () =>
                  strike
                    .mutateAsync({ memberId: a.memberId, date: new Date().toISOString().slice(0, 10) })
                    .then(() => void message.success('Đã ghi xóa tên.'))
                    .catch((e: unknown) => void message.error(errorMessage(e))),
              })
            }
          >
            Xóa tên
          </Button>
        </Space>
      ),
    },
  ];
  if (!alerts.data?.items.length) return null;
  return (
    <Card title="Đề nghị xóa tên (bỏ sinh hoạt đảng)" style={{ marginTop: 16 }} data-testid="absence-alerts">
      <Table<AbsenceAlert> rowKey={(a) => `${a.source}-${a.memberId}`} size="small" columns={columns} dataSource={alerts.data.items} pagination={false} />
      <Modal
        open={dismissing !== null}
        title="Không đề nghị xóa tên"
        okText="Ghi"
        onCancel={() => setDismissing(null)}
        onOk={() =>
          dismissing &&
          dismiss
            .mutateAsync({ memberId: dismissing.memberId, year: dismissing.year, source: dismissing.source, reason })
            .then(() => {
              setDismissing(null);
              setReason('');
            })
            .catch((e: unknown) => void message.error(errorMessage(e)))
        }
      >
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Lý do (bắt buộc)" maxLength={1000} data-testid="alert-reason" />
      </Modal>
    </Card>
  );
}
