/** Picks a user by searching /api/users (used by the audit filter). */
import { Select } from 'antd';
import { useState } from 'react';
import { useUser, useUsers } from '../api/hooks.ts';
import { useDebouncedValue } from '../lib/debounce.ts';

export function UserSelect({
  value,
  onChange,
  id,
  placeholder,
}: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  placeholder?: string;
}) {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const users = useUsers({ q: q || undefined, page: 1, pageSize: 20 });
  const selected = useUser(value ?? null);
  const options = (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.fullName} (${u.username})` }));
  if (value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: selected.data ? `${selected.data.fullName} (${selected.data.username})` : 'Đang tải…' });
  }
  return (
    <Select
      id={id}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      options={options}
      allowClear
      loading={users.isFetching}
      showSearch={{ filterOption: false, onSearch: setText }}
      placeholder={placeholder ?? 'Tất cả người dùng'}
      notFoundContent="Không tìm thấy người dùng"
      style={{ width: '100%' }}
      data-testid="audit-user"
    />
  );
}
