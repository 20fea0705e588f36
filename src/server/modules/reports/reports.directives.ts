/**
 * The reports' table of directives (issue 17, c17b): the tasks given to the units of the subtree with a deadline in the
 * report's period, and today how many were reported, done and late, per organisation directly below the root with a
 * breakdown. Figures from the directives module (directives.due.ts); each count links to the shares behind it
 * (LinkKind `directives`: `GET /api/directives/due-shares` and its page).
 */
import type { Kysely } from 'kysely';
import { DUE_CHECKS } from '../../../contract/directives.ts';
import { percent } from '../../../domain/evaluation.ts';
import type { DB } from '../../db/schema.ts';
import type { Scope } from '../../http/actor.ts';
import { childUnder, dueCheck, sharesDueIn } from '../directives/directives.due.ts';
import { add, withTotal, type Figures } from './reports.figures.ts';
import type { Layout, LayoutRow } from './reports.layouts.ts';

const r = (key: string, label: string, level: 0 | 1 | 2, link: Record<string, string> | null, unit?: 'percent'): LayoutRow => ({
  key,
  label,
  level,
  measure: key,
  link,
  ...(unit ? { unit } : {}),
});

/** Tasks of directives given to units, by their state today. */
export const directivesTasksLayout: Layout = {
  key: 'directives-tasks',
  version: 'KH-TD-2026',
  title: 'Thực hiện nhiệm vụ theo văn bản chỉ đạo',
  basis: 'period',
  linkKind: 'directives',
  columns: [{ key: 'count', label: 'Số lượng', unit: 'count', value: 'measure' }],
  rows: [
    r('assigned', 'Nhiệm vụ giao cho đơn vị có hạn trong kỳ', 0, { check: 'assigned' }),
    r('reported', 'Đã báo cáo', 1, { check: 'reported' }),
    r('done', 'Đã hoàn thành', 1, { check: 'done' }),
    r('late', 'Quá hạn chưa hoàn thành', 1, { check: 'late' }),
    r('donePercent', 'Tỷ lệ hoàn thành (%)', 0, null, 'percent'),
  ],
  notes: [
    'Mỗi lượt giao nhiệm vụ cho một đơn vị tính một lần, kể cả phần đơn vị đã phân công tiếp cho cấp dưới; nhiệm vụ báo cáo định kỳ tính khi có kỳ báo cáo đến hạn trong kỳ.',
    'Tình trạng (đã báo cáo, hoàn thành, quá hạn) tính đến hôm nay; hạn đúng hôm nay chưa tính là quá hạn.',
  ],
};

/** The figures of the table for the root's subtree and period (per child of the root with a breakdown). */
export async function directivesTasksFigures(
  db: Kysely<DB>,
  rootPath: string,
  scope: Scope,
  from: string,
  to: string,
  today: string,
  breakdown: boolean,
): Promise<Figures> {
  const shares = await sharesDueIn(db, scope, rootPath, from, to, today);
  const f: Figures = new Map();
  for (const c of DUE_CHECKS) add(f, '', c, 0);
  for (const s of shares) {
    const child = breakdown ? childUnder(rootPath, s.orgPath) : '';
    for (const c of DUE_CHECKS) if (dueCheck(s, c)) add(f, child, c, 1);
  }
  const out = breakdown ? withTotal(f) : f;
  for (const m of out.values()) {
    for (const c of DUE_CHECKS) if (!m.has(c)) m.set(c, 0);
    const assigned = m.get('assigned') ?? 0;
    if (assigned > 0) m.set('donePercent', percent(m.get('done') ?? 0, assigned));
  }
  return out;
}
