/**
 * The member sheet (Phiếu đảng viên, form 2-HSĐV, domain.md §4) as a model both renderers print: a header (the
 * organisations the member belongs to, sheet and card numbers, the photo box), numbered items of label and value,
 * and numbered tables. It is built from the member file as the members service reads it, and holds only what the
 * file holds: an item the file leaves empty is printed blank, as on the paper form.
 *
 * Sensitive groups (domain.md §4): discipline is in the model only when the reader may read sensitive groups
 * (`sensitive`), the CCCD is then in full, otherwise masked; family and political history only when the reader may
 * read them (`history`: the grassroots committee and above).
 */
import { RECORD_FIELDS, RELATIONSHIP_LABELS, type RecordKind, type Relationship } from '../../../domain/member-records.ts';
import { formatVnDate } from '../../../domain/dates.ts';
import { DISCIPLINE_FORM_LABELS, type DisciplineForm } from '../../../domain/discipline.ts';
import { MEMBER_STATUS_LABELS } from '../../../domain/member-event-labels.ts';
import type { MembersService } from '../members/members.service.ts';

/** The member file as the members service reads it (scope applied, sensitive groups only for those allowed). */
export type MemberFile = Awaited<ReturnType<MembersService['get']>>;

/** A numbered item, or a line under one ("- Giáo dục phổ thông: …"), of label and value. */
export interface SheetField {
  type: 'field';
  /** The item's number; absent on a sub-line. */
  no?: number;
  label: string;
  value: string;
}

/** A numbered table: a heading, column titles, rows of text; `empty` is printed when there is no row. */
export interface SheetTable {
  type: 'table';
  no: number;
  title: string;
  columns: string[];
  /** Relative widths of the columns (they need not add up to anything). */
  widths: number[];
  rows: string[][];
  empty: string;
}

export type SheetBlock = SheetField | SheetTable;

export interface SheetSection {
  title: string;
  blocks: SheetBlock[];
}

export interface SheetModel {
  /** The organisations above the member and his cell, outermost first (those the reader's scope covers). */
  orgLines: string[];
  sheetNo: string;
  cardNo: string;
  title: string;
  fullName: string;
  sections: SheetSection[];
  /** Place-and-date line and the two signatures at the foot of the form. */
  footer: { date: string; left: string; right: string };
  /** Sensitive groups printed on this sheet ('cccd', 'discipline', 'family', 'political'): audited by the caller. */
  sensitiveIncluded: string[];
}

export type { RecordKind };

/** A sub-record of the file (table member_record): its kind and its data as stored. */
export interface SheetRecord {
  kind: RecordKind;
  data: unknown;
}

export interface SheetInput {
  file: MemberFile;
  /** Catalogue code → name, by catalogue (ethnicity, religion, education…). */
  catalogues: Record<string, { code: string; name: string }[]>;
  orgLines: string[];
  residenceOrgName: string | null;
  /** The full CCCD for readers of sensitive groups, else the masked one, else null. */
  cccd: string | null;
  records: SheetRecord[];
  /** The reader may read the sensitive groups of this member (CCCD, discipline). */
  sensitive: boolean;
  /** The reader may read family and political history (the grassroots committee and above); default `sensitive`. */
  history?: boolean;
  today: string;
}

export const PARTY_LINE = 'ĐẢNG CỘNG SẢN VIỆT NAM';

const GENDER: Record<string, string> = { nam: 'Nam', nu: 'Nữ' };
const MEMBERSHIP: Record<string, string> = { official: 'Đảng viên chính thức', probationary: 'Đảng viên dự bị' };
const EARLY: Record<string, string> = { illness: 'Trao sớm do ốm đau nặng', posthumous: 'Truy tặng' };

/** Keys of a sub-record's data read as the start or the end of its period, or its single date, in that order. */
const FROM_KEYS = ['from', 'fromDate', 'startDate', 'start', 'startOn', 'fromOn', 'since'];
const TO_KEYS = ['to', 'toDate', 'endDate', 'end', 'endOn', 'toOn', 'until'];
const DATE_KEYS = ['date', 'year', 'birthYear', 'yearOfBirth', 'decisionDate', 'awardedOn'];
/**
 * Keys printed first, in this order (who, what, where, then notes); any other key follows, alphabetically: jsonb does
 * not keep the order in which a record's keys were written.
 */
