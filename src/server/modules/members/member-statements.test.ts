/**
 * Issue 13: the member file and a name search each take one statement after the session's, and the one statement
 * gives what the reads it replaced gave (members.repo memberFile against findMember, orgNameOn, listMemberEvents,
 * eventsInOrder, memberBadgeAwards, and the discipline module's decisionsOfMember).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import { statementCounter } from '../../../../test/helpers/statements.ts';
import { orgNameOn } from '../orgs/orgs.members.repo.ts';
import { membershipOf } from './members.roll.repo.ts';
import { decisionsOfMember } from '../discipline/discipline.repo.ts';
import { eventsInOrder, findMember, isPlainNameSearch, listMemberEvents, memberBadgeAwards, memberFile } from './members.repo.ts';

const TODAY = '2026-11-20';

describeEngines('member file and name search in one statement', (engine) => {
  const counter = statementCounter();
  let t: TestApp;
  let f: Fixture;
  let a: Client;
  let b: Client;
  let moved: string;
  let plain: string;

  beforeAll(async () => {
    t = await startTestApp(engine, { wrapDb: (db) => db.withPlugin(counter.plugin) });
    f = await buildFixture(t);
    a = await t.login('adminA');
    b = await t.login('adminB');
    const create = async (fullName: string, admittedOn: string) => {
      const r = await a.post('/api/members', { fullName, gender: 'nu', birthDate: '1950-04-02', orgId: f.orgs.a1, admittedOn, officialOn: '1977-02-03' });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.id as string;
    };
    moved = await create('Trịnh Thị Hoa', '1976-02-03');
    plain = await create('Trịnh Thị Hồng', '1976-02-03');
    const ok = (r: { status: number; body: unknown }) => expect(r.status, JSON.stringify(r.body)).toBe(200);
    ok(await a.post(`/api/members/${moved}/badges`, { milestone: 40, awardedOn: '2016-02-03', decisionNo: '40-QĐ/TU' }));
    for (const [form, decisionDate] of [
      ['reprimand', '2019-03-04'],
      ['warning', '2021-06-07'],
    ])
      ok(
        await a.post(`/api/members/${moved}/disciplines`, {
          form,
          decidingLevel: 'Chi bộ',
          decisionNo: `${form}-QĐ/CB`,
          decisionDate,
          announcedOn: decisionDate,
        }),
      );
    ok(await a.post(`/api/members/${moved}/events`, { kind: 'transfer_out_started', toOrgId: f.orgs.gB, date: '2026-10-01', decisionNo: '12-QĐ/ĐU' }));
    ok(await b.post(`/api/members/${moved}/events`, { kind: 'transfer_in_confirmed', orgId: f.orgs.gB, date: '2026-10-10' }));
    // A rename after the arrival: the file names the organisation of today, the events those of their dates.
    await t.services.orgs.rename(f.admin, f.orgs.a1, {
      name: 'Chi bộ Tổ Toán - Tin',
      decisionNo: '90-QĐ/TU',
      decisionDate: '2026-10-20',
      effectiveDate: '2026-11-01',
    });
  });
  afterAll(() => t?.close());

  it('reads the member file in one statement after the session, and the same answer twice', async () => {
    counter.reset();
    const first = await b.get(`/api/members/${moved}`);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(counter.count).toBe(2);
    expect(first.body.partyAge.awards).toEqual([expect.objectContaining({ milestone: 40, awardedOn: '2016-02-03' })]);
    expect(first.body.partyAge.disciplines.map((d: { form: string }) => d.form)).toEqual(['reprimand', 'warning']);
    expect(first.body.events.map((e: { kind: string; org: { name: string } | null }) => [e.kind, e.org?.name ?? null])).toEqual([
      ['admitted', 'Chi bộ Tổ Toán'],
      ['recognized_official', 'Chi bộ Tổ Toán'],
      ['transfer_out_started', 'Chi bộ Tổ Toán'],
      ['transfer_in_confirmed', 'Chi bộ Công ty May Hòa Bình'],
    ]);
    expect((await b.get(`/api/members/${moved}`)).body).toEqual(first.body);
    // A sibling's file is still out of reach.
    expect((await a.get(`/api/members/${moved}`)).status).toBe(404);
  });

  it('gives in its one statement what the separate reads give', async () => {
    const db = t.database.db;
    for (const id of [moved, plain]) {
      const row = await memberFile(db, 'all', id, TODAY);
      expect(row).toBeDefined();
      const { org_name, membership_today, events, awards, disciplines, ...member } = row!;
      expect(member).toEqual(await findMember(db, 'all', id));
      expect(membership_today ?? 'probationary').toBe(await membershipOf(db, id, TODAY));
      expect(org_name).toBe(await orgNameOn(db, member.org_id, TODAY));
      const listed = await listMemberEvents(db, id);
      expect(events.map(({ member_id: _m, ...e }) => e)).toEqual(listed);
      const inOrder = await eventsInOrder(db, [id]);
      expect(
        events.map(({ id, member_id, kind, effective_date, decision_no, org_id, to_org_id, details }) => ({
          id,
          member_id,
          kind,
          effective_date,
          decision_no,
          org_id,
          to_org_id,
          details,
        })),
      ).toEqual(inOrder);
      expect(awards).toEqual(await memberBadgeAwards(db, id));
      const decisions = await decisionsOfMember(db, id);
      expect(disciplines).toEqual(
        decisions.map((d) => ({
          id: d.id,
          member_id: d.member_id,
          kind: d.kind,
          form: d.form,
          deciding_label: d.deciding_label,
          decision_no: d.decision_no,
          decided_on: d.decided_on,
          announced_on: d.announced_on,
          violation_on: d.violation_on,
          reason: d.reason,
          lapse_blocked: d.lapse_blocked,
          revoked_on: d.revoked_on,
        })),
      );
    }
    expect((await memberFile(db, 'all', moved, TODAY))!.awards).toHaveLength(1);
    expect((await memberFile(db, 'all', moved, TODAY))!.disciplines).toHaveLength(2);
    // Out of the scope: nothing.
    expect(await memberFile(db, [`/${f.orgs.P}/${f.orgs.A}/`], moved, TODAY)).toBeUndefined();
  });

  it('answers a name search as the list sends it (with the drill-down day) from the name tails, in one statement', async () => {
    counter.reset();
    const search = await a.get('/api/members?q=trinh%20thi%20h');
    expect(counter.count).toBe(2);
    expect(search.body).toMatchObject({ total: 1, totalCapped: false, items: [expect.objectContaining({ id: plain })] });
    // The general path (another filter) gives the same page.
    const filtered = await a.get('/api/members?q=trinh%20thi%20h&gender=nu');
    expect(filtered.body).toEqual(search.body);
    counter.reset();
    await a.get('/api/members?q=nguyen%20van');
    expect(counter.count).toBe(2);
  });

  it('runs without JIT compilation on PostgreSQL (connect.ts): compiling cost the badge list 100–400 ms', async () => {
    if (engine !== 'postgres') return;
    const { rows } = await sql<{ jit: string }>`SHOW jit`.execute(t.database.db);
    expect(rows[0]?.jit).toBe('off');
  });

  it('tells a name search alone from one with other filters', () => {
    expect(isPlainNameSearch({ q: 'an', drill: { day: TODAY } })).toBe(true);
    expect(isPlainNameSearch({ q: 'an', orgPath: `/${f.orgs.P}/`, page: 2, pageSize: 50, anchored: false, partyAgeBand: false, drill: { day: TODAY } })).toBe(
      true,
    );
    expect(isPlainNameSearch({ q: 'an', drill: { day: TODAY, membership: 'official' } })).toBe(false);
    expect(isPlainNameSearch({ q: 'an', drill: { day: TODAY, onRoll: { path: undefined } } })).toBe(false);
    expect(isPlainNameSearch({ q: 'an', status: 'on_roll', drill: { day: TODAY } })).toBe(false);
    expect(isPlainNameSearch({ q: 'an', anchored: true })).toBe(false);
  });
});
