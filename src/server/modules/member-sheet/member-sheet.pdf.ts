/**
 * The member sheet as PDF (A4), drawn with pdfkit from the sheet model. The font is DejaVu Serif from the
 * `dejavu-fonts-ttf` package (TrueType, every Vietnamese letter), read from node_modules once and embedded as a subset
 * of the glyphs used: nothing is fetched at run time and the reader needs no font of his own.
 */
import PDFDocument from 'pdfkit';
import { loadPdfFonts } from '../../office/pdf-fonts.ts';
import { PARTY_LINE, type SheetField, type SheetModel, type SheetTable } from './member-sheet.model.ts';

const MARGIN = { top: 50, bottom: 50, left: 62, right: 45 };
const SIZE = 10.5;

type Doc = InstanceType<typeof PDFDocument>;
/** The text column: its left edge and width. */
type Frame = { left: number; width: number };

/** Header: the organisations on the left, the Party on the right, then the title. */
function drawHeader(doc: Doc, model: SheetModel, { left, width }: Frame) {
  const top = doc.y;
  const half = width / 2;
  doc.font('regular').fontSize(SIZE);
  for (const line of model.orgLines) doc.text(line, left, doc.y, { width: half - 10, align: 'center' });
  const leftBottom = doc.y;
  doc
    .font('bold')
    .fontSize(12)
    .text(PARTY_LINE, left + half, top, { width: half, align: 'center', underline: true });
  doc.y = Math.max(leftBottom, doc.y) + 14;

  doc.font('bold').fontSize(16).text(model.title, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.6);
}

/** The photo box (3×4 cm) and the numbers beside it. */
function drawPhotoBox(doc: Doc, model: SheetModel, { left }: Frame) {
  const boxTop = doc.y;
  const box = { w: 85, h: 113 };
  doc.lineWidth(0.7).rect(left, boxTop, box.w, box.h).stroke();
  doc
    .font('italic')
    .fontSize(9)
    .text('Ảnh 3×4', left, boxTop + box.h / 2 - 6, { width: box.w, align: 'center' });
  const numbersX = left + box.w + 24;
  doc.font('regular').fontSize(SIZE + 0.5);
  doc
    .text('Số lý lịch: ', numbersX, boxTop + 20, { continued: true })
    .font('bold')
    .text(model.sheetNo || '………………');
  doc
    .font('regular')
    .text('Số thẻ đảng viên: ', numbersX, doc.y + 8, { continued: true })
    .font('bold')
    .text(model.cardNo || '………………');
  doc
    .font('regular')
    .text('Họ và tên: ', numbersX, doc.y + 8, { continued: true })
    .font('bold')
    .text(model.fullName);
  doc.x = left;
  doc.y = boxTop + box.h + 16;
}

function drawField(doc: Doc, b: SheetField, { left, width }: Frame) {
  const indent = b.no === undefined ? 18 : 0;
  const label = b.no === undefined ? `– ${b.label}: ` : `${b.no}. ${b.label}: `;
  doc
    .font('regular')
    .fontSize(SIZE)
    .text(label, left + indent, doc.y, { width: width - indent, continued: Boolean(b.value) });
  if (b.value) doc.font('bold').text(b.value);
  doc.moveDown(0.15);
}

function drawTable(doc: Doc, b: SheetTable, { left, width }: Frame) {
  doc
    .font('regular')
    .fontSize(SIZE)
    .text(`${b.no}. ${b.title}:${b.rows.length ? '' : ` ${b.empty}`}`, left, doc.y, { width });
  if (b.rows.length) {
    doc.moveDown(0.2);
    const total = b.widths.reduce((a, w) => a + w, 0);
    doc.table({
      position: { x: left, y: doc.y },
      maxWidth: width,
      columnStyles: b.widths.map((w) => (w / total) * width),
      defaultStyle: { border: 0.5, padding: { top: 2, right: 4, bottom: 2, left: 4 } },
      data: [
        b.columns.map((text) => ({ text, font: { src: 'bold', size: SIZE - 1 }, align: 'center' as const })),
        ...b.rows.map((row) => row.map((text) => ({ text, font: { src: 'regular', size: SIZE - 1 } }))),
      ],
    });
    doc.x = left;
  }
  doc.moveDown(0.4);
}

function drawSections(doc: Doc, model: SheetModel, frame: Frame) {
  for (const section of model.sections) {
    if (doc.y > doc.page.height - MARGIN.bottom - 60) doc.addPage();
    doc.moveDown(0.3);
    doc
      .font('bold')
      .fontSize(SIZE + 1)
      .text(section.title, frame.left, doc.y, { width: frame.width });
    doc.moveDown(0.3);
    for (const b of section.blocks) {
      if (b.type === 'field') drawField(doc, b, frame);
      else drawTable(doc, b, frame);
    }
  }
}

/** The foot of the form: date, the committee's confirmation and the member's signature. */
function drawFooter(doc: Doc, model: SheetModel, { left, width }: Frame) {
  const half = width / 2;
  if (doc.y > doc.page.height - MARGIN.bottom - 120) doc.addPage();
  doc.moveDown(1);
  doc
    .font('italic')
    .fontSize(SIZE)
    .text(model.footer.date, left + half, doc.y, { width: half, align: 'center' });
  doc.moveDown(0.3);
  const signTop = doc.y;
  doc.font('bold').text(model.footer.left, left, signTop, { width: half, align: 'center' });
  doc.font('italic').text('(Ký tên, đóng dấu)', left, doc.y, { width: half, align: 'center' });
  doc.font('bold').text(model.footer.right, left + half, signTop, { width: half, align: 'center' });
  doc.font('italic').text('(Ký, ghi rõ họ và tên)', left + half, doc.y, { width: half, align: 'center' });
  doc.moveDown(3);
  doc.font('bold').text(model.fullName, left + half, doc.y, { width: half, align: 'center' });
}

export async function renderSheetPdf(model: SheetModel): Promise<Buffer> {
  const f = loadPdfFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    info: { Title: `${model.title} – ${model.fullName}`, Creator: 'Hạt Nhân', Subject: 'Mẫu 2-HSĐV' },
    bufferPages: false,
  });
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
  drawHeader(doc, model, frame);
  drawPhotoBox(doc, model, frame);
  drawSections(doc, model, frame);
  drawFooter(doc, model, frame);

  doc.end();
  return done;
}
