/**
 * Issue 12 part 6: names shown are the names on the date the page is about. A rename effective next year does not
 * show today in the admission dossier, the candidate list nor this year's evaluation period; it shows from its date.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildFixture, startTestApp, type Client, type Fixture, type TestApp } from './helpers/app.ts';
import { describeEngines } from './helpers/db.ts';

describeEngines('names on the date of the page', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let admin: Client;
  let dossierId: string;

  beforeAll(async () => {
    t = await startTestApp(engine, { now: '2026-12-07T03:00:00Z' });
    f = await buildFixture(t);
    admin = await t.login('admin');
    dossierId = (await admin.post('/api/admissions/candidates', { orgId: f.orgs.a1, fullName: 'Lê Thị Mai', gender: 'nu', listedOn: '2026-10-05' })).body.id;
    const rename = await admin.post(`/api/orgs/${f.orgs.a1}/rename`, {
      name: 'Chi bộ Tổ Toán - Tin',
      effectiveDate: '2027-01-01',
      decisionNo: '12-QĐ/ĐU',
      decisionDate: '2026-12-01',
    });
    expect(rename.status).toBe(200);
  });
  afterAll(() => t?.close());

  it('on 07/12/2026 the dossier and the candidate list name the cell as it is that day', async () => {
    expect((await admin.get(`/api/admissions/dossiers/${dossierId}`)).body.org.name).toBe('Chi bộ Tổ Toán');
    const list = (await admin.get('/api/admissions/candidates')).body.items as { dossierId: string; orgName: string }[];
    expect(list.find((i) => i.dossierId === dossierId)?.orgName).toBe('Chi bộ Tổ Toán');
  });

  it('the 2026 evaluation period and its grid name the cell as on the period’s date (01/12/2026); the dossier follows the rename from its date', async () => {
    const p2026 = await admin.post('/api/evaluation/periods', { rootOrgId: f.orgs.A, year: 2026 });
    expect(p2026.status).toBe(201);
    expect(p2026.body.orgs.map((o: { name: string }) => o.name)).toContain('Chi bộ Tổ Toán');
    const grid = await admin.get(`/api/evaluation/periods/${p2026.body.period.id}/orgs/${f.orgs.a1}/members`);
    expect(grid.body.orgName).toBe('Chi bộ Tổ Toán');
    // the rename reaches the pages about a date on or after it
    t.clock.advance(40 * 86_400_000);
    admin = await t.login('admin');
    expect((await admin.get(`/api/admissions/dossiers/${dossierId}`)).body.org.name).toBe('Chi bộ Tổ Toán - Tin');
  });
});
