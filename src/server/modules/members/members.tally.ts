/** The members' answer to the orgs service's OrgMembersPort, which the composition root passes to it. */
import type { OrgMembersPort } from '../orgs/orgs.ports.ts';
import { movePeriods } from './members.periods.repo.ts';
import { directMemberCounts, memberCountOfSubtree, memberCountsByChild, moveMembers } from './members.tally.repo.ts';

export const orgMembersPort: OrgMembersPort = {
  countsByChild: memberCountsByChild,
  countOfSubtree: memberCountOfSubtree,
  directCounts: directMemberCounts,
  // The roster today and its dated periods (the move recorded, so that later events keep it).
  moveMembers: async (tx, from, to, asOf) => {
    await moveMembers(tx, from, to, asOf);
    await movePeriods(tx, from, to, asOf);
  },
};
