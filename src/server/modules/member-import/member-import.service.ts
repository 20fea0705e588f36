/**
 * Spreadsheet import and export of members (domain.md §4, §15). A preview reads the file (xlsx or CSV, decided by
 * content), checks every row, reconciles it with the members already recorded and stores the plan
 * (member-import.preview.ts); the commit runs the same reconciliation again inside one transaction and applies the
 * plan only if it is still the one the user saw, all rows or none (member-import.commit.ts). The export writes any
 * filtered list in the official layout, streaming (member-import.export.ts).
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../../clock.ts';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import { scopeFor, type Actor, type Scope } from '../../http/actor.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { sniffFile } from '../../office/sheet-read.ts';
import { catalogueItems } from '../catalogue/catalogue.repo.ts';
import { editableCells } from '../orgs/orgs.import.repo.ts';
import { commitInTransaction, issuesDetails } from './member-import.commit.ts';
import { exportMembers, type ExportQueryInput } from './member-import.export.ts';
import { canImportMembers } from './member-import.policy.ts';
import { storePreview } from './member-import.preview.ts';
import { findImport, importExists, type ImportRecord } from './member-import.repo.ts';
import type { ImportViewT } from '../../../contract/member-import.ts';
import { emptyView, firstIssues, storedView, type Progress, type StoredSummary, type ViewQuery } from './member-import.view.ts';
import { templateXlsx } from './member-import.workbook.ts';

export type { ExportQueryInput } from './member-import.export.ts';

export interface Upload {
  fileName: string;
  bytes: Buffer;
}

/** The first page of a preview, as the preview and the commit answer it. */
const FIRST_PAGE: ViewQuery = { offset: 0, limit: 200 };

/** The scope an actor may import into; refuses (403) one who may not import at all. */
function importScope(actor: Actor): Scope {
  if (!canImportMembers(actor)) throw forbidden('Bạn không có quyền nhập danh sách đảng viên.');
  return scopeFor(actor, 'editMembers');
}

/** Refuses (409) a commit while the preview is still being read, or while any of its rows has an error. */
async function assertCommittable(db: Kysely<DB>, imp: ImportRecord): Promise<void> {
  if (imp.status !== 'previewed') throw conflict('Tệp của lượt nhập này đang được đọc và kiểm tra: hãy chờ xem trước xong rồi ghi.');
  const s = imp.summary as StoredSummary;
  if (s.error > 0) {
    const problems = await firstIssues(db, imp.id, 'problems', 100);
    throw conflict(`Còn ${s.error} dòng có lỗi: hãy sửa tệp rồi tải lên lại. Chưa ghi gì vào hồ sơ.`, issuesDetails(problems));
  }
}

export function createMemberImportService(deps: { db: Kysely<DB>; config: Config; clock: Clock }) {
  const { db, clock } = deps;
  /** Imports being read or committed in this process, for progress polling. */
  const progress = new Map<string, Progress>();

  return {
    /** The import template with the cells the actor may import into. */
    async template(actor: Actor): Promise<Buffer> {
      const scope = importScope(actor);
      const [cells, items] = [await editableCells(db, scope, clock.today()), await catalogueItems(db)];
      return templateXlsx({ cells, catalogues: items });
    },

    /**
     * Reads and checks an uploaded file and stores the plan. Nothing of the member file is written. `importId` may
     * be chosen by the client to poll the progress while this runs.
     */
    async preview(actor: Actor, upload: Upload, opts: { importId?: string | undefined } = {}): Promise<ImportViewT> {
      const scope = importScope(actor);
      const id = opts.importId ?? uuidv7();
      if (progress.has(id) || (await importExists(db, id)))
        throw conflict('Mã lượt nhập này đã được dùng.', [{ field: 'importId', message: 'Mã lượt nhập đã được dùng.' }]);
      const kind = sniffFile(upload.bytes);
      const fileName = upload.fileName.normalize('NFC').slice(0, 255) || 'tep-khong-ten';
      const live: Progress = { actorId: actor.userId, fileName, status: 'processing', processedRows: 0 };
      progress.set(id, live);
      try {
        await storePreview(db, { id, actor, scope, kind, fileName, bytes: upload.bytes, now: clock.now(), today: clock.today(), live });
      } finally {
        progress.delete(id);
      }
      return this.get(actor, id, FIRST_PAGE);
    },

    /** A stored preview of the actor's, or the progress of one being read; another user's import is not found. */
    async get(actor: Actor, id: string, q: ViewQuery): Promise<ImportViewT> {
      importScope(actor);
      const live = progress.get(id);
      if (live && live.actorId === actor.userId && live.status === 'processing') return emptyView(id, live);
      const imp = await findImport(db, actor.userId, id);
      if (!imp) throw notFound('Không tìm thấy lượt nhập.');
      return storedView(db, imp, q, progress.get(imp.id));
    },

    /**
     * Applies a preview: all of it in one transaction, or nothing. Refused while any row has an error, and when the
     * member file changed since the preview in a way that changes the plan. A second commit changes nothing.
     */
    async commit(actor: Actor, id: string): Promise<ImportViewT> {
      const scope = importScope(actor);
      const imp = await findImport(db, actor.userId, id);
      if (!imp) throw notFound('Không tìm thấy lượt nhập.');
      if (imp.status === 'committed') return storedView(db, imp, FIRST_PAGE, progress.get(id));
      await assertCommittable(db, imp);
      if (progress.has(id)) throw conflict('Lượt nhập này đang được ghi.');
      const live: Progress = { actorId: actor.userId, fileName: imp.file_name, status: 'committing', processedRows: 0 };
      progress.set(id, live);
      try {
        await db.transaction().execute((tx) => commitInTransaction(tx, { actor, scope, imp, live, clock }));
      } finally {
        progress.delete(id);
      }
      const done = await findImport(db, actor.userId, id);
      return storedView(db, done!, FIRST_PAGE, progress.get(id));
    },

    /**
     * Every member of the list `GET /api/members` would show with the same filters, in the official layout, as a
     * stream; CCCD masked where the actor may not read it. The export itself is audited with its filters and count.
     */
    async exportXlsx(actor: Actor, f: ExportQueryInput) {
      return exportMembers(deps, actor, f);
    },
  };
}

export type MemberImportService = ReturnType<typeof createMemberImportService>;
