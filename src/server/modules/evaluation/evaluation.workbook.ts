/** The results of a subtree and year as a workbook: the distribution, the breakdown per child, the span of years. */
import ExcelJS from 'exceljs';
import type { ResultsAnswer } from './evaluation.figures.ts';

export async function resultsWorkbook(r: ResultsAnswer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hạt Nhân';
  const bold = (row: ExcelJS.Row) => {
    row.font = { bold: true };
  };
  const ws = wb.addWorksheet(`Năm ${r.year}`);
  ws.columns = [{ width: 36 }, { width: 14 }, { width: 12 }, { width: 14 }, { width: 12 }];
  bold(ws.addRow([`Kết quả đánh giá, xếp loại năm ${r.year}: ${r.name}`]));
  ws.addRow([]);
  bold(ws.addRow(['Mức xếp loại', 'Số đảng viên', 'Tỷ lệ (%)', 'Số TCCSĐ', 'Tỷ lệ (%)']));
  r.members.levels.forEach((l, i) => ws.addRow([l.label, l.count, l.percent, r.orgs.levels[i]!.count, r.orgs.levels[i]!.percent]));
  bold(ws.addRow(['Tổng số', r.members.total, 100, r.orgs.total, 100]));
  ws.addRow([
    'Từ hoàn thành tốt nhiệm vụ trở lên',
    r.members.goodOrBetter.count,
    r.members.goodOrBetter.percent,
    r.orgs.goodOrBetter.count,
    r.orgs.goodOrBetter.percent,
  ]);

  const byChild = wb.addWorksheet('Theo đơn vị');
  byChild.columns = [{ width: 40 }, ...Array.from({ length: 10 }, () => ({ width: 12 }))];
  bold(byChild.addRow(['Đơn vị', 'Đảng viên', 'HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', 'TCCSĐ', 'HTXSNV', 'HTTNV', 'HTNV', 'KHTNV']));
  for (const c of r.children)
    byChild.addRow([c.name, c.members.total, ...c.members.levels.map((l) => l.count), c.orgs.total, ...c.orgs.levels.map((l) => l.count)]);

  if (r.span) {
    const sp = wb.addWorksheet('Qua các năm');
    sp.columns = [{ width: 10 }, { width: 14 }, { width: 22 }, { width: 14 }, { width: 22 }];
    bold(sp.addRow(['Năm', 'Số đảng viên', 'Tỷ lệ HTTNV trở lên (%)', 'Số TCCSĐ', 'Tỷ lệ TCCSĐ HTXSNV (%)']));
    for (const y of r.span.years) sp.addRow([y.year, y.members.total, y.members.goodOrBetter.percent, y.orgs.total, y.orgs.levels[0]!.percent]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
