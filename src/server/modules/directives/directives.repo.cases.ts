/** Representative calls of the directives repository for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './directives.repo.ts';

const DIRECTIVE = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7c01';
const TASK = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7c02';
const SHARE = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7c03';
const ORG = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7c04';
const PARENT = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a7c05';
const SCOPE = [`/${PARENT}/`];
const AT = new Date('2026-03-02T02:00:00Z');

export const cases: SqlCases<typeof repo> = {
  findDirective: (db) => repo.findDirective(db, SCOPE, DIRECTIVE),
  directiveHead: (db) => repo.directiveHead(db, DIRECTIVE),
  listDirectives: (db) => repo.listDirectives(db, SCOPE, { q: 'chỉ thị 35', kind: 'ke_hoach', page: 1, pageSize: 50 }),
  implementedBy: (db) => repo.implementedBy(db, SCOPE, DIRECTIVE),
  insertDirective: (db) =>
    repo.insertDirective(db, {
      id: DIRECTIVE,
      owner_org_id: PARENT,
      kind: 'ke_hoach',
      symbol: '155-KH/TU',
      number: 155,
      kind_code: 'KH',
      issuer_code: 'TU',
      issued_on: '2019-07-08',
      issuer_org_id: PARENT,
      issuer_name: 'Tỉnh ủy',
      title: 'Kế hoạch triển khai Chỉ thị 35-CT/TW',
      search_key: '155-kh/tu ke hoach trien khai chi thi 35-ct/tw',
      created_at: AT,
      updated_at: AT,
    }),
  tasksOf: (db) => repo.tasksOf(db, DIRECTIVE),
  nextTaskSeq: (db) => repo.nextTaskSeq(db, DIRECTIVE),
  insertTask: (db) => repo.insertTask(db, { id: TASK, directive_id: DIRECTIVE, seq: 1, title: 'Xây dựng kế hoạch', due_on: '2019-08-31', created_at: AT }),
  insertAssignments: (db) => repo.insertAssignments(db, [{ id: SHARE, task_id: TASK, org_id: ORG, role: 'assignee', created_at: AT }]),
  sharesOf: (db) => repo.sharesOf(db, SCOPE, DIRECTIVE, '2026-03-02'),
  findShare: (db) => repo.findShare(db, SHARE, '2026-03-02'),
  taskOrgIds: (db) => repo.taskOrgIds(db, TASK),
  reportsOf: (db) => repo.reportsOf(db, SHARE),
  insertReport: (db) =>
    repo.insertReport(db, {
      id: TASK,
      assignment_id: SHARE,
      status: 'done',
      body: 'Đã tổ chức quán triệt',
      attachments: '[]',
      reported_on: '2019-08-30',
      reported_by_name: 'Nguyễn Văn An',
      created_at: AT,
    }),
  directivesWithOpenShares: (db) => repo.directivesWithOpenShares(db, SCOPE),
  programmes: (db) => repo.programmes(db, SCOPE),
  directiveNames: (db) => repo.directiveNames(db, [DIRECTIVE]),
  sharesOfSubtreeDue: (db) => repo.sharesOfSubtreeDue(db, SCOPE, `/${PARENT}/`, '2026-01-01', '2026-06-30', '2026-03-02'),
};
