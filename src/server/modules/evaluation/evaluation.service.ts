/**
 * Annual evaluation (domain.md §8): opening a period over a subtree with the roll taken from the member file on the
 * period's date, entering the stages of each member's and organisation's rating, running the consistency checks of
 * the period's rule-set version live, overriding a failed check with a written reason, publishing (which locks), and
 * changing a published result only by a recorded decision that keeps the earlier value. Every write is one
 * transaction with its audit entries.
 *
 * This file wires the steps, one file per concern: periods (evaluation.periods.ts), members' ratings and the import
 * (evaluation.ratings.ts), organisations' ratings (evaluation.org-ratings.ts), checks and overrides
 * (evaluation.checks.ts), publication and changes (evaluation.publish.ts), results and streaks
 * (evaluation.results.ts), the consolidation list (evaluation.consolidation.ts). Who may do what:
 * evaluation.policy.ts. The SQL: evaluation.repo.ts.
 */
import type { CheckCode, Level, Subject } from '../../../domain/evaluation.ts';
import type { Actor } from '../../http/actor.ts';
import { overrideCheck } from './evaluation.checks.ts';
import { evaluationContext, type EvaluationDeps } from './evaluation.common.ts';
import * as consolidation from './evaluation.consolidation.ts';
import { saveOrg, saveOrgs } from './evaluation.org-ratings.ts';
import { listPeriods, openPeriod, periodDetail } from './evaluation.periods.ts';
import { changeResult, publishPeriod } from './evaluation.publish.ts';
import { grid, importCommit, importPreview, memberList, saveMembers } from './evaluation.ratings.ts';
import * as results from './evaluation.results.ts';
import type { MemberEntryInput, OrgEntriesInput, OrgEntryInput, PeriodMembersFilter } from '../../../contract/evaluation.ts';

export type { Distribution, ResultsAnswer } from './evaluation.figures.ts';

type ResultsQuery = { orgId: string; year: number; fromYear?: number | undefined };

export function createEvaluationService(deps: EvaluationDeps) {
  const ctx = evaluationContext(deps);
  // A write on the period's page answers the period as it now is.
  const detail = (actor: Actor, id: string) => periodDetail(ctx, actor, id);
  return {
    open: async (actor: Actor, input: { rootOrgId: string; year: number; kind: 'year'; asOf?: string | undefined }) =>
      detail(actor, await openPeriod(ctx, actor, input)),
    list: (actor: Actor, year?: number) => listPeriods(ctx, actor, year),
    detail,
    grid: (actor: Actor, id: string, orgId: string) => grid(ctx, actor, id, orgId),
    memberList: (actor: Actor, id: string, q: PeriodMembersFilter) => memberList(ctx, actor, id, q),
    saveMembers: (actor: Actor, id: string, items: MemberEntryInput[]) => saveMembers(ctx, actor, id, items),
    importPreview: (actor: Actor, id: string, bytes: Buffer) => importPreview(ctx, actor, id, bytes),
    importCommit: (actor: Actor, id: string, bytes: Buffer) => importCommit(ctx, actor, id, bytes),
    saveOrg: async (actor: Actor, id: string, orgId: string, input: OrgEntryInput) => {
      await saveOrg(ctx, actor, id, orgId, input);
      return detail(actor, id);
    },
    saveOrgs: (actor: Actor, id: string, items: OrgEntriesInput) => saveOrgs(ctx, actor, id, items),
    override: async (actor: Actor, id: string, input: { checkCode: CheckCode; orgId: string; reason: string }) => {
      await overrideCheck(ctx, actor, id, input);
      return detail(actor, id);
    },
    publish: async (actor: Actor, id: string, input: { decisionNo: string; decisionDate: string }) => {
      await publishPeriod(ctx, actor, id, input);
      return detail(actor, id);
    },
    change: async (
      actor: Actor,
      id: string,
      input: { subject: Subject; evaluationId: string; label: string; decisionNo: string; decisionDate: string; reason: string },
    ) => {
      await changeResult(ctx, actor, id, input);
      return detail(actor, id);
    },
    latestResults: (actor: Actor, q: { orgId?: string | undefined }) => results.latestResults(ctx, actor, q),
    results: (actor: Actor, q: ResultsQuery) => results.results(ctx, actor, q),
    resultRecords: (
      actor: Actor,
      q: { orgId: string; year: number; subject: Subject; level: Level; childId?: string | undefined; page: number; pageSize: number },
    ) => results.resultRecords(ctx, actor, q),
    resultsXlsx: (actor: Actor, q: ResultsQuery) => results.resultsXlsx(ctx, actor, q),
    resultsDocx: (actor: Actor, q: ResultsQuery & { years: number; label?: string | undefined }) => results.resultsDocx(ctx, actor, q),
    streaks: (actor: Actor, q: { orgId: string; years: number; toYear: number; label?: string | undefined }) => results.streaks(ctx, actor, q),
    consolidationList: (actor: Actor, q: { orgId: string; year?: number | undefined; status?: 'open' | 'done' | undefined }) =>
      consolidation.listConsolidation(ctx, actor, q),
    addConsolidation: (actor: Actor, input: Parameters<typeof consolidation.addConsolidation>[2]) => consolidation.addConsolidation(ctx, actor, input),
    updateConsolidation: (actor: Actor, id: string, input: consolidation.ConsolidationPatchInput) => consolidation.updateConsolidation(ctx, actor, id, input),
    updateConsolidations: (actor: Actor, items: ({ id: string } & consolidation.ConsolidationPatchInput)[]) =>
      consolidation.updateConsolidations(ctx, actor, items),
  };
}

export type EvaluationService = ReturnType<typeof createEvaluationService>;
