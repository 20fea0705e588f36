/**
 * Routes of the member dossier: the list, the upload (multipart/form-data: one file and its fields) and the download
 * of one version. There is no delete and no update: a document is replaced only by uploading its next version, and the
 * earlier versions stay readable. Multipart parsing is registered inside this plugin only.
 */
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { asciiFileName } from '../../../domain/member-documents.ts';
import { requireActor } from '../../http/auth-hook.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { NoQuery } from '../../../contract/common.ts';
import { refuseNulIn } from '../../http/text-guard.ts';
import { requireMemberEditor } from '../members/members.policy.ts';
import { DocumentFileParams, DocumentListResponse, DocumentSchema, MemberDocumentsParams, UploadFields } from '../../../contract/member-documents.ts';
import { contentDisposition } from '../../office/download.ts';
import type { MemberDocumentsService } from './member-documents.service.ts';

/** Multipart framing and the text fields around the file. */
const FRAMING_BYTES = 64 * 1024;

export const memberDocumentsRoutes =
  (svc: MemberDocumentsService, opts: { maxMb: number }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['members'];
    const maxBytes = opts.maxMb * 1024 * 1024;
    const tooLarge = () =>
      new AppError(413, 'PAYLOAD_TOO_LARGE', `Tệp quá lớn: tối đa ${opts.maxMb} MB. Hãy quét lại với độ phân giải thấp hơn hoặc tách thành nhiều tệp.`, [
        { field: 'file', message: `Tối đa ${opts.maxMb} MB.` },
      ]);
    await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 8 * 1024, parts: 21, headerPairs: 100 } });

    app.get(
      '/api/members/:id/documents',
      {
        schema: {
          tags,
          summary: 'Hồ sơ, tài liệu của đảng viên (mọi phiên bản)',
          params: MemberDocumentsParams,
          querystring: NoQuery,
          response: { 200: DocumentListResponse },
        },
      },
      async (req) => svc.list(requireActor(req), req.params.id, opts.maxMb),
    );

    app.post(
      '/api/members/:id/documents',
      {
        schema: {
          tags,
          summary: 'Tải lên tài liệu hồ sơ (multipart: file, docType, title, certifiedBy, certifiedOn, note); cùng loại và tên là phiên bản mới',
          params: MemberDocumentsParams,
          querystring: NoQuery,
          response: { 201: DocumentSchema },
        },
      },
      async (req, reply) => {
        const actor = requireMemberEditor(requireActor(req));
        if (!req.isMultipart())
          throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Hãy gửi tài liệu dưới dạng multipart/form-data (trường «file» và các thông tin kèm theo).');
        if (Number(req.headers['content-length']) > maxBytes + FRAMING_BYTES) throw tooLarge();
        const fields: Record<string, string> = {};
        let file: { fileName: string; bytes: Buffer } | null = null;
        try {
          for await (const part of req.parts()) {
            refuseNulIn(part.fieldname, part.type === 'file' ? 'file' : 'body');
            if (part.type === 'file') {
              if (part.fieldname !== 'file') throw invalid(part.fieldname, 'Tệp phải gửi trong trường «file».');
              file = { fileName: part.filename, bytes: await (part as MultipartFile).toBuffer() };
              refuseNulIn(file.fileName, 'file');
            } else {
              if (part.valueTruncated || part.fieldnameTruncated) throw invalid(part.fieldname, 'Thông tin gửi kèm quá dài.');
              if (part.fieldname in fields) throw invalid(part.fieldname, 'Trường này được gửi nhiều lần.');
              const value = typeof part.value === 'string' ? part.value : String(part.value);
              refuseNulIn(value, part.fieldname);
              fields[part.fieldname] = value;
            }
          }
        } catch (e) {
          if (e instanceof AppError) throw e;
          const code = (e as { code?: string }).code;
          if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
          if (code === 'FST_FILES_LIMIT') throw invalid('file', 'Chỉ gửi một tệp mỗi lần.');
          if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw invalid('file', 'Quá nhiều trường thông tin gửi kèm.');
          throw invalid('file', 'Tải tệp lên không thành công (dữ liệu multipart không hợp lệ). Hãy thử lại.');
        }
        const parsed = UploadFields.safeParse(fields);
        if (!parsed.success) {
          const details = parsed.error.issues.map((i) => ({
            field: (i.code === 'unrecognized_keys' ? i.keys : i.path).join('.') || 'body',
            message: i.message,
          }));
          throw new AppError(400, 'VALIDATION_ERROR', `Dữ liệu không hợp lệ: ${details[0]!.field}: ${details[0]!.message}`, details);
        }
        if (!file) throw invalid('file', 'Chưa chọn tệp tài liệu để tải lên.');
        return reply.status(201).send(await svc.upload(actor, req.params.id, file, parsed.data));
      },
    );

    app.get(
      '/api/members/:id/documents/:documentId/file',
      { schema: { tags, summary: 'Tải về một phiên bản của tài liệu hồ sơ', params: DocumentFileParams, querystring: NoQuery } },
      async (req, reply) => {
        const d = await svc.download(requireActor(req), req.params.id, req.params.documentId);
        return reply
          .header('content-type', d.mime)
          .header('content-length', d.size)
          .header('content-disposition', contentDisposition({ utf8: d.fileName, ascii: asciiFileName(d.fileName) }))
          .header('cache-control', 'private, no-store')
          .header('etag', `"${d.sha256}"`)
          .send(d.stream);
      },
    );
  };
