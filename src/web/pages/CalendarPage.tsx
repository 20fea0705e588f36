/**
 * "Lịch làm việc": the working-day calendar of a year (domain.md §13) — the public holidays the law gives, the weekends,
 * and the adjustments a system administrator records from the government's yearly notices (days off around Tết or
 * National Day, Saturdays worked in exchange). Every deadline counted in working days (transfers, admissions) reads
 * this calendar. The year lives in the URL.
 */
import { CalendarOutlined, DeleteOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, Row, Select, Space, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import { useCalendarAdjustment, useCalendarYear } from '../api/hooks.ts';
import { QueryError } from '../components/QueryError.tsx';
import { DateInput } from '../components/DateInput.tsx';
import { useConfirm } from '../lib/confirm.ts';
import { formatDate, todayIso, toIso, validDate } from '../lib/dates.ts';

const FIRST_YEAR = 2000;
const LAST_YEAR = 2035;
const WEEKDAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];
const YEAR_OPTIONS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => ({ value: FIRST_YEAR + i, label: String(FIRST_YEAR + i) }));

interface DayRow {
  date: string;
  weekday: number;
  kind: 'law' | 'compensating' | 'holiday' | 'workday';
  name: string;
  struck: boolean;
  adjustment: boolean;
}

const KIND_TAGS: Record<DayRow['kind'], { color: string; label: string }> = {
  law: { color: 'red', label: 'Nghỉ lễ, Tết' },
  compensating: { color: 'volcano', label: 'Nghỉ bù' },
  holiday: { color: 'orange', label: 'Nghỉ theo điều chỉnh' },
  workday: { color: 'blue', label: 'Làm việc theo điều chỉnh' },
};

function useYear(): [number, (y: number) => void] {
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('year'));
  const current = Number(todayIso().slice(0, 4));
  const year = Number.isInteger(raw) && raw >= FIRST_YEAR && raw <= LAST_YEAR ? raw : current;
  return [year, (y) => setParams(y === current ? {} : { year: String(y) })];
}

function AddAdjustment({ year }: { year: number }) {
  const [form] = Form.useForm<{ date?: Dayjs; kind?: 'holiday' | 'workday'; note?: string }>();
  const change = useCalendarAdjustment();
  const { message } = App.useApp();
  return (
    <Form
      form={form}
      layout="inline"
      data-testid="calendar-add"
      onFinish={async (v) => {
        if (!v.date || !v.kind) return;
        try {
          await change.mutateAsync({ date: toIso(v.date), kind: v.kind, note: v.note?.trim() || null });
          message.success('Đã ghi điều chỉnh lịch làm việc.');
          form.resetFields();
        } catch (e) {
          message.error(errorMessage(e));
        }
      }}
      style={{ rowGap: 8 }}
    >
      <Form.Item name="date" label="Ngày" rules={[validDate, { required: true, message: 'Vui lòng chọn ngày.' }]}>
        <DateInput testId="calendar-add-date" />
      </Form.Item>
      <Form.Item name="kind" label="Điều chỉnh" rules={[{ required: true, message: 'Vui lòng chọn loại điều chỉnh.' }]}>
        <Select
          style={{ width: 220 }}
          placeholder={`Chọn (năm ${year})`}
          options={[
            { value: 'holiday', label: 'Ngày nghỉ (theo thông báo)' },
            { value: 'workday', label: 'Ngày làm việc (làm bù)' },
          ]}
          data-testid="calendar-add-kind"
        />
      </Form.Item>
      <Form.Item name="note" label="Ghi chú">
        <Input maxLength={255} style={{ width: 300 }} placeholder="Ví dụ: Nghỉ theo Thông báo số …/TB-VPCP" data-testid="calendar-add-note" />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={change.isPending} data-testid="calendar-add-submit">
          Thêm điều chỉnh
        </Button>
      </Form.Item>
    </Form>
  );
}

