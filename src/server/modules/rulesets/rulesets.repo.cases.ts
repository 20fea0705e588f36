/** Representative calls of the rule-set repository for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './rulesets.repo.ts';

export const cases: SqlCases<typeof repo> = {
  listRuleSets: (db) => repo.listRuleSets(db),
  lockRuleSets: (db) => repo.lockRuleSets(db),
  insertRuleSet: (db) =>
    repo.insertRuleSet(db, {
      id: 'rs-2027-01-01',
      effective_from: '2027-01-01',
      basis: 'Quy định số 24-QĐ/TW (sửa đổi)',
      rules: { admission: { minAge: 18 } },
      copied_from: 'qd294-2025',
      note: 'Tuổi tối thiểu',
      created_by: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    }),
};
