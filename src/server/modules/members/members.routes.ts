import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook.ts';
import { forbidden } from '../../http/errors.ts';
import { NoQuery } from '../../http/schemas.ts';
import { canEditMembers } from './members.policy.ts';
import {
  CataloguesResponse,
  CreateMemberBody,
  MemberFileSchema,
  MemberIdParams,
  MemberListQuery,
  MemberListResponse,
  RevealResponse,
  UpdateMemberBody,
} from './members.schemas.ts';
import type { MembersService } from './members.service.ts';

export const membersRoutes =
  (svc: MembersService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['members'];
    const editor = (req: Parameters<typeof requireActor>[0]) => {
      const actor = requireActor(req);
      if (!canEditMembers(actor)) throw forbidden('Bạn không có quyền cập nhật hồ sơ đảng viên.');
      return actor;
    };
    app.get('/api/meta/catalogues', { schema: { tags: ['meta'], querystring: NoQuery, response: { 200: CataloguesResponse } } }, async (req) => {
      requireActor(req);
      return svc.catalogues();
    });
    app.get('/api/members', { schema: { tags, summary: 'Danh sách, tìm kiếm đảng viên', querystring: MemberListQuery, response: { 200: MemberListResponse } } }, async (req) =>
      svc.list(requireActor(req), req.query),
    );
    app.post('/api/members', { schema: { tags, summary: 'Thêm hồ sơ đảng viên', body: CreateMemberBody, response: { 201: MemberFileSchema } } }, async (req, reply) =>
      reply.status(201).send(await svc.create(editor(req), req.body)),
    );
    app.get('/api/members/:id', { schema: { tags, params: MemberIdParams, querystring: NoQuery, response: { 200: MemberFileSchema } } }, async (req) =>
      svc.get(requireActor(req), req.params.id),
    );
    app.patch('/api/members/:id', { schema: { tags, params: MemberIdParams, body: UpdateMemberBody, response: { 200: MemberFileSchema } } }, async (req) =>
      svc.update(editor(req), req.params.id, req.body),
    );
    app.post('/api/members/:id/reveal-cccd', { schema: { tags, summary: 'Xem số CCCD (ghi nhật ký)', params: MemberIdParams, response: { 200: RevealResponse } } }, async (req) =>
      svc.revealCccd(requireActor(req), req.params.id),
    );
  };
