/**
 * The recognition vote at the end of probation (domain.md §6, step 11): recognised, the member becomes official
 * through his file's life event; a proposal to strike him off, or a vote the cell cannot settle (referred to the
 * superior after the rule set's number of attempts), ends the dossier's workflow at that stage.
 */
import { checkRecognitionVote, probationEnd, recognitionOutcome, referToSuperior, type RecognitionOutcome } from '../../../../domain/admission.ts';
import { invalid } from '../../../http/errors.ts';
import { denominatorOn } from '../admissions.context.ts';
import type { StepContext, StepInputOf, StepOutcome } from './step.ts';

export async function recognitionVote(ctx: StepContext, input: StepInputOf<'recognition_vote'>): Promise<StepOutcome> {
  const { tx, actor, dossier: d, rules } = ctx;
  const ceremonyOn = d.ceremony_on!;
  const r = checkRecognitionVote(input.date, ceremonyOn, ctx.cal, rules);
  const den = await denominatorOn(tx, d.org_id, input.date, input);
  const votes = input.forRecognition + input.forStrikingOff;
  if (votes > den.denominator) throw invalid('forRecognition', `Tổng số phiếu (${votes}) lớn hơn số đảng viên chính thức được tính (${den.denominator}).`);
  const outcome = recognitionOutcome(input.forRecognition, input.forStrikingOff, den.denominator, rules);
  const earlier = ctx.steps.filter((s) => s.kind === 'recognition_vote').map((s) => (s.data as { outcome: RecognitionOutcome }).outcome);
  const data: Record<string, unknown> = {
    forRecognition: input.forRecognition,
    forStrikingOff: input.forStrikingOff,
    denominator: { officialMembers: den.officialMembers, excluded: den.excluded, denominator: den.denominator },
    outcome,
    voteNo: earlier.length + 1,
  };
  const failures = r ? [r] : [];
  if (outcome === 'strike_off_proposed') return { failures, data, stage: 'strike_off_proposed' };
  if (outcome !== 'recognized') return { failures, data, stage: referToSuperior([...earlier, outcome], rules) ? 'referred_to_superior' : 'recognition_vote' };
  const officialOn = probationEnd(ceremonyOn, rules);
  data.officialOn = officialOn;
  return {
    failures,
    data,
    update: { status: 'official', official_on: officialOn },
    stage: 'official',
    afterWrite: async () => {
      await ctx.deps.members.addEventInTransaction(tx, actor, d.member_id!, {
        kind: 'recognized_official',
        date: input.date,
        officialOn,
        decisionNo: input.decisionNo ?? null,
        decisionDate: input.date,
        note: null,
      });
    },
  };
}
