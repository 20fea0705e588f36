/**
 * Date helpers for the web client. Calendar dates travel as 'YYYY-MM-DD' strings and are shown as DD/MM/YYYY;
 * the antd pickers hold dayjs values, converted at the form boundary.
 */
import dayjs, { type Dayjs } from 'dayjs';
import { addDays, formatVnDate, isIsoDate, vietnamDate } from '../../domain/dates.ts';

/** Display format of every DatePicker; the later formats are accepted when typing. */
export const DATE_FORMATS = ['DD/MM/YYYY', 'D/M/YYYY', 'DD-MM-YYYY', 'DDMMYYYY'];
export const DATE_PLACEHOLDER = 'ngày/tháng/năm';

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
