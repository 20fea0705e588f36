/**
 * The votes that propose an admission (domain.md §6, steps 6–7): the cell's vote, where every check of the candidate
 * is made again on the vote's date (age, education, certificate, introducers, readmission, the share of the vote), and
 * the grassroots committee's resolution.
 */
import {
  checkAge,
  checkCellVote,
  checkCertificate,
  checkEducation,
  checkGrassrootsResolution,
  checkIntroducers,
  checkReadmission,
  type CheckFailure,
  type Introducer,
  type IntroductionRoute,
} from '../../../../domain/admission.ts';
import { invalid } from '../../../http/errors.ts';
import { memberEvents } from '../../members/members.admissions.repo.ts';
import { denominatorOn, introducersOn } from '../admissions.context.ts';
import type { StepContext, StepInputOf, StepOutcome } from './step.ts';

type IntroductionData = { route?: IntroductionRoute; introducers?: Introducer[]; youthUnionResolutionOn?: string | null };

/** The checks of the candidate himself on the vote's date: age, education, the awareness certificate. */
function candidateChecks(ctx: StepContext, input: StepInputOf<'cell_vote'>): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const exception = input.provinceDecisionNo ? { decisionNo: input.provinceDecisionNo } : null;
  const age = checkAge({ birthDate: ctx.candidate.birth_date }, input.date, ctx.rules, exception);
  if (age) failures.push(age);
  const edu = checkEducation(ctx.candidate.general_education, input.difficultAreaException === true, ctx.rules);
  if (edu) failures.push(edu);
  const cert = checkCertificate(ctx.latest('course')?.on_date, input.date, ctx.rules);
  if (cert) failures.push(cert);
  return failures;
}

/** A former member's readmission: the time since he left, a bar on readmission, an earlier readmission. */
async function readmissionChecks(ctx: StepContext, input: StepInputOf<'cell_vote'>): Promise<CheckFailure[]> {
  const formerId = ctx.candidate.former_member_id;
  if (!formerId) return [];
  const events = (await memberEvents(ctx.tx, [formerId])).get(formerId) ?? [];
  const leaving = [...events].reverse().find((e) => e.kind === 'struck_off' || e.kind === 'allowed_to_leave' || e.kind === 'expelled');
  if (!leaving) return [];
  const former = {
    leftOn: leaving.date,
    noReadmission: 'noReadmission' in leaving && leaving.noReadmission === true,
    readmittedBefore: events.some((e) => e.kind === 'readmitted'),
    criminalRecordClearedOn: input.criminalRecordClearedOn ?? null,
  };
  return checkReadmission(former, input.date, ctx.rules);
}

export async function cellVote(ctx: StepContext, input: StepInputOf<'cell_vote'>): Promise<StepOutcome> {
  const failures = candidateChecks(ctx, input);
  const introData = (ctx.latest('introduction')?.data ?? {}) as IntroductionData;
  const list = await introducersOn(ctx.tx, ctx.actor, introData.introducers ?? [], input.date);
  failures.push(...checkIntroducers(introData.route ?? 'members', list, input.date, ctx.rules, introData.youthUnionResolutionOn));
  failures.push(...(await readmissionChecks(ctx, input)));
  const den = await denominatorOn(ctx.tx, ctx.dossier.org_id, input.date, input);
  if (input.inFavour > den.denominator)
    throw invalid('inFavour', `Số phiếu tán thành (${input.inFavour}) lớn hơn số đảng viên chính thức được tính (${den.denominator}).`);
  const vote = checkCellVote(input.inFavour, den, ctx.rules);
  if (vote) failures.push(vote);
  return {
    failures,
    data: {
      inFavour: input.inFavour,
      denominator: { officialMembers: den.officialMembers, excluded: den.excluded, denominator: den.denominator },
      provinceDecisionNo: input.provinceDecisionNo ?? null,
      difficultAreaException: input.difficultAreaException === true,
      criminalRecordClearedOn: input.criminalRecordClearedOn ?? null,
    },
  };
}

export async function grassrootsResolution(ctx: StepContext, input: StepInputOf<'grassroots_resolution'>): Promise<StepOutcome> {
  if (input.inFavour > input.committeeSize) throw invalid('inFavour', 'Số cấp ủy viên tán thành lớn hơn tổng số cấp ủy viên.');
  const r = checkGrassrootsResolution(input.inFavour, input.committeeSize, ctx.rules);
  return { failures: r ? [r] : [], data: { inFavour: input.inFavour, committeeSize: input.committeeSize } };
}
