/**
 * Directives of the demo province (issue 17 part 9), from the seed and today's date only: Chỉ thị 35-CT/TW of the
 * Politburo and the province's Kế hoạch 155-KH/TU implementing it, with a task to every commune (all reported, done);
 * the plans of the first three communes implementing it, with tasks to their own organisations; a recent plan with a
 * task due five days ago (most communes reported, the others late) and a quarterly report of this year; and Chương
 * trình 01-CTr/TU with 8 topics, each with its unit in charge, a participant, a deadline and reports.
 */
import type { Insertable, Kysely } from 'kysely';
import { addDays } from '../../domain/dates.ts';
import { parseSymbol, type DirectiveKind, type TopicKind } from '../../domain/directives.ts';
import { foldAccents } from '../../domain/text.ts';
import type { DB } from '../db/schema.ts';
import { insertAssignments, insertDirective, insertReport, insertTask } from '../modules/directives/directives.repo.ts';
import { currentChildren, currentRoot } from '../modules/orgs/orgs.demo.repo.ts';
import { createRng } from './random.ts';
import { createUuidFactory } from './uuid.ts';

const TOPICS: [TopicKind, string][] = [
  ['chuyen_de', 'Nâng cao chất lượng sinh hoạt chi bộ'],
  ['chuyen_de', 'Phát triển đảng viên trong doanh nghiệp ngoài nhà nước'],
  ['de_an', 'Củng cố tổ chức cơ sở đảng yếu kém'],
  ['chuyen_de', 'Công tác kiểm tra, giám sát ở cơ sở'],
  ['de_tai', 'Đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên'],
  ['chuyen_de', 'Bồi dưỡng lý luận chính trị cho cấp ủy viên cơ sở'],
  ['de_an', 'Xây dựng đội ngũ bí thư chi bộ thôn, tổ dân phố'],
  ['chuyen_de', 'Quản lý đảng viên đi làm ăn xa'],
];

