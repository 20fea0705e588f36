/**
 * Routes of the member dossier: the list, the upload (multipart/form-data: one file and its fields) and the download
 * of one version. There is no delete and no update: a document is replaced only by uploading its next version, and the
 * earlier versions stay readable. Multipart parsing is registered inside this plugin only.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { asciiFileName } from '../../../domain/member-documents.ts';
import { requireActor } from '../../http/auth-hook.ts';
import { NoQuery } from '../../../contract/common.ts';
import { multipartFields, uploadedFile } from '../../http/upload.ts';
import { requireMemberEditor } from '../members/members.policy.ts';
import { DocumentFileParams, DocumentListResponse, DocumentSchema, MemberDocumentsParams, UploadFields } from '../../../contract/member-documents.ts';
import { contentDisposition } from '../../office/download.ts';
import type { MemberDocumentsService } from './member-documents.service.ts';

export const memberDocumentsRoutes =
  (svc: MemberDocumentsService, opts: { maxMb: number }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['members'];
    await app.register(multipart, { limits: { fileSize: opts.maxMb * 1024 * 1024, files: 1, fields: 20, fieldSize: 8 * 1024, parts: 21, headerPairs: 100 } });

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
        const { fileName, bytes, fields } = await uploadedFile(req, {
          maxMb: opts.maxMb,
          noFile: 'Chưa chọn tệp tài liệu để tải lên.',
          tooLargeHint: 'Hãy quét lại với độ phân giải thấp hơn hoặc tách thành nhiều tệp.',
          notMultipart: 'Hãy gửi tài liệu dưới dạng multipart/form-data (trường «file» và các thông tin kèm theo).',
          fields: multipartFields(UploadFields),
        });
        return reply.status(201).send(await svc.upload(actor, req.params.id, { fileName, bytes }, fields));
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
