/**
 * The member import wizard in a real browser against a real server with the demo province: a file with errors is
 * refused row by row in Vietnamese and cannot be committed; the corrected file is previewed, committed and its
 * members are in the database; the same file imported again changes nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.ts';
import { browserAvailable, browserRequired, launchBrowser, openPage, submitLogin } from '../helpers/browser.ts';
import { DEMO_SETUP_TIMEOUT, startDemoServer } from '../helpers/server.ts';

type Server = Awaited<ReturnType<typeof startDemoServer>>;

/** The headers of the template (STT, then the official labels) that the rows below fill. */
const HEADERS = ['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Dân tộc', 'Ngày vào Đảng', 'Ngày chính thức', 'Chi bộ'];

interface Person {
  name: string;
  gender: string;
  birth: string;
  cccd: string;
  cell: string;
}

/** Writes an xlsx laid out as the template: sheet «Danh sách», header on row 1, every cell as text. */
async function writeWorkbook(file: string, people: Person[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(HEADERS);
  people.forEach((p, i) => ws.addRow([String(i + 1), p.name, p.gender, p.birth, p.cccd, 'Kinh', '03/02/2015', '03/02/2016', p.cell]));
  ws.eachRow((row) => row.eachCell((cell) => (cell.numFmt = '@')));
  await wb.xlsx.writeFile(file);
}

describe.skipIf(!browserAvailable && !browserRequired)('member import in the browser', () => {
  let browser: Browser | null = null;
  let server: Server;
  let dir: string;
  const errors: string[] = [];

  beforeAll(async () => {
    [browser, server, dir] = await Promise.all([launchBrowser(), startDemoServer(), mkdtemp(path.join(os.tmpdir(), 'hatnhan-import-'))]);
  }, DEMO_SETUP_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const newPage = () => openPage(browser!, errors);
  const login = (page: Page, username = 'admin', password = DEMO_PASSWORD) => submitLogin(page, server.baseUrl, username, password);

  it('reports the errors of a file, then imports the corrected file once', { timeout: 120000 }, async ({ skip }) => {
    if (!browser) return skip('no browser');
    const db = server.database.db;
    const { foldAccents } = await import('../../src/domain/text.ts');

    // a cell of the demo province whose name no other current cell shares (a shared name asks for the code)
    const cells = await db
      .selectFrom('org_version as v')
      .innerJoin('org_kind as k', 'k.code', 'v.kind_code')
      .select(['v.org_id', 'v.name'])
      .where('v.valid_to', 'is', null)
      .where('k.is_cell', '=', true)
      .orderBy('v.name')
      .execute();
    const counts = new Map<string, number>();
    for (const c of cells) counts.set(foldAccents(c.name), (counts.get(foldAccents(c.name)) ?? 0) + 1);
    const cell = cells.find((c) => counts.get(foldAccents(c.name)) === 1)!;
    expect(cell).toBeDefined();

    const suffix = String(Date.now()).slice(-6);
    const good: Person[] = [
      { name: 'Nguyễn Thị Thử Nghiệm', gender: 'Nữ', birth: '15/02/1990', cccd: `0331900${suffix.slice(0, 5)}`, cell: cell.name },
      { name: 'Trần Văn Nhập Tệp', gender: 'Nam', birth: '20/07/1988', cccd: `0330880${suffix.slice(1, 6)}`, cell: cell.name },
      { name: 'Lê Hoàng Kiểm Tra', gender: 'Nam', birth: '01/12/1992', cccd: `0330920${suffix.slice(0, 5)}`, cell: cell.name },
    ];
    // none of these CCCD may already be taken in the demo data
    const taken = await db
      .selectFrom('member')
      .select('cccd')
      .where(
        'cccd',
        'in',
        good.map((p) => p.cccd),
      )
      .execute();
    expect(taken).toEqual([]);
    const bad: Person[] = [
      { ...good[0]!, birth: '31/02/1990' },
      { ...good[1]!, cccd: good[1]!.cccd.slice(0, 11) },
      { ...good[2]!, cell: 'Chi bộ Không Tồn Tại Ở Đâu' },
    ];
    const badFile = path.join(dir, 'danh-sach-loi.xlsx');
    const goodFile = path.join(dir, 'danh-sach-dung.xlsx');
    await Promise.all([writeWorkbook(badFile, bad), writeWorkbook(goodFile, good)]);

    const page = await newPage();
    await login(page);
    await page.getByTestId('org-title').waitFor({ timeout: 15000 }); // logged in: the landing page is up
    // the export carries the list's filters and answers a workbook
    await page.goto(`${server.baseUrl}/members?status=active`);
    await page.getByTestId('members-export').waitFor({ timeout: 10000 });
    const href = (await page.getByTestId('members-export').getAttribute('href')) ?? '';
    expect(href).toBe('/api/members/export.xlsx?status=active');
    const exported = await page.evaluate(async (url) => {
      const r = await fetch(url);
      return { status: r.status, type: r.headers.get('content-type'), size: (await r.arrayBuffer()).byteLength };
    }, href);
    expect(exported.status).toBe(200);
    expect(exported.type).toContain('spreadsheetml');
    expect(exported.size).toBeGreaterThan(1000);
    await page.getByTestId('members-import').click();
    await expect.poll(() => page.url()).toContain('/members/import');

    // the file with errors: every problem is listed in Vietnamese, nothing can be committed
    await page.getByTestId('import-file-input').setInputFiles(badFile);
    const problems = page.getByTestId('import-problems');
    await problems.waitFor({ timeout: 30000 });
    const text = (await problems.textContent()) ?? '';
    expect(text).toContain('31/02/1990');
    expect(text).toContain('không phải ngày có thật');
    expect(text).toContain('chỉ có 11 chữ số');
    expect(text).toMatch(/Chi bộ Không Tồn Tại Ở Đâu/);
    expect(await page.getByTestId('import-summary-error').textContent()).toContain('3');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    expect(await page.getByTestId('import-blocked').textContent()).toContain('Còn 3 lỗi: sửa tệp rồi tải lên lại');

    // the corrected file: three new members, committed
    await page.getByTestId('import-again').click();
    await page.getByTestId('import-file-input').setInputFiles(goodFile);
    await page.getByTestId('import-summary').waitFor({ timeout: 30000 });
    expect(await page.getByTestId('import-summary-new').textContent()).toContain('3');
    expect(await page.getByTestId('import-summary-error').textContent()).toContain('0');
    expect(await page.getByTestId('import-problems').count()).toBe(0);
    await page.getByTestId('import-commit').click();
    await expect.poll(() => page.getByTestId('import-done').textContent(), { timeout: 30000 }).toContain('3 đảng viên mới');

    const created = await db
      .selectFrom('member')
      .select(['full_name', 'cccd', 'org_id', 'birth_date'])
      .where(
        'cccd',
        'in',
        good.map((p) => p.cccd),
      )
      .orderBy('full_name')
      .execute();
    expect(created.map((m) => m.full_name).sort()).toEqual(good.map((p) => p.name).sort());
    expect(created.every((m) => m.org_id === cell.org_id)).toBe(true);

    // the same file again: nothing new, every row unchanged
    await page.getByRole('button', { name: 'Nhập tệp khác' }).click();
    await page.getByTestId('import-file-input').setInputFiles(goodFile);
    await page.getByTestId('import-summary').waitFor({ timeout: 30000 });
    expect(await page.getByTestId('import-summary-new').textContent()).toContain('0');
    expect(await page.getByTestId('import-summary-update').textContent()).toContain('0');
    expect(await page.getByTestId('import-summary-unchanged').textContent()).toContain('3');
    expect(await page.getByTestId('import-summary-error').textContent()).toContain('0');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    const still = await db
      .selectFrom('member')
      .select('id')
      .where(
        'cccd',
        'in',
        good.map((p) => p.cccd),
      )
      .execute();
    expect(still).toHaveLength(3);
    expect(errors).toEqual([]);
    await page.close();
  });
});
