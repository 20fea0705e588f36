import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { cellText } from '../../../domain/member-import.ts';
import { readSheets } from './member-import.files.ts';
import { xlsxOf } from './member-import.fixtures.ts';
import { exportWorkbook } from './member-import.workbook.ts';

/** Distinct Vietnamese texts, nearly every letter 2 or 3 bytes in UTF-8: chunk boundaries fall inside letters. */
const text = (i: number, j: number) => `Nguyễn Thị Ánh Tuyết ${i}·${j} ở xã Đồng Hỷ, tỉnh Thái Nguyên — Trưởng ấp Ấp Bắc`;

async function readAll(bytes: Buffer): Promise<string[][]> {
  const out: string[][] = [];
  for await (const sheet of readSheets('xlsx', bytes)) {
    for await (const { cells } of sheet.rows) out.push(cells.map(cellText));
    break;
  }
  return out;
}

describe('reading xlsx as a stream', () => {
  it('keeps every Vietnamese letter whole across chunk boundaries (shared strings)', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [text(i, 0), text(i, 1), text(i, 2)]);
    const read = await readAll(await xlsxOf(rows));
    expect(read.length).toBe(rows.length);
    const broken = read.flat().filter((t) => t.includes('\uFFFD'));
    expect(broken).toEqual([]);
    expect(read).toEqual(rows.map((r) => r.map((t) => t.normalize('NFC'))));
  });

  it('keeps every Vietnamese letter whole across chunk boundaries (inline strings, as the export writes them)', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => out.on('end', resolve));
    const book = exportWorkbook(out);
    for (let i = 0; i < 3000; i++) book.addRow({ fullName: text(i, 0), hometown: text(i, 1), currentAddress: text(i, 2) });
    await book.finish();
    await done;
    const read = await readAll(Buffer.concat(chunks));
    expect(read.length).toBe(3001);
    expect(read.flat().filter((t) => t.includes('\uFFFD'))).toEqual([]);
    expect(read[1]!.slice(0, 2)).toEqual(['1', text(0, 0)]);
    expect(read[3000]![1]).toBe(text(2999, 0));
  });
});
