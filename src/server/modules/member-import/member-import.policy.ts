/** Who may import and export member lists. Scopes are applied inside the queries; these answer the yes/no questions. */
import { can, pathInScope, scopeFor, type Actor } from '../../http/actor.ts';

/** Importing creates and corrects member files: the editing capability, over the cells of its scope. */
export const canImportMembers = (actor: Actor): boolean => can(actor, 'editMembers');

/** An import may change the file of a member whose organisation lies in the importer's editing scope; others are only matched. */
export const canImportInto = (actor: Actor, memberOrgPath: string): boolean => pathInScope(memberOrgPath, scopeFor(actor, 'editMembers'));

/** Exporting is reading a list: whoever may read members, each CCCD masked unless he may read it (members.policy.ts). */
export const canExportMembers = (actor: Actor): boolean => can(actor, 'read');
