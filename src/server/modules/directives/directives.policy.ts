/**
 * Who may do what with directives. Reading follows the `read` scope: a directive is read by whoever reads the
 * organisation that follows it, and by an assignee (who sees only the shares of its own subtree). Recording a
 * directive, giving its tasks and reporting use the `editOrgs` scope (the committee's office staff): the follower
 * gives tasks to organisations strictly below it; an assignee reports on its own share and splits it to its own
 * subordinates.
 */
import { pathInScope, scopeFor, type Actor } from '../../http/actor.ts';
import { forbidden } from '../../http/errors.ts';

/** The organisation that follows a directive records it and gives its tasks. */
export function canFollow(actor: Actor, ownerPath: string): boolean {
  return pathInScope(ownerPath, scopeFor(actor, 'editOrgs'));
}

export function assertCanFollow(actor: Actor, ownerPath: string): void {
  if (!canFollow(actor, ownerPath)) throw forbidden('Chỉ cán bộ của đơn vị theo dõi văn bản mới được ghi nhận văn bản và giao nhiệm vụ.');
}

/** An assignee's staff report on its share and split it. */
export function canReport(actor: Actor, sharePath: string): boolean {
  return pathInScope(sharePath, scopeFor(actor, 'editOrgs'));
}

export function assertCanReport(actor: Actor, sharePath: string): void {
  if (!canReport(actor, sharePath)) throw forbidden('Chỉ cán bộ của đơn vị được giao mới được báo cáo, phân công nhiệm vụ này.');
}

/** A share (its organisation) is read by whoever reads that organisation. */
export function canReadShare(actor: Actor, sharePath: string): boolean {
  return pathInScope(sharePath, scopeFor(actor, 'read'));
}

/** An organisation given a task lies strictly below the one that gives it. */
export function isStrictlyBelow(path: string, abovePath: string): boolean {
  return path !== abovePath && path.startsWith(abovePath);
}
