/** Download of one member's sheet (form 2-HSĐV) as Word or PDF: an attachment with the member's name as file name. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook.ts';
import { NoQuery } from '../../../contract/common.ts';
import { MemberIdParams } from '../../../contract/members.ts';
import type { MemberSheetService, SheetFormat } from './member-sheet.service.ts';

export const memberSheetRoutes =
  (svc: MemberSheetService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['members'];
    const formats: [SheetFormat, string][] = [
      ['docx', 'Tải phiếu đảng viên (mẫu 2-HSĐV) dạng Word'],
      ['pdf', 'Tải phiếu đảng viên (mẫu 2-HSĐV) dạng PDF'],
    ];
    for (const [format, summary] of formats) {
      app.get(`/api/members/:id/sheet.${format}`, { schema: { tags, summary, params: MemberIdParams, querystring: NoQuery } }, async (req, reply) => {
        const sheet = await svc.export(requireActor(req), req.params.id, format);
        return reply
          .header('content-type', sheet.mime)
          .header('content-disposition', sheet.contentDisposition)
          .header('cache-control', 'no-store')
          .send(sheet.bytes);
      });
    }
  };
