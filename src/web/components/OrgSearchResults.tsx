/** Search results in the sider: each with its kind and ancestor chain; a click opens the organisation. */
import { Alert, Empty, Spin } from 'antd';
import { useMatch, useNavigate } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import { useOrgSearch } from '../api/hooks.ts';
import { useAsOf, useAsOfLink } from '../app/asOf.ts';

const LIMIT = 30;

export function OrgSearchResults({ query, pendingText }: { query: string; pendingText: string }) {
  const { asOf } = useAsOf();
  const link = useAsOfLink();
  const navigate = useNavigate();
  const current = useMatch('/orgs/:id')?.params.id;
  const search = useOrgSearch(query, asOf, LIMIT);

  if (pendingText.length < 2) {
    return (
      <div className="hn-muted" style={{ padding: 8 }}>
        Nhập ít nhất 2 ký tự để tìm.
      </div>
    );
  }
  if (search.isError) return <Alert type="error" showIcon title={errorMessage(search.error)} />;
  if (!search.data || query.length < 2) return <Spin style={{ display: 'block', marginTop: 24 }} />;

  const items = search.data.items;
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không tìm thấy tổ chức nào" />;

  return (
    <div data-testid="tree-search-results" style={{ opacity: search.isFetching ? 0.6 : 1 }}>
      {items.map((org) => (
        <button
          key={org.id}
          type="button"
          className={`hn-result${org.id === current ? ' hn-result-active' : ''}`}
          data-testid={`tree-search-result-${org.id}`}
          onClick={() => navigate(link(`/orgs/${org.id}`))}
        >
          <span className="hn-result-name">{org.name}</span>
          <span className="hn-muted">{org.kindName}</span>
          {org.ancestorNames.length > 0 && <span className="hn-muted">{org.ancestorNames.join(' › ')}</span>}
        </button>
      ))}
      {items.length >= LIMIT && (
        <div className="hn-muted" style={{ padding: 8 }}>
          Chỉ hiện {LIMIT} kết quả đầu tiên. Gõ cụ thể hơn để thu hẹp.
        </div>
      )}
    </div>
  );
}
