/**
 * Reading zip archives held in memory (xlsx and docx are zips): the entries from the central directory, and one
 * entry's content as a stream. Enough for office files: stored or deflated entries, sizes from the central directory
 * (so entries written with a data descriptor read the same), the zip64 sizes of an entry; no encryption, no archive
 * spanning disks.
 */
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when the entry is opened. */
  method: number;
  /** General purpose flags; bit 0 is encryption. */
  flags: number;
  compressedSize: number;
  /** Where the entry's local header starts. */
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const MAX32 = 0xffffffff;

/** The end of central directory record: 22 bytes plus a comment of up to 65535, at the end of the file. */
function findEndOfDirectory(bytes: Buffer): number {
  const min = Math.max(0, bytes.length - 22 - 65535);
  for (let i = bytes.length - 22; i >= min; i--) if (bytes.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** Sizes and offset an entry keeps in its zip64 extra field, for those its central record marks 0xFFFFFFFF. */
function zip64Values(extra: Buffer, marked: { uncompressed: boolean; compressed: boolean; offset: boolean }) {
  for (let p = 0; p + 4 <= extra.length;) {
    const id = extra.readUInt16LE(p);
    const size = extra.readUInt16LE(p + 2);
    if (id === ZIP64_EXTRA) {
      let q = p + 4;
      const next = () => {
        if (q + 8 > p + 4 + size) return null;
        const v = Number(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      const uncompressed = marked.uncompressed ? next() : null;
      return { uncompressed, compressed: marked.compressed ? next() : null, offset: marked.offset ? next() : null };
    }
    p += 4 + size;
  }
  return null;
}

/** The entries of a zip archive in the order of its central directory; null when the archive is unreadable. */
export function zipEntries(bytes: Buffer): ZipEntry[] | null {
  const eocd = findEndOfDirectory(bytes);
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL) return null;
    const nameLen = bytes.readUInt16LE(p + 28);
    const extraLen = bytes.readUInt16LE(p + 30);
    const commentLen = bytes.readUInt16LE(p + 32);
    let compressedSize = bytes.readUInt32LE(p + 20);
    let localOffset = bytes.readUInt32LE(p + 42);
    if (compressedSize === MAX32 || localOffset === MAX32) {
      const extra = bytes.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
      const z = zip64Values(extra, { uncompressed: bytes.readUInt32LE(p + 24) === MAX32, compressed: compressedSize === MAX32, offset: localOffset === MAX32 });
      if (!z) return null;
      compressedSize = z.compressed ?? compressedSize;
      localOffset = z.offset ?? localOffset;
    }
    entries.push({
      name: bytes.toString('utf8', p + 46, p + 46 + nameLen),
      flags: bytes.readUInt16LE(p + 8),
      method: bytes.readUInt16LE(p + 10),
      compressedSize,
      localOffset,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Names of the entries of a zip archive, from its central directory; null when the archive is unreadable. */
export function zipEntryNames(bytes: Buffer): string[] | null {
  return zipEntries(bytes)?.map((e) => e.name) ?? null;
}

/**
 * The content of one entry as a stream (inflated when deflated). Throws for an entry that cannot be read: encrypted,
 * compressed some other way, or cut short; a corrupt deflate stream errors the stream.
 */
export function openZipEntry(bytes: Buffer, entry: ZipEntry): Readable {
  const p = entry.localOffset;
  if (p + 30 > bytes.length || bytes.readUInt32LE(p) !== LOCAL) throw new Error(`zip: no local header for ${entry.name}`);
  if (entry.flags & 1) throw new Error(`zip: ${entry.name} is encrypted`);
  const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new Error(`zip: ${entry.name} is cut short`);
  if (entry.method === 0) return Readable.from([data]);
  if (entry.method !== 8) throw new Error(`zip: ${entry.name} uses compression method ${entry.method}`);
  const inflate = createInflateRaw();
  inflate.end(data);
  return inflate;
}
