/**
 * The listening port, checked before the server migrates or seeds anything: a port in use is said at once, in
 * Vietnamese, instead of a stack trace after a minute of seeding.
 */
import net from 'node:net';

export class PortUnavailableError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
    readonly reason: string,
  ) {
    super(portMessage(host, port, reason));
  }
}

function portMessage(host: string, port: number, reason: string): string {
  if (reason === 'EADDRINUSE') {
    return (
      `Cổng ${port} trên ${host} đang được một chương trình khác sử dụng (có thể Hạt Nhân đã chạy ở một cửa sổ khác). ` +
      `Hãy dừng chương trình đó, hoặc chọn cổng khác, ví dụ: PORT=${port === 3000 ? 3001 : 3000} npm start`
    );
  }
  if (reason === 'EACCES') {
    return `Không có quyền mở cổng ${port} trên ${host} (cổng dưới 1024 cần quyền quản trị). Hãy chọn cổng khác, ví dụ: PORT=3000 npm start`;
  }
  if (reason === 'EADDRNOTAVAIL' || reason === 'ENOTFOUND') {
    return `Địa chỉ ${host} không thuộc máy này (biến HOST). Dùng 127.0.0.1 cho riêng máy này, 0.0.0.0 để phục vụ mạng nội bộ.`;
  }
  return `Không mở được cổng ${port} trên ${host}: ${reason}.`;
}

/** Error codes of a failed listen() that PortUnavailableError explains. */
export function isPortError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND';
}

/** Resolves when host:port can be listened on (the probe is closed at once); otherwise throws PortUnavailableError. */
export async function assertPortFree(host: string, port: number): Promise<void> {
  // Port 0 asks the system for any free port: always available.
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => reject(new PortUnavailableError(host, port, error.code ?? error.message)));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}
