/**
 * Who may read and change inspection work (issue 15 part 5). Pure functions of the actor and an organisation's
 * current path.
 *
 * - Plans, items, progress, coverage and statistics: any reader of the organisation (its current path in the read
 *   scope). A sibling's answers 404.
 * - Entering and changing plans, items and cases: the `inspect` capability over the organisation carrying them out
 *   (its committee's officers and editors, its inspection committee, a level above). A viewer reads only (403).
 * - Cases are sensitive: listing them needs `readSensitive` over the organisation handling them (a viewer gets 403);
 *   what a case is about (subject, content, conclusion) shows only when one case is opened, an audited reveal.
 */
import { pathInScope, scopeFor, type Actor, type Scope } from '../../http/actor.ts';

export const inspectionReadScope = (actor: Actor): Scope => scopeFor(actor, 'read');

export const canReadInspectionOf = (actor: Actor, path: string | null | undefined): boolean => pathInScope(path, inspectionReadScope(actor));

export const canEditInspectionOf = (actor: Actor, path: string | null | undefined): boolean => pathInScope(path, scopeFor(actor, 'inspect'));

export const caseReadScope = (actor: Actor): Scope => scopeFor(actor, 'readSensitive');

export const canReadCasesOf = (actor: Actor, path: string | null | undefined): boolean => pathInScope(path, caseReadScope(actor));
