import { can, type Actor } from '../../http/actor.ts';

/** Organisation administrators, inspection committees and system administrators read the audit log of their scope. */
export const canReadAudit = (actor: Actor): boolean => can(actor, 'readAudit');
