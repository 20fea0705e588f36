/** The header of a file download, shared by every route that sends a document. */
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { asciiFileName } from '../../domain/member-documents.ts';

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 with RFC 5987 encoding): an ASCII name for old clients, the exact UTF-8 name for the others. */
export function contentDisposition(names: { utf8: string; ascii: string }): string {
  const encoded = encodeURIComponent(names.utf8).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${names.ascii}"; filename*=UTF-8''${encoded}`;
}

/** A stored file sent as a download: its type, size, name (UTF-8 and ASCII), no caching, its hash as the ETag. */
export function sendStoredFile(reply: FastifyReply, d: { stream: Readable; fileName: string; mime: string; size: number; sha256: string }): FastifyReply {
  return reply
    .header('content-type', d.mime)
    .header('content-length', d.size)
    .header('content-disposition', contentDisposition({ utf8: d.fileName, ascii: asciiFileName(d.fileName) }))
    .header('cache-control', 'private, no-store')
    .header('etag', `"${d.sha256}"`)
    .send(d.stream);
}
