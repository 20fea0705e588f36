/** What a page shows when its data could not be read: the server's message, 404 as "not found". */
import { Button, Result } from 'antd';
import { ApiError, errorMessage } from '../api/client.ts';

export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const notFound = error instanceof ApiError && error.status === 404;
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <Result
      status={notFound ? '404' : forbidden ? '403' : 'error'}
      title={notFound ? 'Không tìm thấy' : forbidden ? 'Không có quyền truy cập' : 'Không tải được dữ liệu'}
      subTitle={errorMessage(error)}
      extra={onRetry && !notFound ? <Button onClick={onRetry}>Thử lại</Button> : undefined}
    />
  );
}
