/** Representative calls of the member repository for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './members.repo.ts';

const MEMBER = '0190a1b2-0000-7000-8000-000000000101';
const ORG = '0190a1b2-0000-7000-8000-000000000010';
const ROOT = '0190a1b2-0000-7000-8000-000000000001';
const USER = '0190a1b2-0000-7000-8000-000000000201';
const SCOPE = [`/${ROOT}/`];
const CELL_PATH = `/${ROOT}/${ORG}/`;
const TODAY = '2026-11-20';

export const cases: SqlCases<typeof repo> = {
  // The list's own filters, then a report cell's drill-downs (members.drilldown.repo.ts): the roll of a date and a change.
  filteredMembers: async (db) => {
    await repo
      .filteredMembers(db, SCOPE, { orgPath: CELL_PATH, q: 'nguyen van', status: 'on_roll', gender: 'nu', bornOnOrBefore: '1966-11-20', partyAgeBand: true })
      .select('m.id')
      .execute();
    const drill = { day: '2019-12-31', onRoll: { path: CELL_PATH }, membership: 'official', ethnicityGroup: 'minority', religionAny: true, badge: 30 } as const;
    await repo.filteredMembers(db, SCOPE, { orgPath: CELL_PATH, anchored: true, drill }).select('m.id').execute();
    const change = { kind: 'transferred_in', from: '2020-01-01', to: '2020-12-31', rootId: MEMBER } as const;
    await repo
      .filteredMembers(db, SCOPE, { orgPath: CELL_PATH, anchored: true, drill: { day: '2026-11-20', youthUnion: true, change } })
      .select('m.id')
      .execute();
  },
  // The list with filters (counted, paged in name order), then a name typed alone (the name tails of migration 0012,
  // one statement).
  listMembers: async (db) => {
    await repo.listMembers(
      db,
      SCOPE,
      { orgPath: CELL_PATH, status: 'on_roll', partyAgeFromOnOrBefore: '1996-11-20', partyAgeBand: true, page: 2, pageSize: 50 },
      TODAY,
    );
    await repo.listMembers(db, SCOPE, { q: 'Nguyễn Văn', page: 1, pageSize: 50 }, TODAY);
    // The whole tree (a system administrator's list): the members alone, no join of the organisations.
    await repo.listMembers(db, 'all', { status: 'on_roll', page: 1, pageSize: 50 }, TODAY);
  },
  findMember: (db) => repo.findMember(db, SCOPE, MEMBER),
  // The member file in one statement: the member, his organisation's name, events, awards, disciplines.
  memberFile: (db) => repo.memberFile(db, SCOPE, MEMBER, TODAY),
  isPlainNameSearch: 'no SQL: whether listMembers reads the name tails (shown in the listMembers case)',
  listMemberEvents: (db) => repo.listMemberEvents(db, MEMBER),
  memberNames: (db) => repo.memberNames(db, [MEMBER]),
  findMemberIdByCccd: (db) => repo.findMemberIdByCccd(db, '001090123456', MEMBER),
  eventsInOrder: (db) => repo.eventsInOrder(db, [MEMBER, '0190a1b2-0000-7000-8000-000000000102']),
  membersDepartedBetween: (db) => repo.membersDepartedBetween(db, '2026-05-04', '2026-09-01'),
  insertMemberRows: (db) =>
    repo.insertMemberRows(db, [
      {
        id: MEMBER,
        org_id: ORG,
        full_name: 'Nguyễn Thị Lan',
        family_name: 'Nguyễn',
        middle_name: 'Thị',
        given_name: 'Lan',
        gender: 'nu',
        birth_date: '1985-03-02',
        name_sort_key: 'lan thi nguyen',
        admitted_on: '2012-01-05',
        official_on: '2013-01-05',
        left_on: null,
        party_age_from: '2012-01-05',
      },
    ]),
  insertMemberEventRows: (db) =>
    repo.insertMemberEventRows(db, [
      {
        id: '0190a1b2-0000-7000-8000-000000000301',
        member_id: MEMBER,
        kind: 'admitted',
        effective_date: '2012-01-05',
        org_id: ORG,
        details: { recordedAfterTheFact: true },
        actor_id: USER,
      },
    ]),
  insertMemberEvent: (db) =>
    repo.insertMemberEvent(db, {
      id: '0190a1b2-0000-7000-8000-000000000302',
      member_id: MEMBER,
      kind: 'transfer_out_started',
      effective_date: '2026-08-03',
      decision_no: '125-QĐ/ĐU',
      decision_date: '2026-07-30',
      org_id: ORG,
      to_org_id: '0190a1b2-0000-7000-8000-000000000020',
      details: JSON.stringify({ workingDaysSinceMoveDecision: 2 }),
      actor_id: USER,
    }),
  updateMember: (db) =>
    repo.updateMember(db, MEMBER, { status: 'in_transit', left_on: null, party_age_from: '2012-01-05', updated_at: new Date('2026-11-20T03:00:00Z') }),
  memberBadgeAwards: (db) => repo.memberBadgeAwards(db, MEMBER),
  latestTransferOut: (db) => repo.latestTransferOut(db, MEMBER),
  findMemberAnyScope: (db) => repo.findMemberAnyScope(db, MEMBER),
  incomingTransferRows: (db) => repo.incomingTransferRows(db, SCOPE),
  findBadgeAward: (db) => repo.findBadgeAward(db, MEMBER, 30),
  insertBadgeAward: (db) =>
    repo.insertBadgeAward(db, {
      id: '0190a1b2-0000-7000-8000-000000000501',
      member_id: MEMBER,
      milestone: 30,
      awarded_on: '2026-11-07',
      decision_no: '450-QĐ/TU',
      early_reason: null,
      override_decision_no: null,
      override_decision_date: null,
      override_rule: null,
    }),
};
