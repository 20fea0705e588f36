/** The action buttons of the org page (for users who may edit the tree) and their modal forms. */
import { DeleteOutlined, EditOutlined, PlusOutlined, SwapOutlined, TagsOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useState, type ReactNode } from 'react';
import type { OrgDetail } from '../../api/types.ts';
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

export function OrgActions({ org }: { org: OrgDetail }) {
  const [open, setOpen] = useState<Action | null>(null);
  const ended = org.status === 'ended';
  const close = () => setOpen(null);

  return (
    <>
      <Space wrap size={8}>
        {BUTTONS.map((b) => (
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
