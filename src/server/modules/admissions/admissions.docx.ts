/**
 * The standard documents of the admission procedure as Word files (docx): the dossier checklist, the cell's resolution
 * proposing admission, the admission decision and the cell's resolution proposing recognition, filled in from the
 * dossier. One pure model per document (`admissionDocument`), rendered in the party document layout of HD 36 by the
 * shared template (`renderPartyDocument`). The committee edits and signs the file; the wording is the usual form, not a legal text.
 */
import { renderPartyDocument, table, text } from '../../office/party-document.ts';
import { formatVnDate } from '../../../domain/dates.ts';
import { formatPercent } from '../../../domain/numbers.ts';
import { STEP_LABELS, type AdmissionStepKind } from '../../../domain/admission.ts';

export const ADMISSION_DOCUMENTS = ['checklist', 'cell_resolution', 'decision', 'recognition_resolution'] as const;
export type AdmissionDocumentKind = (typeof ADMISSION_DOCUMENTS)[number];

export interface DossierForDocument {
  fullName: string;
  birthDate: string | null;
  orgName: string;
  /** The cell's superior committee today (the header's first line), when known. */
  superiorName?: string | null;
  steps: { kind: string; date: string; decisionNo: string | null; data: Record<string, unknown> }[];
  dates: { ceremonyOn: string | null; probationEndsOn: string | null; officialOn: string | null };
}

export interface DocumentModel {
  fileTitle: string;
  /** The issuing body and its superior (HD 36 header). */
  orgName: string;
  superior: string | null;
  /** Symbol kind and number ("123-QĐ/…"); the number blank for the committee when unknown. */
  symbol: { kind: string; number: string | null } | null;
  /** The document's date ('YYYY-MM-DD'), null for "ngày … tháng … năm …". */
  date: string | null;
  title: string;
  subtitle: string | null;
  paragraphs: string[];
  table: { header: string[]; rows: string[][] } | null;
  recipients: string[];
  signature: { capacity: string | null; position: string };
}

/** "123-QĐ/HU" as recorded → its number part; any other text is kept whole as the number. */
const numberOf = (decisionNo: string | null) => (decisionNo ? (/^([^-]+)-/u.exec(decisionNo)?.[1] ?? decisionNo) : null);

type Step = DossierForDocument['steps'][number];

const latestOf = (d: DossierForDocument, k: string): Step | undefined => [...d.steps].reverse().find((s) => s.kind === k);
const whoOf = (d: DossierForDocument) => `${d.fullName}${d.birthDate ? `, sinh ngày ${formatVnDate(d.birthDate)}` : ''}`;

/** The dossier checklist: every step, with its date and number once recorded. */
function checklist(d: DossierForDocument): DocumentModel {
  return {
    fileTitle: 'danh-muc-ho-so',
    orgName: d.orgName,
    superior: d.superiorName ?? null,
    symbol: null,
    date: null,
    title: 'DANH MỤC HỒ SƠ KẾT NẠP ĐẢNG VIÊN',
    subtitle: `Người vào Đảng: ${whoOf(d)}`,
    paragraphs: [],
    table: {
      header: ['STT', 'Bước', 'Ngày', 'Số văn bản', 'Tình trạng'],
      rows: (Object.keys(STEP_LABELS) as AdmissionStepKind[]).map((k, i) => {
        const s = latestOf(d, k);
        return [String(i + 1), STEP_LABELS[k], s ? formatVnDate(s.date) : '', s?.decisionNo ?? '', s ? 'Đã có' : 'Chưa có'];
      }),
    },
    recipients: ['Cấp ủy cơ sở', 'Hồ sơ kết nạp'],
    signature: { capacity: null, position: 'NGƯỜI LẬP' },
  };
}

/** The cell's resolution proposing admission, from its vote. */
function cellResolution(d: DossierForDocument): DocumentModel | string {
  const vote = latestOf(d, 'cell_vote');
  if (!vote) return 'Chi bộ chưa xét, biểu quyết đề nghị kết nạp.';
  const who = whoOf(d);
  const den = (vote.data.denominator ?? {}) as { officialMembers?: number; denominator?: number };
  const inFavour = Number(vote.data.inFavour ?? 0);
  const pct = formatPercent(den.denominator ? (inFavour / den.denominator) * 100 : 0, 1);
  return {
    fileTitle: 'nghi-quyet-de-nghi-ket-nap',
    orgName: d.orgName,
    superior: d.superiorName ?? null,
    symbol: { kind: 'NQ', number: numberOf(vote.decisionNo) },
    date: vote.date,
    title: 'NGHỊ QUYẾT',
    subtitle: 'Đề nghị kết nạp đảng viên',
    paragraphs: [
      `Ngày ${formatVnDate(vote.date)}, ${d.orgName} họp xét đề nghị kết nạp ${who} vào Đảng Cộng sản Việt Nam.`,
      `Tổng số đảng viên chính thức của chi bộ: ${den.officialMembers ?? ''}; số đảng viên chính thức được tính để biểu quyết: ${den.denominator ?? ''}.`,
      `Số đảng viên chính thức tán thành việc kết nạp: ${inFavour}, đạt ${pct}.`,
      `Chi bộ đề nghị cấp ủy cấp trên xem xét, quyết định kết nạp quần chúng ${d.fullName} vào Đảng Cộng sản Việt Nam.`,
    ],
    table: null,
    recipients: [d.superiorName ? `${d.superiorName} (để báo cáo)` : 'Cấp ủy cấp trên (để báo cáo)', 'Hồ sơ kết nạp'],
    signature: { capacity: 'T/M CHI BỘ', position: 'BÍ THƯ' },
  };
}

