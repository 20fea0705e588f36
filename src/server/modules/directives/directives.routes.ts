import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hook.ts';
import { IdParams, NoQuery } from '../../../contract/common.ts';
import {
  CreateDirectiveBody,
  CreateTaskBody,
  CreateTopicBody,
  DirectiveListQuery,
  DirectiveListResponse,
  DirectiveQueueResponse,
  DirectiveSchema,
  DueSharesQuery,
  DueSharesResponse,
  ProgrammeListResponse,
  ProgressResponse,
  ReportBody,
  ShareResponse,
  SplitBody,
} from '../../../contract/directives.ts';
import { DIRECTIVE_DOCUMENTS } from './directives.docx.ts';
import type { DirectivesService } from './directives.service.ts';

const DocumentQuery = z.strictObject({ kind: z.enum(DIRECTIVE_DOCUMENTS, { message: 'Loại văn bản cần tải không hợp lệ.' }).default('plan') });

export const directivesRoutes =
  (svc: DirectivesService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['directives'];
    app.get(
      '/api/directives',
      {
        schema: {
          tags,
          summary: 'Văn bản chỉ đạo (tìm theo số, ký hiệu, từ không dấu)',
          querystring: DirectiveListQuery,
          response: { 200: DirectiveListResponse },
        },
      },
      async (req) => svc.list(requireActor(req), req.query),
    );
    app.post(
      '/api/directives',
      { schema: { tags, summary: 'Ghi nhận văn bản chỉ đạo', body: CreateDirectiveBody, response: { 201: DirectiveSchema } } },
      async (req, reply) => reply.status(201).send(await svc.create(requireActor(req), req.body)),
    );
    app.get(
      '/api/directives/work-queue',
      { schema: { tags, summary: 'Nhiệm vụ quá hạn, sắp đến hạn', querystring: NoQuery, response: { 200: DirectiveQueueResponse } } },
      async (req) => svc.workQueue(requireActor(req)),
    );
    app.get(
      '/api/directives/programmes',
      { schema: { tags, summary: 'Chương trình và các chuyên đề', querystring: NoQuery, response: { 200: ProgrammeListResponse } } },
      async (req) => svc.programmes(requireActor(req)),
    );
    app.get(
      '/api/directives/due-shares',
      {
        schema: {
          tags,
          summary: 'Nhiệm vụ có hạn trong kỳ của các đơn vị (danh sách sau một ô của bảng báo cáo)',
          querystring: DueSharesQuery,
          response: { 200: DueSharesResponse },
        },
      },
      async (req) => svc.dueShares(requireActor(req), req.query),
    );
    app.get(
      '/api/directives/:id',
      { schema: { tags, summary: 'Văn bản chỉ đạo và nhiệm vụ', params: IdParams, querystring: NoQuery, response: { 200: DirectiveSchema } } },
      async (req) => svc.view(requireActor(req), req.params.id),
    );
    app.get(
      '/api/directives/:id/progress',
      { schema: { tags, summary: 'Tiến độ thực hiện theo đơn vị', params: IdParams, querystring: NoQuery, response: { 200: ProgressResponse } } },
      async (req) => svc.progress(requireActor(req), req.params.id),
    );
    app.get(
      '/api/directives/:id/document.docx',
      { schema: { tags, summary: 'Tải kế hoạch hoặc báo cáo kết quả thực hiện (Word)', params: IdParams, querystring: DocumentQuery } },
      async (req, reply) => {
        const doc = await svc.document(requireActor(req), req.params.id, req.query.kind);
        return reply.header('content-type', doc.mime).header('content-disposition', doc.contentDisposition).header('cache-control', 'no-store').send(doc.bytes);
      },
    );
    app.post(
      '/api/directives/:id/tasks',
      { schema: { tags, summary: 'Giao nhiệm vụ cho các đơn vị', params: IdParams, body: CreateTaskBody, response: { 200: DirectiveSchema } } },
      async (req) => svc.addTask(requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/api/directives/:id/topics',
      {
        schema: {
          tags,
          summary: 'Thêm chuyên đề, đề tài, đề án của chương trình',
          params: IdParams,
          body: CreateTopicBody,
          response: { 200: DirectiveSchema },
        },
      },
      async (req) => svc.addTopic(requireActor(req), req.params.id, req.body),
    );
    app.get(
      '/api/directives/shares/:id',
      {
        schema: { tags, summary: 'Nhiệm vụ được giao của một đơn vị và các báo cáo', params: IdParams, querystring: NoQuery, response: { 200: ShareResponse } },
      },
      async (req) => svc.share(requireActor(req), req.params.id),
    );
    app.post(
      '/api/directives/shares/:id/split',
      { schema: { tags, summary: 'Phân công tiếp cho các đơn vị trực thuộc', params: IdParams, body: SplitBody, response: { 200: ShareResponse } } },
      async (req) => svc.split(requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/api/directives/shares/:id/reports',
      { schema: { tags, summary: 'Báo cáo kết quả thực hiện nhiệm vụ', params: IdParams, body: ReportBody, response: { 200: ShareResponse } } },
      async (req) => svc.report(requireActor(req), req.params.id, req.body),
    );
  };
