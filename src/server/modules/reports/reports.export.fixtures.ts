/**
 * A report built by hand for the exports' and submissions' tests: two tables (members on a date with a comparison,
 * changes in a period with a check), Vietnamese labels, a percentage and an average. Used by tests only.
 */
import type { ReportResponse } from '../../../contract/reports.ts';

const link = { kind: 'members' as const, query: { orgId: 'x' } };
const cell = (value: number | null, previous?: number | null) => ({ value, ...(previous !== undefined ? { previous } : {}), link });

export function sampleReport(orgName = 'Đảng bộ xã Tân Lập', compare = true): ReportResponse {
  const c = (v: number | null, p: number | null) => (compare ? cell(v, p) : cell(v));
  return {
    scope: {
      org: { id: '00000000-0000-7000-8000-000000000001', name: orgName },
      asOf: '2025-12-31',
      from: '2025-01-01',
      to: '2025-12-31',
      fromYear: null,
      toYear: null,
      previous: compare ? { asOf: '2024-12-31', from: '2024-01-01', to: '2024-12-31' } : null,
      breakdown: null,
    },
    tables: [
      {
        key: 'members-composition',
        title: 'Đảng viên theo giới tính, độ tuổi, dân tộc',
        basis: 'date',
        columns: [
          { key: 'count', label: 'Số lượng', unit: 'count' },
          { key: 'share', label: 'Tỷ lệ', unit: 'percent' },
        ],
        rows: [
          { key: 'total', label: 'Tổng số đảng viên', level: 0, cells: [c(8716, 8520), c(100, 100)] },
          { key: 'women', label: 'Nữ', level: 1, cells: [c(3021, 2950), c(34.66, 34.62)] },
          { key: 'minority', label: 'Dân tộc thiểu số', level: 2, cells: [c(254, 260), c(2.91, 3.05)] },
          {
            key: 'avg-age',
            label: 'Tuổi bình quân',
            level: 1,
            cells: [
              { ...c(45.3, 45.1), link: null },
              { value: null, link: null },
            ],
          },
        ],
        checks: [],
        notes: ['Tuổi tính đến ngày báo cáo.'],
      },
      {
        key: 'member-changes',
        title: 'Biến động đảng viên trong kỳ',
        basis: 'period',
        columns: [{ key: 'count', label: 'Số lượng', unit: 'count' }],
        rows: [
          { key: 'opening', label: 'Đầu kỳ', level: 0, cells: [c(8520, 8400)] },
          { key: 'admitted', label: 'Kết nạp', level: 1, cells: [c(212, 180)] },
          { key: 'deceased', label: 'Từ trần', level: 1, cells: [c(16, 60)] },
          { key: 'closing', label: 'Cuối kỳ', level: 0, cells: [c(8716, 8520)] },
        ],
        checks: [{ label: 'Đầu kỳ + tăng − giảm = cuối kỳ', ok: true, detail: '8.520 + 212 − 16 = 8.716' }],
        notes: [],
      },
    ],
  };
}
