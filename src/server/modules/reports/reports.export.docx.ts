/**
 * A report as a Word document in the party document layout of HD 36 (the shared template of office/party-document):
 * the superior committee and the reporting committee with the number and symbol "Số …-BC/…" on the left, the Party's
 * name and the place and date line on the right, «BÁO CÁO» and its summary, then one section per table (its period
 * line, the table with the rows indented by level and the figures as Vietnamese writes them, the checks and notes),
 * the recipients and the signature block of the committee's secretary. The committee edits, numbers and signs it.
 */
import { heading, renderPartyDocument, table, text } from '../../office/party-document.ts';
import { formatFigure, type ExportModel } from './reports.export.model.ts';

const INDENT = '    ';

export interface DocxHeader {
  /** The superior committee (null at the top of the tree). */
  superiorName: string | null;
  /** The report's date ('YYYY-MM-DD'): the day it is written or was submitted. */
  date: string;
}

export async function reportDocument(model: ExportModel, h: DocxHeader): Promise<Buffer> {
  const body: Parameters<typeof renderPartyDocument>[0]['body'] = [text(`${model.scopeLine}. ${model.periodLine}.`)];
  if (model.submittedLine) body.push(text(`${model.submittedLine}.`, { italics: true }));
  model.tables.forEach((t, i) => {
    body.push(heading(`${i + 1}. ${t.title}`));
    body.push(text([t.periodLine, t.compareLine].filter(Boolean).join('. ') + '.', { italics: true }));
    body.push(
      table(
        ['Chỉ tiêu', ...t.columns.map((c) => c.label)],
        t.rows.map((r) => [
          INDENT.repeat(Math.max(0, r.level)) + r.label,
          ...r.values.map((v, j) => formatFigure(v, t.columns[j]!.unit, t.columns[j]!.role === 'difference')),
        ]),
        [Math.max(3, t.columns.length), ...t.columns.map(() => 1)],
      ),
    );
    for (const line of t.footnotes) body.push(text(line, { italics: true }));
  });
  return renderPartyDocument({
    superior: h.superiorName,
    issuer: model.orgName,
    symbol: { kind: 'BC', number: null },
    place: null,
    date: h.date,
    kind: 'BÁO CÁO',
    summary: `${model.title}\n${model.periodLine}`,
    body,
    recipients: [h.superiorName ? `${h.superiorName} (để báo cáo)` : 'Cấp ủy cấp trên (để báo cáo)', 'Các tổ chức đảng trực thuộc'],
    signature: { capacity: `T/M ${model.orgName.toUpperCase()}`, position: 'BÍ THƯ' },
    title: `${model.title} - ${model.orgName}`,
  });
}
