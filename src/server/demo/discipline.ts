/**
 * Demo discipline beyond the members' own decisions (which the member generator writes with the members, members.ts;
 * issue 15 part 10): over the last three years, two organisations disciplined by the standing committee of the
 * grassroots đảng bộ above them (a reprimand about two years ago, lapsed; a warning a few months ago, in force), and
 * three complaints against recent member decisions (one upheld, one revoking the decision, one not yet answered),
 * each filed within the window and so keeping its decision from lapsing (domain.md §11). Bulk inserts; depends only
 * on the seed and today's date.
 */
import type { Insertable, Kysely } from 'kysely';
import { addDays } from '../../domain/dates.ts';
import { addMonths } from '../../domain/member-status.ts';
import type { DB, DisciplineComplaintTable, DisciplineDecisionTable } from '../db/schema.ts';
import { insertComplaintRows, insertDecisionRows, lapsingMemberDecisionsSince, markComplained } from '../modules/discipline/discipline.demo.repo.ts';
import { orgListOn, reportRootOn } from '../modules/orgs/orgs.reports.repo.ts';
import { createRng } from './random.ts';
import { createUuidFactory } from './uuid.ts';

const ORG_REASONS = [
  'Buông lỏng lãnh đạo, để nhiều đảng viên vi phạm quy định về sinh hoạt đảng',
  'Không thực hiện đúng nguyên tắc tập trung dân chủ trong sinh hoạt chi bộ',
];

export async function seedDiscipline(db: Kysely<DB>, opts: { seed: number; today: string; rootOrgId: string }) {
  const rng = createRng(opts.seed * 7919 + 1511);
  const uuid = createUuidFactory(rng.fork('ids'), '2025-06-01T00:00:00Z');
  const root = await reportRootOn(db, opts.rootOrgId, opts.today);
  if (!root?.path) return { orgDecisions: 0, complaints: 0 };
  const { rows } = await orgListOn(db, root.path, opts.today, 'all', {}, 1, 1_000_000);
  const byId = new Map(rows.map((r) => [r.org_id, r]));
  // Cells directly under a grassroots đảng bộ: its standing committee may reprimand or warn them.
  const cells = rows.flatMap((r) => {
    const parent = byId.get(r.path.split('/').filter(Boolean).at(-2) ?? '');
    return r.kind_code === 'chi_bo_truc_thuoc' && parent?.kind_code === 'dang_bo_co_so' ? [{ cell: r, parent }] : [];
  });
  const decisions: Insertable<DisciplineDecisionTable>[] = [];
  const chosen = rng.sample(cells, 2);
  chosen.forEach(({ cell, parent }, i) => {
    const decided = i === 0 ? addDays(opts.today, -rng.int(60, 150)) : addDays(opts.today, -rng.int(640, 800));
    decisions.push({
      id: uuid(),
      subject_kind: 'org',
      org_id: cell.org_id,
      subject_org_id: cell.org_id,
      kind: 'party',
      form: i === 0 ? 'warning' : 'reprimand',
      membership: null,
      deciding_org_id: parent.org_id,
      deciding_body: 'standing_committee',
      deciding_label: `Ban thường vụ — ${parent.name}`,
      decision_no: `${rng.int(10, 199)}-QĐ/ĐU`,
      decided_on: decided,
      announced_on: addDays(decided, rng.int(2, 7)),
      violation_on: addDays(decided, -rng.int(60, 200)),
      violation_level: i === 0 ? 'warning' : 'reprimand',
      reason: ORG_REASONS[i % ORG_REASONS.length]!,
    });
  });
  await insertDecisionRows(db, decisions);

  // Complaints against recent member decisions, filed within 30 days of receipt (the announcement).
  const recent = (await lapsingMemberDecisionsSince(db, addMonths(opts.today, -36))).filter((d) => addDays(d.announced_on ?? d.decided_on, 40) < opts.today);
  const complaints: Insertable<DisciplineComplaintTable>[] = [];
  const picked = rng.sample(recent, 3).sort((a, b) => a.decided_on.localeCompare(b.decided_on));
  for (const [i, d] of picked.entries()) {
    const received = d.announced_on ?? d.decided_on;
    const filed = addDays(received, rng.int(3, 25));
    const answered = addDays(filed, rng.int(20, 60));
    const outcome = i === picked.length - 1 || answered > opts.today ? null : i === 0 ? 'upheld' : 'revoked';
    complaints.push({
      id: uuid(),
      decision_id: d.id,
      received_on: received,
      filed_on: filed,
      content: 'Đảng viên cho rằng hình thức kỷ luật chưa tương xứng với mức độ vi phạm.',
      outcome,
      outcome_on: outcome ? answered : null,
      outcome_note: outcome === 'upheld' ? 'Giữ nguyên hình thức kỷ luật.' : outcome === 'revoked' ? 'Vi phạm chưa đến mức phải xử lý kỷ luật.' : null,
    });
    await markComplained(db, d.id, filed, outcome === 'revoked' ? answered : null);
  }
  await insertComplaintRows(db, complaints);
  return { orgDecisions: decisions.length, complaints: complaints.length };
}
