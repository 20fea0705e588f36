/** The header of a file download, shared by every route that sends a document. */

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 with RFC 5987 encoding): an ASCII name for old clients, the exact UTF-8 name for the others. */
export function contentDisposition(names: { utf8: string; ascii: string }): string {
  const encoded = encodeURIComponent(names.utf8).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${names.ascii}"; filename*=UTF-8''${encoded}`;
}
