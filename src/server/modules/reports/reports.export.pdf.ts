/**
 * A report as PDF (A4 landscape, tables are wide), drawn with pdfkit from the export model: no browser at run time.
 * The font is DejaVu Serif from the `dejavu-fonts-ttf` package (every Vietnamese letter), embedded as a subset, as
 * the member sheet does. The header repeats the party document's (the committee on the left, the Party and the date
 * on the right), then per table its title, period line, the table (labels indented by level, figures as Vietnamese
 * writes them), its checks and notes.
 */
import PDFDocument from 'pdfkit';
import { loadPdfFonts } from '../../office/pdf-fonts.ts';
import { formatVnDate } from '../../../domain/dates.ts';
import { formatFigure, type ExportModel, type ExportTable } from './reports.export.model.ts';

const MARGIN = { top: 40, bottom: 40, left: 50, right: 40 };
const SIZE = 9.5;
type Doc = InstanceType<typeof PDFDocument>;
type Frame = { left: number; width: number };

function drawHeader(doc: Doc, model: ExportModel, h: { superiorName: string | null; date: string }, { left, width }: Frame) {
  const top = doc.y;
  const half = width / 2;
  doc.font('regular').fontSize(SIZE + 1);
  if (h.superiorName) doc.text(h.superiorName.toUpperCase(), left, doc.y, { width: half - 10, align: 'center' });
  doc.font('bold').text(model.orgName.toUpperCase(), left, doc.y, { width: half - 10, align: 'center' });
  doc.font('regular').text('*', left, doc.y, { width: half - 10, align: 'center' });
  const leftBottom = doc.y;
  doc.font('bold').text('ĐẢNG CỘNG SẢN VIỆT NAM', left + half, top, { width: half, align: 'center', underline: true });
  const d = formatVnDate(h.date).split('/');
  doc.font('italic').text(`…, ngày ${d[0]} tháng ${d[1]} năm ${d[2]}`, left + half, doc.y + 4, { width: half, align: 'center' });
  doc.y = Math.max(leftBottom, doc.y) + 12;
  doc.font('bold').fontSize(14).text(model.title.toUpperCase(), left, doc.y, { width, align: 'center' });
  doc
    .font('regular')
    .fontSize(SIZE + 1)
    .text(`${model.scopeLine}. ${model.periodLine}.`, left, doc.y + 2, { width, align: 'center' });
  if (model.submittedLine) doc.font('italic').text(`${model.submittedLine}.`, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.8);
}

function drawTable(doc: Doc, t: ExportTable, index: number, { left, width }: Frame) {
  if (doc.y > doc.page.height - MARGIN.bottom - 100) doc.addPage();
  doc
    .font('bold')
    .fontSize(SIZE + 1.5)
    .text(`${index + 1}. ${t.title}`, left, doc.y, { width });
  doc.font('italic').fontSize(SIZE).text([t.periodLine, t.compareLine].filter(Boolean).join('. '), left, doc.y, { width });
  doc.moveDown(0.3);
  const labelShare = Math.max(3, Math.min(6, t.columns.length));
  const total = labelShare + t.columns.length;
  doc.table({
    position: { x: left, y: doc.y },
    maxWidth: width,
    columnStyles: [(labelShare / total) * width, ...t.columns.map(() => width / total)],
    defaultStyle: { border: 0.5, padding: { top: 2, right: 3, bottom: 2, left: 3 } },
    data: [
      [
        { text: 'Chỉ tiêu', font: { src: 'bold', size: SIZE - 1 }, align: 'center' as const },
        ...t.columns.map((c) => ({ text: c.label, font: { src: 'bold', size: SIZE - 1.5 }, align: 'center' as const })),
      ],
      ...t.rows.map((r) => [
        { text: `${'   '.repeat(Math.max(0, r.level))}${r.label}`, font: { src: r.level === 0 ? 'bold' : 'regular', size: SIZE - 1 } },
        ...r.values.map((v, j) => ({
          text: formatFigure(v, t.columns[j]!.unit, t.columns[j]!.role === 'difference'),
          font: { src: 'regular', size: SIZE - 1 },
          align: { x: 'right' as const },
        })),
      ]),
    ],
  });
  doc.x = left;
  for (const line of t.footnotes)
    doc
      .font('italic')
      .fontSize(SIZE - 0.5)
      .text(line, left, doc.y + 2, { width });
  doc.moveDown(0.8);
}

export async function reportPdf(model: ExportModel, h: { superiorName: string | null; date: string }): Promise<Buffer> {
  const f = loadPdfFonts();
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margins: MARGIN, info: { Title: `${model.title} – ${model.orgName}`, Creator: 'Hạt Nhân' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', f.regular);
  doc.registerFont('bold', f.bold);
  doc.registerFont('italic', f.italic);
  const frame: Frame = { left: MARGIN.left, width: doc.page.width - MARGIN.left - MARGIN.right };
  drawHeader(doc, model, h, frame);
  model.tables.forEach((t, i) => drawTable(doc, t, i, frame));
  if (model.tables.length === 0) doc.font('italic').text('Báo cáo không có bảng nào.', frame.left, doc.y, { width: frame.width });
  doc.end();
  return done;
}
