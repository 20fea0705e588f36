/**
 * Route guards over the session: RequireAuth sends a visitor without a session to /login and a user who must
 * change the initial password to /change-password; RequirePermission shows a 403 page for a missing right.
 */
import { Button, Result, Spin } from 'antd';
import { createContext, useContext, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useMe } from '../api/hooks.ts';
import { errorMessage } from '../api/client.ts';
import type { Me } from '../../contract/auth.ts';

export function FullPageSpin() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
      <Spin size="large" />
    </div>
  );
}

export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    return (
      <Result
        status="error"
        title="Không tải được phiên làm việc"
        subTitle={errorMessage(me.error)}
        extra={<Button onClick={() => void me.refetch()}>Thử lại</Button>}
      />
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    const to = next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login';
    return <Navigate to={to} replace />;
  }
  if (me.data.user.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  return (
    <CurrentUserContext.Provider value={me.data.user}>
      <Outlet />
    </CurrentUserContext.Provider>
  );
}

/**
 * The signed-in user, from RequireAuth. Read from context rather than from the query, so that when the session
 * ends the pages are unmounted by RequireAuth's redirect before they could render without a user.
 */
const CurrentUserContext = createContext<Me | null>(null);

export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser outside RequireAuth');
  return me;
}

export function RequirePermission({ allowed, children }: { allowed: boolean; children: ReactNode }) {
  if (allowed) return children;
  return <Result status="403" title="Không có quyền truy cập" subTitle="Tài khoản của bạn không được phép dùng chức năng này." />;
}
