/**
 * Who may submit and read submitted reports (issue 14 part 4). Pure functions of the actor and the organisation's
 * current path.
 *
 * - Submitting an organisation's report: whoever may edit that organisation (editOrgs over its current path: its
 *   own committee's officers and editors, or a level above it). A viewer or an inspector reads, never submits.
 * - Reading an organisation's submissions (the list, one, its export) and the status of its direct subordinates:
 *   any reader of the organisation (its current path in the read scope). A sibling never sees them (404).
 */
import { pathInScope, scopeFor, type Actor, type Scope } from '../../http/actor.ts';

export const readScopeOf = (actor: Actor): Scope => scopeFor(actor, 'read');

export const canReadSubmissionsOf = (actor: Actor, currentPath: string | null | undefined): boolean => pathInScope(currentPath, readScopeOf(actor));

export const canSubmitReportOf = (actor: Actor, currentPath: string | null | undefined): boolean => pathInScope(currentPath, scopeFor(actor, 'editOrgs'));
