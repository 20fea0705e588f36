import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook.ts';
import { AuditListResponse, AuditQuery } from '../../../contract/audit.ts';
import type { createAuditService } from './audit.service.ts';

export const auditRoutes =
  (svc: ReturnType<typeof createAuditService>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/audit',
      { schema: { tags: ['audit'], summary: 'Nhật ký thao tác', querystring: AuditQuery, response: { 200: AuditListResponse } } },
      async (req) => svc.list(requireActor(req), req.query),
    );
  };
