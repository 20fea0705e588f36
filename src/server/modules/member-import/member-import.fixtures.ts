/**
 * Test helpers for the member import: spreadsheets, CSV and a minimal .docx built in memory (no binary fixtures are
 * committed), multipart uploads and binary downloads through Fastify's inject().
 */
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { TestApp } from '../../../../test/helpers/app.ts';
import { injectLogin, type RawResponse } from '../../../../test/helpers/inject-session.ts';

export type SheetCell = string | number | Date | null;

/** An xlsx whose first sheet holds the rows; text cells stay text, numbers numbers, Dates Excel date cells. */
export async function xlsxOf(rows: readonly (readonly SheetCell[])[], sheetName = 'Danh sách'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  // Fixed document dates: the same rows make the same bytes (the same file, by its SHA-256).
  wb.created = wb.modified = new Date(Date.UTC(2026, 0, 1));
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) {
    const row = ws.addRow(r.map((c) => c ?? null));
    r.forEach((c, i) => {
      if (c instanceof Date) row.getCell(i + 1).numFmt = 'dd/mm/yyyy';
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV text in UTF-8, with a BOM as Excel's "CSV UTF-8" writes it. */
export function csvOf(rows: readonly (readonly string[])[], opts: { bom?: boolean; sep?: string } = {}): Buffer {
  const sep = opts.sep ?? ',';
  const quote = (s: string) => (/[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const text = rows.map((r) => r.map(quote).join(sep)).join('\r\n') + '\r\n';
  return Buffer.concat([opts.bom === false ? Buffer.alloc(0) : Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/** A zip archive of stored (uncompressed) entries. */
export function zipOf(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'utf8');
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The smallest Word document: what a .docx renamed .xlsx really is. */
export function docxBytes(): Buffer {
  return zipOf({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    'word/document.xml':
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Họ và tên</w:t></w:r></w:p></w:body></w:document>',
  });
}

/** The values of every cell of every sheet, as text, by sheet name. */
export async function readXlsx(bytes: Buffer): Promise<Record<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: Record<string, string[][]> = {};
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      // A date cell reads as the user sees it (DD/MM/YYYY); a number as its digits.
      const values = (row.values as unknown[])
        .slice(1)
        .map((v) =>
          v === null || v === undefined
            ? ''
            : v instanceof Date
              ? `${String(v.getUTCDate()).padStart(2, '0')}/${String(v.getUTCMonth() + 1).padStart(2, '0')}/${v.getUTCFullYear()}`
              : typeof v === 'object' && 'richText' in (v as object)
                ? (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('')
                : String(v),
        );
      rows[n - 1] = values;
    });
    out[ws.name] = Array.from(rows, (r) => r ?? []);
  });
  return out;
}

export type { RawResponse };

/** A logged-in session able to upload files and download binary answers. */
export async function rawSession(t: TestApp, username: string) {
  const { cookie, csrf, answer } = await injectLogin(t, username);
  return {
    async download(url: string): Promise<RawResponse> {
      return answer(await t.app.inject({ method: 'GET', url, headers: { cookie } }));
    },
    /** Sends one file in a multipart/form-data body (field "file"). */
    async upload(
      bytes: Buffer,
      filename = 'danh-sach.xlsx',
      url = '/api/members/import/preview',
      contentType = 'application/octet-stream',
    ): Promise<RawResponse> {
      const boundary = `----hatnhan${randomBytes(8).toString('hex')}`;
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
        'utf8',
      );
      const payload = Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
      return answer(
        await t.app.inject({
          method: 'POST',
          url,
          headers: { cookie, 'x-csrf-token': csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
          payload,
        }),
      );
    },
    async post(url: string): Promise<RawResponse> {
      return answer(await t.app.inject({ method: 'POST', url, headers: { cookie, 'x-csrf-token': csrf } }));
    },
  };
}

export type RawSession = Awaited<ReturnType<typeof rawSession>>;
