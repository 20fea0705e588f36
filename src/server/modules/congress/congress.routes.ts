import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook.ts';
import { IdParams } from '../../../contract/common.ts';
import { AddSeatBody, CommitteeQuery, CommitteeResponse, CreateTermBody, EndSeatBody, TermListQuery, TermListResponse } from '../../../contract/congress.ts';
import type { CongressService } from './congress.service.ts';

export const congressRoutes =
  (svc: CongressService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['congress'];
    app.get(
      '/api/congress/terms',
      { schema: { tags, summary: 'Các nhiệm kỳ của một tổ chức đảng', querystring: TermListQuery, response: { 200: TermListResponse } } },
      async (req) => svc.terms(requireActor(req), req.query.orgId),
    );
    app.post(
      '/api/congress/terms',
      { schema: { tags, summary: 'Ghi nhận nhiệm kỳ và cấp ủy được bầu tại đại hội', body: CreateTermBody, response: { 201: CommitteeResponse } } },
      async (req, reply) => reply.status(201).send(await svc.createTerm(requireActor(req), req.body)),
    );
    app.get(
      '/api/congress/terms/:id/committee',
      { schema: { tags, summary: 'Cấp ủy của nhiệm kỳ tại một ngày', params: IdParams, querystring: CommitteeQuery, response: { 200: CommitteeResponse } } },
      async (req) => svc.committee(requireActor(req), req.params.id, req.query.asOf),
    );
    app.post(
      '/api/congress/terms/:id/seats',
      {
        schema: {
          tags,
          summary: 'Bầu, chỉ định bổ sung hoặc thay đổi chức vụ trong nhiệm kỳ',
          params: IdParams,
          body: AddSeatBody,
          response: { 200: CommitteeResponse },
        },
      },
      async (req) => svc.addSeat(requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/api/congress/seats/:id/end',
      { schema: { tags, summary: 'Thôi giữ chức vụ trong cấp ủy', params: IdParams, body: EndSeatBody, response: { 200: CommitteeResponse } } },
      async (req) => svc.endSeat(requireActor(req), req.params.id, req.body),
    );
  };
