/**
 * Terms, committees and congress rounds of the demo province (issue 17 part 9), from the seed and today's date only.
 * The province and its grassroots organisations that existed in 2020 held their congress for 2020–2025 between April
 * and September 2020 and, all but a few, for 2025–2030 in the 2025 round (the round "Đại hội đảng bộ các cấp nhiệm kỳ
 * 2025–2030", with its checklists); the communes founded on 01/07/2025 held their first congress that autumn. Each
 * committee is drawn from the organisation's own official members (bí thư, phó bí thư, ủy viên; the inspection
 * committee's chair), with a few changes during the term. The cells under grassroots committees, two congresses a
 * term, are in a round in progress around today: some held, the others preparing.
 */
import type { Insertable, Kysely } from 'kysely';
import { addDays } from '../../domain/dates.ts';
import { addMonths, DEFAULT_CHECKLIST, isSubCell, type CommitteePost } from '../../domain/congress.ts';
import type { DB } from '../db/schema.ts';
import { endSeat, insertRound, insertSeats, insertTerm, officialsOn, upsertPrep } from '../modules/congress/congress.repo.ts';
import { memberNames } from '../modules/members/members.repo.ts';
import { subtreeWithKindsOn } from '../modules/orgs/orgs.evaluation.repo.ts';
import { createRng } from './random.ts';
import { createUuidFactory } from './uuid.ts';

const ROUND_FROM = '2025-04-01';
const ROUND_TO = '2025-09-30';

type Org = Awaited<ReturnType<typeof subtreeWithKindsOn>>[number];

