/**
 * Cell meetings (issue 16, domain.md §9): an organisation's calendar, a meeting's page, its writes and its Word files.
 * This file wires the parts: meetings.views.ts (what the pages read, with the warnings of the rules in force on the
 * meeting's date), meetings.write.ts (scheduling, recording, documents, tasks), meetings.attendance.ts (the roll of
 * the date, the fast entry and the sheet import), meetings.docx.ts (minutes, resolution, attendance sheet),
 * meetings.files.ts (the uploaded files of the minutes, the resolution and the materials).
 */
import type {
  AttendanceInput,
  CreateMeetingInput,
  DocumentInput,
  MeetingFileFieldsInput,
  TaskInput,
  TaskUpdateInput,
  UpdateMeetingInput,
} from '../../../contract/meetings.ts';
import type { Actor } from '../../http/actor.ts';
import { DOCX_MIME } from '../../office/mime.ts';
import { contentDisposition } from '../../office/download.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { previewAttendance, recordAttendance } from './meetings.attendance.ts';
import { actorOf, type MeetingsDeps } from './meetings.context.ts';
import { meetingDocx, type MeetingDocumentKind } from './meetings.docx.ts';
import { meetingDetail, meetingList } from './meetings.views.ts';
import { meetingFile, uploadMeetingFile } from './meetings.files.ts';
import type { DocumentStore } from '../../storage/document-store.ts';
import { addDocument, addTask, changeMeeting, changeTask, createMeeting, sendDocuments } from './meetings.write.ts';

export type { MeetingsDeps } from './meetings.context.ts';

export function createMeetingsService(deps: MeetingsDeps & { documents: DocumentStore }) {
  const get = (actor: Actor, id: string) => meetingDetail(deps, actor, id);
  return {
    list: (actor: Actor, q: { orgId: string; from?: string | undefined; to?: string | undefined }) => meetingList(deps, actor, q),
    get,
    async create(actor: Actor, input: CreateMeetingInput) {
      return get(actor, await createMeeting(deps, actor, input));
    },
    async update(actor: Actor, id: string, input: UpdateMeetingInput) {
      await changeMeeting(deps, actor, id, input);
      return get(actor, id);
    },
    async recordAttendance(actor: Actor, id: string, input: AttendanceInput) {
      await recordAttendance(deps, actor, id, input);
      return get(actor, id);
    },
    previewAttendance: (actor: Actor, id: string, bytes: Buffer) => previewAttendance(deps, actor, id, bytes),
    async addDocument(actor: Actor, id: string, input: DocumentInput) {
      await addDocument(deps, actor, id, input);
      return get(actor, id);
    },
    /** Uploads a file of the meeting (minutes, resolution, a material); answers the meeting. */
    async uploadFile(actor: Actor, id: string, file: { fileName: string; bytes: Buffer }, fields: MeetingFileFieldsInput) {
      await uploadMeetingFile(deps, actor, id, file, fields);
      return get(actor, id);
    },
    /** A document's file, for download; the read is audited. */
    file: (actor: Actor, id: string, documentId: string) => meetingFile(deps, actor, id, documentId),
    async sendDocuments(actor: Actor, id: string, sentAt: string | undefined) {
      await sendDocuments(deps, actor, id, sentAt);
      return get(actor, id);
    },
    async addTask(actor: Actor, id: string, input: TaskInput) {
      await addTask(deps, actor, id, input);
      return get(actor, id);
    },
    async updateTask(actor: Actor, taskId: string, input: TaskUpdateInput) {
      return get(actor, await changeTask(deps, actor, taskId, input));
    },
    /** A meeting's Word file; the export is audited. */
    async document(actor: Actor, id: string, kind: MeetingDocumentKind) {
      const m = await get(actor, id);
      const { bytes, fileName } = await meetingDocx(m, kind);
      const entry = { action: 'meeting.document_export', entityType: 'meeting', entityId: id, scopeOrgId: m.orgId, before: null, after: { kind } };
      await deps.db.transaction().execute((tx) => writeAudit(tx, actorOf(actor), deps.clock.now(), [entry]));
      return { bytes, mime: DOCX_MIME, contentDisposition: contentDisposition({ utf8: fileName, ascii: fileName }) };
    },
  };
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
