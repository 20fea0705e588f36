/**
 * The operations of a bulk reorganisation as form rows and as the API's Op objects, both ways, and the parsing of
 * a pasted JSON list.
 */
import type { ReorgOp as ContractReorgOp } from '../../contract/orgs.ts';
import { isIsoDate } from './dates.ts';
import { optionalText } from './forms.ts';

/**
 * The operations the editor offers: every kind of the contract but `split`, which the organisation page's split form
 * makes (a split's parts do not fit one row).
 */
export type ReorgOp = Exclude<ContractReorgOp, { type: 'split' }>;
export type ReorgOpType = ReorgOp['type'];

export const OP_TYPES: ReorgOpType[] = ['move', 'merge', 'dissolve', 'rename', 'create', 'reclassify'];

/** One operation as the form holds it; the field names are those of the API so server errors land on them. */
export interface OpRow {
  type: ReorgOpType;
  ref?: string;
  org?: string;
  newParent?: string;
  parent?: string;
  sources?: string[];
  target?: string;
  name?: string;
  code?: string;
  kindCode?: string;
  sectorCode?: string;
}

/** The next free ref "new-N" among the rows. */
export function nextRef(rows: (OpRow | undefined)[]): string {
  let max = 0;
  for (const row of rows) {
    const m = /^new-(\d+)$/u.exec(row?.ref ?? '');
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `new-${max + 1}`;
}

export function emptyRow(type: ReorgOpType, rows: (OpRow | undefined)[]): OpRow {
  return type === 'create' ? { type, ref: nextRef(rows) } : { type };
}

const req = (value: string | undefined): string => value ?? '';

export function toOp(row: OpRow): ReorgOp {
  switch (row.type) {
    case 'create':
      return {
        type: 'create',
        ref: req(row.ref),
        parent: req(row.parent),
        name: req(row.name).trim(),
        kindCode: req(row.kindCode),
        sectorCode: row.sectorCode || undefined,
        code: optionalText(row.code),
      };
    case 'move':
      return { type: 'move', org: req(row.org), newParent: req(row.newParent) };
    case 'merge':
      return { type: 'merge', sources: row.sources ?? [], target: req(row.target) };
    case 'rename':
      return { type: 'rename', org: req(row.org), name: req(row.name).trim(), code: optionalText(row.code) };
    case 'reclassify':
      return { type: 'reclassify', org: req(row.org), kindCode: row.kindCode || undefined, sectorCode: row.sectorCode || undefined };
    case 'dissolve':
      return { type: 'dissolve', org: req(row.org) };
  }
}

export function toRow(op: ReorgOp): OpRow {
  return { ...op } as OpRow;
}

// ---------------------------------------------------------------------------------------------------------------
// JSON import

/** Required string fields of each type ('sources' is a list of strings). */
const REQUIRED: Record<ReorgOpType, string[]> = {
  create: ['ref', 'parent', 'name', 'kindCode'],
  move: ['org', 'newParent'],
  merge: ['sources', 'target'],
  rename: ['org', 'name'],
  reclassify: ['org'],
  dissolve: ['org'],
};
const OPTIONAL: Record<ReorgOpType, string[]> = {
  create: ['sectorCode', 'code'],
  move: [],
  merge: [],
  rename: ['code'],
  reclassify: ['kindCode', 'sectorCode'],
  dissolve: [],
};

export interface ParsedImport {
  rows: OpRow[];
  errors: string[];
  decision?: { decisionNo?: string; decisionDate?: string; effectiveDate?: string };
}

function parseOne(value: unknown, index: number, errors: string[]): OpRow | null {
  const where = `Thao tác #${index + 1}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push(`${where}: phải là một đối tượng JSON.`);
    return null;
  }
  const record = value as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== 'string' || !OP_TYPES.includes(type as ReorgOpType)) {
    errors.push(`${where}: "type" phải là một trong ${OP_TYPES.join(', ')}.`);
    return null;
  }
  const opType = type as ReorgOpType;
  const row: Record<string, unknown> = { type: opType };
  for (const field of REQUIRED[opType]) {
    const v = record[field];
    if (field === 'sources') {
      if (!Array.isArray(v) || v.length === 0 || !v.every((s) => typeof s === 'string' && s)) {
        errors.push(`${where}: "sources" phải là danh sách mã tổ chức, không rỗng.`);
        return null;
      }
    } else if (typeof v !== 'string' || !v.trim()) {
      errors.push(`${where}: thiếu trường "${field}".`);
      return null;
    }
    row[field] = v;
  }
  for (const field of OPTIONAL[opType]) {
    const v = record[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') {
      errors.push(`${where}: "${field}" phải là chuỗi.`);
      return null;
    }
    row[field] = v;
  }
  return row as unknown as OpRow;
}

/** Accepts a list of operations or a whole ReorgInput object. */
export function parseImport(text: string): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { rows: [], errors: ['Nội dung không phải JSON hợp lệ.'] };
  }
  let list: unknown = data;
  let decision: ParsedImport['decision'];
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    const obj = data as Record<string, unknown>;
    list = obj.operations;
    const pick = (k: string) => (typeof obj[k] === 'string' ? (obj[k] as string) : undefined);
    const date = (k: string) => {
      const v = pick(k);
      return v && isIsoDate(v) ? v : undefined;
    };
    decision = { decisionNo: pick('decisionNo'), decisionDate: date('decisionDate'), effectiveDate: date('effectiveDate') };
  }
  if (!Array.isArray(list)) {
    return { rows: [], errors: ['Cần một danh sách thao tác, hoặc một đối tượng có trường "operations".'] };
  }
  if (list.length === 0) return { rows: [], errors: ['Danh sách thao tác đang rỗng.'] };
  if (list.length > 5000) return { rows: [], errors: ['Tối đa 5000 thao tác trong một lần sắp xếp.'] };
  const errors: string[] = [];
  const rows: OpRow[] = [];
  list.forEach((item, i) => {
    const row = parseOne(item, i, errors);
    if (row) rows.push(row);
  });
  return { rows, errors, decision };
}
