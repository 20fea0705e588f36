/** "Người dùng": accounts whose home organisation is in the user's scope, with their roles. */
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Input, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useUsers } from '../api/hooks.ts';
import type { User } from '../../contract/users.ts';
import { RequirePermission, useCurrentUser } from '../app/auth.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { RoleTag } from '../components/Tags.tsx';
import { CreateUserModal } from '../components/users/CreateUserModal.tsx';
import { UserDrawer } from '../components/users/UserDrawer.tsx';
import { UserStateTag } from '../components/users/userState.tsx';
import { useDebouncedValue } from '../lib/debounce.ts';
import { byVietnamese, formatCount } from '../lib/labels.ts';

const PAGE_SIZE = 20;

function UsersList() {
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebouncedValue(text.trim(), 300);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const openId = params.get('user');
  const users = useUsers({ q: q || undefined, page, pageSize: PAGE_SIZE });

  const setOpen = (id: string | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('user', id);
      else next.delete('user');
      return next;
    });

  const columns: TableColumnsType<User> = [
    { title: 'Tên đăng nhập', dataIndex: 'username', width: 150, render: (v: string) => <span className="hn-mono">{v}</span> },
    { title: 'Họ và tên', dataIndex: 'fullName', width: 190, sorter: byVietnamese((u: User) => u.fullName) },
    { title: 'Đơn vị', key: 'homeOrg', width: 210, render: (_v, u) => u.homeOrg?.name ?? '—' },
    {
      title: 'Vai trò',
      key: 'roles',
      render: (_v, u) =>
        u.roles.length === 0 ? (
          <Typography.Text type="secondary">Chưa có</Typography.Text>
        ) : (
          <Space size={[0, 4]} wrap>
            {u.roles.map((r) => (
              <RoleTag key={r.id} assignment={r} />
            ))}
          </Space>
        ),
    },
    { title: 'Trạng thái', key: 'state', width: 170, render: (_v, u) => <UserStateTag user={u} /> },
    {
      title: '',
      key: 'open',
      width: 90,
      render: (_v, u) => (
        <Button size="small" onClick={() => setOpen(u.id)} data-testid={`user-open-${u.id}`}>
          Chi tiết
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div className="hn-title-row">
        <Typography.Title level={3} style={{ margin: 0 }}>
          Người dùng
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="users-create">
          Thêm người dùng
        </Button>
      </div>
      <Input
        prefix={<SearchOutlined />}
        allowClear
        placeholder="Tìm theo tên đăng nhập hoặc họ tên"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setPage(1);
        }}
        style={{ maxWidth: 400 }}
        data-testid="users-search"
      />
      {users.isError ? (
        <QueryError error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Table<User>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={users.data?.items ?? []}
          loading={users.isFetching}
          data-testid="users-table"
          onRow={(u) => ({ onDoubleClick: () => setOpen(u.id) })}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: users.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            showTotal: (total) => `${formatCount(total)} người dùng`,
          }}
          locale={{ emptyText: 'Không có người dùng nào' }}
        />
      )}
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(user) => {
          setCreating(false);
          setOpen(user.id);
        }}
      />
      <UserDrawer userId={openId} onClose={() => setOpen(null)} />
    </Space>
  );
}

export function UsersPage() {
  const me = useCurrentUser();
  return (
    <RequirePermission allowed={me.can.manageUsers}>
      <UsersList />
    </RequirePermission>
  );
}
