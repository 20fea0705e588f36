/**
 * "Đảng viên": members in the user's scope, searched and filtered on the server and paged there. The search and the
 * filters live in the URL so a filtered list can be shared and reloaded; the export takes the same filters. A row
 * opens the member file. Those who edit members reach the arrivals to confirm ("Chuyển sinh hoạt đến") from here.
 *
 * Filters: organisation subtree, gender, ethnicity, religion, general education, theory level, occupation, status,
 * age and party age bands (full years today), and the badge due list of an anniversary; and the report's drill-down
 * filters (a date's roll, membership, ethnic group, badge held, a change in a period), which a cell of «Báo cáo» opens.
 */
import { ClearOutlined, FileExcelOutlined, ImportOutlined, PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Col, Form, Input, InputNumber, Row, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useRef, useState, type HTMLAttributes } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { apiUrl } from '../api/client.ts';
import { useIncomingTransfers, useMembers } from '../api/hooks.ts';
import type { Gender, MemberListItem, MemberListQuery } from '../../contract/members.ts';
import { useAsOfLink } from '../app/asOf.ts';
import { useCurrentUser } from '../app/auth.tsx';
import { MemberCatalogueSelect } from '../components/CatalogueSelects.tsx';
import { CreateMemberModal } from '../components/members/CreateMemberModal.tsx';
import { OrgSelect } from '../components/OrgSelect.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { MembershipTag, MemberStatusTag } from '../components/Tags.tsx';
import { formatDate, todayIso } from '../lib/dates.ts';
import { anniversariesBetween, nextAnniversary } from '../../domain/badges.ts';
import { addMonths } from '../../domain/member-status.ts';

import { useDebouncedValue } from '../lib/debounce.ts';
import { formatCount, GENDER_NAMES, MEMBER_STATUS_NAMES } from '../lib/labels.ts';

const PAGE_SIZE = 20;
/** Query parameters of the list, as the server names them; `page` is kept apart. */
const FILTER_KEYS = [
  'q',
  'orgId',
  'gender',
  'ethnicity',
  'religion',
  'generalEducation',
  'theoryLevel',
  'occupation',
  'status',
  'ageFrom',
  'ageTo',
  'partyAgeFrom',
  'partyAgeTo',
  'badgeDue',
] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

/**
 * The report's drill-down filters (issue 14: docs/modules/web-reports.md): a cell of «Báo cáo» opens this list with
 * them, and the list's count is the cell's number. They have no field of their own: a banner names them and one
 * button drops them. With them the list is exactly the link's query (no default status: the roll of the date says
 * who counts).
 */
const DRILL_KEYS = [
  'asOf',
  'membership',
  'ethnicityGroup',
  'badge',
  'change',
  'changeFrom',
  'changeTo',
  'disciplineForm',
  'youthUnion',
  'professionalLevel',
] as const;
type DrillKey = (typeof DRILL_KEYS)[number];
type ListQuery = Omit<MemberListQuery, DrillKey> & Partial<Record<DrillKey, string>>;

const CHANGE_NAMES: Record<string, string> = {
  admitted: 'kết nạp',
  readmitted: 'kết nạp lại',
  recognized_official: 'công nhận chính thức',
  transferred_in: 'chuyển đến',
  transferred_out: 'chuyển đi',
  moved_in: 'chuyển trong đảng bộ',
  deceased: 'từ trần',
  struck_off: 'xóa tên',
  allowed_to_leave: 'cho ra khỏi Đảng',
  expelled: 'khai trừ',
  disciplined: 'bị kỷ luật',
};