const TEXT_ORDER = [
  'relation',
  'kind',
  'type',
  'fullName',
  'name',
  'title',
  'form',
  'unit',
  'organization',
  'org',
  'workplace',
  'school',
  'institution',
  'place',
  'country',
  'position',
  'role',
  'field',
  'major',
  'degree',
  'level',
  'occupation',
  'job',
  'residence',
  'address',
  'purpose',
  'content',
  'decisionNo',
  'political',
  'politicalNote',
  'note',
  'notes',
  'text',
  'description',
];
/** Keys never printed: identifiers and bookkeeping. */
const HIDDEN_KEYS = new Set(['id', 'memberId', 'member_id', 'sort', 'createdAt', 'updatedAt', 'created_at', 'updated_at']);

/**
 * Text as it may be printed: NFC, without the control characters and lone surrogates XML 1.0 and fonts cannot carry
 * (a name pasted from elsewhere may hold them; a Word file holding one would not open).
 */
export function printable(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- these are exactly the characters to remove
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/gu, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .normalize('NFC')
  );
}

/** '2020-05-19' → 19/05/2020, '2020-05' → 05/2020, a year stays a year, other text stays as it is. */
function dateText(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatVnDate(value);
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  return month ? `${month[2]}/${month[1]}` : value;
}

/** Any value of a sub-record as text: dates as DD/MM/YYYY, booleans as Có/Không, lists joined. */
function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return /^\d{4}-\d{2}(-\d{2})?$/.test(value) ? dateText(value) : value.trim();
  if (Array.isArray(value)) return value.map(valueText).filter(Boolean).join(', ');
  if (typeof value === 'object')
    return Object.values(value as Record<string, unknown>)
      .map(valueText)
      .filter(Boolean)
      .join(', ');
  return '';
}

/**
 * A sub-record printed generically, whatever the shape its data has: the period (from–to, or its date) and the
 * rest of its values, known keys first (TEXT_ORDER), then the others alphabetically.
 */
export function recordRow(data: unknown, kind?: RecordKind): [string, string] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return ['', valueText(data)];
  const d = { ...(data as Record<string, unknown>) };
  // A relative's relationship is stored as a code: print its name.
  if (typeof d.relationship === 'string') d.relationship = RELATIONSHIP_LABELS[d.relationship as Relationship] ?? d.relationship;
  // The kind's own fields print in the form's order (member-records.ts), anything else after them.
  const fieldOrder = kind ? RECORD_FIELDS[kind].map((x) => x.name) : [];
  const pick = (keys: string[]) => keys.find((k) => d[k] !== undefined && d[k] !== null && d[k] !== '');
  const fromKey = pick(FROM_KEYS);
  const toKey = pick(TO_KEYS);
  const dateKey = fromKey || toKey ? undefined : pick(DATE_KEYS);
  let period = '';
  if (fromKey || toKey) period = `${fromKey ? dateText(d[fromKey]) : '…'} – ${toKey ? dateText(d[toKey]) : 'nay'}`;
  else if (dateKey) period = dateText(d[dateKey]);
  const used = new Set([fromKey, toKey, dateKey]);
  const rank = (k: string) =>
    fieldOrder.includes(k) ? fieldOrder.indexOf(k) - fieldOrder.length : TEXT_ORDER.includes(k) ? TEXT_ORDER.indexOf(k) : TEXT_ORDER.length;
  const text = Object.keys(d)
    .filter((k) => !used.has(k) && !HIDDEN_KEYS.has(k))
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => valueText(d[k]))
    .filter(Boolean)
    .join('; ');
  return [period, text];
}

/** How the sections are written: the file's fields as text, and items and tables numbered in the order they are made. */
function sheetWriter(input: SheetInput) {
  const { file, catalogues } = input;
  const f = file.fields as Record<string, unknown>;
  const text = (name: string) => (typeof f[name] === 'string' ? (f[name] as string) : typeof f[name] === 'number' ? String(f[name]) : '');
  const date = (name: string) => formatVnDate(typeof f[name] === 'string' ? (f[name] as string) : null);
  const catalogue = (catalogueName: string, field: string) => {
    const code = text(field);
    return code ? (catalogues[catalogueName]?.find((c) => c.code === code)?.name ?? code) : '';
  };
  const join = (...parts: string[]) => parts.filter(Boolean).join(', ');

  let no = 0;
  const item = (label: string, value: string): SheetField => ({ type: 'field', no: ++no, label, value: printable(value) });
  const sub = (label: string, value: string): SheetField => ({ type: 'field', label, value: printable(value) });
  const table = (title: string, columns: string[], widths: number[], rows: string[][], empty = 'Không có.'): SheetTable => ({
    type: 'table',
    no: ++no,
    title,
    columns,
    widths,
    rows: rows.map((r) => r.map(printable)),
    empty,
  });
  const records = (kind: RecordKind) => input.records.filter((r) => r.kind === kind).map((r) => recordRow(r.data, kind));
  return { f, text, date, catalogue, join, item, sub, table, records };
}

