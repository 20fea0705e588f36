/**
 * Who may do what with discipline (issue 15 part 7). Decisions and deferrals are sensitive: read by those who may
 * read the sensitive part of member files (readSensitive) over the subject's organisation; recorded by those who may
 * also write there (editMembers) or hold the inspection committee's role there.
 */
import { isWithin } from '../../../domain/org-path.ts';
import { pathInScope, scopeFor, type Actor, type Scope } from '../../http/actor.ts';

export function readScope(actor: Actor): Scope {
  return scopeFor(actor, 'readSensitive');
}

export const canReadDiscipline = (actor: Actor, orgPath: string): boolean => pathInScope(orgPath, readScope(actor));

/** Records for the organisation at `orgPath` (the deciding one, and the subject's). */
export function canRecordDiscipline(actor: Actor, orgPath: string): boolean {
  if (!canReadDiscipline(actor, orgPath)) return false;
  if (pathInScope(orgPath, scopeFor(actor, 'editMembers'))) return true;
  return actor.roles.some((g) => g.role === 'inspector' && g.orgPath !== null && isWithin(orgPath, g.orgPath));
}
