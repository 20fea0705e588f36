/**
 * The standard tables' layouts AS DATA (issue 14 part 2): rows, columns, labels, which measure each cell reads and
 * which drill-down filters its link carries. A new version of a form is a new layout object here, not new code: the
 * service (reports.tables.ts) reads a layout's rows and columns against the figures a table's query answers.
 *
 * A measure is a key of the figures of one organisation (`all`, `gender:nu`, `age:31_40`, `ethnicity:02`, …). A row's
 * `link` is the query of the list behind it, the organisation added by the service; `null` leaves the row without a
 * link (a heading). Its values may hold tokens the service fills: {asOf} the date, {from} {to} the period, {opening}
 * the day before it, {code} the expanded code, {Y} a year (the row's or the column's), {Yfrom} {Yto} that year's days
 * within the span. Rows and columns may be expanded (`expand`): one per code of a catalogue, or per year of the span.
 */
import { CATALOGUES } from '../../../domain/catalogues.ts';
import type { ReportTableKey } from '../../../contract/reports.ts';
import { inspectionWork } from './reports.inspection.layout.ts';
import { meetingsComplianceLayout } from './reports.meetings.ts';
import { directivesTasksLayout } from './reports.directives.ts';

export type Unit = 'count' | 'percent' | 'years';

export interface LayoutColumn {
  key: string;
  label: string;
  unit: Unit;
  /** `share`: the row's measure as a percentage of `of` (a measure of the same organisation). */
  value: 'measure' | 'share';
  /** For `share`: the measure of the whole ({group}: the part of the row's measure before ':'). */
  of?: string;
  /** Appended to the row's measure (one row, several figures: `year:2021:rated`). */
  suffix?: string;
  /** One column per year of the span (`{code}` in key and label the year); the cell reads `<measure>@<year>`. */
  expand?: 'years';
}

export interface LayoutRow {
  key: string;
  label: string;
  level: 0 | 1 | 2;
  /** The measure a cell reads; null for a heading. */
  measure: string | null;
  /** Filters added to the table's base link; null: no link. */
  link: Record<string, string> | null;
  /** The row's own unit (an average age in a column of counts). */
  unit?: Unit;
  /** The list this row links to when not the table's. */
  linkKind?: LinkKind;
  /** Rows from a catalogue: one per code (`{code}` in measure and link replaced), only those with a figure when `nonZero`. */
  expand?: { catalogue: string; except?: string[]; nonZero?: boolean; unknown?: boolean };
}

/** Where a table's links lead and which time the table reads. */
export type LayoutBasis = 'date' | 'period' | 'years';
export type LinkKind = 'members' | 'orgs' | 'evaluation' | 'inspection' | 'meetings' | 'disciplines' | 'directives';

export interface Layout {
  key: ReportTableKey;
  /** The form and its version the layout follows. */
  version: string;
  title: string;
  basis: LayoutBasis;
  /** The list the cells link to. */
  linkKind: LinkKind;
  columns: LayoutColumn[];
  rows: LayoutRow[];
  notes: string[];
}

const COUNT: LayoutColumn = { key: 'count', label: 'Số lượng', unit: 'count', value: 'measure' };
const share = (of: string): LayoutColumn => ({ key: 'share', label: 'Tỷ lệ (%)', unit: 'percent', value: 'share', of });

const heading = (key: string, label: string): LayoutRow => ({ key, label, level: 0, measure: null, link: null });
const row = (key: string, label: string, level: 0 | 1 | 2, measure: string, link: Record<string, string> | null): LayoutRow => ({
  key,
  label,
  level,
  measure,
  link,
});

/** One row per code of a catalogue, plus "chưa rõ" for a record without it. */
function catalogueRows(catalogue: string, measure: string, field: string, opts: { except?: string[]; nonZero?: boolean; level?: 1 | 2 } = {}): LayoutRow[] {
  return [
    {
      key: `${measure}:{code}`,
      label: '{name}',
      level: opts.level ?? 1,
      measure: `${measure}:{code}`,
      link: { [field]: '{code}' },
      expand: { catalogue, ...(opts.except ? { except: opts.except } : {}), ...(opts.nonZero ? { nonZero: true } : {}), unknown: true },
    },
  ];
}

