/**
 * The exports of a report (issue 14 part 6): `GET /api/reports/export.{xlsx,docx,pdf}` with the page's query (and
 * `table` for one table), `GET /api/reports/submissions/:id/export.{xlsx,docx,pdf}` for a submitted report as
 * submitted. Attachments with the Vietnamese file name and its ASCII twin.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { IdParams } from '../../../contract/common.ts';
import { EXPORT_FORMATS, ReportExportQuery, SubmissionExportQuery } from '../../../contract/reports.submissions.ts';
import { requireActor } from '../../http/auth-hook.ts';
import type { ExportFile, ReportExportsService } from './reports.export.ts';

const FORMAT_NAMES = { xlsx: 'Excel', docx: 'Word (thể thức văn bản của Đảng)', pdf: 'PDF' } as const;

const send = (reply: FastifyReply, f: ExportFile) =>
  reply.header('content-type', f.mime).header('content-disposition', f.contentDisposition).header('cache-control', 'no-store').send(f.bytes);

export const reportExportsRoutes =
  (svc: ReportExportsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['reports'];
    for (const format of EXPORT_FORMATS) {
      app.get(
        `/api/reports/export.${format}`,
        { schema: { tags, summary: `Xuất báo cáo (cả báo cáo hoặc một bảng) ra ${FORMAT_NAMES[format]}`, querystring: ReportExportQuery } },
        async (req, reply) => send(reply, await svc.live(requireActor(req), req.query, format)),
      );
      app.get(
        `/api/reports/submissions/:id/export.${format}`,
        {
          schema: {
            tags,
            summary: `Xuất báo cáo đã gửi (số liệu như khi gửi) ra ${FORMAT_NAMES[format]}`,
            params: IdParams,
            querystring: SubmissionExportQuery,
          },
        },
        async (req, reply) => send(reply, await svc.submitted(requireActor(req), req.params.id, req.query.table, format)),
      );
    }
  };
