import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook.ts';
import { NoQuery } from '../../../contract/common.ts';
import { requireMemberEditor } from '../members/members.policy.ts';
import { MemberIdParams } from '../../../contract/members.ts';
import { MemberRecordSchema, RecordBody, RecordListQuery, RecordListResponse, RecordParams, RevealRecordsBody } from '../../../contract/member-records.ts';
import type { MemberRecordsService } from './member-records.service.ts';

export const memberRecordsRoutes =
  (svc: MemberRecordsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['members'];
    const editor = (req: Parameters<typeof requireActor>[0]) => requireMemberEditor(requireActor(req));
    app.get(
      '/api/members/:id/records',
      {
        schema: {
          tags,
          summary: 'Quá trình công tác, đào tạo, đi nước ngoài, khen thưởng (không gồm mục nhạy cảm)',
          params: MemberIdParams,
          querystring: RecordListQuery,
          response: { 200: RecordListResponse },
        },
      },
      async (req) => svc.list(requireActor(req), req.params.id, req.query.kind),
    );
    app.post(
      '/api/members/:id/records/reveal',
      {
        schema: {
          tags,
          summary: 'Xem quan hệ gia đình hoặc lịch sử chính trị (ghi nhật ký)',
          params: MemberIdParams,
          querystring: NoQuery,
          body: RevealRecordsBody,
          response: { 200: RecordListResponse },
        },
      },
      async (req) => svc.reveal(requireActor(req), req.params.id, req.body.kind),
    );
    app.post(
      '/api/members/:id/records',
      {
        schema: {
          tags,
          summary: 'Thêm một mục vào hồ sơ đảng viên',
          params: MemberIdParams,
          querystring: NoQuery,
          body: RecordBody,
          response: { 201: MemberRecordSchema },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.create(editor(req), req.params.id, req.body)),
    );
    app.patch(
      '/api/members/:id/records/:recordId',
      {
        schema: {
          tags,
          summary: 'Sửa một mục của hồ sơ đảng viên',
          params: RecordParams,
          querystring: NoQuery,
          body: RecordBody,
          response: { 200: MemberRecordSchema },
        },
      },
      async (req) => svc.update(editor(req), req.params.id, req.params.recordId, req.body),
    );
    app.delete(
      '/api/members/:id/records/:recordId',
      { schema: { tags, summary: 'Xóa một mục của hồ sơ đảng viên', params: RecordParams, querystring: NoQuery } },
      async (req, reply) => {
        await svc.remove(editor(req), req.params.id, req.params.recordId);
        return reply.status(204).send();
      },
    );
  };
