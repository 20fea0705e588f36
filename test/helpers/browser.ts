/**
 * Chromium for browser tests: playwright-core driving the browser installed on the machine (Debian's `chromium`
 * package), never a downloaded one. Without a browser the browser suites are skipped, unless REQUIRE_BROWSER=1.
 *
 *   describe.skipIf(!browserAvailable && !browserRequired)('…', () => {
 *     let browser: Browser | null;
 *     beforeAll(async () => { browser = await launchBrowser(); });
 *     afterAll(() => browser?.close());
 *   });
 */
import { accessSync, constants } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

const INSTALL_HINT = 'apt-get install chromium';
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** CHROMIUM_PATH when set (and only it), else the first of the usual Debian/Ubuntu locations that exists. */
function findChromium(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return isExecutable(configured) ? configured : null;
  return CANDIDATES.find(isExecutable) ?? null;
}

/** The Chromium executable that launchBrowser uses; null when none is installed. */
export const chromiumPath: string | null = findChromium();

/** Whether a Chromium executable exists; computed synchronously so suites can use describe.skipIf. */
export const browserAvailable: boolean = chromiumPath !== null;

/** REQUIRE_BROWSER=1 (set by CI): a missing browser fails the browser suites instead of skipping them. */
export const browserRequired: boolean = process.env.REQUIRE_BROWSER === '1';

/**
 * Launches headless Chromium. Returns null when no browser is installed (the caller skips), or throws when
 * REQUIRE_BROWSER=1. Close it in afterAll.
 */
export async function launchBrowser(): Promise<Browser | null> {
  if (!chromiumPath) {
    if (!browserRequired) return null;
    const where = process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable` : `none of ${CANDIDATES.join(', ')} exists`;
    throw new Error(`Chromium not found (${where}); install with: ${INSTALL_HINT} (REQUIRE_BROWSER=1).`);
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: ARGS });
}

/** A page as an office computer shows it: 1366×768, Vietnamese; page errors are collected into `errors`. */
export async function openPage(browser: Browser, errors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  page.on('pageerror', (e) => errors.push(String(e)));
  return page;
}

/**
 * Fills and submits the login form. It does not wait: a test that logs in successfully waits for the landing page
 * before navigating elsewhere, since leaving the page aborts the login request.
 */
export async function submitLogin(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}
