/**
 * The reports' API (issue 14 part 7): the catalogue of tables, the whole report, one table, and the organisation list
 * behind a count. Every table takes `orgId`, `asOf` or `from`/`to`, `compare`, `breakdown`, `fromYear`/`toYear`
 * (src/contract/reports.ts); each answer's schema is in the contract and in the OpenAPI document.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NoQuery } from '../../../contract/common.ts';
import {
  ReportCatalogueResponse,
  ReportOrgListQuery,
  ReportOrgListResponse,
  ReportQuery,
  ReportResponse,
  ReportTableParams,
  ReportTableResponse,
} from '../../../contract/reports.ts';
import { requireActor } from '../../http/auth-hook.ts';
import type { ReportsService } from './reports.service.ts';

export const reportsRoutes =
  (svc: ReportsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['reports'];
    app.get(
      '/api/reports/catalogue',
      { schema: { tags, summary: 'Danh mục các bảng báo cáo thống kê', querystring: NoQuery, response: { 200: ReportCatalogueResponse } } },
      async (req) => {
        requireActor(req);
        return svc.catalogue();
      },
    );
    app.get(
      '/api/reports',
      {
        schema: {
          tags,
          summary: 'Toàn bộ báo cáo: mọi bảng thống kê của một tổ chức tại một ngày, trong một kỳ hoặc qua các năm',
          querystring: ReportQuery,
          response: { 200: ReportResponse },
        },
      },
      async (req) => svc.computeReport(requireActor(req), req.query),
    );
    app.get(
      '/api/reports/tables/:table',
      {
        schema: {
          tags,
          summary: 'Một bảng thống kê (so sánh cùng kỳ năm trước, chia theo tổ chức trực thuộc, mỗi ô có liên kết tới danh sách)',
          params: ReportTableParams,
          querystring: ReportQuery,
          response: { 200: ReportTableResponse },
        },
      },
      async (req) => svc.computeReportTable(requireActor(req), req.params.table, req.query),
    );
    app.get(
      '/api/reports/orgs',
      {
        schema: {
          tags,
          summary: 'Danh sách tổ chức đảng đứng sau một số liệu (theo loại, loại hình, tại một ngày)',
          querystring: ReportOrgListQuery,
          response: { 200: ReportOrgListResponse },
        },
      },
      async (req) => svc.orgList(requireActor(req), req.query),
    );
  };
