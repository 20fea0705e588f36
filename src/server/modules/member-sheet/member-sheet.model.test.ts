import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../../domain/catalogues.ts';
import { buildSheetModel, recordRow, type MemberFile, type SheetField, type SheetInput, type SheetModel, type SheetTable } from './member-sheet.model.ts';

const file = {
  id: '0190aaaa-0000-7000-8000-000000000001',
  org: { id: '0190aaaa-0000-7000-8000-000000000002', name: 'Chi bộ Tổ Toán' },
  status: 'active',
  membership: 'official',
  admittedOn: '1989-10-01',
  officialOn: '1990-10-01',
  leftOn: null,
  fields: {
    fullName: 'Nguyễn Văn Hùng',
    gender: 'nam',
    birthDate: null,
    birthYear: 1965,
    ethnicity: '05',
    theoryLevel: 'cao_cap',
    cardNo: '00012345',
    cardIssuedOn: '2005-05-19',
  },
  cccdMasked: '001******456',
  hasCccd: true,
  canReadSensitive: false,
  canEdit: false,
  updatedAt: '2026-11-20T03:00:00.000Z',
  partyAge: {
    years: 37,
    months: 1,
    days: 19,
    official: true,
    countsFrom: '1989-10-01',
    gaps: [],
    nextBadge: null,
    awards: [{ milestone: 30, awardedOn: '2019-11-07', decisionNo: '12-QĐ/TU', earlyReason: null }],
    disciplines: [],
  },
  events: [
    {
      id: 'e1',
      kind: 'transfer_out_started',
      label: 'Chuyển sinh hoạt đảng chính thức (chuyển đi)',
      effectiveDate: '2001-03-05',
      decisionNo: '7-QĐ/ĐU',
      decisionDate: '2001-03-01',
      org: { id: 'a', name: 'Chi bộ Thôn 1' },
      toOrg: { id: 'b', name: 'Chi bộ Tổ Toán' },
      details: {},
      actorName: null,
    },
  ],
} as unknown as MemberFile;

const input = (over: Partial<SheetInput> = {}): SheetInput => ({
  file,
  catalogues: CATALOGUES,
  orgLines: ['Đảng bộ xã Tân Lập', 'Chi bộ Tổ Toán'],
  residenceOrgName: null,
  cccd: '001******456',
  records: [
    { kind: 'work', data: { from: '1985-09', workplace: 'Hợp tác xã Tân Lập', position: 'Xã viên' } },
    { kind: 'family', data: { relation: 'Mẹ', name: 'Lê Thị Hoa', birthYear: 1942 } },
  ],
  sensitive: false,
  today: '2026-11-20',
  ...over,
});

const fields = (m: SheetModel) => m.sections.flatMap((s) => s.blocks).filter((b): b is SheetField => b.type === 'field');
const tables = (m: SheetModel) => m.sections.flatMap((s) => s.blocks).filter((b): b is SheetTable => b.type === 'table');
const value = (m: SheetModel, label: string) => fields(m).find((f) => f.label === label)?.value;