export async function seedCongress(db: Kysely<DB>, opts: { seed: number; rootPath: string; today: string; now: Date; adminId: string }) {
  const rng = createRng(opts.seed * 7907 + 31);
  const uuid = createUuidFactory(rng, '2025-03-01T00:00:00Z');
  const { today, now } = opts;
  const tree = await subtreeWithKindsOn(db, opts.rootPath, today);
  const existed2020 = new Set((await subtreeWithKindsOn(db, opts.rootPath, '2020-04-01')).map((o) => o.org_id));
  const rootId = tree.find((o) => o.path === opts.rootPath)?.org_id;
  if (!rootId) return { terms: 0, seats: 0, rounds: 0 };
  // Each organisation's official members today, from the cells of its subtree.
  const cells = tree.filter((o) => o.is_cell);
  const rows = await officialsOn(
    db,
    cells.map((c) => c.org_id),
    today,
  );
  const cellPath = new Map(cells.map((c) => [c.org_id, c.path]));
  const membersUnder = (o: Org) => rows.filter((r) => cellPath.get(r.org_id)?.startsWith(o.path)).map((r) => r.member_id);
  const names = await memberNames(db, [...new Set(rows.map((r) => r.member_id))]);
  let terms = 0;
  let seats = 0;

  const term = async (o: Org, congressOn: string, dueOn: string, posts: [CommitteePost, 'committee' | 'inspection'][], offset: number) => {
    const id = uuid();
    await insertTerm(db, {
      id,
      org_id: o.org_id,
      from_year: Number(congressOn.slice(0, 4)),
      to_year: Number(dueOn.slice(0, 4)),
      congress_on: congressOn,
      decision_no: `${rng.int(10, 400)}-QĐ/${o.org_id === rootId ? 'TW' : 'TU'}`,
      decision_on: addDays(congressOn, rng.int(5, 20)),
      created_by: opts.adminId,
      created_at: now,
      updated_at: now,
    });
    terms++;
    const people = membersUnder(o);
    const rowsOut: Insertable<DB['committee_seat']>[] = posts.flatMap(([post, body], i) => {
      const m = people[(i + offset) % Math.max(1, people.length)];
      if (!m) return [];
      return [
        {
          id: uuid(),
          term_id: id,
          member_id: m,
          full_name: names.get(m) ?? '',
          body,
          post,
          from_on: congressOn,
          how: 'elected' as const,
          created_at: now,
          updated_at: now,
        },
      ];
    });
    await insertSeats(db, rowsOut);
    seats += rowsOut.length;
    return { id, seats: rowsOut };
  };

  const committeeOf = (o: Org): [CommitteePost, 'committee' | 'inspection'][] =>
    o.is_cell
      ? [
          ['bi_thu', 'committee'],
          ['pho_bi_thu', 'committee'],
        ]
      : [
          ['bi_thu', 'committee'],
          ['pho_bi_thu', 'committee'],
          ['uv_btv', 'committee'],
          ['cap_uy_vien', 'committee'],
          ['cap_uy_vien', 'committee'],
          ['chu_nhiem', 'inspection'],
        ];

  // The 2025 round of the province: the grassroots organisations and the province itself.
  const round2025 = uuid();
  await insertRound(db, {
    id: round2025,
    org_id: rootId,
    title: 'Đại hội đảng bộ các cấp nhiệm kỳ 2025–2030',
    from_on: ROUND_FROM,
    to_on: ROUND_TO,
    checklist: JSON.stringify(DEFAULT_CHECKLIST),
    created_by: opts.adminId,
    created_at: now,
  });
  const prep: Insertable<DB['congress_prep']>[] = [];
  const ticks = (roundId: string, orgId: string, by: string, count: number) => {
    for (const item of DEFAULT_CHECKLIST.slice(0, count))
      prep.push({ id: uuid(), round_id: roundId, org_id: orgId, item_key: item.key, planned_on: by, done_on: by <= today ? by : null, updated_at: now });
  };
  const rounds = tree.filter((o) => o.is_grassroots || o.org_id === rootId);
  let pending = 0;
  for (const [i, o] of rounds.entries()) {
    if (!existed2020.has(o.org_id)) continue;
    const first = rng.dateBetween('2020-04-01', '2020-09-25');
    await term(o, first, addMonths(first, 60), committeeOf(o), 0);
    // All but about one in thirty (and at least one) held the 2025 congress, around its due date within the window.
    const due = addMonths(first, 60);
    if ((pending === 0 || rng.chance(1 / 30)) && o.org_id !== rootId) {
      pending++;
      ticks(round2025, o.org_id, addDays(due, -40), 3);
      continue;
    }
    let held = addDays(due, rng.int(-25, 20));
    if (held < ROUND_FROM) held = ROUND_FROM;
    if (held > ROUND_TO) held = ROUND_TO;
    const t = await term(o, held, addMonths(held, 60), committeeOf(o), 1);
    ticks(round2025, o.org_id, addDays(held, -10), DEFAULT_CHECKLIST.length);
    // A change during the term in one organisation in ten: the deputy moves away, someone is appointed in his place.
    if (i % 10 === 3 && t.seats[1] && held < addDays(today, -200)) {
      const on = addDays(held, 150);
      await endSeat(db, t.seats[1].id!, { ended_on: on, end_reason: 'moved', end_decision_no: `${rng.int(10, 99)}-QĐ/TU`, end_note: null, updated_at: now });
      const people = membersUnder(o);
      const m = people[people.length - 1];
      if (m)
        await insertSeats(db, [
          {
            id: uuid(),
            term_id: t.id,
            member_id: m,
            full_name: names.get(m) ?? '',
            body: 'committee',
            post: 'pho_bi_thu',
            from_on: on,
            how: 'appointed_additional',
            created_at: now,
            updated_at: now,
          },
        ]);
    }
  }
  // The communes founded on 01/07/2025: their first congress that autumn.
  for (const o of tree.filter(
    (x) => !x.is_grassroots && !x.is_cell && x.org_id !== rootId && !existed2020.has(x.org_id) && x.kind_code === 'dang_bo_cap_tren_co_so',
  )) {
    const on = rng.dateBetween('2025-08-01', '2025-09-20');
    await term(o, on, addMonths(on, 60), committeeOf(o), 0);
  }
  // The cells under grassroots committees: a round in progress around today (two congresses a term: 30 months apart).
  const from = addDays(today, -60);
  const to = addDays(today, 120);
  const roundCells = uuid();
  await insertRound(db, {
    id: roundCells,
    org_id: rootId,
    title: 'Đại hội chi bộ trực thuộc giữa nhiệm kỳ',
    from_on: from,
    to_on: to,
    checklist: JSON.stringify(DEFAULT_CHECKLIST),
    created_by: opts.adminId,
    created_at: now,
  });
  for (const o of tree.filter((x) => isSubCell(x))) {
    const due = rng.dateBetween(from, to);
    const last = addMonths(due, -30);
    await term(o, last, due, committeeOf(o), 0);
    if (due <= addDays(today, -5) && rng.chance(0.8)) {
      const held = addDays(due, -rng.int(0, 10));
      await term(o, held, addMonths(held, 30), committeeOf(o), 1);
      ticks(roundCells, o.org_id, addDays(held, -5), DEFAULT_CHECKLIST.length);
    } else {
      ticks(roundCells, o.org_id, addDays(today, -rng.int(1, 30)), rng.int(0, DEFAULT_CHECKLIST.length - 1));
    }
  }
  for (let i = 0; i < prep.length; i += 1000) await upsertPrep(db, prep.slice(i, i + 1000));
  return { terms, seats, rounds: 2 };
}
