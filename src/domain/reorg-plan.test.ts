import { describe, expect, it } from 'vitest';
import { childPath } from './org-path.ts';
import { planReorganization, type PlanContext, type PlanNode, type ReorgOp } from './reorg-plan.ts';

/** P ─ D1 ─ G1 ─ C1, C2 ;  D1 ─ G2 ;  P ─ D2 ─ G3 */
function tree(overrides: Record<string, Partial<PlanNode>> = {}): PlanContext {
  const spec: [string, string | null, string, string][] = [
    ['P', null, 'Đảng bộ tỉnh', 'dang_bo_tinh'],
    ['D1', 'P', 'Đảng bộ huyện Đông', 'dang_bo_cap_tren_co_so'],
    ['D2', 'P', 'Đảng bộ huyện Tây', 'dang_bo_cap_tren_co_so'],
    ['G1', 'D1', 'Đảng bộ xã Tân Lập', 'dang_bo_co_so'],
    ['G2', 'D1', 'Chi bộ Trường THPT', 'chi_bo_co_so'],
    ['G3', 'D2', 'Chi bộ xã Hòa Bình', 'chi_bo_co_so'],
    ['C1', 'G1', 'Chi bộ thôn Đông', 'chi_bo_truc_thuoc'],
    ['C2', 'G1', 'Chi bộ thôn Tây', 'chi_bo_truc_thuoc'],
  ];
  const nodes = new Map<string, PlanNode>();
  for (const [id, parent, name, kind] of spec) {
    const path = childPath(parent ? nodes.get(parent)!.path : null, id);
    nodes.set(id, {
      id,
      parentId: parent,
      path,
      name,
      code: null,
      kindCode: kind,
      sectorCode: null,
      directMembers: 0,
      visible: true,
      writable: true,
      changedLaterOn: null,
      ...overrides[id],
    });
  }
  let n = 0;
  return {
    nodes,
    kindNames: new Map([
      ['dang_bo_tinh', 'Đảng bộ tỉnh'],
      ['dang_bo_cap_tren_co_so', 'Đảng bộ cấp trên cơ sở'],
      ['dang_bo_co_so', 'Đảng bộ cơ sở'],
      ['chi_bo_co_so', 'Chi bộ cơ sở'],
      ['chi_bo_truc_thuoc', 'Chi bộ trực thuộc'],
    ]),
    sectorNames: new Map([['xa', 'Xã']]),
    newId: () => `N${++n}`,
  };
}

const byId = (plan: ReturnType<typeof planReorganization>) => new Map(plan.written.map((w) => [w.id, w]));

