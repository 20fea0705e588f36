#!/usr/bin/env node
// `npm test`: says which suites this machine can run, then runs `vitest run` once for all of them.
// Extra arguments go to Vitest: `npm test -- test/harness.test.ts`, `npm test -- -t "org tree"`.
//
// PostgreSQL suites need the server binaries (initdb, pg_ctl) or TEST_DATABASE_URL; browser suites need Chromium.
// A missing piece skips its suites, unless REQUIRE_POSTGRES=1 / REQUIRE_BROWSER=1 (set by CI), which fail the run.
// The detection here mirrors test/global-setup.ts and test/helpers/browser.ts, which decide for the tests.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const POSTGRES_HINT = 'apt-get install postgresql';
const BROWSER_HINT = 'apt-get install chromium';
const BROWSER_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Directory holding initdb and pg_ctl: PATH first, else the newest /usr/lib/postgresql/<version>/bin. */
function findPostgresBinDir() {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir || !isExecutable(path.join(dir, 'initdb'))) continue;
    const real = path.dirname(realpathSync(path.join(dir, 'initdb')));
    for (const candidate of [real, dir]) {
      if (isExecutable(path.join(candidate, 'pg_ctl'))) return candidate;
    }
  }
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = path.join(base, version, 'bin');
    if (isExecutable(path.join(dir, 'initdb')) && isExecutable(path.join(dir, 'pg_ctl'))) return dir;
  }
  return null;
}

function detectPostgres() {
  if (process.env.TEST_DATABASE_URL) return { ok: true, detail: 'on TEST_DATABASE_URL' };
  const binDir = findPostgresBinDir();
  if (!binDir) return { ok: false, why: 'PostgreSQL server binaries not found', hint: POSTGRES_HINT };
  // As root the throwaway cluster runs as the postgres OS user (initdb refuses root).
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres'], { stdio: 'ignore' }).status !== 0) {
    return { ok: false, why: 'running as root and there is no "postgres" OS user', hint: POSTGRES_HINT };
  }
  return { ok: true, detail: `throwaway server from ${binDir}` };
}

function detectBrowser() {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    return isExecutable(configured)
      ? { ok: true, detail: configured }
      : { ok: false, why: `CHROMIUM_PATH=${configured} is not an executable`, hint: BROWSER_HINT };
  }
  const found = BROWSER_CANDIDATES.find(isExecutable);
  return found ? { ok: true, detail: found } : { ok: false, why: 'Chromium not found', hint: BROWSER_HINT };
}

const suites = [
  { name: 'PostgreSQL', required: process.env.REQUIRE_POSTGRES === '1', flag: 'REQUIRE_POSTGRES=1', ...detectPostgres() },
  { name: 'browser', required: process.env.REQUIRE_BROWSER === '1', flag: 'REQUIRE_BROWSER=1', ...detectBrowser() },
];

const running = ['unit', 'PGlite', ...suites.filter((s) => s.ok).map((s) => `${s.name} (${s.detail})`)];
const skipped = suites.filter((s) => !s.ok);
const skippedLine = skipped.length === 0 ? null : `Skipped: ${skipped.map((s) => `${s.name} suites (${s.why}; install with: ${s.hint})`).join('; ')}.`;

console.log(`Running: ${running.join(', ')}.`);
if (skippedLine) console.log(skippedLine);

const missingRequired = skipped.filter((s) => s.required);
if (missingRequired.length > 0) {
  for (const s of missingRequired) {
    console.error(`Error: ${s.name} suites are required (${s.flag}) but ${s.why}; install with: ${s.hint}`);
  }
  process.exit(1);
}

// Browser tests drive the built web app: built again whenever its sources changed since the last successful build
// (scripts/build-web.mjs keeps their hash), so a stale dist/ never hides a broken build.
const browserRuns = suites.find((s) => s.name === 'browser')?.ok === true;
if (browserRuns) {
  const build = spawnSync(process.execPath, ['scripts/build-web.mjs', '--if-changed'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('Error: the web app build failed; browser tests need dist/web/index.html.');
    process.exit(build.status ?? 1);
  }
}

// Besides the usual report, Vitest writes a JSON summary; the last line printed is the plain
// "Tests: N passed, N failed, N skipped" that any reader (or CI) can count.
const resultsFile = path.join(root, '.tmp', 'vitest-results.json');
mkdirSync(path.dirname(resultsFile), { recursive: true });
rmSync(resultsFile, { force: true });
const vitest = spawn('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
});

function plainSummary() {
  try {
    const r = JSON.parse(readFileSync(resultsFile, 'utf8'));
    const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    return `Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`;
  } catch {
    return null;
  }
}

// Ctrl+C reaches Vitest directly (same process group); wait for it to clean up instead of dying first.
process.on('SIGINT', () => {});
for (const signal of ['SIGTERM', 'SIGHUP']) {
  process.on(signal, () => vitest.kill(signal));
}

vitest.on('error', (error) => {
  console.error(`Error: could not start Vitest: ${error.message}`);
  process.exit(1);
});
vitest.on('exit', (code, signal) => {
  if (skippedLine) console.log(`\n${skippedLine}`);
  const summary = plainSummary();
  if (summary) console.log(`\n${summary}`);
  process.exit(code ?? 128 + (osConstants.signals[signal] ?? 0));
});
