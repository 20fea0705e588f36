/**
 * The files of a meeting (issue 16 part 1): the minutes, the resolution and the materials sent to the members before
 * it, stored like the member dossier's (storage/document-store.ts): the format sniffed from the content (PDF, images,
 * .docx, .xlsx; member-documents' list and refusals), the size limit at the route (413), staged before and committed
 * inside the transaction that records it with its audit entry, never replaced (a document that has a file keeps it;
 * a new file is a new document). Downloads are audited (`meeting.document_read`): readers of the meeting's
 * organisation (a sibling's answer is 404), and a member (role `member`) the materials sent of the meetings he sees.
 */
import type { Readable } from 'node:stream';
import { v7 as uuidv7 } from 'uuid';
import { DOCUMENT_FORMATS, storedFileName } from '../../../domain/member-documents.ts';
import type { MeetingFileFieldsInput } from '../../../contract/meetings.ts';
import { selfMemberId, type Actor } from '../../http/actor.ts';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.ts';
import { DocumentMissingError, type DocumentStore } from '../../storage/document-store.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { findMemberAnyScope } from '../members/members.repo.ts';
import { documentFormat } from '../member-documents/member-documents.service.ts';
import { actorOf, assertCanEdit, loadMeeting, type MeetingsDeps } from './meetings.context.ts';
import { memberMaterial } from './meetings.alerts.repo.ts';
import { attachDocumentFile, findDocument, insertDocument, lockDocument, lockMeeting } from './meetings.repo.ts';

/** The title a document gets when the upload names none. */
const DEFAULT_TITLES = { minutes: 'Biên bản sinh hoạt chi bộ', resolution: 'Nghị quyết' } as const;

export interface MeetingFileDownload {
  stream: Readable;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
}

/** A title from the file's name: without its extension, '_' and '-' read as spaces. */
function titleOfFile(fileName: string): string {
  const base = fileName
    .replace(/\.[^.]{1,5}$/, '')
    .replace(/[_-]+/g, ' ')
    .trim();
  return (base || 'Tài liệu').slice(0, 255);
}

/** The stored file; a 410 when the store has lost it. */
async function openStored(documents: DocumentStore, key: string): Promise<Readable> {
  try {
    return await documents.open(key);
  } catch (e) {
    if (e instanceof DocumentMissingError)
      throw new AppError(
        410,
        'DOCUMENT_MISSING',
        'Tệp của tài liệu này không còn trong kho lưu trữ. Hãy báo quản trị viên khôi phục thư mục tài liệu từ bản sao lưu.',
      );
    throw e;
  }
}

type FileDeps = MeetingsDeps & { documents: DocumentStore };
/** What a download needs (the member's own view has no rule sets). */
type ReadDeps = Pick<FileDeps, 'db' | 'clock' | 'documents'>;

