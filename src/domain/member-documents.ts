/**
 * The dossier of a member (domain.md §4 "Dossier"): the documents of the member file, by type. Each document keeps
 * every version ever uploaded; a new upload of the same type and title is the next version and the earlier ones stay
 * (they are "superseded", never overwritten nor deleted).
 *
 * `sensitive` types carry the family and political history (the background form and its yearly supplements) or a
 * discipline: their files are read only by those who may read the sensitive groups of the file (domain.md §4, §11).
 * Those that carry family and political history (`history`) are for the grassroots committee and above only.
 */

export interface DocumentType {
  code: string;
  name: string;
  sensitive: boolean;
  /** Carries family and political history: readable only from the grassroots committee up (domain.md §4). */
  history?: boolean;
}

export const DOCUMENT_TYPES = [
  { code: 'application', name: 'Đơn xin vào Đảng', sensitive: false },
  { code: 'background', name: 'Lý lịch người xin vào Đảng, lý lịch đảng viên', sensitive: true, history: true },
  { code: 'introduction', name: 'Giấy giới thiệu người vào Đảng', sensitive: false },
  { code: 'certificate', name: 'Giấy chứng nhận, văn bằng', sensitive: false },
  { code: 'admission_decision', name: 'Quyết định kết nạp, công nhận đảng viên chính thức', sensitive: false },
  { code: 'decision', name: 'Quyết định khác (chuyển sinh hoạt, khen thưởng…)', sensitive: false },
  { code: 'discipline_decision', name: 'Quyết định kỷ luật', sensitive: true },
  { code: 'supplement', name: 'Phiếu bổ sung hồ sơ đảng viên (hằng năm)', sensitive: true, history: true },
  { code: 'member_sheet', name: 'Phiếu đảng viên', sensitive: false },
  { code: 'other', name: 'Tài liệu khác', sensitive: false },
] as const satisfies readonly DocumentType[];

export type DocumentTypeCode = (typeof DOCUMENT_TYPES)[number]['code'];

export const DOCUMENT_TYPE_CODES = DOCUMENT_TYPES.map((t) => t.code) as [DocumentTypeCode, ...DocumentTypeCode[]];

export function documentType(code: string): DocumentType | undefined {
  return DOCUMENT_TYPES.find((t) => t.code === code);
}

/** The file formats a dossier accepts, recognised by content; the extension a stored name gets when it lacks one. */
export const DOCUMENT_FORMATS = {
  pdf: { mime: 'application/pdf', ext: ['pdf'], name: 'PDF' },
  jpeg: { mime: 'image/jpeg', ext: ['jpg', 'jpeg'], name: 'ảnh JPEG' },
  png: { mime: 'image/png', ext: ['png'], name: 'ảnh PNG' },
  tiff: { mime: 'image/tiff', ext: ['tif', 'tiff'], name: 'ảnh TIFF' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: ['docx'], name: 'Word (.docx)' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: ['xlsx'], name: 'Excel (.xlsx)' },
} as const;

export type DocumentFormat = keyof typeof DOCUMENT_FORMATS;

/**
 * The name a file is stored and downloaded under: the last path segment of what the browser sent, NFC, without
 * control characters, at most 200 characters, with the extension of its real format appended when it has another.
 */
export function storedFileName(sent: string, format: DocumentFormat, fallback = 'tai-lieu'): string {
  let name = (sent.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .split('')
    .filter((c) => c.charCodeAt(0) >= 0x20 && c !== '\u007f' && c !== '"')
    .join('')
    .trim();
  if (!name || name === '.' || name === '..') name = fallback;
  const { ext } = DOCUMENT_FORMATS[format];
  const dot = name.lastIndexOf('.');
  const current = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (!(ext as readonly string[]).includes(current)) name = `${name}.${ext[0]}`;
  if (name.length > 200) {
    const suffix = name.slice(name.lastIndexOf('.'));
    name = name.slice(0, 200 - suffix.length) + suffix;
  }
  return name;
}

/** An ASCII rendering of a Vietnamese file name, for clients that do not read RFC 5987 names: "Đơn xin.pdf" → "Don xin.pdf". */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\%;]/g, '_');
}
