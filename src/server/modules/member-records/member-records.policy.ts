/** Who may read and write which sub-records of a member file (domain.md §4: family and political history are sensitive). */
import { isSensitiveRecordKind, type RecordKind } from '../../../domain/member-records.ts';
import { pathInScope, scopeFor, type Actor } from '../../http/actor.ts';
import { canReadHistory } from '../members/members.policy.ts';

/**
 * Reading a kind: the open kinds with read scope (checked by finding the member), the sensitive ones (family,
 * political history) with readHistory: the grassroots committee and above.
 */
export const canReadRecordKind = (actor: Actor, memberOrgPath: string, kind: RecordKind): boolean =>
  !isSensitiveRecordKind(kind) || canReadHistory(actor, memberOrgPath);

/** Writing a kind: editMembers over the member, and for a sensitive kind readHistory too (one writes what one reads). */
export const canWriteRecordKind = (actor: Actor, memberOrgPath: string, kind: RecordKind): boolean =>
  pathInScope(memberOrgPath, scopeFor(actor, 'editMembers')) && canReadRecordKind(actor, memberOrgPath, kind);
