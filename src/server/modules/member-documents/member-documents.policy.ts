/** Who may read and add which documents of a member's dossier (domain.md §4 "Dossier"). */
import type { DocumentType } from '../../../domain/member-documents.ts';
import { pathInScope, scopeFor, type Actor } from '../../http/actor.ts';
import { canReadHistory, canReadSensitive } from '../members/members.policy.ts';

/**
 * Whether the actor may read (and so upload) a type's files: the open types with read scope (checked by finding the
 * member), sensitive types with readSensitive, those with family and political history with readHistory; a type no
 * longer in the catalogue needs both.
 */
export function canReadDocumentType(actor: Actor, memberPath: string, type: Pick<DocumentType, 'sensitive' | 'history'> | undefined): boolean {
  if (!type) return canReadHistory(actor, memberPath) && canReadSensitive(actor, memberPath);
  if (!type.sensitive) return true;
  return type.history ? canReadHistory(actor, memberPath) : canReadSensitive(actor, memberPath);
}

/** Whether the actor may add documents to the dossier at all: editMembers over the member. */
export const canUploadDocuments = (actor: Actor, memberPath: string): boolean => pathInScope(memberPath, scopeFor(actor, 'editMembers'));
