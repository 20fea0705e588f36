import { describe, expect, it } from 'vitest';
import { ruleSetOn, type RuleSet } from './rulesets.ts';

const base: RuleSet['orgSize'] = { minOfficialMembers: 3, partyCommitteeThreshold: 30, cellCommitteeThreshold: 9 };
const sets: RuleSet[] = [
  { id: 'a', effectiveFrom: '2018-01-01', basis: '', orgSize: base },
  { id: 'b', effectiveFrom: '2025-07-01', basis: '', orgSize: base },
];

describe('rule set in force on a date (domain.md §12)', () => {
  it('takes the latest version in force on the date, switching on the effective day itself', () => {
    expect(ruleSetOn('2025-06-30', sets).id).toBe('a');
    expect(ruleSetOn('2025-07-01', sets).id).toBe('b');
    expect(ruleSetOn('2019-05-19', sets).id).toBe('a');
  });
  it('falls back to the earliest version before any is in force', () => {
    expect(ruleSetOn('1990-01-01', sets).id).toBe('a');
  });
  it('the shipped sets switch to QĐ 294 on 1 July 2025', () => {
    expect(ruleSetOn('2025-06-30').id).not.toBe(ruleSetOn('2025-07-01').id);
  });
});