/** The drill-down filters in words, for the banner. */
function drillDownText(q: ListQuery): string {
  const parts: string[] = [];
  if (q.asOf) parts.push(`trong danh sách tại ngày ${formatDate(q.asOf)}`);
  if (q.membership) parts.push(q.membership === 'official' ? 'đảng viên chính thức' : 'đảng viên dự bị');
  if (q.ethnicityGroup) parts.push(q.ethnicityGroup === 'kinh' ? 'dân tộc Kinh' : 'dân tộc thiểu số');
  if (q.religion === 'any') parts.push('có tôn giáo');
  if (q.badge) parts.push(`có Huy hiệu ${q.badge} năm tuổi Đảng`);
  if (q.change) {
    const period = q.changeFrom && q.changeTo ? ` từ ${formatDate(q.changeFrom)} đến ${formatDate(q.changeTo)}` : '';
    parts.push(`${CHANGE_NAMES[q.change] ?? q.change}${period}`);
  }
  if (q.youthUnion === 'true') parts.push('là đoàn viên');
  if (q.professionalLevel) parts.push(q.professionalLevel === 'none' ? 'chưa rõ trình độ chuyên môn' : `trình độ chuyên môn «${q.professionalLevel}»`);
  for (const [k, what] of [
    ['ethnicity', 'dân tộc'],
    ['religion', 'tôn giáo'],
    ['generalEducation', 'trình độ phổ thông'],
    ['theoryLevel', 'trình độ lý luận chính trị'],
    ['occupation', 'nghề nghiệp'],
  ] as const)
    if (q[k] === 'none') parts.push(`chưa rõ ${what}`);
  return parts.join('; ');
}
type YearKey = 'ageFrom' | 'ageTo' | 'partyAgeFrom' | 'partyAgeTo';

const GENDER_OPTIONS = Object.entries(GENDER_NAMES).map(([value, label]) => ({ value, label }));
/**
 * The list opens on the members of the organisation, the same definition as its page's counts (on the roll: not out
 * of the Party nor deceased); the filter shows it, and everyone else is one choice away.
 */
const ON_ROLL = 'on_roll';
const ALL = 'all';
const STATUS_OPTIONS = [
  { value: ON_ROLL, label: 'Đảng viên trong danh sách (mặc định)' },
  { value: ALL, label: 'Tất cả, kể cả đã ra khỏi Đảng, từ trần' },
  ...Object.entries(MEMBER_STATUS_NAMES).map(([value, label]) => ({ value, label })),
];

function readQuery(params: URLSearchParams): ListQuery {
  const get = (k: FilterKey | DrillKey) => params.get(k)?.trim() || undefined;
  const drill = Object.fromEntries(DRILL_KEYS.map((k) => [k, get(k)]).filter(([, v]) => v !== undefined)) as Partial<Record<DrillKey, string>>;
  const drilled = Object.keys(drill).length > 0;
  const gender = get('gender');
  const page = Number(params.get('page') ?? '1');
  const years = (k: YearKey) => {
    const v = get(k);
    return v && /^\d{1,3}$/.test(v) ? Number(v) : undefined;
  };
  return {
    q: get('q'),
    orgId: get('orgId'),
    gender: gender === 'nam' || gender === 'nu' ? (gender as Gender) : undefined,
    ethnicity: get('ethnicity'),
    religion: get('religion'),
    generalEducation: get('generalEducation'),
    theoryLevel: get('theoryLevel'),
    occupation: get('occupation'),
    status: get('status') === ALL ? undefined : (get('status') ?? (drilled ? undefined : ON_ROLL)),
    ageFrom: years('ageFrom'),
    ageTo: years('ageTo'),
    partyAgeFrom: years('partyAgeFrom'),
    partyAgeTo: years('partyAgeTo'),
    badgeDue: get('badgeDue'),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
    ...drill,
  };
}

/** The list's filters without paging: the export takes every matching member. */
function exportQuery(query: ListQuery): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const k of [...FILTER_KEYS, ...DRILL_KEYS]) out[k] = query[k] === undefined ? undefined : String(query[k]);
  return out;
}

/** The badge filter's choices: the next anniversary and the three after it. */
function badgeOptions(today: string) {
  const next = nextAnniversary(today);
  const later = anniversariesBetween(next, addMonths(next, 12)).slice(1, 4);
  return [{ value: 'next', label: `Dịp sắp tới (${formatDate(next)})` }, ...later.map((d) => ({ value: d, label: `Dịp ${formatDate(d)}` }))];
}

