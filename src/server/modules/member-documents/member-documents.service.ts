/**
 * The member dossier (domain.md §4 "Dossier"): documents by type, each version kept. An upload is checked whole
 * before anything is written (the member in the editor's scope, the fields, the file's real format by its content);
 * then the file is staged in the document store, and one transaction locks the member, numbers the version, records
 * it with its audit entry and commits the file under its key. A refused or failed upload leaves no row and no file.
 */
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { DOCUMENT_FORMATS, documentType, storedFileName, type DocumentFormat } from '../../../domain/member-documents.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { scopeFor, type Actor } from '../../http/actor.ts';
import { AppError, forbidden, invalid, notFound } from '../../http/errors.ts';
import { DocumentMissingError, type DocumentStore, type StagedDocument } from '../../storage/document-store.ts';
import { sniffContent, type ContentKind } from '../../office/sniff.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { assertCanEditMember } from '../members/members.policy.ts';
import { findMember } from '../members/members.repo.ts';
import { canReadDocumentType, canUploadDocuments } from './member-documents.policy.ts';
import { findDocument, insertDocument, latestVersion, listDocuments, lockMember } from './member-documents.repo.ts';
import type { UploadFieldsInput } from '../../../contract/member-documents.ts';

const ACCEPTED = 'Hồ sơ nhận: PDF, ảnh JPEG, PNG, TIFF, văn bản Word (.docx), bảng tính Excel (.xlsx).';

/** Why a file's content is refused, in the words of the user who picked it; null when it is accepted. */
const REFUSALS: Record<Exclude<ContentKind, DocumentFormat>, string> = {
  empty: 'Tệp rỗng (0 byte): không có nội dung để lưu vào hồ sơ. Hãy chọn lại tệp.',
  exe: `Tệp là chương trình chạy được, không phải tài liệu: không nhận vào hồ sơ. ${ACCEPTED}`,
  text: `Tệp văn bản thuần (.txt, .csv…) không nhận vào hồ sơ. ${ACCEPTED}`,
  ole: 'Tệp Word/Excel 97–2003 (.doc, .xls) không được nhận: hãy mở tệp và lưu lại dạng .docx, .xlsx hoặc PDF.',
  zip: `Tệp nén (zip) không nhận vào hồ sơ. ${ACCEPTED}`,
  'broken-zip': 'Tệp Word/Excel bị hỏng hoặc chưa tải lên hết: không đọc được. Hãy thử lại.',
  unknown: `Định dạng tệp không được nhận (kiểm tra theo nội dung tệp, không theo đuôi tên). ${ACCEPTED}`,
};

/** The format of an upload by its content; a 400 naming the field `file` for anything else. */
export function documentFormat(bytes: Buffer): DocumentFormat {
  const kind = sniffContent(bytes);
  if (kind in DOCUMENT_FORMATS) return kind as DocumentFormat;
  throw invalid('file', REFUSALS[kind as Exclude<ContentKind, DocumentFormat>]);
}

export interface DocumentDownload {
  stream: Readable;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
}

type DocumentRow = Awaited<ReturnType<typeof listDocuments>>[number];
type MemberRef = { id: string; org_id: string; current_path: string };

/** One version as the dossier shows it; every version after the first of its list is superseded. */
function presentVersion(r: DocumentRow, i: number) {
  return {
    id: r.id,
    version: r.version,
    fileName: r.file_name,
    mime: r.mime,
    size: Number(r.size),
    sha256: r.sha256,
    certifiedBy: r.certified_by,
    certifiedOn: r.certified_on,
    note: r.note,
    uploadedBy: r.uploader_name === null ? null : { id: r.uploaded_by, name: r.uploader_name },
    uploadedAt: new Date(r.uploaded_at).toISOString(),
    superseded: i > 0,
  };
}

