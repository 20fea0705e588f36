/**
 * The look of the workbooks the system writes: the header row's style and calendar days as real Excel dates with the
 * Vietnamese day format (issue 12 part 8: dates and row numbers are values, not text).
 */
import type ExcelJS from 'exceljs';

/** Excel's day format for real date cells. */
export const DATE_FORMAT = 'dd/mm/yyyy';

/**
 * A calendar day ('YYYY-MM-DD' or 'DD/MM/YYYY') as an Excel date (midnight UTC: ExcelJS writes the serial from UTC, so
 * the day never shifts); anything else (a partial date, empty) is returned as it is, to stay text.
 */
export function excelDay(value: string): Date | string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const vn = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[3], vn[2], vn[1]] : [];
  if (!y) return value;
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
}

/** Puts a day in a cell: a real date with the Vietnamese day format, or the text it was. */
export function setDayCell(cell: ExcelJS.Cell, value: string): void {
  const v = excelDay(value);
  cell.value = v;
  if (v instanceof Date) cell.numFmt = DATE_FORMAT;
}

/** A header row: bold, centred, wrapped, on a light fill with a rule below. */
export function styleHeader(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
    c.border = { bottom: { style: 'thin' } };
  });
}
