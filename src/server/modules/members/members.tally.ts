/** The members' answer to the orgs service's OrgMembersPort, which the composition root passes to it. */
import type { OrgMembersPort } from '../orgs/orgs.ports.ts';
import { countsByChildOfSql, directMemberCounts, memberCountOfSubtree, memberCountsByChild, moveMembers } from './members.tally.repo.ts';

export const orgMembersPort: OrgMembersPort = {
  countsByChild: memberCountsByChild,
  countsByChildSql: (db, asOf) => countsByChildOfSql(db, asOf),
  countOfSubtree: memberCountOfSubtree,
  directCounts: directMemberCounts,
  moveMembers,
};
