/**
 * The committees' side of the cells' meetings (issue 16 parts 4, 5, 7): compliance with its drill-down and workbook,
 * the absence alert (list, dismiss with a reason, record the striking-off), the member's own view and the grant of a
 * member account. Schemas in src/contract/meetings.compliance.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AbsenceAlertsQuery,
  AbsenceAlertsResponse,
  ComplianceMeetingsQuery,
  ComplianceMeetingsResponse,
  ComplianceQuery,
  ComplianceResponse,
  DismissAlertBody,
  MemberAccessBody,
  MyDocumentParams,
  MyMeetingsQuery,
  MyMeetingsResponse,
  OkResponse,
  StrikeOffBody,
} from '../../../contract/meetings.compliance.ts';
import { NoQuery } from '../../../contract/common.ts';
import { requireActor } from '../../http/auth-hook.ts';
import { sendStoredFile } from '../../office/download.ts';
import type { AlertsService } from './meetings.alerts.ts';
import type { ComplianceService } from './meetings.compliance.ts';
import type { SelfService } from './meetings.self.ts';

export const meetingsComplianceRoutes =
  (svc: { compliance: ComplianceService; alerts: AlertsService; self: SelfService }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['meetings'];
    app.get(
      '/api/meetings/compliance',
      {
        schema: {
          tags,
          summary: 'Tình hình sinh hoạt chi bộ của một đảng bộ trong một kỳ (theo từng chi bộ và toàn đảng bộ)',
          querystring: ComplianceQuery,
          response: { 200: ComplianceResponse },
        },
      },
      async (req) => svc.compliance.compliance(requireActor(req), req.query),
    );
    app.get(
      '/api/meetings/compliance/meetings',
      {
        schema: {
          tags,
          summary: 'Các buổi sinh hoạt đứng sau một số liệu (không đủ thời gian, gửi tài liệu chậm, không có đại diện cấp trên)',
          querystring: ComplianceMeetingsQuery,
          response: { 200: ComplianceMeetingsResponse },
        },
      },
      async (req) => svc.compliance.meetings(requireActor(req), req.query),
    );
    app.get(
      '/api/meetings/compliance/export.xlsx',
      { schema: { tags, summary: 'Xuất tình hình sinh hoạt chi bộ ra Excel', querystring: ComplianceQuery } },
      async (req, reply) => {
        const f = await svc.compliance.exportXlsx(requireActor(req), req.query);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', f.contentDisposition)
          .header('cache-control', 'no-store')
          .send(f.bytes);
      },
    );
    app.get(
      '/api/meetings/alerts',
      {
        schema: {
          tags,
          summary: 'Cảnh báo đề nghị xóa tên: đảng viên bỏ sinh hoạt 3 tháng trong năm không có lý do chính đáng',
          querystring: AbsenceAlertsQuery,
          response: { 200: AbsenceAlertsResponse },
        },
      },
      async (req) => svc.alerts.list(requireActor(req), req.query.year),
    );
    app.post(
      '/api/meetings/alerts/dismiss',
      { schema: { tags, summary: 'Không đề nghị xóa tên (ghi lý do)', body: DismissAlertBody, response: { 200: OkResponse } } },
      async (req) => svc.alerts.dismiss(requireActor(req), req.body),
    );
    app.post(
      '/api/meetings/alerts/strike-off',
      { schema: { tags, summary: 'Ghi quyết định xóa tên theo cảnh báo', body: StrikeOffBody, response: { 200: OkResponse } } },
      async (req) => svc.alerts.strikeOff(requireActor(req), req.body),
    );
    app.get(
      '/api/me/meetings',
      {
        schema: {
          tags,
          summary: 'Đảng viên xem sinh hoạt chi bộ của mình: các buổi sinh hoạt, tài liệu đã gửi, việc dự họp của bản thân',
          querystring: MyMeetingsQuery,
          response: { 200: MyMeetingsResponse },
        },
      },
      async (req) => svc.self.myMeetings(requireActor(req), req.query.year),
    );
    app.get(
      '/api/me/meetings/documents/:documentId/file',
      { schema: { tags, summary: 'Đảng viên tải tài liệu đã gửi cho mình', params: MyDocumentParams, querystring: NoQuery } },
      async (req, reply) => sendStoredFile(reply, await svc.self.documentFile(requireActor(req), req.params.documentId)),
    );
    app.post(
      '/api/meetings/member-access',
      { schema: { tags, summary: 'Gắn tài khoản người dùng với hồ sơ đảng viên (vai trò đảng viên)', body: MemberAccessBody, response: { 200: OkResponse } } },
      async (req) => svc.self.grantMemberAccess(requireActor(req), req.body.userId, req.body.memberId),
    );
  };
