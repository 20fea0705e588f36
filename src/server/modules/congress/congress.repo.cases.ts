/** Representative calls of the congress repository for the SQL snapshot (src/server/db/sql-snapshot.ts). */
import type { SqlCases } from '../../db/sql-snapshot.ts';
import * as repo from './congress.repo.ts';

const TERM = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a8c01';
const SEAT = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a8c02';
const ROUND = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a8c03';
const ORG = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a8c04';
const PARENT = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a8c05';
const MEMBER = '01936f5e-7a40-7c1e-9b2a-3f4d5e6a8c06';
const SCOPE = [`/${PARENT}/`];
const PATH = `/${PARENT}/${ORG}/`;
const AT = new Date('2026-03-02T02:00:00Z');

export const cases: SqlCases<typeof repo> = {
  findTerm: (db) => repo.findTerm(db, SCOPE, TERM),
  termsOf: (db) => repo.termsOf(db, ORG),
  insertTerm: (db) => repo.insertTerm(db, { id: TERM, org_id: ORG, from_year: 2020, to_year: 2025, congress_on: '2020-06-15', created_at: AT, updated_at: AT }),
  updateTerm: (db) => repo.updateTerm(db, TERM, { decision_no: '125-QĐ/ĐU', decision_on: '2020-06-20', updated_at: AT }),
  termOn: (db) => repo.termOn(db, ORG, '2020-06-15'),
  seatsOf: (db) => repo.seatsOf(db, TERM),
  insertSeats: (db) =>
    repo.insertSeats(db, [
      {
        id: SEAT,
        term_id: TERM,
        member_id: MEMBER,
        full_name: 'Nguyễn Văn An',
        body: 'committee',
        post: 'bi_thu',
        from_on: '2020-06-15',
        how: 'elected',
        created_at: AT,
        updated_at: AT,
      },
    ]),
  findSeat: (db) => repo.findSeat(db, SEAT),
  endSeat: (db) => repo.endSeat(db, SEAT, { ended_on: '2022-03-01', end_reason: 'moved', end_decision_no: null, end_note: null, updated_at: AT }),
  seatRolls: (db) => repo.seatRolls(db, [MEMBER], '2026-03-02', PATH),
  officialMembersOn: (db) => repo.officialMembersOn(db, PATH, '2026-03-02'),
  findRound: (db) => repo.findRound(db, ROUND),
  listRounds: (db) => repo.listRounds(db),
  insertRound: (db) =>
    repo.insertRound(db, {
      id: ROUND,
      org_id: PARENT,
      title: 'Đại hội đảng bộ cơ sở nhiệm kỳ 2025–2030',
      from_on: '2025-04-01',
      to_on: '2025-08-31',
      checklist: '[]',
      created_at: AT,
    }),
  lastCongressBefore: (db) => repo.lastCongressBefore(db, [ORG], '2025-04-01'),
  firstCongressBetween: (db) => repo.firstCongressBetween(db, [ORG], '2025-04-01', '2025-06-30'),
  prepDoneCounts: (db) => repo.prepDoneCounts(db, ROUND, '2025-06-30'),
  prepOf: (db) => repo.prepOf(db, ROUND, ORG),
  upsertPrep: (db) =>
    repo.upsertPrep(db, [
      { id: SEAT, round_id: ROUND, org_id: ORG, item_key: 'ke_hoach', planned_on: null, done_on: '2025-03-01', note: null, updated_at: AT },
    ]),
  termHeads: (db) => repo.termHeads(db, [TERM]),
};
