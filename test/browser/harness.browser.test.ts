/** The browser harness itself: Chromium starts headless and renders Vietnamese text; demo servers start. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.ts';
import { browserAvailable, browserRequired, launchBrowser } from '../helpers/browser.ts';
import { demoTemplateKey } from '../helpers/demo-template.ts';
import { DEMO_SETUP_TIMEOUT, startDemoServer, type DemoServer } from '../helpers/server.ts';

describe.skipIf(!browserAvailable && !browserRequired)('browser harness', () => {
  let browser: Browser | null = null;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens a page and reads its heading', async ({ skip }) => {
    if (!browser) return skip('no browser');
    const page = await browser.newPage();
    // The charset keeps "à" from being decoded as Latin-1.
    await page.goto('data:text/html;charset=utf-8,<h1>Xin chào</h1>');
    expect(await page.locator('h1').textContent()).toBe('Xin chào');
    await page.close();
  });
});

/** The demo province of the browser files: seeded once per run into a template, copied per server. */
describe.skipIf(!browserAvailable && !browserRequired)('demo servers', () => {
  let first: DemoServer | null = null;
  let second: DemoServer | null = null;

  beforeAll(async () => {
    first = await startDemoServer();
    second = await startDemoServer();
  }, DEMO_SETUP_TIMEOUT);
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('come from one seeded template kept on disk under the key of the sources and the date', async () => {
    const key = await demoTemplateKey();
    expect(existsSync(path.resolve(`.tmp/demo-template/${key}.tar.gz`))).toBe(true);
    expect(second!.seeded).toEqual(first!.seeded);
    const orgs = (d: DemoServer) =>
      d.database.db
        .selectFrom('org')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
    expect(Number((await orgs(first!)).n)).toBe(first!.seeded.orgs);
    expect(Number((await orgs(second!)).n)).toBe(first!.seeded.orgs);
  });

  it('each have their own database, and the demo login works on each', async () => {
    await first!.database.db
      .insertInto('org_kind')
      .values({ code: 'demo_probe', name: 'Thử', level: 9, is_grassroots: false, is_cell: false, sort: 99 })
      .execute();
    const probe = (d: DemoServer) => d.database.db.selectFrom('org_kind').select('code').where('code', '=', 'demo_probe').execute();
    expect(await probe(first!)).toHaveLength(1);
    expect(await probe(second!)).toHaveLength(0);
    for (const server of [first!, second!]) {
      const r = await fetch(`${server.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
      });
      expect(r.status).toBe(200);
    }
  });
});
