/**
 * What the evaluation service's step files share: the context they run in (database, clock, audit), the rows they
 * read, the period's rule set, and the member row as the pages show it.
 */
import type { Kysely } from 'kysely';
import {
  evaluationRulesById,
  evaluationRulesForYear,
  labelText,
  levelOfLabel,
  stageOf,
  type EvaluationRuleSet,
  type Level,
  type Subject,
} from '../../../domain/evaluation.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { currentPathsOf } from '../orgs/orgs.repo.ts';
import { canReadPeriod } from './evaluation.policy.ts';
import * as repo from './evaluation.repo.ts';

export type PeriodRow = NonNullable<Awaited<ReturnType<typeof repo.findPeriod>>>;
export type MemberRow = Awaited<ReturnType<typeof repo.periodMembers>>[number];
export type OrgRow = Awaited<ReturnType<typeof repo.periodOrgs>>[number];

export interface EvaluationDeps {
  db: Kysely<DB>;
  clock: Clock;
}

export type AuditEntry = { action: string; entityType: string; entityId: string; scopeOrgId: string | null; before: unknown; after: unknown };

/** The steps' context: the dependencies and the audit writer (the audit row in the step's transaction). */
export interface EvaluationContext extends EvaluationDeps {
  audit(tx: Kysely<DB>, actor: Actor, entries: AuditEntry[]): Promise<void>;
}

export function evaluationContext(deps: EvaluationDeps): EvaluationContext {
  return {
    ...deps,
    audit: async (tx, actor, entries) => {
      await writeAudit(tx, { id: actor.userId, name: actor.username }, deps.clock.now(), entries);
    },
  };
}

export const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function rulesOf(p: { ruleset_id: string; year: number }): EvaluationRuleSet {
  return evaluationRulesById(p.ruleset_id) ?? evaluationRulesForYear(p.year);
}

export function publicRules(r: EvaluationRuleSet) {
  return { id: r.id, basis: r.basis, scheme: r.scheme, labels: r.labels, scoreSheet: r.scoreSheet, checks: r.checks };
}

export const lvl = (subject: Subject, label: string | null): Level | null => (label === null ? null : (levelOfLabel(subject, label) ?? null));

/** A member's current label: the latest stage filled in. */
export const currentOf = (m: Pick<MemberRow, 'self_label' | 'cell_label' | 'grassroots_label' | 'decided_label'>) =>
  m.decided_label ?? m.grassroots_label ?? m.cell_label ?? m.self_label;

/** The period, when the caller may see it; else 404. */
export async function loadPeriod(ctx: EvaluationContext, actor: Actor, id: string): Promise<PeriodRow> {
  const p = await repo.findPeriod(ctx.db, id);
  if (!p || !canReadPeriod(actor, p.root_path)) throw notFound('Không tìm thấy kỳ đánh giá.');
  return p;
}

export function requireOpen(p: PeriodRow) {
  if (p.status === 'published') throw conflict('Kỳ đánh giá đã công bố và khóa: mọi thay đổi cần có quyết định (mục «Thay đổi sau công bố»).');
}

/** Current paths of the grassroots organisations of a period (the root may be one, and has no org row). */
export async function grassrootsPaths(tx: Kysely<DB>, members: readonly { grassroots_id: string }[]) {
  const ids = [...new Set(members.map((m) => m.grassroots_id))];
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await currentPathsOf(tx, ids.slice(i, i + 1000));
    for (const r of rows) out.set(r.id, r.current_path);
  }
  return out;
}

/** A member's row of a period as the grid and the member list show it. */
export function memberView(
  m: MemberRow & { full_name?: string; birth_date?: string | null; birth_year?: number | null },
  disciplined: Set<string>,
  rules: EvaluationRuleSet,
  published: boolean,
) {
  const score = m.self_score as { total?: number } | null;
  return {
    id: m.id,
    memberId: m.member_id,
    fullName: m.full_name ?? '',
    birthDate: m.birth_date ?? null,
    birthYear: m.birth_year ?? null,
    orgId: m.org_id,
    lateAdmission: m.late_admission,
    disciplinedInYear: disciplined.has(m.member_id),
    selfDetectedFixed: m.self_detected_fixed,
    selfLabel: m.self_label,
    selfScore: m.self_score,
    selfTotal: score?.total ?? null,
    votes: m.votes,
    cellLabel: m.cell_label,
    grassrootsLabel: m.grassroots_label,
    decidedLabel: m.decided_label,
    currentLabel: currentOf(m),
    currentLabelText: currentOf(m) ? labelText('member', currentOf(m)!) : null,
    finalLevel: m.final_level,
    stage: stageOf({ self: m.self_label, cell: m.cell_label, grassroots: m.grassroots_label, decided: m.decided_label }, published && !m.late_admission),
    scheme: rules.scheme,
  };
}
