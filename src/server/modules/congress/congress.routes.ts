import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook.ts';
import { IdParams, NoQuery } from '../../../contract/common.ts';
import {
  AddSeatBody,
  CommitteeQuery,
  CommitteeResponse,
  CreateRoundBody,
  CreateTermBody,
  EndSeatBody,
  PrepBody,
  PrepResponse,
  RoundListResponse,
  RoundParams,
  RoundQuery,
  RoundResponse,
  TermListQuery,
  TermListResponse,
} from '../../../contract/congress.ts';
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
    app.get(
      '/api/congress/terms/:id/document.docx',
      { schema: { tags, summary: 'Tải danh sách cấp ủy của nhiệm kỳ (Word)', params: IdParams, querystring: CommitteeQuery } },
      async (req, reply) => {
        const doc = await svc.committeeDocument(requireActor(req), req.params.id, req.query.asOf);
        return reply.header('content-type', doc.mime).header('content-disposition', doc.contentDisposition).header('cache-control', 'no-store').send(doc.bytes);
      },
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
    app.get('/api/congress/rounds', { schema: { tags, summary: 'Các đợt đại hội', querystring: NoQuery, response: { 200: RoundListResponse } } }, async (req) =>
      svc.rounds(requireActor(req)),
    );
    app.post(
      '/api/congress/rounds',
      { schema: { tags, summary: 'Mở đợt đại hội', body: CreateRoundBody, response: { 201: RoundResponse } } },
      async (req, reply) => reply.status(201).send(await svc.createRound(requireActor(req), req.body)),
    );
    app.get(
      '/api/congress/rounds/:id',
      {
        schema: {
          tags,
          summary: 'Tổ chức đến kỳ đại hội, tiến độ chuẩn bị và kết quả đợt đại hội',
          params: IdParams,
          querystring: RoundQuery,
          response: { 200: RoundResponse },
        },
      },
      async (req) => svc.round(requireActor(req), req.params.id, req.query),
    );
    app.get(
      '/api/congress/rounds/:id/orgs/:orgId',
      { schema: { tags, summary: 'Danh mục chuẩn bị đại hội của một tổ chức', params: RoundParams, querystring: NoQuery, response: { 200: PrepResponse } } },
      async (req) => svc.prep(requireActor(req), req.params.id, req.params.orgId),
    );
    app.put(
      '/api/congress/rounds/:id/orgs/:orgId',
      { schema: { tags, summary: 'Cập nhật việc chuẩn bị đại hội', params: RoundParams, body: PrepBody, response: { 200: PrepResponse } } },
      async (req) => svc.savePrep(requireActor(req), req.params.id, req.params.orgId, req.body),
    );
  };
