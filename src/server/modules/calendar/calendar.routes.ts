import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook.ts';
import { NoQuery } from '../../../contract/common.ts';
import { AdjustmentBody, AdjustmentParams, CalendarQuery, CalendarYearResponse } from '../../../contract/calendar.ts';
import type { CalendarService } from './calendar.service.ts';

export const calendarRoutes =
  (svc: CalendarService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['calendar'];
    app.get(
      '/api/calendar',
      { schema: { tags, summary: 'Lịch làm việc của một năm', querystring: CalendarQuery, response: { 200: CalendarYearResponse } } },
      async (req) => svc.year(requireActor(req), req.query.year),
    );
    app.put(
      '/api/calendar/adjustments/:date',
      {
        schema: {
          tags,
          summary: 'Điều chỉnh một ngày của lịch làm việc',
          params: AdjustmentParams,
          querystring: NoQuery,
          body: AdjustmentBody,
          response: { 200: CalendarYearResponse },
        },
      },
      async (req) => svc.put(requireActor(req), req.params.date, req.body),
    );
    app.delete(
      '/api/calendar/adjustments/:date',
      { schema: { tags, summary: 'Bỏ điều chỉnh của một ngày', params: AdjustmentParams, querystring: NoQuery, response: { 200: CalendarYearResponse } } },
      async (req) => svc.remove(requireActor(req), req.params.date),
    );
  };
