/**
 * What an uploaded file is, decided by its content (magic bytes, the entries of a zip), never by its name or the
 * Content-Type the browser sent: a renamed .exe stays a program, a .docx renamed .xlsx stays a Word document. Shared by
 * the member import (spreadsheets) and the member dossier (scans and office documents); each decides what it accepts.
 */
import { zipEntryNames } from './zip.ts';

/** The kinds told apart. `text` is any content that is valid UTF-8 without control bytes; `unknown` is the rest. */
export type ContentKind = 'empty' | 'pdf' | 'jpeg' | 'png' | 'tiff' | 'xlsx' | 'docx' | 'zip' | 'broken-zip' | 'ole' | 'exe' | 'text' | 'unknown';

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** UTF-8 text without NUL or other control bytes (tab, CR, LF allowed), judged on its first 64 KiB. */
export function looksLikeText(bytes: Buffer): boolean {
  const head = bytes.subarray(0, Math.min(bytes.length, 1 << 16));
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
  try {
    // A multi-byte character cut at 64 KiB is not an error: decode without the last 3 bytes when the file is longer.
    const sample = bytes.length > head.length ? head.subarray(0, head.length - 3) : head;
    new TextDecoder('utf-8', { fatal: true }).decode(sample);
    return true;
  } catch {
    return false;
  }
}

/** The kind of a file by its content. */
export function sniffContent(bytes: Buffer): ContentKind {
  if (bytes.length === 0) return 'empty';
  const head = bytes.subarray(0, 8);
  if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) {
    const names = zipEntryNames(bytes);
    if (!names) return 'broken-zip';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
    if (names.includes('word/document.xml')) return 'docx';
    return 'zip';
  }
  if (head.equals(OLE)) return 'ole';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.equals(PNG)) return 'png';
  if (
    head.length >= 4 &&
    (head.subarray(0, 4).equals(Buffer.from([0x49, 0x49, 0x2a, 0x00])) || head.subarray(0, 4).equals(Buffer.from([0x4d, 0x4d, 0x00, 0x2a])))
  )
    return 'tiff';
  if (head.length >= 2 && head[0] === 0x4d && head[1] === 0x5a) return 'exe';
  if (head.length >= 4 && head.subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))) return 'exe';
  return looksLikeText(bytes) ? 'text' : 'unknown';
}
