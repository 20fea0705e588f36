/**
 * The member sheet as a Word document (docx), built with the `docx` package from the sheet model: A4, Times New
 * Roman 13 pt as Vietnamese administrative documents are typed, bold headings, real tables the committee can edit.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { PARTY_LINE, type SheetField, type SheetModel, type SheetTable } from './member-sheet.model.ts';

/** Sizes in twentieths of a point (twips) and half-points, as Word counts. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 1134 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const FONT = 'Times New Roman';
const SIZE = 26;

const run = (text: string, opts: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}) =>
  new TextRun({ text, bold: opts.bold ?? false, italics: opts.italics ?? false, size: opts.size ?? SIZE, ...(opts.underline ? { underline: {} } : {}) });
const para = (children: ParagraphChild[], opts: { center?: boolean; indent?: number; after?: number; before?: number } = {}) =>
  new Paragraph({
    children,
    ...(opts.center ? { alignment: AlignmentType.CENTER } : {}),
    ...(opts.indent ? { indent: { left: opts.indent } } : {}),
    spacing: { after: opts.after ?? 60, before: opts.before ?? 0 },
  });
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const cell = (children: Paragraph[], width: number, opts: { borders?: boolean } = {}) =>
  new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    ...(opts.borders === false ? { borders: TableBorders.NONE } : { borders: { top: line, bottom: line, left: line, right: line } }),
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });

function field(b: SheetField): Paragraph {
  const label = b.no === undefined ? `– ${b.label}: ` : `${b.no}. ${b.label}: `;
  return para([run(label), ...(b.value ? [run(b.value, { bold: true })] : [])], b.no === undefined ? { indent: 360 } : {});
}

function table(b: SheetTable): (Paragraph | Table)[] {
  const title = para([run(`${b.no}. ${b.title}:`), ...(b.rows.length ? [] : [run(` ${b.empty}`)])], { before: 60 });
  if (!b.rows.length) return [title];
  const total = b.widths.reduce((a, w) => a + w, 0);
  const widths = b.widths.map((w) => Math.floor((w / total) * CONTENT_WIDTH));
  const header = new TableRow({
    tableHeader: true,
    children: b.columns.map((c, i) => cell([para([run(c, { bold: true, size: SIZE - 2 })], { center: true, after: 0 })], widths[i]!)),
  });
  const rows = b.rows.map((r) => new TableRow({ children: r.map((text, i) => cell([para([run(text, { size: SIZE - 2 })], { after: 0 })], widths[i]!)) }));
  return [title, new Table({ width: { size: CONTENT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows: [header, ...rows] }), para([], { after: 60 })];
}

/** The header: organisations on the left, the Party on the right; then the photo box beside the numbers. */
function header(model: SheetModel): (Paragraph | Table)[] {
  const half = Math.floor(CONTENT_WIDTH / 2);
  const top = new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [half, CONTENT_WIDTH - half],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          cell(
            model.orgLines.map((l) => para([run(l, { size: SIZE - 2 })], { center: true, after: 0 })),
            half,
            { borders: false },
          ),
          cell([para([run(PARTY_LINE, { bold: true, underline: true })], { center: true, after: 0 })], CONTENT_WIDTH - half, { borders: false }),
        ],
      }),
    ],
  });
  const photo = 1701; // 3 cm
  const numbers = new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [photo, CONTENT_WIDTH - photo],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        height: { value: 2268, rule: 'atLeast' }, // 4 cm
        children: [
          new TableCell({
            children: [para([run('Ảnh 3×4', { italics: true, size: 20 })], { center: true, after: 0 })],
            width: { size: photo, type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            borders: { top: line, bottom: line, left: line, right: line },
          }),
          cell(
            [
              para([run('Số lý lịch: '), run(model.sheetNo || '………………', { bold: true })], { indent: 360, before: 240, after: 120 }),
              para([run('Số thẻ đảng viên: '), run(model.cardNo || '………………', { bold: true })], { indent: 360, after: 120 }),
              para([run('Họ và tên: '), run(model.fullName, { bold: true })], { indent: 360 }),
            ],
            CONTENT_WIDTH - photo,
            { borders: false },
          ),
        ],
      }),
    ],
  });
  return [top, para([run(model.title, { bold: true, size: 32 })], { center: true, before: 240, after: 200 }), numbers, para([], { after: 120 })];
}

function footer(model: SheetModel): (Paragraph | Table)[] {
  const half = Math.floor(CONTENT_WIDTH / 2);
  return [
    para([run(model.footer.date, { italics: true })], { before: 240, after: 60 }),
    new Table({
      width: { size: CONTENT_WIDTH, type: WidthType.DXA },
      columnWidths: [half, CONTENT_WIDTH - half],
      borders: TableBorders.NONE,
      rows: [
        new TableRow({
          children: [
            cell(
              [
                para([run(model.footer.left, { bold: true })], { center: true, after: 0 }),
                para([run('(Ký tên, đóng dấu)', { italics: true })], { center: true }),
              ],
              half,
              {
                borders: false,
              },
            ),
            cell(
              [
                para([run(model.footer.right, { bold: true })], { center: true, after: 0 }),
                para([run('(Ký, ghi rõ họ và tên)', { italics: true })], { center: true, after: 1200 }),
                para([run(model.fullName, { bold: true })], { center: true }),
              ],
              CONTENT_WIDTH - half,
              { borders: false },
            ),
          ],
        }),
      ],
    }),
  ];
}

export async function renderSheetDocx(model: SheetModel): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [...header(model)];
  for (const section of model.sections) {
    body.push(para([run(section.title, { bold: true })], { before: 200, after: 100 }));
    for (const b of section.blocks) body.push(...(b.type === 'field' ? [field(b)] : table(b)));
  }
  body.push(...footer(model));
  const doc = new Document({
    creator: 'Hạt Nhân',
    title: `${model.title} – ${model.fullName}`,
    description: 'Mẫu 2-HSĐV',
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [{ properties: { page: { size: A4, margin: MARGIN } }, children: body }],
  });
  return Packer.toBuffer(doc);
}
