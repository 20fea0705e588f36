import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/helpers/db.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { verifyAuditChain } from '../modules/audit/audit.service.ts';
import { DEMO_PASSWORD, isEmpty, seedDemo } from './seed.ts';
import type { MemberEvent } from '../../domain/member-status.ts';
import { derivedColumns, rowToEvent } from '../modules/members/members.events.ts';

describeEngines('demo province', (engine) => {
  let t: TestApp;
  let seeded: Awaited<ReturnType<typeof seedDemo>>;
  beforeAll(async () => {
    t = await startTestApp(engine);
    expect(await isEmpty(t.database.db)).toBe(true);
    seeded = await seedDemo(t.database.db, t.clock, { seed: 2025 });
  });
  afterAll(() => t?.close());

  it('has about 100 grassroots organisations, 400 cells and 10,000 members', async () => {
    const admin = await t.login('admin', DEMO_PASSWORD);
    const tree = (await admin.get(`/api/orgs/${seeded.rootId}/tree`)).body.items as { kindCode: string }[];
    const kinds = await t.database.db.selectFrom('org_kind').selectAll().execute();
    const grassroots = new Set(kinds.filter((k) => k.is_grassroots).map((k) => k.code));
    const cells = new Set(kinds.filter((k) => k.is_cell).map((k) => k.code));
    expect(tree.filter((o) => grassroots.has(o.kindCode)).length).toBeGreaterThan(80);
    expect(tree.filter((o) => grassroots.has(o.kindCode)).length).toBeLessThan(140);
    expect(tree.filter((o) => cells.has(o.kindCode)).length).toBeGreaterThan(330);
    expect(seeded.members).toBeGreaterThan(8000);
    expect(await isEmpty(t.database.db)).toBe(false);
  });

  it('crosses 1 July 2025: districts before, communes and wards after, no district tier', async () => {
    const admin = await t.login('admin', DEMO_PASSWORD);
    const before = (await admin.get(`/api/orgs/${seeded.rootId}/children?asOf=2025-06-30`)).body.items as { name: string }[];
    const after = (await admin.get(`/api/orgs/${seeded.rootId}/children?asOf=2025-07-01`)).body.items as { name: string }[];
    expect(before.filter((o) => /huyện|thị xã|thành phố/i.test(o.name)).length).toBeGreaterThanOrEqual(6);
    expect(after.filter((o) => /^Đảng bộ (huyện|thị xã) /.test(o.name))).toEqual([]);
    expect(after.filter((o) => /^Đảng bộ (xã|phường) /.test(o.name)).length).toBeGreaterThan(5);
    const events = await t.database.db.selectFrom('org_event').select('kind').where('batch_id', '=', seeded.batchId).execute();
    expect(events.filter((e) => e.kind === 'dissolved').length).toBe(seeded.reorg.dissolved);
  });

  it('gives scoped demo users who see only their part', async () => {
    const xa = await t.login('xa', DEMO_PASSWORD);
    const roots = (await xa.get('/api/orgs/roots')).body.items;
    expect(roots).toHaveLength(1);
    expect(roots[0].name).toMatch(/^Đảng bộ (xã|phường) /);
    expect((await xa.get(`/api/orgs/${seeded.rootId}`)).status).toBe(404);
    const chibo = await t.login('chibo', DEMO_PASSWORD);
    expect((await chibo.get('/api/orgs/roots')).body.items[0].kindName).toMatch(/^Chi bộ/);
  });

  it('gives every member a history: party ages and badge candidates come from it', async () => {
    const admin = await t.login('admin', DEMO_PASSWORD);
    const badges = await admin.get('/api/badges');
    expect(badges.status).toBe(200);
    expect(badges.body.due.length).toBeGreaterThan(5);
    expect(badges.body.due.every((d: { milestone: number }) => [30, 40, 45, 50, 55, 60, 65, 70, 75, 80].includes(d.milestone))).toBe(true);
    const someone = (await admin.get('/api/members?pageSize=1')).body.items[0];
    const file = (await admin.get(`/api/members/${someone.id}`)).body;
    expect(file.partyAge.countsFrom).toBe(file.admittedOn);
  });

  it('loads the members\' files, histories, disciplines and badges, with the columns the service derives', async () => {
    const db = t.database.db;
    const members = await db.selectFrom('member').selectAll().execute();
    const events = await db.selectFrom('member_event').selectAll().orderBy('member_id').orderBy('effective_date').orderBy('created_at').execute();
    const byMember = new Map<string, MemberEvent[]>();
    for (const e of events) byMember.set(e.member_id, [...(byMember.get(e.member_id) ?? []), rowToEvent(e)]);
    const today = t.clock.today();
    for (const m of members) {
      const derived = derivedColumns(byMember.get(m.id)!, today);
      for (const [k, v] of Object.entries(derived)) if (v !== undefined) expect((m as Record<string, unknown>)[k], k).toEqual(v);
    }
    const statuses = new Set(members.map((m) => m.status));
    for (const s of ['active', 'exempt', 'in_transit', 'temporarily_away', 'deceased', 'struck_off']) expect(statuses, s).toContain(s);
    expect(members.filter((m) => m.ethnicity && m.theory_level && m.occupation && m.cccd).length).toBe(members.length);
    const kinds = new Set(events.map((e) => e.kind));
    for (const k of ['transfer_out_started', 'transfer_in_confirmed', 'temporary_out', 'exempted', 'lost_contact', 'readmitted', 'expelled']) expect(kinds, k).toContain(k);
    const disciplines = await db.selectFrom('member_discipline').select('form').execute();
    expect(disciplines.length).toBeGreaterThan(10);
    const awards = await db.selectFrom('member_badge_award').select('milestone').execute();
    expect(awards.length).toBeGreaterThan(1000);

    const admin = await t.login('admin', DEMO_PASSWORD);
    const incoming = await admin.get('/api/transfers/incoming');
    expect(incoming.status).toBe(200);
    expect(incoming.body.items.length).toBe(members.filter((m) => m.status === 'in_transit').length);
    const someone = members.find((m) => m.status === 'active' && m.workplace)!;
    const file = (await admin.get(`/api/members/${someone.id}`)).body;
    expect(JSON.stringify(file)).toContain(someone.workplace!);
  });

  it('leaves an intact audit chain', async () => {
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });
  it('has five years of published results with realistic shares, every check of each year passing', async () => {
    const admin = await t.login('admin', DEMO_PASSWORD);
    expect(seeded.evaluations.periods).toBe(5);
    const r = await admin.get(`/api/evaluation/results?orgId=${seeded.rootId}&year=2025&fromYear=2021`);
    expect(r.status).toBe(200);
    for (const y of r.body.span.years as { year: number; members: { total: number; levels: { percent: number }[]; goodOrBetter: { percent: number } }; orgs: { total: number; levels: { percent: number }[] } }[]) {
      expect(y.members.total).toBeGreaterThan(7000);
      expect(y.members.levels[0]!.percent).toBeGreaterThan(9);
      expect(y.members.levels[0]!.percent).toBeLessThan(20);
      expect(y.members.goodOrBetter.percent).toBeGreaterThan(90);
      expect(y.orgs.total).toBeGreaterThan(80);
      // QĐ 132 (to 2022): most organisations excellent; QĐ 124 and 366: the collectives' quota caps the share.
      if (y.year <= 2022) expect(y.orgs.levels[0]!.percent).toBeGreaterThan(70);
      else expect(y.orgs.levels[0]!.percent).toBeLessThan(20);
    }
    const periods = (await admin.get('/api/evaluation/periods')).body.items as { id: string }[];
    for (const p of periods) {
      const d = (await admin.get(`/api/evaluation/periods/${p.id}`)).body;
      expect(d.period.status).toBe('published');
      expect(d.failures).toEqual([]);
    }
    const streak = await admin.get(`/api/evaluation/streaks?orgId=${seeded.rootId}&years=3&toYear=2025`);
    expect(streak.body.items.length).toBeGreaterThan(0);
    const weak = await admin.get(`/api/evaluation/consolidation?orgId=${seeded.rootId}`);
    expect(weak.body.items.length).toBeGreaterThan(0);
  });
});
