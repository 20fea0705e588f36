/**
 * THE question every module that respects a discipline asks (issue 15 part 5): is this member, or this organisation,
 * under a party discipline on date D, and which. Transfers and the member file ask it here; bulk readers (the badge
 * list, the member list's filter, the reports, evaluation) compose `disciplineInForceSql` of the repository, which
 * reads the same rule (domain/discipline.ts `inForceOn`).
 */
import type { Kysely } from 'kysely';
import { underDiscipline, type DisciplineDecision } from '../../../domain/discipline.ts';
import type { IsoDate } from '../../../domain/dates.ts';
import { ruleSetOn } from '../../../domain/rulesets.ts';
import type { DB } from '../../db/schema.ts';
import { decisionsOfMember, decisionsOfOrg, partyDecisionsOfMembers, type DecisionRow } from './discipline.repo.ts';

export type DisciplineSubjectRef = { memberId: string } | { orgId: string };

/** A decision as the domain's rules read it. */
export function rowToDecision(
  r: Pick<DecisionRow, 'id' | 'form' | 'decided_on' | 'announced_on' | 'lapse_blocked' | 'revoked_on' | 'decision_no' | 'deciding_label'>,
): DisciplineDecision & { id: string; decisionNo: string; decidingLabel: string } {
  return {
    id: r.id,
    form: r.form,
    decidedOn: r.decided_on,
    announcedOn: r.announced_on,
    lapseBlocked: r.lapse_blocked,
    revokedOn: r.revoked_on,
    decisionNo: r.decision_no,
    decidingLabel: r.deciding_label,
  };
}

/** The subject's party decisions (state disciplines are kept on the file but drive no rule), oldest first. */
export async function partyDecisionsOf(db: Kysely<DB>, subject: DisciplineSubjectRef): Promise<ReturnType<typeof rowToDecision>[]> {
  const rows = 'memberId' in subject ? await decisionsOfMember(db, subject.memberId) : await decisionsOfOrg(db, subject.orgId);
  return rows.filter((r) => r.kind === 'party').map(rowToDecision);
}

/** The party decision in force on the date (the heaviest when several are, the latest among equals), or null. */
export async function disciplineInForce(db: Kysely<DB>, subject: DisciplineSubjectRef, date: IsoDate): Promise<ReturnType<typeof rowToDecision> | null> {
  const decisions = await partyDecisionsOf(db, subject);
  return (underDiscipline(decisions, date, ruleSetOn(date)) as ReturnType<typeof rowToDecision> | null) ?? null;
}

/** Party decisions of many members, by member (the badge rules and the evaluation checks read them whole). */
export async function partyDecisionsByMember(db: Kysely<DB>, memberIds: readonly string[]): Promise<Map<string, DisciplineDecision[]>> {
  const out = new Map<string, DisciplineDecision[]>();
  for (const r of await partyDecisionsOfMembers(db, memberIds)) {
    const list = out.get(r.member_id!) ?? [];
    list.push(rowToDecision(r));
    out.set(r.member_id!, list);
  }
  return out;
}
