import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { requireActor } from '../../http/auth-hook.ts';
import { NoQuery } from '../../../contract/common.ts';
import { uploadedFile } from '../../http/upload.ts';
import { DOCX_MIME, XLSX_MIME } from '../../office/mime.ts';
import {
  ChangeBody,
  ConsolidationBody,
  ConsolidationBulkPatch,
  ConsolidationParams,
  ConsolidationPatch,
  ConsolidationQuery,
  LatestResultsQuery,
  MemberEntriesBody,
  OpenPeriodBody,
  OrgEntriesBody,
  OrgEntryBody,
  OverrideBody,
  PeriodListQuery,
  PeriodMembersQuery,
  PeriodOrgParams,
  PeriodParams,
  PublishBody,
  ReportQuery,
  ResultRecordsQuery,
  ResultsQuery,
  StreakQuery,
  ConsolidationBulkResponse,
  ConsolidationItemSchema,
  ConsolidationListResponse,
  GridResponse,
  ImportCommitResponse,
  ImportPreviewResponse,
  LatestResultsResponse,
  PeriodDetailSchema,
  PeriodListResponse,
  PeriodMembersResponse,
  ResultRecordsResponse,
  ResultsResponse,
  SaveOrgsResponse,
  StreaksResponse,
  UpdatedResponse,
} from '../../../contract/evaluation.ts';
import type { EvaluationService } from './evaluation.service.ts';

const file = async (req: FastifyRequest, maxMb: number) => (await uploadedFile(req, { maxMb, noFile: 'Chưa chọn tệp để nhập.' })).bytes;