/** The admission decision, issued by the deciding body recorded with the decision. */
function decision(d: DossierForDocument): DocumentModel | string {
  const decision = latestOf(d, 'decision');
  if (!decision) return 'Chưa có quyết định kết nạp.';
  const who = whoOf(d);
  const body = typeof decision.data.decidingBody === 'string' && decision.data.decidingBody ? decision.data.decidingBody : 'Cấp ủy có thẩm quyền';
  return {
    fileTitle: 'quyet-dinh-ket-nap',
    orgName: body,
    superior: null,
    symbol: { kind: 'QĐ', number: decision.decisionNo?.includes('/') ? decision.decisionNo : numberOf(decision.decisionNo) },
    date: decision.date,
    title: 'QUYẾT ĐỊNH',
    subtitle: 'Về việc kết nạp đảng viên',
    paragraphs: [
      'Căn cứ Điều lệ Đảng Cộng sản Việt Nam và các quy định thi hành Điều lệ Đảng;',
      `Xét đề nghị của ${d.orgName} và của cấp ủy cơ sở,`,
      'QUYẾT ĐỊNH:',
      `Điều 1. Kết nạp ${who} vào Đảng Cộng sản Việt Nam; thời gian dự bị 12 tháng kể từ ngày tổ chức lễ kết nạp.`,
      `Điều 2. ${d.orgName} tổ chức lễ kết nạp trong thời hạn 30 ngày làm việc kể từ ngày nhận được quyết định và phân công đảng viên chính thức giúp đỡ đảng viên dự bị.`,
    ],
    table: null,
    recipients: [d.orgName, `Đồng chí ${d.fullName}`, 'Hồ sơ kết nạp'],
    signature: { capacity: `T/M ${body.toUpperCase()}`, position: 'BÍ THƯ' },
  };
}

/** The cell's resolution proposing recognition as an official member, from the vote that recognised him. */
function recognitionResolution(d: DossierForDocument): DocumentModel | string {
  const vote = [...d.steps].reverse().find((s) => s.kind === 'recognition_vote' && s.data.outcome === 'recognized');
  if (!vote || !d.dates.officialOn) return 'Chi bộ chưa biểu quyết công nhận đảng viên chính thức.';
  const who = whoOf(d);
  const den = (vote.data.denominator ?? {}) as { denominator?: number };
  return {
    fileTitle: 'nghi-quyet-cong-nhan-chinh-thuc',
    orgName: d.orgName,
    superior: d.superiorName ?? null,
    symbol: { kind: 'NQ', number: numberOf(vote.decisionNo) },
    date: vote.date,
    title: 'NGHỊ QUYẾT',
    subtitle: 'Đề nghị công nhận đảng viên chính thức',
    paragraphs: [
      `Ngày ${formatVnDate(vote.date)}, ${d.orgName} họp xét công nhận đảng viên chính thức cho đồng chí ${who}, kết nạp ngày ${formatVnDate(d.dates.ceremonyOn)}.`,
      `Số đảng viên chính thức tán thành: ${Number(vote.data.forRecognition ?? 0)}/${den.denominator ?? ''}.`,
      `Chi bộ đề nghị cấp ủy cấp trên công nhận đồng chí ${d.fullName} là đảng viên chính thức từ ngày ${formatVnDate(d.dates.officialOn)}.`,
    ],
    table: null,
    recipients: [d.superiorName ? `${d.superiorName} (để báo cáo)` : 'Cấp ủy cấp trên (để báo cáo)', 'Hồ sơ kết nạp'],
    signature: { capacity: 'T/M CHI BỘ', position: 'BÍ THƯ' },
  };
}

/** The document's content, or a Vietnamese reason why the dossier cannot give it yet. */
export function admissionDocument(d: DossierForDocument, kind: AdmissionDocumentKind): DocumentModel | string {
  switch (kind) {
    case 'checklist':
      return checklist(d);
    case 'cell_resolution':
      return cellResolution(d);
    case 'decision':
      return decision(d);
    case 'recognition_resolution':
      return recognitionResolution(d);
  }
}

/** The model in the party document layout of HD 36 (src/server/docx/party-document.ts), the one template of every Word file. */
export async function renderAdmissionDocx(m: DocumentModel): Promise<Buffer> {
  return renderPartyDocument({
    superior: m.superior,
    issuer: m.orgName,
    symbol: m.symbol,
    place: null,
    date: m.date,
    kind: m.title,
    summary: m.subtitle,
    body: [...m.paragraphs.map((p) => text(p)), ...(m.table ? [table(m.table.header, m.table.rows, [6, 34, 14, 20, 16])] : [])],
    recipients: m.recipients,
    signature: m.signature,
    title: m.title,
  });
}