/** Organisations by kind on a date (the subtree below the chosen organisation, on the tree of that date). */
const orgsByKind: Layout = {
  key: 'orgs-by-kind',
  version: 'BTCTW-TK1-2025',
  title: 'Tổ chức đảng theo loại hình tổ chức',
  basis: 'date',
  linkKind: 'orgs',
  columns: [COUNT],
  rows: [
    row('all', 'Tổng số tổ chức đảng trực thuộc', 0, 'all', {}),
    {
      key: 'kind:{code}',
      label: '{name}',
      level: 1,
      measure: 'kind:{code}',
      link: { kind: '{code}' },
      expand: { catalogue: 'org_kind', except: ['dang_bo_tinh'] },
    },
    row('grassroots', 'Trong đó: tổ chức cơ sở đảng', 2, 'grassroots', { grassroots: 'true' }),
  ],
  notes: ['Đếm các tổ chức đảng trực thuộc (không tính chính tổ chức được chọn) theo cây tổ chức tại ngày báo cáo.'],
};

/** Grassroots organisations by sector type on a date. */
const orgsBySector: Layout = {
  key: 'orgs-by-sector',
  version: 'BTCTW-TK1-2025',
  title: 'Tổ chức cơ sở đảng theo loại hình cơ sở',
  basis: 'date',
  linkKind: 'orgs',
  columns: [COUNT, share('grassroots')],
  rows: [
    row('grassroots', 'Tổng số tổ chức cơ sở đảng', 0, 'grassroots', { grassroots: 'true' }),
    {
      key: 'sector:{code}',
      label: '{name}',
      level: 1,
      measure: 'sector:{code}',
      link: { grassroots: 'true', sector: '{code}' },
      expand: { catalogue: 'sector_type', unknown: true },
    },
  ],
  notes: ['Loại hình của tổ chức cơ sở đảng theo phiên bản hiệu lực tại ngày báo cáo.'],
};

