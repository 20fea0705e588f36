/**
 * Rule sets as data in a real browser (issue 10 item 6, domain.md §12): a system administrator copies the version in
 * force, changes one number, is refused a number out of range with the rule's Vietnamese words, previews what changes,
 * and adds the version; it is stored, listed and audited, and the version in force today is unchanged.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.ts';
import { browserAvailable, browserRequired, launchBrowser, openPage, submitLogin } from '../helpers/browser.ts';
import { browserWithDemo } from '../helpers/server.ts';

describe.skipIf(!browserAvailable && !browserRequired)('rule-set versions in the browser', () => {
  const env = browserWithDemo(launchBrowser);
  const errors = env.errors;

  it('adds a version from a date with one number changed, after a refused one and a preview', { timeout: 120_000 }, async ({ skip }) => {
    if (!env.browser) return skip('no browser');
    const db = env.server.database.db;
    const before = await db.selectFrom('rule_set').select('id').execute();

    const page = await openPage(env.browser, errors);
    await submitLogin(page, env.server.baseUrl, 'admin', DEMO_PASSWORD);
    await page.getByTestId('nav-evaluation').waitFor({ timeout: 15000 });
    await page.goto(`${env.server.baseUrl}/rulesets`);
    await page.getByTestId('ruleset-add').waitFor({ timeout: 15000 });

    const date = page.getByTestId('ruleset-effective-from');
    await date.click();
    await date.fill('');
    await page.keyboard.type('01/01/2027');
    await page.keyboard.press('Tab');
    await page.getByTestId('ruleset-basis').fill('Quy định thử nghiệm 99-QĐ/TW');

    // A delay of −1 month is no number the rule can take: the server's preview refuses it in Vietnamese.
    const reprimand = page.getByTestId('ruleset-field-badges.disciplineDelayMonths.reprimand');
    expect(await reprimand.inputValue()).toBe('6');
    await reprimand.fill('-1');
    await page.getByTestId('ruleset-preview').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toMatch(/nhỏ hơn 0/u);
    expect(await page.getByTestId('ruleset-preview-result').count()).toBe(0);
    expect(await page.getByTestId('ruleset-save').isDisabled()).toBe(true);

    // 7 months: previewed as the one change, then added.
    await reprimand.fill('7');
    await page.getByTestId('ruleset-preview').click();
    const preview = page.getByTestId('ruleset-preview-result');
    await preview.waitFor({ timeout: 15000 });
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('01/01/2027');
    expect(text).toContain('Hoãn xét Huy hiệu sau khiển trách (tháng)');
    expect(await preview.locator('tbody tr').count()).toBe(1);
    await page.getByTestId('ruleset-save').click();
    await expect.poll(() => page.getByTestId('ruleset-list').textContent()).toContain('Quy định thử nghiệm 99-QĐ/TW');

    const after = await db.selectFrom('rule_set').selectAll().orderBy('effective_from').execute();
    expect(after).toHaveLength(before.length + 1);
    const added = after.at(-1)!;
    expect(added.effective_from).toBe('2027-01-01');
    expect(JSON.stringify(added)).toContain('"reprimand":7');
    const audit = await db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'ruleset.create').execute();
    expect(audit.map((a) => a.entity_id)).toContain(added.id);
    expect(errors).toEqual([]);
  });
});
