/**
 * Routes of the member import (multipart upload, preview, commit, progress) and export. Multipart parsing is
 * registered inside this plugin only: every other route of the API still takes JSON alone.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook.ts';
import { NoQuery } from '../../../contract/common.ts';
import { uploadedFile } from '../../http/upload.ts';
import { ExportQuery, ImportIdParams, ImportView, ImportViewQuery, PreviewQuery } from '../../../contract/member-import.ts';
import type { MemberImportService } from './member-import.service.ts';
import { XLSX_MIME } from '../../office/mime.ts';

const TOO_LARGE_HINT = 'Hãy chia danh sách thành nhiều tệp.';

export const memberImportRoutes =
  (svc: MemberImportService, opts: { maxMb: number }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['members'];
    await app.register(multipart, { limits: { fileSize: opts.maxMb * 1024 * 1024, files: 1, fields: 10, parts: 12, headerPairs: 100 } });

    app.get('/api/members/import/template', { schema: { tags, summary: 'Tải tệp mẫu nhập danh sách đảng viên', querystring: NoQuery } }, async (req, reply) => {
      const buf = await svc.template(requireActor(req));
      return reply.header('content-type', XLSX_MIME).header('content-disposition', 'attachment; filename="mau-nhap-dang-vien.xlsx"').send(buf);
    });

    app.post(
      '/api/members/import/preview',
      { schema: { tags, summary: 'Tải lên tệp xlsx/CSV và xem trước', querystring: PreviewQuery, response: { 200: ImportView } } },
      async (req) => {
        const actor = requireActor(req);
        const { fileName, bytes } = await uploadedFile(req, { maxMb: opts.maxMb, noFile: 'Chưa chọn tệp để nhập.', tooLargeHint: TOO_LARGE_HINT });
        return svc.preview(actor, { fileName, bytes }, { importId: req.query.importId });
      },
    );

    app.get(
      '/api/members/import/:id',
      {
        schema: {
          tags,
          summary: 'Kết quả xem trước và tiến độ của một lượt nhập',
          params: ImportIdParams,
          querystring: ImportViewQuery,
          response: { 200: ImportView },
        },
      },
      async (req) => svc.get(requireActor(req), req.params.id, req.query),
    );

    app.post(
      '/api/members/import/:id/commit',
      {
        schema: {
          tags,
          summary: 'Ghi lượt nhập vào hồ sơ (tất cả hoặc không gì)',
          params: ImportIdParams,
          querystring: NoQuery,
          response: { 200: ImportView },
        },
      },
      async (req) => svc.commit(requireActor(req), req.params.id),
    );

    app.get('/api/members/export.xlsx', { schema: { tags, summary: 'Xuất danh sách đảng viên ra Excel', querystring: ExportQuery } }, async (req, reply) => {
      const { stream, fileName } = await svc.exportXlsx(requireActor(req), req.query);
      return reply.header('content-type', XLSX_MIME).header('content-disposition', `attachment; filename="${fileName}"`).send(stream);
    });
  };
