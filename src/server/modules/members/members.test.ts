import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import { insertMembers } from '../../demo/bulk-insert.ts';
import { personSortKey } from '../../../domain/text.ts';
import { SEARCH_COUNT_CAP } from './members.repo.ts';

describeEngines('member file', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let editor: Client;
  const base = { gender: 'nu', birthDate: '1985-05-05', orgId: '', admittedOn: '2015-05-19', officialOn: '2016-05-19' };

  beforeAll(async () => {
    t = await startTestApp(engine);
    f = await buildFixture(t);
    editor = await t.login('editorA');
    base.orgId = f.orgs.a1;
  });
  afterAll(() => t?.close());

  it('records a member with the sheet’s fields; identifiers stay text; CCCD is masked', async () => {
    const r = await editor.post('/api/members', {
      ...base,
      fullName: '  Đặng   Thị Ánh ',
      birthDate: '1990-02-28',
      cccd: '001190012345',
      cardNo: '00012345',
      ethnicity: '01',
      theoryLevel: 'trung_cap',
      hometown: 'Xã Tân Lập, tỉnh Hưng Yên',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      org: { id: f.orgs.a1, name: 'Chi bộ Tổ Toán' },
      status: 'active',
      membership: 'official',
      cccdMasked: '001******345',
      fields: { fullName: 'Đặng Thị Ánh', cardNo: '00012345', hometown: 'Xã Tân Lập, tỉnh Hưng Yên' },
    });
    expect(JSON.stringify(r.body)).not.toContain('001190012345');
    const events = await t.database.db
      .selectFrom('member_event')
      .select(['kind', 'effective_date'])
      .where('member_id', '=', r.body.id)
      .orderBy('effective_date')
      .execute();
    expect(events).toEqual([
      { kind: 'admitted', effective_date: '2015-05-19' },
      { kind: 'recognized_official', effective_date: '2016-05-19' },
    ]);
  });

  it('refuses an 11-digit CCCD, a duplicate CCCD, a member outside a cell, an official date before admission', async () => {
    const short = await editor.post('/api/members', { ...base, fullName: 'Nguyễn Văn An', cccd: '00119001234' });
    expect(short.status).toBe(400);
    expect(short.body.error.details[0]).toEqual({ field: 'cccd', message: 'Số CCCD phải gồm đúng 12 chữ số.' });
    const dup = await editor.post('/api/members', { ...base, fullName: 'Nguyễn Văn An', cccd: '001190012345' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.details[0].field).toBe('cccd');
    const notCell = await editor.post('/api/members', { ...base, fullName: 'Nguyễn Văn An', orgId: f.orgs.gA });
    expect(notCell.status).toBe(400);
    expect(notCell.body.error.message).toContain('không phải chi bộ');
    const order = await editor.post('/api/members', { ...base, fullName: 'Nguyễn Văn An', officialOn: '2015-01-01' });
    expect(order.status).toBe(400);
    expect(order.body.error.details[0].field).toBe('officialOn');
  });

  it('takes catalogue fields as catalogue codes only', async () => {
    const bad = await editor.post('/api/members', { ...base, orgId: f.orgs.a2, fullName: 'Lò Văn Mường', ethnicity: 'Muong' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toEqual({ field: 'ethnicity', message: 'Giá trị «Muong» không có trong danh mục.' });
    const ok = await editor.post('/api/members', {
      ...base,
      orgId: f.orgs.a2,
      fullName: 'Lò Văn Mường',
      ethnicity: '06',
      religion: 'khong',
      theoryLevel: 'so_cap',
    });
    expect(ok.status).toBe(201);
    expect((await editor.patch(`/api/members/${ok.body.id}`, { occupation: 'phi_cong' })).status).toBe(400);
  });

  it('finds members by name without accents and sorts by given name, family name, middle name', async () => {
    for (const fullName of ['Nguyễn Văn An', 'Ngô Đức Đạt', 'Trần Văn An', 'Bùi Thị Ân']) {
      expect((await editor.post('/api/members', { ...base, fullName })).status).toBe(201);
    }
    const found = await editor.get('/api/members?q=ngo%20duc%20dat');
    expect(found.body.items.map((m: { fullName: string }) => m.fullName)).toEqual(['Ngô Đức Đạt']);
    const anh = await editor.get(`/api/members?q=${encodeURIComponent('DANG THI ANH')}`);
    expect(anh.body.items.map((m: { fullName: string }) => m.fullName)).toEqual(['Đặng Thị Ánh']);
    const byCccd = await editor.get('/api/members?q=001190012345');
    expect(byCccd.body.items).toHaveLength(1);
    const named = await editor.get(`/api/members?orgId=${f.orgs.a1}&pageSize=200`);
    const real = named.body.items.map((m: { fullName: string }) => m.fullName).filter((n: string) => !/\d/.test(n));
    expect(real).toEqual(['Nguyễn Văn An', 'Trần Văn An', 'Đặng Thị Ánh', 'Bùi Thị Ân', 'Ngô Đức Đạt']);
  });

  it('matches names whose words begin with the words typed, the same with other filters, and follows renames', async () => {
    const names = async (query: string) =>
      (await editor.get(`/api/members?orgId=${f.orgs.a1}&${query}`)).body.items.map((m: { fullName: string }) => m.fullName);
    // Whole words inside the name, a word begun, and nothing in the middle of a word.
    expect(await names('q=van%20an')).toEqual(['Nguyễn Văn An', 'Trần Văn An']);
    expect(await names('q=an')).toEqual(['Nguyễn Văn An', 'Trần Văn An', 'Đặng Thị Ánh', 'Bùi Thị Ân']);
    expect(await names('q=thi%20a')).toEqual(['Đặng Thị Ánh', 'Bùi Thị Ân']);
    expect(await names('q=guyen')).toEqual([]);
    // With another filter the list reads the rows (filteredMembers), without one the name tails: the same matches.
    expect(await names('q=thi%20a&gender=nu')).toEqual(['Đặng Thị Ánh', 'Bùi Thị Ân']);
    expect(await names('q=an&status=active')).toEqual(await names('q=an'));
    const dat = (await editor.get('/api/members?q=ngo%20duc%20dat')).body.items[0];
    expect((await editor.patch(`/api/members/${dat.id}`, { fullName: 'Ngô Đức Thành' })).status).toBe(200);
    expect(await names('q=duc%20dat')).toEqual([]);
    expect(await names('q=duc%20thanh')).toEqual(['Ngô Đức Thành']);
    expect((await editor.patch(`/api/members/${dat.id}`, { fullName: 'Ngô Đức Đạt' })).status).toBe(200);
    expect(await names('q=duc%20dat')).toEqual(['Ngô Đức Đạt']);
  });

  it('corrects fields (a blank clears, never an empty string) and audits before and after', async () => {
    const m = (await editor.get('/api/members?q=dang%20thi%20anh')).body.items[0];
    const r = await editor.patch(`/api/members/${m.id}`, { hometown: '', phone: '0912 345 678' });
    expect(r.status).toBe(200);
    expect(r.body.fields).toMatchObject({ hometown: null, phone: '0912 345 678' });
    const audit = await (await t.login('adminA')).get(`/api/audit?entityId=${m.id}&action=member.update`);
    expect(audit.body.items[0]).toMatchObject({
      before: { hometown: 'Xã Tân Lập, tỉnh Hưng Yên', phone: null },
      after: { hometown: null, phone: '0912 345 678' },
    });
  });

  it('reveals the CCCD only to those allowed, and records every reveal', async () => {
    const m = (await editor.get('/api/members?q=dang%20thi%20anh')).body.items[0];
    const viewer = await t.login('viewerA1');
    expect((await viewer.get(`/api/members/${m.id}`)).body.canReadSensitive).toBe(false);
    expect((await viewer.post(`/api/members/${m.id}/reveal-cccd`)).status).toBe(403);
    const r = await editor.post(`/api/members/${m.id}/reveal-cccd`);
    expect(r.body).toEqual({ cccd: '001190012345' });
    const audit = await (await t.login('adminA')).get(`/api/audit?entityId=${m.id}&action=member.reveal`);
    expect(audit.body.items[0]).toMatchObject({ actorName: 'editorA', after: { field: 'cccd' } });
    expect(JSON.stringify(audit.body)).not.toContain('001190012345');
  });

  it('lists catalogues as data: 54 ethnic groups and foreigners', async () => {
    const c = (await editor.get('/api/meta/catalogues')).body;
    expect(c.ethnicity).toHaveLength(55);
    expect(c.ethnicity[0]).toEqual({ code: '01', name: 'Kinh' });
    expect(c.theory_level.map((x: { name: string }) => x.name)).toContain('Cao cấp');
  });

  it('stops counting a text search past the cap and says so; other lists count exactly', async () => {
    const many = Array.from({ length: SEARCH_COUNT_CAP + 5 }, (_, i) => {
      const fullName = `Phan Văn Lặp ${String(i).padStart(4, '0')}`;
      return {
        id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
        org_id: f.orgs.a2,
        full_name: fullName,
        family_name: 'Phan',
        middle_name: 'Văn',
        given_name: `Lặp ${i}`,
        name_sort_key: personSortKey(fullName),
        gender: 'nam' as const,
        admitted_on: '2000-01-01',
        official_on: '2001-01-01',
      };
    });
    await t.database.db.transaction().execute((tx) => insertMembers(tx, { members: many }));
    const all = await editor.get('/api/members?q=phan%20van%20lap&pageSize=10');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: SEARCH_COUNT_CAP, totalCapped: true });
    expect(all.body.items).toHaveLength(10);
    // Pages of a name search (the name tails, one statement) are the pages the rows give with another filter.
    const ids = (r: { body: { items: { id: string }[] } }) => r.body.items.map((m) => m.id);
    const page2 = await editor.get('/api/members?q=phan%20van%20lap&pageSize=10&page=2');
    expect(page2.body).toMatchObject({ total: SEARCH_COUNT_CAP, totalCapped: true });
    expect(ids(page2)).toHaveLength(10);
    expect(ids(page2).filter((id: string) => ids(all).includes(id))).toEqual([]);
    expect(ids(await editor.get('/api/members?q=phan%20van%20lap&pageSize=10&page=2&status=active'))).toEqual(ids(page2));
    expect(ids(await editor.get('/api/members?q=phan%20van%20lap&pageSize=10&page=1&status=active'))).toEqual(ids(all));
    const past = await editor.get('/api/members?q=phan%20van%20lap%201004&page=2');
    expect(past.body).toMatchObject({ total: 1, totalCapped: false, items: [] });
    const one = await editor.get('/api/members?q=phan%20van%20lap%201004');
    expect(one.body).toMatchObject({ total: 1, totalCapped: false, items: [expect.objectContaining({ fullName: 'Phan Văn Lặp 1004' })] });
    const cell = await editor.get(`/api/members?orgId=${f.orgs.a2}&pageSize=10`);
    expect(cell.body.total).toBeGreaterThanOrEqual(SEARCH_COUNT_CAP + 5);
    expect(cell.body.totalCapped).toBe(false);
  });

  it('requires a date of birth, or for an old record its year (domain.md §4)', async () => {
    const { birthDate: _b, ...noBirth } = base;
    const none = await editor.post('/api/members', { ...noBirth, fullName: 'Vũ Văn Không' });
    expect(none.status).toBe(400);
    expect(none.body.error.details[0].field).toBe('birthDate');
    expect(none.body.error.message).toContain('cần ngày sinh');
    const year = await editor.post('/api/members', { ...noBirth, fullName: 'Vũ Văn Năm', birthYear: 1950 });
    expect(year.status).toBe(201);
    // Clearing the only birth fact is refused; replacing the year by the date is not.
    const cleared = await editor.patch(`/api/members/${year.body.id}`, { birthYear: null });
    expect(cleared.status).toBe(400);
    expect(cleared.body.error.details[0].field).toBe('birthYear');
    expect((await editor.patch(`/api/members/${year.body.id}`, { birthDate: '1950-03-04', birthYear: null })).status).toBe(200);
    expect((await editor.patch(`/api/members/${year.body.id}`, { birthDate: null })).status).toBe(400);
  });
});
