/**
 * The frame around every signed-in page: header (product name, navigation, "Ngày xem", user menu), the
 * organisation tree with its search on the left, the page on the right.
 *
 * From 360 to 1920 px: on a wide screen (≥ 992 px) the tree is a column beside the page and the navigation a bar;
 * on a narrow one (a phone, a half screen) the tree opens as a drawer from the left and the navigation, with "Ngày
 * xem", as a drawer from the right, so that the page keeps the whole width and every menu stays reachable.
 */
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  SafetyCertificateOutlined,
  BranchesOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ControlOutlined,
  IdcardOutlined,
  MenuOutlined,
  SettingOutlined,
  TeamOutlined,
  FileTextOutlined,
  ScheduleOutlined,
  TrophyOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { Badge, Button, Drawer, Grid, Layout, Menu, Tooltip, type MenuProps } from 'antd';
import { useState } from 'react';
import { useWorkQueueCounts } from '../api/admissions.ts';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { Me } from '../../contract/auth.ts';
import { useAsOfLink } from './asOf.ts';
import { useCurrentUser } from './auth.tsx';
import { AsOfPicker } from '../components/AsOfPicker.tsx';
import { UserMenu } from '../components/UserMenu.tsx';
import { OrgSider } from '../components/OrgSider.tsx';

const HEADER_HEIGHT = 56;
const SIDER_WIDTH = 300;

/**
 * A member's own account (role `member` and nothing else, issue 16 part 7): no scope, so the tree, the lists, the
 * work queue and "Ngày xem" would only answer 403; the menu shows him his own page alone and every other path
 * leads there.
 */
export function isMemberOnly(me: Me): boolean {
  return me.roles.length > 0 && me.roles.every((r) => r.role === 'member');
}

const MY_MEETINGS = { key: '/me/meetings', icon: <ScheduleOutlined />, label: <span data-testid="nav-my-meetings">Sinh hoạt của tôi</span> };

function useNavItems(): MenuProps['items'] {
  const me = useCurrentUser();
  if (isMemberOnly(me)) return [MY_MEETINGS];
  // The everyday work first, in short words; the administration (tree changes, users, audit, calendar) in one
  // submenu, so that the bar fits a 1366 px screen whatever the roles (the pages carry the full titles).
  const items: NonNullable<MenuProps['items']> = [
    { key: '/', icon: <ApartmentOutlined />, label: <span data-testid="nav-orgs">Tổ chức</span> },
    { key: '/members', icon: <IdcardOutlined />, label: <span data-testid="nav-members">Đảng viên</span> },
    { key: '/admissions', icon: <UserAddOutlined />, label: <span data-testid="nav-admissions">Kết nạp</span> },
    { key: '/evaluation', icon: <CheckSquareOutlined />, label: <span data-testid="nav-evaluation">Xếp loại</span> },
    { key: '/reports', icon: <BarChartOutlined />, label: <span data-testid="nav-reports">Báo cáo</span> },
    {
      // The follow-up work of the committees (issues 15-17) in one submenu, so that the bar still fits 1366 px.
      key: 'work-menu',
      icon: <FileTextOutlined />,
      label: <span data-testid="nav-work-menu">Công tác</span>,
      children: [
        { key: '/meetings', icon: <ScheduleOutlined />, label: <span data-testid="nav-meetings">Sinh hoạt chi bộ</span> },
        { key: '/inspection', icon: <SafetyCertificateOutlined />, label: <span data-testid="nav-inspection">Kiểm tra, giám sát</span> },
        { key: '/directives', label: <span data-testid="nav-directives">Văn bản, nhiệm vụ</span> },
        { key: '/programmes', label: <span data-testid="nav-programmes">Chương trình</span> },
        { key: '/congress/terms', label: <span data-testid="nav-congress-terms">Cấp ủy, nhiệm kỳ</span> },
        { key: '/congress', label: <span data-testid="nav-congress">Đại hội</span> },
        { key: '/congress/targets', label: <span data-testid="nav-term-targets">Chỉ tiêu nhiệm kỳ</span> },
        { key: '/badges', icon: <TrophyOutlined />, label: <span data-testid="nav-badges">Huy hiệu</span> },
        // An officer who is also a member has his own page here.
        ...(me.roles.some((r) => r.role === 'member') ? [MY_MEETINGS] : []),
      ],
    },
  ];
  const admin: NonNullable<MenuProps['items']> = [];
  if (me.can.reorganize) admin.push({ key: '/reorganize', icon: <BranchesOutlined />, label: <span data-testid="nav-reorganize">Sắp xếp tổ chức</span> });
  if (me.can.manageUsers) admin.push({ key: '/users', icon: <TeamOutlined />, label: <span data-testid="nav-users">Người dùng</span> });
  if (me.can.readAudit) admin.push({ key: '/audit', icon: <AuditOutlined />, label: <span data-testid="nav-audit">Nhật ký</span> });
  if (me.roles.some((r) => r.role === 'system_admin')) {
    admin.push({ key: '/calendar', icon: <CalendarOutlined />, label: <span data-testid="nav-calendar">Lịch làm việc</span> });
    admin.push({ key: '/rulesets', icon: <ControlOutlined />, label: <span data-testid="nav-rulesets">Phiên bản quy định</span> });
  }
  if (admin.length > 0) items.push({ key: 'admin', icon: <SettingOutlined />, label: <span data-testid="nav-admin">Quản trị</span>, children: admin });
  return items;
}

