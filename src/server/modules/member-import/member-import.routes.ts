/**
 * Routes of the member import (multipart upload, preview, commit, progress) and export. Multipart parsing is
 * registered inside this plugin only: every other route of the API still takes JSON alone.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { NoQuery } from '../../../contract/common.ts';
import { refuseNulIn } from '../../http/text-guard.ts';
import { ExportQuery, ImportIdParams, ImportView, ImportViewQuery, PreviewQuery } from '../../../contract/member-import.ts';
import type { MemberImportService } from './member-import.service.ts';
import { XLSX_MIME } from '../../office/mime.ts';

/** Multipart framing around the file: boundaries, part headers. */
const FRAMING_BYTES = 64 * 1024;

export const memberImportRoutes =
  (svc: MemberImportService, opts: { maxMb: number }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['members'];
    const maxBytes = opts.maxMb * 1024 * 1024;
    const tooLarge = () =>
      new AppError(413, 'PAYLOAD_TOO_LARGE', `Tệp quá lớn: tối đa ${opts.maxMb} MB. Hãy chia danh sách thành nhiều tệp.`, [
        { field: 'file', message: `Tối đa ${opts.maxMb} MB.` },
      ]);
    await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 12, headerPairs: 100 } });

    app.get('/api/members/import/template', { schema: { tags, summary: 'Tải tệp mẫu nhập danh sách đảng viên', querystring: NoQuery } }, async (req, reply) => {
      const buf = await svc.template(requireActor(req));
      return reply.header('content-type', XLSX_MIME).header('content-disposition', 'attachment; filename="mau-nhap-dang-vien.xlsx"').send(buf);
    });

    app.post(
      '/api/members/import/preview',
      { schema: { tags, summary: 'Tải lên tệp xlsx/CSV và xem trước', querystring: PreviewQuery, response: { 200: ImportView } } },
      async (req) => {
        const actor = requireActor(req);
        if (!req.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Hãy gửi tệp dưới dạng multipart/form-data (trường «file»).');
        if (Number(req.headers['content-length']) > maxBytes + FRAMING_BYTES) throw tooLarge();
        let bytes: Buffer;
        let fileName: string;
        try {
          const part = await req.file();
          if (!part) throw invalid('file', 'Chưa chọn tệp để nhập.');
          fileName = part.filename;
          bytes = await part.toBuffer();
          refuseNulIn(fileName, 'file');
        } catch (e) {
          if (e instanceof AppError) throw e;
          const code = (e as { code?: string }).code;
          if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
          if (code === 'FST_FILES_LIMIT') throw invalid('file', 'Chỉ gửi một tệp mỗi lần.');
          throw invalid('file', 'Tải tệp lên không thành công (dữ liệu multipart không hợp lệ). Hãy thử lại.');
        }
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
