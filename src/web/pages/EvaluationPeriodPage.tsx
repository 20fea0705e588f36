/**
 * One evaluation period: progress per organisation (members entered, decided, checks failing), the live checks with
 * the records that break them (and the override with a written reason), the organisations' ratings (self, proposal,
 * decision), the member grid of the chosen cell, and publication with its decision.
 */
import { App, Alert, Button, Card, Checkbox, Descriptions, Form, Input, Modal, Progress, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError, errorMessage } from '../api/client.ts';
import { useOverride, usePeriod, usePublish, useSaveOrg, useSaveOrgs, type CheckFailureView, type PeriodOrg } from '../api/evaluation.ts';
import { DateInput } from '../components/DateInput.tsx';
import { MemberGrid } from '../components/evaluation/MemberGrid.tsx';
import { ImportResults } from '../components/evaluation/ImportResults.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { formatDate, toIso, validDate } from '../lib/dates.ts';
import { formatCount } from '../lib/labels.ts';
import type { Dayjs } from 'dayjs';

export function EvaluationPeriodPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const period = usePeriod(id);
  const saveOrg = useSaveOrg(id);
  const saveOrgs = useSaveOrgs(id);
  const override = useOverride(id);
  const publish = usePublish(id);
  const [cell, setCellState] = useState<string | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const setCell = (orgId: string | null) => {
    setCellState(orgId);
    // The grid is above the table: bring it into view when a row far down the table opens it.
    requestAnimationFrame(() => gridRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
  };
  const [overriding, setOverriding] = useState<CheckFailureView | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [reason, setReason] = useState('');
  const [publishForm] = Form.useForm<{ decisionNo: string; decisionDate: Dayjs }>();

  if (period.isError) return <QueryError error={period.error} onRetry={() => void period.refetch()} />;
  const d = period.data;
  if (!d) return <Card loading />;
  const locked = d.period.status === 'published';
  const orgLabels = d.rules.labels.org;
  const names = new Map(d.orgs.map((o) => [o.orgId, o.name]));

  const rateOrg = async (
    orgId: string,
    field: 'selfLabel' | 'proposedLabel' | 'decidedLabel' | 'disciplined' | 'leadershipDisciplined',
    v: string | boolean | null,
  ) => {
    try {
      await saveOrg.mutateAsync({ orgId, [field]: v });
    } catch (e) {
      const details = e instanceof ApiError ? e.details.map((x) => x.message) : [];
      message.error([errorMessage(e), ...details.slice(1)].join(' '));
    }
  };

  // Each select is enabled only when the server lets this user fill in that stage (issue 12 part 4).
  const STAGE_RIGHT = { selfLabel: 'self', proposedLabel: 'propose', decidedLabel: 'decide' } as const;

  // Every proposal copied into the empty decisions in one request (all or nothing, checked as a batch).
  const toDecide = d.orgs.filter((o) => o.can.decide && o.proposedLabel !== null && o.decidedLabel === null);
  const decideAsProposed = async () => {
    try {
      const r = await saveOrgs.mutateAsync(toDecide.map((o) => ({ orgId: o.orgId, decidedLabel: o.proposedLabel })));
      message.success(`Đã quyết định xếp loại ${formatCount(r.updated)} tổ chức theo đề xuất.`);
    } catch (e) {
      const details = e instanceof ApiError ? e.details.map((x) => x.message) : [];
      message.error([errorMessage(e), ...details.slice(1)].join(' '));
    }
  };

  const orgSelect = (o: PeriodOrg, field: 'selfLabel' | 'proposedLabel' | 'decidedLabel') => (
    <select
      value={o[field] ?? ''}
      disabled={locked || !o.can[STAGE_RIGHT[field]]}
      onChange={(e) => void rateOrg(o.orgId, field, e.target.value || null)}
      data-testid={`org-${field}-${o.orgId}`}
      aria-label={`${field}: ${o.name}`}
      style={{ minWidth: '100%', padding: '2px 4px' }}
    >
      <option value="">—</option>
      {orgLabels.map((l) => (
        <option key={l.code} value={l.code}>
          {l.label}
        </option>
      ))}
    </select>
  );

  const columns: TableColumnsType<PeriodOrg> = [
    {
      title: 'Tổ chức',
      dataIndex: 'name',
      render: (v: string, o) => (
        <Space size={4} style={{ paddingLeft: Math.max(0, o.depth - (d.orgs[0]?.depth ?? 0)) * 16 }}>
          <span>{v}</span>
          {o.isGrassroots && <Tag>TCCSĐ</Tag>}
          {o.failing > 0 && <Tag color="red">{o.failing} lỗi kiểm tra</Tag>}
        </Space>
      ),
    },
    {
      title: 'Đảng viên đã nhập',
      key: 'progress',
      width: 190,
      render: (_v, o) =>
        o.members.total + o.members.lateAdmissions > 0 ? (
          <Space orientation="vertical" size={0} style={{ width: '100%' }}>
            <Progress
              percent={o.members.total ? Math.round((o.members.entered * 100) / o.members.total) : 0}
              size="small"
              format={() => `${formatCount(o.members.entered)}/${formatCount(o.members.total)}`}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              Đã quyết định {formatCount(o.members.decided)}/{formatCount(o.members.total)}
            </Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: 'Kỷ luật trong năm',
      key: 'discipline',
      width: 150,
      render: (_v, o) => (
        <Space orientation="vertical" size={0}>
          <Checkbox
            checked={o.disciplined}
            disabled={locked || !o.can.self}
            onChange={(e) => void rateOrg(o.orgId, 'disciplined', e.target.checked)}
            data-testid={`org-disciplined-${o.orgId}`}
          >
            Tổ chức, cấp ủy
          </Checkbox>
          <Checkbox
            checked={o.leadershipDisciplined}
            disabled={locked || !o.can.self}
            onChange={(e) => void rateOrg(o.orgId, 'leadershipDisciplined', e.target.checked)}
          >
            Cấp ủy viên
          </Checkbox>
        </Space>
      ),
    },
    { title: 'Tự đánh giá', key: 'self', render: (_v, o) => orgSelect(o, 'selfLabel') },
    { title: 'Đề xuất', key: 'proposed', render: (_v, o) => orgSelect(o, 'proposedLabel') },
    { title: 'Quyết định', key: 'decided', render: (_v, o) => orgSelect(o, 'decidedLabel') },
    {
      title: '',
      key: 'grid',
      width: 120,
      render: (_v, o) =>
        o.members.total + o.members.lateAdmissions > 0 ? (
          <Button size="small" type={cell === o.orgId ? 'primary' : 'default'} onClick={() => setCell(o.orgId)} data-testid={`open-grid-${o.orgId}`}>
            Đảng viên
          </Button>
        ) : null,
    },
  ];

  const open = d.failures.filter((f) => !f.overridden);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div className="hn-title-row">
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="period-title">
          Đánh giá, xếp loại năm {d.period.year}
          {d.period.rootName ? `: ${d.period.rootName}` : ''}
        </Typography.Title>
        {locked ? (
          <Tag color="green" data-testid="period-status">
            Đã công bố
          </Tag>
        ) : (
          d.period.can.publish && (
            <Button type="primary" onClick={() => setPublishing(true)} data-testid="period-publish">
              Công bố kết quả
            </Button>
          )
        )}
      </div>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label="Quy định áp dụng">{d.rules.basis}</Descriptions.Item>
        <Descriptions.Item label="Ngày lập danh sách">{formatDate(d.period.asOf)}</Descriptions.Item>
        <Descriptions.Item label="Không đánh giá">
          Miễn sinh hoạt {d.period.excluded.exempt ?? 0} · Đình chỉ {d.period.excluded.suspended ?? 0} · Kết nạp cuối năm {d.period.excluded.lateAdmission ?? 0}
        </Descriptions.Item>
        {locked && (
          <Descriptions.Item label="Quyết định công bố">
            {d.period.decisionNo} ngày {formatDate(d.period.decisionDate)}
          </Descriptions.Item>
        )}
      </Descriptions>
      <div data-testid="period-checks">
        {open.length === 0 ? (
          <Alert type="success" showIcon title="Không có lỗi kiểm tra nào đang mở." data-testid="checks-ok" />
        ) : (
          open.map((f) => (
            <Alert
              key={`${f.code}:${f.orgId}`}
              type="error"
              showIcon
              style={{ marginBottom: 8 }}
              data-testid={`check-${f.code}`}
              title={`${f.title}${names.get(f.orgId) ? ` — ${names.get(f.orgId)}` : ''}`}
              description={
                <span>
                  {f.message}
                  {f.memberIds.length > 0 ? ` (${f.memberIds.length} đảng viên)` : ''}
                </span>
              }
              action={
                d.period.can.override && (
                  <Button size="small" onClick={() => setOverriding(f)} data-testid={`override-${f.code}`}>
                    Vượt qua (ghi lý do)
                  </Button>
                )
              }
            />
          ))
        )}
        {d.failures
          .filter((f) => f.overridden)
          .map((f) => (
            <Alert
              key={`o:${f.code}:${f.orgId}`}
              type="warning"
              style={{ marginBottom: 8 }}
              title={`${f.title} — đã cho vượt qua`}
              description={`Lý do: ${f.overridden!.reason}`}
            />
          ))}
      </div>
      {d.rootMembers && d.rootMembers.total > 0 && d.period.rootOrgId && (
        <Space>
          <Button type={cell === d.period.rootOrgId ? 'primary' : 'default'} onClick={() => setCell(d.period.rootOrgId)} data-testid="open-grid-root">
            Đảng viên của {d.period.rootName}
          </Button>
          <Typography.Text type="secondary">
            Đã nhập {formatCount(d.rootMembers.entered)}/{formatCount(d.rootMembers.total)} · đã quyết định {formatCount(d.rootMembers.decided)}/
            {formatCount(d.rootMembers.total)}
          </Typography.Text>
        </Space>
      )}
      {!locked && toDecide.length > 0 && (
        <Space>
          <Button onClick={() => void decideAsProposed()} loading={saveOrgs.isPending} data-testid="orgs-decide-as-proposed">
            Chép đề xuất sang quyết định ({formatCount(toDecide.length)} tổ chức)
          </Button>
          <Typography.Text type="secondary">Ghi một lần cho tất cả; nếu một kiểm tra không đạt thì không tổ chức nào được ghi.</Typography.Text>
        </Space>
      )}
      {cell && (
        // Above the organisations' table, which may be long: the grid opens where the user is looking.
        <Card size="small" title={`Kết quả đánh giá đảng viên: ${names.get(cell) ?? d.period.rootName ?? ''}`} ref={gridRef} data-testid="period-grid">
          <MemberGrid periodId={id} orgId={cell} locked={locked} />
        </Card>
      )}
      {d.orgs.length > 0 && (
        <Table<PeriodOrg>
          rowKey="orgId"
          size="small"
          columns={columns}
          dataSource={d.orgs}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="period-orgs"
        />
      )}
      {!locked && (
        <Card size="small" title="Nhập kết quả từ tệp Excel">
          <ImportResults periodId={id} />
        </Card>
      )}
      {d.changes.length > 0 && (
        <Card size="small" title="Thay đổi sau công bố">
          {d.changes.map((c) => (
            <div key={c.id}>
              {formatDate(c.decisionDate)} · {c.decisionNo}: {c.beforeLabel ?? '—'} → {c.afterLabel} ({c.reason})
            </div>
          ))}
        </Card>
      )}
      <Modal
        open={overriding !== null}
        title="Cho vượt qua kiểm tra"
        okText="Ghi nhận"
        cancelText="Hủy"
        okButtonProps={{ disabled: reason.trim().length === 0, ...({ 'data-testid': 'override-ok' } as object) }}
        confirmLoading={override.isPending}
        onCancel={() => setOverriding(null)}
        onOk={async () => {
          try {
            await override.mutateAsync({ checkCode: overriding!.code, orgId: overriding!.orgId, reason });
            setOverriding(null);
            setReason('');
          } catch (e) {
            message.error(errorMessage(e));
          }
        }}
      >
        <p>{overriding?.message}</p>
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="Lý do (được ghi vào nhật ký)"
          data-testid="override-reason"
        />
      </Modal>
      <Modal
        open={publishing}
        title="Công bố và khóa kết quả"
        okText="Công bố"
        cancelText="Hủy"
        okButtonProps={{ ...({ 'data-testid': 'publish-ok' } as object) }}
        confirmLoading={publish.isPending}
        onCancel={() => setPublishing(false)}
        onOk={() => publishForm.submit()}
      >
        <Form
          form={publishForm}
          layout="vertical"
          onFinish={async (v) => {
            try {
              await publish.mutateAsync({ decisionNo: v.decisionNo, decisionDate: toIso(v.decisionDate) });
              setPublishing(false);
              message.success('Đã công bố kết quả.');
            } catch (e) {
              message.error(errorMessage(e));
            }
          }}
        >
          <Form.Item name="decisionNo" label="Số quyết định" rules={[{ required: true, message: 'Vui lòng nhập số quyết định.' }]}>
            <Input data-testid="publish-decision-no" />
          </Form.Item>
          <Form.Item name="decisionDate" label="Ngày quyết định" rules={[validDate, { required: true, message: 'Vui lòng nhập ngày quyết định.' }]}>
            <DateInput testId="publish-decision-date" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