export async function seedDirectives(db: Kysely<DB>, opts: { seed: number; today: string; now: Date; adminId: string }) {
  const rng = createRng(opts.seed * 7919 + 17);
  const uuid = createUuidFactory(rng, '2025-09-01T00:00:00Z');
  const { today, now } = opts;
  const root = await currentRoot(db);
  if (!root) return { directives: 0, shares: 0 };
  const communes = await currentChildren(db, root.org_id);
  let directives = 0;
  let shares = 0;

  const directive = async (
    owner: string,
    kind: DirectiveKind,
    symbol: string,
    issuedOn: string,
    issuer: string,
    title: string,
    extra: Partial<Insertable<DB['directive']>> = {},
  ) => {
    const id = uuid();
    const p = parseSymbol(symbol);
    await insertDirective(db, {
      id,
      owner_org_id: owner,
      kind,
      symbol,
      number: p?.number ?? null,
      kind_code: p?.kindCode ?? null,
      issuer_code: p?.issuerCode ?? null,
      issued_on: issuedOn,
      issuer_name: issuer,
      title,
      search_key: foldAccents(`${symbol} ${p?.number ?? ''} ${title}`),
      created_by: opts.adminId,
      created_at: now,
      updated_at: now,
      ...extra,
    });
    directives++;
    return id;
  };
  let seq = 0;
  /** A task to `orgs`; `reported(i)` says whether the i-th reported, and with which status. */
  const task = async (
    directiveId: string,
    title: string,
    cols: Partial<Insertable<DB['directive_task']>>,
    orgs: { org_id: string; role?: 'assignee' | 'lead' | 'participant' }[],
    reported: (i: number) => { status: 'in_progress' | 'done'; on: string; period?: string } | null,
  ) => {
    const taskId = uuid();
    await insertTask(db, { id: taskId, directive_id: directiveId, seq: ++seq, title, created_at: now, ...cols });
    const rows = orgs.map((o) => ({ id: uuid(), task_id: taskId, org_id: o.org_id, role: o.role ?? ('assignee' as const), created_at: now }));
    await insertAssignments(db, rows);
    shares += rows.length;
    for (const [i, r] of rows.entries()) {
      const rep = reported(i);
      if (!rep) continue;
      await insertReport(db, {
        id: uuid(),
        assignment_id: r.id,
        period_due_on: rep.period ?? null,
        status: rep.status,
        body: rep.status === 'done' ? 'Đã hoàn thành nhiệm vụ được giao, có báo cáo kèm theo.' : 'Đang triển khai thực hiện.',
        attachments: JSON.stringify(rep.status === 'done' ? [`Báo cáo số ${rng.int(1, 99)}-BC/ĐU`] : []),
        reported_on: rep.on,
        reported_by: opts.adminId,
        reported_by_name: 'Quản trị hệ thống',
        created_at: now,
      });
    }
  };

  const ct35 = await directive(
    root.org_id,
    'chi_thi',
    '35-CT/TW',
    '2019-05-30',
    'Bộ Chính trị',
    'Về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng',
  );
  const kh155 = await directive(
    root.org_id,
    'ke_hoach',
    '155-KH/TU',
    '2019-07-08',
    'Tỉnh ủy',
    'Kế hoạch triển khai thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị',
    {
      issuer_org_id: root.org_id,
      implements_id: ct35,
    },
  );
  seq = 0;
  await task(kh155, 'Xây dựng kế hoạch tổ chức đại hội đảng bộ cấp cơ sở', { due_on: '2019-08-30' }, communes, () => ({ status: 'done', on: '2019-08-28' }));
  for (const [i, c] of communes.slice(0, 3).entries()) {
    const plan = await directive(c.org_id, 'ke_hoach', `${10 + i}-KH/ĐU`, '2019-08-05', 'Đảng ủy', 'Kế hoạch thực hiện Kế hoạch 155-KH/TU của Tỉnh ủy', {
      issuer_org_id: c.org_id,
      implements_id: kh155,
    });
    const below = (await currentChildren(db, c.org_id)).slice(0, 5);
    seq = 0;
    if (below.length > 0)
      await task(plan, 'Tổ chức đại hội chi bộ, đảng bộ cơ sở', { due_on: '2020-03-31' }, below, () => ({ status: 'done', on: '2020-03-20' }));
  }

  const year = today.slice(0, 4);
  const recent = await directive(root.org_id, 'ke_hoach', '210-KH/TU', addDays(today, -40), 'Tỉnh ủy', `Kế hoạch sơ kết công tác xây dựng Đảng năm ${year}`, {
    issuer_org_id: root.org_id,
  });
  seq = 0;
  await task(recent, 'Báo cáo sơ kết công tác xây dựng Đảng', { due_on: addDays(today, -5) }, communes, (i) =>
    i % 4 === 3 ? null : { status: 'done', on: addDays(today, -7) },
  );
  await task(
    recent,
    'Báo cáo tình hình thực hiện hằng quý',
    { recurrence: 'quarterly', recur_from: `${year}-01-01`, recur_until: `${year}-12-31` },
    communes,
    (i) => (i % 3 === 0 ? null : { status: 'in_progress', on: `${year}-04-05`, period: `${year}-03-31` }),
  );

  const programme = await directive(
    root.org_id,
    'chuong_trinh',
    '01-CTr/TU',
    '2021-03-15',
    'Tỉnh ủy',
    'Chương trình nâng cao chất lượng tổ chức cơ sở đảng và đảng viên giai đoạn 2021–2025',
    {
      issuer_org_id: root.org_id,
      from_year: 2021,
      to_year: 2025,
    },
  );
  seq = 0;
  if (communes.length > 0) {
    for (const [i, [kind, title]] of TOPICS.entries()) {
      const lead = communes[i % communes.length]!;
      const other = communes[(i + 1) % communes.length]!;
      const orgs =
        lead.org_id === other.org_id
          ? [{ org_id: lead.org_id, role: 'lead' as const }]
          : [
              { org_id: lead.org_id, role: 'lead' as const },
              { org_id: other.org_id, role: 'participant' as const },
            ];
      await task(programme, title, { topic_kind: kind, due_on: `${2022 + (i % 4)}-12-31` }, orgs, (j) =>
        j > 0 ? null : i < 5 ? { status: 'done', on: `${2022 + (i % 4)}-12-15` } : i === 5 ? { status: 'in_progress', on: '2025-06-30' } : null,
      );
    }
  }
  return { directives, shares };
}
