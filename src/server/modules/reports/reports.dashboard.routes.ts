/** The dashboard's route: `GET /api/reports/dashboard?orgId=` (docs/modules/web-reports.md). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DashboardQuery, DashboardResponse } from '../../../contract/reports.ts';
import { requireActor } from '../../http/auth-hook.ts';
import type { DashboardService } from './reports.dashboard.ts';

export const dashboardRoutes =
  (svc: DashboardService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/reports/dashboard',
      {
        schema: { tags: ['reports'], summary: 'Bảng điều khiển: số liệu chính của tổ chức', querystring: DashboardQuery, response: { 200: DashboardResponse } },
      },
      async (req) => svc.dashboard(requireActor(req), req.query),
    );
  };
