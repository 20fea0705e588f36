/**
 * Picks the organisation a member is transferred to (or stays with temporarily) by name, anywhere in today's tree
 * (/api/orgs/destinations): the receiving organisation is often in another commune or province, outside the user's
 * scope. Each option shows the chain of superiors, so that two cells of the same name are told apart.
 */
import { Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useDestinationSearch } from '../api/hooks.ts';
import { useDebouncedValue } from '../lib/debounce.ts';

interface Option {
  value: string;
  label: string;
  hint: string;
}

/** Labels of destinations seen in a search, so a chosen value keeps its name when the results change. */
const known = new Map<string, Option>();

export function DestinationSelect(props: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  placeholder?: string;
  'data-testid'?: string;
}) {
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), 300);
  const search = useDestinationSearch(query);
  const options = useMemo(() => {
    const out = new Map<string, Option>();
    if (query.length >= 2) {
      for (const item of search.data?.items ?? []) {
        const option = { value: item.id, label: item.name, hint: item.ancestorNames.join(' › ') };
        known.set(item.id, option);
        out.set(item.id, option);
      }
    }
    if (props.value && !out.has(props.value)) out.set(props.value, known.get(props.value) ?? { value: props.value, label: props.value, hint: '' });
    return [...out.values()];
  }, [query, search.data, props.value]);

  return (
    <Select<string, Option>
      id={props.id}
      data-testid={props['data-testid']}
      value={props.value}
      onChange={(v) => {
        props.onChange?.(v);
        setText('');
      }}
      options={options}
      optionRender={(option) => (
        <div style={{ whiteSpace: 'normal' }}>
          <div>{option.data.label}</div>
          {option.data.hint && <div className="hn-muted">{option.data.hint}</div>}
        </div>
      )}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      placeholder={props.placeholder ?? 'Gõ tên tổ chức để tìm'}
      notFoundContent={
        text.trim().length < 2 ? 'Gõ ít nhất 2 ký tự tên tổ chức để tìm' : search.isFetching ? <Spin size="small" /> : 'Không tìm thấy tổ chức nào'
      }
      allowClear
      style={{ width: '100%' }}
    />
  );
}
