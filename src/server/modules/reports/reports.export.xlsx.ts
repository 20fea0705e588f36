/**
 * A report as a workbook (issue 14 part 6): one sheet per table in a fixed layout, so that a committee's formula or
 * copy keeps working from one report to the next. Row 1 the title, row 2 the scope, row 3 the period (row 4 the
 * comparison or the submission, else empty), row 5 the header, the figures from row 6: column A the row's label
 * indented by its level, then one column per figure. Figures are numbers (never text) with the number formats that a
 * Vietnamese Excel shows as 8.716 and 2,91; percentages are in percent (2,91 means 2,91%).
 */
import ExcelJS from 'exceljs';
import { styleHeader } from '../../office/sheet-style.ts';
import type { ExportModel, ExportTable, ExportUnit } from './reports.export.model.ts';

/** The first row of figures on every sheet. */
export const FIRST_FIGURE_ROW = 6;

const FORMATS: Record<ExportUnit, string> = { count: '#,##0', percent: '#,##0.00', years: '#,##0.0' };
const SIGNED: Record<ExportUnit, string> = { count: '+#,##0;-#,##0;0', percent: '+#,##0.00;-#,##0.00;0', years: '+#,##0.0;-#,##0.0;0' };

/** A sheet's name: at most 31 characters, none of \ / ? * [ ] :, unique in the workbook. */
function sheetName(title: string, index: number, used: Set<string>): string {
  const base = `${index + 1}. ${title.replace(/[\\/?*[\]:]/g, ' ')}`.slice(0, 31).trim();
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 27)} (${i})`;
  used.add(name.toLowerCase());
  return name;
}

function addTable(wb: ExcelJS.Workbook, model: ExportModel, t: ExportTable, name: string) {
  const ws = wb.addWorksheet(name);
  ws.columns = [{ width: 48 }, ...t.columns.map(() => ({ width: 16 }))];
  ws.getCell('A1').value = t.title;
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.getCell('A2').value = t.scopeLine;
  ws.getCell('A3').value = t.periodLine;
  ws.getCell('A4').value = [t.compareLine, model.submittedLine].filter(Boolean).join('. ') || null;
  ws.getCell('A4').font = { italic: true };
  const header = ws.getRow(5);
  header.values = ['Chỉ tiêu', ...t.columns.map((c) => (c.unit === 'percent' ? `${c.label} (%)` : c.label))];
  styleHeader(header);
  header.height = 45;
  t.rows.forEach((r, i) => {
    const row = ws.getRow(FIRST_FIGURE_ROW + i);
    row.getCell(1).value = r.label;
    row.getCell(1).alignment = { indent: Math.max(0, r.level) * 2, wrapText: true };
    if (r.level === 0) row.font = { bold: true };
    r.values.forEach((v, j) => {
      const cell = row.getCell(j + 2);
      const col = t.columns[j]!;
      cell.value = v;
      cell.numFmt = col.role === 'difference' ? SIGNED[col.unit] : FORMATS[col.unit];
    });
  });
  let next = FIRST_FIGURE_ROW + t.rows.length + 1;
  for (const line of t.footnotes) {
    ws.getCell(`A${next++}`).value = line;
  }
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 5 }];
}

export async function reportWorkbook(model: ExportModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hạt Nhân';
  wb.title = `${model.title} - ${model.orgName}`;
  const used = new Set<string>();
  model.tables.forEach((t, i) => addTable(wb, model, t, sheetName(t.title, i, used)));
  if (model.tables.length === 0) wb.addWorksheet('Báo cáo').getCell('A1').value = 'Báo cáo không có bảng nào.';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
