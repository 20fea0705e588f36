/**
 * "Nhật ký": the audit log, newest first, filtered on the server and paged there. A row opens to show the record
 * before and after the change side by side. Filters live in the URL so a link can point at a filtered view.
 */
import { Button, Col, DatePicker, Form, Input, Row, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { useAudit } from '../api/hooks.ts';
import type { AuditEntry, AuditQuery } from '../../contract/audit.ts';
import { RequirePermission, useCurrentUser } from '../app/auth.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { UserSelect } from '../components/UserSelect.tsx';
import { DATE_FORMATS, formatDateTime, fromIso, isIsoDate, toIso } from '../lib/dates.ts';
import { AUDIT_ACTION_NAMES, auditActionName, entityTypeName, ENTITY_TYPE_NAMES, formatCount } from '../lib/labels.ts';

const PAGE_SIZE = 50;
/** Where the thing an entry is about can be opened. */
const ENTITY_LINKS: Record<string, (id: string) => string> = {
  org: (id) => `/orgs/${id}`,
  member: (id) => `/members/${id}`,
  admission_dossier: (id) => `/admissions/dossiers/${id}`,
  evaluation_period: (id) => `/evaluation/${id}`,
};
const FILTER_KEYS = ['userId', 'action', 'entityType', 'entityId', 'from', 'to'] as const;

interface FilterValues {
  userId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function readQuery(params: URLSearchParams): AuditQuery {
  const get = (k: string) => params.get(k) || undefined;
  const date = (k: string) => {
    const v = get(k);
    return v && isIsoDate(v) ? v : undefined;
  };
  const page = Number(params.get('page') ?? '1');
  return {
    userId: get('userId'),
    action: get('action'),
    entityType: get('entityType'),
    entityId: get('entityId'),
    from: date('from'),
    to: date('to'),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">(không có)</Typography.Text>;
  return <pre className="hn-pre">{JSON.stringify(value, null, 2)}</pre>;
}

function BeforeAfter({ entry }: { entry: AuditEntry }) {
  return (
    <Row gutter={16} data-testid={`audit-detail-${entry.id}`}>
      <Col xs={24} md={12}>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          Trước
        </Typography.Title>
        <Json value={entry.before} />
      </Col>
      <Col xs={24} md={12}>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          Sau
        </Typography.Title>
        <Json value={entry.after} />
      </Col>
    </Row>
  );
}

function AuditFilters({ query, onApply }: { query: AuditQuery; onApply: (values: FilterValues) => void }) {
  const [form] = Form.useForm<FilterValues>();
  const initial: FilterValues = {
    userId: query.userId,
    action: query.action,
    entityType: query.entityType,
    entityId: query.entityId,
    range: query.from || query.to ? [fromIso(query.from) ?? null, fromIso(query.to) ?? null] : null,
  };
  return (
    <Form<FilterValues> form={form} layout="vertical" initialValues={initial} onFinish={onApply} data-testid="audit-filters">
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Form.Item name="userId" label="Người thực hiện">
            <UserSelect />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="action" label="Hành động">
            <Select
              allowClear
              placeholder="Tất cả hành động"
              showSearch={{ optionFilterProp: 'label' }}
              options={Object.entries(AUDIT_ACTION_NAMES).map(([value, label]) => ({ value, label }))}
              data-testid="audit-action"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="entityType" label="Loại đối tượng">
            <Select
              allowClear
              placeholder="Tất cả đối tượng"
              options={Object.entries(ENTITY_TYPE_NAMES).map(([value, label]) => ({ value, label }))}
              data-testid="audit-entity-type"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="entityId" label="Mã đối tượng">
            <Input allowClear placeholder="Mã định danh" data-testid="audit-entity-id" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="range" label="Khoảng thời gian">
            <DatePicker.RangePicker
              format={DATE_FORMATS}
              placeholder={['Từ ngày', 'Đến ngày']}
              allowEmpty={[true, true]}
              style={{ width: '100%' }}
              data-testid="audit-range"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={14} style={{ display: 'flex', alignItems: 'flex-end', paddingBottom: 24 }}>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="audit-apply">
              Lọc
            </Button>
            <Button
              data-testid="audit-reset"
              onClick={() => {
                form.setFieldsValue({ userId: undefined, action: undefined, entityType: undefined, entityId: undefined, range: null });
                onApply({});
              }}
            >
              Xóa bộ lọc
            </Button>
          </Space>
        </Col>
      </Row>
    </Form>
  );
}

function AuditLog() {
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const audit = useAudit(query);

  const update = (changes: Record<string, string | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });

  const applyFilters = (v: FilterValues) => {
    const [from, to] = v.range ?? [null, null];
    const changes: Record<string, string | undefined> = {
      userId: v.userId,
      action: v.action,
      entityType: v.entityType?.trim(),
      entityId: v.entityId?.trim(),
      from: from ? toIso(from) : undefined,
      to: to ? toIso(to) : undefined,
      page: undefined,
    };
    for (const k of FILTER_KEYS) changes[k] ??= undefined;
    update(changes);
  };

  const columns: TableColumnsType<AuditEntry> = [
    { title: 'Thời gian', dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
    // People by their names, actions in Vietnamese, and what the entry is about by name (issue 12 part 7).
    { title: 'Người thực hiện', key: 'actor', width: 190, render: (_v, e) => e.actorFullName ?? e.actorName ?? '—' },
    { title: 'Hành động', dataIndex: 'action', width: 240, render: (v: string) => auditActionName(v) },
    {
      title: 'Đối tượng',
      key: 'entity',
      render: (_v, e) => {
        const name = e.entityName ?? (e.entityId ? 'Không còn trong hệ thống' : '—');
        const link = e.entityId && e.entityName ? ENTITY_LINKS[e.entityType]?.(e.entityId) : undefined;
        return (
          <>
            {link ? <Link to={link}>{name}</Link> : name}
            <div className="hn-muted">{entityTypeName(e.entityType)}</div>
          </>
        );
      },
    },
    {
      title: 'Tổ chức',
      key: 'org',
      width: 240,
      render: (_v, e) => (e.orgId && e.orgName ? <Link to={`/orgs/${e.orgId}`}>{e.orgName}</Link> : '—'),
    },
  ];

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        Nhật ký
      </Typography.Title>
      <AuditFilters key={params.toString()} query={query} onApply={applyFilters} />
      {audit.isError ? (
        <QueryError error={audit.error} onRetry={() => void audit.refetch()} />
      ) : (
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={audit.data?.items ?? []}
          loading={audit.isFetching}
          data-testid="audit-table"
          expandable={{ expandedRowRender: (entry) => <BeforeAfter entry={entry} /> }}
          pagination={{
            current: query.page,
            pageSize: PAGE_SIZE,
            total: audit.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (page) => update({ page: page > 1 ? String(page) : undefined }),
            showTotal: (total) => `${formatCount(total)} mục`,
          }}
          locale={{ emptyText: 'Không có mục nhật ký nào' }}
        />
      )}
    </Space>
  );
}

export function AuditPage() {
  const me = useCurrentUser();
  return (
    <RequirePermission allowed={me.can.readAudit}>
      <AuditLog />
    </RequirePermission>
  );
}