/** Members on a date by their composition (domain.md §4, §5). */
const membersComposition: Layout = {
  key: 'members-composition',
  version: 'BTCTW-TK2-2025',
  title: 'Đảng viên theo cơ cấu',
  basis: 'date',
  linkKind: 'members',
  columns: [COUNT, share('all')],
  rows: [
    row('all', 'Tổng số đảng viên', 0, 'all', {}),
    row('women', 'Nữ', 1, 'gender:nu', { gender: 'nu' }),
    row('official', 'Đảng viên chính thức', 1, 'ms:official', { membership: 'official' }),
    row('probationary', 'Đảng viên dự bị', 1, 'ms:probationary', { membership: 'probationary' }),
    heading('age', 'Độ tuổi'),
    row('age:le30', 'Từ 30 tuổi trở xuống', 1, 'age:le30', { ageTo: '30' }),
    row('age:31_40', 'Từ 31 đến 40 tuổi', 1, 'age:31_40', { ageFrom: '31', ageTo: '40' }),
    row('age:41_50', 'Từ 41 đến 50 tuổi', 1, 'age:41_50', { ageFrom: '41', ageTo: '50' }),
    row('age:51_60', 'Từ 51 đến 60 tuổi', 1, 'age:51_60', { ageFrom: '51', ageTo: '60' }),
    row('age:ge61', 'Từ 61 tuổi trở lên', 1, 'age:ge61', { ageFrom: '61' }),
    { ...row('age:avg', 'Tuổi bình quân', 1, 'age:avg', {}), unit: 'years' },
    heading('ethnicity', 'Dân tộc'),
    row('ethnicity:kinh', 'Dân tộc Kinh', 1, 'ethnicity:01', { ethnicityGroup: 'kinh' }),
    row('ethnicity:minority', 'Dân tộc thiểu số', 1, 'ethnicity:minority', { ethnicityGroup: 'minority' }),
    ...catalogueRows('ethnicity', 'ethnicity', 'ethnicity', { except: ['01'], nonZero: true, level: 2 }),
    heading('religion', 'Tôn giáo'),
    row('religion:any', 'Có tôn giáo', 1, 'religion:any', { religion: 'any' }),
    ...catalogueRows('religion', 'religion', 'religion', { except: ['khong'], level: 2 }),
    heading('edu', 'Trình độ giáo dục phổ thông'),
    ...catalogueRows('general_education', 'edu', 'generalEducation'),
    heading('prof', 'Trình độ chuyên môn'),
    ...catalogueRows('professional_level', 'prof', 'professionalLevel'),
    heading('theory', 'Trình độ lý luận chính trị'),
    ...catalogueRows('theory_level', 'theory', 'theoryLevel'),
    heading('occ', 'Nghề nghiệp'),
    ...catalogueRows('occupation', 'occ', 'occupation'),
    heading('pa', 'Tuổi đảng (đảng viên chính thức)'),
    row('pa:lt10', 'Dưới 10 năm', 1, 'pa:lt10', { membership: 'official', partyAgeTo: '9' }),
    row('pa:10_19', 'Từ 10 đến dưới 20 năm', 1, 'pa:10_19', { membership: 'official', partyAgeFrom: '10', partyAgeTo: '19' }),
    row('pa:20_29', 'Từ 20 đến dưới 30 năm', 1, 'pa:20_29', { membership: 'official', partyAgeFrom: '20', partyAgeTo: '29' }),
    row('pa:30_39', 'Từ 30 đến dưới 40 năm', 1, 'pa:30_39', { membership: 'official', partyAgeFrom: '30', partyAgeTo: '39' }),
    row('pa:40_49', 'Từ 40 đến dưới 50 năm', 1, 'pa:40_49', { membership: 'official', partyAgeFrom: '40', partyAgeTo: '49' }),
    row('pa:ge50', 'Từ 50 năm trở lên', 1, 'pa:ge50', { membership: 'official', partyAgeFrom: '50' }),
    heading('badge', 'Huy hiệu Đảng đã nhận'),
    ...[30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90].map((k) => row(`badge:${k}`, `Huy hiệu ${k} năm tuổi Đảng`, 1, `badge:${k}`, { badge: String(k) })),
  ],
  notes: [
    'Đảng viên trong danh sách của các tổ chức thuộc cây tổ chức tại ngày báo cáo; tuổi và tuổi đảng tính tròn năm tại ngày đó.',
    'Dân tộc thiểu số: mọi dân tộc trừ Kinh và người nước ngoài. Có tôn giáo: có ghi tôn giáo, trừ «Không».',
  ],
};