export function CalendarPage() {
  const [year, setYear] = useYear();
  const calendar = useCalendarYear(year);
  const change = useCalendarAdjustment();
  const confirm = useConfirm();
  const { message } = App.useApp();
  const data = calendar.data;

  const rows: DayRow[] = [];
  if (data) {
    for (const h of data.lawHolidays) {
      rows.push({
        date: h.date,
        weekday: h.weekday,
        kind: h.compensating ? 'compensating' : 'law',
        name: h.name,
        struck: h.workedByAdjustment,
        adjustment: false,
      });
    }
    for (const a of data.adjustments) {
      const name = a.note ?? (a.kind === 'holiday' ? 'Ngày nghỉ theo thông báo' : 'Ngày làm việc bù');
      rows.push({ date: a.date, weekday: a.weekday, kind: a.kind, name, struck: false, adjustment: true });
    }
    rows.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : Number(x.adjustment) - Number(y.adjustment)));
  }

  const remove = async (date: string) => {
    if (
      !(await confirm({
        title: `Bỏ điều chỉnh ngày ${formatDate(date)}?`,
        content: 'Ngày này sẽ theo lịch của luật (làm việc từ thứ hai đến thứ sáu, nghỉ lễ, Tết).',
        okText: 'Bỏ điều chỉnh',
        danger: true,
      }))
    )
      return;
    try {
      await change.mutateAsync({ date });
      message.success('Đã bỏ điều chỉnh.');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: TableColumnsType<DayRow> = [
    { title: 'Ngày', dataIndex: 'date', width: 120, render: (d: string) => <span className="hn-mono">{formatDate(d)}</span> },
    { title: 'Thứ', dataIndex: 'weekday', width: 100, render: (w: number) => WEEKDAYS[w] },
    {
      title: 'Loại',
      dataIndex: 'kind',
      width: 220,
      render: (k: DayRow['kind'], r) => (
        <Space size={4}>
          <Tag color={KIND_TAGS[k].color}>{KIND_TAGS[k].label}</Tag>
          {r.struck && <Tag>Đã điều chỉnh thành ngày làm việc</Tag>}
        </Space>
      ),
    },
    { title: 'Tên ngày, ghi chú', dataIndex: 'name', render: (n: string, r) => (r.struck ? <Typography.Text delete>{n}</Typography.Text> : n) },
  ];
  if (data?.canEdit) {
    columns.push({
      title: '',
      key: 'actions',
      width: 140,
      render: (_v, r) =>
        r.adjustment ? (
          <Button size="small" danger icon={<DeleteOutlined />} onClick={() => void remove(r.date)} data-testid={`calendar-remove-${r.date}`}>
            Bỏ điều chỉnh
          </Button>
        ) : null,
    });
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div className="hn-title-row">
        <Typography.Title level={3} style={{ margin: 0 }}>
          <CalendarOutlined /> Lịch làm việc
        </Typography.Title>
        <Space.Compact>
          <Button icon={<LeftOutlined />} disabled={year <= FIRST_YEAR} onClick={() => setYear(year - 1)} aria-label="Năm trước" data-testid="calendar-prev" />
          <Select value={year} options={YEAR_OPTIONS} onChange={setYear} style={{ width: 100 }} data-testid="calendar-year" />
          <Button icon={<RightOutlined />} disabled={year >= LAST_YEAR} onClick={() => setYear(year + 1)} aria-label="Năm sau" data-testid="calendar-next" />
        </Space.Compact>
      </div>
      {calendar.isError ? (
        <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : (
        <>
          <Row gutter={12}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="Ngày làm việc" value={data?.workingDays ?? '—'} data-testid="calendar-working-days" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="Ngày nghỉ (kể cả cuối tuần)" value={data?.daysOff ?? '—'} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="Thứ bảy, chủ nhật" value={data ? `${data.weekends.saturdays} + ${data.weekends.sundays}` : '—'} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="Cuối tuần làm bù" value={data?.weekends.worked ?? '—'} />
              </Card>
            </Col>
          </Row>
          {data?.canEdit && (
            <Card size="small" title="Thêm điều chỉnh theo thông báo của Chính phủ">
              <AddAdjustment year={year} />
            </Card>
          )}
          <Table<DayRow>
            rowKey={(r) => `${r.date}-${r.kind}`}
            size="small"
            columns={columns}
            dataSource={rows}
            loading={calendar.isFetching}
            pagination={false}
            data-testid="calendar-table"
            locale={{ emptyText: 'Không có ngày nghỉ lễ hay điều chỉnh nào' }}
          />
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            Ngày làm việc là thứ hai đến thứ sáu, trừ ngày nghỉ lễ, Tết theo Bộ luật Lao động và ngày nghỉ bù khi ngày lễ trùng cuối tuần. Điều chỉnh ghi thêm
            ngày nghỉ hoặc ngày làm bù theo thông báo hằng năm; mọi thời hạn tính theo ngày làm việc (chuyển sinh hoạt đảng, kết nạp) dùng lịch này.
          </Typography.Paragraph>
        </>
      )}
    </Space>
  );
}
