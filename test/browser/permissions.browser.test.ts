/**
 * Issue 12 part 4 in a real browser: a cell secretary is offered only what the server lets him do. On his cell's page
 * he may add an organisation under it but not rename, reclassify, move or dissolve the cell itself (issue 10 item 11);
 * on his grassroots organisation's evaluation period he fills in his cell's self-assessment, while the decision selects
 * stay disabled and «Công bố kết quả» is not there.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.ts';
import { insertUser } from '../../src/server/modules/users/users.service.ts';
import { browserAvailable, browserRequired, launchBrowser, openPage, submitLogin } from '../helpers/browser.ts';
import { browserWithDemo } from '../helpers/server.ts';

describe.skipIf(!browserAvailable && !browserRequired)('what a cell secretary is offered', () => {
  const env = browserWithDemo(launchBrowser);
  const errors = env.errors;

  /** An API call as the demo administrator (cookie and CSRF token from the login). */
  async function asAdmin(method: string, url: string, body: unknown) {
    const base = env.server.baseUrl;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { period: { id: string } } };
  }

  it('sees only the tree actions and evaluation stages the server allows', { timeout: 120_000 }, async ({ skip }) => {
    if (!env.browser) return skip('no browser');
    const db = env.server.database.db;
    // A cell of a đảng bộ cơ sở with active members.
    const found = await sql<{ cell: string; grassroots: string }>`
      SELECT v.org_id AS cell, v.parent_id AS grassroots FROM org_version v JOIN org_version g ON g.org_id = v.parent_id AND g.valid_to IS NULL
      WHERE v.valid_to IS NULL AND v.kind_code = 'chi_bo_truc_thuoc' AND g.kind_code = 'dang_bo_co_so'
        AND EXISTS (SELECT 1 FROM member m WHERE m.org_id = v.org_id AND m.status = 'active')
      ORDER BY v.name LIMIT 1`.execute(db);
    const { cell, grassroots } = found.rows[0]!;
    await insertUser(db, { username: 'bithu', fullName: 'Bí thư chi bộ', password: DEMO_PASSWORD, homeOrgId: cell, roles: [{ role: 'editor', orgId: cell }] });
    const year = Number(new Date().toISOString().slice(0, 4));
    const opened = await asAdmin('POST', '/api/evaluation/periods', { rootOrgId: grassroots, year });
    expect(opened.status).toBe(201);

    const page = await openPage(env.browser, errors);
    await submitLogin(page, env.server.baseUrl, 'bithu', DEMO_PASSWORD);
    await page.getByTestId('nav-evaluation').waitFor({ timeout: 15000 });

    await page.goto(`${env.server.baseUrl}/orgs/${cell}`);
    await page.getByTestId('org-action-create').waitFor({ timeout: 15000 });
    for (const action of ['rename', 'reclassify', 'move', 'dissolve']) expect(await page.getByTestId(`org-action-${action}`).count(), action).toBe(0);

    await page.goto(`${env.server.baseUrl}/evaluation/${opened.body.period.id}`);
    await page.getByTestId(`org-selfLabel-${cell}`).waitFor({ timeout: 15000 });
    expect(await page.getByTestId(`org-selfLabel-${cell}`).isDisabled()).toBe(false);
    expect(await page.getByTestId(`org-decidedLabel-${cell}`).isDisabled()).toBe(true);
    expect(await page.getByTestId(`org-proposedLabel-${cell}`).isDisabled()).toBe(true);
    expect(await page.getByTestId('period-publish').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
