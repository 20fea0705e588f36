/**
 * Test helpers for the member dossier: small files of each accepted format built in memory (no binary fixtures are
 * committed) and a session that uploads multipart forms with fields and downloads bytes through Fastify's inject().
 */
import { createHash, randomBytes } from 'node:crypto';
import type { TestApp } from '../../../../test/helpers/app.ts';
import { injectLogin, type RawResponse } from '../../../../test/helpers/inject-session.ts';

/** A one-page PDF whose page shows `text` (ASCII); different texts make different bytes. */
export function pdfBytes(text = 'Don xin vao Dang'): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The first bytes of a JPEG (enough for the content check). */
export const jpegBytes = (): Buffer =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]), randomBytes(64), Buffer.from([0xff, 0xd9])]);
/** A PNG signature and a little data. */
export const pngBytes = (): Buffer => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);
/** What a Windows program starts with. */
export const exeBytes = (): Buffer => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('This program cannot be run in DOS mode.')]);

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A multipart/form-data body: text fields, then (when given) one file in the field `file`. */
export function multipartBody(fields: Record<string, string>, file?: { bytes: Buffer; name: string; type?: string }) {
  const boundary = `----hatnhan${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`, 'utf8'));
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
        'utf8',
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export type DocResponse = RawResponse;

/** A logged-in session that uploads dossier documents and downloads their files. */
export async function documentSession(t: TestApp, username: string) {
  const { cookie, csrf, answer } = await injectLogin(t, username);
  return {
    async upload(
      memberId: string,
      fields: Record<string, string>,
      file?: { bytes: Buffer; name: string; type?: string },
      url = `/api/members/${memberId}/documents`,
    ): Promise<DocResponse> {
      const { payload, contentType } = multipartBody(fields, file);
      return answer(await t.app.inject({ method: 'POST', url, headers: { cookie, 'x-csrf-token': csrf, 'content-type': contentType }, payload }));
    },
    async get(url: string): Promise<DocResponse> {
      return answer(await t.app.inject({ method: 'GET', url, headers: { cookie } }));
    },
  };
}

export type DocumentSession = Awaited<ReturnType<typeof documentSession>>;
