/**
 * What a preview shows: a stored preview with a page of its rows, its first problems and warnings, and the same file
 * imported before; or, while the file is still being read, its progress alone.
 */
import type { Kysely } from 'kysely';
import { IMPORT_FIELDS, type Change, type ImportColumn, type RowIssue, type RowValues } from '../../../domain/member-import.ts';
import type { DB } from '../../db/schema.ts';
import { maskCccd } from '../members/members.policy.ts';
import { importRows, rowsWithIssues, sameFileImport, type ImportRecord } from './member-import.repo.ts';
import type { ImportViewT } from '../../../contract/member-import.ts';

/** The counts stored with a preview. */
export interface StoredSummary {
  new: number;
  update: number;
  unchanged: number;
  error: number;
  problems: number;
  warnings: number;
}

/** An import being read or committed in this process, for progress polling. */
export interface Progress {
  actorId: string;
  fileName: string;
  status: 'processing' | 'committing';
  processedRows: number;
}

/** A page of a preview's rows, of one action when given. */
export interface ViewQuery {
  offset: number;
  limit: number;
  action?: string | undefined;
}

/** Problems and warnings shown with a preview; the totals count them all. */
const SHOWN_ISSUES = 1000;

/** The label of each file field, as the template's columns name them. */
export const LABELS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(IMPORT_FIELDS).map(([k, v]) => [k, v.label])),
  birthYear: 'Năm sinh',
};

/** The view of an import still being read: its progress, nothing stored yet. */
export function emptyView(id: string, p: Progress): ImportViewT {
  return {
    importId: id,
    fileName: p.fileName,
    status: p.status,
    processedRows: p.processedRows,
    rows: null,
    columns: [],
    summary: { new: 0, update: 0, unchanged: 0, error: 0 },
    problems: [],
    problemsTotal: 0,
    warnings: [],
    warningsTotal: 0,
    items: [],
    sameFile: null,
    createdAt: null,
    committedAt: null,
    result: null,
  };
}

type StoredRow = Awaited<ReturnType<typeof importRows>>[number];

/** One row of the preview as the page lists it; the CCCD a change replaces is masked. */
function itemOf(r: StoredRow): ImportViewT['items'][number] {
  const data = r.data as RowValues;
  return {
    row: r.row_no,
    action: r.action,
    memberId: r.member_id,
    fullName: typeof data.fullName === 'string' ? data.fullName : null,
    changes: (r.changes as Change[]).map((c) => ({
      field: c.field,
      label: LABELS[c.field] ?? c.field,
      from: c.field === 'cccd' ? maskCccd((c.from as string | null) ?? null) : c.from,
      to: c.to,
    })),
    problems: (r.problems as RowIssue[]).map((p) => p.message),
    warnings: (r.warnings as RowIssue[]).map((p) => p.message),
  };
}

/** The first issues of a kind over the preview's rows, in file order. */
export async function firstIssues(db: Kysely<DB>, id: string, kind: 'problems' | 'warnings', limit: number): Promise<RowIssue[]> {
  return (await rowsWithIssues(db, id, kind, limit)).flatMap((r) => (kind === 'problems' ? r.problems : r.warnings) as RowIssue[]).slice(0, limit);
}

/** A stored preview, with the progress of its commit when one is running in this process. */
export async function storedView(db: Kysely<DB>, imp: ImportRecord, q: ViewQuery, live: Progress | undefined): Promise<ImportViewT> {
  const rows = await importRows(db, imp.id, q);
  const problems = await firstIssues(db, imp.id, 'problems', SHOWN_ISSUES);
  const warnings = await firstIssues(db, imp.id, 'warnings', SHOWN_ISSUES);
  const same = await sameFileImport(db, imp.actor_id, imp.file_sha256, imp.id);
  const s = imp.summary as StoredSummary;
  const committing = live?.status === 'committing';
  return {
    importId: imp.id,
    fileName: imp.file_name,
    status: committing ? 'committing' : imp.status,
    processedRows: committing ? live.processedRows : imp.total_rows,
    rows: imp.total_rows,
    columns: (imp.columns as ImportColumn[]).map((c) => ({ header: c.header, field: c.field })),
    summary: { new: s.new, update: s.update, unchanged: s.unchanged, error: s.error },
    problems,
    problemsTotal: s.problems,
    warnings,
    warningsTotal: s.warnings,
    items: rows.map(itemOf),
    sameFile: same
      ? {
          importId: same.id,
          createdAt: new Date(same.created_at).toISOString(),
          committedAt: same.committed_at ? new Date(same.committed_at).toISOString() : null,
        }
      : null,
    createdAt: new Date(imp.created_at).toISOString(),
    committedAt: imp.committed_at ? new Date(imp.committed_at).toISOString() : null,
    result: (imp.result as ImportViewT['result']) ?? null,
  };
}
