/**
 * Migration 0028 with old rows (issue 15 part 4: "the old discipline records are migrated without loss"): a database
 * built up to 0027 holds member_discipline rows of every shape (party and state, each form, with and without a
 * violation date and a reason, with and without the lapse block, a member whose roll changed, a member without any
 * roll period); after 0028 every field is in discipline_decision under the same id, and the rules read them.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines, openEmptyTestDatabase, type Database } from '../../../../test/helpers/db.ts';
import { migrateTo, migrateToLatest } from '../migrate.ts';
import { disciplineInForce } from '../../modules/discipline/discipline.effects.ts';

const ORG_A = '0190a1b2-0000-7000-8000-00000000000a';
const ORG_B = '0190a1b2-0000-7000-8000-00000000000b';
const M1 = '0190a1b2-0000-7000-8000-000000000001';
const M2 = '0190a1b2-0000-7000-8000-000000000002';
const id = (n: number) => `0190a1b2-0000-7000-8000-1000000000${String(n).padStart(2, '0')}`;

interface OldRow {
  id: string;
  member_id: string;
  form: 'reprimand' | 'warning' | 'removal' | 'expulsion';
  deciding_level: string;
  decision_no: string;
  decision_date: string;
  announced_on: string;
  violation_on: string | null;
  reason: string | null;
  lapse_blocked: boolean;
  kind: 'party' | 'state';
  created_at: string;
}

// Every shape of the old table (announced_on was NOT NULL there: every old row has its announcement).
const OLD: OldRow[] = [
  {
    id: id(1),
    member_id: M1,
    form: 'reprimand',
    deciding_level: 'Chi bộ Thôn 1',
    decision_no: '01-QĐ/CB',
    decision_date: '2018-05-10',
    announced_on: '2018-05-12',
    violation_on: '2018-02-01',
    reason: 'Vi phạm quy định về sinh hoạt đảng',
    lapse_blocked: false,
    kind: 'party',
    created_at: '2018-05-12 08:30:00+00',
  },
  {
    id: id(2),
    member_id: M1,
    form: 'warning',
    deciding_level: 'Đảng ủy xã Tân Lập',
    decision_no: '15-QĐ/ĐU',
    decision_date: '2024-03-01',
    announced_on: '2024-03-05',
    violation_on: null,
    reason: null,
    lapse_blocked: true,
    kind: 'party',
    created_at: '2024-03-05 09:00:00+00',
  },
  {
    id: id(3),
    member_id: M1,
    form: 'removal',
    deciding_level: 'Ban Thường vụ Huyện ủy',
    decision_no: '120-QĐ/HU',
    decision_date: '2025-12-20',
    announced_on: '2025-12-22',
    violation_on: '2025-06-30',
    reason: 'Thiếu trách nhiệm',
    lapse_blocked: false,
    kind: 'party',
    created_at: '2025-12-22 10:00:00+00',
  },
  {
    id: id(4),
    member_id: M2,
    form: 'expulsion',
    deciding_level: 'Đảng ủy xã Tân Lập',
    decision_no: '7-QĐ/ĐU',
    decision_date: '2019-09-09',
    announced_on: '2019-09-10',
    violation_on: '2010-01-01',
    reason: 'Vi phạm nghiêm trọng',
    lapse_blocked: false,
    kind: 'party',
    created_at: '2019-09-10 07:00:00+00',
  },
  {
    id: id(5),
    member_id: M1,
    form: 'warning',
    deciding_level: 'UBND xã (kỷ luật hành chính)',
    decision_no: '33/QĐ-UBND',
    decision_date: '2022-07-01',
    announced_on: '2022-07-01',
    violation_on: '2022-05-15',
    reason: 'Kỷ luật chính quyền',
    lapse_blocked: false,
    kind: 'state',
    created_at: '2022-07-02 11:00:00+00',
  },
  {
    id: id(6),
    member_id: M2,
    form: 'reprimand',
    deciding_level: 'Công ty (kỷ luật lao động)',
    decision_no: '2/QĐ-CT',
    decision_date: '2017-04-04',
    announced_on: '2017-04-05',
    violation_on: null,
    reason: null,
    lapse_blocked: true,
    kind: 'state',
    created_at: '2017-04-05 12:00:00+00',
  },
];

async function seedOld(db: Kysely<unknown>): Promise<void> {
  for (const [org, path, name, kind] of [
    [ORG_A, '0001', 'Chi bộ Thôn 1', 'chi_bo_truc_thuoc'],
    [ORG_B, '0002', 'Chi bộ Thôn 2', 'chi_bo_truc_thuoc'],
  ] as const) {
    await sql`INSERT INTO org (id, established_on, current_path) VALUES (${org}, '2000-01-01', ${path})`.execute(db);
    await sql`INSERT INTO org_version (id, org_id, valid_from, path, depth, name, kind_code)
      VALUES (${org.replace('-8000-', '-9000-')}, ${org}, '2000-01-01', ${path}, 1, ${name}, ${kind})`.execute(db);
  }
  for (const [m, org, name] of [
    [M1, ORG_A, 'Nguyễn Văn Một'],
    [M2, ORG_B, 'Trần Thị Hai'],
  ] as const) {
    await sql`INSERT INTO member (id, org_id, full_name, family_name, middle_name, given_name, name_sort_key, gender, admitted_on, official_on)
      VALUES (${m}, ${org}, ${name}, '', '', '', ${name}, 'nam', '2000-01-01', '2001-01-01')`.execute(db);
  }
  // M1 was on B's roll until 2020, then on A's; M2 has no roll period (the migration falls back to his organisation).
  await sql`INSERT INTO member_period (member_id, valid_from, valid_to, status, membership, org_id)
    VALUES (${M1}, '2000-01-01', '2020-01-01', 'active', 'official', ${ORG_B}), (${M1}, '2020-01-01', NULL, 'active', 'official', ${ORG_A})`.execute(db);
  for (const r of OLD) {
    await sql`INSERT INTO member_discipline (id, member_id, form, deciding_level, decision_no, decision_date, announced_on, violation_on, reason,
      lapse_blocked, kind, created_at) VALUES (${r.id}, ${r.member_id}, ${r.form}, ${r.deciding_level}, ${r.decision_no}, ${r.decision_date},
      ${r.announced_on}, ${r.violation_on}, ${r.reason}, ${r.lapse_blocked}, ${r.kind}, ${r.created_at}::timestamptz)`.execute(db);
  }
}

describeEngines('migration 0028: member_discipline rows into discipline_decision', (engine) => {
  let database: Database;
  let db: Kysely<unknown>;

  beforeAll(async () => {
    database = await openEmptyTestDatabase(engine);
    db = database.db as unknown as Kysely<unknown>;
    const applied = await migrateTo(db, '0027-directives');
    expect(applied.at(-1)).toBe('0027-directives');
    await seedOld(db);
    expect(await migrateToLatest(db)).toContain('0028-discipline');
  }, 120_000);
  afterAll(() => database?.close());

  it('every old row arrives with the same id and every field', async () => {
    const { rows } = await sql<Record<string, unknown>>`SELECT id, subject_kind, member_id, org_id, subject_org_id, kind, form, membership,
      deciding_org_id, deciding_body, deciding_label, decision_no, decided_on, announced_on, violation_on, violation_level, reason, case_id,
      lapse_blocked, lapse_blocked_on, lapse_blocked_reason, revoked_on, replaced_by,
      to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS created_at
      FROM discipline_decision ORDER BY id`.execute(db);
    expect(rows).toHaveLength(OLD.length);
    const rollOn = (r: OldRow) => (r.member_id === M2 ? ORG_B : r.decision_date < '2020-01-01' ? ORG_B : ORG_A);
    expect(rows).toEqual(
      OLD.map((r) => ({
        id: r.id,
        subject_kind: 'member',
        member_id: r.member_id,
        org_id: null,
        subject_org_id: rollOn(r),
        kind: r.kind,
        form: r.form,
        membership: null,
        deciding_org_id: null,
        deciding_body: null,
        deciding_label: r.deciding_level,
        decision_no: r.decision_no,
        decided_on: r.decision_date,
        announced_on: r.announced_on,
        violation_on: r.violation_on,
        violation_level: null,
        reason: r.reason,
        case_id: null,
        lapse_blocked: r.lapse_blocked,
        lapse_blocked_on: null,
        lapse_blocked_reason: null,
        revoked_on: null,
        replaced_by: null,
        created_at: r.created_at.slice(0, 19),
      })),
    );
  });

  it('the old table is gone and every rule set carries the competence of each level', async () => {
    const { rows: tables } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'member_discipline'`.execute(
      db,
    );
    expect(tables[0]!.n).toBe(0);
    const { rows: sets } = await sql<{ n: number; with: number }>`SELECT count(*)::int AS n,
      count(*) FILTER (WHERE rules #> '{discipline,competence,chi_bo_truc_thuoc,member}' = '["reprimand", "warning"]'::jsonb)::int AS with
      FROM rule_set`.execute(db);
    expect(sets[0]!.n).toBeGreaterThan(0);
    expect(sets[0]!.with).toBe(sets[0]!.n);
  });

  it('the rules read the migrated rows: in force until the lapse, a blocked lapse and expulsion stay, state decisions drive nothing', async () => {
    const dbx = database.db;
    // the removal announced 22/12/2025 lapses on 22/12/2026: in force the day before, not on the day
    expect((await disciplineInForce(dbx, { memberId: M1 }, '2026-12-21'))?.id).toBe(id(3));
    // the blocked warning of 2024 is still in force after the removal lapsed
    expect((await disciplineInForce(dbx, { memberId: M1 }, '2026-12-22'))?.id).toBe(id(2));
    // the reprimand of 2018 lapsed on 12/05/2019; the state warning of 2022 never counts
    expect(await disciplineInForce(dbx, { memberId: M1 }, '2019-05-12')).toBeNull();
    expect((await disciplineInForce(dbx, { memberId: M1 }, '2019-05-11'))?.id).toBe(id(1));
    expect(await disciplineInForce(dbx, { memberId: M1 }, '2022-08-01')).toBeNull();
    expect((await disciplineInForce(dbx, { memberId: M2 }, '2040-01-01'))?.form).toBe('expulsion');
  });
});
