/**
 * The house's structural rules, checked on the source (docs/architecture.md "Rules of the house"):
 * - each table's SQL lives in its owner's repositories (src/server/db/owners.ts);
 * - no cycle between modules (a module is a folder of src/server/modules, or src/server/http, db, docx, office, demo).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { TABLE_OWNERS } from '../src/server/db/owners.ts';

const MODULES_DIR = 'src/server/modules';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const sourceFiles = filesUnder('src/server').filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));

/** Tables a repository names: in Kysely builder calls and in the FROM/JOIN/INTO/UPDATE clauses of raw SQL. */
export function tablesNamed(source: string): Set<string> {
  const found = new Set<string>();
  const known = new Set(Object.keys(TABLE_OWNERS));
  const builder = /\b(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|mergeInto|using)\(\s*['"`]([a-z_]+)/g;
  for (const m of source.matchAll(builder)) if (known.has(m[1]!)) found.add(m[1]!);
  const raw = /\b(?:FROM|JOIN|INTO|UPDATE|from|join|into|update)\s+([a-z_]+)\b/g;
  for (const m of source.matchAll(raw)) if (known.has(m[1]!)) found.add(m[1]!);
  return found;
}

describe('the house', () => {
  it('every repository names only the tables its module owns', () => {
    const violations: string[] = [];
    for (const file of sourceFiles.filter((f) => f.startsWith(MODULES_DIR) && f.endsWith('.repo.ts'))) {
      const moduleName = file.split('/')[3]!;
      const foreign = [...tablesNamed(readFileSync(file, 'utf8'))].filter((t) => TABLE_OWNERS[t as keyof typeof TABLE_OWNERS] !== moduleName);
      if (foreign.length > 0) violations.push(`${file}: ${foreign.sort().join(', ')}`);
    }
    expect(violations).toEqual([]);
  });

  it('the tables of a module are named only by its repositories', () => {
    const violations: string[] = [];
    for (const file of sourceFiles.filter((f) => f.startsWith(MODULES_DIR) && !f.endsWith('.repo.ts') && !f.includes('.repo.'))) {
      const named = tablesNamed(readFileSync(file, 'utf8'));
      // A table's name in prose is no query; a call on the query builder is (the lint rule covers the sql tag).
      const calls = [...named].filter((t) =>
        new RegExp(`\\b(?:selectFrom|insertInto|updateTable|deleteFrom)\\(\\s*['"\`]${t}`).test(readFileSync(file, 'utf8')),
      );
      if (calls.length > 0) violations.push(`${file}: ${calls.join(', ')}`);
    }
    expect(violations).toEqual([]);
  });

  it('no module depends on itself through another (no cycle between modules)', () => {
    const moduleOf = (file: string): string | null => {
      const rel = path.relative('src/server', file).split(path.sep);
      if (rel[0] === 'modules') return rel[1]!;
      if (rel.length > 1) return rel[0]!;
      return null; // app.ts, main.ts and the other composition files at the top may import everything
    };
    const edges = new Map<string, Set<string>>();
    for (const file of sourceFiles) {
      const from = moduleOf(file);
      if (!from) continue;
      for (const imp of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
        if (!imp.fileName.startsWith('.')) continue;
        const target = path.normalize(path.join(path.dirname(file), imp.fileName));
        if (!target.startsWith('src/server')) continue;
        const to = moduleOf(target);
        if (to && to !== from) (edges.get(from) ?? edges.set(from, new Set()).get(from)!).add(to);
      }
    }
    // Depth-first search; a grey node met again closes a cycle.
    const state = new Map<string, 'grey' | 'black'>();
    const cycles: string[] = [];
    const visit = (node: string, trail: string[]) => {
      state.set(node, 'grey');
      for (const next of [...(edges.get(node) ?? [])].sort()) {
        if (state.get(next) === 'grey') cycles.push([...trail.slice(trail.indexOf(next)), next].join(' -> '));
        else if (!state.has(next)) visit(next, [...trail, next]);
      }
      state.set(node, 'black');
    };
    for (const start of [...edges.keys()].sort()) if (!state.has(start)) visit(start, [start]);
    expect(cycles).toEqual([]);
  });
});
