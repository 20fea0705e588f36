/**
 * The evaluation as an outside client uses it (issue 10, item 12): many organisations rated in one request, all or
 * nothing, the checks run over the batch; the period-wide member list; the consolidation list by status and year,
 * with counts, and many entries updated at once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';

/** Organisations of the generated commune: as many as the client who reported the slowness rated one by one. */
const CELLS = 732;

describeEngines('evaluation for outside clients: bulk ratings, the period-wide member list, the consolidation list', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let admin: Client;
  let commune: string;
  let cells: string[];
  let periodId: string;

  const decisions = (excellent: number) => cells.map((orgId, i) => ({ orgId, decidedLabel: i < excellent ? 'excellent' : 'good' }));
  const decidedCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('org_evaluation')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('period_id', '=', periodId)
          .where('decided_label', 'is not', null)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const auditCount = async (action: string) =>
    Number(
      (
        await t.database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('action', '=', action)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await startTestApp(engine);
    f = await buildFixture(t);
    admin = await t.login('admin');
    // A commune with 732 chi bộ cơ sở, made by one bulk reorganisation whose answer names each new organisation.
    const operations = [
      { type: 'create', ref: 'xa', parent: f.orgs.P, name: 'Đảng bộ xã Tân Phú', kindCode: 'dang_bo_cap_tren_co_so', sectorCode: 'xa' },
      ...Array.from({ length: CELLS }, (_, i) => ({
        type: 'create',
        ref: `cb${i}`,
        parent: 'xa',
        name: `Chi bộ thôn ${i + 1}`,
        kindCode: 'chi_bo_co_so',
        sectorCode: 'xa',
      })),
    ];
    const applied = await admin.post('/api/reorganizations/apply', {
      effectiveDate: '2026-01-01',
      decisionNo: '300-QĐ/TU',
      decisionDate: '2025-12-20',
      operations,
    });
    expect(applied.status, JSON.stringify(applied.body).slice(0, 500)).toBe(200);
    commune = applied.body.refs.xa;
    cells = Array.from({ length: CELLS }, (_, i) => applied.body.refs[`cb${i}`] as string);
  });
  afterAll(() => t?.close());

  it(`rates ${CELLS} organisations in one request, the collectives' quota checked over the batch: 122 excellent of 610 good passes, 123 of 609 does not`, async () => {
    const opened = await admin.post('/api/evaluation/periods', { rootOrgId: commune, year: 2026 });
    expect(opened.status).toBe(201);
    periodId = opened.body.period.id;
    expect(opened.body.orgs).toHaveLength(CELLS);
    const url = `/api/evaluation/periods/${periodId}/orgs`;

    // One at a time, the first excellent decision is refused: nothing else is rated yet (QĐ 366: excellent ≤ 20% of good).
    const alone = await admin.patch(`${url}/${cells[0]}`, { decidedLabel: 'excellent' });
    expect(alone.status).toBe(409);
    expect(alone.body.error.details[0].field).toBe('org_quota');

    // 123 excellent against 609 good: 123 > 20% × 609 = 121.8, the whole batch is refused and nothing is written.
    const over = await admin.patch(url, { items: decisions(123) });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('CHECK_FAILED');
    expect(over.body.error.details).toMatchObject([{ field: 'org_quota', orgId: commune }]);
    expect(over.body.error.details[0].orgIds).toHaveLength(123);
    expect(await decidedCount()).toBe(0);

    // A label the period's rules do not know refuses the batch too, naming the item.
    const bad = decisions(0);
    bad[5] = { orgId: cells[5]!, decidedLabel: 'tot_lam' };
    const refused = await admin.patch(url, { items: bad });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].field).toBe('items.5.decidedLabel');
    const twice = await admin.patch(url, { items: [...decisions(0).slice(0, 2), { orgId: cells[0], selfLabel: 'good' }] });
    expect(twice.status).toBe(400);
    expect(twice.body.error.details[0].field).toBe('items.2.orgId');
    expect(await decidedCount()).toBe(0);
    expect(await auditCount('evaluation.org.update')).toBe(0);

    // 122 excellent against 610 good: exactly 20%, passes as a batch although the excellent ones come first.
    const started = Date.now();
    const ok = await admin.patch(url, { items: decisions(122) });
    const ms = Date.now() - started;
    expect(ok.status, JSON.stringify(ok.body).slice(0, 500)).toBe(200);
    expect(ok.body).toEqual({ updated: CELLS, stages: { draft: 0, self_assessed: 0, proposed: 0, decided: CELLS } });
    console.info(`[${engine}] bulk rating of ${CELLS} organisations: ${ms} ms`);
    expect(await decidedCount()).toBe(CELLS);
    expect(await auditCount('evaluation.org.update')).toBe(CELLS);
    const detail = (await admin.get(`/api/evaluation/periods/${periodId}`)).body;
    expect(detail.failures).toEqual([]);
    expect(detail.orgs.filter((o: { decidedLabel: string }) => o.decidedLabel === 'excellent')).toHaveLength(122);

    // The single route still works, through the same writer: one more excellent breaks the quota (123 of 609).
    expect((await admin.patch(`${url}/${cells[200]}`, { decidedLabel: 'excellent' })).status).toBe(409);
    expect((await admin.patch(`${url}/${cells[200]}`, { selfReport: 'Báo cáo kiểm điểm', disciplined: false })).status).toBe(200);
  });

  it('the period-wide member list: paged, by subtree, level, stage and late admission, in the reader’s scope', async () => {
    const adminA = await t.login('adminA');
    const pid = (await adminA.post('/api/evaluation/periods', { rootOrgId: f.orgs.A, year: 2026 })).body.period.id as string;
    const a1 = (await adminA.get(`/api/evaluation/periods/${pid}/orgs/${f.orgs.a1}/members`)).body.items.map(
      (i: { memberId: string }) => i.memberId,
    ) as string[];
    const a2 = (await adminA.get(`/api/evaluation/periods/${pid}/orgs/${f.orgs.a2}/members`)).body.items.map(
      (i: { memberId: string }) => i.memberId,
    ) as string[];
    const saved = await adminA.patch(`/api/evaluation/periods/${pid}/members`, {
      items: [
        ...a1.slice(0, 3).map((memberId) => ({ memberId, cellLabel: 'excellent' })),
        ...a2.slice(0, 4).map((memberId) => ({ memberId, selfLabel: 'good' })),
      ],
    });
    expect(saved.status).toBe(200);
    const list = (q = '', c = adminA) => c.get(`/api/evaluation/periods/${pid}/members${q ? `?${q}` : ''}`);

    const all = await list('pageSize=10');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 32, page: 1, pageSize: 10 });
    expect(all.body.items).toHaveLength(10);
    expect((await list('pageSize=10&page=4')).body.items).toHaveLength(2);
    const sub = await list(`orgId=${f.orgs.a2}`);
    expect(sub.body.total).toBe(12);
    expect(sub.body.items[0]).toMatchObject({ orgId: f.orgs.a2, orgName: 'Chi bộ Tổ Văn', stage: expect.any(String) });
    const excellent = await list('level=excellent');
    expect(excellent.body.items.map((i: { memberId: string }) => i.memberId).sort()).toEqual(a1.slice(0, 3).sort());
    expect(excellent.body.items[0]).toMatchObject({ currentLabel: 'excellent', stage: 'cell_proposed', orgName: 'Chi bộ Tổ Toán' });
    expect((await list('level=good')).body.total).toBe(4);
    expect((await list('level=none')).body.total).toBe(25);
    expect((await list('stage=self_assessed')).body.total).toBe(4);
    expect((await list(`stage=draft&orgId=${f.orgs.gA}`)).body.total).toBe(25);
    expect((await list('lateAdmission=true')).body.total).toBe(0);
    expect((await list('lateAdmission=false&level=excellent')).body.total).toBe(3);

    // A cell's reader sees his cell's members only; another organisation of the period answers 404.
    const v = await t.login('viewerA1');
    expect((await list('', v)).body.total).toBe(20);
    expect((await list(`orgId=${f.orgs.a2}`, v)).status).toBe(404);
    expect((await list(`orgId=${f.orgs.a1}&level=excellent`, v)).body.total).toBe(3);
    // He may read the period but rate no organisation: the batch is refused naming the item.
    const refused = await v.patch(`/api/evaluation/periods/${pid}/orgs`, { items: [{ orgId: f.orgs.a1, selfLabel: 'good' }] });
    expect(refused.status).toBe(403);
    expect(refused.body.error.details[0].field).toBe('items.0.orgId');
  });

  it('the consolidation list by status and year with counts, and many entries updated at once, all or nothing', async () => {
    const add = async (orgId: string, year: number, deadline: string) =>
      (await admin.post('/api/evaluation/consolidation', { orgId, year, reason: 'Xếp loại không hoàn thành nhiệm vụ', deadline })).body.id as string;
    const ids = [await add(cells[0]!, 2026, '2026-06-30'), await add(cells[1]!, 2026, '2027-06-30'), await add(cells[2]!, 2026, '2027-06-30')];
    await add(cells[3]!, 2025, '2026-03-31');
    const list = (q: string) => admin.get(`/api/evaluation/consolidation?orgId=${commune}${q}`);

    const year = await list('&year=2026');
    expect(year.status).toBe(200);
    // Today is 20/11/2026: the entry due 30/06/2026 is overdue.
    expect(year.body.counts).toEqual({ total: 3, open: 3, done: 0, overdue: 1 });
    expect(year.body.items).toHaveLength(3);
    expect((await list('')).body.counts).toEqual({ total: 4, open: 4, done: 0, overdue: 2 });

    const url = '/api/evaluation/consolidation';
    // One id unknown: nothing changes; one id twice: nothing changes.
    const missing = await admin.patch(url, {
      items: [
        { id: ids[0], status: 'done' },
        { id: '01900000-0000-7000-8000-000000000000', status: 'done' },
      ],
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.details[0].field).toBe('items.1.id');
    const twice = await admin.patch(url, {
      items: [
        { id: ids[0], status: 'done' },
        { id: ids[0], outcome: 'x' },
      ],
    });
    expect(twice.status).toBe(400);
    expect((await list('&year=2026&status=done')).body.items).toEqual([]);

    const ok = await admin.patch(url, {
      items: [
        { id: ids[0], status: 'done', outcome: 'Đã kiện toàn cấp ủy' },
        { id: ids[1], deadline: '2027-03-31', responsible: 'Đồng chí Bí thư xã' },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.updated).toBe(2);
    expect(ok.body.items).toMatchObject([
      { id: ids[0], status: 'done', outcome: 'Đã kiện toàn cấp ủy', deadline: '2026-06-30', orgName: 'Chi bộ thôn 1' },
      { id: ids[1], status: 'open', deadline: '2027-03-31', responsible: 'Đồng chí Bí thư xã' },
    ]);
    const done = await list('&year=2026&status=done');
    expect(done.body.items.map((i: { id: string }) => i.id)).toEqual([ids[0]]);
    expect(done.body.counts).toEqual({ total: 3, open: 2, done: 1, overdue: 0 });
    expect((await list('&year=2026&status=open')).body.items).toHaveLength(2);
    expect(await auditCount('evaluation.consolidation.update')).toBe(2);

    // Another commune's administrator reaches none of them: 404, and nothing changes.
    const adminA = await t.login('adminA');
    expect((await adminA.patch(url, { items: [{ id: ids[2], status: 'done' }] })).status).toBe(404);
    // The entry of cell a1 is kept by its superior: the cell's viewer reads it but may not update it (403 naming the item).
    const own = await add(f.orgs.a1, 2026, '2027-06-30');
    const viewer = await t.login('viewerA1');
    const refused = await viewer.patch(url, { items: [{ id: own, status: 'done' }] });
    expect(refused.status).toBe(403);
    expect(refused.body.error.details[0].field).toBe('items.0.id');
    expect(await auditCount('evaluation.consolidation.update')).toBe(2);
  });
});
