/**
 * "Quá trình": the member's life events in the order they happened (domain.md §4 "Status — a dated history"): date,
 * what happened, where (and where to, for a transfer), the decision, and who recorded it.
 */
import { Empty, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { MemberEvent } from '../../../contract/members.ts';
import type { OrgRef } from '../../../contract/orgs.ts';
import { useAsOfLink } from '../../app/asOf.ts';
import { formatDate } from '../../lib/dates.ts';

/** Colour of an event by what it does to membership; kinds not listed are grey. */
const EVENT_COLORS: Record<string, string> = {
  admitted: 'green',
  readmitted: 'green',
  recognized_official: 'green',
  transfer_out_started: 'blue',
  transfer_in_confirmed: 'blue',
  temporary_out: 'blue',
  temporary_return: 'blue',
  exempted: 'gray',
  exemption_ended: 'blue',
  suspended: 'orange',
  suspension_ended: 'blue',
  lost_contact: 'orange',
  contact_restored: 'blue',
  deceased: 'gray',
  struck_off: 'red',
  allowed_to_leave: 'red',
  expelled: 'red',
  expulsion_annulled: 'green',
};

function OrgLink({ org }: { org: OrgRef }) {
  const link = useAsOfLink();
  return <Link to={link(`/orgs/${org.id}`)}>{org.name || 'Tổ chức không rõ tên'}</Link>;
}

function EventContent({ event }: { event: MemberEvent }) {
  const afterTheFact = event.details.recordedAfterTheFact === true;
  const d = event.details;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  // §7: a departure or an arrival later than the rules allow is recorded with its reason.
  const late = d.late === true;
  const lateReason = text(d.lateReason);
  const moveOn = text(d.moveDecisionDate);
  const moveNo = text(d.moveDecisionNo);
  const moveDays = typeof d.workingDaysSinceMoveDecision === 'number' ? d.workingDaysSinceMoveDecision : null;
  return (
    <div data-testid={`member-event-${event.id}`}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography.Text strong>{formatDate(event.effectiveDate)}</Typography.Text>
        <span>{event.label}</span>
        {afterTheFact && <Tag>Ghi nhận khi nhập hồ sơ</Tag>}
        {late && (
          <Tag color="orange" data-testid={`member-event-late-${event.id}`}>
            Chậm{lateReason ? `: ${lateReason}` : ''}
          </Tag>
        )}
      </div>
      {moveOn && (
        <div className="hn-muted">
          Theo quyết định điều động, nghỉ hưu hoặc chuyển nơi ở{moveNo ? ` số ${moveNo}` : ''} ngày {formatDate(moveOn)}
          {moveDays !== null ? ` (sau ${moveDays} ngày làm việc)` : ''}
        </div>
      )}
      {(event.org || event.toOrg) && (
        <div style={{ margin: '4px 0' }}>
          {event.org && <OrgLink org={event.org} />}
          {event.toOrg && (
            <>
              {event.org ? ' → ' : 'Đến: '}
              <OrgLink org={event.toOrg} />
            </>
          )}
        </div>
      )}
      <div className="hn-muted">
        {event.decisionNo || event.decisionDate
          ? `Quyết định${event.decisionNo ? ` số ${event.decisionNo}` : ''}${event.decisionDate ? ` ngày ${formatDate(event.decisionDate)}` : ''} · `
          : ''}
        Ghi nhận bởi {event.actorName ?? 'hệ thống'}
      </div>
    </div>
  );
}

export function MemberTimeline({ events }: { events: MemberEvent[] }) {
  if (events.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có sự kiện nào được ghi nhận" data-testid="member-timeline" />;
  }
  return (
    <Timeline
      data-testid="member-timeline"
      style={{ marginTop: 8 }}
      items={events.map((event) => ({
        key: event.id,
        color: EVENT_COLORS[event.kind] ?? 'gray',
        content: <EventContent event={event} />,
      }))}
    />
  );
}
