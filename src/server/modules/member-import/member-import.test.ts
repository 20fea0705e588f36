import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import { birthTallyDrift } from '../../../../test/helpers/tally.ts';
import { csvOf, docxBytes, rawSession, readXlsx, xlsxOf, type RawSession, type SheetCell } from './member-import.fixtures.ts';

const HEADER = ['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Dân tộc', 'Quê quán', 'Ngày vào Đảng', 'Ngày chính thức', 'Chi bộ', 'Số điện thoại'];
const TITLE: SheetCell[][] = [['DANH SÁCH ĐẢNG VIÊN CHI BỘ'], []];

describeEngines('member import and export', (engine) => {
  /**
   * The corrected file, built once per suite: a user re-uploads the same bytes. (Two builds can differ: the zip
   * entries carry the time they were written, so the same content built a second later has another hash.)
   */
  let fixedBytes: Promise<Buffer> | undefined;
  const fixedXlsx = () => (fixedBytes ??= xlsxOf(fixedFile()));
  let t: TestApp;
  let f: Fixture;
  let editor: Client;
  let s: RawSession;
  let binh: string;
  let cuong: string;

  const count = async (table: 'member' | 'audit_log' | 'member_event') =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const imports = async () =>
    Number(
      (
        await t.database.db
          .withTables<{ member_import: { id: string } }>()
          .selectFrom('member_import')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const auditOf = (action: string) => t.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();

  /** The file of the first preview: one good row, four errors, two existing members. */
  const firstFile = (): SheetCell[][] => [
    ...TITLE,
    HEADER,
    [1, 'Phạm Văn Dũng', 'Nam', '19/05/1990', '001090000003', 'Kinh', 'Xã Tân Lập', '03/02/2015', '03/02/2016', 'Chi bộ Tổ Toán', ''],
    [2, 'Hoàng Văn Em', 'Nam', '31/02/1990', '', 'Kinh', '', '03/02/2015', '', 'Chi bộ Tổ Toán', ''],
    [3, 'Đỗ Thị Phương', 'Nữ', '1/1/1991', 12345678901, 'Kinh', '', '2016-09-02', '', 'Chi bộ Tổ Văn', ''],
    [4, 'Vũ Văn Giang', 'Nam', '12/12/1988', '', 'Kinh', '', '03/02/2014', '', 'Chi bộ Không Có', ''],
    [5, 'Phạm Văn Dũng', 'Nam', '19/05/1990', '001090000003', 'Kinh', '', '03/02/2015', '', 'Chi bộ Tổ Toán', ''],
    [6, 'Trần Thị Bình', 'Nữ', new Date(Date.UTC(1985, 2, 4)), '001185000001', 'Kinh', '', '', '', '', ''],
    [7, 'LÊ VĂN CƯỜNG', 'Nam', '1/12/1979', '', '', 'Xã Tân Lập', '', '', '', ''],
  ];
  const fixedFile = (): SheetCell[][] => {
    const rows = firstFile();
    rows[4]![3] = '28/02/1990';
    rows[5]![4] = '012345678901';
    rows[6]![9] = 'chi bo to van';
    rows.splice(7, 1);
    return rows;
  };

  beforeAll(async () => {
    t = await startTestApp(engine, { config: { importMaxMb: 1 } });
    f = await buildFixture(t);
    editor = await t.login('editorA');
    s = await rawSession(t, 'editorA');
    const base = { orgId: f.orgs.a1, admittedOn: '2010-01-01' };
    binh = (
      await editor.post('/api/members', {
        ...base,
        fullName: 'Trần Thị Bình',
        gender: 'nu',
        birthDate: '1985-03-04',
        cccd: '001185000001',
        hometown: 'Hưng Yên',
        phone: '0912000111',
      })
    ).body.id;
    cuong = (await editor.post('/api/members', { ...base, orgId: f.orgs.a2, fullName: 'Lê Văn Cường', gender: 'nam', birthDate: '1979-12-01' })).body.id;
    expect(binh && cuong).toBeTruthy();
  });
  afterAll(() => t?.close());

  it('gives a template in the official layout: text cells, a guide sheet listing the user’s cells', async () => {
    const r = await s.download('/api/members/import/template');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const book = await readXlsx(r.bytes);
    expect(Object.keys(book)).toEqual(['Danh sách', 'Hướng dẫn']);
    expect(book['Danh sách']![0]!.slice(0, 17)).toEqual([
      'STT',
      'Họ và tên',
      'Giới tính',
      'Ngày sinh',
      'Số CCCD',
      'Dân tộc',
      'Tôn giáo',
      'Quê quán',
      'Nơi ở hiện nay',
      'Trình độ GDPT',
      'Chuyên môn',
      'Lý luận chính trị',
      'Nghề nghiệp',
      'Ngày vào Đảng',
      'Ngày chính thức',
      'Số thẻ đảng viên',
      'Chi bộ',
    ]);
    const guide = book['Hướng dẫn']!.flat().join('\n');
    expect(guide).toContain('Chi bộ Tổ Toán');
    expect(guide).toContain('Chi bộ Tổ Văn');
    expect(guide).not.toContain('Hòa Bình');
    expect(guide).toContain('DD/MM/YYYY');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.bytes as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Danh sách')!.getColumn(5).numFmt).toBe('@');
    // The template itself is a valid, empty import: its header is recognised.
    const empty = await s.upload(r.bytes, 'mau.xlsx');
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('không có dòng dữ liệu');
  });

  it('previews each row with its problems in Vietnamese, naming row and column', async () => {
    const r = await s.upload(await xlsxOf(firstFile()), 'Danh sách chi bộ.xlsx');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const p = r.body;
    expect(p).toMatchObject({
      fileName: 'Danh sách chi bộ.xlsx',
      status: 'previewed',
      rows: 7,
      processedRows: 7,
      summary: { new: 1, update: 2, unchanged: 0, error: 4 },
    });
    expect(p.columns.slice(0, 3)).toEqual([
      { header: 'STT', field: null },
      { header: 'Họ và tên', field: 'fullName' },
      { header: 'Giới tính', field: 'gender' },
    ]);
    const messages = p.problems.map((x: { message: string }) => x.message);
    expect(messages).toContain('Dòng 5, cột D «Ngày sinh»: «31/02/1990» không phải ngày có thật.');
    expect(messages.find((m: string) => m.startsWith('Dòng 6, cột E «Số CCCD»'))).toMatch(/chỉ có 11 chữ số.*Excel bỏ các số 0 ở đầu/);
    expect(messages).toContain(
      'Dòng 7, cột J «Chi bộ»: Không tìm thấy chi bộ «Chi bộ Không Có» trong phạm vi bạn được cập nhật (ghi tên hoặc mã chi bộ như trong trang «Hướng dẫn» của tệp mẫu).',
    );
    expect(messages).toContain('Dòng 8, cột E «Số CCCD»: Trùng số CCCD với dòng 4.');
    expect(p.problemsTotal, JSON.stringify(messages)).toBe(4);
    const byRow = Object.fromEntries(p.items.map((i: { row: number }) => [i.row, i]));
    expect(byRow[4]).toMatchObject({ action: 'new', fullName: 'Phạm Văn Dũng', memberId: null });
    expect(byRow[9]).toMatchObject({ action: 'update', memberId: binh, changes: [{ field: 'ethnicity', label: 'Dân tộc', from: null, to: '01' }] });
    // Matched by name (accents and capitals aside) and birth date; the capitals do not replace the stored name.
    expect(byRow[10]).toMatchObject({
      action: 'update',
      memberId: cuong,
      fullName: 'Lê Văn Cường',
      changes: [{ field: 'hometown', from: null, to: 'Xã Tân Lập' }],
    });
    expect(byRow[5].problems).toHaveLength(1);
  });

  it('refuses to commit while errors remain, and writes nothing', async () => {
    const p = (await s.upload(await xlsxOf(firstFile()))).body;
    const [members, audits] = [await count('member'), await count('audit_log')];
    const r = await s.post(`/api/members/import/${p.importId}/commit`);
    expect(r.status).toBe(409);
    expect(r.body.error.message).toBe('Còn 4 dòng có lỗi: hãy sửa tệp rồi tải lên lại. Chưa ghi gì vào hồ sơ.');
    expect(r.body.error.details.map((d: { message: string }) => d.message)).toContain('Dòng 5, cột D «Ngày sinh»: «31/02/1990» không phải ngày có thật.');
    expect([await count('member'), await count('audit_log')]).toEqual([members, audits]);
  });

  let firstImport: string;
  it('commits a fixed file all at once: new members with their admission events, updates, one audit entry each', async () => {
    const p = (await s.upload(await fixedXlsx())).body;
    expect(p.summary).toEqual({ new: 4, update: 2, unchanged: 0, error: 0 });
    expect(p.problems).toEqual([]);
    firstImport = p.importId;
    const members = await count('member');
    const r = await s.post(`/api/members/import/${p.importId}/commit`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'committed', result: { created: 4, updated: 2, unchanged: 0 } });
    expect(await count('member')).toBe(members + 4);
    const db = t.database.db;
    // The import's batch inserts and updates keep the tally by month of birth (migration 0018).
    expect((await birthTallyDrift(db)).drift).toEqual([]);
    const dung = await db.selectFrom('member').selectAll().where('cccd', '=', '001090000003').executeTakeFirstOrThrow();
    expect(dung).toMatchObject({
      full_name: 'Phạm Văn Dũng',
      org_id: f.orgs.a1,
      birth_date: '1990-05-19',
      ethnicity: '01',
      hometown: 'Xã Tân Lập',
      admitted_on: '2015-02-03',
      official_on: '2016-02-03',
      given_name: 'Dũng',
    });
    const events = await db
      .selectFrom('member_event')
      .select(['kind', 'effective_date', 'details'])
      .where('member_id', '=', dung.id)
      .orderBy('effective_date')
      .execute();
    expect(events).toEqual([
      { kind: 'admitted', effective_date: '2015-02-03', details: { recordedAfterTheFact: true } },
      { kind: 'recognized_official', effective_date: '2016-02-03', details: { recordedAfterTheFact: true } },
    ]);
    const phuong = await db.selectFrom('member').selectAll().where('cccd', '=', '012345678901').executeTakeFirstOrThrow();
    expect(phuong).toMatchObject({ org_id: f.orgs.a2, gender: 'nu', birth_date: '1991-01-01', official_on: null });
    expect(await db.selectFrom('member').select(['ethnicity', 'hometown']).where('id', '=', binh).executeTakeFirst()).toEqual({
      ethnicity: '01',
      hometown: 'Hưng Yên',
    });
    expect(await db.selectFrom('member').select(['full_name', 'hometown']).where('id', '=', cuong).executeTakeFirst()).toEqual({
      full_name: 'Lê Văn Cường',
      hometown: 'Xã Tân Lập',
    });
    const created = (await auditOf('member.create')).filter((a) => (a.after as { importId?: string }).importId === p.importId);
    expect(created).toHaveLength(4);
    expect(JSON.stringify(created)).not.toContain('001090000003');
    const updated = (await auditOf('member.update')).filter((a) => (a.after as { importId?: string }).importId === p.importId);
    expect(updated.map((a) => [a.entity_id, a.before, a.after])).toEqual([
      [binh, { ethnicity: null }, { ethnicity: '01', importId: p.importId }],
      [cuong, { hometown: null }, { hometown: 'Xã Tân Lập', importId: p.importId }],
    ]);
    const imported = await auditOf('member.import');
    expect(imported).toHaveLength(1);
    expect(imported[0]).toMatchObject({ entity_id: p.importId, after: { created: 4, updated: 2, unchanged: 0, rows: 6 } });

    // Committing the same import again changes nothing.
    const audits = await count('audit_log');
    const again = await s.post(`/api/members/import/${p.importId}/commit`);
    expect(again.status).toBe(200);
    expect(again.body.result).toEqual({ created: 4, updated: 2, unchanged: 0 });
    expect([await count('member'), await count('audit_log')]).toEqual([members + 4, audits]);
  });

  it('imports the same file again as all unchanged, and that commit changes nothing', async () => {
    const p = (await s.upload(await fixedXlsx())).body;
    expect(p.summary).toEqual({ new: 0, update: 0, unchanged: 6, error: 0 });
    expect(p.sameFile).toMatchObject({ importId: firstImport });
    expect(p.sameFile.committedAt).not.toBeNull();
    const [members, audits, events] = [await count('member'), await count('audit_log'), await count('member_event')];
    const r = await s.post(`/api/members/import/${p.importId}/commit`);
    expect(r.body.result).toEqual({ created: 0, updated: 0, unchanged: 6 });
    expect([await count('member'), await count('audit_log'), await count('member_event')]).toEqual([members, audits, events]);
  });

  it('never clears a filled value with a blank cell; fills blanks, changes what differs', async () => {
    const rows: SheetCell[][] = [HEADER, [1, 'Trần Thị Bình', '', '', '001185000001', '', '', '', '', '', '0988 777 666']];
    const p = (await s.upload(await xlsxOf(rows))).body;
    expect(p.summary).toEqual({ new: 0, update: 1, unchanged: 0, error: 0 });
    expect(p.items[0].changes).toEqual([{ field: 'phone', label: 'Số điện thoại', from: '0912000111', to: '0988 777 666' }]);
    expect((await s.post(`/api/members/import/${p.importId}/commit`)).status).toBe(200);
    const m = await t.database.db.selectFrom('member').selectAll().where('id', '=', binh).executeTakeFirstOrThrow();
    expect(m).toMatchObject({ phone: '0988 777 666', hometown: 'Hưng Yên', ethnicity: '01', birth_date: '1985-03-04', gender: 'nu', org_id: f.orgs.a1 });
  });

  it('refuses an empty file, a renamed .docx, a CSV without a header row, a file over the limit; nothing is written', async () => {
    const before = [await count('member'), await count('audit_log'), await imports()];
    const empty = await s.upload(Buffer.alloc(0), 'danh-sach.xlsx');
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatchObject({ code: 'VALIDATION_ERROR', message: 'Tệp rỗng (0 byte): không có gì để nhập.' });
    const docx = await s.upload(docxBytes(), 'danh-sach.xlsx');
    expect(docx.status).toBe(400);
    expect(docx.body.error.message).toContain('văn bản Word (.docx), không phải bảng tính Excel');
    const noHeader = await s.upload(
      csvOf([
        ['Nguyễn Văn An', 'Nam', '01/01/1990'],
        ['Trần Văn Bảo', 'Nam', '02/02/1991'],
      ]),
      'ds.csv',
    );
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.error.message).toContain('Không tìm thấy dòng tiêu đề trong 10 dòng đầu');
    const notUtf8 = await s.upload(Buffer.from('Họ và tên,Giới tính,Ngày sinh\nNguyễn Văn Ân,Nam,01/01/1990\n', 'latin1'), 'ds.csv');
    expect(notUtf8.status).toBe(400);
    expect(notUtf8.body.error.message).toContain('UTF-8');
    const corrupt = await s.upload(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomish(2000)]), 'ds.xlsx');
    expect(corrupt.status).toBe(400);
    // Over the limit (1 MB here): refused by its declared length, and by its content when it is streamed.
    const huge = await s.upload(randomish(1024 * 1024 + 200 * 1024), 'lon.xlsx');
    expect(huge.status).toBe(413);
    expect(huge.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'Tệp quá lớn: tối đa 1 MB. Hãy chia danh sách thành nhiều tệp.' });
    const justOver = await s.upload(randomish(1024 * 1024 + 10), 'lon.xlsx');
    expect(justOver.status).toBe(413);
    const json = await editor.post('/api/members/import/preview', { file: 'x' });
    expect(json.status).toBe(415);
    expect(json.body.error.message).toContain('multipart/form-data');
    expect([await count('member'), await count('audit_log'), await imports()]).toEqual(before);
  });

  it('reads a CSV in UTF-8 with a BOM: Vietnamese text, quoted commas, semicolons', async () => {
    const csv = csvOf(
      [
        ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Dân tộc', 'Tôn giáo', 'Quê quán', 'Chi bộ', 'Ngày vào Đảng', 'Lý luận chính trị', 'Trình độ GDPT'],
        [
          'Nguyễn Thị Ánh Tuyết',
          'Nữ',
          '05/06/1992',
          '034192000123',
          'Tày',
          'Phật giáo',
          'Xã Tân Lập, tỉnh Hưng Yên',
          'Chi bộ Tổ Văn',
          '19/05/2020',
          'Sơ cấp',
          '12/12',
        ],
        ['Ngô Đức Thắng', 'Nam', '1988', '', 'Mường', 'Không', 'Phường Hòa Bình; tỉnh Hưng Yên', 'Chi bộ Tổ Văn', '2015-07-01', 'trung cap', 'Trung học cơ sở'],
      ],
      { sep: ';' },
    );
    const p = (await s.upload(csv, 'Danh sách.csv', undefined, 'text/csv')).body;
    expect(p.summary, JSON.stringify(p.problems)).toEqual({ new: 2, update: 0, unchanged: 0, error: 0 });
    expect(p.items.map((i: { fullName: string }) => i.fullName)).toEqual(['Nguyễn Thị Ánh Tuyết', 'Ngô Đức Thắng']);
    expect((await s.post(`/api/members/import/${p.importId}/commit`)).status).toBe(200);
    const m = await t.database.db.selectFrom('member').selectAll().where('cccd', '=', '034192000123').executeTakeFirstOrThrow();
    expect(m).toMatchObject({
      full_name: 'Nguyễn Thị Ánh Tuyết',
      ethnicity: '02',
      religion: 'phat_giao',
      hometown: 'Xã Tân Lập, tỉnh Hưng Yên',
      theory_level: 'so_cap',
      general_education: 'thpt',
      org_id: f.orgs.a2,
    });
    expect(m.full_name).toBe('Nguyễn Thị Ánh Tuyết'.normalize('NFC'));
    const thang = await t.database.db.selectFrom('member').selectAll().where('full_name', '=', 'Ngô Đức Thắng').executeTakeFirstOrThrow();
    expect(thang).toMatchObject({
      birth_date: null,
      birth_year: 1988,
      hometown: 'Phường Hòa Bình; tỉnh Hưng Yên',
      theory_level: 'trung_cap',
      general_education: 'thcs',
    });
    // Year of birth only: the same file again finds him by name and year.
    expect((await s.upload(csv, 'Danh sách.csv')).body.summary).toEqual({ new: 0, update: 0, unchanged: 2, error: 0 });
  });

  it('exports a filtered list in the official layout, which imports back as unchanged', async () => {
    const r = await s.download('/api/members/export.xlsx?ethnicity=01');
    expect(r.status).toBe(200);
    expect(r.headers['content-disposition']).toBe('attachment; filename="danh-sach-dang-vien-2026-11-20.xlsx"');
    const sheet = (await readXlsx(r.bytes))['Danh sách']!;
    const template = (await readXlsx((await s.download('/api/members/import/template')).bytes))['Danh sách']!;
    expect(sheet[0]).toEqual(template[0]);
    const names = sheet.slice(1).map((row) => row[1]);
    expect(names).toEqual(['Trần Thị Bình', 'Phạm Văn Dũng', 'Hoàng Văn Em', 'Vũ Văn Giang', 'Đỗ Thị Phương']);
    const binhRow = sheet.find((row) => row[1] === 'Trần Thị Bình')!;
    expect(binhRow.slice(0, 6)).toEqual(['1', 'Trần Thị Bình', 'Nữ', '04/03/1985', '001185000001', 'Kinh']);
    expect(binhRow[16]).toBe('Chi bộ Tổ Toán');
    const back = (await s.upload(r.bytes, 'xuat.xlsx')).body;
    expect(back.summary, JSON.stringify(back.problems)).toEqual({ new: 0, update: 0, unchanged: 5, error: 0 });
    const audit = (await auditOf('member.export')).at(-1)!;
    expect(audit).toMatchObject({ actor_name: 'editorA', after: { filters: { ethnicity: '01' }, count: 5, format: 'xlsx' } });
    // A viewer reads the list with every CCCD masked.
    const viewer = await rawSession(t, 'viewerA1');
    const masked = (await readXlsx((await viewer.download('/api/members/export.xlsx?ethnicity=01')).bytes))['Danh sách']!;
    expect(masked.find((row) => row[1] === 'Trần Thị Bình')![4]).toBe('001******001');
    expect((await viewer.upload(r.bytes)).status).toBe(403);
  });

  it('an export by another commune contains none of these members', async () => {
    const b = await rawSession(t, 'adminB');
    const r = await b.download('/api/members/export.xlsx');
    expect(r.status).toBe(200);
    const text = JSON.stringify(await readXlsx(r.bytes));
    for (const name of ['Trần Thị Bình', 'Phạm Văn Dũng', 'Tổ Toán', 'Tổ Văn', 'Nguyễn Văn 19']) expect(text).not.toContain(name);
    expect(text).toContain('Chi bộ Công ty May Hòa Bình');
    expect((await b.download(`/api/members/export.xlsx?orgId=${f.orgs.a1}`)).status).toBe(404);
  });

  it('finds duplicates and matches across a file longer than one chunk of rows, and stores every row', async () => {
    const rows: SheetCell[][] = [HEADER];
    for (let i = 0; i < 4500; i++)
      rows.push([
        i + 1,
        `Nguyễn Văn Thử ${i}`,
        'Nam',
        '01/02/1990',
        `0990900${String(i).padStart(5, '0')}`,
        'Kinh',
        '',
        '03/02/2015',
        '',
        'Chi bộ Tổ Toán',
        '',
      ]);
    rows[4100]![4] = '099090000007'; // the CCCD of data row 8 (sheet row 9), more than 4,000 rows further on
    rows[3000] = [3000, 'Trần Thị Bình', '', '', '001185000001', '', '', '', '', '', '']; // an existing member, late in the file
    const r = await s.upload(await xlsxOf(rows), 'dai.xlsx');
    expect(r.status, JSON.stringify(r.body).slice(0, 500)).toBe(200);
    expect(r.body).toMatchObject({ rows: 4500, summary: { new: 4498, update: 0, unchanged: 1, error: 1 }, problemsTotal: 1 });
    expect(r.body.problems.map((x: { message: string }) => x.message)).toEqual(['Dòng 4101, cột E «Số CCCD»: Trùng số CCCD với dòng 9.']);
    const unchanged = await editor.get(`/api/members/import/${r.body.importId}?action=unchanged`);
    expect(unchanged.body.items).toMatchObject([{ row: 3001, memberId: binh }]);
    const last = await editor.get(`/api/members/import/${r.body.importId}?offset=4499&limit=5`);
    expect(last.body.items.map((i: { row: number }) => i.row)).toEqual([4501]);
  });

  it('reports progress and the stored preview by id; an id chosen by the client works once', async () => {
    const id = '01900000-0000-7000-8000-00000000abcd';
    const p = await s.upload(await fixedXlsx(), 'ds.xlsx', `/api/members/import/preview?importId=${id}`);
    expect(p.body.importId).toBe(id);
    const g = await editor.get(`/api/members/import/${id}?action=unchanged&limit=2`);
    expect(g.body).toMatchObject({ importId: id, status: 'previewed', rows: 6, processedRows: 6 });
    expect(g.body.items.map((i: { row: number }) => i.row)).toEqual([4, 5]);
    expect((await s.upload(await fixedXlsx(), 'ds.xlsx', `/api/members/import/preview?importId=${id}`)).status).toBe(409);
    expect((await (await t.login('adminA')).get(`/api/members/import/${id}`)).status).toBe(404);
  });
});

/** Bytes that are neither text nor a spreadsheet. */
function randomish(n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 2654435761) >>> 24;
  return b;
}
