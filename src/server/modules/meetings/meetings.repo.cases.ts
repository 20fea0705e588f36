/** Representative calls of the meetings repository for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './meetings.repo.ts';

const MEETING = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7d01';
const CELL = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7d02';
const PARENT = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7d03';
const MEMBER = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7d04';
const DOC = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7d05';
const TASK = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7d06';
const USER = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7d07';
const SCOPE = [`/${PARENT}/`];
const AT = new Date('2026-03-09T02:00:00Z');

export const cases: SqlCases<typeof repo> = {
  findMeeting: (db) => repo.findMeeting(db, SCOPE, MEETING),
  lockMeeting: (db) => repo.lockMeeting(db, MEETING),
  listMeetings: (db) => repo.listMeetings(db, CELL, '2026-01-01', '2026-12-31'),
  insertMeeting: (db) =>
    repo.insertMeeting(db, {
      id: MEETING,
      org_id: CELL,
      kind: 'regular',
      planned_on: '2026-03-10',
      held_on: null,
      start_minute: null,
      end_minute: null,
      place: 'Hội trường thôn',
      topic: 'Sinh hoạt thường kỳ tháng 3',
      presided_by: null,
      minutes_by: null,
      superior_rep_name: null,
      minutes_text: null,
      resolution_no: null,
      resolution_on: null,
      resolution_text: null,
      attendance_recorded_at: null,
      created_by: USER,
    }),
  updateMeeting: (db) => repo.updateMeeting(db, MEETING, { status: 'held', held_on: '2026-03-10', start_minute: 450, end_minute: 555 }),
  documentsOf: (db) => repo.documentsOf(db, [MEETING]),
  findDocument: (db) => repo.findDocument(db, MEETING, DOC),
  insertDocument: (db) =>
    repo.insertDocument(db, {
      id: DOC,
      meeting_id: MEETING,
      role: 'material',
      title: 'Dự thảo nghị quyết',
      file_name: 'du-thao.pdf',
      mime: 'application/pdf',
      size: 1024,
      sha256: 'a'.repeat(64),
      storage_key: `meetings/${DOC}`,
      sent_at: null,
      uploaded_by: USER,
      uploaded_at: AT,
    }),
  lockDocument: (db) => repo.lockDocument(db, MEETING, DOC),
  attachDocumentFile: (db) =>
    repo.attachDocumentFile(db, DOC, {
      file_name: 'bien-ban.pdf',
      mime: 'application/pdf',
      size: 20480,
      sha256: 'a'.repeat(64),
      storage_key: '2026/03/01936f5e-7a40-7c1e-9b2a-3f4d5e6a7d0b',
      uploaded_by: USER,
      uploaded_at: AT,
    }),
  markMaterialsSent: (db) => repo.markMaterialsSent(db, MEETING, AT),
  keepMaterialsSent: (db) => repo.keepMaterialsSent(db, MEETING),
  attendanceOf: (db) => repo.attendanceOf(db, MEETING),
  replaceAttendance: (db) =>
    repo.replaceAttendance(db, MEETING, [
      {
        meeting_id: MEETING,
        member_id: MEMBER,
        attendance: 'present',
        reason: null,
        membership: 'official',
        member_status: 'active',
        hosted: false,
        counts_for_quorum: true,
      },
    ]),
  tasksOf: (db) => repo.tasksOf(db, MEETING),
  carriedTasks: (db) => repo.carriedTasks(db, CELL, MEETING, '2026-03-10'),
  findTask: (db) => repo.findTask(db, SCOPE, TASK),
  nextTaskSeq: (db) => repo.nextTaskSeq(db, MEETING),
  insertTask: (db) =>
    repo.insertTask(db, {
      id: TASK,
      meeting_id: MEETING,
      seq: 1,
      content: 'Vận động đảng viên đóng đảng phí đúng hạn',
      owner_member_id: MEMBER,
      owner_name: null,
      due_on: '2026-04-10',
      outcome: null,
      done_on: null,
      reviewed_meeting_id: null,
    }),
  updateTask: (db) => repo.updateTask(db, TASK, { outcome: 'Đã hoàn thành', done_on: '2026-04-10', reviewed_meeting_id: MEETING }),
};
