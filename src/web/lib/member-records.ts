/**
 * Between the sub-record forms and the API. The fields, labels and limits are the domain's lists
 * (src/domain/member-records.ts), the same the server validates with. Periods are typed as DD/MM/YYYY, MM/YYYY or
 * YYYY and travel as 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'; full dates go through the date picker.
 */
import type { FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import { formatPartialDate, parsePartialVnDate, partialDateBefore } from '../../domain/dates.ts';
import { formatCount } from '../../domain/numbers.ts';
import {
  BIRTH_YEAR_RANGE,
  compareRecords,
  RECORD_FIELDS,
  RELATIONSHIP_LABELS,
  type RecordData,
  type RecordFieldSpec,
  type RecordKind,
  type Relationship,
} from '../../domain/member-records.ts';
import type { MemberRecord, MemberRecordBody } from '../../contract/member-records.ts';
import { formatDate, fromIso, toIso, validDate } from './dates.ts';

export const PERIOD_PLACEHOLDER = 'tháng/năm, năm hoặc ngày/tháng/năm';

type FieldValue = string | number | Dayjs | null | undefined;

/**
 * A form's values, under `data` as in the request (so the server's 'data.<field>' errors land on their fields):
 * periods as typed text, full dates as dayjs, years as numbers, the rest as text.
 */
export interface RecordFormValues {
  data?: Record<string, FieldValue>;
}

export function recordInitialValues(kind: RecordKind, data: RecordData | undefined): RecordFormValues {
  const out: Record<string, FieldValue> = {};
  for (const spec of RECORD_FIELDS[kind]) {
    const v = data?.[spec.name];
    if (v === undefined) continue;
    if (spec.type === 'period') out[spec.name] = formatPartialDate(String(v));
    else if (spec.type === 'date') out[spec.name] = fromIso(String(v));
    else out[spec.name] = v;
  }
  return { data: out };
}

/** The body to send: every field of the kind, blanks as null (an update replaces the whole record). */
export function recordBody(kind: RecordKind, values: RecordFormValues): MemberRecordBody {
  const data: MemberRecordBody['data'] = {};
  for (const spec of RECORD_FIELDS[kind]) {
    const v = values.data?.[spec.name];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) data[spec.name] = null;
    else if (spec.type === 'period') data[spec.name] = parsePartialVnDate(String(v)) ?? String(v);
    else if (spec.type === 'date') data[spec.name] = toIso(v as Dayjs);
    else if (typeof v === 'string') data[spec.name] = v.trim();
    else data[spec.name] = v as number;
  }
  return { kind, data };
}

const PERIOD_MESSAGE = 'Ngày không hợp lệ: ghi ngày/tháng/năm, tháng/năm hoặc năm (vd. 03/2010).';

export function recordFieldRules(spec: RecordFieldSpec): FormRule[] {
  const rules: FormRule[] = [];
  if (spec.required) {
    const message = `Vui lòng nhập ${spec.label.replace(/ \(.*\)$/u, '').toLowerCase()}.`;
    rules.push(
      spec.type === 'text' || spec.type === 'longText' || spec.type === 'period' ? { required: true, whitespace: true, message } : { required: true, message },
    );
  }
  if (spec.max) rules.push({ max: spec.max, message: `Tối đa ${formatCount(spec.max)} ký tự.` });
  if (spec.type === 'year')
    rules.push({
      type: 'number',
      min: BIRTH_YEAR_RANGE.min,
      max: BIRTH_YEAR_RANGE.max,
      message: `Năm phải từ ${BIRTH_YEAR_RANGE.min} đến ${BIRTH_YEAR_RANGE.max}.`,
    });
  if (spec.type === 'date') rules.unshift(validDate);
  if (spec.type === 'period') {
    rules.push({
      validator: (_r, v: string | undefined) => (!v?.trim() || parsePartialVnDate(v) ? Promise.resolve() : Promise.reject(new Error(PERIOD_MESSAGE))),
    });
    if (spec.name === 'to') {
      rules.push(({ getFieldValue }) => ({
        validator: (_r, v: string | undefined) => {
          const to = v ? parsePartialVnDate(v) : null;
          const fromText = getFieldValue(['data', 'from']) as string | undefined;
          const from = fromText ? parsePartialVnDate(fromText) : null;
          return to && from && partialDateBefore(to, from) ? Promise.reject(new Error('«Đến» không được trước «Từ».')) : Promise.resolve();
        },
      }));
    }
  }
  return rules;
}

/** A field's value as the tables show it. */
export function recordCellText(spec: RecordFieldSpec, value: string | number | undefined): string {
  if (value === undefined) return '';
  switch (spec.type) {
    case 'period':
      return formatPartialDate(String(value));
    case 'date':
      return formatDate(String(value));
    case 'relationship':
      return RELATIONSHIP_LABELS[value as Relationship] ?? String(value);
    default:
      return String(value);
  }
}

/** "03/2008 – 06/2012", "03/2008 – nay" (no end: still so), "" when neither is known. */
export function periodText(data: RecordData): string {
  const from = typeof data.from === 'string' ? formatPartialDate(data.from) : '';
  const to = typeof data.to === 'string' ? formatPartialDate(data.to) : '';
  if (!from && !to) return '';
  return `${from || '…'} – ${to || 'nay'}`;
}

/** Records in the order the server lists them (used after a local change of a revealed list). */
export function sortRecords(records: MemberRecord[]): MemberRecord[] {
  return records
    .map((r, sort) => ({ ...r, sort }))
    .sort(compareRecords)
    .map(({ sort: _sort, ...r }) => r);
}
