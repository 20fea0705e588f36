/**
 * The figures of the inspection statistics (issue 15 part 6), read through the inspection module's repositories: the
 * items concluded in the period, the plan's progress, the cases; and through the discipline module's: the party
 * decisions of the period by subject kind and form, the complaints received and decided; per organisation directly
 * below the root (by the current paths) when a breakdown is asked.
 */
import type { Kysely } from 'kysely';
import { CASE_SOURCES } from '../../../contract/inspection.ts';
import { percent } from '../../../domain/evaluation.ts';
import type { DB } from '../../db/schema.ts';
import type { Scope } from '../../http/actor.ts';
import { complaintStatistics, decisionStatistics } from '../discipline/discipline.reports.repo.ts';
import { caseStatistics } from '../inspection/inspection.cases.repo.ts';
import { itemStatistics, progressFigures } from '../inspection/inspection.repo.ts';
import { add, withTotal, type Figures } from './reports.figures.ts';

const CASE_MEASURES = ['opened', 'concluded', 'violations', 'to_discipline', 'member', 'org', ...CASE_SOURCES.map((s) => `source:${s}`)];
/** The discipline measures shown as 0 when nothing was decided (the rows of the layout). */
const DISCIPLINE_MEASURES = [
  'discipline:all',
  ...['member', 'org'].map((k) => `discipline:${k}:all`),
  ...['received', 'decided', 'upheld', 'changed', 'revoked'].map((k) => `complaints:${k}`),
];

export async function inspectionFigures(db: Kysely<DB>, rootPath: string, scope: Scope, from: string, to: string, breakdown: boolean): Promise<Figures> {
  const childAt = breakdown ? rootPath.split('/').filter(Boolean).length + 2 : null;
  const [items, progress, cases, decisions, complaints] = await Promise.all([
    itemStatistics(db, rootPath, scope, from, to, childAt),
    progressFigures(db, rootPath, scope, from, to),
    caseStatistics(db, rootPath, scope, from, to, childAt),
    decisionStatistics(db, rootPath, scope, from, to, childAt),
    complaintStatistics(db, rootPath, scope, from, to, childAt),
  ]);
  const f: Figures = new Map();
  add(f, '', 'plan:planned', 0);
  for (const m of CASE_MEASURES) add(f, '', `cases:${m}`, 0);
  for (const r of items) {
    const n = Number(r.n);
    add(f, r.child, `${r.kind}:all`, n);
    add(f, r.child, `${r.kind}:${r.subject_type}`, n);
    if (r.arising) add(f, r.child, `${r.kind}:arising`, n);
    add(f, r.child, `${r.kind}:violations`, Number(r.violations));
  }
  // The total row (child null) without a breakdown; each child's row ('' the root's own) with it.
  for (const r of progress) {
    if ((r.child === null) !== (childAt === null)) continue;
    const child = r.child ?? '';
    add(f, child, 'plan:planned', Number(r.planned));
    add(f, child, 'plan:concluded', Number(r.concluded));
  }
  for (const r of cases) {
    add(f, r.child, 'cases:opened', Number(r.opened));
    add(f, r.child, `cases:source:${r.source}`, Number(r.opened));
    add(f, r.child, `cases:${r.subject_kind}`, Number(r.opened));
    add(f, r.child, 'cases:concluded', Number(r.concluded));
    add(f, r.child, 'cases:violations', Number(r.violations));
    add(f, r.child, 'cases:to_discipline', Number(r.to_discipline));
  }
  for (const r of decisions) {
    const n = Number(r.n);
    add(f, r.child, 'discipline:all', n);
    add(f, r.child, `discipline:${r.subject_kind}:all`, n);
    add(f, r.child, `discipline:${r.subject_kind}:${r.form}`, n);
  }
  for (const r of complaints)
    for (const k of ['received', 'decided', 'upheld', 'changed', 'revoked'] as const) add(f, r.child, `complaints:${k}`, Number(r[k]));
  const out = childAt === null ? f : withTotal(f);
  for (const m of out.values()) {
    for (const k of CASE_MEASURES) if (!m.has(`cases:${k}`)) m.set(`cases:${k}`, 0);
    for (const k of DISCIPLINE_MEASURES) if (!m.has(k)) m.set(k, 0);
    const planned = m.get('plan:planned') ?? 0;
    if (planned > 0) m.set('plan:percent', percent(m.get('plan:concluded') ?? 0, planned));
  }
  return out;
}
