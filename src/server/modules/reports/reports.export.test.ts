/** The exports read back: the workbook with ExcelJS, the Word document's XML, the PDF's text (issue 14 part 6). */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { pdfText, zipEntryText } from '../member-sheet/member-sheet.fixtures.ts';
import { reportDocument } from './reports.export.docx.ts';
import { sampleReport } from './reports.export.fixtures.ts';
import { exportFileNames, exportModel, formatFigure } from './reports.export.model.ts';
import { reportPdf } from './reports.export.pdf.ts';
import { FIRST_FIGURE_ROW, reportWorkbook } from './reports.export.xlsx.ts';

const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');

async function load(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe('report exports', () => {
  it('prints figures as Vietnamese writes them', () => {
    expect(formatFigure(8716, 'count')).toBe('8.716');
    expect(formatFigure(2.91, 'percent')).toBe('2,91%');
    expect(formatFigure(45.25, 'years')).toBe('45,3');
    expect(formatFigure(196, 'count', true)).toBe('+196');
    expect(formatFigure(-44, 'count', true)).toBe('-44');
    expect(formatFigure(null, 'count')).toBe('');
  });

  it('adds the previous year and the difference beside each column when compared', () => {
    const m = exportModel(sampleReport());
    const t = m.tables[0]!;
    expect(t.columns.map((c) => c.role)).toEqual(['value', 'previous', 'difference', 'value', 'previous', 'difference']);
    expect(t.rows[0]!.values).toEqual([8716, 8520, 196, 100, 100, 0]);
    expect(t.rows[2]!.values.slice(3)).toEqual([2.91, 3.05, -0.14]);
    expect(t.periodLine).toBe('Tính đến ngày 31/12/2025');
    expect(t.compareLine).toBe('So sánh với ngày 31/12/2024');
    expect(m.tables[1]!.periodLine).toBe('Từ ngày 01/01/2025 đến ngày 31/12/2025');
    expect(m.tables[1]!.compareLine).toBe('So sánh với cùng kỳ năm trước: từ ngày 01/01/2024 đến ngày 31/12/2024');
    expect(m.tables[1]!.footnotes).toEqual(['Đầu kỳ + tăng − giảm = cuối kỳ: khớp (8.520 + 212 − 16 = 8.716)']);
    expect(exportModel(sampleReport(undefined, false)).tables[0]!.columns).toHaveLength(2);
    const one = exportModel(sampleReport(), { table: 'member-changes' });
    expect(one.title).toBe('Biến động đảng viên trong kỳ');
    expect(one.tables.map((x) => x.key)).toEqual(['member-changes']);
  });

  it('names the file in Vietnamese with an ASCII twin', () => {
    const names = exportFileNames(exportModel(sampleReport()), '2025-12-31', 'xlsx');
    expect(names.utf8).toBe('Báo cáo thống kê - Đảng bộ xã Tân Lập - 31-12-2025.xlsx');
    expect(names.ascii).toBe('bao-cao-thong-ke-dang-bo-xa-tan-lap-31-12-2025.xlsx');
  });

  it('writes a sheet per table in the fixed layout, figures as numbers with Vietnamese formats', async () => {
    const wb = await load(
      await reportWorkbook(exportModel(sampleReport(), { submitted: { version: 2, submittedAt: '2026-01-05T03:00:00Z', submittedBy: 'Nguyễn Thị Hà' } })),
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual(['1. Đảng viên theo giới tính, độ', '2. Biến động đảng viên trong kỳ']);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('Đảng viên theo giới tính, độ tuổi, dân tộc');
    expect(ws.getCell('A2').value).toBe('Đơn vị: Đảng bộ xã Tân Lập');
    expect(ws.getCell('A3').value).toBe('Tính đến ngày 31/12/2025');
    expect(ws.getCell('A4').value).toBe('So sánh với ngày 31/12/2024. Báo cáo đã gửi lần 2, lúc 10:00 ngày 05/01/2026, người gửi: Nguyễn Thị Hà');
    expect(ws.getRow(5).values).toEqual([
      undefined,
      'Chỉ tiêu',
      'Số lượng',
      'Số lượng (cùng kỳ năm trước)',
      'Số lượng: tăng (+), giảm (−)',
      'Tỷ lệ (%)',
      'Tỷ lệ (cùng kỳ năm trước) (%)',
      'Tỷ lệ: tăng (+), giảm (−) (%)',
    ]);
    const total = ws.getRow(FIRST_FIGURE_ROW);
    expect(total.getCell(1).value).toBe('Tổng số đảng viên');
    expect(total.getCell(2).value).toBe(8716);
    expect(total.getCell(2).numFmt).toBe('#,##0');
    expect(total.getCell(4).value).toBe(196);
    expect(total.getCell(4).numFmt).toBe('+#,##0;-#,##0;0');
    const minority = ws.getRow(FIRST_FIGURE_ROW + 2);
    expect(minority.getCell(1).alignment.indent).toBe(4);
    expect(minority.getCell(5).value).toBe(2.91);
    expect(minority.getCell(5).numFmt).toBe('#,##0.00');
    expect(ws.getRow(FIRST_FIGURE_ROW + 3).getCell(3).value).toBe(45.1);
    expect(ws.getRow(FIRST_FIGURE_ROW + 3).getCell(5).value).toBe(null);
    expect(ws.getCell(`A${FIRST_FIGURE_ROW + 5}`).value).toBe('Tuổi tính đến ngày báo cáo.');
    const changes = wb.worksheets[1]!;
    expect(changes.getRow(FIRST_FIGURE_ROW + 3).values).toEqual([undefined, 'Cuối kỳ', 8716, 8520, 196]);
  });

  it('writes the Word report in the HD 36 layout with the tables', async () => {
    const bytes = await reportDocument(exportModel(sampleReport()), { superiorName: 'Đảng bộ tỉnh Hưng Yên', date: '2026-01-05' });
    const body = textOf(zipEntryText(bytes, 'word/document.xml')!);
    for (const part of [
      'ĐẢNG BỘ TỈNH HƯNG YÊN',
      'ĐẢNG BỘ XÃ TÂN LẬP',
      'Số      -BC/ĐU',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      '…, ngày 05 tháng 01 năm 2026',
      'BÁO CÁO',
      'Báo cáo thống kê',
      '1. Đảng viên theo giới tính, độ tuổi, dân tộc',
      'Tổng số đảng viên|8.716|8.520|+196|100%|100%|0',
      'Dân tộc thiểu số|254|260|-6|2,91%|3,05%|-0,14%',
      'Đầu kỳ + tăng − giảm = cuối kỳ: khớp (8.520 + 212 − 16 = 8.716)',
      'Nơi nhận:',
      '- Đảng bộ tỉnh Hưng Yên (để báo cáo)',
      'T/M ĐẢNG BỘ XÃ TÂN LẬP',
      'BÍ THƯ',
    ])
      expect(body).toContain(part);
  });

  it('writes the PDF without a browser, with Vietnamese text and the figures', async () => {
    const bytes = await reportPdf(exportModel(sampleReport()), { superiorName: 'Đảng bộ tỉnh Hưng Yên', date: '2026-01-05' });
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    for (const part of [
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'BÁO CÁO THỐNG KÊ',
      'Đơn vị: Đảng bộ xã Tân Lập',
      'Tổng số đảng viên',
      '8.716',
      '+196',
      '2,91%',
      'Biến động đảng viên trong kỳ',
    ])
      expect(text).toContain(part);
  });
});
