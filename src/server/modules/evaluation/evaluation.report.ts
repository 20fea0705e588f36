/**
 * The results report as a Word document: A4, Times New Roman 13 pt, the sentences the committees write in their
 * yearly reports ("… tổ chức cơ sở đảng, trong đó … đạt hoàn thành xuất sắc nhiệm vụ (…%)"), the breakdown per
 * subordinate organisation as a table they can edit, the shares over the years, the commendation candidates and the
 * organisations under consolidation. Built from the same answers as the page and the workbook.
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatVnDate } from '../../../domain/dates.ts';
import { formatCount, formatNumber } from '../../../domain/numbers.ts';
import type { Distribution, ResultsAnswer } from './evaluation.service.ts';

const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 1134 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const FONT = 'Times New Roman';
const SIZE = 26;

const run = (text: string, bold = false) => new TextRun({ text, bold, size: SIZE });
const para = (text: string, opts: { bold?: boolean; center?: boolean; before?: number } = {}) =>
  new Paragraph({ children: [run(text, opts.bold)], ...(opts.center ? { alignment: AlignmentType.CENTER } : {}), spacing: { after: 80, before: opts.before ?? 0 } });
const pct = (n: number) => formatNumber(n, 2);
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function sentence(d: Distribution, what: string): string {
  if (d.total === 0) return `Chưa có kết quả xếp loại ${what}.`;
  const [ex, good, done, not] = d.levels;
  return (
    `Tổng số ${formatCount(d.total)} ${what} được đánh giá, xếp loại; trong đó: hoàn thành xuất sắc nhiệm vụ ${formatCount(ex!.count)} (${pct(ex!.percent)}%), ` +
    `hoàn thành tốt nhiệm vụ ${formatCount(good!.count)} (${pct(good!.percent)}%), hoàn thành nhiệm vụ ${formatCount(done!.count)} (${pct(done!.percent)}%), ` +
    `không hoàn thành nhiệm vụ ${formatCount(not!.count)} (${pct(not!.percent)}%). Tỷ lệ từ hoàn thành tốt nhiệm vụ trở lên đạt ${pct(d.goodOrBetter.percent)}%.`
  );
}

function grid(headers: string[], rows: string[][], widths: number[]): Table {
  const total = widths.reduce((a, w) => a + w, 0);
  const w = widths.map((x) => Math.floor((x / total) * CONTENT_WIDTH));
  const cell = (text: string, i: number, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [run(text, bold)] })], width: { size: w[i]!, type: WidthType.DXA }, borders: { top: line, bottom: line, left: line, right: line } });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    rows: [new TableRow({ children: headers.map((h, i) => cell(h, i, true)), tableHeader: true }), ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, i)) }))],
  });
}

export async function resultsReport(r: ResultsAnswer, extra: { streakYears: number; streaks: string[]; consolidation: { orgName: string; reason: string; status: string }[]; today: string }): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [
    para('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, center: true }),
    para(`Ngày ${formatVnDate(extra.today)}`, { center: true }),
    para(`BÁO CÁO KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC ĐẢNG VÀ ĐẢNG VIÊN NĂM ${r.year}`, { bold: true, center: true, before: 240 }),
    para(r.name, { center: true }),
    para('1. Tổ chức cơ sở đảng', { bold: true, before: 240 }),
    para(sentence(r.orgs, 'tổ chức cơ sở đảng')),
    para('2. Đảng viên', { bold: true, before: 120 }),
    para(sentence(r.members, 'đảng viên')),
  ];
  if (r.children.length > 0) {
    body.push(para('3. Kết quả theo đơn vị trực thuộc', { bold: true, before: 120 }));
    body.push(
      grid(
        ['Đơn vị', 'Đảng viên', 'ĐV HTXSNV', 'ĐV HTTNV trở lên (%)', 'TCCSĐ', 'TCCSĐ HTXSNV', 'TCCSĐ KHTNV'],
        r.children.map((c) => [c.name, formatCount(c.members.total), formatCount(c.members.levels[0]!.count), pct(c.members.goodOrBetter.percent), formatCount(c.orgs.total), formatCount(c.orgs.levels[0]!.count), formatCount(c.orgs.levels[3]!.count)]),
        [34, 11, 11, 13, 9, 11, 11],
      ),
    );
  }
  if (r.span && r.span.orgsExcellent) {
    const years = r.span.years.filter((y) => y.orgs.total > 0);
    body.push(para('4. Qua các năm', { bold: true, before: 120 }));
    body.push(para(`Số tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ hằng năm đạt ${pct(r.span.orgsExcellent.min)} – ${pct(r.span.orgsExcellent.max)}%.`));
    body.push(grid(['Năm', 'TCCSĐ', 'TCCSĐ HTXSNV (%)', 'Đảng viên', 'ĐV HTTNV trở lên (%)'], years.map((y) => [String(y.year), formatCount(y.orgs.total), pct(y.orgs.levels[0]!.percent), formatCount(y.members.total), pct(y.members.goodOrBetter.percent)]), [12, 16, 24, 18, 30]));
  }
  body.push(para(`5. Tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ ${extra.streakYears} năm liền (${r.year - extra.streakYears + 1}–${r.year}): ${extra.streaks.length}`, { bold: true, before: 120 }));
  for (const name of extra.streaks) body.push(para(`– ${name}`));
  const open = extra.consolidation.filter((c) => c.status === 'open');
  body.push(para(`6. Tổ chức đảng yếu kém đang củng cố: ${open.length}`, { bold: true, before: 120 }));
  for (const c of open) body.push(para(`– ${c.orgName}: ${c.reason}`));
  const doc = new Document({
    creator: 'Hạt Nhân',
    title: `Báo cáo kết quả đánh giá, xếp loại năm ${r.year}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [{ properties: { page: { size: A4, margin: MARGIN } }, children: body }],
  });
  return Packer.toBuffer(doc);
}
