import type { OrgDetail } from '../../../contract/orgs.ts';

export interface OrgActionModalProps {
  org: OrgDetail;
  open: boolean;
  onClose: () => void;
}