/** The changes of a period; the check row: opening + in − out = closing. */
const memberChanges: Layout = {
  key: 'member-changes',
  version: 'BTCTW-TK3-2025',
  title: 'Biến động đảng viên trong kỳ',
  basis: 'period',
  linkKind: 'members',
  columns: [COUNT],
  rows: [
    row('opening', 'Số đảng viên đầu kỳ', 0, 'opening', { asOf: '{opening}' }),
    heading('in', 'Tăng trong kỳ'),
    row('admitted', 'Kết nạp', 1, 'admitted', { change: 'admitted' }),
    row('admitted:women', 'Trong đó: nữ', 2, 'admitted:women', { change: 'admitted', gender: 'nu' }),
    row('admitted:minority', 'Trong đó: dân tộc thiểu số', 2, 'admitted:minority', { change: 'admitted', ethnicityGroup: 'minority' }),
    row('admitted:youth', 'Trong đó: đoàn viên', 2, 'admitted:youth', { change: 'admitted', youthUnion: 'true' }),
    row('admitted:religious', 'Trong đó: có tôn giáo', 2, 'admitted:religious', { change: 'admitted', religion: 'any' }),
    row('readmitted', 'Kết nạp lại', 1, 'readmitted', { change: 'readmitted' }),
    row('transferred_in', 'Chuyển đến (từ ngoài đảng bộ)', 1, 'transferred_in', { change: 'transferred_in' }),
    heading('out', 'Giảm trong kỳ'),
    row('transferred_out', 'Chuyển đi (ra ngoài đảng bộ)', 1, 'transferred_out', { change: 'transferred_out' }),
    row('deceased', 'Từ trần', 1, 'deceased', { change: 'deceased' }),
    row('struck_off', 'Xóa tên', 1, 'struck_off', { change: 'struck_off' }),
    row('allowed_to_leave', 'Cho ra khỏi Đảng', 1, 'allowed_to_leave', { change: 'allowed_to_leave' }),
    row('expelled', 'Khai trừ', 1, 'expelled', { change: 'expelled' }),
    heading('other', 'Khác'),
    row('recognized_official', 'Công nhận đảng viên chính thức', 1, 'recognized_official', { change: 'recognized_official' }),
    row('moved_in', 'Chuyển sinh hoạt trong nội bộ đảng bộ', 1, 'moved_in', { change: 'moved_in' }),
    heading('discipline', 'Kỷ luật đảng'),
    row('disciplined:reprimand', 'Khiển trách', 1, 'disciplined:reprimand', { change: 'disciplined', disciplineForm: 'reprimand' }),
    row('disciplined:warning', 'Cảnh cáo', 1, 'disciplined:warning', { change: 'disciplined', disciplineForm: 'warning' }),
    row('disciplined:removal', 'Cách chức', 1, 'disciplined:removal', { change: 'disciplined', disciplineForm: 'removal' }),
    row('disciplined:expulsion', 'Khai trừ (kỷ luật)', 1, 'disciplined:expulsion', { change: 'disciplined', disciplineForm: 'expulsion' }),
    row('closing', 'Số đảng viên cuối kỳ', 0, 'closing', { asOf: '{to}' }),
  ],
  notes: [
    'Mỗi sự kiện được tính theo cây tổ chức tại ngày của sự kiện. Chuyển sinh hoạt được tính vào ngày tổ chức nơi đến xác nhận (ngày đảng viên chuyển danh sách).',
    'Kiểm tra: đầu kỳ + tăng − giảm = cuối kỳ (kết nạp, kết nạp lại, chuyển đến; chuyển đi, từ trần, xóa tên, cho ra khỏi Đảng, khai trừ).',
  ],
};

const LEVEL_ROWS = (subject: 'org' | 'member', total: string) => [
  row(`${subject}:total`, total, 0, `${subject}:total`, null),
  row(`${subject}:excellent`, 'Hoàn thành xuất sắc nhiệm vụ', 1, `${subject}:excellent`, { subject, level: 'excellent' }),
  row(`${subject}:good`, 'Hoàn thành tốt nhiệm vụ', 1, `${subject}:good`, { subject, level: 'good' }),
  row(`${subject}:completed`, 'Hoàn thành nhiệm vụ', 1, `${subject}:completed`, { subject, level: 'completed' }),
  row(`${subject}:not_completed`, 'Không hoàn thành nhiệm vụ', 1, `${subject}:not_completed`, { subject, level: 'not_completed' }),
];

/** Evaluation results of a year (the evaluation module's published figures). */
const evaluation: Layout = {
  key: 'evaluation',
  version: 'QD366-2025',
  title: 'Kết quả đánh giá, xếp loại chất lượng',
  basis: 'years',
  linkKind: 'evaluation',
  columns: [COUNT, share('{group}:total')],
  rows: [...LEVEL_ROWS('org', 'Số tổ chức cơ sở đảng được xếp loại'), ...LEVEL_ROWS('member', 'Số đảng viên được xếp loại')],
  notes: ['Kết quả đã công bố của năm (năm của ngày báo cáo, hoặc «toYear»). Các năm trước 2018 theo thang TSVM được quy đổi (TSVM ↔ Hoàn thành xuất sắc).'],
};

/** The share of excellent grassroots organisations over a span of years, with its range. */
const excellentShare: Layout = {
  key: 'excellent-share',
  version: 'QD366-2025',
  title: 'Tỷ lệ tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ qua các năm',
  basis: 'years',
  linkKind: 'evaluation',
  columns: [
    { key: 'rated', label: 'Số TCCSĐ được xếp loại', unit: 'count', value: 'measure', suffix: ':rated' },
    { key: 'excellent', label: 'Hoàn thành xuất sắc', unit: 'count', value: 'measure', suffix: ':excellent' },
    { key: 'share', label: 'Tỷ lệ (%)', unit: 'percent', value: 'measure', suffix: ':share' },
  ],
  rows: [
    { key: 'year:{code}', label: 'Năm {name}', level: 1, measure: 'year:{code}', link: { subject: 'org', level: 'excellent' }, expand: { catalogue: 'years' } },
    row('min', 'Thấp nhất', 0, 'min', null),
    row('max', 'Cao nhất', 0, 'max', null),
  ],
  notes: ['Dòng «Thấp nhất – cao nhất» cho biết khoảng tỷ lệ qua các năm có kết quả (ví dụ 73,55 – 78,37%).'],
};

