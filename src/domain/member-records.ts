/**
 * The sub-records of the member file (domain.md §4, "Sub-records"): work history, training, trips abroad,
 * commendations, family members and political history, as on the background form (Lý lịch đảng viên). One list of
 * fields per kind, with the labels users read: the server builds its validation from it and the web its forms and
 * tables, so the two cannot drift. Family and political history are sensitive: only the grassroots committee and
 * above may read them, never in a list, each reading recorded.
 */
import { partialDateBefore, type PartialDate } from './dates.ts';

export const RECORD_KINDS = ['work', 'training', 'trip', 'commendation', 'family', 'political'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const SENSITIVE_RECORD_KINDS = ['family', 'political'] as const satisfies readonly RecordKind[];
export type SensitiveRecordKind = (typeof SENSITIVE_RECORD_KINDS)[number];
export const OPEN_RECORD_KINDS = RECORD_KINDS.filter((k) => !isSensitiveRecordKind(k)) as Exclude<RecordKind, SensitiveRecordKind>[];

export function isSensitiveRecordKind(kind: string): kind is SensitiveRecordKind {
  return (SENSITIVE_RECORD_KINDS as readonly string[]).includes(kind);
}

/** The title of each group, as the tabs of the member file show it. */
export const RECORD_KIND_LABELS: Record<RecordKind, string> = {
  work: 'Quá trình công tác',
  training: 'Đào tạo bồi dưỡng',
  trip: 'Đi nước ngoài',
  commendation: 'Khen thưởng',
  family: 'Gia đình',
  political: 'Lịch sử chính trị',
};

/** Relatives the background form asks about, in the order it lists them. */
export const RELATIONSHIP_LABELS = {
  father: 'Cha',
  mother: 'Mẹ',
  spouse: 'Vợ/chồng',
  child: 'Con',
  sibling: 'Anh, chị, em ruột',
  father_in_law: 'Cha vợ/cha chồng',
  mother_in_law: 'Mẹ vợ/mẹ chồng',
  sibling_in_law: 'Anh, chị, em vợ/chồng',
  adoptive_parent: 'Cha, mẹ nuôi',
  other: 'Người thân khác',
} as const;
export type Relationship = keyof typeof RELATIONSHIP_LABELS;
export const RELATIONSHIPS = Object.keys(RELATIONSHIP_LABELS) as Relationship[];

/**
 * period: a day, a month or a year ('YYYY-MM-DD' | 'YYYY-MM' | 'YYYY'); date: a full day; year: a number;
 * text: one line; longText: several lines; relationship: one of RELATIONSHIPS.
 */
export type RecordFieldType = 'period' | 'date' | 'year' | 'text' | 'longText' | 'relationship';

export interface RecordFieldSpec {
  name: string;
  label: string;
  type: RecordFieldType;
  required?: boolean;
  /** Longest text accepted (characters). */
  max?: number;
  /** Usual values offered while typing; any other text is accepted. */
  suggestions?: readonly string[];
}

const from = (required = true): RecordFieldSpec => ({ name: 'from', label: 'Từ', type: 'period', required });
const to: RecordFieldSpec = { name: 'to', label: 'Đến', type: 'period' };

export const RECORD_FIELDS: Record<RecordKind, readonly RecordFieldSpec[]> = {
  work: [
    from(),
    to,
    { name: 'workplace', label: 'Đơn vị công tác', type: 'text', required: true, max: 255 },
    { name: 'position', label: 'Chức vụ', type: 'text', max: 255 },
  ],
  training: [
    from(),
    to,
    { name: 'institution', label: 'Tên trường, cơ sở đào tạo', type: 'text', required: true, max: 255 },
    { name: 'major', label: 'Ngành, chuyên ngành', type: 'text', max: 255 },
    {
      name: 'form',
      label: 'Hình thức đào tạo',
      type: 'text',
      max: 100,
      suggestions: ['Chính quy', 'Tại chức', 'Vừa làm vừa học', 'Từ xa', 'Liên thông', 'Văn bằng 2', 'Bồi dưỡng', 'Tập trung', 'Không tập trung'],
    },
    { name: 'qualification', label: 'Văn bằng, chứng chỉ', type: 'text', max: 255 },
  ],
  trip: [
    from(),
    to,
    { name: 'country', label: 'Nước đến', type: 'text', required: true, max: 100 },
    { name: 'purpose', label: 'Mục đích', type: 'text', max: 500 },
    { name: 'fundedBy', label: 'Kinh phí', type: 'text', max: 255, suggestions: ['Ngân sách nhà nước', 'Cơ quan, đơn vị', 'Tự túc', 'Nước ngoài tài trợ'] },
  ],
  commendation: [
    { name: 'date', label: 'Ngày quyết định', type: 'date', required: true },
    {
      name: 'form',
      label: 'Hình thức khen thưởng',
      type: 'text',
      required: true,
      max: 255,
      suggestions: ['Giấy khen', 'Bằng khen', 'Huân chương Lao động hạng Ba', 'Chiến sĩ thi đua cơ sở', 'Đảng viên hoàn thành xuất sắc nhiệm vụ tiêu biểu'],
    },
    { name: 'decidingLevel', label: 'Cấp quyết định', type: 'text', max: 255 },
    { name: 'decisionNo', label: 'Số quyết định', type: 'text', max: 100 },
  ],
  family: [
    { name: 'relationship', label: 'Quan hệ', type: 'relationship', required: true },
    { name: 'fullName', label: 'Họ và tên', type: 'text', required: true, max: 150 },
    { name: 'birthYear', label: 'Năm sinh', type: 'year' },
    { name: 'occupation', label: 'Nghề nghiệp', type: 'text', max: 255 },
    { name: 'residence', label: 'Nơi ở', type: 'text', max: 255 },
    { name: 'politicalNotes', label: 'Lịch sử, thái độ chính trị', type: 'longText', max: 2000 },
  ],
  political: [
    from(false),
    to,
    { name: 'description', label: 'Nội dung (bị bắt, bị tù, làm việc trong chế độ cũ…)', type: 'longText', required: true, max: 2000 },
  ],
};

/** Years accepted for a year of birth. */
export const BIRTH_YEAR_RANGE = { min: 1850, max: 2100 } as const;

/** A record's data as stored and sent: absent fields are left out. */
export type RecordData = Record<string, string | number>;

export function recordFieldLabel(kind: RecordKind, name: string): string {
  return RECORD_FIELDS[kind].find((f) => f.name === name)?.label ?? name;
}

/** The message when a period ends before it begins; null when it does not. */
export function periodOrderProblem(data: { from?: PartialDate | undefined; to?: PartialDate | undefined }): string | null {
  if (data.from && data.to && partialDateBefore(data.to, data.from)) return '«Đến» không được trước «Từ».';
  return null;
}

/**
 * The order records are shown in: by date for the periods and commendations (oldest first, undated last), relatives
 * in the form's order and then by year of birth; the order of entry breaks ties.
 */
export function compareRecords(a: { kind: RecordKind; data: RecordData; sort: number }, b: { kind: RecordKind; data: RecordData; sort: number }): number {
  const key = (r: { kind: RecordKind; data: RecordData }): string => {
    if (r.kind === 'family') {
      const rank = RELATIONSHIPS.indexOf(r.data.relationship as Relationship);
      return `${String(rank).padStart(2, '0')}:${r.data.birthYear ?? '9999'}`;
    }
    const date = r.kind === 'commendation' ? r.data.date : r.data.from;
    return typeof date === 'string' ? date : '~';
  };
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : a.sort - b.sort;
}
