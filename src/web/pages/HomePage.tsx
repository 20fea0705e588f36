/**
 * "Tổ chức đảng": the top organisations of the user's scope. A user whose scope is one organisation (a commune
 * clerk, a cell secretary) goes straight to it.
 */
import { Card, Spin, Typography } from 'antd';
import { Navigate } from 'react-router-dom';
import { useOrgRoots } from '../api/hooks.ts';
import { useAsOf, useAsOfLink } from '../app/asOf.ts';
import { useCurrentUser } from '../app/auth.tsx';
import { OrgTable } from '../components/OrgTable.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { formatDate } from '../lib/dates.ts';
import { byVietnamese } from '../lib/labels.ts';

export function HomePage() {
  const me = useCurrentUser();
  const { asOf } = useAsOf();
  const link = useAsOfLink();
  const roots = useOrgRoots(asOf);

  if (roots.isPending) return <Spin style={{ display: 'block', marginTop: 48 }} />;
  if (roots.isError) return <QueryError error={roots.error} onRetry={() => void roots.refetch()} />;
  const [only] = roots.data.items;
  if (roots.data.items.length === 1 && only) return <Navigate to={link(`/orgs/${only.id}`)} replace />;

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Xin chào, {me.fullName}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Chọn một tổ chức ở cây bên trái, gõ tên vào ô tìm kiếm, hoặc mở từ danh sách dưới đây. Số liệu tính tại ngày {formatDate(asOf)}.
      </Typography.Paragraph>
      <Card title="Tổ chức thuộc phạm vi quản lý" size="small">
        <OrgTable items={[...roots.data.items].sort(byVietnamese((o) => o.name))} testId="roots-table" />
      </Card>
    </div>
  );
}
