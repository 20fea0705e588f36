/** The state of an account as a tag: disabled, locked until a time, or active. */
import { Tag } from 'antd';
import dayjs from 'dayjs';
import type { User } from '../../../contract/users.ts';

export function UserStateTag({ user }: { user: Pick<User, 'disabled' | 'lockedUntil'> }) {
  if (user.disabled) return <Tag color="red">Đã vô hiệu hóa</Tag>;
  if (user.lockedUntil && dayjs(user.lockedUntil).isAfter(dayjs())) {
    return <Tag color="orange">Bị khóa đến {dayjs(user.lockedUntil).format('HH:mm DD/MM/YYYY')}</Tag>;
  }
  return <Tag color="green">Đang hoạt động</Tag>;
}
