/**
 * The inspection statistics' layout (issue 15 part 6): inspections and supervisions concluded in the period by subject
 * type, those outside any plan, the violations found; the plan's progress; the cases by source (complaints,
 * denunciations…) and their outcome; the party disciplines by subject type and form and the complaints against them
 * (read from the discipline module). Cells of items lead to the inspection item list, those of disciplines to the list
 * of decisions or complaints (`/api/inspection/disciplines`, sensitive); the cases have no list behind them here.
 */
import { CASE_SOURCE_LABELS, CASE_SOURCES } from '../../../contract/inspection.ts';
import type { Layout, LayoutRow } from './reports.layouts.ts';

const heading = (key: string, label: string): LayoutRow => ({ key, label, level: 0, measure: null, link: null });
const row = (key: string, label: string, level: 0 | 1 | 2, link: Record<string, string> | null, unit?: 'percent'): LayoutRow => ({
  key,
  label,
  level,
  measure: key,
  link,
  ...(unit ? { unit } : {}),
});

const kindRows = (kind: 'inspection' | 'supervision', label: string): LayoutRow[] => {
  const base = { concludedIn: 'true', kind };
  return [
    heading(kind, label),
    row(`${kind}:all`, `Số cuộc ${label.toLowerCase()} đã kết luận`, 1, base),
    row(`${kind}:org`, 'Đối với tổ chức đảng', 2, { ...base, subjectType: 'org' }),
    row(`${kind}:member`, 'Đối với đảng viên', 2, { ...base, subjectType: 'member' }),
    row(`${kind}:arising`, 'Trong đó: ngoài kế hoạch (phát sinh)', 2, { ...base, arising: 'true' }),
    row(`${kind}:violations`, 'Phát hiện vi phạm', 2, { ...base, violation: 'true' }),
  ];
};

const FORM_LABELS = { reprimand: 'Khiển trách', warning: 'Cảnh cáo', removal: 'Cách chức', expulsion: 'Khai trừ', dissolution: 'Giải tán' } as const;
const disciplineRow = (key: string, label: string, level: 1 | 2, link: Record<string, string>): LayoutRow => ({
  ...row(key, label, level, link),
  linkKind: 'disciplines',
});
const subjectRows = (kind: 'member' | 'org', label: string, forms: (keyof typeof FORM_LABELS)[]): LayoutRow[] => [
  disciplineRow(`discipline:${kind}:all`, label, 1, { subjectKind: kind }),
  ...forms.map((form) => disciplineRow(`discipline:${kind}:${form}`, FORM_LABELS[form], 2, { subjectKind: kind, form })),
];

export const inspectionWork: Layout = {
  key: 'inspection-work',
  version: 'UBKTTW-TK-2025',
  title: 'Công tác kiểm tra, giám sát và giải quyết vụ việc',
  basis: 'period',
  linkKind: 'inspection',
  columns: [{ key: 'count', label: 'Số lượng', unit: 'count', value: 'measure' }],
  rows: [
    ...kindRows('inspection', 'Kiểm tra'),
    ...kindRows('supervision', 'Giám sát'),
    heading('plan', 'Thực hiện kế hoạch kiểm tra, giám sát'),
    row('plan:planned', 'Số việc trong kế hoạch đến hạn trong kỳ', 1, {}),
    row('plan:concluded', 'Đã kết luận', 1, { status: 'concluded' }),
    row('plan:percent', 'Tỷ lệ hoàn thành kế hoạch (%)', 1, null, 'percent'),
    heading('cases', 'Vụ việc có dấu hiệu vi phạm'),
    row('cases:opened', 'Vụ việc mở trong kỳ', 1, null),
    ...CASE_SOURCES.map((s) => row(`cases:source:${s}`, CASE_SOURCE_LABELS[s], 2, null)),
    row('cases:member', 'Đối với đảng viên', 2, null),
    row('cases:org', 'Đối với tổ chức đảng', 2, null),
    row('cases:concluded', 'Vụ việc kết luận trong kỳ', 1, null),
    row('cases:violations', 'Kết luận có vi phạm', 2, null),
    row('cases:to_discipline', 'Đề nghị xem xét kỷ luật', 2, null),
    heading('discipline', 'Thi hành kỷ luật đảng'),
    disciplineRow('discipline:all', 'Số quyết định kỷ luật trong kỳ', 1, {}),
    ...subjectRows('org', 'Đối với tổ chức đảng', ['reprimand', 'warning', 'dissolution']),
    ...subjectRows('member', 'Đối với đảng viên', ['reprimand', 'warning', 'removal', 'expulsion']),
    heading('complaints', 'Giải quyết khiếu nại kỷ luật đảng'),
    disciplineRow('complaints:received', 'Khiếu nại nhận trong kỳ', 1, { complaint: 'received' }),
    disciplineRow('complaints:decided', 'Đã giải quyết trong kỳ', 1, { complaint: 'decided' }),
    disciplineRow('complaints:upheld', 'Giữ nguyên quyết định kỷ luật', 2, { complaint: 'upheld' }),
    disciplineRow('complaints:changed', 'Thay đổi hình thức kỷ luật', 2, { complaint: 'changed' }),
    disciplineRow('complaints:revoked', 'Xóa, hủy bỏ quyết định kỷ luật', 2, { complaint: 'revoked' }),
  ],
  notes: [
    'Cuộc kiểm tra, giám sát được tính vào kỳ có ngày kết luận; tổ chức thực hiện theo vị trí hiện nay trên cây tổ chức.',
    'Tỷ lệ hoàn thành = số việc trong kế hoạch đến hạn trong kỳ đã kết luận đến cuối kỳ ÷ số việc trong kế hoạch đến hạn trong kỳ (không tính việc đã hủy); việc phát sinh ngoài kế hoạch tính riêng.',
    'Khiếu nại, tố cáo: các vụ việc mở theo nguồn «Khiếu nại», «Tố cáo».',
    'Kỷ luật: quyết định kỷ luật đảng có ngày quyết định trong kỳ, theo tổ chức của đối tượng (tổ chức bị kỷ luật, hoặc nơi đảng viên sinh hoạt ngày quyết định) ở vị trí hiện nay; khiếu nại tính theo ngày nộp đơn (nhận) và ngày có kết quả giải quyết (đã giải quyết).',
  ],
};
