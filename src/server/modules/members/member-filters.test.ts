/**
 * The member list's filters (members.filters.ts): catalogue codes, age and party-age bands exact at their
 * boundaries, the badge due list, the same answer from the export, and Vietnamese errors for values that cannot be
 * applied. The party-age band agrees with the party age of the member file on histories with gaps.
 */
import ExcelJS from 'exceljs';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import { rawSession, readXlsx } from '../member-import/member-import.fixtures.ts';
import { backfillPartyAgeFrom } from '../../db/migrations/0007-member-party-age.ts';

describeEngines('member list filters', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let admin: Client;
  const ids: Record<string, string> = {};

  const create = async (key: string, body: Record<string, unknown>) => {
    const r = await admin.post('/api/members', { gender: 'nam', orgId: f.orgs.a2, ...('birthYear' in body ? {} : { birthDate: '1970-06-15' }), ...body });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    ids[key] = r.body.id;
    return r.body.id as string;
  };
  const event = async (id: string, body: Record<string, unknown>) => {
    const r = await admin.post(`/api/members/${id}/events`, body);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  const list = async (query: string) => {
    const r = await admin.get(`/api/members?pageSize=200&${query}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return (r.body.items as { id: string }[]).map((i) => i.id).sort();
  };
  const sorted = (...keys: string[]) => keys.map((k) => ids[k]!).sort();

  beforeAll(async () => {
    t = await startTestApp(engine); // today is 20/11/2026
    f = await buildFixture(t);
    admin = await t.login('admin');
    // Catalogue fields and ages.
    await create('sixty', { fullName: 'Lê Văn Tuổi Sáu', birthDate: '1966-11-20', admittedOn: '2000-01-01', religion: 'cong_giao', occupation: 'nghi_huu' });
    await create('fiftyNine', {
      fullName: 'Lê Văn Tuổi Năm',
      birthDate: '1966-11-21',
      admittedOn: '2000-01-01',
      religion: 'phat_giao',
      generalEducation: 'thpt',
    });
    await create('yearSixty', {
      fullName: 'Lê Thị Tuổi Năm Sinh',
      gender: 'nu',
      birthYear: 1966,
      admittedOn: '2000-01-01',
      generalEducation: 'thpt',
      occupation: 'nghi_huu',
    });
    await create('yearFiftyNine', { fullName: 'Lê Thị Tuổi Bảy', gender: 'nu', birthYear: 1967, admittedOn: '2000-01-01', generalEducation: 'thcs' });
    // Party-age histories (domain.md §5).
    await create('thirty', { fullName: 'Trần Văn Đảng Một', admittedOn: '1996-11-20', officialOn: '1997-11-20' });
    await create('twentyNine', { fullName: 'Trần Văn Đảng Hai', admittedOn: '1996-11-21', officialOn: '1997-11-21' });
    const lost = await create('lostContact', { fullName: 'Trần Văn Đảng Ba', admittedOn: '1990-03-01', officialOn: '1991-03-01' });
    await event(lost, { kind: 'lost_contact', date: '2020-01-10' });
    await event(lost, { kind: 'contact_restored', date: '2021-03-01' });
    const late = await create('lateTransfer', { fullName: 'Trần Văn Đảng Bốn', admittedOn: '1996-10-01', officialOn: '1997-10-01' });
    await event(late, { kind: 'transfer_out_started', toOrgId: f.orgs.gB, date: '2026-03-02' });
    await event(late, { kind: 'transfer_in_confirmed', orgId: f.orgs.gB, date: '2026-06-30', lateReason: 'Ốm dài ngày' });
    const re = await create('readmitted', { fullName: 'Trần Văn Đảng Năm', admittedOn: '1995-01-01', officialOn: '1996-01-01' });
    await event(re, { kind: 'expelled', date: '2015-01-01' });
    await event(re, { kind: 'readmitted', orgId: f.orgs.a2, date: '2019-01-10', ceremonyOn: '2019-01-20' });
    await event(re, { kind: 'recognized_official', date: '2020-01-25', officialOn: '2020-01-20' });
    await create('probationary', { fullName: 'Trần Văn Đảng Sáu', admittedOn: '2026-01-05' });
    const gone = await create('lostNow', { fullName: 'Trần Văn Đảng Bảy', birthDate: '1958-06-15', admittedOn: '1980-01-01', officialOn: '1981-01-01' });
    await event(gone, { kind: 'lost_contact', date: '2026-06-01' });
    // Badge due at 03/02/2027 (30 years on 15/01/2027).
    await create('badge', { fullName: 'Phạm Văn Huy Hiệu', admittedOn: '1997-01-15', officialOn: '1998-01-15' });
  });
  afterAll(() => t?.close());

  it('“on the roll” is the organisation page’s count: the deceased and those out of the Party are left out (issue 12 part 6)', async () => {
    const dead = await create('deceased', { fullName: 'Phạm Văn Từ Trần', birthDate: '1945-06-15', admittedOn: '1970-01-01', officialOn: '1971-01-01' });
    await event(dead, { kind: 'deceased', date: '2026-02-01' });
    const org = (await admin.get(`/api/orgs/${f.orgs.a2}`)).body.memberCount as { official: number; probationary: number };
    const onRoll = await admin.get(`/api/members?orgId=${f.orgs.a2}&status=on_roll&pageSize=1`);
    expect(onRoll.body.total).toBe(org.official + org.probationary);
    const all = await admin.get(`/api/members?orgId=${f.orgs.a2}&pageSize=1`);
    expect(all.body.total).toBe(onRoll.body.total + 1);
    expect(await list(`orgId=${f.orgs.a2}&status=on_roll`)).not.toContain(dead);
    expect(await list(`orgId=${f.orgs.a2}&status=deceased`)).toEqual([dead]);
  });

  it('filters by religion, general education and occupation codes, alone and together', async () => {
    expect(await list('religion=cong_giao')).toEqual(sorted('sixty'));
    expect(await list('generalEducation=thpt')).toEqual(sorted('fiftyNine', 'yearSixty'));
    expect(await list('occupation=nghi_huu')).toEqual(sorted('sixty', 'yearSixty'));
    expect(await list('occupation=nghi_huu&generalEducation=thpt')).toEqual(sorted('yearSixty'));
  });

  it('takes full years of age today, exact at the birthday; a year-only birth counts from 1 January', async () => {
    expect(await list('q=tuoi&ageFrom=60')).toEqual(sorted('sixty', 'yearSixty'));
    expect(await list('q=tuoi&ageTo=59')).toEqual(sorted('fiftyNine', 'yearFiftyNine'));
    expect(await list('q=tuoi&ageFrom=60&ageTo=60')).toEqual(sorted('sixty', 'yearSixty'));
    expect(await list('q=tuoi&ageFrom=59&ageTo=59')).toEqual(sorted('fiftyNine', 'yearFiftyNine'));
    // the fixture's members, born 01/01/1980, are 46
    expect((await list('ageFrom=46&ageTo=46')).length).toBe(34);
  });

  it('counts an age band over the whole tree from the tally by month of birth, exact on both sides of each boundary', async () => {
    // No text, no other filter, the whole tree: the count is the tally's (migration 0018), the page the rows'.
    const total = async (query: string) => {
      const r = await admin.get(`/api/members?pageSize=200&${query}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return { total: r.body.total as number, ids: (r.body.items as { id: string }[]).map((i) => i.id) };
    };
    // 60 on 20/11/2026: born on 20/11/1966, or in 1966 when only the year is known; 21/11/1966 and 1967 are 59.
    const sixtyUp = await total('ageFrom=60');
    expect(sixtyUp.ids).toEqual(expect.arrayContaining(sorted('sixty', 'yearSixty')));
    expect(sixtyUp.ids).not.toEqual(expect.arrayContaining([ids.fiftyNine]));
    expect(sixtyUp.ids).not.toEqual(expect.arrayContaining([ids.yearFiftyNine]));
    const upTo59 = await total('ageTo=59');
    expect(upTo59.ids).toEqual(expect.arrayContaining(sorted('fiftyNine', 'yearFiftyNine')));
    expect(upTo59.ids).not.toEqual(expect.arrayContaining([ids.sixty]));
    const all = await total('');
    expect(sixtyUp.total + upTo59.total).toBe(all.total);
    expect((await total('ageFrom=60&ageTo=60')).total - (await total('ageFrom=61&ageTo=61')).total).toBeLessThanOrEqual(2);
    // Every band's count is the number of rows the list finds, on and off the roll, at the birthdays of the fixture.
    const bands = [
      '',
      'ageFrom=60',
      'ageTo=59',
      'ageFrom=60&ageTo=60',
      'ageFrom=59&ageTo=59',
      'ageFrom=46&ageTo=46',
      'ageFrom=47',
      'ageTo=45',
      'ageFrom=0',
      'ageFrom=68&ageTo=70',
    ];
    for (const band of bands) {
      for (const status of ['', '&status=on_roll']) {
        const r = await total(`${band}${status}`);
        expect(r.total, `${band}${status}`).toBe(r.ids.length);
      }
    }
    expect((await total('ageFrom=60&ageTo=60')).ids.sort()).toEqual(expect.arrayContaining(sorted('sixty', 'yearSixty')));
    expect((await total('ageFrom=46&ageTo=46')).total).toBe(34);
    // The count really is the tally's: a year-only month made wrong on purpose shows in it, and not in the rows.
    const db = t.database.db;
    await sql`UPDATE member_birth_tally SET n = n + 1000 WHERE birth_year = 1966 AND birth_month = 0 AND on_roll`.execute(db);
    try {
      expect((await total('ageFrom=60')).total).toBe(sixtyUp.total + 1000);
    } finally {
      await sql`UPDATE member_birth_tally SET n = n - 1000 WHERE birth_year = 1966 AND birth_month = 0 AND on_roll`.execute(db);
    }
  });

  it('takes full years of party age today and agrees with the member file on every history', async () => {
    const keys = ['thirty', 'twentyNine', 'lostContact', 'lateTransfer', 'readmitted', 'probationary', 'lostNow', 'badge'];
    const running = { thirty: 30, twentyNine: 29 } as Record<string, number>;
    for (const key of keys) {
      const file = (await admin.get(`/api/members/${ids[key]}`)).body;
      const q = `q=${encodeURIComponent(file.fields.fullName)}`;
      const { years, official } = file.partyAge;
      if (key in running) expect(years, key).toBe(running[key]);
      if (key === 'probationary' || key === 'lostNow') {
        // no running party age: in no band (the lost member's file shows the age frozen at the gap's start)
        expect(await list(`${q}&partyAgeFrom=0`), key).toEqual([]);
        continue;
      }
      expect(official, key).toBe(true);
      expect(await list(`${q}&partyAgeFrom=${years}&partyAgeTo=${years}`), key).toEqual([ids[key]]);
      expect(await list(`${q}&partyAgeFrom=${years + 1}`), key).toEqual([]);
      expect(await list(`${q}&partyAgeTo=${years - 1}`), key).toEqual([]);
    }
    // the gaps are really subtracted: 1990 + lost contact of 13 months is 35, not 36; the late transfer 29, not 30
    expect((await admin.get(`/api/members/${ids.lostContact}`)).body.partyAge.years).toBe(35);
    expect((await admin.get(`/api/members/${ids.lateTransfer}`)).body.partyAge.years).toBe(29);
    expect(await list('q=tran%20van%20dang&partyAgeFrom=30&partyAgeTo=30')).toEqual(sorted('thirty'));
  });

  it('the migration’s backfill computes the same column from the events', async () => {
    const db = t.database.db;
    const before = await db.selectFrom('member').select(['id', 'party_age_from']).orderBy('id').execute();
    expect(before.filter((r) => r.party_age_from !== null).length).toBeGreaterThan(5);
    await sql`UPDATE member SET party_age_from = NULL`.execute(db);
    await backfillPartyAgeFrom(db as unknown as Kysely<unknown>, '2026-11-20');
    expect(await db.selectFrom('member').select(['id', 'party_age_from']).orderBy('id').execute()).toEqual(before);
  });

  it('lists the members due a badge at an anniversary, as the badge list decides', async () => {
    const badges = (await admin.get('/api/badges?anniversary=2027-02-03')).body;
    const due = badges.due.map((d: { memberId: string }) => d.memberId).sort();
    expect(due).toContain(ids.badge);
    expect(await list('badgeDue=next')).toEqual(due);
    expect(await list('badgeDue=2027-02-03')).toEqual(due);
    const dueB = (await admin.get(`/api/badges?anniversary=2027-02-03&orgId=${f.orgs.gB}`)).body.due.map((d: { memberId: string }) => d.memberId).sort();
    expect(await list(`badgeDue=next&orgId=${f.orgs.gB}`)).toEqual(dueB);
    expect(dueB.length).toBeLessThan(due.length);
    expect(await list('badgeDue=next&q=huy%20hieu')).toEqual(sorted('badge'));
    const may = (await admin.get('/api/badges?anniversary=2027-05-19')).body.due.map((d: { memberId: string }) => d.memberId).sort();
    expect(await list('badgeDue=2027-05-19')).toEqual(may);
  });

  it('the export takes the same filters', async () => {
    const raw = await rawSession(t, 'admin');
    const r = await raw.download('/api/members/export.xlsx?q=tuoi&ageFrom=60&occupation=nghi_huu');
    expect(r.status).toBe(200);
    const rows = (await readXlsx(r.bytes))['Danh sách']!.slice(1).map((row) => row[1]);
    expect(rows.sort()).toEqual(['Lê Thị Tuổi Năm Sinh', 'Lê Văn Tuổi Sáu']);
    // Row numbers and full dates are values, not text; a year-only birth and identifiers stay text (issue 12 part 8).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.bytes as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Danh sách')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const byName = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row, n) => {
      if (n > 1) byName.set(String(row.getCell(2).value), row);
    });
    const sixty = byName.get('Lê Văn Tuổi Sáu')!;
    expect(typeof sixty.getCell(1).value).toBe('number');
    const birth = sixty.getCell(header.indexOf('Ngày sinh'));
    expect(birth.value).toEqual(new Date(Date.UTC(1966, 10, 20)));
    expect(birth.numFmt).toBe('dd/mm/yyyy');
    expect(sixty.getCell(header.indexOf('Ngày vào Đảng')).value).toEqual(new Date(Date.UTC(2000, 0, 1)));
    expect(byName.get('Lê Thị Tuổi Năm Sinh')!.getCell(header.indexOf('Ngày sinh')).value).toBe('1966');
    const badge = await raw.download('/api/members/export.xlsx?badgeDue=next&q=huy%20hieu');
    expect((await readXlsx(badge.bytes))['Danh sách']!.slice(1).map((row) => row[1])).toEqual(['Phạm Văn Huy Hiệu']);
  });

  it('refuses values it cannot apply, in Vietnamese, naming the field', async () => {
    const cases: [string, string, RegExp][] = [
      ['ageFrom=61&ageTo=60', 'ageFrom', /không được lớn hơn/],
      ['partyAgeFrom=31&partyAgeTo=30', 'partyAgeFrom', /không được lớn hơn/],
      ['ageFrom=-1', 'ageFrom', /không âm/],
      ['partyAgeTo=2.5', 'partyAgeTo', /không âm/],
      ['ageTo=151', 'ageTo', /quá 150/],
      ['religion=vo_than', 'religion', /không có trong danh mục/],
      ['generalEducation=12%2F12', 'generalEducation', /không có trong danh mục/],
      ['occupation=x', 'occupation', /không có trong danh mục/],
      ['ethnicity=99', 'ethnicity', /không có trong danh mục/],
      ['status=dang_ngu', 'status', /không có trong danh mục/],
      ['badgeDue=2027-05-20', 'badgeDue', /không phải dịp trao Huy hiệu/],
      ['badgeDue=sau', 'badgeDue', /Dịp xét Huy hiệu/],
    ];
    for (const [query, field, message] of cases) {
      for (const url of [`/api/members?${query}`, `/api/members/export.xlsx?${query}`]) {
        const r = await admin.get(url);
        expect(r.status, `${url}: ${JSON.stringify(r.body)}`).toBe(400);
        expect(
          r.body.error.details.map((d: { field: string }) => d.field),
          url,
        ).toContain(field);
        expect(r.body.error.message, url).toMatch(message);
      }
    }
  });
});
