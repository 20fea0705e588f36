/**
 * The inspection API (issue 15 parts 1–3): plans and their items, the items outside any plan, progress and coverage
 * of a subtree over a period, cases. Every request and answer schema is in src/contract/inspection.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, NoQuery } from '../../../contract/common.ts';
import {
  AmendPlanBody,
  CaseDetail,
  CaseListQuery,
  CaseListResponse,
  CoverageListQuery,
  CoverageListResponse,
  CoverageResponse,
  CreateCaseBody,
  CreateItemBody,
  CreatePlanBody,
  DisciplineFigureQuery,
  DisciplineFigureResponse,
  ItemListQuery,
  ItemDocumentQuery,
  ItemListResponse,
  ItemView,
  PeriodQuery,
  PlanDetail,
  PlanListQuery,
  PlanListResponse,
  ProgressResponse,
  UpdateCaseBody,
  UpdateItemBody,
} from '../../../contract/inspection.ts';
import { requireActor } from '../../http/auth-hook.ts';
import type { InspectionCasesService } from './inspection.cases.ts';
import type { InspectionService } from './inspection.service.ts';

export const inspectionRoutes =
  (svc: InspectionService, cases: InspectionCasesService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['inspection'];
    app.get(
      '/api/inspection/plans',
      {
        schema: {
          tags,
          summary: 'Kế hoạch kiểm tra, giám sát của một năm (tổ chức và cấp dưới), với tiến độ',
          querystring: PlanListQuery,
          response: { 200: PlanListResponse },
        },
      },
      async (req) => svc.listPlans(requireActor(req), req.query),
    );
    app.post(
      '/api/inspection/plans',
      { schema: { tags, summary: 'Lập kế hoạch kiểm tra, giám sát năm', querystring: NoQuery, body: CreatePlanBody, response: { 201: PlanDetail } } },
      async (req, reply) => reply.status(201).send(await svc.createPlan(requireActor(req), req.body)),
    );
    app.get(
      '/api/inspection/plans/:id',
      { schema: { tags, summary: 'Một kế hoạch: các việc và các lần điều chỉnh', params: IdParams, querystring: NoQuery, response: { 200: PlanDetail } } },
      async (req) => svc.getPlan(requireActor(req), req.params.id),
    );
    app.post(
      '/api/inspection/plans/:id/amend',
      {
        schema: {
          tags,
          summary: 'Điều chỉnh kế hoạch (phiên bản mới)',
          params: IdParams,
          querystring: NoQuery,
          body: AmendPlanBody,
          response: { 200: PlanDetail },
        },
      },
      async (req) => svc.amendPlan(requireActor(req), req.params.id, req.body),
    );
    app.get(
      '/api/inspection/items',
      { schema: { tags, summary: 'Danh sách việc kiểm tra, giám sát sau một số liệu', querystring: ItemListQuery, response: { 200: ItemListResponse } } },
      async (req) => svc.listItems(requireActor(req), req.query),
    );
    app.post(
      '/api/inspection/items',
      {
        schema: {
          tags,
          summary: 'Thêm một việc vào kế hoạch, hoặc ghi việc phát sinh',
          querystring: NoQuery,
          body: CreateItemBody,
          response: { 201: ItemView },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.createItem(requireActor(req), req.body)),
    );
    app.patch(
      '/api/inspection/items/:id',
      {
        schema: {
          tags,
          summary: 'Cập nhật một việc: trạng thái, kết luận',
          params: IdParams,
          querystring: NoQuery,
          body: UpdateItemBody,
          response: { 200: ItemView },
        },
      },
      async (req) => svc.updateItem(requireActor(req), req.params.id, req.body),
    );
    app.get(
      '/api/inspection/items/:id/document.docx',
      { schema: { tags, summary: 'Quyết định kiểm tra, giám sát hoặc thông báo kết luận (Word)', params: IdParams, querystring: ItemDocumentQuery } },
      async (req, reply) => {
        const doc = await svc.document(requireActor(req), req.params.id, req.query.kind);
        return reply.header('content-type', doc.mime).header('content-disposition', doc.contentDisposition).header('cache-control', 'no-store').send(doc.bytes);
      },
    );
    app.get(
      '/api/inspection/progress',
      {
        schema: {
          tags,
          summary: 'Tiến độ thực hiện kế hoạch (đã kết luận ÷ kế hoạch) của một tổ chức và cấp dưới',
          querystring: PeriodQuery,
          response: { 200: ProgressResponse },
        },
      },
      async (req) => svc.progress(requireActor(req), req.query),
    );
    app.get(
      '/api/inspection/coverage',
      {
        schema: {
          tags,
          summary: 'Đảng ủy, chi bộ trực thuộc chưa thực hiện / chưa được kiểm tra, giám sát',
          querystring: PeriodQuery,
          response: { 200: CoverageResponse },
        },
      },
      async (req) => svc.coverage(requireActor(req), req.query),
    );
    app.get(
      '/api/inspection/coverage/orgs',
      {
        schema: {
          tags,
          summary: 'Danh sách tổ chức sau một số liệu về phạm vi kiểm tra, giám sát',
          querystring: CoverageListQuery,
          response: { 200: CoverageListResponse },
        },
      },
      async (req) => svc.coverageList(requireActor(req), req.query),
    );
    app.get(
      '/api/inspection/disciplines',
      {
        schema: {
          tags,
          summary: 'Danh sách quyết định kỷ luật, khiếu nại sau một số liệu thống kê',
          querystring: DisciplineFigureQuery,
          response: { 200: DisciplineFigureResponse },
        },
      },
      async (req) => cases.disciplines(requireActor(req), req.query),
    );
    app.get(
      '/api/inspection/cases',
      { schema: { tags, summary: 'Các vụ việc (không hiện đối tượng và nội dung)', querystring: CaseListQuery, response: { 200: CaseListResponse } } },
      async (req) => cases.list(requireActor(req), req.query),
    );
    app.post(
      '/api/inspection/cases',
      { schema: { tags, summary: 'Mở vụ việc khi có dấu hiệu vi phạm', querystring: NoQuery, body: CreateCaseBody, response: { 201: CaseDetail } } },
      async (req, reply) => reply.status(201).send(await cases.create(requireActor(req), req.body)),
    );
    app.post(
      '/api/inspection/cases/:id/reveal',
      { schema: { tags, summary: 'Xem đầy đủ một vụ việc (được ghi nhật ký)', params: IdParams, querystring: NoQuery, response: { 200: CaseDetail } } },
      async (req) => cases.reveal(requireActor(req), req.params.id),
    );
    app.patch(
      '/api/inspection/cases/:id',
      {
        schema: {
          tags,
          summary: 'Cập nhật vụ việc: quyết định kiểm tra, tài liệu, kết luận',
          params: IdParams,
          querystring: NoQuery,
          body: UpdateCaseBody,
          response: { 200: CaseDetail },
        },
      },
      async (req) => cases.update(requireActor(req), req.params.id, req.body),
    );
  };
