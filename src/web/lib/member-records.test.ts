import { describe, expect, it } from 'vitest';
import { periodText, recordBody, recordInitialValues } from './member-records.ts';

describe('sub-record forms', () => {
  it('shows stored periods as typed and sends them back as stored; blanks go as null', () => {
    const data = { from: '2008-09', to: '2012', workplace: 'Trường THCS Tân Lập' };
    const values = recordInitialValues('work', data);
    expect(values.data).toEqual({ from: '09/2008', to: '2012', workplace: 'Trường THCS Tân Lập' });
    expect(recordBody('work', { data: { ...values.data, position: '  ' } })).toEqual({ kind: 'work', data: { ...data, position: null } });
  });
  it('keeps a commendation date a full date and a year of birth a number', () => {
    const values = recordInitialValues('commendation', { date: '2020-05-15', form: 'Bằng khen' });
    expect(recordBody('commendation', values).data).toMatchObject({ date: '2020-05-15', form: 'Bằng khen', decidingLevel: null });
    expect(recordBody('family', { data: { relationship: 'father', fullName: ' Đặng Văn Bình ', birthYear: 1950 } }).data).toMatchObject({
      fullName: 'Đặng Văn Bình',
      birthYear: 1950,
    });
  });
  it('writes a period as "from – to", an open one as "– nay"', () => {
    expect(periodText({ from: '2008-09', to: '2012-06' })).toBe('09/2008 – 06/2012');
    expect(periodText({ from: '2012' })).toBe('2012 – nay');
    expect(periodText({})).toBe('');
  });
});
