/**
 * The member file: name, membership and status, the cell, admission and official dates; then one tab per field
 * group of the official member sheet (form 2-HSĐV, domain.md §4), each with its own "Sửa", "Tuổi đảng, Huy hiệu"
 * (§5), "Kỷ luật" for readers of sensitive groups (§11), and "Quá trình" with the life events. "Tiểu sử, gia đình"
 * holds a tab per sub-record group (work, training, trips, commendations; family and political history for readers
 * of sensitive groups only, each shown on an explicit, audited request). The CCCD is shown
 * masked; "Xem" asks the server for it (the reveal is recorded in the audit log).
 *
 * Those who may edit the file record its life events ("Ghi nhận biến động"), badges and, if they may also read
 * sensitive groups, disciplines. A member in transit waits for the receiving organisation to confirm the arrival.
 */
import { EditOutlined, EyeInvisibleOutlined, EyeOutlined, HistoryOutlined, SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Space, Spin, Tabs, Tag, Tooltip, Typography, type DescriptionsProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import { useCatalogues, useMember, useOrg, useRevealCccd } from '../api/hooks.ts';
import type { MemberFile } from '../../contract/members.ts';
import { useAsOf, useAsOfLink } from '../app/asOf.ts';
import { AwardBadgeModal } from '../components/members/AwardBadgeModal.tsx';
import { BadgeStandingModal } from '../components/members/BadgeStandingModal.tsx';
import { DisciplineList } from '../components/members/DisciplineList.tsx';
import { DisciplineModal } from '../components/members/DisciplineModal.tsx';
import { EditGroupModal } from '../components/members/EditGroupModal.tsx';
import { MemberSheetLinks } from '../components/members/MemberSheetLinks.tsx';
import { MemberRecordsTab } from '../components/members/MemberRecordsTab.tsx';
import { MemberDocuments } from '../components/members/MemberDocuments.tsx';
import { MemberTimeline } from '../components/members/MemberTimeline.tsx';
import { PartyAgeView } from '../components/members/PartyAgeView.tsx';
import { RecordEventModal } from '../components/members/RecordEventModal.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { MembershipTag, MemberStatusTag } from '../components/Tags.tsx';
import { formatDate } from '../lib/dates.ts';
import { isSensitiveRecordKind, RECORD_KIND_LABELS, RECORD_KINDS, SENSITIVE_RECORD_KINDS, type RecordKind } from '../../domain/member-records.ts';
import { eventKindsFor, noEventReason } from '../lib/member-events.ts';
import { fieldText, isFact, MEMBER_GROUPS, type FieldSpec, type GroupSpec, type MemberGroupKey } from '../lib/member-fields.ts';

const EMPTY = <Typography.Text type="secondary">—</Typography.Text>;
const recordTab = (kind: RecordKind) => `records-${kind}`;
const TAB_KEYS = [...MEMBER_GROUPS.map((g) => g.key), 'records', ...RECORD_KINDS.map(recordTab), 'party-age', 'discipline', 'history', 'documents'] as const;
/** Tabs only readers of sensitive groups have. */
const HISTORY_TABS = SENSITIVE_RECORD_KINDS.map(recordTab);

type Action = 'event' | 'discipline' | 'badge' | 'standing';

/** Masked CCCD, and for those allowed the full number on request. */
function CccdValue({ file, revealed, onRevealed }: { file: MemberFile; revealed: string | null; onRevealed: (cccd: string | null) => void }) {
  const reveal = useRevealCccd(file.id);
  const { message } = App.useApp();
  if (!file.cccdMasked) return EMPTY;
  return (
    <Space size={8} wrap>
      <span className="hn-mono" data-testid="member-cccd">
        {revealed ?? file.cccdMasked}
      </span>
      {file.canReadSensitive &&
        (revealed ? (
          <Button size="small" type="link" icon={<EyeInvisibleOutlined />} onClick={() => onRevealed(null)} data-testid="member-hide-cccd">
            Ẩn
          </Button>
        ) : (
          <Button
            size="small"
            type="link"
            icon={<EyeOutlined />}
            loading={reveal.isPending}
            title="Xem đầy đủ số CCCD (việc xem được ghi vào nhật ký)"
            onClick={() =>
              reveal.mutate(undefined, {
                onSuccess: (r) => onRevealed(r.cccd),
                onError: (e) => void message.error(errorMessage(e)),
              })
            }
            data-testid="member-reveal-cccd"
          >
            Xem
          </Button>
        ))}
    </Space>
  );
}

function OrgName({ id }: { id: string }) {
  const { asOf } = useAsOf();
  const link = useAsOfLink();
  const org = useOrg(id, asOf);
  return <Link to={link(`/orgs/${id}`)}>{org.data?.name ?? (org.isError ? 'Không tìm thấy tổ chức' : 'Đang tải…')}</Link>;
}

function useGroupItems(file: MemberFile, group: GroupSpec, cccd: ReactNode): DescriptionsProps['items'] {
  const catalogues = useCatalogues();
  const value = (spec: FieldSpec): ReactNode => {
    if (spec.kind.type === 'cccd') return cccd;
    const raw = file.fields[spec.name as Exclude<typeof spec.name, 'cccd'>];
    if (spec.kind.type === 'org') return typeof raw === 'string' ? <OrgName id={raw} /> : EMPTY;
    if (spec.name === 'birthDate' && !raw && file.fields.birthYear) return `Năm ${file.fields.birthYear} (không rõ ngày)`;
    const text = fieldText(spec, raw, catalogues.data);
    return text || EMPTY;
  };
  return group.items
    .filter((item) => isFact(item) || !item.formOnly)
    .map((item) =>
      isFact(item)
        ? { key: item.fact, label: item.label, children: formatDate(file[item.fact]) || EMPTY }
        : { key: item.name, label: item.label, span: item.wide ? 2 : 1, children: value(item) },
    );
}

function GroupView({ file, group, canEdit, cccd, onEdit }: { file: MemberFile; group: GroupSpec; canEdit: boolean; cccd: ReactNode; onEdit: () => void }) {
  const items = useGroupItems(file, group, cccd);
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={items}
      data-testid={`member-group-${group.key}`}
      styles={{ label: { width: '18%' }, content: { width: '32%', wordBreak: 'break-word' } }}
      extra={
        canEdit && (
          <Button icon={<EditOutlined />} onClick={onEdit} data-testid={`member-edit-${group.key}`}>
            Sửa
          </Button>
        )
      }
    />
  );
}

