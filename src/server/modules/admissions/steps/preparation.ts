/**
 * The steps before the cell votes (domain.md §6, steps 1–5): the awareness course, the application, the verification,
 * the introduction and the comments. They may be recorded again until the vote; the latest record counts.
 */
import { certificateValidUntil, checkIntroducers } from '../../../../domain/admission.ts';
import { introducersOn } from '../admissions.context.ts';
import type { StepContext, StepInputOf, StepOutcome } from './step.ts';

/** The certificate of the awareness course, valid for a time set by the rule set. */
export async function course(ctx: StepContext, input: StepInputOf<'course'>): Promise<StepOutcome> {
  return {
    failures: [],
    data: { certificateNo: input.certificateNo ?? null },
    update: { certificate_valid_until: certificateValidUntil(input.date, ctx.rules) },
  };
}

export async function application(_ctx: StepContext, input: StepInputOf<'application'>): Promise<StepOutcome> {
  return { failures: [], data: { backgroundFormOn: input.backgroundFormOn ?? null } };
}

export async function verification(_ctx: StepContext, input: StepInputOf<'verification'>): Promise<StepOutcome> {
  return { failures: [], data: { conclusion: input.conclusion ?? null } };
}

/** The introducers (or the youth union's resolution), checked as they are on the step's date. */
export async function introduction(ctx: StepContext, input: StepInputOf<'introduction'>): Promise<StepOutcome> {
  const list = await introducersOn(ctx.tx, ctx.actor, input.introducers, input.date);
  return {
    failures: checkIntroducers(input.route, list, input.date, ctx.rules, input.youthUnionResolutionOn),
    data: { route: input.route, youthUnionResolutionOn: input.youthUnionResolutionOn ?? null, introducers: list },
  };
}

export async function comments(): Promise<StepOutcome> {
  return { failures: [], data: {} };
}
