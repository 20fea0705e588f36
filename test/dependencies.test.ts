/**
 * The README and package.json promise Node 20: every package the lock file installs must accept it, or `npm install`
 * prints engine warnings (EBADENGINE) and the package may use what Node 20 lacks.
 */
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

interface LockEntry {
  engines?: Record<string, string> | string[];
  optional?: boolean;
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };

describe('dependencies', () => {
  const oldestNode = semver.minVersion(pkg.engines.node)!.version;

  it('declare Node 20 as the oldest supported', () => {
    expect(semver.major(oldestNode)).toBe(20);
  });

  it('all accept the oldest Node that package.json declares', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([name, entry]) => name !== '' && !entry.optional && !Array.isArray(entry.engines) && entry.engines?.node)
      .filter(([, entry]) => !semver.satisfies(oldestNode, (entry.engines as Record<string, string>).node!))
      .map(([name, entry]) => `${name.replace(/^.*node_modules\//, '')} (node ${(entry.engines as Record<string, string>).node})`);
    expect(refusing).toEqual([]);
  });
});
