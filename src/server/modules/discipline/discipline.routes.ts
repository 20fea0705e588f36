import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook.ts';
import { NoQuery } from '../../../contract/common.ts';
import {
  ComplaintIdParams,
  ComplaintOutcomeBody,
  CreateComplaintBody,
  CreateDecisionBody,
  CreateDeferralBody,
  DecisionIdParams,
  DecisionListQuery,
  DecisionListResponse,
  DecisionResponse,
  DeferralListQuery,
  DeferralListResponse,
  DeferralResponse,
  RevokeDecisionBody,
} from '../../../contract/discipline.ts';
import type { DisciplineService } from './discipline.service.ts';

export const disciplineRoutes =
  (svc: DisciplineService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['discipline'];
    app.get(
      '/api/discipline/decisions',
      { schema: { tags, summary: 'Quyết định kỷ luật trong phạm vi', querystring: DecisionListQuery, response: { 200: DecisionListResponse } } },
      async (req) => svc.list(requireActor(req), req.query),
    );
    app.get(
      '/api/discipline/decisions/:id',
      { schema: { tags, summary: 'Một quyết định kỷ luật', params: DecisionIdParams, querystring: NoQuery, response: { 200: DecisionResponse } } },
      async (req) => svc.get(requireActor(req), req.params.id),
    );
    app.get(
      '/api/discipline/decisions/:id/document.docx',
      { schema: { tags, summary: 'Quyết định kỷ luật (Word)', params: DecisionIdParams, querystring: NoQuery } },
      async (req, reply) => {
        const doc = await svc.document(requireActor(req), req.params.id);
        return reply.header('content-type', doc.mime).header('content-disposition', doc.contentDisposition).header('cache-control', 'no-store').send(doc.bytes);
      },
    );
    app.post(
      '/api/discipline/decisions',
      { schema: { tags, summary: 'Ghi nhận quyết định kỷ luật', querystring: NoQuery, body: CreateDecisionBody, response: { 201: DecisionResponse } } },
      async (req, reply) => reply.status(201).send(await svc.create(requireActor(req), req.body)),
    );
    app.post(
      '/api/discipline/decisions/:id/revoke',
      {
        schema: {
          tags,
          summary: 'Hủy bỏ quyết định kỷ luật',
          params: DecisionIdParams,
          querystring: NoQuery,
          body: RevokeDecisionBody,
          response: { 200: DecisionResponse },
        },
      },
      async (req) => svc.revoke(requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/api/discipline/decisions/:id/complaints',
      {
        schema: {
          tags,
          summary: 'Ghi nhận khiếu nại quyết định kỷ luật',
          params: DecisionIdParams,
          querystring: NoQuery,
          body: CreateComplaintBody,
          response: { 200: DecisionResponse },
        },
      },
      async (req) => svc.addComplaint(requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/api/discipline/decisions/:id/complaints/:complaintId/outcome',
      {
        schema: {
          tags,
          summary: 'Kết quả giải quyết khiếu nại',
          params: ComplaintIdParams,
          querystring: NoQuery,
          body: ComplaintOutcomeBody,
          response: { 200: DecisionResponse },
        },
      },
      async (req) => svc.complaintOutcome(requireActor(req), req.params.id, req.params.complaintId, req.body),
    );
    app.get(
      '/api/discipline/deferrals',
      { schema: { tags, summary: 'Tạm hoãn xem xét kỷ luật của một đảng viên', querystring: DeferralListQuery, response: { 200: DeferralListResponse } } },
      async (req) => svc.deferrals(requireActor(req), req.query.memberId),
    );
    app.post(
      '/api/discipline/deferrals',
      { schema: { tags, summary: 'Ghi nhận tạm hoãn xem xét kỷ luật', querystring: NoQuery, body: CreateDeferralBody, response: { 201: DeferralResponse } } },
      async (req, reply) => reply.status(201).send(await svc.addDeferral(requireActor(req), req.body)),
    );
  };
