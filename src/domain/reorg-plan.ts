/**
 * Plans changes to the organisation tree on one effective date: create, move, merge, rename, reclassify, split,
 * dissolve. Single edits and the bulk reorganisation (the 1 July 2025 abolition of the district tier) go through
 * the same planner, which simulates the operations in order on the tree as of that date and reports every
 * conflict with the index of the operation that caused it. Pure: the server loads the tree, the planner decides,
 * the server writes.
 */
import { childPath } from './org-path.ts';

export type ReorgOp =
  | { type: 'create'; ref: string; parent: string; name: string; kindCode: string; sectorCode?: string | null | undefined; code?: string | null | undefined }
  | { type: 'move'; org: string; newParent: string }
  | { type: 'merge'; sources: string[]; target: string }
  | { type: 'rename'; org: string; name: string; code?: string | null | undefined }
  | { type: 'reclassify'; org: string; kindCode?: string | undefined; sectorCode?: string | null | undefined }
  | { type: 'dissolve'; org: string }
  | {
      type: 'split';
      org: string;
      keepSource: boolean;
      parts: {
        ref?: string | undefined;
        name: string;
        kindCode: string;
        sectorCode?: string | null | undefined;
        code?: string | null | undefined;
        children: string[];
      }[];
    };

/** An organisation as of the effective date, as the planner sees it. */
export interface PlanNode {
  id: string;
  parentId: string | null;
  path: string;
  name: string;
  code: string | null;
  kindCode: string;
  sectorCode: string | null;
  /** Members whose cell of activity is this organisation itself, on the date. */
  directMembers: number;
  /** The actor may see this organisation; an unseen one is reported as not found, never as forbidden. */
  visible: boolean;
  /**
   * The actor may change this organisation itself (rename, reclassify, move it, merge it away, split, dissolve): a
   * role at an organisation changes what is below it, never the organisation itself (issue 10 item 11).
   */
  writable: boolean;
  /**
   * The actor may change what is below this organisation (create under it, move or merge into it). Absent: as
   * writable. A role's own organisation is writable below but not itself.
   */
  writableBelow?: boolean | undefined;
  /** Date of a later recorded change; history is not rewritten underneath it. */
  changedLaterOn: string | null;
}

export interface PlanConflict {
  index: number;
  code: 'not_found' | 'forbidden' | 'cycle' | 'has_children' | 'has_members' | 'later_change' | 'invalid' | 'duplicate_ref';
  message: string;
}

export type EventKind = 'created' | 'renamed' | 'reclassified' | 'moved' | 'merged_into' | 'absorbed' | 'split_into' | 'split_from' | 'dissolved';

export interface PlanEvent {
  orgId: string;
  kind: EventKind;
  summary: string;
  details: Record<string, unknown>;
}

export interface PlanChange {
  orgId: string;
  name: string;
  change: string;
  fromParent: string | null;
  toParent: string | null;
}

export interface FinalNode extends PlanNode {
  /** New path after the plan (equal to path when unchanged). */
  finalPath: string;
  created: boolean;
  endReason: 'dissolved' | 'merged' | 'split' | null;
}

export interface ReorgPlan {
  ok: boolean;
  conflicts: PlanConflict[];
  operations: { index: number; type: ReorgOp['type']; summary: string }[];
  events: PlanEvent[];
  changes: PlanChange[];
  /** Every organisation that needs a new version or ends, in parent-before-child order. */
  written: FinalNode[];
  /** Member rosters moved whole from one organisation to another (merges). */
  memberMoves: { from: string; to: string }[];
  /** Each temporary key (`ref` of a create or of a split's part) and the id of the organisation it made. */
  refs: Record<string, string>;
  counts: { created: number; moved: number; merged: number; renamed: number; reclassified: number; dissolved: number; split: number; affectedOrgs: number };
}

export interface PlanContext {
  nodes: ReadonlyMap<string, PlanNode>;
  kindNames: ReadonlyMap<string, string>;
  sectorNames: ReadonlyMap<string, string>;
  newId: () => string;
}

interface WorkNode extends PlanNode {
  created: boolean;
  endReason: FinalNode['endReason'];
  attrsChanged: boolean;
}

const q = (s: string) => `«${s}»`;

