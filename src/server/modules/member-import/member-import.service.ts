/**
 * Spreadsheet import and export of members (domain.md §4, §15). A preview reads the file (xlsx or CSV, decided by
 * content), checks every row, reconciles it with the members already recorded and stores the plan; the commit runs
 * the same reconciliation again inside one transaction and applies the plan only if it is still the one the user
 * saw, all rows or none. The export writes any filtered list in the official layout, streaming.
 */
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  ADMISSION_FIELDS,
  FILE_FIELDS,
  IMPORT_FIELDS,
  catalogueIndex,
  cellIndex,
  cellText,
  isImportField,
  importPlanner,
  parseRow,
  summarize,
  type Change,
  type ExistingMember,
  type FileField,
  type ImportColumn,
  type Lookup,
  type ParseContext,
  type ParsedRow,
  type RowIssue,
  type RowValues,
} from '../../../domain/member-import.ts';
import { formatVnDate } from '../../../domain/dates.ts';
import { formatCount } from '../../../domain/numbers.ts';
import type { Clock } from '../../clock.ts';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import { pathInScope, scopeFor, type Actor, type Scope } from '../../http/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { canonicalJson, writeAudit } from '../audit/audit.service.ts';
import { FIELD_COLUMNS } from '../members/members.repo.ts';
import { advisoryXactLock } from '../../db/advisory-lock.ts';
import { resolveMemberFilters, type MemberFilterInput } from '../members/members.filters.ts';
import { MemberFields } from '../../../contract/members.ts';
import { columnsOf, insertMembers, type NewMember } from '../members/members.service.ts';
import { maskCccd } from '../members/members.policy.ts';
import { HEADER_SEARCH_ROWS, OFFICIAL_LAYOUT, isHeaderRow, isNumberingRow, mapHeaders } from './header-map.ts';
import { readSheets, sniffFile } from './member-import.files.ts';
import { canExportMembers, canImportMembers } from './member-import.policy.ts';
import {
  catalogueItems,
  deleteImport,
  editableCells,
  exportIds,
  exportRows,
  findImport,
  finishImport,
  importExists,
  importRows,
  insertImport,
  insertImportRows,
  markCommitted,
  membersByCccd,
  membersByName,
  purgeImports,
  rowsWithIssues,
  sameFileImport,
  storedRowChunks,
  storedRows,
  updateMembers,
  type ImportRecord,
  type MemberRow,
  memberOrgs,
} from './member-import.repo.ts';
import type { ImportViewT } from '../../../contract/member-import.ts';
import { exportWorkbook, templateXlsx } from './member-import.workbook.ts';

/** Transaction-scoped lock serialising commits, so two commits of the same file cannot both create its members. */
const IMPORT_LOCK = 74110003;
/** Rows a file may hold: a large province's roll (domain.md §14) in one file. */
const MAX_ROWS = 200_000;
const KEEP_DAYS = 7;
const SHOWN_ISSUES = 1000;
/**
 * Rows read, matched and stored (or, at commit, re-planned and written) at a time. A file of any length is handled
 * a chunk at a time: memory holds one chunk and the few keys needed to find duplicates across the whole file.
 */
const CHUNK = 2000;

/** Every file field is a field of the member file with its validation (members.schemas.ts). */
const FIELD_SCHEMAS: Record<FileField, (typeof MemberFields)[keyof typeof MemberFields]> = MemberFields;
const LABELS: Record<string, string> = { ...Object.fromEntries(Object.entries(IMPORT_FIELDS).map(([k, v]) => [k, v.label])), birthYear: 'Năm sinh' };

interface StoredSummary {
  new: number;
  update: number;
  unchanged: number;
  error: number;
  problems: number;
  warnings: number;
}

interface Progress {
  actorId: string;
  fileName: string;
  status: 'processing' | 'committing';
  processedRows: number;
}

export interface Upload {
  fileName: string;
  bytes: Buffer;
}

/** The export takes the member list's filters (members.filters.ts). */
export type ExportQueryInput = MemberFilterInput;

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** The organisation an entry about the actor's own work is filed under: his first scoped role's. */
const homeOrg = (actor: Actor) => actor.roles.find((r) => r.orgId)?.orgId ?? null;

