/**
 * What the parts of the congress service share: the dependencies, the rules of congresses on a date, the loads of a
 * term and a round in the reader's scope, and the views of a term.
 */
import type { Kysely } from 'kysely';
import { nextCongressDue, type CongressRules } from '../../../domain/congress.ts';
import { ruleSetOn } from '../../../domain/rulesets.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { pathInScope, scopeFor, type Actor } from '../../http/actor.ts';
import { notFound } from '../../http/errors.ts';
import { changeableItself } from '../orgs/orgs.policy.ts';
import { findTerm } from './congress.repo.ts';

export interface CongressDeps {
  db: Kysely<DB>;
  clock: Clock;
}

export const actorOf = (a: Actor) => ({ id: a.userId, name: a.username });

/** The congress figures of the rule set in force on the date (domain.md §3, §12). */
export const congressRulesOn = (date: string): CongressRules => ruleSetOn(date).congress;

/** The organisation's own committee is decided above it: the actor edits organisations strictly below his scope's roots. */
export const canWriteCommittee = (actor: Actor, orgPath: string | null | undefined): boolean => changeableItself(orgPath, scopeFor(actor, 'editOrgs'));

/** The actor reads what belongs to the organisation at this current path. */
export const canRead = (actor: Actor, orgPath: string | null | undefined): boolean => pathInScope(orgPath, scopeFor(actor, 'read'));

/** A term in the actor's read scope (404 otherwise). */
export async function loadTerm(deps: CongressDeps, actor: Actor, id: string) {
  const t = await findTerm(deps.db, scopeFor(actor, 'read'), id);
  if (!t) throw notFound('Không tìm thấy nhiệm kỳ (hoặc ngoài phạm vi quản lý).');
  return t;
}

type TermRow = NonNullable<Awaited<ReturnType<typeof findTerm>>>;

/** "2020–2025". */
export const termLabel = (t: { from_year: number; to_year: number }) => `${t.from_year}–${t.to_year}`;

export function termView(
  t: Omit<TermRow, 'org_path' | 'org_name' | 'created_by' | 'created_at' | 'updated_at'>,
  orgName: string,
  kind: { is_cell: boolean; is_grassroots: boolean },
  canEdit: boolean,
) {
  return {
    id: t.id,
    orgId: t.org_id,
    orgName,
    fromYear: t.from_year,
    toYear: t.to_year,
    label: termLabel(t),
    congressOn: t.congress_on,
    decisionNo: t.decision_no,
    decisionOn: t.decision_on,
    note: t.note,
    nextDueOn: nextCongressDue(t.congress_on, kind, congressRulesOn(t.congress_on)),
    canEdit,
  };
}
