/**
 * «Sinh hoạt chi bộ» (issue 16): the shell with its tabs — the calendar of an organisation's meetings (each with its
 * attendance and the warnings of the rules of its date), scheduling a meeting — and the tabs other parts add
 * (meetings/tabs.tsx: the compliance). The organisation is in the address (?org=), by default the user's own.
 */
import { Alert, Button, Card, Form, Input, List, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { MEETING_KIND_LABELS, MEETING_KINDS, MEETING_STATUS_LABELS } from '../../domain/meetings.ts';
import { useCreateMeeting, useMeetingList, type MeetingList } from '../api/meetings.ts';
import { errorMessage } from '../api/client.ts';
import { useCurrentUser } from '../app/auth.tsx';
import { DateInput } from '../components/DateInput.tsx';
import { OrgSelect } from '../components/OrgSelect.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { formatDate, toIso, validDate } from '../lib/dates.ts';
import { EXTRA_MEETING_TABS } from './meetings/tabs.tsx';
import type { Dayjs } from 'dayjs';

type Item = MeetingList['items'][number];

function MeetingRow({ m }: { m: Item }) {
  return (
    <List.Item data-testid={`meeting-${m.id}`}>
      <List.Item.Meta
        title={
          <Link to={`/meetings/${m.id}`}>
            {formatDate(m.heldOn ?? m.plannedOn)} · {MEETING_KIND_LABELS[m.kind]}
          </Link>
        }
        description={
          <Space wrap size={4}>
            <Tag color={m.status === 'held' ? 'green' : m.status === 'cancelled' ? 'default' : 'blue'}>{MEETING_STATUS_LABELS[m.status]}</Tag>
            {m.topic && <span>{m.topic}</span>}
            {m.attendanceRecorded && <Tag>{`Có mặt ${m.presentCount}/${m.rollCount}`}</Tag>}
            {m.warnings.map((w) => (
              <Tag key={w.code} color="orange" title={w.message}>
                {w.message}
              </Tag>
            ))}
          </Space>
        }
      />
    </List.Item>
  );
}

function ScheduleForm({ orgId }: { orgId: string }) {
  const create = useCreateMeeting();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  return (
    <Form
      layout="vertical"
      initialValues={{ kind: 'regular' }}
      onFinish={(v: { kind: string; plannedOn: Dayjs; topic?: string; place?: string }) => {
        setError(null);
        create.mutate(
          { orgId, kind: v.kind as Item['kind'], plannedOn: toIso(v.plannedOn), topic: v.topic ?? null, place: v.place ?? null },
          { onSuccess: (m) => navigate(`/meetings/${m.id}`), onError: (e) => setError(errorMessage(e)) },
        );
      }}
    >
      <Space wrap align="start">
        <Form.Item name="kind" label="Loại sinh hoạt">
          <Select data-testid="meeting-kind" style={{ width: 240 }} options={MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="plannedOn" label="Ngày dự kiến" rules={[{ required: true, message: 'Vui lòng chọn ngày.' }, validDate]}>
          <DateInput testId="meeting-planned-on" />
        </Form.Item>
        <Form.Item name="topic" label="Nội dung">
          <Input data-testid="meeting-topic" maxLength={500} style={{ width: 280 }} />
        </Form.Item>
        <Form.Item name="place" label="Địa điểm">
          <Input data-testid="meeting-place" maxLength={255} />
        </Form.Item>
      </Space>
      {error && <Alert type="error" message={error} showIcon style={{ marginBottom: 8 }} />}
      <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="meeting-schedule">
        Lên lịch
      </Button>
    </Form>
  );
}

function Calendar({ orgId }: { orgId: string }) {
  const year = new Date().getFullYear();
  const [y, setY] = useState(year);
  const list = useMeetingList(orgId, `${y}-01-01`, `${y}-12-31`);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Button onClick={() => setY(y - 1)} data-testid="meetings-prev-year">
          ‹ {y - 1}
        </Button>
        <Typography.Text strong>Năm {y}</Typography.Text>
        <Button onClick={() => setY(y + 1)}>{y + 1} ›</Button>
      </Space>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <List<Item>
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          renderItem={(m) => <MeetingRow m={m} />}
          locale={{ emptyText: 'Chưa có buổi sinh hoạt nào trong năm' }}
          data-testid="meetings-list"
        />
      )}
      {list.data?.canEdit && (
        <Card size="small" title="Lên lịch sinh hoạt">
          <ScheduleForm orgId={orgId} />
        </Card>
      )}
    </Space>
  );
}

export function MeetingsPage() {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const orgId = params.get('org') ?? me.roles.find((r) => r.orgId)?.orgId ?? undefined;
  return (
    <Card title="Sinh hoạt chi bộ">
      <Space direction="vertical" style={{ width: '100%' }}>
        <OrgSelect
          value={orgId}
          onChange={(v) => setParams(typeof v === 'string' ? { org: v } : {})}
          showPath
          data-testid="meetings-org"
          placeholder="Chọn tổ chức đảng"
        />
        {orgId ? (
          <Tabs
            items={[
              { key: 'calendar', label: 'Lịch sinh hoạt', children: <Calendar orgId={orgId} /> },
              ...EXTRA_MEETING_TABS.map((t) => ({ key: t.key, label: t.label, children: t.render(orgId) })),
            ]}
          />
        ) : (
          <Alert type="info" message="Chọn một chi bộ để xem lịch sinh hoạt." />
        )}
      </Space>
    </Card>
  );
}