export function createMemberImportService(deps: { db: Kysely<DB>; config: Config; clock: Clock }) {
  const { db, clock } = deps;
  /** Imports being read or committed in this process, for progress polling. */
  const progress = new Map<string, Progress>();

  function requireImporter(actor: Actor): Scope {
    if (!canImportMembers(actor)) throw forbidden('Bạn không có quyền nhập danh sách đảng viên.');
    return scopeFor(actor, 'editMembers');
  }

  async function parseContext(tx: Kysely<DB>, scope: Scope): Promise<ParseContext & { editable: Set<string> }> {
    const today = clock.today();
    const [cells, items] = [await editableCells(tx, scope, today), await catalogueItems(tx)];
    return { cells: cellIndex(cells), catalogues: catalogueIndex(items), today, editable: new Set(cells.map((c) => c.id)) };
  }

  /** The member file's own checks (lengths, phone, e-mail: members.schemas.ts) on the values a row gives. */
  function validateFields(p: ParsedRow, columns: readonly ImportColumn[]) {
    for (const f of FILE_FIELDS) {
      const v = p.values[f];
      if (v === undefined) continue;
      const r = FIELD_SCHEMAS[f].safeParse(v);
      if (r.success) {
        if (r.data === null || r.data === undefined) delete p.values[f];
        else p.values[f] = r.data as string | number;
        continue;
      }
      delete p.values[f];
      const col = columns.find((c) => c.field === (f === 'birthYear' ? 'birthDate' : f)) ?? null;
      const msg = r.error.issues[0]?.message ?? 'Không hợp lệ.';
      p.problems.push({ row: p.row, column: col?.header ?? LABELS[f] ?? f, field: f, message: `Dòng ${p.row}, «${col?.header ?? LABELS[f]}»: ${msg}` });
    }
  }

  function toExisting(r: MemberRow, scope: Scope): ExistingMember {
    const row = r as unknown as Record<string, unknown>;
    const fields: ExistingMember['fields'] = {};
    for (const f of FILE_FIELDS) fields[f] = row[FIELD_COLUMNS[f]] ?? null;
    return {
      id: r.id,
      orgId: r.org_id,
      editable: pathInScope(r.current_path, scope),
      fullName: r.full_name,
      admittedOn: r.admitted_on,
      officialOn: r.official_on,
      fields,
    };
  }

  /**
   * The members recorded now that these rows may be (by CCCD anywhere, else by name and year of birth in the scope):
   * the same code for the preview and, again, the commit. One query per 1,000 keys.
   */
  async function lookupFor(tx: Kysely<DB>, scope: Scope, rows: readonly ParsedRow[]): Promise<Lookup> {
    const cccds = [...new Set(rows.map((r) => r.values.cccd).filter((c): c is string => typeof c === 'string'))];
    const byCccd = new Map<string, ExistingMember>();
    const byName = new Map<string, ExistingMember[]>();
    for (let i = 0; i < cccds.length; i += 1000) {
      for (const r of await membersByCccd(tx, cccds.slice(i, i + 1000))) byCccd.set(r.cccd!, toExisting(r, scope));
    }
    // A row whose CCCD is on record is that member (or an error): only the others are looked up, by name and the
    // year of birth (the planner compares the full date).
    const keys = new Map<string, { name: string; year: number }>();
    for (const r of rows) {
      const name = r.values.fullName;
      const year = typeof r.values.birthDate === 'string' ? Number(r.values.birthDate.slice(0, 4)) : r.values.birthYear;
      if (typeof name !== 'string' || typeof year !== 'number' || (typeof r.values.cccd === 'string' && byCccd.has(r.values.cccd))) continue;
      keys.set(`${year}|${name}`, { name, year });
    }
    const list = [...keys.values()];
    for (let i = 0; i < list.length; i += 1000) {
      for (const r of await membersByName(tx, scope, list.slice(i, i + 1000)))
        (byName.get(r.input_name) ?? byName.set(r.input_name, []).get(r.input_name)!).push(toExisting(r, scope));
    }
    return { byCccd: (c) => byCccd.get(c), byName: (n) => byName.get(n) ?? [] };
  }

  function emptyView(id: string, p: Progress): ImportViewT {
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

  async function view(imp: ImportRecord, q: { offset: number; limit: number; action?: string | undefined }): Promise<ImportViewT> {
    const rows = await importRows(db, imp.id, q);
    const problems = (await rowsWithIssues(db, imp.id, 'problems', SHOWN_ISSUES)).flatMap((r) => r.problems as RowIssue[]).slice(0, SHOWN_ISSUES);
    const warnings = (await rowsWithIssues(db, imp.id, 'warnings', SHOWN_ISSUES)).flatMap((r) => r.warnings as RowIssue[]).slice(0, SHOWN_ISSUES);
    const same = await sameFileImport(db, imp.actor_id, imp.file_sha256, imp.id);
    const s = imp.summary as StoredSummary;
    const live = progress.get(imp.id);
    return {
      importId: imp.id,
      fileName: imp.file_name,
      status: live?.status === 'committing' ? 'committing' : imp.status,
      processedRows: live?.status === 'committing' ? live.processedRows : imp.total_rows,
      rows: imp.total_rows,
      columns: (imp.columns as ImportColumn[]).map((c) => ({ header: c.header, field: c.field })),
      summary: { new: s.new, update: s.update, unchanged: s.unchanged, error: s.error },
      problems,
      problemsTotal: s.problems,
      warnings,
      warningsTotal: s.warnings,
      items: rows.map((r) => {
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
      }),
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

  /**
   * Reads the file: the header row within the first rows of a sheet, then every data row parsed, CHUNK rows at a
   * time as the file streams in.
   */
  async function* readChunks(
    kind: 'xlsx' | 'csv',
    bytes: Buffer,
    ctx: ParseContext,
    live: Progress,
  ): AsyncGenerator<{ columns: ImportColumn[]; rows: ParsedRow[] }> {
    let columns: ImportColumn[] | null = null;
    let rows: ParsedRow[] = [];
    let total = 0;
    for await (const sheet of readSheets(kind, bytes)) {
      let seen = 0;
      let first = true;
      for await (const { row, cells } of sheet.rows) {
        if (!columns || seen < 0) {
          // Still looking for the header; a sheet without one is read to its end (a stream cannot skip it).
          if (seen < 0 || ++seen > HEADER_SEARCH_ROWS) {
            seen = -1;
            continue;
          }
          const cols = mapHeaders(cells);
          if (isHeaderRow(cols)) columns = cols;
          continue;
        }
        if (first && isNumberingRow(cells)) continue;
        first = false;
        if (columns.every((c) => !c.field || cellText(cells[c.index] ?? null) === '')) continue;
        if (total >= MAX_ROWS) throw invalid('file', `Tệp có hơn ${formatCount(MAX_ROWS)} dòng: hãy chia thành nhiều tệp.`);
        const p = parseRow(row, cells, columns, ctx);
        validateFields(p, columns);
        rows.push(p);
        total += 1;
        live.processedRows = total;
        if (rows.length >= CHUNK) {
          yield { columns, rows };
          rows = [];
        }
      }
      if (columns) break;
    }
    if (!columns) {
      throw invalid(
        'file',
        `Không tìm thấy dòng tiêu đề trong ${HEADER_SEARCH_ROWS} dòng đầu của bảng tính: cần cột «Họ và tên» và ít nhất hai cột khác của mẫu (như «Ngày sinh», «Số CCCD», «Chi bộ»). Hãy dùng tệp mẫu.`,
      );
    }
    if (total === 0) throw invalid('file', 'Bảng tính không có dòng dữ liệu nào dưới dòng tiêu đề.');
    if (rows.length > 0) yield { columns, rows };
  }

  const issuesDetails = (list: readonly RowIssue[]) => list.map((p) => ({ field: `row ${p.row}${p.field ? `.${p.field}` : ''}`, message: p.message }));

  return {
    /** The import template with the cells the actor may import into. */
    async template(actor: Actor): Promise<Buffer> {
      const scope = requireImporter(actor);
      const [cells, items] = [await editableCells(db, scope, clock.today()), await catalogueItems(db)];
      return templateXlsx({ cells, catalogues: items });
    },

    /**
     * Reads and checks an uploaded file and stores the plan. Nothing of the member file is written. `importId` may
     * be chosen by the client to poll the progress while this runs.
     */
    async preview(actor: Actor, upload: Upload, opts: { importId?: string | undefined } = {}): Promise<ImportViewT> {
      const scope = requireImporter(actor);
      const id = opts.importId ?? uuidv7();
      if (progress.has(id) || (await importExists(db, id)))
        throw conflict('Mã lượt nhập này đã được dùng.', [{ field: 'importId', message: 'Mã lượt nhập đã được dùng.' }]);
      const kind = sniffFile(upload.bytes);
      const fileName = upload.fileName.normalize('NFC').slice(0, 255) || 'tep-khong-ten';
      const live: Progress = { actorId: actor.userId, fileName, status: 'processing', processedRows: 0 };
      progress.set(id, live);
      let stored = false;
      try {
        const ctx = await parseContext(db, scope);
        const now = clock.now();
        await purgeImports(db, new Date(now.getTime() - KEEP_DAYS * 86400000));
        const summary: StoredSummary = { new: 0, update: 0, unchanged: 0, error: 0, problems: 0, warnings: 0 };
        let planner: ReturnType<typeof importPlanner> | null = null;
        let total = 0;
        // Each chunk is matched and stored as soon as it is read; the header says 'processing' until the end.
        for await (const chunk of readChunks(kind, upload.bytes, ctx, live)) {
          if (!planner) {
            planner = importPlanner(chunk.columns, ctx.editable);
            await insertImport(db, {
              id,
              actorId: actor.userId,
              createdAt: now,
              fileName,
              fileKind: kind,
              sha256: sha256(upload.bytes),
              totalRows: 0,
              columns: chunk.columns.map((c) => ({ index: c.index, header: c.header, field: c.field })),
              summary,
            });
            stored = true;
          }
          const planned = planner.plan(chunk.rows, await lookupFor(db, scope, chunk.rows));
          const s = summarize(planned);
          summary.new += s.new;
          summary.update += s.update;
          summary.unchanged += s.unchanged;
          summary.error += s.error;
          for (const p of planned) {
            summary.problems += p.problems.length;
            summary.warnings += p.warnings.length;
          }
          total += planned.length;
          await insertImportRows(
            db,
            id,
            planned.map((p) => ({
              row: p.row,
              action: p.action,
              memberId: p.memberId,
              data: p.values,
              changes: p.changes,
              problems: p.problems,
              warnings: p.warnings,
            })),
          );
        }
        await finishImport(db, id, total, summary);
      } catch (e) {
        // A file refused half way through leaves nothing behind.
        if (stored) await deleteImport(db, id);
        throw e;
      } finally {
        progress.delete(id);
      }
      return this.get(actor, id, { offset: 0, limit: 200 });
    },

    /** A stored preview of the actor's, or the progress of one being read; another user's import is not found. */
    async get(actor: Actor, id: string, q: { offset: number; limit: number; action?: string | undefined }): Promise<ImportViewT> {
      requireImporter(actor);
      const live = progress.get(id);
      if (live && live.actorId === actor.userId && live.status === 'processing') return emptyView(id, live);
      const imp = await findImport(db, actor.userId, id);
      if (!imp) throw notFound('Không tìm thấy lượt nhập.');
      return view(imp, q);
    },

    /**
     * Applies a preview: all of it in one transaction, or nothing. Refused while any row has an error, and when the
     * member file changed since the preview in a way that changes the plan. A second commit changes nothing.
     */
    async commit(actor: Actor, id: string): Promise<ImportViewT> {
      const scope = requireImporter(actor);
      const imp = await findImport(db, actor.userId, id);
      if (!imp) throw notFound('Không tìm thấy lượt nhập.');
      if (imp.status === 'committed') return view(imp, { offset: 0, limit: 200 });
      if (imp.status !== 'previewed') throw conflict('Tệp của lượt nhập này đang được đọc và kiểm tra: hãy chờ xem trước xong rồi ghi.');
      const s = imp.summary as StoredSummary;
      if (s.error > 0) {
        const problems = (await rowsWithIssues(db, id, 'problems', 100)).flatMap((r) => r.problems as RowIssue[]).slice(0, 100);
        throw conflict(`Còn ${s.error} dòng có lỗi: hãy sửa tệp rồi tải lên lại. Chưa ghi gì vào hồ sơ.`, issuesDetails(problems));
      }
      if (progress.has(id)) throw conflict('Lượt nhập này đang được ghi.');
      const live: Progress = { actorId: actor.userId, fileName: imp.file_name, status: 'committing', processedRows: 0 };
      progress.set(id, live);
      try {
        await db.transaction().execute(async (tx) => {
          await advisoryXactLock(tx, IMPORT_LOCK);
          const fresh = await findImport(tx, actor.userId, id);
          if (!fresh || fresh.status !== 'previewed') return;
          const columns = (imp.columns as ImportColumn[]).map((c) => ({
            index: c.index,
            header: c.header,
            field: c.field && isImportField(c.field) ? c.field : null,
          }));
          const ctx = await parseContext(tx, scope);
          // First pass: plan the stored rows again, a chunk at a time, against the member file as it is now.
          const planner = importPlanner(columns, ctx.editable);
          const driftRows: number[] = [];
          const driftProblems: RowIssue[] = [];
          let drift = 0;
          let created = 0;
          let total = 0;
          const updateRows: number[] = [];
          for await (const stored of storedRowChunks(tx, id, CHUNK)) {
            const rows: ParsedRow[] = stored.map((r) => ({ row: r.row_no, values: r.data as RowValues, problems: [], warnings: [] }));
            const planned = planner.plan(rows, await lookupFor(tx, scope, rows));
            planned.forEach((p, i) => {
              const r = stored[i]!;
              if (p.action !== r.action || (p.action !== 'new' && p.memberId !== r.member_id) || canonicalJson(p.changes) !== canonicalJson(r.changes)) {
                drift += 1;
                if (driftRows.length < 20) driftRows.push(p.row);
                if (driftProblems.length < 100) driftProblems.push(...p.problems.slice(0, 100 - driftProblems.length));
              }
              if (p.action === 'new') created += 1;
              else if (p.action === 'update') updateRows.push(p.row);
            });
            total += planned.length;
          }
          if (drift > 0) {
            throw conflict(
              `Hồ sơ đảng viên đã thay đổi từ lúc xem trước (dòng ${driftRows.join(', ')}${drift > 20 ? ', …' : ''}): hãy tải tệp lên lại để xem trước. Chưa ghi gì vào hồ sơ.`,
              issuesDetails(driftProblems),
            );
          }
          // Second pass: the plan is the stored one; write it, new members first, then the updates, in file order.
          const now = clock.now();
          const extra = { importId: id };
          for await (const stored of storedRowChunks(tx, id, CHUNK)) {
            const news: NewMember[] = stored
              .filter((r) => r.action === 'new')
              .map((r) => {
                const v = r.data as RowValues;
                const fields = Object.fromEntries(Object.entries(v).filter(([k]) => !(ADMISSION_FIELDS as readonly string[]).includes(k)));
                return {
                  id: uuidv7(),
                  orgId: v.orgId as string,
                  admittedOn: v.admittedOn as string,
                  officialOn: (v.officialOn as string | undefined) ?? null,
                  fields,
                };
              });
            if (news.length > 0) await insertMembers(tx, actor, now, news, extra);
            live.processedRows += news.length;
          }
          const maskCccdOf = (o: Record<string, unknown>) => ('cccd' in o ? { ...o, cccd: maskCccd((o.cccd as string | null) ?? null) } : o);
          for (let i = 0; i < updateRows.length; i += CHUNK) {
            const updates = (await storedRows(tx, id, updateRows.slice(i, i + CHUNK))).map((r) => ({ memberId: r.member_id!, changes: r.changes as Change[] }));
            await updateMembers(
              tx,
              updates.map((p) => ({ id: p.memberId, ...columnsOf(Object.fromEntries(p.changes.map((c) => [c.field, c.to]))) })),
              now,
            );
            const memberOrgs = await orgsOfMembers(
              tx,
              updates.map((p) => p.memberId),
            );
            await writeAudit(
              tx,
              { id: actor.userId, name: actor.username },
              now,
              updates.map((p) => ({
                action: 'member.update',
                entityType: 'member',
                entityId: p.memberId,
                scopeOrgId: memberOrgs.get(p.memberId) ?? null,
                before: maskCccdOf(Object.fromEntries(p.changes.map((c) => [c.field, c.from]))),
                after: { ...maskCccdOf(Object.fromEntries(p.changes.map((c) => [c.field, c.to]))), ...extra },
              })),
            );
            live.processedRows += updates.length;
          }
          const updated = updateRows.length;
          const result = { created, updated, unchanged: total - created - updated };
          // An import that changes nothing leaves no trace in the member file nor in the audit trail.
          if (created + updated > 0) {
            await writeAudit(tx, { id: actor.userId, name: actor.username }, now, [
              {
                action: 'member.import',
                entityType: 'member_import',
                entityId: id,
                scopeOrgId: homeOrg(actor),
                before: null,
                after: { fileName: imp.file_name, sha256: imp.file_sha256, rows: imp.total_rows, ...result },
              },
            ]);
          }
          await markCommitted(tx, id, now, result);
        });
      } finally {
        progress.delete(id);
      }
      const done = await findImport(db, actor.userId, id);
      return view(done!, { offset: 0, limit: 200 });
    },

    /**
     * Every member of the list `GET /api/members` would show with the same filters, in the official layout, as a
     * stream; CCCD masked where the actor may not read it. The export itself is audited with its filters and count.
     */
    async exportXlsx(actor: Actor, f: ExportQueryInput) {
      if (!canExportMembers(actor)) throw forbidden('Bạn không có quyền xem danh sách đảng viên.');
      const scope = scopeFor(actor, 'read');
      const sensitive = scopeFor(actor, 'readSensitive');
      const today = clock.today();
      const filters = await resolveMemberFilters(db, scope, f, today);
      const ids = await exportIds(db, scope, filters);
      const count = ids.length;
      const names = new Map<string, string>();
      for (const it of await catalogueItems(db)) names.set(`${it.catalogue}|${it.code}`, it.name);
      const given = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));
      await db.transaction().execute((tx) =>
        writeAudit(tx, { id: actor.userId, name: actor.username }, clock.now(), [
          {
            action: 'member.export',
            entityType: 'member',
            entityId: null,
            scopeOrgId: f.orgId ?? homeOrg(actor),
            before: null,
            after: { filters: given, count, format: 'xlsx' },
          },
        ]),
      );
      const out = new PassThrough();
      const book = exportWorkbook(out);
      const valuesOf = (r: Awaited<ReturnType<typeof exportRows>>[number]) => {
        const row = r as unknown as Record<string, unknown>;
        const v: Partial<Record<string, string>> = {};
        for (const field of OFFICIAL_LAYOUT) {
          const s = IMPORT_FIELDS[field];
          if (field === 'orgId') v.orgId = r.org_name ?? '';
          else if (field === 'admittedOn') v.admittedOn = formatVnDate(r.admitted_on);
          else if (field === 'officialOn') v.officialOn = formatVnDate(r.official_on);
          else if (field === 'cccd') v.cccd = (pathInScope(r.current_path, sensitive) ? r.cccd : maskCccd(r.cccd)) ?? '';
          else if (field === 'gender') v.gender = r.gender === 'nu' ? 'Nữ' : 'Nam';
          else if (field === 'birthDate') v.birthDate = r.birth_date ? formatVnDate(r.birth_date) : r.birth_year ? String(r.birth_year) : '';
          else {
            const raw = row[FIELD_COLUMNS[field]];
            if (raw === null || raw === undefined) continue;
            if (s.kind === 'date') v[field] = formatVnDate(raw as string);
            else if ('catalogue' in s) v[field] = names.get(`${s.catalogue}|${raw as string}`) ?? String(raw);
            else v[field] = String(raw);
          }
        }
        return v;
      };
      void (async () => {
        try {
          for (let i = 0; i < ids.length; i += 2000) {
            const chunk = ids.slice(i, i + 2000);
            const byId = new Map((await exportRows(db, chunk, today)).map((r) => [r.id, r]));
            for (const id of chunk) {
              const r = byId.get(id);
              if (r) book.addRow(valuesOf(r));
            }
          }
          await book.finish();
        } catch (e) {
          out.destroy(e as Error);
        }
      })();
      return { stream: out, fileName: `danh-sach-dang-vien-${today}.xlsx`, count };
    },
  };

  async function orgsOfMembers(tx: Kysely<DB>, ids: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 5000) {
      for (const r of await memberOrgs(tx, ids.slice(i, i + 5000))) out.set(r.id, r.org_id);
    }
    return out;
  }
}

export type MemberImportService = ReturnType<typeof createMemberImportService>;
