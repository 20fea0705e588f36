/**
 * "Đánh giá, xếp loại" (domain.md §8): the periods in the caller's scope and the form that opens one for an
 * organisation and its subtree (the roll is taken from the member file on 01/12 of the year).
 */
import { Button, Card, Form, Grid, InputNumber, Space, Table, Tag, Typography, App } from 'antd';
import { Link } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import { useOpenPeriod, usePeriods, type PeriodSummary } from '../api/evaluation.ts';
import { useAsOfLink } from '../app/asOf.ts';
import { OrgSelect } from '../components/OrgSelect.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { formatDate } from '../lib/dates.ts';

export function EvaluationPage() {
  const { message } = App.useApp();
  const periods = usePeriods();
  const open = useOpenPeriod();
  const link = useAsOfLink();
  const [form] = Form.useForm<{ rootOrgId: string; year: number }>();
  // On a phone the fields stack: the organisation's long placeholder would not fit beside its label.
  const wide = Grid.useBreakpoint().md !== false;

  const onOpen = async (v: { rootOrgId: string; year: number }) => {
    try {
      const p = await open.mutateAsync(v);
      message.success(`Đã mở kỳ đánh giá năm ${p.period.year}.`);
      form.resetFields();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div className="hn-title-row">
        <Typography.Title level={3} style={{ margin: 0 }}>
          Đánh giá, xếp loại chất lượng
        </Typography.Title>
        <Link to={link('/evaluation/results')} data-testid="evaluation-results-link">
          Kết quả, danh sách khen thưởng và củng cố →
        </Link>
      </div>
      <Card size="small" title="Mở kỳ đánh giá">
        <Form form={form} layout={wide ? 'inline' : 'vertical'} onFinish={(v) => void onOpen(v)} initialValues={{ year: new Date().getFullYear() }}>
          <Form.Item
            name="rootOrgId"
            label="Tổ chức đảng"
            rules={[{ required: true, message: 'Vui lòng chọn tổ chức đảng.' }]}
            style={wide ? { minWidth: 380 } : undefined}
          >
            <OrgSelect placeholder="Tổ chức mở kỳ đánh giá cho các tổ chức trực thuộc" data-testid="evaluation-open-org" />
          </Form.Item>
          <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Vui lòng nhập năm.' }]}>
            <InputNumber min={1990} max={2100} data-testid="evaluation-open-year" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={open.isPending} data-testid="evaluation-open">
            Mở kỳ
          </Button>
        </Form>
      </Card>
      {periods.isError ? (
        <QueryError error={periods.error} onRetry={() => void periods.refetch()} />
      ) : (
        <Table<PeriodSummary>
          rowKey="id"
          size="small"
          loading={periods.isFetching}
          dataSource={periods.data?.items ?? []}
          data-testid="evaluation-periods"
          pagination={false}
          locale={{ emptyText: 'Chưa có kỳ đánh giá nào trong phạm vi' }}
          columns={[
            { title: 'Năm', dataIndex: 'year', width: 80, render: (y: number, p) => <Link to={link(`/evaluation/${p.id}`)}>Năm {y}</Link> },
            { title: 'Tổ chức', dataIndex: 'rootName', render: (v: string | null) => v ?? 'Cấp trên (phần thuộc phạm vi của bạn)' },
            { title: 'Ngày lập danh sách', dataIndex: 'asOf', width: 150, render: (d: string) => formatDate(d) },
            {
              title: 'Trạng thái',
              dataIndex: 'status',
              width: 140,
              render: (s: string) => (s === 'published' ? <Tag color="green">Đã công bố</Tag> : <Tag color="blue">Đang đánh giá</Tag>),
            },
          ]}
        />
      )}
    </Space>
  );
}