type SheetWriter = ReturnType<typeof sheetWriter>;

/** I. The curriculum vitae: identity, addresses, origins, work and education. */
function personalSection(w: SheetWriter, input: SheetInput): SheetSection {
  const { f, text, date, catalogue, join, item, sub } = w;
  const birth = date('birthDate') || (f.birthYear ? `Năm ${text('birthYear')}` : '');
  return {
    title: 'I. SƠ YẾU LÝ LỊCH',
    blocks: [
      item('Họ và tên đang dùng', text('fullName')),
      item('Họ và tên khai sinh', text('birthName')),
      item('Tên gọi khác (bí danh)', text('alias')),
      item('Giới tính', GENDER[text('gender')] ?? text('gender')),
      item('Sinh ngày', birth),
      item('Số căn cước công dân', input.cccd ?? ''),
      item('Nơi sinh', text('birthplace')),
      item('Quê quán', text('hometown')),
      item('Nơi thường trú', text('permanentAddress')),
      item('Nơi ở hiện nay (tạm trú)', text('currentAddress')),
      item('Dân tộc', catalogue('ethnicity', 'ethnicity')),
      item('Tôn giáo', catalogue('religion', 'religion')),
      item('Thành phần gia đình', text('familyBackground')),
      item('Nghề nghiệp hiện nay', catalogue('occupation', 'occupation')),
      item('Nơi làm việc', text('workplace')),
      item('Chức vụ (đảng, chính quyền, đoàn thể)', text('position')),
      item('Trình độ', ''),
      sub('Giáo dục phổ thông', catalogue('general_education', 'generalEducation')),
      sub('Chuyên môn, nghiệp vụ', join(catalogue('professional_level', 'professionalLevel'), text('professionalField'))),
      sub('Học vị', text('academicDegree')),
      sub('Học hàm', text('academicTitle')),
      sub('Lý luận chính trị', catalogue('theory_level', 'theoryLevel')),
      sub('Quản lý nhà nước', catalogue('state_management', 'stateManagement')),
      sub('Ngoại ngữ', text('languages')),
      sub('Tin học', text('itLevel')),
    ],
  };
}

/** II. The member in the Party: admission, introducers, party age, status, cells, card. */
function partySection(w: SheetWriter, input: SheetInput): SheetSection {
  const { text, date, join, item, sub } = w;
  const { file } = input;
  const age = file.partyAge;
  const partyAge = age.official
    ? `${age.years} năm ${age.months} tháng ${age.days} ngày (tính đến ngày ${formatVnDate(input.today)})`
    : 'Chưa tính (đảng viên dự bị)';
  return {
    title: 'II. VỀ ĐẢNG',
    blocks: [
      item('Ngày vào Đảng (quyết định kết nạp)', formatVnDate(file.admittedOn)),
      sub('Ngày lễ kết nạp', date('ceremonyOn')),
      sub('Nơi kết nạp', text('admissionPlace')),
      item('Người giới thiệu', ''),
      sub('Người thứ nhất', text('introducer1')),
      sub('Người thứ hai', text('introducer2')),
      item('Ngày chính thức', formatVnDate(file.officialOn)),
      item('Ngày vào Đoàn TNCS Hồ Chí Minh', date('youthUnionOn')),
      item('Tuổi đảng', partyAge),
      item('Đảng viên', MEMBERSHIP[file.membership] ?? ''),
      item('Tình trạng sinh hoạt đảng', join(MEMBER_STATUS_LABELS[file.status] ?? file.status, file.leftOn ? `từ ngày ${formatVnDate(file.leftOn)}` : '')),
      item('Chi bộ đang sinh hoạt', file.org.name),
      item('Chi bộ nơi cư trú', input.residenceOrgName ?? ''),
      item('Số thẻ đảng viên, ngày cấp', join(text('cardNo'), date('cardIssuedOn'))),
    ],
  };
}

