/** Selects over the catalogues: organisation kinds, sector types (loại hình) and the member file's catalogues. */
import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { foldAccents } from '../../domain/text.ts';
import { useCatalogues, useOrgKinds, useSectorTypes } from '../api/hooks.ts';

interface CodeSelectProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  allowClear?: boolean;
  placeholder?: string;
  'data-testid'?: string;
}

/** The Select every catalogue shows through: code as value, name as label. */
function CodeSelect(
  props: CodeSelectProps & {
    options: { value: string; label: string }[];
    loading: boolean;
    showSearch: NonNullable<Parameters<typeof Select>[0]['showSearch']>;
    style?: CSSProperties | undefined;
  },
) {
  return (
    <Select
      id={props.id}
      data-testid={props['data-testid']}
      value={props.value}
      onChange={(v: string | undefined) => props.onChange?.(v)}
      options={props.options}
      loading={props.loading}
      allowClear={props.allowClear}
      placeholder={props.placeholder}
      showSearch={props.showSearch}
      style={props.style ?? { width: '100%' }}
    />
  );
}

export function OrgKindSelect(props: CodeSelectProps) {
  const kinds = useOrgKinds();
  const options = [...(kinds.data ?? [])]
    .sort((a, b) => a.level - b.level || a.name.localeCompare(b.name, 'vi'))
    .map((k) => ({ value: k.code, label: k.name }));
  return (
    <CodeSelect
      {...props}
      options={options}
      loading={kinds.isPending}
      placeholder={props.placeholder ?? 'Chọn loại tổ chức'}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}

export function SectorSelect(props: CodeSelectProps) {
  const sectors = useSectorTypes();
  const options = (sectors.data ?? []).map((s) => ({ value: s.code, label: s.name }));
  return (
    <CodeSelect
      {...props}
      options={options}
      loading={sectors.isPending}
      allowClear={props.allowClear ?? true}
      placeholder={props.placeholder ?? 'Chọn loại hình'}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}

/**
 * One of the member file's catalogues (dân tộc, tôn giáo, trình độ…) by its server name, e.g. 'theory_level'.
 * Typing without accents finds "Tày" from "tay". A stored value missing from the catalogue shows as it is.
 */
export function MemberCatalogueSelect(props: CodeSelectProps & { catalogue: string; style?: CSSProperties }) {
  const catalogues = useCatalogues();
  const options = (catalogues.data?.[props.catalogue] ?? []).map((c) => ({ value: c.code, label: c.name }));
  return (
    <CodeSelect
      {...props}
      options={options}
      loading={catalogues.isPending}
      allowClear={props.allowClear ?? true}
      showSearch={{ filterOption: (input, option) => foldAccents(String(option?.label ?? '')).includes(foldAccents(input)) }}
    />
  );
}
