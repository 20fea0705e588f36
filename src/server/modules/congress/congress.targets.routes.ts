import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook.ts';
import { IdParams, NoQuery } from '../../../contract/common.ts';
import { CreateTargetBody, SetActualsBody, TermTargetsResponse } from '../../../contract/congress.targets.ts';
import type { TermTargetsService } from './congress.targets.ts';

/** The term targets (issue 17 part 6): the page of a term's targets, a new target, the yearly actuals of a hand-entered one. */
export const termTargetsRoutes =
  (svc: TermTargetsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['congress'];
    app.get(
      '/api/congress/terms/:id/targets',
      {
        schema: {
          tags,
          summary: 'Chỉ tiêu nhiệm kỳ: thực hiện từng năm, tiến độ cần đạt, cảnh báo',
          params: IdParams,
          querystring: NoQuery,
          response: { 200: TermTargetsResponse },
        },
      },
      async (req) => svc.page(requireActor(req), req.params.id),
    );
    app.post(
      '/api/congress/terms/:id/targets',
      { schema: { tags, summary: 'Ghi chỉ tiêu của nghị quyết đại hội', params: IdParams, body: CreateTargetBody, response: { 201: TermTargetsResponse } } },
      async (req, reply) => reply.status(201).send(await svc.add(requireActor(req), req.params.id, req.body)),
    );
    app.patch(
      '/api/congress/targets/:id/actuals',
      {
        schema: {
          tags,
          summary: 'Nhập số liệu thực hiện từng năm của chỉ tiêu',
          params: IdParams,
          body: SetActualsBody,
          response: { 200: TermTargetsResponse },
        },
      },
      async (req) => svc.setActuals(requireActor(req), req.params.id, req.body),
    );
  };
