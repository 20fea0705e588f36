import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../clock.ts';
import { requireActor } from '../../http/auth-hook.ts';
import { forbidden } from '../../http/errors.ts';
import { NoQuery } from '../../../contract/common.ts';
import { canEditOrgs, canReorganize } from './orgs.policy.ts';
import {
  AsOfQuery,
  CataloguesKinds,
  CataloguesSectors,
  CreateOrgBody,
  DestinationQuery,
  DestinationResponse,
  DissolveOrgBody,
  MergeOrgsBody,
  MoveOrgBody,
  OrgDetailSchema,
  OrgHistoryResponse,
  OrgIdParams,
  OrgListResponse,
  OrgPageResponse,
  OrgPermissionsSchema,
  OrgSearchResponse,
  OrgTreeResponse,
  ReclassifyOrgBody,
  RenameOrgBody,
  ReorgApplyResponse,
  ReorgBody,
  ReorgPreviewSchema,
  SearchQuery,
  SplitOrgBody,
} from '../../../contract/orgs.ts';
import type { OrgsService } from './orgs.service.ts';
import { z } from 'zod';

export const orgsRoutes =
  (svc: OrgsService, clock: Clock): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['orgs'];
    const editor = (req: Parameters<typeof requireActor>[0]) => {
      const actor = requireActor(req);
      if (!canEditOrgs(actor)) throw forbidden();
      return actor;
    };

    app.get('/api/meta/org-kinds', { schema: { tags: ['meta'], querystring: NoQuery, response: { 200: CataloguesKinds } } }, async (req) => {
      requireActor(req);
      return (await svc.catalogues()).kinds;
    });
    app.get('/api/meta/sector-types', { schema: { tags: ['meta'], querystring: NoQuery, response: { 200: CataloguesSectors } } }, async (req) => {
      requireActor(req);
      return (await svc.catalogues()).sectors;
    });

    app.get(
      '/api/orgs/roots',
      { schema: { tags, summary: 'Tổ chức gốc trong phạm vi', querystring: AsOfQuery, response: { 200: OrgListResponse } } },
      async (req) => svc.roots(requireActor(req), req.query.asOf ?? clock.today()),
    );
    app.get(
      '/api/orgs/search',
      { schema: { tags, summary: 'Tìm tổ chức (không dấu)', querystring: SearchQuery, response: { 200: OrgSearchResponse } } },
      async (req) => svc.search(requireActor(req), req.query.q, req.query.asOf ?? clock.today(), req.query.limit),
    );
    app.get(
      '/api/orgs/destinations',
      {
        schema: {
          tags,
          summary: 'Tìm tổ chức nơi đến (chuyển sinh hoạt) trong toàn bộ cây tổ chức hiện nay',
          querystring: DestinationQuery,
          response: { 200: DestinationResponse },
        },
      },
      async (req) => svc.destinations(requireActor(req), req.query.q, req.query.limit),
    );
    app.get('/api/orgs/:id', { schema: { tags, params: OrgIdParams, querystring: AsOfQuery, response: { 200: OrgDetailSchema } } }, async (req) =>
      svc.detail(requireActor(req), req.params.id, req.query.asOf ?? clock.today()),
    );
    app.get('/api/orgs/:id/children', { schema: { tags, params: OrgIdParams, querystring: AsOfQuery, response: { 200: OrgListResponse } } }, async (req) =>
      svc.children(requireActor(req), req.params.id, req.query.asOf ?? clock.today()),
    );
    app.get(
      '/api/orgs/:id/page',
      {
        schema: {
          tags,
          summary: 'Trang tổ chức: thông tin, tổ chức trực thuộc và số đảng viên',
          params: OrgIdParams,
          querystring: AsOfQuery,
          response: { 200: OrgPageResponse },
        },
      },
      async (req) => svc.page(requireActor(req), req.params.id, req.query.asOf ?? clock.today()),
    );
    app.get('/api/orgs/:id/tree', { schema: { tags, params: OrgIdParams, querystring: AsOfQuery, response: { 200: OrgTreeResponse } } }, async (req) =>
      svc.tree(requireActor(req), req.params.id, req.query.asOf ?? clock.today()),
    );
    app.get(
      '/api/orgs/:id/permissions',
      { schema: { tags, summary: 'Người dùng được làm gì trên tổ chức', params: OrgIdParams, querystring: NoQuery, response: { 200: OrgPermissionsSchema } } },
      async (req) => svc.permissions(requireActor(req), req.params.id),
    );
    app.get('/api/orgs/:id/history', { schema: { tags, params: OrgIdParams, querystring: NoQuery, response: { 200: OrgHistoryResponse } } }, async (req) =>
      svc.history(requireActor(req), req.params.id),
    );

    app.post('/api/orgs', { schema: { tags, summary: 'Thành lập tổ chức', body: CreateOrgBody, response: { 201: OrgDetailSchema } } }, async (req, reply) => {
      const { parentId, ...rest } = req.body;
      const out = parentId === null ? await svc.createRoot(editor(req), rest) : await svc.create(editor(req), { ...rest, parentId });
      return reply.status(201).send(out);
    });
    app.post('/api/orgs/:id/rename', { schema: { tags, params: OrgIdParams, body: RenameOrgBody, response: { 200: OrgDetailSchema } } }, async (req) =>
      svc.rename(editor(req), req.params.id, req.body),
    );
    app.post('/api/orgs/:id/reclassify', { schema: { tags, params: OrgIdParams, body: ReclassifyOrgBody, response: { 200: OrgDetailSchema } } }, async (req) =>
      svc.reclassify(editor(req), req.params.id, req.body),
    );
    app.post('/api/orgs/:id/move', { schema: { tags, params: OrgIdParams, body: MoveOrgBody, response: { 200: OrgDetailSchema } } }, async (req) =>
      svc.move(editor(req), req.params.id, req.body),
    );
    app.post('/api/orgs/:id/dissolve', { schema: { tags, params: OrgIdParams, body: DissolveOrgBody, response: { 200: OrgDetailSchema } } }, async (req) =>
      svc.dissolve(editor(req), req.params.id, req.body),
    );
    app.post('/api/orgs/merge', { schema: { tags, body: MergeOrgsBody, response: { 200: OrgDetailSchema } } }, async (req) => svc.merge(editor(req), req.body));
    app.post(
      '/api/orgs/:id/split',
      { schema: { tags, params: OrgIdParams, body: SplitOrgBody, response: { 200: z.object({ items: z.array(OrgDetailSchema) }) } } },
      async (req) => svc.split(editor(req), req.params.id, req.body),
    );

    const reorganizer = (req: Parameters<typeof requireActor>[0]) => {
      const actor = requireActor(req);
      if (!canReorganize(actor)) throw forbidden();
      return actor;
    };
    app.post(
      '/api/reorganizations/preview',
      { schema: { tags, summary: 'Xem trước sắp xếp tổ chức', body: ReorgBody, response: { 200: ReorgPreviewSchema } } },
      async (req) => svc.previewReorganization(reorganizer(req), req.body),
    );
    app.post(
      '/api/reorganizations/apply',
      { schema: { tags, summary: 'Áp dụng sắp xếp tổ chức', body: ReorgBody, response: { 200: ReorgApplyResponse } } },
      async (req) => svc.applyReorganization(reorganizer(req), req.body),
    );
  };
