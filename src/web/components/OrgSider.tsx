/**
 * Left column of the layout: the search box over the organisation tree. While the search has at least two
 * characters the results replace the tree; clearing the box brings the tree back.
 */
import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useState } from 'react';
import { useDebouncedValue } from '../lib/debounce.ts';
import { OrgSearchResults } from './OrgSearchResults.tsx';
import { OrgTree } from './OrgTree.tsx';

export function OrgSider() {
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), 300);
  const searching = text.trim().length > 0;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <div style={{ padding: 12, borderBottom: '1px solid #f0f0f0' }}>
        <Input
          data-testid="tree-search"
          aria-label="Tìm tổ chức đảng"
          placeholder="Tìm tổ chức, vd. xa tan lap"
          prefix={<SearchOutlined />}
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div style={{ flex: 1, overflow: 'auto', padding: '8px 4px 16px 8px' }}>
        {searching ? <OrgSearchResults query={query} pendingText={text.trim()} /> : <OrgTree />}
      </div>
    </div>
  );
}
