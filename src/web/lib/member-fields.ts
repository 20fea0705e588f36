/**
 * The member file's field groups as on the official member sheet (form 2-HSĐV, domain.md §4), one description per
 * field: label, kind, limits. The file page shows each group from it and each group's "Sửa" form is built from it,
 * so the two never disagree. Limits and messages copy src/contract/members.ts.
 *
 * Rule: a blank input clears the field (null is sent), except the CCCD while it is only known masked: the form
 * cannot show the stored number, so a blank CCCD then keeps it.
 */
import type { FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Catalogues, MemberFieldName, MemberFile, UpdateMemberBody } from '../../contract/members.ts';
import { formatDate, fromIso, toIso, validDate } from './dates.ts';
import { GENDER_NAMES } from './labels.ts';

export type MemberGroupKey = 'identity' | 'personal' | 'work' | 'party';

export type FieldKind =
  | { type: 'text'; max: number }
  | { type: 'date' }
  | { type: 'year' }
  | { type: 'gender' }
  | { type: 'catalogue'; catalogue: string }
  | { type: 'cccd' }
  | { type: 'phone' }
  | { type: 'email' }
  | { type: 'org' };

/** Facts of the file that are not editable fields: dates set by decisions (life events). */
export type FileFact = 'admittedOn' | 'officialOn';

export interface FieldSpec {
  name: MemberFieldName;
  label: string;
  kind: FieldKind;
  required?: boolean;
  /** Takes the whole row of the two-column description. */
  wide?: boolean;
  /** Shown in the form only (its value is shown with another field). */
  formOnly?: boolean;
  /** Help under the input. */
  extra?: string;
  placeholder?: string;
}

export type GroupItem = FieldSpec | { fact: FileFact; label: string };

export interface GroupSpec {
  key: MemberGroupKey;
  title: string;
  items: GroupItem[];
  /** Shown above the fields of the group's form. */
  intro?: string;
}

export const isFact = (item: GroupItem): item is { fact: FileFact; label: string } => 'fact' in item;

const text = (max = 255): FieldKind => ({ type: 'text', max });
const catalogue = (name: string): FieldKind => ({ type: 'catalogue', catalogue: name });
const date: FieldKind = { type: 'date' };

export const CCCD_MESSAGE = 'Số CCCD phải gồm đúng 12 chữ số.';
export const CCCD_PATTERN = /^\d{12}$/u;
const PHONE_PATTERN = /^[0-9+ .()-]{6,20}$/u;

export const MEMBER_GROUPS: GroupSpec[] = [
  {
    key: 'identity',
    title: 'Lý lịch',
    items: [
      { name: 'fullName', label: 'Họ và tên', kind: text(150), required: true },
      { name: 'birthName', label: 'Họ và tên khai sinh', kind: text(150) },
      { name: 'alias', label: 'Bí danh', kind: text(150) },
      { name: 'gender', label: 'Giới tính', kind: { type: 'gender' }, required: true },
      { name: 'birthDate', label: 'Ngày sinh', kind: date },
      {
        name: 'birthYear',
        label: 'Năm sinh',
        kind: { type: 'year' },
        formOnly: true,
        extra: 'Chỉ điền khi hồ sơ cũ không ghi rõ ngày sinh.',
      },
      { name: 'cccd', label: 'Số CCCD', kind: { type: 'cccd' } },
      { name: 'sheetNo', label: 'Số lý lịch', kind: text(50) },
      { name: 'cardNo', label: 'Số thẻ đảng viên', kind: text(50) },
      { name: 'cardIssuedOn', label: 'Ngày cấp thẻ', kind: date },
      { name: 'nationalDbId', label: 'Mã CSDL quốc gia', kind: text(50) },
    ],
  },
  {
    key: 'personal',
    title: 'Thông tin cá nhân',
    items: [
      { name: 'birthplace', label: 'Nơi sinh', kind: text() },
      { name: 'hometown', label: 'Quê quán', kind: text() },
      { name: 'permanentAddress', label: 'Địa chỉ thường trú', kind: text(), wide: true },
      { name: 'currentAddress', label: 'Nơi ở hiện nay', kind: text(), wide: true },
      { name: 'ethnicity', label: 'Dân tộc', kind: catalogue('ethnicity') },
      { name: 'religion', label: 'Tôn giáo', kind: catalogue('religion') },
      { name: 'familyBackground', label: 'Thành phần gia đình', kind: text(100) },
      { name: 'phone', label: 'Điện thoại', kind: { type: 'phone' } },
      { name: 'email', label: 'Thư điện tử', kind: { type: 'email' } },
    ],
  },
  {
    key: 'work',
    title: 'Công tác, trình độ',
    items: [
      { name: 'occupation', label: 'Nghề nghiệp', kind: catalogue('occupation') },
      { name: 'workplace', label: 'Nơi làm việc', kind: text() },
      { name: 'position', label: 'Chức vụ', kind: text() },
      { name: 'generalEducation', label: 'Giáo dục phổ thông', kind: catalogue('general_education') },
      { name: 'professionalLevel', label: 'Trình độ chuyên môn', kind: catalogue('professional_level') },
      { name: 'professionalField', label: 'Chuyên ngành', kind: text() },
      { name: 'academicDegree', label: 'Học vị', kind: text(100) },
      { name: 'academicTitle', label: 'Học hàm', kind: text(100) },
      { name: 'theoryLevel', label: 'Lý luận chính trị', kind: catalogue('theory_level') },
      { name: 'stateManagement', label: 'Quản lý nhà nước', kind: catalogue('state_management') },
      { name: 'languages', label: 'Ngoại ngữ', kind: text() },
      { name: 'itLevel', label: 'Tin học', kind: text(100) },
    ],
  },
  {
    key: 'party',
    title: 'Đảng',
    intro: 'Ngày kết nạp và ngày chính thức theo quyết định của cấp ủy, không sửa tại đây.',
    items: [
      { fact: 'admittedOn', label: 'Ngày kết nạp' },
      { name: 'ceremonyOn', label: 'Ngày lễ kết nạp', kind: date },
      { name: 'admissionPlace', label: 'Nơi kết nạp', kind: text(), wide: true },
      { name: 'introducer1', label: 'Người giới thiệu thứ nhất', kind: text(150) },
      { name: 'introducer2', label: 'Người giới thiệu thứ hai', kind: text(150) },
      { fact: 'officialOn', label: 'Ngày chính thức' },
      { name: 'youthUnionOn', label: 'Ngày vào Đoàn', kind: date },
      { name: 'residenceOrgId', label: 'Chi bộ nơi cư trú', kind: { type: 'org' }, wide: true },
    ],
  },
];