/** "Ghi nhận biến động", "Kỷ luật", "Trao Huy hiệu" for those who may edit the file. */
function MemberActions({ file, onAction }: { file: MemberFile; onAction: (action: Action) => void }) {
  if (!file.canEdit) return null;
  const noKinds = eventKindsFor(file).length === 0;
  return (
    <Space size={8} wrap>
      <Tooltip title={noKinds ? noEventReason(file.status) : undefined}>
        <Button type="primary" icon={<HistoryOutlined />} disabled={noKinds} onClick={() => onAction('event')} data-testid="member-record-event">
          Ghi nhận biến động
        </Button>
      </Tooltip>
      {file.canReadSensitive && (
        <Button icon={<WarningOutlined />} onClick={() => onAction('discipline')} data-testid="member-add-discipline">
          Kỷ luật
        </Button>
      )}
      <Button icon={<SafetyCertificateOutlined />} onClick={() => onAction('badge')} data-testid="member-award-badge">
        Trao Huy hiệu
      </Button>
      <Button onClick={() => onAction('standing')} data-testid="member-badge-standing">
        Ốm đau, truy tặng
      </Button>
    </Space>
  );
}

/** The open transfer of a member in transit: where to, since when, and who acts next. */
function InTransitNotice({ file }: { file: MemberFile }) {
  const link = useAsOfLink();
  if (file.status !== 'in_transit') return null;
  const out = [...file.events].reverse().find((e) => e.kind === 'transfer_out_started');
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="member-in-transit"
      title={
        <>
          Đang chuyển sinh hoạt đảng{out?.toOrg ? ` đến «${out.toOrg.name || 'tổ chức không rõ tên'}»` : ''}
          {out ? ` từ ngày ${formatDate(out.effectiveDate)}` : ''}: chờ tổ chức đảng nơi đến xác nhận tiếp nhận.
        </>
      }
      description={
        <>
          Nơi đến xác nhận tại mục <Link to={link('/transfers/incoming')}>Chuyển sinh hoạt đến</Link>; đến lúc đó đảng viên vẫn thuộc danh sách của{' '}
          {file.org.name ? `«${file.org.name}»` : 'chi bộ nơi đi'}.
        </>
      }
    />
  );
}

function MemberHeader({ file, onAction }: { file: MemberFile; onAction: (action: Action) => void }) {
  const link = useAsOfLink();
  return (
    <div>
      <div className="hn-title-row">
        <Space size={12} align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="member-title">
            {file.fields.fullName}
          </Typography.Title>
          <span data-testid="member-status">
            <MembershipTag membership={file.membership} />
            <MemberStatusTag status={file.status} />
          </span>
        </Space>
        <Space size={8} wrap>
          <MemberSheetLinks memberId={file.id} />
          <MemberActions file={file} onAction={onAction} />
        </Space>
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        style={{ marginTop: 8 }}
        data-testid="member-facts"
        items={[
          {
            key: 'org',
            label: 'Chi bộ',
            children: (
              <Link to={link(`/orgs/${file.org.id}`)} data-testid="member-org-link">
                {file.org.name || 'Tổ chức không rõ tên'}
              </Link>
            ),
          },
          { key: 'admittedOn', label: 'Ngày kết nạp', children: formatDate(file.admittedOn) || '—' },
          {
            key: 'officialOn',
            label: 'Ngày chính thức',
            children: file.officialOn ? formatDate(file.officialOn) : <Tag>Chưa chính thức</Tag>,
          },
          ...(file.leftOn ? [{ key: 'leftOn', label: 'Ngày ra khỏi danh sách', children: formatDate(file.leftOn) }] : []),
        ]}
      />
    </div>
  );
}