/** "from – to" in whole years, kept in the URL as it is typed. */
function YearsBand({ from, to, query, update, testid }: { from: YearKey; to: YearKey; query: ListQuery; update: Update; testid: string }) {
  const set = (key: YearKey) => (v: number | null) => update({ [key]: v === null || v === undefined ? '' : String(v), page: '' }, true);
  return (
    <Space.Compact style={{ width: '100%' }}>
      <InputNumber
        min={0}
        max={150}
        precision={0}
        placeholder="Từ"
        value={query[from]}
        onChange={set(from)}
        style={{ width: '50%' }}
        data-testid={`${testid}-from`}
      />
      <InputNumber
        min={0}
        max={150}
        precision={0}
        placeholder="Đến"
        value={query[to]}
        onChange={set(to)}
        style={{ width: '50%' }}
        data-testid={`${testid}-to`}
      />
    </Space.Compact>
  );
}

type Update = (changes: Partial<Record<FilterKey | 'page', string>>, replace?: boolean) => void;

/** The search box: typed text goes to the URL (and so to the server) once typing pauses, without a history entry. */
function useSearchText(params: URLSearchParams, update: Update) {
  const urlQ = params.get('q') ?? '';
  const [text, setText] = useState(urlQ);
  const debounced = useDebouncedValue(text.trim(), 350);
  const [seenQ, setSeenQ] = useState(urlQ);
  // The URL changed by something other than this box (back button, a link, "Xóa bộ lọc"): show its text.
  if (urlQ !== seenQ) {
    setSeenQ(urlQ);
    if (urlQ !== debounced) setText(urlQ);
  }
  const latest = useRef({ urlQ, update });
  latest.current = { urlQ, update };
  useEffect(() => {
    if (debounced !== latest.current.urlQ) latest.current.update({ q: debounced, page: '' }, true);
  }, [debounced]);
  return [text, setText] as const;
}

/** "Chuyển sinh hoạt đến", with the number of arrivals waiting for confirmation. */
function IncomingLink({ onOpen }: { onOpen: () => void }) {
  const incoming = useIncomingTransfers();
  const count = incoming.data?.items.length ?? 0;
  return (
    <Badge count={count} size="small" offset={[-4, 0]}>
      <Button icon={<ImportOutlined />} onClick={onOpen} data-testid="members-incoming-link">
        Chuyển sinh hoạt đến
      </Button>
    </Badge>
  );
}

