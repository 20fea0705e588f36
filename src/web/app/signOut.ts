/** Ends the session on the server (best effort) and locally, then shows the login page. */
import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { setCsrfToken } from '../api/client.ts';
import { queryKeys, useLogout } from '../api/hooks.ts';

export function useSignOut(): () => Promise<void> {
  const navigate = useNavigate();
  const client = useQueryClient();
  const logout = useLogout();
  const { message } = App.useApp();
  return async () => {
    try {
      await logout.mutateAsync();
    } catch {
      // The session is left to expire on the server; locally it ends either way.
    }
    setCsrfToken(null);
    client.setQueryData(queryKeys.me, null);
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    navigate('/login', { replace: true });
    message.success('Đã đăng xuất.');
  };
}
