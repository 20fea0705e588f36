/** "Lịch sử": the recorded changes of one organisation, newest first. */
import { Alert, Empty, Spin, Tag, Timeline, Typography } from 'antd';
import { errorMessage } from '../../api/client.ts';
import { useOrgHistory } from '../../api/hooks.ts';
import type { OrgEvent } from '../../../contract/orgs.ts';
import { formatDate, formatDateTime } from '../../lib/dates.ts';
import { ORG_EVENT_COLORS, ORG_EVENT_NAMES } from '../../lib/labels.ts';

const newestFirst = (a: OrgEvent, b: OrgEvent) => b.effectiveDate.localeCompare(a.effectiveDate) || b.createdAt.localeCompare(a.createdAt);

function EventContent({ event }: { event: OrgEvent }) {
  return (
    <div data-testid={`history-item-${event.id}`}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography.Text strong>{formatDate(event.effectiveDate)}</Typography.Text>
        <Tag color={ORG_EVENT_COLORS[event.kind] ?? 'default'}>{ORG_EVENT_NAMES[event.kind] ?? event.kind}</Tag>
        {event.batchId && <Tag color="purple">Sắp xếp hàng loạt</Tag>}
      </div>
      <div style={{ margin: '4px 0' }}>{event.summary}</div>
      <div className="hn-muted">
        Quyết định số {event.decisionNo} ngày {formatDate(event.decisionDate)}
        {' · '}Ghi nhận bởi {event.actorName ?? 'hệ thống'} lúc {formatDateTime(event.createdAt)}
      </div>
    </div>
  );
}

export function OrgHistory({ orgId }: { orgId: string }) {
  const history = useOrgHistory(orgId);
  if (history.isPending) return <Spin style={{ display: 'block', marginTop: 24 }} />;
  if (history.isError) return <Alert type="error" showIcon title={errorMessage(history.error)} />;
  if (history.data.items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có thay đổi nào được ghi nhận" />;
  }
  const events = [...history.data.items].sort(newestFirst);
  return (
    <Timeline
      data-testid="org-history"
      style={{ marginTop: 8 }}
      items={events.map((event) => ({
        key: event.id,
        color: ORG_EVENT_COLORS[event.kind] ?? 'gray',
        content: <EventContent event={event} />,
      }))}
    />
  );
}
