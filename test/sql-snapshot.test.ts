/**
 * The committed SQL snapshots (src/server/queries/) are what the repositories emit today: a changed query must show in
 * review, so a stale file fails here. `npm run sql:snapshot` rewrites them.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSnapshots } from '../src/server/db/sql-snapshot.ts';

describe('SQL snapshots', () => {
  it('are current for every repository', { timeout: 120_000 }, async () => {
    const { snapshots, withoutCases } = await buildSnapshots(process.cwd());
    expect(withoutCases, 'every repository needs its .repo.cases.ts').toEqual([]);
    const stale = [...snapshots].filter(([file, text]) => !existsSync(file) || readFileSync(file, 'utf8') !== text).map(([file]) => file);
    expect(stale, 'run npm run sql:snapshot and review the change').toEqual([]);
    const orphans = readdirSync('src/server/queries')
      .map((f) => `src/server/queries/${f}`)
      .filter((f) => !snapshots.has(f));
    expect(orphans).toEqual([]);
  });
});
