/**
 * The reports' table of the cells' meetings (issue 16 part 4): its layout and its figures source, the meetings
 * module's compliance (meetings.compliance.ts) for the report's organisation and period, per child of the root when
 * broken down. Its cells link to the meetings' compliance page and its lists (LinkKind `meetings`).
 */
import type { Kysely } from 'kysely';
import { depthOf } from '../../../domain/org-path.ts';
import type { ComplianceTotals } from '../../../domain/meetings.compliance.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { createComplianceService } from '../meetings/meetings.compliance.ts';
import { set, type Figures } from './reports.figures.ts';
import type { Layout, LayoutRow } from './reports.layouts.ts';

const r = (key: string, label: string, level: 0 | 1 | 2, link: Record<string, string> | null, unit?: 'percent'): LayoutRow => ({
  key,
  label,
  level,
  measure: key,
  link,
  ...(unit ? { unit } : {}),
});

/** Compliance of the cells' meetings over the report's period (Chỉ thị 50-CT/TW, Hướng dẫn 42-HD/BTCTW). */
export const meetingsComplianceLayout: Layout = {
  key: 'meetings-compliance',
  version: 'HD42-2025',
  title: 'Tình hình sinh hoạt chi bộ',
  basis: 'period',
  linkKind: 'meetings',
  columns: [{ key: 'count', label: 'Số lượng', unit: 'count', value: 'measure' }],
  rows: [
    r('cells', 'Số chi bộ', 0, { view: 'cells' }),
    r('cellsMissingRegular', 'Chi bộ có tháng không sinh hoạt thường kỳ', 1, { view: 'cells', check: 'no-regular' }),
    r('monthsMissing', 'Số tháng không sinh hoạt thường kỳ (cộng các chi bộ)', 2, { view: 'cells', check: 'no-regular' }),
    r('cellsMissingTopical', 'Chi bộ có quý không sinh hoạt chuyên đề', 1, { view: 'cells', check: 'no-topical' }),
    r('quartersMissing', 'Số quý không sinh hoạt chuyên đề (cộng các chi bộ)', 2, { view: 'cells', check: 'no-topical' }),
    r('meetings', 'Số buổi sinh hoạt đã họp', 0, { view: 'meetings', check: 'all' }),
    r('short', 'Không đủ thời gian theo quy định', 1, { view: 'meetings', check: 'short' }),
    r('docsLate', 'Gửi tài liệu cho đảng viên chậm', 1, { view: 'meetings', check: 'docs-late' }),
    r('noRepresentative', 'Không có đại diện cấp ủy cấp trên dự', 1, { view: 'meetings', check: 'no-representative' }),
    r('attendanceRate', 'Tỷ lệ đảng viên dự sinh hoạt (%)', 0, null, 'percent'),
  ],
  notes: [
    'Chi bộ phải sinh hoạt thường kỳ mỗi tháng và sinh hoạt chuyên đề ít nhất mỗi quý (buổi chuyên đề không thay buổi thường kỳ; buổi kết hợp tính cho cả hai). Tháng, quý chưa kết thúc chưa tính.',
    'Tỷ lệ dự sinh hoạt = lượt đảng viên có mặt ÷ lượt đảng viên trong danh sách các buổi đã họp.',
  ],
};

const MEASURES: (keyof ComplianceTotals)[] = [
  'cells',
  'cellsMissingRegular',
  'monthsMissing',
  'cellsMissingTopical',
  'quartersMissing',
  'meetings',
  'short',
  'docsLate',
  'noRepresentative',
  'attendanceRate',
];

/** The figures of the table for the report's organisation and period (per child of the root with a breakdown). */
export async function meetingsComplianceFigures(
  deps: { db: Kysely<DB>; clock: Clock },
  actor: Actor,
  orgId: string,
  rootPath: string,
  from: string,
  to: string,
  breakdown: boolean,
): Promise<Figures> {
  const childAt = breakdown ? depthOf(rootPath) + 3 : null;
  const totals = await createComplianceService(deps).complianceFigures(actor, orgId, from, to, childAt);
  const f: Figures = new Map();
  for (const [child, t] of totals)
    for (const m of MEASURES) {
      const v = t[m];
      if (v !== null) set(f, child, m, v);
    }
  return f;
}
