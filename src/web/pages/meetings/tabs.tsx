/**
 * The tabs of «Sinh hoạt chi bộ» beside the calendar: the compliance of the committees (issue 16 part 4) adds its
 * entry here, so the page shell (MeetingsPage) stays as it is.
 */
import type { ReactNode } from 'react';
import { CompliancePanel } from '../../components/meetings/CompliancePanel.tsx';

export interface MeetingsTab {
  key: string;
  label: string;
  /** The tab's content for the chosen organisation. */
  render: (orgId: string) => ReactNode;
}

export const EXTRA_MEETING_TABS: MeetingsTab[] = [{ key: 'compliance', label: 'Tình hình sinh hoạt', render: (orgId) => <CompliancePanel orgId={orgId} /> }];
