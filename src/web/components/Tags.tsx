/** Small labels used in several pages. */
import { Tag } from 'antd';
import type { OrgDetail, RoleAssignment } from '../api/types.ts';
import { formatDate } from '../lib/dates.ts';
import { ROLE_COLORS, roleName } from '../lib/labels.ts';

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
