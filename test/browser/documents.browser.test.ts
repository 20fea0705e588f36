/**
 * The member dossier in a real browser against a real server with the demo province: a PDF is uploaded with who
 * certified it and when and is listed; a text file renamed .pdf is refused in Vietnamese; a new version is listed
 * beside the first, and both download byte for byte.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.ts';
import { pdfBytes } from '../../src/server/modules/member-documents/member-documents.fixtures.ts';
import { browserAvailable, browserRequired, launchBrowser, openPage, submitLogin } from '../helpers/browser.ts';
import { browserWithDemo } from '../helpers/server.ts';

describe.skipIf(!browserAvailable && !browserRequired)('member dossier in the browser', () => {
  const env = browserWithDemo(launchBrowser);
  const errors = env.errors;

  const FILE_INPUT = '[data-testid="form-member-document"] input[type=file]';

  async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
    await page.locator(FILE_INPUT).setInputFiles(file);
    await page.getByTestId('modal-submit').click();
  }

  it('uploads a PDF, lists it, refuses a renamed text file, keeps both versions', { timeout: 120000 }, async ({ skip }) => {
    if (!env.browser) return skip('no browser');
    const member = await env.server.database.db
      .selectFrom('member')
      .select(['id', 'full_name'])
      .where('status', '=', 'active')
      .orderBy('name_sort_key')
      .limit(1)
      .executeTakeFirstOrThrow();
    const page = await openPage(env.browser!, errors);
    await submitLogin(page, env.server.baseUrl, 'admin', DEMO_PASSWORD);
    await page.getByTestId('org-title').waitFor({ timeout: 15000 });
    await page.goto(`${env.server.baseUrl}/members/${member.id}?tab=documents`);
    await page.getByTestId('member-documents').waitFor({ timeout: 15000 });

    // a first document: the type gives the title, the date typed DD/MM/YYYY
    await page.getByTestId('documents-upload').click();
    await page.getByTestId('document-type').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Quyết định kết nạp' }).first().click();
    // the title follows the type once the form has re-rendered: poll rather than read it once
    await expect.poll(() => page.getByTestId('document-title').inputValue()).toBe('Quyết định kết nạp, công nhận đảng viên chính thức');
    await page.getByTestId('document-certified-by').fill('Đảng ủy xã Tân Lập');
    await page.getByTestId('document-certified-on').click();
    await page.keyboard.type('19/05/2010');
    await page.keyboard.press('Tab');

    // a text file named .pdf: refused by its content, the modal stays open with the reason
    await upload(page, { name: 'quyet-dinh.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Quyết định kết nạp\n') });
    await expect.poll(() => page.getByTestId('modal-error').textContent(), { timeout: 10000 }).toContain('văn bản thuần');

    const first = pdfBytes('Quyet dinh ket nap 2010');
    await upload(page, { name: 'Quyết định kết nạp.pdf', mimeType: 'application/pdf', buffer: first });
    const table = page.getByTestId('documents-table');
    await expect.poll(() => table.textContent(), { timeout: 10000 }).toContain('Quyết định kết nạp.pdf');
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('Đảng ủy xã Tân Lập');
    expect(text).toContain('19/05/2010');

    // the next version of the same document
    await page
      .getByRole('button', { name: /Tải phiên bản mới/ })
      .first()
      .click();
    const second = pdfBytes('Quyet dinh ket nap 2010 - ban sao');
    await upload(page, { name: 'ban-sao.pdf', mimeType: 'application/pdf', buffer: second });
    await expect.poll(() => table.getByTestId('document-version').first().textContent(), { timeout: 10000 }).toContain('2 bản');
    expect(await table.textContent()).toContain('ban-sao.pdf');

    // both versions download byte for byte, with the session of the page
    const rows = await env.server.database.db
      .selectFrom('member_document')
      .select(['id', 'version'])
      .where('member_id', '=', member.id)
      .orderBy('version')
      .execute();
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
    for (const [row, bytes] of [
      [rows[0]!, first],
      [rows[1]!, second],
    ] as const) {
      const res = await page.request.get(`${env.server.baseUrl}/api/members/${member.id}/documents/${row.id}/file`);
      expect(res.status()).toBe(200);
      expect(Buffer.from(await res.body()).equals(bytes)).toBe(true);
    }
    // the history shows the first version as replaced
    await table.locator('.ant-table-row-expand-icon').first().click();
    await expect.poll(() => page.getByTestId('document-versions').textContent()).toContain('Đã thay thế');
    expect(errors).toEqual([]);
    await page.close();
  });
});
