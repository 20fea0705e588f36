import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import { rawSession, readXlsx } from '../member-import/member-import.fixtures.ts';
import { birthTallyDrift } from '../../../../test/helpers/tally.ts';

describeEngines('life events, transfers, party age and badges', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let a: Client;
  let b: Client;
  const create = async (fullName: string, admittedOn: string, officialOn?: string, orgId?: string) => {
    const r = await a.post('/api/members', {
      fullName,
      gender: 'nam',
      birthDate: `${Number(admittedOn.slice(0, 4)) - 25}-01-01`,
      orgId: orgId ?? f.orgs.a1,
      admittedOn,
      ...(officialOn ? { officialOn } : {}),
    });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp(engine); // today is 20/11/2026
    f = await buildFixture(t);
    a = await t.login('adminA');
    b = await t.login('adminB');
  });
  afterAll(() => t?.close());

  it('a transfer is two halves: in transit between them, on one roll after arrival, both sides see it', async () => {
    const id = await create('Phạm Văn Chuyển', '2010-03-26', '2011-03-26');
    const out = await a.post(`/api/members/${id}/events`, { kind: 'transfer_out_started', toOrgId: f.orgs.gB, date: '2026-10-01', decisionNo: '12-QĐ/ĐU' });
    expect(out.status).toBe(200);
    expect(out.body.status).toBe('in_transit');
    // still on the sending roll, as in transit; the receiver sees the arrival to confirm, not the file
    expect((await a.get(`/api/members?q=pham%20van%20chuyen`)).body.items[0]).toMatchObject({ status: 'in_transit', orgId: f.orgs.a1 });
    expect((await b.get(`/api/members/${id}`)).status).toBe(404);
    expect((await b.get('/api/transfers/incoming')).body.items).toEqual([
      expect.objectContaining({ memberId: id, fromOrg: 'Chi bộ Tổ Toán', toOrg: 'Chi bộ Công ty May Hòa Bình', startedOn: '2026-10-01' }),
    ]);
    expect((await a.get('/api/transfers/incoming')).body.items).toEqual([]);
    // the sender cannot confirm on the receiver's behalf
    expect((await a.post(`/api/members/${id}/events`, { kind: 'transfer_in_confirmed', orgId: f.orgs.gB, date: '2026-10-10' })).status).toBe(400);
    const arrived = await b.post(`/api/members/${id}/events`, { kind: 'transfer_in_confirmed', orgId: f.orgs.gB, date: '2026-10-10' });
    expect(arrived.status).toBe(200);
    expect(arrived.body).toMatchObject({ status: 'active', org: { id: f.orgs.gB } });
    expect((await a.get(`/api/members/${id}`)).status).toBe(404);
    expect(arrived.body.events.map((e: { kind: string }) => e.kind)).toEqual([
      'admitted',
      'recognized_official',
      'transfer_out_started',
      'transfer_in_confirmed',
    ]);
    // Thu 01/10 → Sat 10/10/2026: Fri 2, Mon 5 … Fri 9 = 6 working days
    expect(arrived.body.events[3].details.workingDaysInTransit).toBe(6);
    // a second transfer: the incoming list shows the open one only, once
    await b.post(`/api/members/${id}/events`, { kind: 'transfer_out_started', toOrgId: f.orgs.a2, date: '2026-11-02' });
    const incoming = (await a.get('/api/transfers/incoming')).body.items;
    expect(incoming).toEqual([expect.objectContaining({ memberId: id, toOrgId: f.orgs.a2, startedOn: '2026-11-02' })]);
    expect((await b.get('/api/transfers/incoming')).body.items).toEqual([]);
    expect((await a.post(`/api/members/${id}/events`, { kind: 'transfer_in_confirmed', orgId: f.orgs.a2, date: '2026-11-03' })).status).toBe(200);
    // a second arrival without a departure is refused by the rules
    const again = await a.post(`/api/members/${id}/events`, { kind: 'transfer_in_confirmed', orgId: f.orgs.a2, date: '2026-11-04' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONFLICT');
  });

  it('a transfer of 1998, before the working calendar begins (2000), is recorded without a count instead of failing', async () => {
    const id = await create('Trần Văn Cũ', '1990-02-03', '1991-02-03');
    expect((await a.post(`/api/members/${id}/events`, { kind: 'transfer_out_started', toOrgId: f.orgs.gB, date: '1998-03-02' })).status).toBe(200);
    const arrived = await b.post(`/api/members/${id}/events`, { kind: 'transfer_in_confirmed', orgId: f.orgs.gB, date: '1998-04-20' });
    expect(arrived.status).toBe(200);
    expect(arrived.body.events.at(-1).details).not.toHaveProperty('workingDaysInTransit');
  });

  it('an arrival later than 30 working days needs its reason, which is recorded', async () => {
    const id = await create('Vũ Thị Muộn', '2012-01-05', '2013-01-05');
    await a.post(`/api/members/${id}/events`, { kind: 'transfer_out_started', toOrgId: f.orgs.gB, date: '2026-08-03' });
    // Mon 03/08 → Wed 16/09/2026 is exactly 30 working days (1/9 and 2/9 are National Day holidays): on time for
    // another member; Thu 17/09 is the 31st.
    const late = await b.post(`/api/members/${id}/events`, { kind: 'transfer_in_confirmed', orgId: f.orgs.gB, date: '2026-09-17' });
    expect(late.status).toBe(400);
    expect(late.body.error.details[0]).toMatchObject({ field: 'lateReason' });
    expect(late.body.error.message).toContain('quá 30 ngày');
    const ok = await b.post(`/api/members/${id}/events`, {
      kind: 'transfer_in_confirmed',
      orgId: f.orgs.gB,
      date: '2026-09-17',
      lateReason: 'Đi công tác dài ngày',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.events.at(-1).details).toMatchObject({ late: true, lateReason: 'Đi công tác dài ngày', workingDaysInTransit: 31 });
    const onTime = await create('Vũ Văn Đúng Hạn', '2012-01-05', '2013-01-05');
    await a.post(`/api/members/${onTime}/events`, { kind: 'transfer_out_started', toOrgId: f.orgs.gB, date: '2026-08-03' });
    const r = await b.post(`/api/members/${onTime}/events`, { kind: 'transfer_in_confirmed', orgId: f.orgs.gB, date: '2026-09-16' });
    expect(r.status).toBe(200);
    expect(r.body.events.at(-1).details).toEqual({ workingDaysInTransit: 30 });
  });

  it('no transfer while a discipline is in force; a probationary member can be neither removed from post nor expelled', async () => {
    const id = await create('Hoàng Văn Kỷ', '2005-06-01', '2006-06-01');
    const d = await a.post(`/api/members/${id}/disciplines`, {
      form: 'warning',
      decidingLevel: 'Chi bộ',
      decisionNo: '03-QĐ/CB',
      decisionDate: '2026-03-01',
      announcedOn: '2026-03-05',
    });
    expect(d.status).toBe(200);
    expect(d.body.partyAge.disciplines[0]).toMatchObject({ formName: 'Cảnh cáo' });
    const out = await a.post(`/api/members/${id}/events`, { kind: 'transfer_out_started', toOrgId: f.orgs.gB, date: '2026-11-01' });
    expect(out.status).toBe(409);
    expect(out.body.error.message).toContain('đang trong thời hạn kỷ luật cảnh cáo');

    const p = await create('Đỗ Thị Dự Bị', '2026-05-19');
    const removal = await a.post(`/api/members/${p}/disciplines`, {
      form: 'removal',
      decidingLevel: 'Đảng ủy',
      decisionNo: '1',
      decisionDate: '2026-10-01',
      announcedOn: '2026-10-01',
    });
    expect(removal.status).toBe(400);
    expect(removal.body.error.details[0].field).toBe('form');
    // viewers never see disciplines
    const v = await t.login('viewerA1');
    expect((await v.get(`/api/members/${id}`)).body.partyAge.disciplines).toEqual([]);
  });

  it('recognition comes after the 12 months of probation, and the official date is exactly their end', async () => {
    const id = await create('Lý Thị Dự', '2025-10-01');
    const early = await a.post(`/api/members/${id}/events`, { kind: 'recognized_official', date: '2026-09-30' });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('Chưa hết 12 tháng dự bị');
    const ok = await a.post(`/api/members/${id}/events`, { kind: 'recognized_official', date: '2026-11-15' });
    expect(ok.status).toBe(200);
    // no ceremony date recorded: probation counts from the admission decision, official on 01/10/2026
    expect(ok.body).toMatchObject({ membership: 'official', officialOn: '2026-10-01' });
  });

  it('party age counts from the admission decision and subtracts time out of the Party (the 1989 example)', async () => {
    const id = await create('Ngô Đức Đạt', '1989-10-01', '1990-10-01');
    const full = (await a.get(`/api/members/${id}`)).body.partyAge;
    expect(full).toMatchObject({ official: true, countsFrom: '1989-10-01', years: 37, months: 1, days: 19 });
    // an event dated before the latest recorded one is refused (history is corrected, not rewritten by accident)
    expect((await a.post(`/api/members/${id}/events`, { kind: 'exempted', date: '1990-01-01' })).status).toBe(409);
    const other = await create('Đinh Văn Lại', '1989-10-01', '1990-10-01');
    expect((await a.post(`/api/members/${other}/events`, { kind: 'lost_contact', date: '2026-01-01' })).status).toBe(200);
    expect((await a.post(`/api/members/${other}/events`, { kind: 'contact_restored', date: '2026-07-01' })).status).toBe(200);
    const age = (await a.get(`/api/members/${other}`)).body.partyAge;
    expect(age.gaps).toEqual([expect.objectContaining({ from: '2026-01-01', to: '2026-07-01' })]);
    expect(age.years * 12 + age.months).toBeLessThan(full.years * 12 + full.months);
  });

  it('lists who reaches a badge by the next anniversary and who reached one and never received it', async () => {
    const soon = await create('Trịnh Văn Bốn Mươi', '1987-01-15', '1988-01-15'); // 40 years on 15/01/2027
    const backlog = await create('Mai Thị Ba Mươi', '1992-05-01', '1993-05-01'); // 30 years on 01/05/2022, never awarded
    const list = await a.get('/api/badges');
    expect(list.status).toBe(200);
    expect(list.body.anniversary).toBe('2027-02-03');
    expect(list.body.due).toContainEqual(expect.objectContaining({ memberId: soon, milestone: 40, reachedOn: '2027-01-15', eligible: true }));
    expect(list.body.reachedNeverAwarded).toContainEqual(expect.objectContaining({ memberId: backlog, milestone: 30, reachedOn: '2022-05-01' }));
    expect((await a.post(`/api/members/${backlog}/badges`, { milestone: 30, awardedOn: '2022-09-02', decisionNo: '50-QĐ/TU' })).status).toBe(200);
    const after = await a.get('/api/badges');
    expect(after.body.reachedNeverAwarded.map((r: { memberId: string }) => r.memberId)).not.toContain(backlog);
    expect((await a.post(`/api/members/${backlog}/badges`, { milestone: 35, awardedOn: '2027-09-02' })).status).toBe(400);
    // B sees none of A's members on its lists
    const bl = await b.get('/api/badges');
    expect(bl.body.due.map((r: { memberId: string }) => r.memberId)).not.toContain(soon);
  });

  it('pages the backlog in name order across plain and interrupted histories, and exports both lists whole', async () => {
    const old = await create('Âu Văn Cũ', '1985-03-01', '1986-03-01'); // 40 years on 01/03/2025
    const gap = await create('Bùi Thị Gián Đoạn', '1990-01-10', '1991-01-10');
    expect((await a.post(`/api/members/${gap}/events`, { kind: 'lost_contact', date: '2000-01-01' })).status).toBe(200);
    expect((await a.post(`/api/members/${gap}/events`, { kind: 'contact_restored', date: '2002-01-01' })).status).toBe(200);
    const awarded = await create('Cao Văn Đủ', '1994-06-01', '1995-06-01'); // 30 years on 01/06/2024
    expect((await a.post(`/api/members/${awarded}/badges`, { milestone: 30, awardedOn: '2024-09-02' })).status).toBe(200);

    const first = await a.get('/api/badges?pageSize=2');
    expect(first.status).toBe(200);
    const total = first.body.reachedNeverAwardedTotal as number;
    expect(total).toBeGreaterThanOrEqual(2);
    const rows: { memberId: string; fullName: string; milestone: number; reachedOn: string }[] = [];
    for (let page = 1; (page - 1) * 2 < total; page++) {
      const r = await a.get(`/api/badges?pageSize=2&page=${page}`);
      expect(r.body.reachedNeverAwardedTotal).toBe(total);
      expect(r.body.reachedNeverAwarded.length).toBe(Math.min(2, total - (page - 1) * 2));
      rows.push(...r.body.reachedNeverAwarded);
    }
    expect(new Set(rows.map((r) => r.memberId)).size).toBe(total);
    expect(rows).toContainEqual(expect.objectContaining({ memberId: old, milestone: 40, reachedOn: '2025-03-01' }));
    // 731 days out of contact (2000 is a leap year) push the 30 years from 10/01/2020 to 11/01/2022
    expect(rows).toContainEqual(expect.objectContaining({ memberId: gap, milestone: 30, reachedOn: '2022-01-11' }));
    expect(rows.map((r) => r.memberId)).not.toContain(awarded);

    const raw = await rawSession(t, 'adminA');
    const file = await raw.download('/api/badges/export.xlsx');
    expect(file.status).toBe(200);
    const book = await readXlsx(file.bytes);
    const backlogSheet = book['Đủ mốc chưa được trao']!;
    expect(backlogSheet[0]).toEqual(['STT', 'Họ và tên', 'Chi bộ', 'Mốc tuổi đảng', 'Ngày đủ tuổi đảng']);
    expect(backlogSheet.slice(1).map((r) => r[1])).toEqual(rows.map((r) => r.fullName));
    expect(backlogSheet.slice(1)).toContainEqual(['1', expect.any(String), expect.any(String), expect.any(String), expect.any(String)]);
    expect(backlogSheet.slice(1).find((r) => r[1] === 'Bùi Thị Gián Đoạn')).toEqual([
      expect.any(String),
      'Bùi Thị Gián Đoạn',
      'Chi bộ Tổ Toán',
      '30',
      '11/01/2022',
    ]);
    const dueSheet = book[`Dịp ${first.body.anniversary.split('-').reverse().join('-')}`]!;
    expect(dueSheet.slice(1).map((r) => r[1])).toEqual(first.body.due.map((d: { fullName: string }) => d.fullName));
  });

  it('keeps member.badge_top at the highest milestone received, through inserts, updates and deletes of awards', async () => {
    const db = t.database.db;
    const tops = () =>
      db
        .selectFrom('member as m')
        .leftJoin(
          db
            .selectFrom('member_badge_award')
            .select('member_id')
            .select((eb) => eb.fn.max('milestone').as('top'))
            .groupBy('member_id')
            .as('a'),
          'a.member_id',
          'm.id',
        )
        .select(['m.id', 'm.badge_top', 'a.top'])
        .execute()
        .then((rows) => rows.filter((r) => r.badge_top !== (r.top ?? 0)));
    const twice = await create('Hà Văn Hai Lần', '1976-04-01', '1977-04-01'); // 50 years on 01/04/2026
    expect((await a.post(`/api/members/${twice}/badges`, { milestone: 40, awardedOn: '2016-09-02' })).status).toBe(200);
    expect((await a.post(`/api/members/${twice}/badges`, { milestone: 45, awardedOn: '2021-09-02' })).status).toBe(200);
    const top = () =>
      db
        .selectFrom('member')
        .select('badge_top')
        .where('id', '=', twice)
        .executeTakeFirstOrThrow()
        .then((r) => r.badge_top);
    expect(await top()).toBe(45);
    expect(await tops()).toEqual([]);
    await db.updateTable('member_badge_award').set({ milestone: 30 }).where('member_id', '=', twice).where('milestone', '=', 45).execute();
    expect(await top()).toBe(40);
    await db.deleteFrom('member_badge_award').where('member_id', '=', twice).where('milestone', '=', 40).execute();
    expect(await top()).toBe(30);
    await db.deleteFrom('member_badge_award').where('member_id', '=', twice).execute();
    expect(await top()).toBe(0);
    expect(await tops()).toEqual([]);
  });

  it('keeps the roll tally of every organisation equal to a count of the members, through every kind of write', async () => {
    // Every test above wrote members: creations, recognitions, transfers out and in, lost contact. Add a death and an
    // edit of a field the tally does not read, then recount.
    const gone = await create('Lò Văn Mất', '1960-02-03', '1961-02-03');
    expect((await a.post(`/api/members/${gone}/events`, { kind: 'deceased', date: '2026-11-01' })).status).toBe(200);
    expect((await a.patch(`/api/members/${gone}`, { phone: '0912345678' })).status).toBe(200);
    // A new birth date moves the member from one month of the birth tally (migration 0018) to another.
    expect((await a.patch(`/api/members/${gone}`, { birthDate: '1935-07-09' })).status).toBe(200);
    const db = t.database.db;
    expect(await birthTallyDrift(db)).toMatchObject({ drift: [], members: expect.any(Number) });
    const tally = await db
      .selectFrom('org_member_tally')
      .select(['org_id', 'official', 'probationary'])
      .where((eb) => eb.or([eb('official', '!=', 0), eb('probationary', '!=', 0)]))
      .orderBy('org_id')
      .execute();
    const counted = await db
      .selectFrom('member')
      .select([
        'org_id',
        (eb) => eb.fn.count<string>('id').filterWhere('official_on', 'is not', null).as('official'),
        (eb) => eb.fn.count<string>('id').filterWhere('official_on', 'is', null).as('probationary'),
      ])
      .where('left_on', 'is', null)
      .groupBy('org_id')
      .orderBy('org_id')
      .execute();
    expect(tally).toEqual(counted.map((c) => ({ org_id: c.org_id, official: Number(c.official), probationary: Number(c.probationary) })));
    expect(tally.length).toBeGreaterThan(1);
    // The tally's paths (migration 0013) are the organisations' current paths.
    const stale = await db
      .selectFrom('org_member_tally as t')
      .innerJoin('org as o', 'o.id', 't.org_id')
      .select('t.org_id')
      .where(sql<boolean>`t.path IS DISTINCT FROM o.current_path`)
      .execute();
    expect(stale).toEqual([]);
    // The name tails (migration 0012) likewise: every member's tails, sort key and roll, as the rows make them now.
    const tails = await db.selectFrom('member_name_tail').select(['tail', 'member_id', 'sort_key', 'org_id']).orderBy('member_id').orderBy('tail').execute();
    const rebuilt = await sql<{ tail: string; member_id: string; sort_key: string; org_id: string | null }>`
      SELECT t AS tail, m.id AS member_id, m.name_sort_key AS sort_key, m.org_id FROM member m, hn_name_tails(m.full_name) t
      ORDER BY m.id, t COLLATE "C"`.execute(db);
    expect(tails).toEqual(rebuilt.rows);
    expect(tails.length).toBeGreaterThan(20);
    // The org page reads the tally for today and scans the rows for an earlier date: a member admitted after it is
    // not on that day's roll.
    const now = (await a.get(`/api/orgs/${f.orgs.a1}`)).body.memberCount;
    const late = await create('Hà Thị Mới', '2026-11-10');
    expect((await a.get(`/api/orgs/${f.orgs.a1}`)).body.memberCount).toEqual({ official: now.official, probationary: now.probationary + 1 });
    expect((await a.get(`/api/orgs/${f.orgs.a1}?asOf=2026-11-09`)).body.memberCount.probationary).toBe(now.probationary);
    expect(late).toBeTruthy();
  });

  it('an official transfer starts within 60 working days of the decision that moves the member; later needs its reason (§7)', async () => {
    // Mon 01/06/2026 → Mon 24/08/2026 is exactly 60 working days (no holiday between); Tue 25/08 is the 61st.
    const onTime = await create('Trương Văn Điều Động', '2005-02-01', '2006-02-01');
    const ok = await a.post(`/api/members/${onTime}/events`, {
      kind: 'transfer_out_started',
      toOrgId: f.orgs.gB,
      date: '2026-08-24',
      moveDecisionDate: '2026-06-01',
      moveDecisionNo: '45/QĐ-UBND',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.events.at(-1).details).toEqual({ moveDecisionDate: '2026-06-01', moveDecisionNo: '45/QĐ-UBND', workingDaysSinceMoveDecision: 60 });
    const lateId = await create('Trương Thị Chậm Chuyển', '2005-02-01', '2006-02-01');
    const late = await a.post(`/api/members/${lateId}/events`, {
      kind: 'transfer_out_started',
      toOrgId: f.orgs.gB,
      date: '2026-08-25',
      moveDecisionDate: '2026-06-01',
    });
    expect(late.status).toBe(400);
    expect(late.body.error.details[0]).toMatchObject({ field: 'lateReason' });
    expect(late.body.error.message).toContain('61 ngày làm việc kể từ quyết định ngày 01/06/2026, quá 60 ngày');
    const withReason = await a.post(`/api/members/${lateId}/events`, {
      kind: 'transfer_out_started',
      toOrgId: f.orgs.gB,
      date: '2026-08-25',
      moveDecisionDate: '2026-06-01',
      lateReason: 'Chờ bàn giao công việc',
    });
    expect(withReason.status).toBe(200);
    expect(withReason.body.events.at(-1).details).toMatchObject({ late: true, lateReason: 'Chờ bàn giao công việc', workingDaysSinceMoveDecision: 61 });
    // the decision cannot come after the transfer it causes
    const backwards = await create('Trương Văn Ngược', '2005-02-01', '2006-02-01');
    const r = await a.post(`/api/members/${backwards}/events`, {
      kind: 'transfer_out_started',
      toOrgId: f.orgs.gB,
      date: '2026-08-25',
      moveDecisionDate: '2026-08-26',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details[0].field).toBe('moveDecisionDate');
  });

  it('refuses dates in the future and admissions under the age of the rules on their date, naming the field (issue 10 item 4)', async () => {
    // today is 20/11/2026
    const future = await a.post('/api/members', { fullName: 'Tương Lai', gender: 'nam', birthDate: '1990-01-01', orgId: f.orgs.a1, admittedOn: '2099-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.error.details).toEqual([
      { field: 'admittedOn', message: 'Ngày vào Đảng (01/01/2099) sau ngày hôm nay (20/11/2026): chỉ ghi nhận điều đã xảy ra.' },
    ]);
    expect(
      (await a.post('/api/members', { fullName: 'Hôm Nay', gender: 'nam', orgId: f.orgs.a1, admittedOn: '2026-11-20', birthDate: '1990-01-01' })).status,
    ).toBe(201);
    const four = await a.post('/api/members', { fullName: 'Bé Bốn Tuổi', gender: 'nu', orgId: f.orgs.a1, admittedOn: '2020-01-01', birthDate: '2015-06-01' });
    expect(four.status).toBe(400);
    expect(four.body.error.details[0]).toMatchObject({ field: 'admittedOn', message: expect.stringContaining('mới 4 tuổi 7 tháng, chưa đủ 18 tuổi') });
    // full 18 on the admission decision passes, the day before does not
    expect(
      (await a.post('/api/members', { fullName: 'Chưa Đủ Tuổi', gender: 'nam', orgId: f.orgs.a1, admittedOn: '2018-03-14', birthDate: '2000-03-15' })).status,
    ).toBe(400);
    const eighteen = await a.post('/api/members', {
      fullName: 'Vừa Đủ Tuổi',
      gender: 'nam',
      orgId: f.orgs.a1,
      admittedOn: '2018-03-15',
      birthDate: '2000-03-15',
    });
    expect(eighteen.status).toBe(201);
    // a corrected birth date that would put the admission under age is refused on the birth date
    const fix = await a.patch(`/api/members/${eighteen.body.id}`, { birthDate: '2000-03-16' });
    expect(fix.status).toBe(400);
    expect(fix.body.error.details[0].field).toBe('birthDate');
    expect((await a.patch(`/api/members/${eighteen.body.id}`, { birthDate: '2000-03-14' })).status).toBe(200);

    // a death dated 01/01/2099 is refused and the member stays active; today passes
    const id = await create('Lê Văn Còn Sống', '1980-05-01', '1981-05-01');
    const death = await a.post(`/api/members/${id}/events`, { kind: 'deceased', date: '2099-01-01' });
    expect(death.status).toBe(400);
    expect(death.body.error.details).toEqual([
      { field: 'date', message: 'Ngày từ trần (01/01/2099) sau ngày hôm nay (20/11/2026): chỉ ghi nhận điều đã xảy ra.' },
    ]);
    expect((await a.get(`/api/members/${id}`)).body.status).toBe('active');
    expect((await a.post(`/api/members/${id}/events`, { kind: 'exempted', date: '2026-11-21' })).status).toBe(400);
    expect((await a.post(`/api/members/${id}/events`, { kind: 'exempted', date: '2026-11-20', decisionDate: '2026-11-21' })).body.error.details[0].field).toBe(
      'decisionDate',
    );
    // a temporary transfer may be planned to end in the future
    expect((await a.post(`/api/members/${id}/events`, { kind: 'temporary_out', hostOrgId: f.orgs.gB, date: '2026-11-20', until: '2027-06-01' })).status).toBe(
      200,
    );
    const other = await create('Phan Văn Từ Trần', '1980-05-01', '1981-05-01');
    expect((await a.post(`/api/members/${other}/events`, { kind: 'deceased', date: '2026-11-20' })).body.status).toBe('deceased');
  });
});
