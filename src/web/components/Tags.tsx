/** Small labels used in several pages. */
import { Tag } from 'antd';
import type { RoleAssignment } from '../../contract/auth.ts';
import type { Membership } from '../../contract/members.ts';
import type { OrgDetail } from '../../contract/orgs.ts';
import { formatDate } from '../lib/dates.ts';
import { MEMBER_STATUS_COLORS, MEMBERSHIP_NAMES, MEMBERSHIP_SHORT_NAMES, memberStatusName, ROLE_COLORS, roleName } from '../lib/labels.ts';

export function RoleTag({ assignment }: { assignment: RoleAssignment }) {
  const color = (ROLE_COLORS as Record<string, string>)[assignment.role] ?? 'default';
  return (
    <Tag color={color} style={{ whiteSpace: 'normal' }}>
      {roleName(assignment.role)}
      {assignment.orgName ? ` · ${assignment.orgName}` : ''}
    </Tag>
  );
}

export function OrgStatusTag({ org }: { org: Pick<OrgDetail, 'status' | 'endedOn' | 'asOf'> }) {
  if (org.status === 'active') return <Tag color="green">Đang hoạt động</Tag>;
  if (org.status === 'ended') {
    return <Tag color="default">Đã kết thúc{org.endedOn ? ` ngày ${formatDate(org.endedOn)}` : ''}</Tag>;
  }
  return <Tag color="orange">Chưa thành lập tại ngày {formatDate(org.asOf)}</Tag>;
}

/** Chính thức / dự bị; `short` drops the words "Đảng viên" for table cells. */
export function MembershipTag({ membership, short }: { membership: Membership; short?: boolean }) {
  const color = membership === 'official' ? 'red' : 'gold';
  return <Tag color={color}>{(short ? MEMBERSHIP_SHORT_NAMES : MEMBERSHIP_NAMES)[membership]}</Tag>;
}

export function MemberStatusTag({ status }: { status: string }) {
  return <Tag color={MEMBER_STATUS_COLORS[status] ?? 'default'}>{memberStatusName(status)}</Tag>;
}
