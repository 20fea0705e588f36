/** Who may do what with the tree. The scope of each capability is applied inside the service's queries. */
import { can, type Actor } from '../../http/actor.ts';

/** Staff who edit (and administrators) create, rename, move, merge, split and dissolve organisations in their subtree. */
export const canEditOrgs = (actor: Actor): boolean => can(actor, 'editOrgs');
/** Bulk reorganisations belong to organisation and system administrators. */
export const canReorganize = (actor: Actor): boolean => can(actor, 'reorganize');
