import type { OrgDetail } from '../../api/types.ts';

export interface OrgActionModalProps {
  org: OrgDetail;
  open: boolean;
  onClose: () => void;
}