function selectedNavKey(pathname: string): string {
  // Incoming transfers are reached from the member list: they belong to "Đảng viên".
  if (pathname.startsWith('/members') || pathname.startsWith('/transfers')) return '/members';
  if (pathname.startsWith('/badges')) return '/badges';
  if (pathname.startsWith('/evaluation')) return '/evaluation';
  if (pathname.startsWith('/reorganize')) return '/reorganize';
  if (pathname.startsWith('/users')) return '/users';
  if (pathname.startsWith('/audit')) return '/audit';
  if (pathname.startsWith('/calendar')) return '/calendar';
  if (pathname.startsWith('/rulesets')) return '/rulesets';
  if (pathname.startsWith('/admissions')) return '/admissions';
  if (pathname.startsWith('/work')) return '/work';
  if (pathname.startsWith('/reports')) return '/reports';
  if (pathname.startsWith('/directives')) return '/directives';
  if (pathname.startsWith('/programmes')) return '/programmes';
  if (pathname.startsWith('/congress/targets')) return '/congress/targets';
  if (pathname.startsWith('/congress/terms')) return '/congress/terms';
  if (pathname.startsWith('/congress')) return '/congress';
  if (pathname.startsWith('/inspection')) return '/inspection';
  if (pathname.startsWith('/me/meetings')) return '/me/meetings';
  return '/';
}

/** «Việc cần làm»: an icon with the count of what is due (red when something is late), always in the header. */
function WorkQueueButton({ onOpen }: { onOpen: () => void }) {
  const work = useWorkQueueCounts();
  return (
    <Tooltip title="Việc cần làm">
      <Badge count={work.data?.total ?? 0} size="small" color={work.data?.late ? 'red' : 'blue'} data-testid="nav-work-count">
        <Button type="text" icon={<CheckSquareOutlined />} onClick={onOpen} aria-label="Việc cần làm" data-testid="nav-work" />
      </Badge>
    </Tooltip>
  );
}

