/**
 * The report's actions: the exports and the submission, offered to who may do them (filled in with the submissions'
 * and exports' endpoints).
 */
import type { ReportParams } from '../../api/reports.ts';

export function ReportActions(_props: { query: ReportParams }) {
  return null;
}