function MemberFilters({ query, update, text, setText }: { query: ListQuery; update: Update; text: string; setText: (v: string) => void }) {
  const set = (key: FilterKey) => (value: string | string[] | undefined) => update({ [key]: typeof value === 'string' ? value : '', page: '' });
  const filtered = FILTER_KEYS.some((k) => query[k] !== undefined && query[k] !== '');
  const badgeChoices = badgeOptions(todayIso());
  if (query.badgeDue && !badgeChoices.some((o) => o.value === query.badgeDue))
    badgeChoices.push({ value: query.badgeDue, label: `Dịp ${formatDate(query.badgeDue)}` });
  return (
    <Form layout="vertical" component="div" data-testid="members-filters">
      <Row gutter={12}>
        <Col xs={24} md={11}>
          <Form.Item label="Tìm kiếm" style={{ marginBottom: 12 }}>
            <Input
              prefix={<SearchOutlined />}
              allowClear
              placeholder="Tìm theo họ tên (không cần dấu), số CCCD hoặc số thẻ đảng"
              value={text}
              onChange={(e) => setText(e.target.value)}
              maxLength={100}
              data-testid="members-search"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={13}>
          <Form.Item label="Tổ chức đảng" tooltip="Đảng viên của tổ chức này và các tổ chức trực thuộc." style={{ marginBottom: 12 }}>
            <OrgSelect value={query.orgId} onChange={set('orgId')} placeholder="Tất cả tổ chức trong phạm vi" data-testid="members-filter-org" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item label="Giới tính" style={{ marginBottom: 12 }}>
            <Select
              allowClear
              placeholder="Tất cả"
              options={GENDER_OPTIONS}
              value={query.gender}
              onChange={set('gender')}
              data-testid="members-filter-gender"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item label="Dân tộc" style={{ marginBottom: 12 }}>
            <MemberCatalogueSelect
              catalogue="ethnicity"
              placeholder="Tất cả"
              value={query.ethnicity}
              onChange={set('ethnicity')}
              data-testid="members-filter-ethnicity"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item label="Lý luận chính trị" style={{ marginBottom: 12 }}>
            <MemberCatalogueSelect
              catalogue="theory_level"
              placeholder="Tất cả"
              value={query.theoryLevel}
              onChange={set('theoryLevel')}
              data-testid="members-filter-theory"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="Tình trạng" style={{ marginBottom: 12 }}>
            <Select options={STATUS_OPTIONS} value={query.status ?? ALL} onChange={set('status')} data-testid="members-filter-status" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item label="Tôn giáo" style={{ marginBottom: 12 }}>
            <MemberCatalogueSelect
              catalogue="religion"
              placeholder="Tất cả"
              value={query.religion}
              onChange={set('religion')}
              data-testid="members-filter-religion"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item label="Giáo dục phổ thông" style={{ marginBottom: 12 }}>
            <MemberCatalogueSelect
              catalogue="general_education"
              placeholder="Tất cả"
              value={query.generalEducation}
              onChange={set('generalEducation')}
              data-testid="members-filter-education"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item label="Nghề nghiệp" style={{ marginBottom: 12 }}>
            <MemberCatalogueSelect
              catalogue="occupation"
              placeholder="Tất cả"
              value={query.occupation}
              onChange={set('occupation')}
              data-testid="members-filter-occupation"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item
            label="Tuổi"
            tooltip="Số năm tròn tính đến hôm nay. Hồ sơ chỉ có năm sinh được tính từ ngày 01/01 của năm đó."
            style={{ marginBottom: 12 }}
          >
            <YearsBand from="ageFrom" to="ageTo" query={query} update={update} testid="members-filter-age" />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item
            label="Tuổi đảng"
            tooltip="Số năm tròn tuổi đảng tính đến hôm nay (từ ngày quyết định kết nạp, trừ thời gian gián đoạn). Đảng viên dự bị, đang mất liên lạc hoặc đã ra khỏi Đảng không có tuổi đảng."
            style={{ marginBottom: 12 }}
          >
            <YearsBand from="partyAgeFrom" to="partyAgeTo" query={query} update={update} testid="members-filter-party-age" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="Xét tặng Huy hiệu Đảng" tooltip="Đảng viên trong danh sách xét tặng Huy hiệu Đảng của dịp này." style={{ marginBottom: 12 }}>
            <Select
              allowClear
              placeholder="Không lọc"
              options={badgeChoices}
              value={query.badgeDue}
              onChange={set('badgeDue')}
              data-testid="members-filter-badge"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={4} style={{ display: 'flex', alignItems: 'flex-end', paddingBottom: 12 }}>
          <Button
            icon={<ClearOutlined />}
            disabled={!filtered && !text}
            onClick={() => {
              setText('');
              update({ ...Object.fromEntries([...FILTER_KEYS, ...DRILL_KEYS].map((k) => [k, ''])), page: '' });
            }}
            data-testid="members-reset"
          >
            Xóa bộ lọc
          </Button>
        </Col>
      </Row>
    </Form>
  );
}

