/** The date field of every form: typed or picked as DD/MM/YYYY, full width, with a test id. */
import { DatePicker } from 'antd';
import { DATE_FORMATS, DATE_PLACEHOLDER } from '../lib/dates.ts';

export function DateInput({ testId, ...rest }: { testId: string; id?: string }) {
  return <DatePicker format={DATE_FORMATS} placeholder={DATE_PLACEHOLDER} style={{ width: '100%' }} data-testid={testId} {...rest} />;
}
