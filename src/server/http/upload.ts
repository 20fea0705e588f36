/**
 * The one file of a multipart/form-data upload and the text fields around it, or a Vietnamese 4xx: 415 when the body
 * is not multipart, 413 past the size limit (refused from Content-Length before anything is read when the body
 * announces more), 400 for a missing file, a second file, a file in another field than «file», a field sent twice or
 * too long, and a body multipart cannot parse. U+0000 in a field name, value or file name is refused (text-guard.ts).
 *
 * Used by every upload route (member import, member dossier, evaluation import, meeting attendance sheet and meeting
 * files); each passes its own words for the missing file and its advice on a too large one. The route registers
 * @fastify/multipart with its limits (fileSize = maxMb MB, files: 1) in its own plugin.
 */
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, invalid } from './errors.ts';
import { refuseNulIn } from './text-guard.ts';

/** Multipart framing and the text fields around the file: boundaries, part headers. */
const FRAMING_BYTES = 64 * 1024;

export interface UploadOptions {
  /** The size limit the route registered multipart with. */
  maxMb: number;
  /** The message when no file was sent, in the route's words («Chưa chọn tệp điểm danh.»). */
  noFile: string;
  /** Advice appended to the 413 message («Hãy chia danh sách thành nhiều tệp.»). */
  tooLargeHint?: string;
  /** The 415 message, when the route names more than the file. */
  notMultipart?: string;
}

export interface UploadedFile<F = Record<string, string>> {
  /** The file name as the browser sent it (checked for U+0000, otherwise untouched). */
  fileName: string;
  bytes: Buffer;
  /** The text fields sent with the file, each once, as the route's `fields` parsed them. */
  fields: F;
}

/**
 * Parses the text fields of an upload with a contract schema: a 400 naming each field (an unknown one by its name),
 * like a JSON body's.
 */
export function multipartFields<S extends z.ZodType>(schema: S): (raw: Record<string, string>) => z.infer<S> {
  return (raw) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const details = parsed.error.issues.map((i) => ({
      field: (i.code === 'unrecognized_keys' ? i.keys : i.path).join('.') || 'body',
      message: i.message,
    }));
    throw new AppError(400, 'VALIDATION_ERROR', `Dữ liệu không hợp lệ: ${details[0]!.field}: ${details[0]!.message}`, details);
  };
}

/** The 413 of an upload past `maxMb`. */
export function fileTooLarge(maxMb: number, hint?: string): AppError {
  return new AppError(413, 'PAYLOAD_TOO_LARGE', `Tệp quá lớn: tối đa ${maxMb} MB.${hint ? ` ${hint}` : ''}`, [
    { field: 'file', message: `Tối đa ${maxMb} MB.` },
  ]);
}

/** Reads the parts: every text field once, the one file in the field «file». */
async function readParts(req: FastifyRequest): Promise<{ fields: Record<string, string>; file: { fileName: string; bytes: Buffer } | null }> {
  const fields: Record<string, string> = {};
  let file: { fileName: string; bytes: Buffer } | null = null;
  for await (const part of req.parts()) {
    refuseNulIn(part.fieldname, part.type === 'file' ? 'file' : 'body');
    if (part.type === 'file') {
      if (part.fieldname !== 'file') throw invalid(part.fieldname, 'Tệp phải gửi trong trường «file».');
      file = { fileName: part.filename, bytes: await (part as MultipartFile).toBuffer() };
      refuseNulIn(file.fileName, 'file');
    } else {
      if (part.valueTruncated || part.fieldnameTruncated) throw invalid(part.fieldname, 'Thông tin gửi kèm quá dài.');
      if (part.fieldname in fields) throw invalid(part.fieldname, 'Trường này được gửi nhiều lần.');
      const value = typeof part.value === 'string' ? part.value : String(part.value);
      refuseNulIn(value, part.fieldname);
      fields[part.fieldname] = value;
    }
  }
  return { fields, file };
}

/**
 * The uploaded file and its fields; see the file header for what is refused. `fields` (default: the raw text fields)
 * checks them before the missing file is reported.
 */
export async function uploadedFile<F = Record<string, string>>(
  req: FastifyRequest,
  opts: UploadOptions & { fields?: (raw: Record<string, string>) => F },
): Promise<UploadedFile<F>> {
  if (!req.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', opts.notMultipart ?? 'Hãy gửi tệp dưới dạng multipart/form-data (trường «file»).');
  if (Number(req.headers['content-length']) > opts.maxMb * 1024 * 1024 + FRAMING_BYTES) throw fileTooLarge(opts.maxMb, opts.tooLargeHint);
  let read: Awaited<ReturnType<typeof readParts>>;
  try {
    read = await readParts(req);
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge(opts.maxMb, opts.tooLargeHint);
    if (code === 'FST_FILES_LIMIT') throw invalid('file', 'Chỉ gửi một tệp mỗi lần.');
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw invalid('file', 'Quá nhiều trường thông tin gửi kèm.');
    throw invalid('file', 'Tải tệp lên không thành công (dữ liệu multipart không hợp lệ). Hãy thử lại.');
  }
  const fields = opts.fields ? opts.fields(read.fields) : (read.fields as F);
  if (!read.file) throw invalid('file', opts.noFile);
  return { ...read.file, fields };
}
