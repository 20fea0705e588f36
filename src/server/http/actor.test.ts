import { describe, expect, it } from 'vitest';
import { scopeFor, type Actor, type RoleGrant } from './actor.ts';

const actor = (...roles: Partial<RoleGrant>[]): Actor => ({
  userId: 'u',
  username: 'u',
  fullName: 'U',
  mustChangePassword: false,
  roles: roles.map((r, i) => ({ id: `g${i}`, role: 'editor', orgId: `o${i}`, orgName: null, orgPath: `/p/o${i}/`, ...r })),
});

describe('family and political history by level (domain.md §4)', () => {
  it('a grant inside a grassroots organisation reads CCCD and discipline, not family nor political history', () => {
    const cell = actor({ orgPath: '/p/g/c/', belowGrassroots: true });
    expect(scopeFor(cell, 'readSensitive')).toEqual(['/p/g/c/']);
    expect(scopeFor(cell, 'readHistory')).toEqual([]);
    const grassroots = actor({ orgPath: '/p/g/', belowGrassroots: false });
    expect(scopeFor(grassroots, 'readHistory')).toEqual(['/p/g/']);
    expect(scopeFor(actor({ role: 'viewer', orgPath: '/p/g/' }), 'readHistory')).toEqual([]);
    expect(scopeFor(actor({ role: 'system_admin', orgPath: null, belowGrassroots: true }), 'readHistory')).toBe('all');
  });
});
