import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/helpers/db.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { verifyAuditChain } from '../modules/audit/audit.service.ts';
import { testConfig } from '../config.ts';
import { DEMO_PASSWORD, isEmpty, seedDemo } from './seed.ts';
import type { MemberEvent } from '../../domain/member-status.ts';
import { derivedColumns, rowToEvent } from '../../domain/member-events.ts';
import { loadBadgeLists } from '../modules/members/members.badges.ts';
import { badgeLists, nextAnniversary } from '../../domain/badges.ts';
import { sql, type SqlBool } from 'kysely';
import { rollOnSql } from '../modules/members/members.roll.repo.ts';

describeEngines('demo province', (engine) => {
  let t: TestApp;
  let seeded: Awaited<ReturnType<typeof seedDemo>>;
  beforeAll(async () => {
    t = await startTestApp(engine);
    expect(await isEmpty(t.database.db)).toBe(true);
    seeded = await seedDemo(t.database.db, t.clock, { seed: 2025 });
    // Seeding is what this file tests: on a loaded 2-core machine it takes minutes.
  }, 600_000);
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

  it('has a dated roll (member_period): today’s is the member rows’, and last year and this year each have changes of every kind', async () => {
    const db = t.database.db;
    const today = t.clock.today();
    const roll = await sql<{ member_id: string; org_id: string }>`SELECT r.member_id, r.org_id FROM ${rollOnSql(today)} r`.execute(db);
    const rows = await db.selectFrom('member').select(['id', 'org_id']).where('left_on', 'is', null).execute();
    expect(new Map(roll.rows.map((r) => [r.member_id, r.org_id]))).toEqual(new Map(rows.map((r) => [r.id, r.org_id])));
    const year = Number(today.slice(0, 4));
    for (const y of [year - 1, year]) {
      const kinds = await sql<{ kind: string; n: number }>`
        SELECT kind, count(*)::int AS n FROM member_event WHERE effective_date >= ${`${y}-01-01`} AND effective_date <= ${`${y}-12-31`} GROUP BY kind`.execute(
        db,
      );
      const n = new Map(kinds.rows.map((k) => [k.kind, Number(k.n)]));
      for (const k of ['admitted', 'recognized_official', 'transfer_out_started', 'transfer_in_confirmed', 'deceased'])
        expect(n.get(k) ?? 0, `${k} in ${y}`).toBeGreaterThan(0);
    }
    // The roll differs between the ends of last year and this year's today.
    const count = async (d: string) => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${rollOnSql(d)} r`.execute(db)).rows[0]!.n);
    expect(await count(`${year - 1}-12-31`)).not.toBe(await count(`${year - 2}-12-31`));
  });

  it("loads the members' files, histories, disciplines and badges, with the columns the service derives", async () => {
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
    for (const k of ['transfer_out_started', 'transfer_in_confirmed', 'temporary_out', 'exempted', 'lost_contact', 'readmitted', 'expelled'])
      expect(kinds, k).toContain(k);
    const disciplines = await db.selectFrom('discipline_decision').select('form').where('subject_kind', '=', 'member').execute();
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

  it('picks for the badge lists exactly the members the rules pick over the whole province, plain and interrupted histories alike', async () => {
    const db = t.database.db;
    // Some seriously ill members near a milestone, whose badge may come early.
    await db
      .updateTable('member')
      .set({ flags: JSON.stringify({ seriouslyIll: true }) })
      .where((eb) => eb.or([eb.between('admitted_on', '1997-01-01', '1998-03-31'), eb.between('admitted_on', '1982-01-01', '1983-03-31')]))
      .where(sql<SqlBool>`right(id::text, 1) IN ('0', '1', '2', '3', '4', '5')`)
      .execute();
    const members = await db.selectFrom('member as m').innerJoin('org as o', 'o.id', 'm.org_id').select(['m.id', 'm.flags', 'o.current_path']).execute();
    const events = await db.selectFrom('member_event').selectAll().orderBy('member_id').orderBy('effective_date').orderBy('created_at').execute();
    const awards = await db.selectFrom('member_badge_award').select(['member_id', 'milestone', 'awarded_on']).execute();
    const disciplines = (await db.selectFrom('discipline_decision').selectAll().where('kind', '=', 'party').where('member_id', 'is not', null).execute()).map(
      (d) => ({
        ...d,
        member_id: d.member_id!,
      }),
    );
    const group = <T extends { member_id: string }>(rows: T[]) => {
      const m = new Map<string, T[]>();
      for (const r of rows) m.set(r.member_id, [...(m.get(r.member_id) ?? []), r]);
      return m;
    };
    const [ev, aw, di] = [group(events), group(awards), group(disciplines)];
    const everyone = members.map((m) => ({
      id: m.id,
      path: m.current_path!,
      events: (ev.get(m.id) ?? []).map(rowToEvent),
      awards: (aw.get(m.id) ?? []).map((a) => ({ milestone: a.milestone, awardedOn: a.awarded_on })),
      disciplines: (di.get(m.id) ?? []).map((d) => ({
        form: d.form,
        decidedOn: d.decided_on,
        announcedOn: d.announced_on,
        lapseBlocked: d.lapse_blocked,
        revokedOn: d.revoked_on,
      })),
      seriouslyIll: (m.flags as Record<string, unknown>).seriouslyIll === true,
    }));
    expect(everyone.filter((m) => m.seriouslyIll).length).toBeGreaterThan(10);
    const today = t.clock.today();
    const commune = (
      await db
        .selectFrom('org')
        .select('current_path')
        .where('current_path', 'like', '/%/%/')
        .where('current_path', 'not like', '/%/%/%/')
        .orderBy('id')
        .executeTakeFirstOrThrow()
    ).current_path;
    const dueKey = (d: { memberId: string; milestone: number; reachedOn: string; eligible: boolean; early: unknown }) =>
      `${d.memberId} ${d.milestone} ${d.reachedOn} ${d.eligible} ${String(d.early)}`;
    let compared = 0;
    for (const anniversary of [nextAnniversary(today), '2027-05-19', '2027-09-02', '2026-09-02', '2025-02-03']) {
      for (const scope of ['all', [commune]] as const) {
        const seen = scope === 'all' ? everyone : everyone.filter((m) => m.path.startsWith(commune));
        const want = badgeLists(seen, anniversary, today);
        const got = await loadBadgeLists(db, { scope: scope === 'all' ? 'all' : [...scope], today, anniversary, page: null });
        const wantDue = want.due.map((d) => dueKey({ memberId: d.member.id, ...d.eligibility, early: d.eligibility.early ?? false })).sort();
        expect(got.due.map(dueKey).sort(), `${anniversary} ${String(scope)}`).toEqual(wantDue);
        const wantBacklog = want.reachedNeverAwarded.map((r) => `${r.member.id} ${r.milestone} ${r.reachedOn}`).sort();
        expect(got.reachedNeverAwarded.map((r) => `${r.memberId} ${r.milestone} ${r.reachedOn}`).sort()).toEqual(wantBacklog);
        expect(got.reachedNeverAwardedTotal).toBe(wantBacklog.length);
        compared += wantDue.length + wantBacklog.length;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('has candidates at every stage, probationary and recognised members behind dossiers, and targets that add up', async () => {
    const db = t.database.db;
    const admin = await t.login('admin', DEMO_PASSWORD);
    const list = await admin.get('/api/admissions/candidates?pageSize=10');
    expect(list.status).toBe(200);
    const stages = Object.fromEntries(list.body.stages.map((s: { stage: string; count: number }) => [s.stage, s.count]));
    for (const stage of [
      'listed',
      'course',
      'application',
      'verification',
      'introduction',
      'comments',
      'cell_vote',
      'grassroots_resolution',
      'decision',
      'ceremony',
      'official',
    ]) {
      expect(stages[stage], stage).toBeGreaterThan(0);
    }
    // A dossier on probation agrees with the member file: probation ends on the member's official date to come.
    const probation = await db
      .selectFrom('admission_dossier as d')
      .innerJoin('member as m', 'm.id', 'd.member_id')
      .select(['d.status', 'd.official_on', 'd.probation_ends_on', 'm.official_on as member_official_on'])
      .execute();
    expect(probation.length).toBeGreaterThan(10);
    for (const p of probation.filter((x) => x.status === 'official')) expect(p.official_on).toBe(p.member_official_on);
    const queue = await admin.get('/api/admissions/work-queue/counts');
    expect(queue.status).toBe(200);
    expect(queue.body.total).toBeGreaterThan(0);
    // Most members past the ceremony have declared the member form: the queue lists some, not everybody on probation.
    const onProbation = probation.filter((x) => x.status === 'probation').length;
    expect(queue.body.byKind.member_form_due).toBeGreaterThan(0);
    expect(queue.body.byKind.member_form_due).toBeLessThan(onProbation / 2);
    const year = Number(t.clock.today().slice(0, 4));
    const targets = await admin.get(`/api/admissions/targets?orgId=${seeded.rootId}&year=${year - 1}`);
    expect(targets.body.org.target).toBeGreaterThanOrEqual(targets.body.childrenTargetSum);
    expect(targets.body.children.every((c: { target: number | null }) => c.target !== null)).toBe(true);
    expect(targets.body.org.admitted).toBeGreaterThan(0);
  });

  it('has directives and plans with tasks across the province, one commune in four late, and a programme of 8 topics', async () => {
    const admin = await t.login('admin', DEMO_PASSWORD);
    expect(seeded.directives.directives).toBeGreaterThanOrEqual(5);
    // The search by symbol finds the province's plan and the communes' plans that name it.
    const found = (await admin.get(`/api/directives?q=${encodeURIComponent('155-KH/TU')}`)).body.items as { id: string; symbol: string }[];
    expect(found.length).toBe(4);
    const kh = found.find((d) => d.symbol === '155-KH/TU')!;
    const plan = (await admin.get(`/api/directives/${kh.id}`)).body;
    expect(plan).toMatchObject({ implements: { symbol: '35-CT/TW' }, progress: { late: 0 } });
    expect(plan.implementedBy).toHaveLength(3);
    expect(plan.progress.done).toBe(plan.progress.shares);
    const queue = (await admin.get('/api/directives/work-queue')).body.items as { late: boolean }[];
    expect(queue.filter((i) => i.late).length).toBeGreaterThan(0);
    const programmes = (await admin.get('/api/directives/programmes')).body.items;
    expect(programmes[0]).toMatchObject({ symbol: '01-CTr/TU', topics: 8, done: 5, late: 3 });
  });

  it('has disciplines of organisations (one in force, one lapsed) and complaints against members’ decisions', async () => {
    expect(seeded.discipline).toEqual({ orgDecisions: 2, complaints: 3 });
    const admin = await t.login('admin', DEMO_PASSWORD);
    const all = (await admin.get(`/api/discipline/decisions?orgId=${seeded.rootId}&pageSize=200&year=${t.clock.today().slice(0, 4)}`)).body;
    expect(all.total).toBeGreaterThan(0);
    const orgs = await t.database.db.selectFrom('discipline_decision').select('id').where('subject_kind', '=', 'org').execute();
    const views = await Promise.all(orgs.map(async (o) => (await admin.get(`/api/discipline/decisions/${o.id}`)).body));
    expect(views.map((v) => v.inForce).sort()).toEqual([false, true]);
    const inForce = await admin.get(`/api/discipline/decisions?orgId=${seeded.rootId}&inForceOn=${t.clock.today()}&pageSize=200`);
    expect(inForce.body.total).toBeGreaterThan(0);
    const complained = await t.database.db
      .selectFrom('discipline_decision')
      .select(['id', 'lapse_blocked', 'revoked_on'])
      .where('lapse_blocked', '=', true)
      .execute();
    expect(complained.length).toBeGreaterThanOrEqual(3);
    expect(complained.filter((c) => c.revoked_on !== null).length).toBeLessThanOrEqual(1);
  });

  it('has 2020–2025 and 2025–2030 terms with committees, the 2025 round nearly done and a cell round in progress', async () => {
    const admin = await t.login('admin', DEMO_PASSWORD);
    expect(seeded.congress.terms).toBeGreaterThan(300);
    const terms = (await admin.get(`/api/congress/terms?orgId=${seeded.rootId}`)).body.items as { id: string; label: string }[];
    expect(terms.map((x) => x.label)).toEqual(['2020–2025', '2025–2030']);
    const committee = (await admin.get(`/api/congress/terms/${terms[1]!.id}/committee`)).body;
    expect(committee.seats.map((s: { post: string }) => s.post)).toContain('bi_thu');
    const rounds = (await admin.get('/api/congress/rounds')).body.items as { id: string; title: string }[];
    expect(rounds).toHaveLength(2);
    const r2025 = (await admin.get(`/api/congress/rounds/${rounds.find((r) => r.title.includes('2025–2030'))!.id}`)).body;
    expect(r2025.summary.grassrootsDue).toBeGreaterThan(80);
    expect(r2025.summary.grassrootsHeld).toBeLessThan(r2025.summary.grassrootsDue);
    expect(r2025.summary.grassrootsHeld).toBeGreaterThan(r2025.summary.grassrootsDue * 0.85);
    const cells = (await admin.get(`/api/congress/rounds/${rounds.find((r) => !r.title.includes('2025–2030'))!.id}`)).body;
    expect(cells.summary.due).toBeGreaterThan(300);
    expect(cells.summary.held).toBeGreaterThan(0);
    expect(cells.summary.held).toBeLessThan(cells.summary.due);
  });

  it('leaves an intact audit chain', async () => {
    expect(await verifyAuditChain(t.database.db, { key: testConfig().auditKey! })).toMatchObject({ ok: true });
  });
  it('has five years of published results with realistic shares, every check of each year passing', async () => {
    const admin = await t.login('admin', DEMO_PASSWORD);
    expect(seeded.evaluations.periods).toBe(5);
    const r = await admin.get(`/api/evaluation/results?orgId=${seeded.rootId}&year=2025&fromYear=2021`);
    expect(r.status).toBe(200);
    for (const y of r.body.span.years as {
      year: number;
      members: { total: number; levels: { percent: number }[]; goodOrBetter: { percent: number } };
      orgs: { total: number; levels: { percent: number }[] };
    }[]) {
      expect(y.members.total).toBeGreaterThan(7000);
      expect(y.members.levels[0]!.percent).toBeGreaterThan(9);
      expect(y.members.levels[0]!.percent).toBeLessThan(20);
      expect(y.members.goodOrBetter.percent).toBeGreaterThan(90);
      expect(y.orgs.total).toBeGreaterThan(80);
      // QĐ 132 (to 2022): most organisations excellent; QĐ 124 and 366: the collectives' quota caps the share.
      // Under the quota each superior rates about as many excellent as it may: a share near, never far below, the cap.
      if (y.year <= 2022) {
        expect(y.orgs.levels[0]!.percent).toBeGreaterThan(70);
        expect(y.orgs.levels[0]!.percent).toBeLessThan(95);
      } else {
        // 2025: most new commune committees have fewer than six grassroots organisations, where the quota allows none.
        expect(y.orgs.levels[0]!.percent).toBeGreaterThan(y.year <= 2024 ? 9 : 4);
        expect(y.orgs.levels[0]!.percent).toBeLessThan(20);
      }
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
  it('has two years of cell meetings: about 95% of the months held, attendance 85–95%, a handful proposed for striking off', async () => {
    const admin = await t.login('admin', DEMO_PASSWORD);
    const year = Number(t.clock.today().slice(0, 4)) - 1;
    const r = await admin.get(`/api/meetings/compliance?orgId=${seeded.rootId}&from=${year}-01-01&to=${year}-12-31`);
    expect(r.status).toBe(200);
    const totals = r.body.totals;
    expect(totals.cells).toBeGreaterThan(330);
    expect(totals.monthsMissing / totals.monthsOwed).toBeGreaterThan(0.005);
    expect(totals.monthsMissing / totals.monthsOwed).toBeLessThan(0.06);
    expect(totals.cellsMissingRegular).toBeLessThan(totals.cells * 0.3);
    expect(totals.attendanceRate).toBeGreaterThan(85);
    expect(totals.attendanceRate).toBeLessThan(95);
    const alerts = (await admin.get('/api/meetings/alerts')).body.items;
    expect(alerts.length).toBeGreaterThanOrEqual(4);
    expect(alerts.length).toBeLessThanOrEqual(15);
    expect(seeded.meetings.meetings).toBeGreaterThan(8000);
  });
});
