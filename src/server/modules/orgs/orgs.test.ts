import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, DECISION, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';

describeEngines('organisation tree over HTTP', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let admin: Client;

  beforeAll(async () => {
    t = await startTestApp(engine);
    f = await buildFixture(t);
    admin = await t.login('admin');
  });
  afterAll(() => t?.close());

  it('opens an organisation with its superior chain, counts and size warnings', async () => {
    const gB = await admin.get(`/api/orgs/${f.orgs.gB}`);
    expect(gB.status).toBe(200);
    expect(gB.body).toMatchObject({
      name: 'Chi bộ Công ty May Hòa Bình',
      kindName: 'Chi bộ cơ sở',
      sectorName: 'Doanh nghiệp ngoài nhà nước',
      status: 'active',
      memberCount: { official: 2, probationary: 0 },
      ancestors: [{ name: 'Đảng bộ tỉnh Hưng Yên' }, { name: 'Đảng bộ phường Hòa Bình' }],
    });
    expect(gB.body.warnings.map((w: { code: string }) => w.code)).toContain('too_few_official');

    // a đảng bộ cơ sở counts the members of its cells: 20 + 12 = 32, so no "too small" warning
    const gA = await admin.get(`/api/orgs/${f.orgs.gA}`);
    expect(gA.body.memberCount).toEqual({ official: 32, probationary: 0 });
    expect(gA.body.warnings).toEqual([]);
  });

  it('lists children with their counts, sorted by Vietnamese name', async () => {
    const res = await admin.get(`/api/orgs/${f.orgs.P}/children`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { name: string }) => c.name)).toEqual(['Đảng bộ phường Hòa Bình', 'Đảng bộ xã Tân Lập']);
    const a = res.body.items.find((c: { id: string }) => c.id === f.orgs.A);
    expect(a).toMatchObject({ childCount: 1, memberCount: { official: 32, probationary: 0 } });
  });

  it('searches without accents', async () => {
    const res = await admin.get('/api/orgs/search?q=xa%20tan%20lap');
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ id: f.orgs.A, name: 'Đảng bộ xã Tân Lập', ancestorNames: ['Đảng bộ tỉnh Hưng Yên'] });
    const upper = await admin.get(`/api/orgs/search?q=${encodeURIComponent('NGUYEN DU')}`);
    expect(upper.body.items.map((i: { id: string }) => i.id)).toEqual([f.orgs.gA]);
  });

  it('moves a subtree with a decision, and answers "as of" before and after the effective date', async () => {
    const move = await admin.post(`/api/orgs/${f.orgs.gA}/move`, { newParentId: f.orgs.B, ...DECISION });
    expect(move.status).toBe(200);
    expect(move.body.ancestors.map((a: { id: string }) => a.id)).toEqual([f.orgs.P, f.orgs.B]);

    const before = await admin.get(`/api/orgs/${f.orgs.a1}?asOf=2025-06-30`);
    expect(before.body.ancestors.map((a: { id: string }) => a.id)).toEqual([f.orgs.P, f.orgs.A, f.orgs.gA]);
    const after = await admin.get(`/api/orgs/${f.orgs.a1}?asOf=2025-07-01`);
    expect(after.body.ancestors.map((a: { id: string }) => a.id)).toEqual([f.orgs.P, f.orgs.B, f.orgs.gA]);

    const aBefore = await admin.get(`/api/orgs/${f.orgs.A}/children?asOf=2025-06-30`);
    expect(aBefore.body.items.map((c: { id: string }) => c.id)).toEqual([f.orgs.gA]);
    const aAfter = await admin.get(`/api/orgs/${f.orgs.A}/children?asOf=2025-07-01`);
    expect(aAfter.body.items).toEqual([]);
    // member counts follow the tree of the date
    const bAfter = await admin.get(`/api/orgs/${f.orgs.B}?asOf=2025-07-01`);
    expect(bAfter.body.memberCount.official).toBe(34);
    const bBefore = await admin.get(`/api/orgs/${f.orgs.B}?asOf=2025-06-30`);
    expect(bBefore.body.memberCount.official).toBe(2);
    // today, past both horizons: the tally by current path (migration 0013) follows the move
    expect((await admin.get(`/api/orgs/${f.orgs.B}`)).body.memberCount.official).toBe(34);
    expect((await admin.get(`/api/orgs/${f.orgs.A}`)).body.memberCount.official).toBe(0);
    const pChildren = (await admin.get(`/api/orgs/${f.orgs.P}/children`)).body.items as { id: string; memberCount: { official: number } }[];
    expect(pChildren.find((c) => c.id === f.orgs.B)?.memberCount.official).toBe(34);

    const history = await admin.get(`/api/orgs/${f.orgs.gA}/history`);
    expect(history.body.items[0]).toMatchObject({
      kind: 'moved',
      effectiveDate: '2025-07-01',
      decisionNo: '125-QĐ/TU',
      summary: 'Chuyển «Đảng bộ Trường THPT Nguyễn Du» từ «Đảng bộ xã Tân Lập» sang trực thuộc «Đảng bộ phường Hòa Bình»',
      actorName: 'Quản trị',
    });
  });

  it('refuses to rewrite history before a later change (409), and nothing changes', async () => {
    const res = await admin.post(`/api/orgs/${f.orgs.a1}/rename`, { name: 'Chi bộ Tổ Toán - Tin', ...DECISION, effectiveDate: '2020-01-01' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
    expect(res.body.error.message).toContain('đã có thay đổi từ ngày 2025-07-01');
    const a1 = await admin.get(`/api/orgs/${f.orgs.a1}?asOf=2021-01-01`);
    expect(a1.body.name).toBe('Chi bộ Tổ Toán');
  });

  it('renames, reclassifies, creates, merges, splits and dissolves, each one recorded', async () => {
    const D = { ...DECISION, effectiveDate: '2025-09-01' };
    const rn = await admin.post(`/api/orgs/${f.orgs.a1}/rename`, { name: 'Chi bộ Tổ Toán - Tin', ...D });
    expect(rn.body.name).toBe('Chi bộ Tổ Toán - Tin');
    const old = await admin.get(`/api/orgs/${f.orgs.a1}?asOf=2025-08-31`);
    expect(old.body.name).toBe('Chi bộ Tổ Toán');

    const rc = await admin.post(`/api/orgs/${f.orgs.gB}/reclassify`, { sectorCode: 'dn_nha_nuoc', ...D });
    expect(rc.body.sectorName).toBe('Doanh nghiệp nhà nước');

    const created = await admin.post('/api/orgs', { parentId: f.orgs.gA, name: 'Chi bộ Tổ Ngoại ngữ', kindCode: 'chi_bo_truc_thuoc', ...D });
    expect(created.status).toBe(201);
    expect(created.body.ancestors.map((a: { id: string }) => a.id)).toEqual([f.orgs.P, f.orgs.B, f.orgs.gA]);

    const D2 = { ...DECISION, effectiveDate: '2025-10-01' };
    const merged = await admin.post('/api/orgs/merge', { sourceIds: [f.orgs.a2], targetId: f.orgs.a1, ...D2 });
    expect(merged.status).toBe(200);
    expect(merged.body.memberCount.official).toBe(32);
    const a2 = await admin.get(`/api/orgs/${f.orgs.a2}?asOf=2025-10-01`);
    expect(a2.body).toMatchObject({ status: 'ended', endReason: 'merged', endedOn: '2025-10-01' });

    const D3 = { ...DECISION, effectiveDate: '2025-11-01' };
    const split = await admin.post(`/api/orgs/${f.orgs.gA}/split`, {
      keepSource: true,
      parts: [{ name: 'Chi bộ Trường THPT Nguyễn Du cơ sở 2', kindCode: 'chi_bo_co_so', childIds: [created.body.id] }],
      ...D3,
    });
    expect(split.status).toBe(200);
    const part = split.body.items[0];
    expect(part.ancestors.map((a: { id: string }) => a.id)).toEqual([f.orgs.P, f.orgs.B]);

    const dissolveBusy = await admin.post(`/api/orgs/${part.id}/dissolve`, { ...DECISION, effectiveDate: '2025-12-01' });
    expect(dissolveBusy.status).toBe(409);
    expect(dissolveBusy.body.error.message).toContain('còn 1 tổ chức trực thuộc');
    const dissolveCell = await admin.post(`/api/orgs/${created.body.id}/dissolve`, { ...DECISION, effectiveDate: '2025-12-01' });
    expect(dissolveCell.status).toBe(200);
    expect(dissolveCell.body.status).toBe('ended');

    const audit = await admin.get('/api/audit?entityType=org&pageSize=200');
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    for (const a of ['org.moved', 'org.renamed', 'org.reclassified', 'org.created', 'org.merged_into', 'org.absorbed', 'org.split_into', 'org.split_from', 'org.dissolved']) {
      expect(actions).toContain(a);
    }
  });

  it('a bulk reorganisation previews without writing, then applies all or nothing', async () => {
    const ops = {
      effectiveDate: '2026-01-01',
      decisionNo: '300-QĐ/TU',
      decisionDate: '2025-12-20',
      operations: [
        { type: 'create', ref: 'new', parent: f.orgs.P, name: 'Đảng bộ xã Tân Hòa', kindCode: 'dang_bo_cap_tren_co_so', sectorCode: 'xa' },
        { type: 'move', org: f.orgs.gB, newParent: 'new' },
        { type: 'rename', org: f.orgs.A, name: 'Đảng bộ xã Tân Lập (cũ)' },
      ],
    };
    const preview = await admin.post('/api/reorganizations/preview', ops);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ ok: true, counts: { created: 1, moved: 1, renamed: 1 }, conflicts: [] });
    expect(preview.body.changes.find((c: { orgId: string }) => c.orgId === f.orgs.gB)).toMatchObject({ fromParent: 'Đảng bộ phường Hòa Bình', toParent: 'Đảng bộ xã Tân Hòa' });
    const unchanged = await admin.get(`/api/orgs/${f.orgs.P}/children?asOf=2026-01-01`);
    expect(unchanged.body.items).toHaveLength(2);

    const bad = { ...ops, operations: [...ops.operations, { type: 'dissolve', org: f.orgs.P }] };
    const refused = await admin.post('/api/reorganizations/apply', bad);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details[0]).toMatchObject({ index: 3, code: 'has_children' });
    const still = await admin.get(`/api/orgs/${f.orgs.P}/children?asOf=2026-01-01`);
    expect(still.body.items).toHaveLength(2);

    const applied = await admin.post('/api/reorganizations/apply', ops);
    expect(applied.status).toBe(200);
    expect(applied.body.batchId).toMatch(/^[0-9a-f-]{36}$/);
    const after = await admin.get(`/api/orgs/${f.orgs.P}/children?asOf=2026-01-01`);
    expect(after.body.items.map((c: { name: string }) => c.name)).toEqual(['Đảng bộ phường Hòa Bình', 'Đảng bộ xã Tân Hòa', 'Đảng bộ xã Tân Lập (cũ)']);
    const batch = await admin.get(`/api/audit?entityType=reorganization`);
    expect(batch.body.items[0]).toMatchObject({ action: 'reorg.apply', entityId: applied.body.batchId });
  });

  it('the bulk reorganisation answers each ref with the id of the organisation it made', async () => {
    const D = { effectiveDate: '2026-02-01', decisionNo: '301-QĐ/TU', decisionDate: '2026-01-20' };
    const applied = await admin.post('/api/reorganizations/apply', {
      ...D,
      operations: [
        { type: 'create', ref: 'xa', parent: f.orgs.P, name: 'Đảng bộ xã Tân Phú', kindCode: 'dang_bo_cap_tren_co_so', sectorCode: 'xa' },
        { type: 'create', ref: 'cb', parent: 'xa', name: 'Chi bộ thôn Phú Lợi', kindCode: 'chi_bo_co_so', sectorCode: 'xa' },
        { type: 'split', org: 'xa', keepSource: true, parts: [{ ref: 'tach', name: 'Đảng bộ xã Phú Lợi', kindCode: 'dang_bo_cap_tren_co_so', sectorCode: 'xa', children: ['cb'] }] },
      ],
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(Object.keys(applied.body.refs).sort()).toEqual(['cb', 'tach', 'xa']);
    const named = async (id: string) => (await admin.get(`/api/orgs/${id}?asOf=2026-02-01`)).body;
    expect(await named(applied.body.refs.xa)).toMatchObject({ name: 'Đảng bộ xã Tân Phú', parentId: f.orgs.P });
    expect(await named(applied.body.refs.cb)).toMatchObject({ name: 'Chi bộ thôn Phú Lợi' });
    expect(await named(applied.body.refs.tach)).toMatchObject({ name: 'Đảng bộ xã Phú Lợi', parentId: f.orgs.P });
    expect(await named(applied.body.refs.cb)).toMatchObject({ parentId: applied.body.refs.tach });
  });

  it('returns the flat tree of a subtree and the catalogues', async () => {
    const tree = await admin.get(`/api/orgs/${f.orgs.P}/tree`);
    expect(tree.status).toBe(200);
    expect(tree.body.items[0]).toMatchObject({ id: f.orgs.P, parentId: null, depth: 0 });
    expect((await admin.get('/api/meta/org-kinds')).body).toHaveLength(7);
    expect((await admin.get('/api/meta/sector-types')).body.map((s: { code: string }) => s.code)).toContain('dn_ngoai_nha_nuoc');
  });
});
