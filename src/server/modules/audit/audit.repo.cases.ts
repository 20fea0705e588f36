/** Representative calls of the audit repository for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import { expressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './audit.repo.ts';

const ORG_PATH = '/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/';
const USER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';

/**
 * A stand-in for orgs' condition, which the composition root passes (orgs/orgs.places.repo.ts `orgInScopeSql`, which
 * writes `<column> IN (SELECT o.id FROM org o WHERE <one path range per subtree>)`; this module may not import orgs):
 * shown here as `<column> IS NOT NULL`, where the condition goes.
 */
const orgInScope: repo.OrgInScopeSql = (column) => {
  const eb = expressionBuilder<DB, keyof DB>();
  return eb(eb.ref(column as 'audit_log.scope_org_id'), 'is not', null) as Expression<SqlBool>;
};

export const cases: SqlCases<typeof repo> = {
  listAuditEntries: (db) =>
    repo.listAuditEntries(db, orgInScope, [ORG_PATH], {
      userId: USER,
      entityType: 'member',
      action: 'member.update',
      from: '2026-01-01',
      to: '2026-03-31',
      page: 2,
      pageSize: 50,
    }),
  chainHead: (db) => repo.chainHead(db),
  chainPage: (db) => repo.chainPage(db, 5001, 5000),
  entryHashAt: (db) => repo.entryHashAt(db, 120),
  listCheckpoints: (db) => repo.listCheckpoints(db),
  lastCheckpoint: (db) => repo.lastCheckpoint(db),
  insertCheckpoint: (db) =>
    repo.insertCheckpoint(db, { id: 3, at: new Date('2026-03-01T08:00:00Z'), seq: 120, hash: 'a'.repeat(64), prev_mac: 'b'.repeat(64), mac: 'c'.repeat(64) }),
};