describe('reorganisation planner', () => {
  it('a move carries the whole subtree: every descendant gets the new path', () => {
    const plan = planReorganization([{ type: 'move', org: 'G1', newParent: 'D2' }], tree());
    expect(plan.ok).toBe(true);
    const w = byId(plan);
    expect(w.get('G1')!.finalPath).toBe('/P/D2/G1/');
    expect(w.get('C1')!.finalPath).toBe('/P/D2/G1/C1/');
    expect(w.get('C2')!.finalPath).toBe('/P/D2/G1/C2/');
    expect(w.has('G2')).toBe(false);
    expect(plan.counts).toMatchObject({ moved: 1, affectedOrgs: 3 });
    expect(plan.events).toEqual([
      expect.objectContaining({
        orgId: 'G1',
        kind: 'moved',
        summary: 'Chuyển «Đảng bộ xã Tân Lập» từ «Đảng bộ huyện Đông» sang trực thuộc «Đảng bộ huyện Tây»',
      }),
    ]);
    expect(plan.changes.find((c) => c.orgId === 'G1')).toMatchObject({ fromParent: 'Đảng bộ huyện Đông', toParent: 'Đảng bộ huyện Tây' });
  });

  it('refuses to move an organisation under itself or its own descendants', () => {
    const plan = planReorganization([{ type: 'move', org: 'G1', newParent: 'C1' }], tree());
    expect(plan.ok).toBe(false);
    expect(plan.conflicts[0]).toMatchObject({ index: 0, code: 'cycle' });
  });

  it('the district abolition: create communes, move grassroots orgs, dissolve districts, all in one plan', () => {
    const ops: ReorgOp[] = [
      { type: 'create', ref: 'x1', parent: 'P', name: 'Đảng bộ xã Tân Hòa', kindCode: 'dang_bo_cap_tren_co_so', sectorCode: 'xa' },
      { type: 'move', org: 'G1', newParent: 'x1' },
      { type: 'move', org: 'G3', newParent: 'x1' },
      { type: 'move', org: 'G2', newParent: 'P' },
      { type: 'dissolve', org: 'D1' },
      { type: 'dissolve', org: 'D2' },
    ];
    const plan = planReorganization(ops, tree());
    expect(plan.conflicts).toEqual([]);
    const w = byId(plan);
    expect(w.get('N1')).toMatchObject({ created: true, parentId: 'P', finalPath: '/P/N1/' });
    expect(w.get('C2')!.finalPath).toBe('/P/N1/G1/C2/');
    expect(w.get('D1')!.endReason).toBe('dissolved');
    expect(plan.counts).toMatchObject({ created: 1, moved: 3, dissolved: 2 });
    // parents are written before children
    const order = plan.written.map((x) => x.id);
    expect(order.indexOf('N1')).toBeLessThan(order.indexOf('G1'));
  });

  it('dissolving an organisation that still has sub-organisations or members is a conflict', () => {
    expect(planReorganization([{ type: 'dissolve', org: 'D1' }], tree()).conflicts[0]).toMatchObject({ code: 'has_children' });
    const withMembers = tree({ C1: { directMembers: 7 } });
    expect(planReorganization([{ type: 'dissolve', org: 'C1' }], withMembers).conflicts[0]!.message).toContain('còn 7 đảng viên');
  });

  it('a merge moves the sources’ sub-organisations and rosters to the target and ends the sources', () => {
    const ctx = tree({ C2: { directMembers: 12 } });
    const plan = planReorganization([{ type: 'merge', sources: ['C2'], target: 'C1' }], ctx);
    expect(plan.ok).toBe(true);
    expect(byId(plan).get('C2')!.endReason).toBe('merged');
    expect(plan.memberMoves).toEqual([{ from: 'C2', to: 'C1' }]);
    const plan2 = planReorganization([{ type: 'merge', sources: ['D1'], target: 'D2' }], tree());
    expect(byId(plan2).get('G1')!.finalPath).toBe('/P/D2/G1/');
    expect(byId(plan2).get('C1')!.finalPath).toBe('/P/D2/G1/C1/');
  });

  it('a merge into one of the source’s own descendants is refused', () => {
    expect(planReorganization([{ type: 'merge', sources: ['G1'], target: 'C1' }], tree()).conflicts[0]).toMatchObject({ code: 'cycle' });
  });

  it('a split assigns every sub-organisation to a new one and ends the source', () => {
    const plan = planReorganization(
      [
        {
          type: 'split',
          org: 'G1',
          keepSource: false,
          parts: [
            { name: 'Đảng bộ xã Tân Lập A', kindCode: 'dang_bo_co_so', children: ['C1'] },
            { name: 'Đảng bộ xã Tân Lập B', kindCode: 'dang_bo_co_so', children: ['C2'] },
          ],
        },
      ],
      tree(),
    );
    expect(plan.ok).toBe(true);
    const w = byId(plan);
    expect(w.get('C1')!.finalPath).toBe('/P/D1/N1/C1/');
    expect(w.get('C2')!.finalPath).toBe('/P/D1/N2/C2/');
    expect(w.get('G1')!.endReason).toBe('split');
    const missing = planReorganization(
      [
        {
          type: 'split',
          org: 'G1',
          keepSource: false,
          parts: [
            { name: 'A', kindCode: 'dang_bo_co_so', children: ['C1'] },
            { name: 'B', kindCode: 'dang_bo_co_so', children: [] },
          ],
        },
      ],
      tree(),
    );
    expect(missing.conflicts[0]).toMatchObject({ code: 'has_children' });
  });

  it('never rewrites history under a later recorded change, including in a moved subtree', () => {
    const direct = planReorganization([{ type: 'rename', org: 'G1', name: 'Mới' }], tree({ G1: { changedLaterOn: '2026-01-01' } }));
    expect(direct.conflicts[0]).toMatchObject({ code: 'later_change' });
    const below = planReorganization([{ type: 'move', org: 'G1', newParent: 'D2' }], tree({ C2: { changedLaterOn: '2026-01-01' } }));
    expect(below.ok).toBe(false);
    expect(below.conflicts[0]!.message).toContain('Chi bộ thôn Tây');
  });

  it('an organisation the actor cannot see is “not found”, one he sees but may not change is “forbidden”', () => {
    expect(planReorganization([{ type: 'rename', org: 'G3', name: 'X' }], tree({ G3: { visible: false, writable: false } })).conflicts[0]).toMatchObject({
      code: 'not_found',
    });
    expect(planReorganization([{ type: 'rename', org: 'G3', name: 'X' }], tree({ G3: { writable: false } })).conflicts[0]).toMatchObject({ code: 'forbidden' });
    expect(planReorganization([{ type: 'move', org: 'G1', newParent: 'nope' }], tree()).conflicts[0]).toMatchObject({ code: 'not_found' });
  });

  it('a role’s own organisation changes below it but not itself (writable false, writableBelow true)', () => {
    const own = tree({
      G1: { writable: false, writableBelow: true },
      D1: { writable: false, writableBelow: false },
      P: { writable: false, writableBelow: false },
    });
    for (const op of [
      { type: 'rename', org: 'G1', name: 'X' },
      { type: 'reclassify', org: 'G1', kindCode: 'chi_bo_co_so' },
      { type: 'move', org: 'G1', newParent: 'D1' },
      { type: 'dissolve', org: 'G1' },
      { type: 'merge', sources: ['G1'], target: 'C1' },
    ] as ReorgOp[]) {
      const c = planReorganization([op], own).conflicts[0];
      expect(c).toMatchObject({ code: 'forbidden' });
      expect(c!.message).toContain('do cấp trên của nó quyết định');
    }
    expect(planReorganization([{ type: 'create', ref: 'n', parent: 'G1', name: 'Chi bộ mới', kindCode: 'chi_bo_truc_thuoc' }], own).ok).toBe(true);
    expect(planReorganization([{ type: 'merge', sources: ['C2'], target: 'G1' }], own).ok).toBe(true);
    expect(planReorganization([{ type: 'rename', org: 'C1', name: 'X' }], own).ok).toBe(true);
    // out of the subtree: the superior is not his to change below either
    expect(planReorganization([{ type: 'move', org: 'C1', newParent: 'D1' }], own).conflicts[0]).toMatchObject({ code: 'forbidden' });
  });

  it('reports every conflict with its operation index and keeps planning the rest', () => {
    const plan = planReorganization(
      [
        { type: 'dissolve', org: 'D1' },
        { type: 'rename', org: 'G2', name: 'Chi bộ Trường THPT Nguyễn Du' },
        { type: 'reclassify', org: 'G2', kindCode: 'khong_co' },
      ],
      tree(),
    );
    expect(plan.conflicts.map((c) => c.index)).toEqual([0, 2]);
    expect(plan.counts.renamed).toBe(1);
  });

  it('refs of created organisations must be unique', () => {
    const plan = planReorganization(
      [
        { type: 'create', ref: 'a', parent: 'P', name: 'X', kindCode: 'dang_bo_cap_tren_co_so' },
        { type: 'create', ref: 'a', parent: 'P', name: 'Y', kindCode: 'dang_bo_cap_tren_co_so' },
      ],
      tree(),
    );
    expect(plan.conflicts[0]).toMatchObject({ index: 1, code: 'duplicate_ref' });
  });
});