/** Admissions per year over a span (the last year may end mid-year). */
const admissionsSpan: Layout = {
  key: 'admissions-span',
  version: 'BTCTW-TK3-2025',
  title: 'Kết nạp đảng viên qua các năm',
  basis: 'years',
  linkKind: 'members',
  columns: [COUNT],
  rows: [
    { key: 'year:{code}', label: 'Năm {name}', level: 1, measure: 'year:{code}', link: { change: 'admitted' }, expand: { catalogue: 'years' } },
    row('total', 'Tổng số', 0, 'total', { change: 'admitted', changeFrom: '{from}', changeTo: '{to}' }),
    row('average', 'Bình quân mỗi năm', 0, 'average', null),
  ],
  notes: ['Bình quân = tổng số ÷ số năm của khoảng (khoảng kết thúc giữa năm được tính theo số ngày: đến 31/10 là 0,83 năm).'],
};

/** The annex of a congress report: the same rows for each year of a term, side by side (columns are years). */
const termAnnex: Layout = {
  key: 'term-annex',
  version: 'DH-PHULUC-2025',
  title: 'Phụ lục số liệu các năm trong nhiệm kỳ',
  basis: 'years',
  linkKind: 'members',
  columns: [{ key: 'year:{code}', label: '{code}', unit: 'count', value: 'measure', expand: 'years' }],
  rows: [
    { ...row('grassroots', 'Số tổ chức cơ sở đảng (31/12)', 0, 'grassroots', { grassroots: 'true' }), linkKind: 'orgs' },
    row('all', 'Số đảng viên (31/12)', 0, 'all', {}),
    row('women', 'Trong đó: nữ', 2, 'gender:nu', { gender: 'nu' }),
    row('minority', 'Trong đó: dân tộc thiểu số', 2, 'ethnicity:minority', { ethnicityGroup: 'minority' }),
    row('admitted', 'Kết nạp trong năm', 1, 'admitted', { change: 'admitted' }),
    row('transferred_in', 'Chuyển đến', 1, 'transferred_in', { change: 'transferred_in' }),
    row('transferred_out', 'Chuyển đi', 1, 'transferred_out', { change: 'transferred_out' }),
    row('deceased', 'Từ trần', 1, 'deceased', { change: 'deceased' }),
    row('struck_off', 'Xóa tên', 1, 'struck_off', { change: 'struck_off' }),
    row('expelled', 'Khai trừ', 1, 'expelled', { change: 'expelled' }),
    { ...row('org:excellent', 'TCCSĐ hoàn thành xuất sắc nhiệm vụ', 1, 'org:excellent', { subject: 'org', level: 'excellent' }), linkKind: 'evaluation' },
  ],
  notes: ['Mỗi cột là một năm của nhiệm kỳ (từ «fromYear» đến «toYear»); số tại ngày 31/12 của năm, biến động trong năm.'],
};

export const LAYOUTS: Record<ReportTableKey, Layout> = {
  'orgs-by-kind': orgsByKind,
  'orgs-by-sector': orgsBySector,
  'members-composition': membersComposition,
  'member-changes': memberChanges,
  evaluation,
  'excellent-share': excellentShare,
  'admissions-span': admissionsSpan,
  'term-annex': termAnnex,
  'inspection-work': inspectionWork,
  'meetings-compliance': meetingsComplianceLayout,
  'directives-tasks': directivesTasksLayout,
};

/** The member file's catalogues the composition rows expand (org_kind and sector_type come from the database, years from the span). */
export const STATIC_CATALOGUES = CATALOGUES;