function MemberFileView({ file }: { file: MemberFile }) {
  const link = useAsOfLink();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<MemberGroupKey | null>(null);
  const [acting, setActing] = useState<Action | null>(null);
  const [revealed, setRevealed] = useState<string | null>(null);
  const tabParam = params.get('tab');
  const tabKnown =
    (TAB_KEYS as readonly string[]).includes(tabParam ?? '') &&
    (tabParam !== 'discipline' || file.canReadSensitive) &&
    (!HISTORY_TABS.includes(tabParam ?? '') || file.canReadHistory);
  const tab = tabKnown ? (tabParam as string) : 'identity';
  const canEdit = file.canEdit;
  const cccd = <CccdValue file={file} revealed={revealed} onRevealed={setRevealed} />;

  const setTab = (key: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (key === 'identity') next.delete('tab');
        else next.set('tab', key);
        return next;
      },
      { replace: true },
    );

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { key: 'list', title: <Link to={link('/members')}>Đảng viên</Link> },
          { key: 'file', title: file.fields.fullName },
        ]}
      />
      <MemberHeader file={file} onAction={setActing} />
      <InTransitNotice file={file} />
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          className="hn-wrap-tabs"
          activeKey={tab.startsWith('records-') ? 'records' : tab}
          onChange={setTab}
          items={[
            ...MEMBER_GROUPS.map((group) => ({
              key: group.key,
              label: <span data-testid={`member-tab-${group.key}`}>{group.title}</span>,
              children: <GroupView file={file} group={group} canEdit={canEdit} cccd={cccd} onEdit={() => setEditing(group.key)} />,
            })),
            {
              key: 'records',
              label: <span data-testid="member-tab-records">Tiểu sử, gia đình</span>,
              children: (
                <Tabs
                  size="small"
                  activeKey={tab.startsWith('records-') ? tab.slice('records-'.length) : RECORD_KINDS[0]}
                  onChange={(kind) => setTab(recordTab(kind as RecordKind))}
                  // Family and political history: only for the grassroots committee and above (the server refuses the others anyway).
                  items={RECORD_KINDS.filter((kind) => !isSensitiveRecordKind(kind) || file.canReadHistory).map((kind) => ({
                    key: kind,
                    label: <span data-testid={`member-tab-${recordTab(kind)}`}>{RECORD_KIND_LABELS[kind]}</span>,
                    children: <MemberRecordsTab file={file} kind={kind} />,
                  }))}
                />
              ),
            },
            {
              key: 'party-age',
              label: <span data-testid="member-tab-party-age">Tuổi đảng, Huy hiệu</span>,
              children: <PartyAgeView file={file} />,
            },
            ...(file.canReadSensitive
              ? [
                  {
                    key: 'discipline',
                    label: <span data-testid="member-tab-discipline">Kỷ luật ({file.partyAge.disciplines.length})</span>,
                    children: <DisciplineList memberId={file.id} />,
                  },
                ]
              : []),
            {
              key: 'history',
              label: <span data-testid="member-tab-history">Quá trình ({file.events.length})</span>,
              children: <MemberTimeline events={file.events} />,
            },
            {
              key: 'documents',
              label: <span data-testid="member-tab-documents">Hồ sơ, tài liệu</span>,
              children: <MemberDocuments memberId={file.id} memberName={file.fields.fullName} />,
            },
          ]}
        />
      </Card>
      <EditGroupModal
        file={file}
        group={MEMBER_GROUPS.find((g) => g.key === editing) ?? null}
        revealedCccd={file.cccdMasked ? revealed : null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          // The identity form may have changed the CCCD: what was revealed may be out of date, hide it again.
          if (editing === 'identity') setRevealed(null);
          setEditing(null);
        }}
      />
      {canEdit && <RecordEventModal file={file} open={acting === 'event'} onClose={() => setActing(null)} />}
      {canEdit && file.canReadSensitive && <DisciplineModal file={file} open={acting === 'discipline'} onClose={() => setActing(null)} />}
      {canEdit && <AwardBadgeModal file={file} open={acting === 'badge'} onClose={() => setActing(null)} />}
      {canEdit && <BadgeStandingModal file={file} open={acting === 'standing'} onClose={() => setActing(null)} />}
    </Space>
  );
}

export function MemberPage() {
  const { id = '' } = useParams();
  const query = useMember(id);
  if (query.isPending) return <Spin style={{ display: 'block', marginTop: 48 }} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  // Keyed by id: a revealed CCCD never carries over to another member's file.
  return <MemberFileView key={query.data.id} file={query.data} />;
}
