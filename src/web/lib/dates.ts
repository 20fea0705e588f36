/**
 * Date helpers for the web client. Calendar dates travel as 'YYYY-MM-DD' strings and are shown as DD/MM/YYYY;
 * the antd pickers hold dayjs values, converted at the form boundary.
 */
import type { FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { addDays, formatVnDate, isIsoDate, parseVnDate, vietnamDate, type IsoDate } from '../../domain/dates.ts';

/** Display format of every DatePicker; the later formats are accepted when typing. */
export const DATE_FORMATS = ['DD/MM/YYYY', 'D/M/YYYY', 'DD-MM-YYYY', 'DDMMYYYY'];
export const DATE_PLACEHOLDER = 'ngày/tháng/năm';

/** The one message of a date that does not exist (31/02/1990, 32/13/2020), whatever the form. */
export const INVALID_DATE_MESSAGE = 'Ngày không hợp lệ.';

/**
 * What a person types into a date field, as an ISO date: DD/MM/YYYY or D/M/YYYY (also with `-` or `.`) or DDMMYYYY,
 * the forms DATE_FORMATS accepts; null when the text is no real date.
 */
export function parseTypedDate(text: string): IsoDate | null {
  const t = text.trim();
  const compact = /^(\d{2})(\d{2})(\d{4})$/u.exec(t);
  return compact ? parseVnDate(`${compact[1]}/${compact[2]}/${compact[3]}`) : parseVnDate(t);
}

/**
 * The form value of a date field holding text that is no date: an invalid dayjs, so that the field is not "empty"
 * (the typed text stays on screen and `validDate` names the mistake) and no request is sent with it.
 */
export function invalidDateValue(): Dayjs {
  return dayjs(Number.NaN);
}

/** True for the value a date field holds after an impossible date was typed. */
export function isInvalidDateValue(value: unknown): boolean {
  return dayjs.isDayjs(value) && !value.isValid();
}

/** The rule every date field carries: «Ngày không hợp lệ.» for a typed date that does not exist. */
export const validDate: FormRule = {
  validator: (_rule, value: unknown) => (isInvalidDateValue(value) ? Promise.reject(new Error(INVALID_DATE_MESSAGE)) : Promise.resolve()),
};

/** Today's date in Việt Nam. */
export function todayIso(): string {
  return vietnamDate(new Date());
}

export function toIso(value: Dayjs): string {
  return value.format('YYYY-MM-DD');
}

export function fromIso(value: string | null | undefined): Dayjs | undefined {
  return value && isIsoDate(value) ? dayjs(value, 'YYYY-MM-DD') : undefined;
}

export function formatDate(value: string | null | undefined): string {
  return formatVnDate(value);
}

/**
 * An instant (timestamp) as DD/MM/YYYY HH:mm:ss in Việt Nam time (UTC+7, no daylight saving), whatever the time
 * zone of the computer showing it: the audit log reads the same in every office.
 */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const t = Date.parse(value);
  if (Number.isNaN(t)) return value;
  const vn = new Date(t + 7 * 3600 * 1000).toISOString();
  return `${vn.slice(8, 10)}/${vn.slice(5, 7)}/${vn.slice(0, 4)} ${vn.slice(11, 19)}`;
}

export { addDays, isIsoDate };