/** The versions of each document (same type and title), newest first, in the order of the rows. */
function byDocument(rows: DocumentRow[]): DocumentRow[][] {
  const groups = new Map<string, DocumentRow[]>();
  for (const r of rows) {
    const k = `${r.doc_type}\u0000${r.title}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups.values()];
}

/** The member's documents (or only the one of a type and title) with their versions, as the dossier shows them. */
async function documentsView(db: Kysely<DB>, actor: Actor, member: MemberRef, only?: { docType: string; title: string }) {
  return byDocument(await listDocuments(db, member.id))
    .filter((versions) => !only || (versions[0]!.doc_type === only.docType && versions[0]!.title === only.title))
    .map((versions) => {
      const top = versions[0]!;
      const type = documentType(top.doc_type);
      const out = versions.map(presentVersion);
      return {
        docType: top.doc_type,
        docTypeName: type?.name ?? top.doc_type,
        title: top.title,
        sensitive: type?.sensitive ?? true,
        canDownload: canReadDocumentType(actor, member.current_path, type),
        latest: out[0]!,
        versions: out,
      };
    });
}

type DocumentInsert = Parameters<typeof insertDocument>[1];

/** The row of a new version: numbered after the last one, keeping its title's first spelling. */
function versionRow(
  memberId: string,
  fields: UploadFieldsInput,
  title: string,
  version: number,
  file: { fileName: string; format: DocumentFormat; staged: StagedDocument },
  uploadedBy: string,
  now: Date,
) {
  return {
    id: uuidv7(),
    member_id: memberId,
    doc_type: fields.docType,
    title,
    version,
    file_name: file.fileName,
    mime: DOCUMENT_FORMATS[file.format].mime,
    size: file.staged.size,
    sha256: file.staged.sha256,
    storage_key: file.staged.key,
    certified_by: fields.certifiedBy ?? null,
    certified_on: fields.certifiedOn ?? null,
    note: fields.note ?? null,
    uploaded_by: uploadedBy,
    uploaded_at: now,
  } satisfies DocumentInsert;
}

/** What the audit log keeps of an upload: the version's description, never its content. */
function uploadAuditView(row: ReturnType<typeof versionRow>) {
  return {
    documentId: row.id,
    docType: row.doc_type,
    title: row.title,
    version: row.version,
    fileName: row.file_name,
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
    certifiedBy: row.certified_by,
    certifiedOn: row.certified_on,
    note: row.note,
  };
}

/** The stored file of a version; a 410 when the store has lost it. */
async function openStored(documents: DocumentStore, key: string): Promise<Readable> {
  try {
    return await documents.open(key);
  } catch (e) {
    if (e instanceof DocumentMissingError) {
      throw new AppError(
        410,
        'DOCUMENT_MISSING',
        'Tệp của tài liệu này không còn trong kho lưu trữ. Hãy báo quản trị viên khôi phục thư mục tài liệu từ bản sao lưu.',
      );
    }
    throw e;
  }
}

// eslint-disable-next-line max-lines-per-function -- the service factory: its methods (list, upload, download) are each within the limit
export function createMemberDocumentsService(deps: { db: Kysely<DB>; clock: Clock; documents: DocumentStore }) {
  const { db, clock, documents } = deps;

  async function load(actor: Actor, id: string) {
    const row = await findMember(db, scopeFor(actor, 'read'), id);
    if (!row) throw notFound('Không tìm thấy đảng viên.');
    return row;
  }

  /** Checks an upload whole before anything is written: the editor's scope, the type, the date, the file's content. */
  function checkUpload(actor: Actor, member: MemberRef, file: { fileName: string; bytes: Buffer }, fields: UploadFieldsInput) {
    assertCanEditMember(actor, member.current_path);
    const type = documentType(fields.docType);
    if (!type) throw invalid('docType', 'Loại tài liệu không có trong danh mục.');
    if (!canReadDocumentType(actor, member.current_path, type)) {
      throw forbidden('Bạn không có quyền cập nhật loại tài liệu này (thuộc nhóm thông tin cần bảo mật).');
    }
    if (fields.certifiedOn && fields.certifiedOn > clock.today()) throw invalid('certifiedOn', 'Ngày chứng thực không được sau ngày hôm nay.');
    const format = documentFormat(file.bytes);
    return { format, fileName: storedFileName(file.fileName, format) };
  }

  /** Reading a file of the sensitive groups reveals them, like the CCCD: every such read is on the record. */
  async function auditRead(actor: Actor, member: MemberRef, doc: { id: string; doc_type: string; title: string; version: number }) {
    await db.transaction().execute((tx) =>
      writeAudit(tx, { id: actor.userId, name: actor.username }, clock.now(), [
        {
          action: 'member.document_read',
          entityType: 'member',
          entityId: member.id,
          scopeOrgId: member.org_id,
          before: null,
          after: { documentId: doc.id, docType: doc.doc_type, title: doc.title, version: doc.version },
        },
      ]),
    );
  }

  return {
    /** The member's documents: the latest version of each with its history, grouped by type and title. */
    async list(actor: Actor, memberId: string, maxMb: number) {
      const member = await load(actor, memberId);
      return {
        memberId,
        canUpload: canUploadDocuments(actor, member.current_path),
        maxMb,
        items: await documentsView(db, actor, member),
      };
    },

    /**
     * Adds a document, or the next version of the document of the same type and title (the earlier versions stay).
     * Answers the document with all its versions.
     */
    async upload(actor: Actor, memberId: string, file: { fileName: string; bytes: Buffer }, fields: UploadFieldsInput) {
      const member = await load(actor, memberId);
      const { format, fileName } = checkUpload(actor, member, file, fields);
      const staged = await documents.stage(file.bytes);
      let title = fields.title;
      try {
        await db.transaction().execute(async (tx) => {
          await lockMember(tx, memberId);
          const last = await latestVersion(tx, memberId, fields.docType, fields.title);
          if (last) title = last.title;
          const row = versionRow(memberId, fields, title, (last?.version ?? 0) + 1, { fileName, format, staged }, actor.userId, clock.now());
          await insertDocument(tx, row);
          await writeAudit(tx, { id: actor.userId, name: actor.username }, clock.now(), [
            {
              action: 'member.document_upload',
              entityType: 'member',
              entityId: memberId,
              scopeOrgId: member.org_id,
              before: null,
              after: uploadAuditView(row),
            },
          ]);
          // Last: the file becomes visible under its key only when everything else is written.
          await staged.commit();
        });
      } catch (e) {
        await staged.discard();
        throw e;
      }
      return (await documentsView(db, actor, member, { docType: fields.docType, title }))[0]!;
    },

    /** One version's file, for download; the read of a sensitive type's file is audited. */
    async download(actor: Actor, memberId: string, documentId: string): Promise<DocumentDownload> {
      const member = await load(actor, memberId);
      const doc = await findDocument(db, memberId, documentId);
      if (!doc) throw notFound('Không tìm thấy tài liệu trong hồ sơ đảng viên này.');
      const type = documentType(doc.doc_type);
      if (!canReadDocumentType(actor, member.current_path, type)) {
        throw forbidden('Tài liệu thuộc nhóm thông tin cần bảo mật: bạn không có quyền xem.');
      }
      const stream = await openStored(documents, doc.storage_key);
      if (type?.sensitive ?? true) {
        try {
          await auditRead(actor, member, doc);
        } catch (e) {
          stream.destroy();
          throw e;
        }
      }
      return { stream, fileName: doc.file_name, mime: doc.mime, size: Number(doc.size), sha256: doc.sha256 };
    },
  };
}

export type MemberDocumentsService = ReturnType<typeof createMemberDocumentsService>;
