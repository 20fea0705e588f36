/**
 * Requests and answers of the member dossier. The upload is multipart/form-data: its text fields are checked by
 * `UploadFields` (strict: an unknown field is an error), the file by its content in the service.
 */
import { z } from 'zod';
import { DOCUMENT_TYPE_CODES } from '../domain/member-documents.ts';
import { normalizeText } from '../domain/text.ts';
import { IdSchema, IsoDateSchema, TextSchema } from './common.ts';

const OptText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => normalizeText(s))
    .transform((s) => (s === '' ? null : s))
    .optional();

/** The fields sent beside the file. Dates are `YYYY-MM-DD`; the form shows them DD/MM/YYYY. */
export const UploadFields = z.strictObject({
  docType: z.enum(DOCUMENT_TYPE_CODES),
  title: TextSchema(255),
  certifiedBy: OptText(255),
  certifiedOn: z.preprocess((v) => (v === '' ? undefined : v), IsoDateSchema.optional()),
  note: OptText(2000),
});
export type UploadFieldsInput = z.infer<typeof UploadFields>;

export const MemberDocumentsParams = z.strictObject({ id: IdSchema });
export const DocumentFileParams = z.strictObject({ id: IdSchema, documentId: IdSchema });

export const DocumentVersionSchema = z.object({
  id: z.string(),
  version: z.number(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
  certifiedBy: z.string().nullable(),
  certifiedOn: z.string().nullable(),
  note: z.string().nullable(),
  uploadedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  uploadedAt: z.string(),
  /** A later version of the same document exists. */
  superseded: z.boolean(),
});

export const DocumentSchema = z.object({
  docType: z.string(),
  docTypeName: z.string(),
  title: z.string(),
  sensitive: z.boolean(),
  /** The caller may download the files (sensitive types need the sensitive-groups right). */
  canDownload: z.boolean(),
  latest: DocumentVersionSchema,
  /** Every version, newest first. */
  versions: z.array(DocumentVersionSchema),
});

export const DocumentListResponse = z.object({
  memberId: z.string(),
  canUpload: z.boolean(),
  maxMb: z.number(),
  items: z.array(DocumentSchema),
});

export type DocumentVersion = z.infer<typeof DocumentVersionSchema>;
export type MemberDocument = z.infer<typeof DocumentSchema>;
export type MemberDocumentList = z.infer<typeof DocumentListResponse>;
/** What the upload form sends besides the file (multipart fields, all text). */
export type UploadFieldsBody = z.infer<typeof UploadFields>;