export function planReorganization(ops: readonly ReorgOp[], ctx: PlanContext): ReorgPlan {
  const state = new Map<string, WorkNode>();
  const children = new Map<string, Set<string>>();
  for (const n of ctx.nodes.values()) {
    state.set(n.id, { ...n, created: false, endReason: null, attrsChanged: false });
    if (n.parentId) {
      let set = children.get(n.parentId);
      if (!set) children.set(n.parentId, (set = new Set()));
      set.add(n.id);
    }
  }
  const refs = new Map<string, string>();
  const conflicts: PlanConflict[] = [];
  const events: PlanEvent[] = [];
  const operations: ReorgPlan['operations'] = [];
  const memberMoves: ReorgPlan['memberMoves'] = [];
  const counts = { created: 0, moved: 0, merged: 0, renamed: 0, reclassified: 0, dissolved: 0, split: 0, affectedOrgs: 0 };
  const changeNotes = new Map<string, { change: string[]; fromParent: string | null }>();

  const nameOf = (id: string | null) => (id ? (state.get(id)?.name ?? id) : '');
  const note = (id: string, change: string) => {
    const n = state.get(id)!;
    let c = changeNotes.get(id);
    if (!c) changeNotes.set(id, (c = { change: [], fromParent: n.created ? null : n.parentId }));
    c.change.push(change);
  };
  const kids = (id: string) => children.get(id) ?? new Set<string>();
  const setParent = (id: string, parentId: string | null) => {
    const n = state.get(id)!;
    if (n.parentId) kids(n.parentId).delete(id);
    n.parentId = parentId;
    if (parentId) {
      let set = children.get(parentId);
      if (!set) children.set(parentId, (set = new Set()));
      set.add(id);
    }
  };
  const isAncestorOrSelf = (ancestor: string, id: string | null) => {
    for (let cur = id; cur; cur = state.get(cur)?.parentId ?? null) if (cur === ancestor) return true;
    return false;
  };

  ops.forEach((op, index) => {
    const fail = (code: PlanConflict['code'], message: string) => {
      conflicts.push({ index, code, message: `Thao tác ${index + 1}: ${message}` });
    };
    /**
     * Resolves an id or ref to a live organisation the operation may use, or reports why not: 'self' when the
     * operation changes the organisation itself, 'below' when it changes only what is under it.
     */
    const live = (key: string, what = 'tổ chức', need: 'self' | 'below' = 'self'): WorkNode | null => {
      const id = refs.get(key) ?? key;
      const n = state.get(id);
      if (!n || !n.visible) {
        fail('not_found', `không tìm thấy ${what} ${q(key)} tại ngày hiệu lực (hoặc ngoài phạm vi quản lý).`);
        return null;
      }
      if (n.endReason) {
        fail('invalid', `${q(n.name)} đã kết thúc trong cùng đợt sắp xếp.`);
        return null;
      }
      if (need === 'self' ? !n.writable : !(n.writableBelow ?? n.writable)) {
        fail(
          'forbidden',
          need === 'below' || (n.writableBelow ?? n.writable) === false
            ? `bạn không có quyền thay đổi ${q(n.name)}.`
            : `bạn không có quyền thay đổi chính ${q(n.name)}: việc đổi tên, đổi loại, chuyển, sáp nhập, chia tách hay giải thể một tổ chức do cấp trên của nó quyết định.`,
        );
        return null;
      }
      if (n.changedLaterOn) {
        fail('later_change', `${q(n.name)} đã có thay đổi từ ngày ${n.changedLaterOn}, sau ngày hiệu lực; hãy ghi nhận theo thứ tự thời gian.`);
        return null;
      }
      return n;
    };
    const checkKind = (kindCode: string | undefined, sectorCode: string | null | undefined): boolean => {
      if (kindCode !== undefined && !ctx.kindNames.has(kindCode)) {
        fail('invalid', `loại tổ chức ${q(kindCode)} không có trong danh mục.`);
        return false;
      }
      if (sectorCode && !ctx.sectorNames.has(sectorCode)) {
        fail('invalid', `loại hình ${q(sectorCode)} không có trong danh mục.`);
        return false;
      }
      return true;
    };
    const createNode = (
      ref: string | undefined,
      parent: WorkNode,
      fields: { name: string; kindCode: string; sectorCode?: string | null | undefined; code?: string | null | undefined },
    ): WorkNode | null => {
      if (ref !== undefined && refs.has(ref)) {
        fail('duplicate_ref', `mã tạm ${q(ref)} đã được dùng ở thao tác trước.`);
        return null;
      }
      const id = ctx.newId();
      const node: WorkNode = {
        id,
        parentId: null,
        path: '',
        name: fields.name,
        code: fields.code ?? null,
        kindCode: fields.kindCode,
        sectorCode: fields.sectorCode ?? null,
        directMembers: 0,
        visible: true,
        writable: true,
        changedLaterOn: null,
        created: true,
        endReason: null,
        attrsChanged: true,
      };
      state.set(id, node);
      setParent(id, parent.id);
      if (ref !== undefined) refs.set(ref, id);
      counts.created += 1;
      return node;
    };

    switch (op.type) {
      case 'create': {
        const parent = live(op.parent, 'tổ chức cấp trên', 'below');
        if (!parent || !checkKind(op.kindCode, op.sectorCode)) return;
        const n = createNode(op.ref, parent, op);
        if (!n) return;
        const summary = `Thành lập ${q(n.name)} trực thuộc ${q(parent.name)}`;
        events.push({ orgId: n.id, kind: 'created', summary, details: { parentId: parent.id, parentName: parent.name } });
        note(n.id, 'Thành lập mới');
        operations.push({ index, type: op.type, summary });
        return;
      }
      case 'move': {
        const n = live(op.org);
        const to = live(op.newParent, 'tổ chức cấp trên mới', 'below');
        if (!n || !to) return;
        if (n.parentId === to.id) return fail('invalid', `${q(n.name)} đã trực thuộc ${q(to.name)}.`);
        if (isAncestorOrSelf(n.id, to.id)) return fail('cycle', `không thể chuyển ${q(n.name)} vào chính nó hoặc tổ chức trực thuộc của nó.`);
        const from = n.parentId;
        note(n.id, 'Chuyển cấp trên');
        setParent(n.id, to.id);
        counts.moved += 1;
        const summary = `Chuyển ${q(n.name)} từ ${q(nameOf(from))} sang trực thuộc ${q(to.name)}`;
        events.push({
          orgId: n.id,
          kind: 'moved',
          summary,
          details: { fromParentId: from, fromParentName: nameOf(from), toParentId: to.id, toParentName: to.name },
        });
        operations.push({ index, type: op.type, summary });
        return;
      }
      case 'merge': {
        const target = live(op.target, 'tổ chức tiếp nhận', 'below');
        if (!target) return;
        const sources: WorkNode[] = [];
        for (const key of op.sources) {
          const s = live(key, 'tổ chức sáp nhập');
          if (!s) return;
          if (s.id === target.id) return fail('invalid', `không thể sáp nhập ${q(s.name)} vào chính nó.`);
          if (isAncestorOrSelf(s.id, target.id))
            return fail('cycle', `${q(target.name)} nằm trong ${q(s.name)}; không thể sáp nhập tổ chức cấp trên vào tổ chức trực thuộc nó.`);
          if (sources.some((x) => x.id === s.id)) return fail('invalid', `${q(s.name)} được nêu hai lần.`);
          sources.push(s);
        }
        for (const s of sources) {
          for (const child of [...kids(s.id)]) {
            if (state.get(child)?.endReason) continue;
            note(child, `Chuyển theo ${q(s.name)} vào ${q(target.name)}`);
            setParent(child, target.id);
          }
          if (s.directMembers > 0) {
            memberMoves.push({ from: s.id, to: target.id });
            target.directMembers += s.directMembers;
            s.directMembers = 0;
          }
          s.endReason = 'merged';
          counts.merged += 1;
          events.push({
            orgId: s.id,
            kind: 'merged_into',
            summary: `Sáp nhập vào ${q(target.name)}`,
            details: { targetId: target.id, targetName: target.name },
          });
          note(s.id, `Sáp nhập vào ${q(target.name)}`);
        }
        const names = sources.map((s) => q(s.name)).join(', ');
        events.push({
          orgId: target.id,
          kind: 'absorbed',
          summary: `Tiếp nhận ${names} sáp nhập vào`,
          details: { sourceIds: sources.map((s) => s.id), sourceNames: sources.map((s) => s.name) },
        });
        note(target.id, `Tiếp nhận ${names}`);
        operations.push({ index, type: op.type, summary: `Sáp nhập ${names} vào ${q(target.name)}` });
        return;
      }
      case 'rename': {
        const n = live(op.org);
        if (!n) return;
        if (n.name === op.name && (op.code === undefined || op.code === n.code)) return fail('invalid', `tên mới trùng tên hiện tại của ${q(n.name)}.`);
        const before = n.name;
        n.name = op.name;
        if (op.code !== undefined) n.code = op.code;
        n.attrsChanged = true;
        counts.renamed += 1;
        const summary = before === op.name ? `Đổi mã ${q(n.name)} thành ${q(op.code ?? '')}` : `Đổi tên ${q(before)} thành ${q(op.name)}`;
        events.push({ orgId: n.id, kind: 'renamed', summary, details: { fromName: before, toName: op.name, code: n.code } });
        note(n.id, 'Đổi tên');
        operations.push({ index, type: op.type, summary });
        return;
      }
      case 'reclassify': {
        const n = live(op.org);
        if (!n || !checkKind(op.kindCode, op.sectorCode)) return;
        const parts: string[] = [];
        const details: Record<string, unknown> = {};
        if (op.kindCode !== undefined && op.kindCode !== n.kindCode) {
          parts.push(`loại tổ chức từ ${q(ctx.kindNames.get(n.kindCode) ?? n.kindCode)} thành ${q(ctx.kindNames.get(op.kindCode)!)}`);
          Object.assign(details, { fromKind: n.kindCode, toKind: op.kindCode });
          n.kindCode = op.kindCode;
        }
        if (op.sectorCode !== undefined && op.sectorCode !== n.sectorCode) {
          const from = n.sectorCode ? (ctx.sectorNames.get(n.sectorCode) ?? n.sectorCode) : 'chưa xác định';
          parts.push(`loại hình từ ${q(from)} thành ${q(op.sectorCode ? ctx.sectorNames.get(op.sectorCode)! : 'chưa xác định')}`);
          Object.assign(details, { fromSector: n.sectorCode, toSector: op.sectorCode });
          n.sectorCode = op.sectorCode;
        }
        if (parts.length === 0) return fail('invalid', `không có gì thay đổi cho ${q(n.name)}.`);
        n.attrsChanged = true;
        counts.reclassified += 1;
        const summary = `Đổi ${parts.join('; ')}`;
        events.push({ orgId: n.id, kind: 'reclassified', summary, details });
        note(n.id, 'Đổi loại');
        operations.push({ index, type: op.type, summary: `${q(n.name)}: ${summary}` });
        return;
      }
      case 'dissolve': {
        const n = live(op.org);
        if (!n) return;
        const remaining = [...kids(n.id)].filter((c) => !state.get(c)?.endReason).length;
        if (remaining > 0) return fail('has_children', `${q(n.name)} còn ${remaining} tổ chức trực thuộc; hãy chuyển hoặc giải thể các tổ chức đó trước.`);
        if (n.directMembers > 0)
          return fail('has_members', `${q(n.name)} còn ${n.directMembers} đảng viên sinh hoạt; hãy chuyển sinh hoạt đảng trước khi giải thể.`);
        n.endReason = 'dissolved';
        counts.dissolved += 1;
        events.push({ orgId: n.id, kind: 'dissolved', summary: `Giải thể ${q(n.name)}`, details: {} });
        note(n.id, 'Giải thể');
        operations.push({ index, type: op.type, summary: `Giải thể ${q(n.name)}` });
        return;
      }
      case 'split': {
        const n = live(op.org);
        if (!n) return;
        const parent = n.parentId ? state.get(n.parentId) : undefined;
        if (!parent) return fail('invalid', `không thể chia tách tổ chức cấp cao nhất ${q(n.name)}.`);
        if (op.parts.length < (op.keepSource ? 1 : 2)) return fail('invalid', 'cần ít nhất hai tổ chức mới khi chia tách (hoặc một, nếu giữ lại tổ chức cũ).');
        const assigned = new Set<string>();
        for (const p of op.parts) {
          if (!checkKind(p.kindCode, p.sectorCode)) return;
          for (const c of p.children) {
            const cid = refs.get(c) ?? c;
            if (!kids(n.id).has(cid)) return fail('invalid', `${q(nameOf(cid) || c)} không trực thuộc ${q(n.name)}.`);
            if (assigned.has(cid)) return fail('invalid', `${q(nameOf(cid))} được giao cho hai tổ chức mới.`);
            assigned.add(cid);
          }
        }
        if (!op.keepSource) {
          const left = [...kids(n.id)].filter((c) => !assigned.has(c) && !state.get(c)?.endReason);
          if (left.length > 0) return fail('has_children', `còn ${left.length} tổ chức trực thuộc ${q(n.name)} chưa được giao cho tổ chức mới nào.`);
          if (n.directMembers > 0)
            return fail('has_members', `${q(n.name)} còn ${n.directMembers} đảng viên sinh hoạt; hãy chuyển sinh hoạt trước khi chia tách.`);
        }
        const made: WorkNode[] = [];
        for (const p of op.parts) {
          const m = createNode(p.ref, parent, p);
          if (!m) return;
          made.push(m);
          for (const c of p.children) {
            const cid = refs.get(c) ?? c;
            note(cid, `Chuyển sang ${q(m.name)}`);
            setParent(cid, m.id);
          }
          events.push({ orgId: m.id, kind: 'split_from', summary: `Thành lập do chia tách từ ${q(n.name)}`, details: { sourceId: n.id, sourceName: n.name } });
          note(m.id, `Thành lập do chia tách từ ${q(n.name)}`);
        }
        counts.split += 1;
        const names = made.map((m) => q(m.name)).join(', ');
        events.push({
          orgId: n.id,
          kind: 'split_into',
          summary: `Chia tách thành ${names}`,
          details: { partIds: made.map((m) => m.id), partNames: made.map((m) => m.name), keepSource: op.keepSource },
        });
        if (!op.keepSource) n.endReason = 'split';
        note(n.id, op.keepSource ? `Tách ra ${names}` : `Chia tách thành ${names}`);
        operations.push({ index, type: op.type, summary: `Chia tách ${q(n.name)} thành ${names}` });
        return;
      }
    }
  });

  // Final paths: a node's path follows its (final) parent; everything whose path, attributes or life changed is written.
  const finalPaths = new Map<string, string>();
  const finalPath = (id: string): string => {
    const known = finalPaths.get(id);
    if (known !== undefined) return known;
    const n = state.get(id)!;
    const parent = n.parentId ? state.get(n.parentId) : undefined;
    const p = parent ? childPath(finalPath(parent.id), id) : n.path || childPath(null, id);
    finalPaths.set(id, p);
    return p;
  };
  const written: FinalNode[] = [];
  for (const n of state.values()) {
    const fp = finalPath(n.id);
    if (n.created || n.endReason || n.attrsChanged || fp !== n.path) {
      if (!n.created && n.changedLaterOn && !conflicts.some((c) => c.code === 'later_change')) {
        conflicts.push({
          index: -1,
          code: 'later_change',
          message: `${q(n.name)} (thuộc phần cây được sắp xếp) đã có thay đổi từ ngày ${n.changedLaterOn}, sau ngày hiệu lực.`,
        });
      }
      written.push({ ...n, finalPath: fp });
    }
  }
  written.sort((a, b) => a.finalPath.length - b.finalPath.length || a.finalPath.localeCompare(b.finalPath));
  counts.affectedOrgs = written.length;

  const changes: PlanChange[] = written
    .filter((n) => changeNotes.has(n.id) || n.finalPath !== n.path)
    .map((n) => {
      const c = changeNotes.get(n.id);
      const fromParent = c ? c.fromParent : n.parentId;
      return {
        orgId: n.id,
        name: n.name,
        change: c ? c.change.join('; ') : 'Đổi vị trí theo tổ chức cấp trên',
        fromParent: fromParent ? nameOf(fromParent) : null,
        toParent: n.endReason ? null : n.parentId ? nameOf(n.parentId) : null,
      };
    });

  return { ok: conflicts.length === 0, conflicts, operations, events, changes, written, memberMoves, counts, refs: Object.fromEntries(refs) };
}
