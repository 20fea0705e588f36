import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook.ts';
import { NoQuery } from '../../../contract/common.ts';
import { requireMemberEditor } from './members.policy.ts';
import {
  BadgeAwardBody,
  BadgeExportQuery,
  BadgeListQuery,
  BadgeListResponse,
  BadgeStandingBody,
  DisciplineBody,
  IncomingTransfersResponse,
  MemberEventBody,
  CataloguesResponse,
  CreateMemberBody,
  MemberFileSchema,
  MemberIdParams,
  MemberListQuery,
  MemberListResponse,
  RevealResponse,
  UpdateMemberBody,
} from '../../../contract/members.ts';
import type { MembersService } from './members.service.ts';
import { XLSX_MIME } from '../../office/mime.ts';

export const membersRoutes =
  (svc: MembersService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['members'];
    const editor = (req: Parameters<typeof requireActor>[0]) => requireMemberEditor(requireActor(req));
    app.get('/api/meta/catalogues', { schema: { tags: ['meta'], querystring: NoQuery, response: { 200: CataloguesResponse } } }, async (req) => {
      requireActor(req);
      return svc.catalogues();
    });
    app.get(
      '/api/members',
      { schema: { tags, summary: 'Danh sách, tìm kiếm đảng viên', querystring: MemberListQuery, response: { 200: MemberListResponse } } },
      async (req) => svc.list(requireActor(req), req.query),
    );
    app.post(
      '/api/members',
      { schema: { tags, summary: 'Thêm hồ sơ đảng viên', body: CreateMemberBody, response: { 201: MemberFileSchema } } },
      async (req, reply) => reply.status(201).send(await svc.create(editor(req), req.body)),
    );
    app.get('/api/members/:id', { schema: { tags, params: MemberIdParams, querystring: NoQuery, response: { 200: MemberFileSchema } } }, async (req) =>
      svc.get(requireActor(req), req.params.id),
    );
    app.patch('/api/members/:id', { schema: { tags, params: MemberIdParams, body: UpdateMemberBody, response: { 200: MemberFileSchema } } }, async (req) =>
      svc.update(editor(req), req.params.id, req.body),
    );
    app.post(
      '/api/members/:id/events',
      { schema: { tags, summary: 'Ghi nhận biến động của đảng viên', params: MemberIdParams, body: MemberEventBody, response: { 200: MemberFileSchema } } },
      async (req) => svc.addEvent(editor(req), req.params.id, req.body),
    );
    app.post(
      '/api/members/:id/disciplines',
      { schema: { tags, summary: 'Ghi nhận kỷ luật', params: MemberIdParams, body: DisciplineBody, response: { 200: MemberFileSchema } } },
      async (req) => svc.addDiscipline(editor(req), req.params.id, req.body),
    );
    app.post(
      '/api/members/:id/badges',
      { schema: { tags, summary: 'Ghi nhận trao Huy hiệu Đảng', params: MemberIdParams, body: BadgeAwardBody, response: { 200: MemberFileSchema } } },
      async (req) => svc.awardBadge(editor(req), req.params.id, req.body),
    );
    app.put(
      '/api/members/:id/badge-standing',
      {
        schema: {
          tags,
          summary: 'Ghi nhận ốm đau nặng, đề nghị truy tặng Huy hiệu Đảng',
          params: MemberIdParams,
          body: BadgeStandingBody,
          response: { 200: MemberFileSchema },
        },
      },
      async (req) => svc.setBadgeStanding(editor(req), req.params.id, req.body),
    );
    app.get(
      '/api/transfers/incoming',
      { schema: { tags, summary: 'Đảng viên đang chuyển đến', querystring: NoQuery, response: { 200: IncomingTransfersResponse } } },
      async (req) => svc.incomingTransfers(requireActor(req)),
    );
    app.get(
      '/api/badges',
      { schema: { tags, summary: 'Danh sách xét tặng Huy hiệu Đảng', querystring: BadgeListQuery, response: { 200: BadgeListResponse } } },
      async (req) => svc.badgeList(requireActor(req), req.query),
    );
    app.get(
      '/api/badges/export.xlsx',
      { schema: { tags, summary: 'Xuất danh sách xét tặng Huy hiệu Đảng ra Excel', querystring: BadgeExportQuery } },
      async (req, reply) => {
        const { buffer, fileName } = await svc.badgeListXlsx(requireActor(req), req.query);
        return reply.header('content-type', XLSX_MIME).header('content-disposition', `attachment; filename="${fileName}"`).send(buffer);
      },
    );
    app.post(
      '/api/members/:id/reveal-cccd',
      { schema: { tags, summary: 'Xem số CCCD (ghi nhật ký)', params: MemberIdParams, response: { 200: RevealResponse } } },
      async (req) => svc.revealCccd(requireActor(req), req.params.id),
    );
  };
