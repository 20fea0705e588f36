/**
 * Routes of cell meetings. Every body is validated by its contract schema (Vietnamese messages); writes need the
 * meeting's organisation's own officers (meetings.policy.ts). Multipart is registered only for the sheet preview.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { NoQuery } from '../../../contract/common.ts';
import {
  AttendanceBody,
  AttendancePreviewResponse,
  CreateMeetingBody,
  DocumentBody,
  DocumentSendBody,
  MeetingDetailSchema,
  MeetingDocumentParams,
  MeetingDocxQuery,
  MeetingFileFields,
  MeetingListQuery,
  MeetingListResponse,
  MeetingParams,
  TaskBody,
  TaskParams,
  TaskUpdateBody,
  UpdateMeetingBody,
} from '../../../contract/meetings.ts';
import { requireActor } from '../../http/auth-hook.ts';
import { multipartFields, uploadedFile } from '../../http/upload.ts';
import { sendStoredFile } from '../../office/download.ts';
import type { MeetingsService } from './meetings.service.ts';

export const meetingsRoutes =
  (svc: MeetingsService, opts: { maxMb: number; documentMaxMb: number } = { maxMb: 20, documentMaxMb: 20 }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['meetings'];
    const detail = { 200: MeetingDetailSchema };
    await app.register(async (sub) => {
      await sub.register(multipart, { limits: { fileSize: opts.maxMb * 1024 * 1024, files: 1, fields: 5, parts: 6, headerPairs: 100 } });
      sub.withTypeProvider<ZodTypeProvider>().post(
        '/api/meetings/:id/attendance/preview',
        {
          schema: {
            tags,
            summary: 'Xem trước bảng điểm danh (xlsx/CSV: Họ và tên, Tình trạng, Lý do)',
            params: MeetingParams,
            querystring: NoQuery,
            response: { 200: AttendancePreviewResponse },
          },
        },
        async (req) =>
          svc.previewAttendance(requireActor(req), req.params.id, (await uploadedFile(req, { maxMb: opts.maxMb, noFile: 'Chưa chọn tệp điểm danh.' })).bytes),
      );
    });
    // The meeting's files: their own multipart limit, that of the member dossier's documents.
    await app.register(async (sub) => {
      await sub.register(multipart, {
        limits: { fileSize: opts.documentMaxMb * 1024 * 1024, files: 1, fields: 5, fieldSize: 8 * 1024, parts: 6, headerPairs: 100 },
      });
      sub.withTypeProvider<ZodTypeProvider>().post(
        '/api/meetings/:id/files',
        {
          schema: {
            tags,
            summary: 'Tải lên tệp của buổi sinh hoạt (multipart: file, role = material|minutes|resolution, title, documentId)',
            params: MeetingParams,
            querystring: NoQuery,
            response: { 201: MeetingDetailSchema },
          },
        },
        async (req, reply) => {
          const actor = requireActor(req);
          const { fileName, bytes, fields } = await uploadedFile(req, {
            maxMb: opts.documentMaxMb,
            noFile: 'Chưa chọn tệp tài liệu để tải lên.',
            tooLargeHint: 'Hãy quét lại với độ phân giải thấp hơn hoặc tách thành nhiều tệp.',
            fields: multipartFields(MeetingFileFields),
          });
          return reply.status(201).send(await svc.uploadFile(actor, req.params.id, { fileName, bytes }, fields));
        },
      );
    });
    app.get(
      '/api/meetings/:id/documents/:documentId/file',
      { schema: { tags, summary: 'Tải về tệp của một tài liệu buổi sinh hoạt', params: MeetingDocumentParams, querystring: NoQuery } },
      async (req, reply) => sendStoredFile(reply, await svc.file(requireActor(req), req.params.id, req.params.documentId)),
    );
    app.get(
      '/api/meetings',
      { schema: { tags, summary: 'Lịch sinh hoạt của một tổ chức đảng', querystring: MeetingListQuery, response: { 200: MeetingListResponse } } },
      async (req) => svc.list(requireActor(req), req.query),
    );
    app.post(
      '/api/meetings',
      { schema: { tags, summary: 'Lên lịch một buổi sinh hoạt', body: CreateMeetingBody, response: { 201: MeetingDetailSchema } } },
      async (req, reply) => reply.status(201).send(await svc.create(requireActor(req), req.body)),
    );
    app.get('/api/meetings/:id', { schema: { tags, summary: 'Buổi sinh hoạt', params: MeetingParams, querystring: NoQuery, response: detail } }, async (req) =>
      svc.get(requireActor(req), req.params.id),
    );
    app.patch(
      '/api/meetings/:id',
      { schema: { tags, summary: 'Sửa buổi sinh hoạt, ghi kết quả (đã họp)', params: MeetingParams, body: UpdateMeetingBody, response: detail } },
      async (req) => svc.update(requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/api/meetings/:id/attendance',
      { schema: { tags, summary: 'Điểm danh: mọi người có mặt trừ các trường hợp ghi', params: MeetingParams, body: AttendanceBody, response: detail } },
      async (req) => svc.recordAttendance(requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/api/meetings/:id/documents',
      { schema: { tags, summary: 'Thêm tài liệu của buổi sinh hoạt', params: MeetingParams, body: DocumentBody, response: { 201: MeetingDetailSchema } } },
      async (req, reply) => reply.status(201).send(await svc.addDocument(requireActor(req), req.params.id, req.body)),
    );
    app.post(
      '/api/meetings/:id/documents/send',
      { schema: { tags, summary: 'Ghi nhận đã gửi tài liệu cho đảng viên', params: MeetingParams, body: DocumentSendBody, response: detail } },
      async (req) => svc.sendDocuments(requireActor(req), req.params.id, req.body.sentAt),
    );
    app.post(
      '/api/meetings/:id/tasks',
      { schema: { tags, summary: 'Thêm nhiệm vụ của nghị quyết', params: MeetingParams, body: TaskBody, response: { 201: MeetingDetailSchema } } },
      async (req, reply) => reply.status(201).send(await svc.addTask(requireActor(req), req.params.id, req.body)),
    );
    app.patch(
      '/api/meetings/tasks/:id',
      { schema: { tags, summary: 'Ghi kết quả thực hiện nhiệm vụ', params: TaskParams, body: TaskUpdateBody, response: detail } },
      async (req) => svc.updateTask(requireActor(req), req.params.id, req.body),
    );
    app.get(
      '/api/meetings/:id/document.docx',
      { schema: { tags, summary: 'Biên bản, nghị quyết, danh sách điểm danh (Word)', params: MeetingParams, querystring: MeetingDocxQuery } },
      async (req, reply) => {
        const doc = await svc.document(requireActor(req), req.params.id, req.query.kind);
        return reply.header('content-type', doc.mime).header('content-disposition', doc.contentDisposition).header('cache-control', 'no-store').send(doc.bytes);
      },
    );
  };
