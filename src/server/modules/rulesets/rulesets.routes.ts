import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook.ts';
import { NoQuery } from '../../../contract/common.ts';
import { NewRuleSetBody, RuleSetListResponse, RuleSetPreviewResponse } from '../../../contract/rulesets.ts';
import type { RuleSetsService } from './rulesets.service.ts';

export const rulesetsRoutes =
  (svc: RuleSetsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['rulesets'];
    app.get(
      '/api/rulesets',
      { schema: { tags, summary: 'Các phiên bản quy định (ngưỡng, thời hạn, tỷ lệ)', querystring: NoQuery, response: { 200: RuleSetListResponse } } },
      async (req) => svc.list(requireActor(req)),
    );
    app.post(
      '/api/rulesets/preview',
      {
        schema: {
          tags,
          summary: 'Xem trước phiên bản quy định mới (không ghi)',
          querystring: NoQuery,
          body: NewRuleSetBody,
          response: { 200: RuleSetPreviewResponse },
        },
      },
      async (req) => svc.preview(requireActor(req), req.body),
    );
    app.post(
      '/api/rulesets',
      {
        schema: { tags, summary: 'Thêm phiên bản quy định từ một ngày', querystring: NoQuery, body: NewRuleSetBody, response: { 201: RuleSetPreviewResponse } },
      },
      async (req, reply) => reply.status(201).send(await svc.create(requireActor(req), req.body)),
    );
  };
