import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook.ts';
import { NoQuery } from '../../../contract/common.ts';
import { requireAdmissionEditor } from './admissions.policy.ts';
import {
  CandidateIdParams,
  CandidateListQuery,
  CandidateListResponse,
  CreateCandidateBody,
  DenominatorQuery,
  DocumentQuery,
  DenominatorSchema,
  DossierSchema,
  ProbationListResponse,
  StepBody,
  TargetBody,
  TargetProgressResponse,
  TargetQuery,
  UpdateCandidateBody,
  WorkQueueCountsResponse,
  WorkQueueResponse,
} from '../../../contract/admissions.ts';
import type { AdmissionsService } from './admissions.service.ts';

export const admissionsRoutes =
  (svc: AdmissionsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['admissions'];
    const editor = (req: Parameters<typeof requireActor>[0]) => requireAdmissionEditor(requireActor(req));
    app.get(
      '/api/admissions/candidates',
      { schema: { tags, summary: 'Danh sách cảm tình Đảng và hồ sơ kết nạp', querystring: CandidateListQuery, response: { 200: CandidateListResponse } } },
      async (req) => svc.listCandidates(requireActor(req), req.query),
    );
    app.post(
      '/api/admissions/candidates',
      { schema: { tags, summary: 'Thêm người vào danh sách cảm tình Đảng, mở hồ sơ kết nạp', body: CreateCandidateBody, response: { 201: DossierSchema } } },
      async (req, reply) => reply.status(201).send(await svc.createCandidate(editor(req), req.body)),
    );
    app.patch(
      '/api/admissions/candidates/:id',
      { schema: { tags, summary: 'Sửa thông tin người vào Đảng', params: CandidateIdParams, body: UpdateCandidateBody, response: { 200: DossierSchema } } },
      async (req) => svc.updateCandidate(editor(req), req.params.id, req.body),
    );
    app.get(
      '/api/admissions/dossiers/:id',
      { schema: { tags, summary: 'Hồ sơ kết nạp', params: CandidateIdParams, querystring: NoQuery, response: { 200: DossierSchema } } },
      async (req) => svc.getDossier(requireActor(req), req.params.id),
    );
    app.get(
      '/api/admissions/dossiers/:id/denominator',
      {
        schema: {
          tags,
          summary: 'Số đảng viên chính thức của chi bộ vào một ngày (mẫu số biểu quyết)',
          params: CandidateIdParams,
          querystring: DenominatorQuery,
          response: { 200: DenominatorSchema },
        },
      },
      async (req) => svc.denominator(requireActor(req), req.params.id, req.query.date ?? null),
    );
    app.post(
      '/api/admissions/dossiers/:id/steps',
      { schema: { tags, summary: 'Ghi nhận một bước của quy trình kết nạp', params: CandidateIdParams, body: StepBody, response: { 200: DossierSchema } } },
      async (req) => svc.recordStep(editor(req), req.params.id, req.body),
    );
    app.get(
      '/api/admissions/dossiers/:id/document.docx',
      { schema: { tags, summary: 'Tải văn bản của quy trình kết nạp (Word)', params: CandidateIdParams, querystring: DocumentQuery } },
      async (req, reply) => {
        const doc = await svc.document(requireActor(req), req.params.id, req.query.kind);
        return reply.header('content-type', doc.mime).header('content-disposition', doc.contentDisposition).header('cache-control', 'no-store').send(doc.bytes);
      },
    );
    app.get(
      '/api/admissions/probation',
      { schema: { tags, summary: 'Đảng viên dự bị', querystring: NoQuery, response: { 200: ProbationListResponse } } },
      async (req) => svc.probationList(requireActor(req)),
    );
    app.get(
      '/api/admissions/work-queue',
      { schema: { tags, summary: 'Việc cần làm', querystring: NoQuery, response: { 200: WorkQueueResponse } } },
      async (req) => svc.workQueue(requireActor(req)),
    );
    app.get(
      '/api/admissions/work-queue/counts',
      { schema: { tags, summary: 'Số việc cần làm', querystring: NoQuery, response: { 200: WorkQueueCountsResponse } } },
      async (req) => svc.workQueueCounts(requireActor(req)),
    );
    app.get(
      '/api/admissions/targets',
      { schema: { tags, summary: 'Chỉ tiêu và kết quả phát triển đảng viên', querystring: TargetQuery, response: { 200: TargetProgressResponse } } },
      async (req) => svc.targetProgress(requireActor(req), req.query),
    );
    app.put(
      '/api/admissions/targets/:id',
      {
        schema: {
          tags,
          summary: 'Giao chỉ tiêu phát triển đảng viên cho một tổ chức',
          params: CandidateIdParams,
          body: TargetBody,
          response: { 200: TargetProgressResponse },
        },
      },
      async (req) => svc.setTarget(editor(req), req.params.id, req.body),
    );
  };
