import { describe, expect, it } from 'vitest';
import { childPath, depthOf, isWithin, pathIds, subtreeRange } from './org-path.ts';

describe('materialised paths', () => {
  const root = childPath(null, 'aaa');
  const child = childPath(root, 'bbb');
  it('builds paths from the root', () => {
    expect(root).toBe('/aaa/');
    expect(child).toBe('/aaa/bbb/');
    expect(pathIds(child)).toEqual(['aaa', 'bbb']);
    expect(depthOf(child)).toBe(1);
  });
  it('a subtree range holds the node and its descendants only', () => {
    const r = subtreeRange(child);
    const inRange = (p: string) => p >= r.from && p < r.to;
    expect(inRange(child)).toBe(true);
    expect(inRange('/aaa/bbb/ccc/ddd/')).toBe(true);
    expect(inRange('/aaa/bbbb/')).toBe(false); // a sibling whose id starts with the same characters
    expect(inRange('/aaa/')).toBe(false);
    expect(isWithin('/aaa/bbbb/', child)).toBe(false);
  });
});
