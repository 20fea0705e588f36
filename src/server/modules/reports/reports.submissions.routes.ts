/** Submitted reports (issue 14 part 4): submit, list, read one with its differences, the subordinates' status. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, NoQuery } from '../../../contract/common.ts';
import {
  ReportSubmissionDetail,
  ReportSubmissionListQuery,
  ReportSubmissionListResponse,
  ReportSubmissionStatusQuery,
  ReportSubmissionStatusResponse,
  ReportSubmissionSummary,
  SubmitReportBody,
} from '../../../contract/reports.submissions.ts';
import { requireActor } from '../../http/auth-hook.ts';
import type { ReportSubmissionsService } from './reports.submissions.ts';

export const reportSubmissionsRoutes =
  (svc: ReportSubmissionsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['reports'];
    app.post(
      '/api/reports/submissions',
      {
        schema: {
          tags,
          summary: 'Gửi báo cáo của một tổ chức cho một ngày hoặc một kỳ (lưu số liệu như khi gửi)',
          querystring: NoQuery,
          body: SubmitReportBody,
          response: { 201: ReportSubmissionSummary },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.submit(requireActor(req), req.body)),
    );
    app.get(
      '/api/reports/submissions',
      {
        schema: {
          tags,
          summary: 'Các báo cáo đã gửi của một tổ chức',
          querystring: ReportSubmissionListQuery,
          response: { 200: ReportSubmissionListResponse },
        },
      },
      async (req) => svc.list(requireActor(req), req.query),
    );
    app.get(
      '/api/reports/submissions/status',
      {
        schema: {
          tags,
          summary: 'Các tổ chức trực thuộc đã gửi báo cáo kỳ này hay chưa',
          querystring: ReportSubmissionStatusQuery,
          response: { 200: ReportSubmissionStatusResponse },
        },
      },
      async (req) => svc.status(requireActor(req), req.query),
    );
    app.get(
      '/api/reports/submissions/:id',
      {
        schema: {
          tags,
          summary: 'Một báo cáo đã gửi: số liệu đã gửi và số liệu hiện nay ở những ô khác',
          params: IdParams,
          querystring: NoQuery,
          response: { 200: ReportSubmissionDetail },
        },
      },
      async (req) => svc.get(requireActor(req), req.params.id),
    );
  };
