/**
 * Who may read a report (issue 14): any reader of the organisation, i.e. its current path in the caller's read scope
 * (a sibling's organisation answers 404 like everywhere); the figures count only organisations whose current path is
 * in that scope, so a breakdown never shows a sibling.
 */
import { pathInScope, scopeFor, type Actor, type Scope } from '../../http/actor.ts';

export function reportScopeOf(actor: Actor): Scope {
  return scopeFor(actor, 'read');
}

export function canReadReportOf(actor: Actor, currentPath: string | null | undefined): boolean {
  return pathInScope(currentPath, reportScopeOf(actor));
}
