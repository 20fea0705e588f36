/** Requests and answers of the member import and export. */
import { z } from 'zod';
import { IdSchema } from './common.ts';
import { MemberListQuery } from './members.ts';

/** `importId`: chosen by the client (a UUID) when it wants to poll the progress while the upload is checked. */
export const PreviewQuery = z.strictObject({ importId: IdSchema.optional() });

export const ImportIdParams = z.strictObject({ id: IdSchema });

export const ImportViewQuery = z.strictObject({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  action: z.enum(['new', 'update', 'unchanged', 'error']).optional(),
});

/** The filters of `GET /api/members`, without paging: the export takes every matching row. */
export const ExportQuery = MemberListQuery.omit({ page: true, pageSize: true });

const Issue = z.object({ row: z.number(), column: z.string().nullable(), field: z.string(), message: z.string() });
const Action = z.enum(['new', 'update', 'unchanged', 'error']);

export const ImportView = z.object({
  importId: z.string(),
  fileName: z.string(),
  /** processing: the file is being read and checked; previewed: ready to commit (when summary.error is 0). */
  status: z.enum(['processing', 'previewed', 'committing', 'committed']),
  processedRows: z.number(),
  /** Data rows of the file (null while still reading it). */
  rows: z.number().nullable(),
  columns: z.array(z.object({ header: z.string(), field: z.string().nullable() })),
  summary: z.object({ new: z.number(), update: z.number(), unchanged: z.number(), error: z.number() }),
  /** The first 1000 errors, in file order; problemsTotal counts them all. */
  problems: z.array(Issue),
  problemsTotal: z.number(),
  warnings: z.array(Issue),
  warningsTotal: z.number(),
  items: z.array(
    z.object({
      row: z.number(),
      action: Action,
      memberId: z.string().nullable(),
      fullName: z.string().nullable(),
      changes: z.array(z.object({ field: z.string(), label: z.string(), from: z.unknown(), to: z.unknown() })),
      problems: z.array(z.string()),
      warnings: z.array(z.string()),
    }),
  ),
  /** The same file (same SHA-256) imported before by the same user. */
  sameFile: z.object({ importId: z.string(), createdAt: z.string(), committedAt: z.string().nullable() }).nullable(),
  createdAt: z.string().nullable(),
  committedAt: z.string().nullable(),
  result: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }).nullable(),
});
export type ImportViewT = z.infer<typeof ImportView>;
export type ImportView = ImportViewT;
export type ImportAction = ImportView['items'][number]['action'];
export type ImportStatus = ImportView['status'];
export type ImportIssue = ImportView['problems'][number];
export type ImportItem = ImportView['items'][number];