export function groupFields(group: GroupSpec): FieldSpec[] {
  return group.items.filter((i): i is FieldSpec => !isFact(i));
}

/** Name of a catalogue code; a code missing from the catalogue (old or imported data) shows as stored. */
export function catalogueName(catalogues: Catalogues | undefined, name: string, code: string | null | undefined): string {
  if (!code) return '';
  return catalogues?.[name]?.find((c) => c.code === code)?.name ?? code;
}

/** The text shown for a field; '' when empty. Organisations and the CCCD are shown by their own components. */
export function fieldText(spec: FieldSpec, value: unknown, catalogues: Catalogues | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  switch (spec.kind.type) {
    case 'date':
      return formatDate(String(value));
    case 'gender':
      return (GENDER_NAMES as Record<string, string>)[String(value)] ?? String(value);
    case 'catalogue':
      return catalogueName(catalogues, spec.kind.catalogue, String(value));
    default:
      return String(value);
  }
}

/** Client-side rules with the server's limits and messages. */
export function fieldRules(spec: FieldSpec): FormRule[] {
  const rules: FormRule[] = [];
  if (spec.required) {
    const message = spec.kind.type === 'gender' ? 'Vui lòng chọn giới tính.' : `Vui lòng nhập ${spec.label.toLowerCase()}.`;
    // Only a text rule may carry `whitespace`: any key besides `required` makes the validator expect a string.
    rules.push(spec.kind.type === 'text' ? { required: true, whitespace: true, message } : { required: true, message });
  }
  if (spec.name === 'fullName') rules.push({ min: 2, message: 'Họ và tên cần ít nhất 2 ký tự.' });
  switch (spec.kind.type) {
    case 'text':
      rules.push({ max: spec.kind.max, message: `${spec.label} tối đa ${spec.kind.max} ký tự.` });
      break;
    case 'cccd':
      rules.push({ pattern: CCCD_PATTERN, message: CCCD_MESSAGE });
      break;
    case 'phone':
      rules.push({ pattern: PHONE_PATTERN, message: 'Số điện thoại không hợp lệ.' });
      break;
    case 'email':
      rules.push({ type: 'email', message: 'Thư điện tử không hợp lệ.' }, { max: 150, message: 'Thư điện tử tối đa 150 ký tự.' });
      break;
    case 'year':
      rules.push({ type: 'number', min: 1900, max: 2100, message: 'Năm sinh phải từ 1900 đến 2100.' });
      break;
    case 'date':
      rules.unshift(validDate);
      break;
    default:
      break;
  }
  return rules;
}

/** Values of a group's form: dates as dayjs, the rest as sent. */
export type GroupFormValues = Partial<Record<MemberFieldName, string | number | Dayjs | null | undefined>>;

/** The form's starting values from the file; `cccd` is the revealed number, when the user has revealed it. */
export function groupInitialValues(group: GroupSpec, file: MemberFile, cccd: string | null): GroupFormValues {
  const values: GroupFormValues = {};
  for (const spec of groupFields(group)) {
    if (spec.name === 'cccd') {
      values.cccd = cccd ?? undefined;
      continue;
    }
    const value = file.fields[spec.name];
    values[spec.name] = spec.kind.type === 'date' ? fromIso(value as string | null) : (value ?? undefined);
  }
  return values;
}

/** Turns a CCCD typed with spaces or dots into its digits; anything else is left for the rule to refuse. */
export function normalizeCccd(value: unknown): string {
  const s = typeof value === 'string' ? value : '';
  return /^[\d\s.]*$/u.test(s) ? s.replace(/[\s.]/gu, '') : s;
}

function toValue(spec: FieldSpec, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  switch (spec.kind.type) {
    case 'date':
      return toIso(value as Dayjs);
    case 'year':
      return typeof value === 'number' ? value : null;
    case 'gender':
    case 'catalogue':
    case 'org':
      return value === '' ? null : value;
    default: {
      const s = String(value).trim();
      return s === '' ? null : s;
    }
  }
}

/**
 * The PATCH body of a group: every field of the group, blank as null. `cccdKnown`: the stored CCCD is known to the
 * form (revealed, or there is none); otherwise a blank CCCD is left out so the stored one stays.
 */
export function groupPatch(group: GroupSpec, values: GroupFormValues, cccdKnown: boolean): UpdateMemberBody {
  const body: Record<string, unknown> = {};
  for (const spec of groupFields(group)) {
    const value = toValue(spec, values[spec.name]);
    if (spec.name === 'cccd' && value === null && !cccdKnown) continue;
    body[spec.name] = value;
  }
  return body as UpdateMemberBody;
}

/** The same conversion for the create form: blanks are left out. */
export function fieldValue(spec: FieldSpec, value: unknown): unknown {
  return toValue(spec, value) ?? undefined;
}
