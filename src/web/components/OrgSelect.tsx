/**
 * A select that finds organisations with the server's accent-insensitive search (/api/orgs/search). Used wherever
 * an organisation is picked: new superior, home org, role scope, the operations of a reorganisation, the cell that
 * receives a transfer. Extra options (the refs of organisations created earlier in a reorganisation, the cells under
 * the organisation a transfer is addressed to) are offered first; `filter` narrows the search results.
 */
import { Select, Spin } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { foldAccents } from '../../domain/text.ts';
import { orgDetailQuery, useOrgSearch } from '../api/hooks.ts';
import type { OrgSearchItem } from '../../contract/orgs.ts';
import { useAsOf } from '../app/asOf.ts';
import { useDebouncedValue } from '../lib/debounce.ts';
import { isUuid, orderedAncestors } from '../lib/orgs.ts';

export interface OrgOption {
  value: string;
  label: string;
  /** Second line in the list: kind and ancestor chain. */
  hint?: string;
  /** The chain of superiors alone (from the search), shown beside a chosen value when `showPath` is set. */
  path?: string;
}

/** Labels of organisations seen in any search, so a chosen value keeps its name when the results change. */
const knownLabels = new Map<string, OrgOption>();

function fromSearch(item: OrgSearchItem): OrgOption {
  const chain = item.ancestorNames.join(' › ');
  return { value: item.id, label: item.name, hint: chain ? `${item.kindName} · ${chain}` : item.kindName, path: chain };
}

type Value = string | string[] | undefined;

export interface OrgSelectProps {
  value?: Value;
  onChange?: (value: Value) => void;
  multiple?: boolean;
  extraOptions?: OrgOption[];
  excludeIds?: string[];
  /** Keeps only the search results it accepts (e.g. cells under a given organisation); extra options are kept. */
  filter?: (item: OrgSearchItem) => boolean;
  /** A chosen organisation shows its chain of superiors too, so that two of the same name are told apart. */
  showPath?: boolean;
  /** Shown in the list when nothing is typed yet (default: how many characters to type). */
  emptyText?: string;
  placeholder?: string;
  id?: string;
  disabled?: boolean;
  allowClear?: boolean;
  'data-testid'?: string;
}

function asArray(value: Value): string[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

/** Names for chosen ids that no search has shown yet (e.g. values imported as JSON). */
function useUnknownLabels(values: string[], asOf: string): Map<string, OrgOption> {
  const unknown = values.filter((v) => isUuid(v) && !knownLabels.has(v));
  const results = useQueries({ queries: unknown.map((id) => ({ ...orgDetailQuery(id, asOf), staleTime: 60_000 })) });
  const found = new Map<string, OrgOption>();
  results.forEach((r, i) => {
    const id = unknown[i];
    if (!id) return;
    if (r.data) {
      const chain = orderedAncestors(r.data.ancestors, r.data.parentId)
        .map((a) => a.name)
        .join(' › ');
      found.set(id, { value: id, label: r.data.name, hint: chain, path: chain });
    } else if (r.isError) {
      found.set(id, { value: id, label: `Không tìm thấy (${id.slice(0, 8)}…)` });
    }
  });
  return found;
}

export function OrgSelect(props: OrgSelectProps) {
  const { value, onChange, multiple, extraOptions = [], excludeIds = [], allowClear = true, filter } = props;
  const { asOf } = useAsOf();
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), 300);
  const search = useOrgSearch(query, asOf, 20);
  const chosen = asArray(value);
  const fetched = useUnknownLabels(chosen, asOf);

  const options = useMemo(() => {
    const excluded = new Set(excludeIds);
    const folded = foldAccents(text);
    const result = new Map<string, OrgOption>();
    for (const extra of extraOptions) {
      if (!folded || foldAccents(`${extra.label} ${extra.value}`).includes(folded)) result.set(extra.value, extra);
    }
    if (query.length >= 2) {
      for (const item of search.data?.items ?? []) {
        const option = fromSearch(item);
        knownLabels.set(item.id, option);
        if (!excluded.has(item.id) && (!filter || filter(item))) result.set(item.id, option);
      }
    }
    for (const v of chosen) {
      if (result.has(v)) continue;
      const known = extraOptions.find((e) => e.value === v) ?? knownLabels.get(v) ?? fetched.get(v);
      result.set(v, known ?? { value: v, label: isUuid(v) ? 'Đang tải…' : v });
    }
    const list = [...result.values()];
    // The selection shows the option's label: with showPath it carries the chain (the list keeps name and hint apart).
    return props.showPath ? list.map((o) => ({ ...o, name: o.label, label: o.path ? `${o.label} (${o.path})` : o.label })) : list;
  }, [excludeIds, extraOptions, text, query, search.data, chosen, fetched, filter, props.showPath]);

  const notFound =
    text.trim().length < 2 ? (
      (props.emptyText ?? 'Gõ ít nhất 2 ký tự tên tổ chức để tìm')
    ) : search.isFetching ? (
      <Spin size="small" />
    ) : (
      'Không tìm thấy tổ chức nào'
    );

  return (
    <Select<Value, OrgOption>
      id={props.id}
      data-testid={props['data-testid']}
      mode={multiple ? 'multiple' : undefined}
      value={multiple ? chosen : (chosen[0] ?? undefined)}
      onChange={(v) => {
        onChange?.(v);
        setText('');
      }}
      options={options}
      optionRender={(option) => (
        <div style={{ whiteSpace: 'normal' }}>
          <div>{(option.data as OrgOption & { name?: string }).name ?? option.data.label}</div>
          {option.data.hint && <div className="hn-muted">{option.data.hint}</div>}
        </div>
      )}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      placeholder={props.placeholder ?? 'Gõ tên tổ chức để tìm'}
      notFoundContent={notFound}
      allowClear={allowClear}
      disabled={props.disabled}
      style={{ width: '100%' }}
    />
  );
}
