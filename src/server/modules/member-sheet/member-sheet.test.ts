import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, startTestApp, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import { rawSession, type RawSession } from '../member-import/member-import.fixtures.ts';
import { pdfText, zipEntryText } from './member-sheet.fixtures.ts';

const NAME = 'Trần Thị Hồng Nhung';
const CCCD = '036190004321';
// As the sub-record API (member-records) stores them.
const RECORDS = {
  work: { from: '2008-09', to: '2015-06', workplace: 'Trường THPT Nguyễn Du', position: 'Giáo viên Toán' },
  training: { from: '2004-09-01', to: '2008-06-30', institution: 'Trường Đại học Sư phạm Hà Nội', qualification: 'Cử nhân Sư phạm Toán' },
  trip: { from: '2019-07-01', to: '2019-07-10', country: 'Nhật Bản', purpose: 'Học tập kinh nghiệm' },
  commendation: { date: '2019-05-19', form: 'Chiến sĩ thi đua cơ sở' },
  family: { relationship: 'father', fullName: 'Trần Văn Khải', birthYear: 1940, occupation: 'Nông dân', residence: 'Xã Tân Lập' },
  political: { description: 'Bản thân không bị bắt, không bị tù' },
} as const;

describeEngines('member sheet (form 2-HSĐV) to Word and PDF', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let memberId: string;
  let partyAge: string;
  let admin: RawSession;

  const documentXml = (bytes: Buffer) => zipEntryText(bytes, 'word/document.xml')!.normalize('NFC');
  const lastExport = () =>
    t.database.db
      .selectFrom('audit_log')
      .select(['actor_name', 'entity_id', 'after'])
      .where('action', '=', 'member.sheet_export')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();

  beforeAll(async () => {
    t = await startTestApp(engine);
    f = await buildFixture(t);
    const editor = await t.login('editorA');
    const created = await editor.post('/api/members', {
      fullName: NAME,
      gender: 'nu',
      orgId: f.orgs.a1,
      admittedOn: '1990-02-03',
      officialOn: '1991-02-03',
      birthDate: '1968-07-15',
      birthName: 'Trần Thị Nhung',
      cccd: CCCD,
      sheetNo: '012345HY',
      cardNo: '00123456',
      hometown: 'Xã Tân Lập, tỉnh Hưng Yên',
      ethnicity: '01',
      religion: 'khong',
      theoryLevel: 'trung_cap',
      generalEducation: 'thpt',
      professionalLevel: 'dai_hoc',
      professionalField: 'Sư phạm Toán',
      introducer1: 'Lê Văn Bình',
      ceremonyOn: '1990-03-26',
    });
    expect(created.status).toBe(201);
    memberId = created.body.id;
    expect((await editor.post(`/api/members/${memberId}/badges`, { milestone: 30, awardedOn: '2020-02-03', decisionNo: '45-QĐ/TU' })).status).toBe(200);
    const discipline = await editor.post(`/api/members/${memberId}/disciplines`, {
      form: 'reprimand',
      decidingLevel: 'Chi bộ',
      decisionNo: '02-QĐ/CB',
      decisionDate: '2024-01-10',
      announcedOn: '2024-01-12',
      reason: 'Vi phạm quy định sinh hoạt chi bộ',
    });
    expect(discipline.status).toBe(200);
    await t.database.db
      .insertInto('member_record')
      .values(
        Object.entries(RECORDS).map(([kind, data], sort) => ({
          id: uuidv7(),
          member_id: memberId,
          kind: kind as keyof typeof RECORDS,
          data: JSON.stringify(data),
          sort,
        })),
      )
      .execute();
    const file = (await editor.get(`/api/members/${memberId}`)).body;
    partyAge = `${file.partyAge.years} năm ${file.partyAge.months} tháng ${file.partyAge.days} ngày`;
    expect(file.partyAge.years).toBe(36);
    admin = await rawSession(t, 'adminA');
  });
  afterAll(() => t?.close());

  it('Word: a valid docx with the name, DD/MM/YYYY dates, party age, sub-records and the sensitive groups for a reader allowed them', async () => {
    const r = await admin.download(`/api/members/${memberId}/sheet.docx`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(r.headers['content-disposition']).toBe(
      `attachment; filename="phieu-dang-vien-tran-thi-hong-nhung.docx"; filename*=UTF-8''${encodeURIComponent(`Phiếu đảng viên - ${NAME}.docx`)}`,
    );
    expect(r.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = documentXml(r.bytes);
    for (const text of [
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'PHIẾU ĐẢNG VIÊN',
      NAME,
      'Trần Thị Nhung',
      '15/07/1968',
      '03/02/1990',
      '03/02/1991',
      '26/03/1990',
      partyAge,
      'tính đến ngày 20/11/2026',
      '012345HY',
      '00123456',
      'Kinh',
      'Trung cấp',
      'Đại học, Sư phạm Toán',
      'Đảng bộ xã Tân Lập',
      'Chi bộ Tổ Toán',
      'Huy hiệu 30 năm tuổi Đảng',
      '09/2008 – 06/2015',
      'Trường THPT Nguyễn Du; Giáo viên Toán',
      'Cử nhân Sư phạm Toán',
      'Nhật Bản',
      'Chiến sĩ thi đua cơ sở',
      'Kết nạp vào Đảng',
      // sensitive groups, for a reader allowed them
      CCCD,
      'Kỷ luật',
      'Vi phạm quy định sinh hoạt chi bộ',
      'Hoàn cảnh gia đình',
      'Trần Văn Khải',
      'Lịch sử chính trị',
      'Bản thân không bị bắt',
    ]) {
      expect(xml, text).toContain(text);
    }
    expect(xml).toContain('Cha; Trần Văn Khải; Nông dân; Xã Tân Lập');
    expect(zipEntryText(r.bytes, 'word/styles.xml')).toContain('w:ascii="Times New Roman"');
    expect(zipEntryText(r.bytes, 'word/document.xml')).toContain('<w:pgSz w:w="11906" w:h="16838"'); // A4
    expect(xml).not.toMatch(/\d{4}-\d{2}-\d{2}/); // no ISO date printed
    expect(await lastExport()).toMatchObject({
      actor_name: 'adminA',
      entity_id: memberId,
      after: { format: 'docx', fullName: NAME, sensitive: ['cccd', 'discipline', 'family', 'political'] },
    });
  });

  it('PDF: starts with %PDF, embeds a subset of the Vietnamese font, and its text holds the name and the dates', async () => {
    const r = await admin.download(`/api/members/${memberId}/sheet.pdf`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(String(r.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent(`Phiếu đảng viên - ${NAME}.pdf`)}`);
    expect(r.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = r.bytes.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSerif/); // a subset (six-letter tag) …
    expect(raw).toContain('/FontFile2'); // … embedded
    const text = await pdfText(r.bytes);
    for (const s of [NAME, 'ĐẢNG CỘNG SẢN VIỆT NAM', 'PHIẾU ĐẢNG VIÊN', '15/07/1968', '03/02/1990', partyAge, 'Kỷ luật', 'Trần Văn Khải'])
      expect(text, s).toContain(s);
    expect(await lastExport()).toMatchObject({ actor_name: 'adminA', entity_id: memberId, after: { format: 'pdf' } });
  });

  it('without the sensitive capability: no discipline, family, political history, and the CCCD masked', async () => {
    const viewer = await rawSession(t, 'viewerA1');
    const docx = await viewer.download(`/api/members/${memberId}/sheet.docx`);
    expect(docx.status).toBe(200);
    const xml = documentXml(docx.bytes);
    expect(xml).toContain(NAME);
    expect(xml).toContain('Chiến sĩ thi đua cơ sở');
    expect(xml).toContain('036******321');
    for (const hidden of [CCCD, 'Kỷ luật', 'Vi phạm quy định', 'Hoàn cảnh gia đình', 'Trần Văn Khải', 'Lịch sử chính trị', 'Bản thân không bị bắt'])
      expect(xml, hidden).not.toContain(hidden);
    // The viewer's scope is the cell: the organisations above it are not named.
    expect(xml).not.toContain('Đảng bộ xã Tân Lập');
    expect(await lastExport()).toMatchObject({ actor_name: 'viewerA1', after: { format: 'docx', sensitive: [] } });
    const pdf = await viewer.download(`/api/members/${memberId}/sheet.pdf`);
    const text = await pdfText(pdf.bytes);
    expect(text).toContain(NAME);
    for (const hidden of [CCCD, 'Kỷ luật', 'Trần Văn Khải', 'Bản thân không bị bắt']) expect(text, hidden).not.toContain(hidden);
  });

  it('refuses a sibling organisation’s user as a missing member (404), an unknown id (404) and a malformed id (400)', async () => {
    const sibling = await rawSession(t, 'adminB');
    const before = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'member.sheet_export')
      .executeTakeFirstOrThrow();
    for (const format of ['docx', 'pdf']) {
      const r = await sibling.download(`/api/members/${memberId}/sheet.${format}`);
      expect(r.status).toBe(404);
      expect(r.body.error).toMatchObject({ code: 'NOT_FOUND', message: 'Không tìm thấy đảng viên.' });
      expect(r.bytes.toString('utf8')).not.toContain(NAME);
      const missing = await admin.download(`/api/members/01900000-0000-7000-8000-000000000000/sheet.${format}`);
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual(r.body);
      const bad = await admin.download(`/api/members/khong-phai-uuid/sheet.${format}`);
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].field).toBe('id');
      expect((await admin.download(`/api/members/${memberId}/sheet.${format}?format=x`)).status).toBe(400);
    }
    const after = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'member.sheet_export')
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n)); // a refused export writes nothing
  });
});