/** Uploads a file of the meeting: a new document, or the file of one registered by its title. Returns its id. */
export async function uploadMeetingFile(
  deps: FileDeps,
  actor: Actor,
  meetingId: string,
  file: { fileName: string; bytes: Buffer },
  fields: MeetingFileFieldsInput,
): Promise<string> {
  const m = await loadMeeting(deps, actor, meetingId);
  assertCanEdit(actor, m);
  if (fields.documentId && !(await findDocument(deps.db, meetingId, fields.documentId))) throw notFound('Không tìm thấy tài liệu của buổi sinh hoạt này.');
  const format = documentFormat(file.bytes);
  const fileName = storedFileName(file.fileName, format);
  const staged = await deps.documents.stage(file.bytes);
  const now = deps.clock.now();
  const stored = { file_name: fileName, mime: DOCUMENT_FORMATS[format].mime, size: staged.size, sha256: staged.sha256, storage_key: staged.key };
  const docId = fields.documentId ?? uuidv7();
  try {
    await deps.db.transaction().execute(async (tx) => {
      await lockMeeting(tx, meetingId);
      let described: { role: string; title: string };
      if (fields.documentId) {
        const doc = await lockDocument(tx, meetingId, fields.documentId);
        if (!doc) throw notFound('Không tìm thấy tài liệu của buổi sinh hoạt này.');
        if ((await attachDocumentFile(tx, doc.id, { ...stored, uploaded_by: actor.userId, uploaded_at: now })) === 0)
          throw conflict('Tài liệu này đã có tệp: tải lên tệp khác thành một tài liệu mới.');
        described = { role: doc.role, title: doc.title };
      } else {
        const role = fields.role ?? 'material';
        const title = fields.title ?? (role === 'material' ? titleOfFile(file.fileName) : DEFAULT_TITLES[role]);
        await insertDocument(tx, { id: docId, meeting_id: meetingId, role, title, ...stored, sent_at: null, uploaded_by: actor.userId, uploaded_at: now });
        described = { role, title };
      }
      await writeAudit(tx, actorOf(actor), now, [
        {
          action: 'meeting.document_upload',
          entityType: 'meeting',
          entityId: meetingId,
          scopeOrgId: m.org_id,
          before: null,
          after: { documentId: docId, ...described, fileName, mime: stored.mime, size: stored.size, sha256: stored.sha256 },
        },
      ]);
      // Last: the file becomes visible under its key only when everything else is written.
      await staged.commit();
    });
  } catch (e) {
    await staged.discard();
    throw e;
  }
  return docId;
}

/** Opens a stored file and records the read in the audit log (one transaction); the stream is closed on failure. */
async function auditedOpen(
  deps: ReadDeps,
  actor: Actor,
  doc: {
    id: string;
    meeting_id: string;
    title: string;
    file_name: string | null;
    mime: string | null;
    size: number | null;
    sha256: string | null;
    storage_key: string | null;
  },
  orgId: string,
  asMember: boolean,
): Promise<MeetingFileDownload> {
  if (!doc.storage_key || !doc.file_name) throw notFound('Tài liệu này chưa có tệp (chỉ ghi tên tài liệu).');
  const stream = await openStored(deps.documents, doc.storage_key);
  try {
    const entry = {
      action: 'meeting.document_read',
      entityType: 'meeting',
      entityId: doc.meeting_id,
      scopeOrgId: orgId,
      before: null,
      after: { documentId: doc.id, title: doc.title, fileName: doc.file_name, ...(asMember ? { asMember: true } : {}) },
    };
    await deps.db.transaction().execute((tx) => writeAudit(tx, actorOf(actor), deps.clock.now(), [entry]));
  } catch (e) {
    stream.destroy();
    throw e;
  }
  return { stream, fileName: doc.file_name, mime: doc.mime ?? 'application/octet-stream', size: Number(doc.size), sha256: doc.sha256 ?? '' };
}

/** A document's file for a reader of the meeting's organisation (404 outside the scope). */
export async function meetingFile(deps: FileDeps, actor: Actor, meetingId: string, documentId: string): Promise<MeetingFileDownload> {
  const m = await loadMeeting(deps, actor, meetingId);
  const doc = await findDocument(deps.db, meetingId, documentId);
  if (!doc) throw notFound('Không tìm thấy tài liệu của buổi sinh hoạt này.');
  return auditedOpen(deps, actor, doc, m.org_id, false);
}

/** A material sent to the members, for the member himself (role `member`): 404 for anything he does not see. */
export async function myMeetingFile(deps: ReadDeps, actor: Actor, documentId: string): Promise<MeetingFileDownload> {
  const memberId = selfMemberId(actor);
  if (!memberId) throw forbidden('Tài khoản này không gắn với hồ sơ đảng viên.');
  const member = await findMemberAnyScope(deps.db, memberId);
  if (!member) throw notFound('Không tìm thấy hồ sơ đảng viên.');
  const doc = await memberMaterial(deps.db, memberId, member.org_id, documentId);
  if (!doc) throw notFound('Không tìm thấy tài liệu đã gửi cho đảng viên.');
  return auditedOpen(deps, actor, doc, doc.org_id, true);
}
