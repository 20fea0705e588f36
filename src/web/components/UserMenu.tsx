/**
 * The user's name in the header with "Đổi mật khẩu" and "Đăng xuất"; on a narrow screen (`compact`) an icon, the
 * name heading the menu it opens.
 */
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../app/auth.tsx';
import { useSignOut } from '../app/signOut.ts';

export function UserMenu({ compact = false }: { compact?: boolean }) {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const signOut = useSignOut();

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          ...(compact ? [{ key: 'name', label: <b>{me.fullName}</b>, disabled: true }, { type: 'divider' as const }] : []),
          {
            key: 'change-password',
            icon: <KeyOutlined />,
            label: <span data-testid="menu-change-password">Đổi mật khẩu</span>,
          },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="menu-logout">Đăng xuất</span> },
        ],
        onClick: ({ key }) => {
          if (key === 'change-password') navigate('/change-password');
          if (key === 'logout') void signOut();
        },
      }}
    >
      {compact ? (
        <Button type="text" icon={<UserOutlined />} aria-label={me.fullName} data-testid="user-menu" />
      ) : (
        <Button type="text" icon={<UserOutlined />} data-testid="user-menu" style={{ maxWidth: 240 }}>
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{me.fullName}</span>
          <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      )}
    </Dropdown>
  );
}
