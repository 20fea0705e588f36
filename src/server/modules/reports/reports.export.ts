/**
 * The exports of a report (issue 14 part 6): the page's query computed now through ComputeReport, or a submitted
 * report's stored figures (a submitted report is exported as submitted, with the line saying who submitted it and
 * when); the whole report or one table; as a workbook, a Word document (HD 36) or a PDF. Access is the computation's
 * (the report's organisation in the read scope) or the submission's.
 */
import type { Kysely } from 'kysely';
import type { ReportQueryInput, ReportResponse, ReportTableKey } from '../../../contract/reports.ts';
import type { ExportFormat, ReportExportQueryInput } from '../../../contract/reports.submissions.ts';
import { vietnamDate } from '../../../domain/dates.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../http/actor.ts';
import { invalid } from '../../http/errors.ts';
import { contentDisposition } from '../../office/download.ts';
import { DOCX_MIME, PDF_MIME, XLSX_MIME } from '../../office/mime.ts';
import { findOrgVersion, namesAsOf } from '../orgs/orgs.repo.ts';
import { reportDocument } from './reports.export.docx.ts';
import { exportFileNames, exportModel, type Submitted } from './reports.export.model.ts';
import { reportPdf } from './reports.export.pdf.ts';
import { reportWorkbook } from './reports.export.xlsx.ts';
import type { ComputeReport } from './reports.ports.ts';
import type { ReportSubmissionsService } from './reports.submissions.ts';

export interface ExportsDeps {
  db: Kysely<DB>;
  clock: Clock;
  compute: ComputeReport;
  submissions: Pick<ReportSubmissionsService, 'stored'>;
}

export interface ExportFile {
  bytes: Buffer;
  mime: string;
  contentDisposition: string;
}

const MIME: Record<ExportFormat, string> = { xlsx: XLSX_MIME, docx: DOCX_MIME, pdf: PDF_MIME };

export function createReportExportsService(deps: ExportsDeps) {
  const { db, clock, compute, submissions } = deps;

  /** The superior committee's name on the report's date, for the document's header (an ancestor's name is no secret). */
  async function superiorOf(orgId: string, date: string): Promise<string | null> {
    const v = await findOrgVersion(db, orgId, date, 'all');
    if (!v?.parent_id) return null;
    return (await namesAsOf(db, [v.parent_id], date)).get(v.parent_id) ?? null;
  }

  async function render(
    report: ReportResponse,
    format: ExportFormat,
    o: { table?: string | undefined; submitted?: Submitted; date: string },
  ): Promise<ExportFile> {
    if (o.table !== undefined && !report.tables.some((t) => t.key === o.table)) throw invalid('table', 'Báo cáo không có bảng này.');
    const model = exportModel(report, { table: o.table, submitted: o.submitted ?? null });
    const header = { superiorName: await superiorOf(report.scope.org.id, report.scope.asOf), date: o.date };
    const bytes = format === 'xlsx' ? await reportWorkbook(model) : format === 'docx' ? await reportDocument(model, header) : await reportPdf(model, header);
    const names = exportFileNames(model, report.scope.to ?? report.scope.asOf, format);
    return { bytes, mime: MIME[format], contentDisposition: contentDisposition(names) };
  }

  return {
    /** The report of the page's query, computed now: the whole report, or the table named. */
    async live(actor: Actor, q: ReportExportQueryInput, format: ExportFormat): Promise<ExportFile> {
      const { table, ...query } = q;
      const report = await compute(actor, query as ReportQueryInput, table ? [table as ReportTableKey] : undefined);
      return render(report, format, { table, date: clock.today() });
    },
    /** A submitted report as it was submitted. */
    async submitted(actor: Actor, id: string, table: string | undefined, format: ExportFormat): Promise<ExportFile> {
      const { submission, report } = await submissions.stored(actor, id);
      const submitted = { version: submission.version, submittedAt: submission.submittedAt, submittedBy: submission.submittedBy.name };
      return render(report, format, { table, submitted, date: vietnamDate(new Date(submission.submittedAt)) });
    },
  };
}

export type ReportExportsService = ReturnType<typeof createReportExportsService>;
