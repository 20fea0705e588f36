/**
 * The action buttons of the org page and their modal forms: only those the server allows this user on this
 * organisation (GET /orgs/:id/permissions; a role changes what is below its organisation, not the organisation).
 */
import { DeleteOutlined, EditOutlined, PlusOutlined, SwapOutlined, TagsOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useState, type ReactNode } from 'react';
import type { OrgDetail, OrgPermissions } from '../../../contract/orgs.ts';
import { CreateChildModal } from './CreateChildModal.tsx';
import { DissolveModal } from './DissolveModal.tsx';
import { MoveModal } from './MoveModal.tsx';
import { ReclassifyModal } from './ReclassifyModal.tsx';
import { RenameModal } from './RenameModal.tsx';

type Action = 'create' | 'rename' | 'reclassify' | 'move' | 'dissolve';

interface ActionButton {
  key: Action;
  label: string;
  icon: ReactNode;
  danger?: boolean;
}

const BUTTONS: ActionButton[] = [
  { key: 'create', label: 'Thêm tổ chức trực thuộc', icon: <PlusOutlined /> },
  { key: 'rename', label: 'Đổi tên', icon: <EditOutlined /> },
  { key: 'reclassify', label: 'Đổi loại hình', icon: <TagsOutlined /> },
  { key: 'move', label: 'Chuyển cấp trên', icon: <SwapOutlined /> },
  { key: 'dissolve', label: 'Giải thể', icon: <DeleteOutlined />, danger: true },
];

const RIGHT: Record<Action, keyof OrgPermissions['tree']> = {
  create: 'createChild',
  rename: 'rename',
  reclassify: 'reclassify',
  move: 'move',
  dissolve: 'dissolve',
};

export function OrgActions({ org, permissions }: { org: OrgDetail; permissions: OrgPermissions }) {
  const [open, setOpen] = useState<Action | null>(null);
  const ended = org.status === 'ended';
  const close = () => setOpen(null);
  const buttons = BUTTONS.filter((b) => permissions.tree[RIGHT[b.key]]);
  if (buttons.length === 0) return null;

  return (
    <>
      <Space wrap size={8}>
        {buttons.map((b) => (
          <Tooltip key={b.key} title={ended ? 'Tổ chức đã kết thúc hoạt động.' : undefined}>
            <Button
              icon={b.icon}
              danger={b.danger}
              type={b.key === 'create' ? 'primary' : 'default'}
              disabled={ended}
              onClick={() => setOpen(b.key)}
              data-testid={`org-action-${b.key}`}
            >
              {b.label}
            </Button>
          </Tooltip>
        ))}
      </Space>
      <CreateChildModal org={org} open={open === 'create'} onClose={close} />
      <RenameModal org={org} open={open === 'rename'} onClose={close} />
      <ReclassifyModal org={org} open={open === 'reclassify'} onClose={close} />
      <MoveModal org={org} open={open === 'move'} onClose={close} />
      <DissolveModal org={org} open={open === 'dissolve'} onClose={close} />
    </>
  );
}
