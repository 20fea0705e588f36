/**
 * «Kiểm tra, giám sát» in a real browser on the demo server (issue 15 part 9), the fixture built through the API from
 * the page's own session (no SQL): a new commune with two cells; its plan of 10 items with 8 concluded shows 80%; a
 * cell that carried out none shows in the coverage list; the page at 390×844 scrolls only inside its tables. A case
 * against a member of a cell refuses his transfer while it is open; concluded, it leads to a warning (a discipline
 * decision of the cell), and the badge list of the next 3 February holds his 30-year badge back.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.ts';
import { browserAvailable, browserRequired, launchBrowser, submitLogin } from '../helpers/browser.ts';
import { browserWithDemo } from '../helpers/server.ts';

const PHONE = { width: 390, height: 844 };
const OFFICE = { width: 1366, height: 768 };

describe.skipIf(!browserAvailable && !browserRequired)('inspection in the browser', () => {
  const env = browserWithDemo(launchBrowser);
  const errors = env.errors;
  const today = new Date().toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  const ORG_DECISION = { decisionNo: '9-QĐ/TU', decisionDate: '2019-12-20', effectiveDate: '2020-01-01' };

  async function openAs(viewport: { width: number; height: number }): Promise<Page> {
    const context = await env.browser!.newContext({ viewport, locale: 'vi-VN' });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await submitLogin(page, env.server.baseUrl, 'admin', DEMO_PASSWORD);
    await page.getByTestId('org-title').waitFor({ timeout: 20_000 });
    return page;
  }

  /** A request of the page's own session (the CSRF token from /api/auth/me). */
  const call = (page: Page, method: string, url: string, body?: unknown) =>
    page.evaluate(
      async ({ method, url, body }) => {
        const me = await (await fetch('/api/auth/me')).json();
        const r = await fetch(url, {
          method,
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: body ? JSON.stringify(body) : null,
        });
        return { status: r.status, body: await r.json() };
      },
      { method, url, body },
    );

  it(
    'a commune’s plan of 10 items with 8 concluded shows 80%; a cell without any is on the coverage list (390×844 too); a case refuses the transfer, its warning holds the badge back',
    { timeout: 240_000 },
    async ({ skip }) => {
      if (!env.browser) return skip('no browser');
      const page = await openAs(OFFICE);
      const roots = await call(page, 'GET', '/api/orgs/roots');
      expect(roots.status).toBe(200);
      const org = async (parentId: string, name: string, kindCode: string, sectorCode: string) => {
        const r = await call(page, 'POST', '/api/orgs', { parentId, name, kindCode, sectorCode, ...ORG_DECISION });
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        return r.body.id as string;
      };
      const stamp = Date.now().toString(36);
      const commune = await org(roots.body.items[0].id, `Đảng bộ xã Kiểm Thử ${stamp}`, 'dang_bo_cap_tren_co_so', 'xa');
      const cell = await org(commune, `Chi bộ thôn Đông ${stamp}`, 'chi_bo_co_so', 'dn_ngoai_nha_nuoc');
      const cellName = `Chi bộ thôn Tây ${stamp}`;
      const idle = await org(commune, cellName, 'chi_bo_co_so', 'dn_ngoai_nha_nuoc');
      const plan = await call(page, 'POST', '/api/inspection/plans', {
        orgId: commune,
        year,
        body: 'inspection_committee',
        title: `Kế hoạch kiểm tra năm ${year}`,
      });
      expect(plan.status, JSON.stringify(plan.body)).toBe(201);
      for (let i = 0; i < 10; i++) {
        const item = await call(page, 'POST', '/api/inspection/items', {
          planId: plan.body.plan.id,
          kind: i % 2 ? 'supervision' : 'inspection',
          mode: 'regular',
          subjectOrgId: cell,
          content: `Nội dung ${i + 1}`,
          dueOn: `${year}-${String(i + 1).padStart(2, '0')}-15`,
          ...(i < 8 ? { status: 'concluded', concludedOn: today } : {}),
        });
        expect(item.status, JSON.stringify(item.body)).toBe(201);
      }
      for (const viewport of [OFFICE, PHONE]) {
        const p = viewport === OFFICE ? page : await openAs(PHONE);
        await p.goto(`${env.server.baseUrl}/inspection?orgId=${commune}`);
        await p.getByTestId('inspection-page').waitFor({ timeout: 30_000 });
        // this year, the page's default
        expect(await p.getByTestId('inspection-year').inputValue()).toBe(String(year));
        await expect.poll(() => p.getByTestId(`plan-progress-${plan.body.plan.id}`).textContent(), { timeout: 30_000 }).toContain('80%');
        await p.getByRole('tab', { name: 'Tiến độ' }).click();
        await expect.poll(() => p.getByTestId('progress-total').textContent(), { timeout: 30_000 }).toBe('80%');
        await p.getByRole('tab', { name: 'Chưa thực hiện' }).click();
        await p.getByTestId('coverage-chi_bo-own').click();
        await expect.poll(() => p.getByTestId('coverage-list').textContent(), { timeout: 30_000 }).toContain(cellName);
        const sideways = await p.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
        expect(sideways).toBe(false);
        if (p !== page) await p.context().close();
      }

      // A member of the cell, 30 years a member on 10/01 next year: due for the badge of the next 3 February.
      const created = await call(page, 'POST', '/api/members', {
        fullName: `Phạm Văn Kiểm ${stamp}`,
        gender: 'nam',
        birthDate: '1970-05-01',
        orgId: cell,
        admittedOn: `${year - 29}-01-10`,
        officialOn: `${year - 28}-01-10`,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const memberId = created.body.id as string;
      const anniversary = `${year + 1}-02-03`;
      const badge = async () => {
        const list = await call(page, 'GET', `/api/badges?anniversary=${anniversary}&orgId=${commune}`);
        expect(list.status, JSON.stringify(list.body)).toBe(200);
        return (list.body.due as { memberId: string; eligible: boolean; reason: string | null }[]).find((d) => d.memberId === memberId);
      };
      expect(await badge()).toMatchObject({ eligible: true });

      // A case against him: his transfer is refused while it is open.
      const opened = await call(page, 'POST', '/api/inspection/cases', {
        orgId: commune,
        body: 'inspection_committee',
        subjectMemberId: memberId,
        source: 'denunciation',
        summary: 'Đơn tố cáo',
        openedOn: today,
      });
      expect(opened.status, JSON.stringify(opened.body)).toBe(201);
      const transfer = { kind: 'transfer_out_started', toOrgId: idle, date: today, decisionNo: '1-QĐ' };
      const refused = await call(page, 'POST', `/api/members/${memberId}/events`, transfer);
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toContain('đang trong quá trình kiểm tra');

      // Concluded with a violation: the cell warns him; the badge list holds his award back (9 months for a warning).
      const concluded = await call(page, 'PATCH', `/api/inspection/cases/${opened.body.id}`, {
        status: 'concluded',
        concludedOn: today,
        conclusion: 'Có vi phạm, đề nghị xem xét kỷ luật',
        violationFound: true,
        outcome: 'discipline',
      });
      expect(concluded.status, JSON.stringify(concluded.body)).toBe(200);
      const warning = await call(page, 'POST', '/api/discipline/decisions', {
        memberId,
        form: 'warning',
        decidingOrgId: cell,
        decidingBody: 'cell',
        decisionNo: '1-QĐ/CB',
        decidedOn: today,
        violationOn: today,
        caseId: opened.body.id,
      });
      expect(warning.status, JSON.stringify(warning.body)).toBe(201);
      expect(warning.body).toMatchObject({ form: 'warning', inForce: true });
      const held = await badge();
      expect(held).toMatchObject({ eligible: false });
      expect(held!.reason).toBeTruthy();
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );
});
