// `npm run sql:snapshot`: writes the SQL each repository function emits to src/server/queries/ (see src/server/db/sql-snapshot.ts).
// `npm run sql:snapshot -- --check` only compares, and exits 1 when a file is stale.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSnapshots } from '../src/server/db/sql-snapshot.ts';

const root = process.cwd();
const check = process.argv.includes('--check');
const { snapshots, withoutCases } = await buildSnapshots(root);
if (withoutCases.length > 0) console.warn(`repositories without a cases file (no snapshot):\n  ${withoutCases.join('\n  ')}`);
const dir = path.join(root, 'src/server/queries');
const existing = readdirSync(dir).filter((f) => f.endsWith('.sql'));
const stale: string[] = [];
for (const [file, text] of snapshots) {
  let current: string | null = null;
  try {
    current = readFileSync(path.join(root, file), 'utf8');
  } catch {
    current = null;
  }
  if (current === text) continue;
  stale.push(file);
  if (!check) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}
for (const f of existing) {
  const file = path.join('src/server/queries', f);
  if (snapshots.has(file)) continue;
  stale.push(`${file} (no repository)`);
  if (!check) rmSync(path.join(root, file));
}
if (check && stale.length > 0) {
  console.error(`SQL snapshots are stale; run npm run sql:snapshot and review the change:\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
console.log(check ? 'SQL snapshots are current.' : stale.length ? `wrote ${stale.join(', ')}` : 'SQL snapshots were current.');