describe('member sheet model', () => {
  it('prints the file’s values: catalogue names, dates DD/MM/YYYY, a year when the day is unknown, the party age', () => {
    const m = buildSheetModel(input());
    expect(m).toMatchObject({
      title: 'PHIẾU ĐẢNG VIÊN',
      fullName: 'Nguyễn Văn Hùng',
      cardNo: '00012345',
      sheetNo: '',
      orgLines: ['Đảng bộ xã Tân Lập', 'Chi bộ Tổ Toán'],
    });
    expect(value(m, 'Họ và tên đang dùng')).toBe('Nguyễn Văn Hùng');
    expect(value(m, 'Giới tính')).toBe('Nam');
    expect(value(m, 'Sinh ngày')).toBe('Năm 1965');
    expect(value(m, 'Dân tộc')).toBe('Khmer');
    expect(value(m, 'Lý luận chính trị')).toBe('Cao cấp');
    expect(value(m, 'Ngày vào Đảng (quyết định kết nạp)')).toBe('01/10/1989');
    expect(value(m, 'Ngày chính thức')).toBe('01/10/1990');
    expect(value(m, 'Tuổi đảng')).toBe('37 năm 1 tháng 19 ngày (tính đến ngày 20/11/2026)');
    expect(value(m, 'Tình trạng sinh hoạt đảng')).toBe('Đang sinh hoạt');
    expect(value(m, 'Số thẻ đảng viên, ngày cấp')).toBe('00012345, 19/05/2005');
    expect(value(m, 'Nơi sinh')).toBe(''); // empty in the file: printed blank, as on the paper form
    expect(m.footer.date).toBe('Ngày in: 20/11/2026');
  });

  it('numbers the items in order across sections; sub-lines carry no number', () => {
    const m = buildSheetModel(input({ sensitive: true }));
    const numbered = m.sections.flatMap((s) => s.blocks).flatMap((b) => (b.no === undefined ? [] : [b.no]));
    expect(numbered).toEqual(numbered.map((_, i) => i + 1));
    expect(fields(m).find((f) => f.label === 'Giáo dục phổ thông')?.no).toBeUndefined();
  });

  it('tables: badges, events with both organisations, sub-records printed by period and text', () => {
    const m = buildSheetModel(input());
    const t = (title: string) => tables(m).find((x) => x.title === title)!;
    expect(t('Huy hiệu Đảng').rows).toEqual([['Huy hiệu 30 năm tuổi Đảng', '07/11/2019', '12-QĐ/TU', '']]);
    expect(t('Quá trình sinh hoạt đảng').rows).toEqual([
      ['05/03/2001', 'Chuyển sinh hoạt đảng chính thức (chuyển đi)', 'Chi bộ Thôn 1, đến Chi bộ Tổ Toán', '7-QĐ/ĐU, 01/03/2001'],
    ]);
    expect(t('Quá trình công tác').rows).toEqual([['09/1985 – nay', 'Hợp tác xã Tân Lập; Xã viên']]);
    expect(t('Khen thưởng')).toMatchObject({ rows: [], empty: 'Không có.' });
  });

  it('leaves out discipline, family and political history without the sensitive capability, and says what it included', () => {
    const plain = buildSheetModel(input());
    const titles = tables(plain).map((t) => t.title);
    expect(titles).not.toContain('Kỷ luật');
    expect(titles).not.toContain('Hoàn cảnh gia đình');
    expect(titles).not.toContain('Lịch sử chính trị');
    expect(JSON.stringify(plain)).not.toContain('Lê Thị Hoa');
    expect(plain.sensitiveIncluded).toEqual([]);

    const full = buildSheetModel(input({ sensitive: true, cccd: '001065000456' }));
    expect(tables(full).map((t) => t.title)).toEqual(expect.arrayContaining(['Kỷ luật', 'Hoàn cảnh gia đình', 'Lịch sử chính trị']));
    expect(tables(full).find((t) => t.title === 'Hoàn cảnh gia đình')!.rows).toEqual([['1942', 'Mẹ; Lê Thị Hoa']]);
    expect(value(full, 'Số căn cước công dân')).toBe('001065000456');
    expect(full.sensitiveIncluded).toEqual(['cccd', 'discipline', 'family', 'political']);
  });

  it('a probationary member has no party age yet', () => {
    const m = buildSheetModel(input({ file: { ...file, membership: 'probationary', officialOn: null, partyAge: { ...file.partyAge, official: false } } }));
    expect(value(m, 'Tuổi đảng')).toBe('Chưa tính (đảng viên dự bị)');
    expect(value(m, 'Đảng viên')).toBe('Đảng viên dự bị');
  });

  it('removes what XML and fonts cannot carry: control characters, lone surrogates', () => {
    const m = buildSheetModel(
      input({
        file: { ...file, fields: { ...file.fields, fullName: 'Nguyễn\u0001 Văn\ud800 Hùng' } },
        records: [{ kind: 'work', data: { unit: 'Xã\u000b Tân Lập' } }],
      }),
    );
    expect(m.fullName).toBe('Nguyễn Văn Hùng');
    expect(value(m, 'Họ và tên đang dùng')).toBe('Nguyễn Văn Hùng');
    expect(tables(m).find((t) => t.title === 'Quá trình công tác')!.rows).toEqual([['', 'Xã Tân Lập']]);
  });

  it('prints any shape of sub-record data without failing', () => {
    expect(recordRow({ startDate: '2010-01-02', endDate: '2012-03-04', note: 'Ghi chú', ok: true, tags: ['a', 'b'], id: 'x' })).toEqual([
      '02/01/2010 – 04/03/2012',
      'Ghi chú; Có; a, b',
    ]);
    expect(recordRow({ to: '2000' })).toEqual(['… – 2000', '']);
    expect(recordRow({ date: '2020-05-19', text: 'Học tập' })).toEqual(['19/05/2020', 'Học tập']);
    expect(recordRow('Chỉ là một dòng chữ')).toEqual(['', 'Chỉ là một dòng chữ']);
    expect(recordRow(null)).toEqual(['', '']);
    // a relative as the sub-record API stores it: the relationship by name, the fields in the form's order
    expect(recordRow({ residence: 'Hà Nội', fullName: 'Nguyễn Văn Cha', relationship: 'father', birthYear: 1950, occupation: 'Hưu trí' }, 'family')).toEqual([
      '1950',
      'Cha; Nguyễn Văn Cha; Hưu trí; Hà Nội',
    ]);
    expect(recordRow({ position: 'Phó trưởng phòng', workplace: 'Sở Tư pháp', from: '2015-03', to: '2020' }, 'work')).toEqual([
      '03/2015 – 2020',
      'Sở Tư pháp; Phó trưởng phòng',
    ]);
    expect(recordRow({ nested: { country: 'Lào', days: 5 } })).toEqual(['', 'Lào, 5']);
  });
});