export const evaluationRoutes =
  (svc: EvaluationService, opts: { maxMb: number } = { maxMb: 20 }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['evaluation'];
    // The import's two routes take a file; multipart is registered for them alone, every other route takes JSON.
    await app.register(async (sub) => {
      await sub.register(multipart, { limits: { fileSize: opts.maxMb * 1024 * 1024, files: 1, fields: 5, parts: 6, headerPairs: 100 } });
      sub.withTypeProvider<ZodTypeProvider>().post(
        '/api/evaluation/periods/:id/import/preview',
        {
          schema: {
            tags,
            summary: 'Xem trước tệp kết quả đánh giá (xlsx/CSV)',
            params: PeriodParams,
            querystring: NoQuery,
            response: { 200: ImportPreviewResponse },
          },
        },
        async (req) => svc.importPreview(requireActor(req), req.params.id, await file(req, opts.maxMb)),
      );
      sub.withTypeProvider<ZodTypeProvider>().post(
        '/api/evaluation/periods/:id/import/commit',
        {
          schema: {
            tags,
            summary: 'Nhập tệp kết quả đánh giá (tất cả hoặc không gì)',
            params: PeriodParams,
            querystring: NoQuery,
            response: { 200: ImportCommitResponse },
          },
        },
        async (req) => svc.importCommit(requireActor(req), req.params.id, await file(req, opts.maxMb)),
      );
    });
    app.post(
      '/api/evaluation/periods',
      {
        schema: {
          tags,
          summary: 'Mở kỳ đánh giá, xếp loại cho một tổ chức và các tổ chức trực thuộc',
          querystring: NoQuery,
          body: OpenPeriodBody,
          response: { 201: PeriodDetailSchema },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.open(requireActor(req), req.body)),
    );
    app.get(
      '/api/evaluation/periods',
      { schema: { tags, summary: 'Các kỳ đánh giá trong phạm vi', querystring: PeriodListQuery, response: { 200: PeriodListResponse } } },
      async (req) => svc.list(requireActor(req), req.query.year),
    );
    app.get(
      '/api/evaluation/periods/:id',
      {
        schema: {
          tags,
          summary: 'Kỳ đánh giá: tiến độ từng tổ chức, kết quả kiểm tra',
          params: PeriodParams,
          querystring: NoQuery,
          response: { 200: PeriodDetailSchema },
        },
      },
      async (req) => svc.detail(requireActor(req), req.params.id),
    );
    app.get(
      '/api/evaluation/periods/:id/orgs/:orgId/members',
      {
        schema: {
          tags,
          summary: 'Bảng nhập kết quả đánh giá đảng viên của một chi bộ',
          params: PeriodOrgParams,
          querystring: NoQuery,
          response: { 200: GridResponse },
        },
      },
      async (req) => svc.grid(requireActor(req), req.params.id, req.params.orgId),
    );
    app.get(
      '/api/evaluation/periods/:id/members',
      {
        schema: {
          tags,
          summary: 'Danh sách đảng viên của cả kỳ đánh giá (lọc theo tổ chức, mức xếp loại, bước; phân trang)',
          params: PeriodParams,
          querystring: PeriodMembersQuery,
          response: { 200: PeriodMembersResponse },
        },
      },
      async (req) => svc.memberList(requireActor(req), req.params.id, req.query),
    );
    app.patch(
      '/api/evaluation/periods/:id/members',
      {
        schema: {
          tags,
          summary: 'Lưu kết quả đánh giá đảng viên (nhiều dòng)',
          params: PeriodParams,
          querystring: NoQuery,
          body: MemberEntriesBody,
          response: { 200: UpdatedResponse },
        },
      },
      async (req) => svc.saveMembers(requireActor(req), req.params.id, req.body.items),
    );
    app.patch(
      '/api/evaluation/periods/:id/orgs',
      {
        schema: {
          tags,
          summary: 'Xếp loại nhiều tổ chức một lần (tất cả hoặc không gì, kiểm tra trên cả lô)',
          params: PeriodParams,
          querystring: NoQuery,
          body: OrgEntriesBody,
          response: { 200: SaveOrgsResponse },
        },
      },
      async (req) => svc.saveOrgs(requireActor(req), req.params.id, req.body.items),
    );
    app.patch(
      '/api/evaluation/periods/:id/orgs/:orgId',
      {
        schema: {
          tags,
          summary: 'Tự đánh giá, đề xuất, quyết định xếp loại tổ chức',
          params: PeriodOrgParams,
          querystring: NoQuery,
          body: OrgEntryBody,
          response: { 200: PeriodDetailSchema },
        },
      },
      async (req) => svc.saveOrg(requireActor(req), req.params.id, req.params.orgId, req.body),
    );
    app.post(
      '/api/evaluation/periods/:id/overrides',
      {
        schema: {
          tags,
          summary: 'Cho vượt qua một kiểm tra, có ghi lý do',
          params: PeriodParams,
          querystring: NoQuery,
          body: OverrideBody,
          response: { 200: PeriodDetailSchema },
        },
      },
      async (req) => svc.override(requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/api/evaluation/periods/:id/publish',
      {
        schema: {
          tags,
          summary: 'Công bố và khóa kết quả',
          params: PeriodParams,
          querystring: NoQuery,
          body: PublishBody,
          response: { 200: PeriodDetailSchema },
        },
      },
      async (req) => svc.publish(requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/api/evaluation/periods/:id/changes',
      {
        schema: {
          tags,
          summary: 'Thay đổi kết quả đã công bố theo quyết định',
          params: PeriodParams,
          querystring: NoQuery,
          body: ChangeBody,
          response: { 200: PeriodDetailSchema },
        },
      },
      async (req) => svc.change(requireActor(req), req.params.id, req.body),
    );
    app.get(
      '/api/evaluation/results',
      {
        schema: {
          tags,
          summary: 'Kết quả xếp loại theo năm: phân bố, theo đơn vị, qua các năm',
          querystring: ResultsQuery,
          response: { 200: ResultsResponse },
        },
      },
      async (req) => svc.results(requireActor(req), req.query),
    );
    app.get(
      '/api/evaluation/results/latest',
      {
        schema: {
          tags,
          summary: 'Năm gần nhất có kết quả xếp loại đã công bố của một tổ chức (mặc định: tổ chức đầu tiên trong phạm vi)',
          querystring: LatestResultsQuery,
          response: { 200: LatestResultsResponse },
        },
      },
      async (req) => svc.latestResults(requireActor(req), req.query),
    );
    app.get(
      '/api/evaluation/results/export.xlsx',
      { schema: { tags, summary: 'Xuất kết quả xếp loại ra Excel', querystring: ResultsQuery } },
      async (req, reply) => {
        const { buffer, fileName } = await svc.resultsXlsx(requireActor(req), req.query);
        return reply.header('content-type', XLSX_MIME).header('content-disposition', `attachment; filename="${fileName}"`).send(buffer);
      },
    );
    app.get(
      '/api/evaluation/results/records',
      {
        schema: {
          tags,
          summary: 'Các đảng viên hoặc tổ chức đứng sau một số liệu kết quả',
          querystring: ResultRecordsQuery,
          response: { 200: ResultRecordsResponse },
        },
      },
      async (req) => svc.resultRecords(requireActor(req), req.query),
    );
    app.get(
      '/api/evaluation/results/report.docx',
      { schema: { tags, summary: 'Báo cáo kết quả đánh giá, xếp loại (Word)', querystring: ReportQuery } },
      async (req, reply) => {
        const { buffer, fileName } = await svc.resultsDocx(requireActor(req), req.query);
        return reply.header('content-type', DOCX_MIME).header('content-disposition', `attachment; filename="${fileName}"`).send(buffer);
      },
    );
    app.get(
      '/api/evaluation/streaks',
      {
        schema: {
          tags,
          summary: 'Tổ chức cơ sở đảng đạt một mức xếp loại (hoặc danh hiệu cũ như TSVM tiêu biểu) nhiều năm liền',
          querystring: StreakQuery,
          response: { 200: StreaksResponse },
        },
      },
      async (req) => svc.streaks(requireActor(req), req.query),
    );
    app.get(
      '/api/evaluation/consolidation',
      {
        schema: { tags, summary: 'Danh sách tổ chức đảng yếu kém cần củng cố', querystring: ConsolidationQuery, response: { 200: ConsolidationListResponse } },
      },
      async (req) => svc.consolidationList(requireActor(req), req.query),
    );
    app.post(
      '/api/evaluation/consolidation',
      {
        schema: {
          tags,
          summary: 'Đưa tổ chức vào danh sách củng cố',
          querystring: NoQuery,
          body: ConsolidationBody,
          response: { 201: ConsolidationItemSchema },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.addConsolidation(requireActor(req), req.body)),
    );
    app.patch(
      '/api/evaluation/consolidation',
      {
        schema: {
          tags,
          summary: 'Cập nhật nhiều mục củng cố một lần (tất cả hoặc không gì)',
          querystring: NoQuery,
          body: ConsolidationBulkPatch,
          response: { 200: ConsolidationBulkResponse },
        },
      },
      async (req) => svc.updateConsolidations(requireActor(req), req.body.items),
    );
    app.patch(
      '/api/evaluation/consolidation/:id',
      {
        schema: {
          tags,
          summary: 'Cập nhật kế hoạch, kết quả củng cố',
          params: ConsolidationParams,
          querystring: NoQuery,
          body: ConsolidationPatch,
          response: { 200: ConsolidationItemSchema },
        },
      },
      async (req) => svc.updateConsolidation(requireActor(req), req.params.id, req.body),
    );
  };
