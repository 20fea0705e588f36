/**
 * Committees per term and the congress round (issue 17 parts 4–5; domain.md §2, §3). This file wires the parts:
 * congress.terms.ts (terms, the committee and its changes, the committee on a date) and congress.rounds.ts (rounds,
 * the organisations due, checklists, the summary). Term targets (part 6) live in congress.targets*.
 */
import type { AddSeatBody, CreateTermBody, EndSeatBody } from '../../../contract/congress.ts';
import type { Actor } from '../../http/actor.ts';
import type { CongressDeps } from './congress.context.ts';
import { addSeat, closeSeat, committeeOn, createTerm, listTerms } from './congress.terms.ts';

export type { CongressDeps } from './congress.context.ts';

export function createCongressService(deps: CongressDeps) {
  const committee = (actor: Actor, termId: string, asOf?: string) => committeeOn(deps, actor, termId, asOf);
  return {
    terms: (actor: Actor, orgId: string) => listTerms(deps, actor, orgId),
    committee,
    async createTerm(actor: Actor, b: CreateTermBody) {
      return committee(actor, await createTerm(deps, actor, b));
    },
    async addSeat(actor: Actor, termId: string, b: AddSeatBody) {
      await addSeat(deps, actor, termId, b);
      return committee(actor, termId);
    },
    async endSeat(actor: Actor, seatId: string, b: EndSeatBody) {
      return committee(actor, await closeSeat(deps, actor, seatId, b));
    },
  };
}

export type CongressService = ReturnType<typeof createCongressService>;
