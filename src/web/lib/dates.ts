/**
 * Date helpers for the web client. Calendar dates travel as 'YYYY-MM-DD' strings and are shown as DD/MM/YYYY;
 * the antd pickers hold dayjs values, converted at the form boundary.
 */
import dayjs, { type Dayjs } from 'dayjs';
import { formatVnDate, isIsoDate, vietnamDate } from '../../domain/dates.ts';

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

/** An instant (timestamp) as DD/MM/YYYY HH:mm:ss in the browser's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = dayjs(value);
  return d.isValid() ? d.format('DD/MM/YYYY HH:mm:ss') : value;
}

export { isIsoDate };