export function AppLayout() {
  const navigate = useNavigate();
  const location = useLocation();
  const link = useAsOfLink();
  const items = useNavItems();
  const memberOnly = isMemberOnly(useCurrentUser());
  // The bar shows words without icons so that seven entries and «Quản trị» fit 1366 px; the drawer keeps the icons.
  const barItems = (items ?? []).map((item) => (item && 'icon' in item ? { ...item, icon: undefined } : item));
  const screens = Grid.useBreakpoint();
  // Below lg (992 px) the tree and the navigation become drawers; before the first measure the wide layout is assumed.
  const narrow = screens.lg === false;
  const [drawer, setDrawer] = useState<'tree' | 'nav' | null>(null);
  // Opening a page (from the tree, a search result, the menu) closes the drawer it was opened from.
  const [seen, setSeen] = useState(location.key);
  if (seen !== location.key) {
    setSeen(location.key);
    setDrawer(null);
  }
  if (memberOnly && !location.pathname.startsWith('/me/')) return <Navigate to="/me/meetings" replace />;
  const menu = (mode: 'horizontal' | 'inline') => (
    <Menu
      mode={mode}
      selectedKeys={[selectedNavKey(location.pathname)]}
      defaultOpenKeys={mode === 'inline' ? ['admin'] : undefined}
      items={mode === 'horizontal' ? barItems : items}
      onClick={({ key }) => navigate(link(key))}
      style={mode === 'horizontal' ? { flex: 1, minWidth: 0, borderBottom: 'none', lineHeight: `${HEADER_HEIGHT - 2}px` } : { borderInlineEnd: 'none' }}
      data-testid={mode === 'inline' ? 'nav-drawer-menu' : undefined}
    />
  );

  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Header
        style={{
          height: HEADER_HEIGHT,
          lineHeight: `${HEADER_HEIGHT}px`,
          padding: narrow ? '0 8px' : '0 16px',
          display: 'flex',
          alignItems: 'center',
          gap: narrow ? 4 : 16,
          background: '#fff',
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        {narrow && !memberOnly && (
          <Button type="text" icon={<ApartmentOutlined />} aria-label="Cây tổ chức" onClick={() => setDrawer('tree')} data-testid="tree-drawer-open" />
        )}
        <a
          href={link(memberOnly ? '/me/meetings' : '/')}
          onClick={(e) => {
            e.preventDefault();
            navigate(link(memberOnly ? '/me/meetings' : '/'));
          }}
          style={{ fontWeight: 700, fontSize: 18, color: '#b71c1c', whiteSpace: 'nowrap' }}
          data-testid="brand"
        >
          Hạt Nhân
        </a>
        {narrow ? <div style={{ flex: 1 }} /> : menu('horizontal')}
        {!memberOnly && <WorkQueueButton onOpen={() => navigate(link('/work'))} />}
        {!narrow && !memberOnly && <AsOfPicker />}
        <UserMenu compact={narrow} />
        {narrow && <Button type="text" icon={<MenuOutlined />} aria-label="Danh mục" onClick={() => setDrawer('nav')} data-testid="nav-drawer-open" />}
      </Layout.Header>
      <Layout style={{ minHeight: 0 }}>
        {!narrow && !memberOnly && (
          <Layout.Sider width={SIDER_WIDTH} theme="light" style={{ borderRight: '1px solid #f0f0f0', height: '100%', overflow: 'hidden' }}>
            <OrgSider />
          </Layout.Sider>
        )}
        <Layout.Content style={{ overflow: 'auto', padding: narrow ? 12 : 16, minWidth: 0 }} data-testid="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
      {narrow && (
        <>
          <Drawer
            placement="left"
            open={drawer === 'tree'}
            onClose={() => setDrawer(null)}
            title="Tổ chức đảng"
            size={Math.min(SIDER_WIDTH + 20, window.innerWidth - 40)}
            styles={{ body: { padding: 0 } }}
            data-testid="tree-drawer"
          >
            <OrgSider />
          </Drawer>
          <Drawer
            placement="right"
            open={drawer === 'nav'}
            onClose={() => setDrawer(null)}
            title="Danh mục"
            size={Math.min(300, window.innerWidth - 40)}
            styles={{ body: { padding: 0 } }}
          >
            {!memberOnly && (
              <div style={{ padding: 12, borderBottom: '1px solid #f0f0f0' }}>
                <AsOfPicker />
              </div>
            )}
            {menu('inline')}
          </Drawer>
        </>
      )}
    </Layout>
  );
}
