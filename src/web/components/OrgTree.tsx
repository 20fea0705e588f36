/**
 * The organisation tree, loaded lazily: the roots of the user's scope first, the children of a node when it is
 * expanded. Children come from the query cache, so a change that invalidates 'orgs' redraws the tree, and the
 * expanded nodes stay open when the as-of date changes. Opening an org elsewhere expands the tree down to it.
 */
import { Alert, Empty, Spin, Tree, type TreeDataNode } from 'antd';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type Key } from 'react';
import { useMatch, useNavigate } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import { orgChildrenQuery, useOrg, useOrgRoots } from '../api/hooks.ts';
import type { OrgSummary } from '../../contract/orgs.ts';
import { useAsOf, useAsOfLink } from '../app/asOf.ts';
import { byVietnamese } from '../lib/labels.ts';
import { orderedAncestors } from '../lib/orgs.ts';

const byName = byVietnamese((o: OrgSummary) => o.name);

function toNode(org: OrgSummary, childrenOf: Map<string, OrgSummary[]>): TreeDataNode {
  const children = childrenOf.get(org.id);
  return {
    key: org.id,
    title: (
      <span data-testid={`tree-node-${org.id}`} title={org.kindName}>
        {org.name}
      </span>
    ),
    isLeaf: org.childCount === 0,
    children: children?.map((c) => toNode(c, childrenOf)),
  };
}

/** Ids from the first ancestor that is a root of the tree down to the org's parent: the nodes to open. */
function pathToOpen(ancestors: { id: string }[], rootIds: Set<string>): string[] {
  const start = ancestors.findIndex((a) => rootIds.has(a.id));
  return start < 0 ? [] : ancestors.slice(start).map((a) => a.id);
}

export function OrgTree() {
  const { asOf } = useAsOf();
  const link = useAsOfLink();
  const navigate = useNavigate();
  const client = useQueryClient();
  const selectedId = useMatch('/orgs/:id')?.params.id;
  const roots = useOrgRoots(asOf);
  const selected = useOrg(selectedId, asOf);
  const [expanded, setExpanded] = useState<string[]>([]);

  const childQueries = useQueries({ queries: expanded.map((id) => orgChildrenQuery(id, asOf)) });
  const stamp = childQueries.map((q) => q.dataUpdatedAt).join(',');

  const { treeData, loadedKeys } = useMemo(() => {
    const childrenOf = new Map<string, OrgSummary[]>();
    expanded.forEach((id, i) => {
      const items = childQueries[i]?.data?.items;
      if (items) childrenOf.set(id, items);
    });
    return {
      treeData: [...(roots.data?.items ?? [])].sort(byName).map((r) => toNode(r, childrenOf)),
      loadedKeys: [...childrenOf.keys()],
    };
    // childQueries is a new array every render; `stamp` tells when its data changed.
  }, [roots.data, expanded, stamp]);

  // Open the path down to the organisation shown on the page (and the organisation itself), once per
  // organisation and superior, so a move re-opens the new path.
  const opened = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!selectedId || !selected.data || !roots.data) return;
    const key = `${selectedId}:${selected.data.parentId ?? ''}`;
    if (opened.current === key) return;
    opened.current = key;
    const rootIds = new Set(roots.data.items.map((r) => r.id));
    const path = pathToOpen(orderedAncestors(selected.data.ancestors, selected.data.parentId), rootIds);
    if (rootIds.has(selectedId) || path.length > 0) {
      if (selected.data.childCount > 0) path.push(selectedId);
      setExpanded((prev) => [...new Set([...prev, ...path])]);
    }
    window.setTimeout(() => {
      document.querySelector(`[data-testid="tree-node-${selectedId}"]`)?.scrollIntoView({ block: 'nearest' });
    }, 300);
  }, [selectedId, selected.data, roots.data]);

  if (roots.isPending) return <Spin style={{ display: 'block', marginTop: 24 }} />;
  if (roots.isError) return <Alert type="error" showIcon title={errorMessage(roots.error)} />;
  if (treeData.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có tổ chức nào tại ngày này" />;
  }

  return (
    <Tree
      className="hn-tree"
      data-testid="org-tree"
      blockNode
      showLine
      treeData={treeData}
      expandedKeys={expanded}
      loadedKeys={loadedKeys}
      selectedKeys={selectedId ? [selectedId] : []}
      onExpand={(keys: Key[]) => setExpanded(keys.map(String))}
      loadData={async (node) => {
        await client.ensureQueryData(orgChildrenQuery(String(node.key), asOf));
      }}
      onSelect={(_keys, info) => navigate(link(`/orgs/${String(info.node.key)}`))}
    />
  );
}
