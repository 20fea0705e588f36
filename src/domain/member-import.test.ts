import { describe, expect, it } from 'vitest';
import {
  catalogueIndex,
  cellIndex,
  changesFor,
  columnLetter,
  decodeUtf8Text,
  excelSerialToIso,
  parseCatalogue,
  parseCccd,
  parseCell,
  parseCsv,
  parseDateCell,
  parseGender,
  parseRow,
  planImport,
  properName,
  sameText,
  summarize,
  type ExistingMember,
  type ImportColumn,
  type ParsedRow,
} from './member-import.ts';

const catalogues = catalogueIndex([
  { catalogue: 'ethnicity', code: '01', name: 'Kinh' },
  { catalogue: 'ethnicity', code: '02', name: 'Tày' },
  { catalogue: 'theory_level', code: 'trung_cap', name: 'Trung cấp' },
  { catalogue: 'general_education', code: 'thpt', name: 'Trung học phổ thông' },
]);
const cells = cellIndex([
  { id: 'c1', name: 'Chi bộ Tổ Toán', code: '01.02' },
  { id: 'c2', name: 'Chi bộ 1', code: null },
  { id: 'c3', name: 'Chi bộ 1', code: 'X3' },
]);

describe('reading cells', () => {
  it('reads dates in DD/MM/YYYY, D/M/YYYY, YYYY-MM-DD, Excel date cells and serials; refuses impossible ones', () => {
    expect(parseDateCell('19/05/1990')).toEqual({ value: { date: '1990-05-19' } });
    expect(parseDateCell(' 1/2/1990 ')).toEqual({ value: { date: '1990-02-01' } });
    expect(parseDateCell('01.02.1990')).toEqual({ value: { date: '1990-02-01' } });
    expect(parseDateCell('1990-05-19')).toEqual({ value: { date: '1990-05-19' } });
    expect(parseDateCell('1990-05-19T00:00:00.000Z')).toEqual({ value: { date: '1990-05-19' } });
    expect(parseDateCell({ date: '1990-05-19' })).toEqual({ value: { date: '1990-05-19' } });
    expect(parseDateCell(32999)).toEqual({ value: { date: excelSerialToIso(32999)! } });
    expect(excelSerialToIso(32874)).toBe('1990-01-01');
    expect(parseDateCell('31/02/1990')).toEqual({ error: '«31/02/1990» không phải ngày có thật.' });
    expect(parseDateCell('29/02/2023')).toEqual({ error: '«29/02/2023» không phải ngày có thật.' });
    expect(parseDateCell('29/02/2024')).toEqual({ value: { date: '2024-02-29' } });
    expect(parseDateCell('1/2/90')).toEqual({ error: '«1/2/90»: năm phải ghi đủ 4 chữ số (ví dụ 19/05/1990).' });
    expect(parseDateCell('tháng 5')).toEqual({ error: '«tháng 5» không phải ngày (ghi theo dạng DD/MM/YYYY, ví dụ 19/05/1990).' });
    expect(parseDateCell('')).toEqual({ value: null });
    expect(parseDateCell(null)).toEqual({ value: null });
  });

  it('reads a year alone only where a birth year is allowed', () => {
    expect(parseDateCell('1950', true)).toEqual({ value: { year: 1950 } });
    expect(parseDateCell(1950, true)).toEqual({ value: { year: 1950 } });
    expect('error' in parseDateCell('1950')).toBe(true);
  });

  it('takes a CCCD of exactly 12 digits; one that lost its leading zeros is an error with a hint, never padded', () => {
    expect(parseCccd('001090000003')).toEqual({ value: '001090000003' });
    expect(parseCccd('001 090 000 003')).toEqual({ value: '001090000003' });
    expect(parseCccd(12345678901)).toEqual({ error: expect.stringMatching(/^Số CCCD «12345678901» chỉ có 11 chữ số; .*Excel bỏ các số 0 ở đầu/) });
    expect(parseCccd('123456789')).toEqual({ error: expect.stringContaining('số CMND cũ') });
    expect(parseCccd('0010900000031')).toEqual({ error: 'Số CCCD «0010900000031» có 13 chữ số; số CCCD gồm đúng 12 chữ số.' });
    expect(parseCccd('00109000000A')).toEqual({ error: 'Số CCCD «00109000000A» chỉ được gồm chữ số.' });
    expect(parseCccd('001******003')).toEqual({ masked: true });
    expect(parseCccd('')).toEqual({ value: null });
  });

  it('reads genders, names in capitals, catalogue names and codes, general education as 12/12', () => {
    expect(parseGender('Nữ')).toEqual({ value: 'nu' });
    expect(parseGender('NAM')).toEqual({ value: 'nam' });
    expect(parseGender('x')).toEqual({ error: 'Giới tính «x» không hợp lệ (ghi Nam hoặc Nữ).' });
    expect(properName('NGUYỄN VĂN ÂN')).toBe('Nguyễn Văn Ân');
    expect(properName('Nguyễn văn An')).toBe('Nguyễn văn An');
    expect(parseCatalogue('kinh', 'ethnicity', 'Dân tộc', catalogues)).toEqual({ value: '01' });
    expect(parseCatalogue('02', 'ethnicity', 'Dân tộc', catalogues)).toEqual({ value: '02' });
    expect(parseCatalogue('TRUNG CAP', 'theory_level', 'Lý luận chính trị', catalogues)).toEqual({ value: 'trung_cap' });
    expect(parseCatalogue('Kinhh', 'ethnicity', 'Dân tộc', catalogues)).toEqual({ error: '«Kinhh» không có trong danh mục Dân tộc.' });
    expect(parseCatalogue('12/12', 'general_education', 'Trình độ GDPT', catalogues)).toEqual({ value: 'thpt' });
    expect(parseCatalogue('9/12', 'general_education', 'Trình độ GDPT', catalogues)).toEqual({ value: 'thcs' });
    expect(parseCatalogue('7/10', 'general_education', 'Trình độ GDPT', catalogues)).toEqual({ value: 'thcs' });
  });

  it('finds a cell by code or folded name; an ambiguous name asks for the code', () => {
    expect(parseCell('chi bo to toan', cells)).toEqual({ value: 'c1' });
    expect(parseCell('01.02', cells)).toEqual({ value: 'c1' });
    expect(parseCell('X3', cells)).toEqual({ value: 'c3' });
    expect(parseCell('Chi bộ 1', cells)).toEqual({ error: 'Có 2 chi bộ cùng tên «Chi bộ 1» trong phạm vi của bạn: hãy ghi mã chi bộ.' });
    expect('error' in parseCell('Chi bộ Tổ Toán 2', cells)).toBe(true);
  });

  it('names columns as Excel does', () => {
    expect([0, 3, 25, 26, 27, 51, 52].map(columnLetter)).toEqual(['A', 'D', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });
});

describe('text files', () => {
  it('decodes UTF-8 only', () => {
    expect(decodeUtf8Text(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
    expect(decodeUtf8Text(new TextEncoder().encode('Họ và tên'))).toBe('Họ và tên');
    expect(decodeUtf8Text(new Uint8Array([0x48, 0xe0, 0x20]))).toBeNull();
    expect(decodeUtf8Text(new Uint8Array([0x41, 0x00, 0x42]))).toBeNull();
  });

  it('parses CSV with quotes, embedded separators and line breaks, CRLF, and guesses the separator', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
    ]);
    expect(parseCsv('Họ và tên;Quê quán\nAn;"Xã A; tỉnh B"\n"Bình\nThị";C')).toEqual([
      ['Họ và tên', 'Quê quán'],
      ['An', 'Xã A; tỉnh B'],
      ['Bình\nThị', 'C'],
    ]);
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

const COLS: ImportColumn[] = [
  { index: 0, header: 'Họ và tên', field: 'fullName' },
  { index: 1, header: 'Giới tính', field: 'gender' },
  { index: 2, header: 'Ngày sinh', field: 'birthDate' },
  { index: 3, header: 'Số CCCD', field: 'cccd' },
  { index: 4, header: 'Chi bộ', field: 'orgId' },
  { index: 5, header: 'Ngày vào Đảng', field: 'admittedOn' },
  { index: 6, header: 'Ngày chính thức', field: 'officialOn' },
  { index: 7, header: 'Quê quán', field: 'hometown' },
];
const ctx = { cells, catalogues, today: '2026-11-20' };
const row = (n: number, ...cells: (string | null)[]) => parseRow(n, cells, COLS, ctx);

describe('rows', () => {
  it('names row, column letter and header in every problem', () => {
    const r = row(7, 'An', 'Nam', '31/02/1990', '', 'Chi bộ Tổ Toán', '01/01/2015', '01/01/2014', '');
    expect(r.problems.map((p) => p.message)).toEqual([
      'Dòng 7, cột C «Ngày sinh»: «31/02/1990» không phải ngày có thật.',
      'Dòng 7, cột G «Ngày chính thức»: Ngày chính thức phải sau ngày kết nạp.',
    ]);
    expect(r.problems[0]).toMatchObject({ row: 7, column: 'Ngày sinh', field: 'birthDate' });
    expect(row(8, 'An', 'Nam', '01/01/2030', '', '', '', '', '').problems[0]!.message).toBe(
      'Dòng 8, cột C «Ngày sinh»: Ngày sinh 01/01/2030 sau ngày hôm nay.',
    );
  });
});

const member = (over: Partial<ExistingMember> & { fields?: ExistingMember['fields'] }): ExistingMember => ({
  id: 'm1',
  orgId: 'c1',
  editable: true,
  fullName: 'Trần Thị Bình',
  admittedOn: '2010-01-01',
  officialOn: '2011-01-01',
  ...over,
  fields: { fullName: 'Trần Thị Bình', birthDate: '1985-03-04', cccd: null, hometown: 'Hưng Yên', ...over.fields },
});

describe('updates', () => {
  it('never clears a filled value; fills blanks; changes what differs; ignores lost accents and capitals', () => {
    const m = member({});
    expect(changesFor(m, { fullName: 'TRAN THI BINH', hometown: 'Hưng Yên', cccd: '001185000001' }).changes).toEqual([
      { field: 'cccd', from: null, to: '001185000001' },
    ]);
    expect(changesFor(m, { hometown: 'Thái Bình' }).changes).toEqual([{ field: 'hometown', from: 'Hưng Yên', to: 'Thái Bình' }]);
    expect(changesFor(m, {}).changes).toEqual([]);
    expect(sameText('Nguyễn Văn An', 'nguyen van an')).toBe(true);
    expect(sameText('Nguyễn Văn An', 'NGUYỄN VĂN AN')).toBe(true);
    expect(sameText('Nguyễn Văn An', 'Nguyễn Văn Ân')).toBe(false);
  });
});

describe('planning an import', () => {
  const parsed = (n: number, values: ParsedRow['values']): ParsedRow => ({ row: n, values, problems: [], warnings: [] });
  const newRow = { gender: 'nam', orgId: 'c1', admittedOn: '2015-01-01' };
  const existing = member({ fields: { cccd: '001185000001' } });
  const noCccd = member({ id: 'm2', fullName: 'Lê Văn Cường', fields: { fullName: 'Lê Văn Cường', birthDate: '1979-12-01', cccd: null, hometown: null } });
  const lookup = {
    byCccd: (c: string) => (c === '001185000001' ? existing : c === '099999999999' ? { ...existing, id: 'far', editable: false } : undefined),
    byName: (n: string) => (n === 'Lê Văn Cường' || n === 'LE VAN CUONG' ? [noCccd] : n === 'Trần Thị Bình' ? [existing] : []),
  };
  const editable = new Set(['c1']);

  it('marks duplicates within the file on the later row, by CCCD or by name and birth date without CCCD', () => {
    const plan = planImport(
      [
        parsed(2, { fullName: 'Phạm Văn Dũng', birthDate: '1990-05-19', cccd: '001090000003', ...newRow }),
        parsed(3, { fullName: 'Phạm Văn Dũng', birthDate: '1990-05-19', cccd: '001090000003', ...newRow }),
        parsed(4, { fullName: 'Hoàng Văn Em', birthDate: '1990-01-01', ...newRow }),
        parsed(5, { fullName: 'HOANG VAN EM', birthDate: '1990-01-01', ...newRow }),
        parsed(6, { fullName: 'Đỗ An', birthDate: '1990-01-01', cccd: '001090000005', ...newRow }),
        parsed(7, { fullName: 'Đỗ An', birthDate: '1990-01-01', cccd: '001090000006', ...newRow }),
      ],
      lookup,
      COLS,
      editable,
    );
    expect(plan.map((p) => p.action)).toEqual(['new', 'error', 'new', 'error', 'new', 'new']);
    expect(plan[1]!.problems[0]!.message).toBe('Dòng 3, cột D «Số CCCD»: Trùng số CCCD với dòng 2.');
    expect(plan[3]!.problems[0]!.message).toBe('Dòng 5, cột A «Họ và tên»: Trùng họ tên và ngày sinh với dòng 4 (không có số CCCD để phân biệt).');
  });

  it('finds existing members by CCCD, else by name and birth date; refuses CCCDs outside the scope and mismatched names', () => {
    const plan = planImport(
      [
        parsed(2, { fullName: 'Trần Thị Bình', cccd: '001185000001', hometown: 'Hưng Yên' }),
        parsed(3, { fullName: 'LE VAN CUONG', birthDate: '1979-12-01', hometown: 'Thái Bình', orgId: 'c2' }),
        parsed(4, { fullName: 'Người Khác', cccd: '099999999999', ...newRow, birthDate: '1990-01-01' }),
        parsed(5, { fullName: 'Người Lạ', cccd: '001185000001' }),
      ],
      lookup,
      COLS,
      editable,
    );
    expect(plan.map((p) => [p.action, p.memberId])).toEqual([
      ['unchanged', 'm1'],
      ['update', 'm2'],
      ['error', null],
      ['error', null],
    ]);
    expect(plan[1]!.changes).toEqual([{ field: 'hometown', from: null, to: 'Thái Bình' }]);
    expect(plan[1]!.warnings[0]!.message).toContain('nhập tệp không chuyển sinh hoạt đảng');
    expect(plan[2]!.problems[0]!.message).toContain('ngoài phạm vi bạn được cập nhật');
    expect(plan[3]!.problems.map((p) => p.message)).toEqual([
      'Dòng 5, cột D «Số CCCD»: Trùng số CCCD với dòng 2.',
      expect.stringContaining('thuộc đảng viên «Trần Thị Bình»'),
    ]);
    expect(summarize(plan)).toEqual({ new: 0, update: 1, unchanged: 1, error: 2 });
  });

  it('requires of a new member: gender, birth date or year, cell, admission date; a cell still editable', () => {
    const plan = planImport(
      [parsed(2, { fullName: 'Mới Một' }), parsed(3, { fullName: 'Mới Hai', birthYear: 1950, gender: 'nu', orgId: 'c3', admittedOn: '1975-01-01' })],
      lookup,
      COLS,
      editable,
    );
    expect(plan[0]!.problems.map((p) => p.field)).toEqual(['gender', 'birthDate', 'orgId', 'admittedOn']);
    expect(plan[1]!.problems.map((p) => p.message)).toEqual(['Dòng 3, cột E «Chi bộ»: Chi bộ không còn trong phạm vi bạn được cập nhật.']);
  });

  it('a new member needs full 18 years on the admission date (§6); a corrected birth may not put the recorded admission under age', () => {
    const plan = planImport(
      [
        parsed(2, { fullName: 'Đúng Tuổi', birthDate: '1997-01-01', ...newRow }),
        parsed(3, { fullName: 'Thiếu Tuổi', birthDate: '1997-01-02', ...newRow }),
        parsed(4, { fullName: 'Bốn Tuổi', birthYear: 2011, ...newRow }),
        parsed(5, { fullName: 'LE VAN CUONG', birthDate: '1979-12-01', cccd: '001079000009' }),
      ],
      { ...lookup, byName: (n: string) => (n === 'LE VAN CUONG' ? [{ ...noCccd, admittedOn: '1997-12-01' }] : []) },
      COLS,
      editable,
    );
    expect(plan.map((p) => p.action)).toEqual(['new', 'error', 'error', 'update']);
    expect(plan[1]!.problems.map((p) => [p.field, p.message])).toEqual([['admittedOn', expect.stringContaining('mới 17 tuổi 11 tháng, chưa đủ 18 tuổi')]]);
    expect(plan[2]!.problems[0]!.message).toContain('sinh năm 2011 khi đó mới 4 tuổi');
    // corrections found by CCCD: a birth filled in where the file had none
    const known = (admittedOn: string) => ({
      byCccd: () => ({ ...noCccd, cccd: '001079000009', admittedOn, fields: { ...noCccd.fields, birthDate: null } }),
      byName: () => [],
    });
    const row = parsed(5, { fullName: 'Lê Văn Cường', cccd: '001079000009', birthDate: '1979-12-01' });
    expect(planImport([row], known('1997-12-01'), COLS, editable)[0]!.action).toBe('update');
    const underAge = planImport([row], known('1997-11-30'), COLS, editable)[0]!;
    expect([underAge.action, underAge.problems.map((p) => p.field)]).toEqual(['error', ['birthDate']]);
    const byYear = planImport([parsed(5, { fullName: 'Lê Văn Cường', cccd: '001079000009', birthYear: 1979 })], known('1996-12-31'), COLS, editable)[0]!;
    expect(byYear.problems.map((p) => p.field)).toEqual(['birthYear']);
  });

  it('matches one member once: a second row of the same member is an error', () => {
    const plan = planImport(
      [parsed(2, { fullName: 'Trần Thị Bình', cccd: '001185000001' }), parsed(3, { fullName: 'Trần Thị Bình', birthDate: '1985-03-04' })],
      lookup,
      COLS,
      editable,
    );
    expect(plan.map((p) => p.action)).toEqual(['unchanged', 'error']);
    expect(plan[1]!.problems.map((p) => p.message)).toContain('Dòng 3, cột A «Họ và tên»: Dòng 2 cũng là đảng viên này.');
  });
});
