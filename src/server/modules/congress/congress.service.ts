/**
 * Committees per term and the congress round (issue 17 parts 4–5; domain.md §2, §3). This file wires the parts:
 * congress.terms.ts (terms, the committee and its changes, the committee on a date) and congress.rounds.ts (rounds,
 * the organisations due, checklists, the summary). Term targets (part 6) live in congress.targets*.
 */
import type { AddSeatBody, CreateRoundBody, CreateTermBody, EndSeatBody, PrepBody, RoundQuery } from '../../../contract/congress.ts';
import type { Actor } from '../../http/actor.ts';
import { contentDisposition } from '../../office/download.ts';
import { DOCX_MIME } from '../../office/mime.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { actorOf } from './congress.context.ts';
import { renderCommitteeDocx } from './congress.docx.ts';
import type { CongressDeps } from './congress.context.ts';
import { createRound, prepView, roundList, roundView, savePrep } from './congress.rounds.ts';
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

    /** The list of the term's committee on a date as a Word file; the export is audited. */
    async committeeDocument(actor: Actor, termId: string, asOf?: string) {
      const v = await committee(actor, termId, asOf);
      const bytes = await renderCommitteeDocx(v);
      const entry = {
        action: 'congress.document_export',
        entityType: 'congress_term',
        entityId: termId,
        scopeOrgId: v.term.orgId,
        before: null,
        after: { asOf: v.asOf },
      };
      await deps.db.transaction().execute((tx) => writeAudit(tx, actorOf(actor), deps.clock.now(), [entry]));
      const name = `danh-sach-cap-uy-${v.term.fromYear}-${v.term.toYear}.docx`;
      return { bytes, mime: DOCX_MIME, contentDisposition: contentDisposition({ utf8: name, ascii: name }) };
    },

    rounds: (actor: Actor) => roundList(deps, actor),
    round: (actor: Actor, id: string, q: RoundQuery) => roundView(deps, actor, id, q),
    async createRound(actor: Actor, b: CreateRoundBody) {
      return roundView(deps, actor, await createRound(deps, actor, b), {});
    },
    prep: (actor: Actor, roundId: string, orgId: string) => prepView(deps, actor, roundId, orgId),
    async savePrep(actor: Actor, roundId: string, orgId: string, b: PrepBody) {
      await savePrep(deps, actor, roundId, orgId, b);
      return prepView(deps, actor, roundId, orgId);
    },
  };
}

export type CongressService = ReturnType<typeof createCongressService>;