/** III. Commendations, Party badges, and discipline (the last only for readers of the sensitive groups). */
function rewardsSection(w: SheetWriter, input: SheetInput): SheetSection {
  const { join, table, records } = w;
  const age = input.file.partyAge;
  return {
    title: 'III. KHEN THƯỞNG, HUY HIỆU, KỶ LUẬT',
    blocks: [
      table('Khen thưởng', ['Thời gian', 'Hình thức, nội dung'], [1, 3], records('commendation')),
      table(
        'Huy hiệu Đảng',
        ['Huy hiệu', 'Ngày trao', 'Số quyết định', 'Ghi chú'],
        [2, 1, 1, 1.5],
        age.awards.map((a) => [
          `Huy hiệu ${a.milestone} năm tuổi Đảng`,
          formatVnDate(a.awardedOn),
          a.decisionNo ?? '',
          a.earlyReason ? (EARLY[a.earlyReason] ?? a.earlyReason) : '',
        ]),
      ),
      ...(input.sensitive
        ? [
            table(
              'Kỷ luật',
              ['Hình thức', 'Cấp quyết định', 'Số, ngày quyết định', 'Lý do'],
              [1, 1.3, 1.5, 2],
              age.disciplines.map((d) => [
                d.formName || (DISCIPLINE_FORM_LABELS[d.form as DisciplineForm] ?? d.form),
                d.decidingLevel,
                join(d.decisionNo, formatVnDate(d.decisionDate)),
                d.reason ?? '',
              ]),
            ),
          ]
        : []),
    ],
  };
}

/** IV. The member's history: work, training, trips, Party life, and family and political history for those allowed. */
function historySection(w: SheetWriter, input: SheetInput): SheetSection {
  const { join, table, records } = w;
  return {
    title: 'IV. QUÁ TRÌNH',
    blocks: [
      table('Quá trình công tác', ['Thời gian', 'Đơn vị, chức vụ'], [1, 3], records('work')),
      table('Đào tạo, bồi dưỡng', ['Thời gian', 'Trường, ngành học, văn bằng'], [1, 3], records('training')),
      table('Đi nước ngoài', ['Thời gian', 'Nước đến, nội dung'], [1, 3], records('trip')),
      table(
        'Quá trình sinh hoạt đảng',
        ['Ngày', 'Nội dung', 'Tổ chức đảng', 'Quyết định'],
        [1, 2.2, 2, 1.3],
        input.file.events.map((e) => [
          formatVnDate(e.effectiveDate),
          e.label,
          e.toOrg ? join(e.org?.name ?? '', `đến ${e.toOrg.name}`) : (e.org?.name ?? ''),
          join(e.decisionNo ?? '', formatVnDate(e.decisionDate)),
        ]),
      ),
      ...((input.history ?? input.sensitive)
        ? [
            table('Hoàn cảnh gia đình', ['Năm sinh, thời gian', 'Quan hệ, họ tên, nghề nghiệp, nơi ở, đặc điểm chính trị'], [1, 3], records('family')),
            table('Lịch sử chính trị', ['Thời gian', 'Nội dung'], [1, 3], records('political')),
          ]
        : []),
    ],
  };
}

/** Builds the sheet model from the member file: pure, the same input always gives the same sheet. */
export function buildSheetModel(input: SheetInput): SheetModel {
  const w = sheetWriter(input);
  // In this order: items and tables are numbered as they are made.
  const sections = [personalSection(w, input), partySection(w, input), rewardsSection(w, input), historySection(w, input)];
  return {
    orgLines: input.orgLines.map(printable),
    sheetNo: printable(w.text('sheetNo')),
    cardNo: printable(w.text('cardNo')),
    title: 'PHIẾU ĐẢNG VIÊN',
    fullName: printable(w.text('fullName')),
    sections,
    footer: { date: `Ngày in: ${formatVnDate(input.today)}`, left: 'XÁC NHẬN CỦA CẤP ỦY CƠ SỞ', right: 'NGƯỜI KHAI' },
    sensitiveIncluded: [
      ...(input.sensitive ? [...(input.cccd ? ['cccd'] : []), 'discipline'] : []),
      ...((input.history ?? input.sensitive) ? ['family', 'political'] : []),
    ],
  };
}
