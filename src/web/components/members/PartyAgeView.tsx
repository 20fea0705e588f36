/**
 * "Tuổi đảng, Huy hiệu" (domain.md §5): the party age counted from the first admission decision, for official members
 * only, with the stretches that do not count (expulsion or striking off until readmission, lost contact, the part of
 * a transfer beyond the time allowed); the next badge milestone and the anniversary it can be presented at, or why
 * not; the badges received. The server computes all of it; only the day a stalled count stopped is derived here.
 */
import { Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import type { BadgeAward, BadgeStanding, MemberFile, NextBadge, PartyAge } from '../../../contract/members.ts';
import { addMonths } from '../../../domain/member-status.ts';
import { addDays, formatDate, isIsoDate, todayIso } from '../../lib/dates.ts';
import { badgeEarlyName, badgeName, PARTY_AGE_GAP_NAMES } from '../../lib/labels.ts';
import { daysFromTo, lastDayOf } from '../../lib/member-events.ts';

/** "37 năm 1 tháng 19 ngày", leaving out the parts that are zero ("30 năm"). */
export function formatPartyAge(age: Pick<PartyAge, 'years' | 'months' | 'days'>): string {
  const parts = [age.years ? `${age.years} năm` : '', age.months ? `${age.months} tháng` : '', age.days ? `${age.days} ngày` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : '0 ngày';
}

/**
 * The day the age shown was reached: the first admission, shifted later by the gap days, plus the age. Before today
 * when the count stands still (in transit past the allowance, lost contact, out of the Party, death): the server
 * sends the age frozen on that day and leaves the open gap out of the list.
 */
function countedUntil(age: PartyAge): string | null {
  if (!age.countsFrom || !isIsoDate(age.countsFrom)) return null;
  const gapDays = age.gaps.reduce((sum, g) => sum + daysFromTo(g.from, g.to), 0);
  return addDays(addMonths(addDays(age.countsFrom, gapDays), age.years * 12 + age.months), age.days);
}

const STANDSTILL_REASONS: Record<string, string> = {
  in_transit: 'đang chuyển sinh hoạt, quá thời hạn nộp giới thiệu',
  lost_contact: 'đang mất liên lạc',
  deceased: 'đã từ trần',
  struck_off: 'đã bị xóa tên',
  left: 'đã ra khỏi Đảng',
  expelled: 'đã bị khai trừ',
};

function AgeLine({ file }: { file: MemberFile }) {
  const age = file.partyAge;
  const until = age.official ? countedUntil(age) : null;
  const standstill = until && until < todayIso() ? until : null;
  let text;
  if (!age.countsFrom) {
    text = <>chưa tính được (hồ sơ chưa có quyết định kết nạp)</>;
  } else if (!age.official) {
    text = <>chưa tính tuổi đảng (đảng viên dự bị)</>;
  } else {
    text = (
      <>
        <Typography.Text strong>{formatPartyAge(age)}</Typography.Text>, tính từ {formatDate(age.countsFrom)}
        {standstill && ` (dừng tính từ ngày ${formatDate(standstill)}${STANDSTILL_REASONS[file.status] ? `: ${STANDSTILL_REASONS[file.status]}` : ''})`}
      </>
    );
  }
  return (
    <div data-testid="member-party-age">
      <div style={{ fontSize: 16 }}>Tuổi đảng: {text}</div>
      {age.countsFrom && (
        <div className="hn-muted" style={{ marginTop: 2 }}>
          Tuổi đảng tính từ ngày quyết định kết nạp lần đầu, chỉ khi là đảng viên chính thức, trừ các khoảng thời gian không sinh hoạt đảng.
        </div>
      )}
      {age.gaps.length > 0 && (
        <div style={{ marginTop: 8 }} data-testid="member-party-age-gaps">
          Không tính tuổi đảng:
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {age.gaps.map((g) => (
              <li key={`${g.from}-${g.reason}`}>
                từ {formatDate(g.from)} đến {formatDate(lastDayOf(g.to))} ({daysFromTo(g.from, g.to)} ngày): {PARTY_AGE_GAP_NAMES[g.reason] ?? g.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function NextBadgeView({ next }: { next: NextBadge | null }) {
  if (!next) {
    return (
      <div data-testid="member-next-badge">
        <Typography.Text type="secondary">Không có mốc Huy hiệu Đảng nào phía trước trên hồ sơ hiện tại.</Typography.Text>
      </div>
    );
  }
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      title="Huy hiệu Đảng tiếp theo"
      data-testid="member-next-badge"
      styles={{ label: { width: '18%' }, content: { width: '32%' } }}
      items={[
        { key: 'milestone', label: 'Mốc', children: badgeName(next.milestone) },
        { key: 'reachedOn', label: 'Ngày đủ tuổi đảng', children: formatDate(next.reachedOn) },
        { key: 'anniversary', label: 'Dịp xét tặng', children: next.anniversary ? formatDate(next.anniversary) : '—' },
        {
          key: 'eligible',
          label: 'Xét tặng',
          children: next.eligible ? (
            <Tag color="green">Đủ điều kiện</Tag>
          ) : (
            <Space orientation="vertical" size={2}>
              <Tag color="orange">Chưa đủ điều kiện</Tag>
              {next.reason && <span>{next.reason}</span>}
            </Space>
          ),
        },
      ]}
    />
  );
}

function AwardsTable({ awards }: { awards: BadgeAward[] }) {
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        Huy hiệu đã nhận ({awards.length})
      </Typography.Title>
      <Table<BadgeAward>
        rowKey="milestone"
        size="small"
        pagination={false}
        dataSource={awards}
        data-testid="member-awards"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa nhận Huy hiệu Đảng nào" /> }}
        columns={[
          { title: 'Huy hiệu', dataIndex: 'milestone', render: (m: number) => badgeName(m) },
          { title: 'Ngày trao', dataIndex: 'awardedOn', width: 120, render: (d: string) => formatDate(d) },
          { title: 'Số quyết định', dataIndex: 'decisionNo', width: 180, render: (v: string | null) => v ?? '—' },
          {
            title: 'Ghi chú',
            key: 'note',
            width: 260,
            render: (_v, a: BadgeAward) => (
              <Space orientation="vertical" size={2}>
                {a.earlyReason && <span>{badgeEarlyName(a.earlyReason)}</span>}
                {a.override && (
                  <span data-testid="member-award-override">
                    Trường hợp đặc biệt: Quyết định {a.override.decisionNo} ngày {formatDate(a.override.decisionDate)} của Ban Thường vụ Tỉnh ủy
                  </span>
                )}
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}

/** Serious illness and the posthumous proposal, when recorded: they change what the badge rules allow. */
function StandingView({ standing }: { standing: BadgeStanding }) {
  const { seriousIllness: ill, posthumousProposal: proposal } = standing;
  if (!ill && !proposal) return null;
  const since = (date: string | null, document: string | null) =>
    [date ? `từ ngày ${formatDate(date)}` : '', document ? `theo ${document}` : ''].filter(Boolean).join(', ');
  return (
    <div data-testid="member-badge-standing-view">
      {ill && <div>Ốm đau nặng{since(ill.since, ill.document) ? ` (${since(ill.since, ill.document)})` : ''}: được xét tặng Huy hiệu Đảng sớm.</div>}
      {proposal && (
        <div>Đề nghị truy tặng Huy hiệu Đảng{since(proposal.proposedOn, proposal.document) ? ` (${since(proposal.proposedOn, proposal.document)})` : ''}.</div>
      )}
    </div>
  );
}

export function PartyAgeView({ file }: { file: MemberFile }) {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', paddingTop: 4 }}>
      <AgeLine file={file} />
      <StandingView standing={file.partyAge.badgeStanding} />
      <NextBadgeView next={file.partyAge.nextBadge} />
      <AwardsTable awards={file.partyAge.awards} />
    </Space>
  );
}