export function MembersPage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const link = useAsOfLink();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  // The URL's drill-down values go as typed: the server checks them (a wrong one answers 400 in Vietnamese).
  const members = useMembers(query as MemberListQuery);
  const [creating, setCreating] = useState(false);

  /** '' removes a parameter. */
  const update: Update = (changes, replace = false) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace },
    );
  const [text, setText] = useSearchText(params, update);
  const open = (id: string) => navigate(link(`/members/${id}`));

  const columns: TableColumnsType<MemberListItem> = [
    {
      title: 'Họ và tên',
      dataIndex: 'fullName',
      render: (v: string, m) => (
        <Link to={link(`/members/${m.id}`)} style={{ fontWeight: 500 }}>
          {v}
        </Link>
      ),
    },
    { title: 'Giới tính', dataIndex: 'gender', width: 80, render: (v: Gender) => GENDER_NAMES[v] ?? v },
    { title: 'Ngày sinh', dataIndex: 'birthDate', width: 100, render: (v: string | null) => formatDate(v) || '—' },
    { title: 'Chi bộ', dataIndex: 'orgName', render: (v: string) => v || '—' },
    {
      title: 'Tình trạng',
      key: 'membership',
      width: 150,
      render: (_v, m) => (
        <Space size={[0, 4]} wrap>
          <MembershipTag membership={m.membership} short />
          {m.status !== 'active' && <MemberStatusTag status={m.status} />}
        </Space>
      ),
    },
    {
      title: 'Số CCCD',
      dataIndex: 'cccdMasked',
      width: 125,
      render: (v: string | null) => (v ? <span className="hn-mono">{v}</span> : '—'),
    },
    { title: 'Số thẻ', dataIndex: 'cardNo', width: 105, render: (v: string | null) => (v ? <span className="hn-mono">{v}</span> : '—') },
  ];

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <div className="hn-title-row">
        <Typography.Title level={3} style={{ margin: 0 }}>
          Đảng viên
        </Typography.Title>
        <Space size={8} wrap>
          <Button icon={<FileExcelOutlined />} href={apiUrl('/members/export.xlsx', exportQuery(query))} download data-testid="members-export">
            Xuất Excel
          </Button>
          {me.can.editMembers && (
            <Button icon={<UploadOutlined />} onClick={() => navigate(link('/members/import'))} data-testid="members-import">
              Nhập từ Excel
            </Button>
          )}
          {me.can.editMembers && <IncomingLink onOpen={() => navigate(link('/transfers/incoming'))} />}
          {me.can.editMembers && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="members-create">
              Thêm đảng viên
            </Button>
          )}
        </Space>
      </div>
      <MemberFilters query={query} update={update} text={text} setText={setText} />
      {drillDownText(query) && (
        <Alert
          type="info"
          showIcon
          data-testid="members-drilldown"
          message={`Danh sách theo số liệu báo cáo: ${drillDownText(query)}.`}
          action={
            <Button size="small" onClick={() => update(Object.fromEntries(DRILL_KEYS.map((k) => [k, ''])))} data-testid="members-drilldown-clear">
              Bỏ lọc báo cáo
            </Button>
          }
        />
      )}
      {members.data && (
        <Typography.Text type="secondary" data-testid="members-total">
          {members.data.totalCapped ? `Hơn ${formatCount(members.data.total)} đảng viên` : `${formatCount(members.data.total)} đảng viên`}
        </Typography.Text>
      )}
      {members.isError ? (
        <QueryError error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <Table<MemberListItem>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={members.data?.items ?? []}
          loading={members.isFetching}
          data-testid="members-table"
          onRow={(m) =>
            ({
              'data-testid': `member-row-${m.id}`,
              style: { cursor: 'pointer' },
              onClick: (e) => {
                // The name is a link of its own; let it navigate (and open in a new tab) by itself.
                if ((e.target as HTMLElement).closest('a')) return;
                open(m.id);
              },
            }) as HTMLAttributes<HTMLElement>
          }
          pagination={{
            current: query.page,
            pageSize: PAGE_SIZE,
            total: members.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (page) => update({ page: page > 1 ? String(page) : '' }),
            showTotal: (total) =>
              members.data?.totalCapped ? `Hơn ${formatCount(total)} đảng viên: hãy gõ thêm để thu hẹp kết quả` : `${formatCount(total)} đảng viên`,
          }}
          locale={{ emptyText: 'Không có đảng viên nào phù hợp' }}
        />
      )}
      <CreateMemberModal
        open={creating}
        orgId={query.orgId}
        onClose={() => setCreating(false)}
        onCreated={(file) => {
          setCreating(false);
          open(file.id);
        }}
      />
    </Space>
  );
}
