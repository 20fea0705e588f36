/**
 * The standard documents of the admission procedure as Word files (docx): the dossier checklist, the cell's resolution
 * proposing admission, the admission decision and the cell's resolution proposing recognition, filled in from the
 * dossier. One pure model per document (`admissionDocument`), one renderer (`renderAdmissionDocx`): A4, Times New Roman
 * 13 pt like the member sheet. The committee edits and signs the file; the wording is the usual form, not a legal text.
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatVnDate } from '../../../domain/dates.ts';
import { formatPercent } from '../../../domain/numbers.ts';
import { STEP_LABELS, type AdmissionStepKind } from '../../../domain/admission.ts';

export const ADMISSION_DOCUMENTS = ['checklist', 'cell_resolution', 'decision', 'recognition_resolution'] as const;
export type AdmissionDocumentKind = (typeof ADMISSION_DOCUMENTS)[number];

export interface DossierForDocument {
  fullName: string;
  birthDate: string | null;
  orgName: string;
  steps: { kind: string; date: string; decisionNo: string | null; data: Record<string, unknown> }[];
  dates: { ceremonyOn: string | null; probationEndsOn: string | null; officialOn: string | null };
}

export interface DocumentModel {
  fileTitle: string;
  orgName: string;
  placeDate: string | null;
  title: string;
  subtitle: string | null;
  paragraphs: string[];
  table: { header: string[]; rows: string[][] } | null;
  signature: string;
}

const vnLongDate = (iso: string) => `ngày ${iso.slice(8, 10)} tháng ${iso.slice(5, 7)} năm ${iso.slice(0, 4)}`;

/** The document's content, or a Vietnamese reason why the dossier cannot give it yet. */
export function admissionDocument(d: DossierForDocument, kind: AdmissionDocumentKind): DocumentModel | string {
  const latest = (k: string) => [...d.steps].reverse().find((s) => s.kind === k);
  const who = `${d.fullName}${d.birthDate ? `, sinh ngày ${formatVnDate(d.birthDate)}` : ''}`;
  switch (kind) {
    case 'checklist':
      return {
        fileTitle: 'danh-muc-ho-so',
        orgName: d.orgName,
        placeDate: null,
        title: 'DANH MỤC HỒ SƠ KẾT NẠP ĐẢNG VIÊN',
        subtitle: `Người vào Đảng: ${who}`,
        paragraphs: [],
        table: {
          header: ['STT', 'Bước', 'Ngày', 'Số văn bản', 'Tình trạng'],
          rows: (Object.keys(STEP_LABELS) as AdmissionStepKind[]).map((k, i) => {
            const s = latest(k);
            return [String(i + 1), STEP_LABELS[k], s ? formatVnDate(s.date) : '', s?.decisionNo ?? '', s ? 'Đã có' : 'Chưa có'];
          }),
        },
        signature: 'NGƯỜI LẬP',
      };
    case 'cell_resolution': {
      const vote = latest('cell_vote');
      if (!vote) return 'Chi bộ chưa xét, biểu quyết đề nghị kết nạp.';
      const den = (vote.data.denominator ?? {}) as { officialMembers?: number; denominator?: number };
      const inFavour = Number(vote.data.inFavour ?? 0);
      const pct = formatPercent(den.denominator ? (inFavour / den.denominator) * 100 : 0, 1);
      return {
        fileTitle: 'nghi-quyet-de-nghi-ket-nap',
        orgName: d.orgName,
        placeDate: vnLongDate(vote.date),
        title: 'NGHỊ QUYẾT',
        subtitle: 'Đề nghị kết nạp đảng viên',
        paragraphs: [
          `Ngày ${formatVnDate(vote.date)}, ${d.orgName} họp xét đề nghị kết nạp ${who} vào Đảng Cộng sản Việt Nam.`,
          `Tổng số đảng viên chính thức của chi bộ: ${den.officialMembers ?? ''}; số đảng viên chính thức được tính để biểu quyết: ${den.denominator ?? ''}.`,
          `Số đảng viên chính thức tán thành việc kết nạp: ${inFavour}, đạt ${pct}.`,
          `Chi bộ đề nghị cấp ủy cấp trên xem xét, quyết định kết nạp quần chúng ${d.fullName} vào Đảng Cộng sản Việt Nam.`,
        ],
        table: null,
        signature: 'T/M CHI BỘ\nBÍ THƯ',
      };
    }
    case 'decision': {
      const decision = latest('decision');
      if (!decision) return 'Chưa có quyết định kết nạp.';
      const body = typeof decision.data.decidingBody === 'string' && decision.data.decidingBody ? decision.data.decidingBody : 'Cấp ủy có thẩm quyền';
      return {
        fileTitle: 'quyet-dinh-ket-nap',
        orgName: body,
        placeDate: vnLongDate(decision.date),
        title: 'QUYẾT ĐỊNH',
        subtitle: `Kết nạp đảng viên${decision.decisionNo ? ` (số ${decision.decisionNo})` : ''}`,
        paragraphs: [
          'Căn cứ Điều lệ Đảng Cộng sản Việt Nam và các quy định thi hành Điều lệ Đảng;',
          `Xét đề nghị của ${d.orgName} và của cấp ủy cơ sở,`,
          'QUYẾT ĐỊNH:',
          `Điều 1. Kết nạp ${who} vào Đảng Cộng sản Việt Nam; thời gian dự bị 12 tháng kể từ ngày tổ chức lễ kết nạp.`,
          `Điều 2. ${d.orgName} tổ chức lễ kết nạp trong thời hạn 30 ngày làm việc kể từ ngày nhận được quyết định và phân công đảng viên chính thức giúp đỡ đảng viên dự bị.`,
        ],
        table: null,
        signature: `T/M ${body.toUpperCase()}`,
      };
    }
    case 'recognition_resolution': {
      const vote = [...d.steps].reverse().find((s) => s.kind === 'recognition_vote' && s.data.outcome === 'recognized');
      if (!vote || !d.dates.officialOn) return 'Chi bộ chưa biểu quyết công nhận đảng viên chính thức.';
      const den = (vote.data.denominator ?? {}) as { denominator?: number };
      return {
        fileTitle: 'nghi-quyet-cong-nhan-chinh-thuc',
        orgName: d.orgName,
        placeDate: vnLongDate(vote.date),
        title: 'NGHỊ QUYẾT',
        subtitle: 'Đề nghị công nhận đảng viên chính thức',
        paragraphs: [
          `Ngày ${formatVnDate(vote.date)}, ${d.orgName} họp xét công nhận đảng viên chính thức cho đồng chí ${who}, kết nạp ngày ${formatVnDate(d.dates.ceremonyOn)}.`,
          `Số đảng viên chính thức tán thành: ${Number(vote.data.forRecognition ?? 0)}/${den.denominator ?? ''}.`,
          `Chi bộ đề nghị cấp ủy cấp trên công nhận đồng chí ${d.fullName} là đảng viên chính thức từ ngày ${formatVnDate(d.dates.officialOn)}.`,
        ],
        table: null,
        signature: 'T/M CHI BỘ\nBÍ THƯ',
      };
    }
  }
}

const FONT = 'Times New Roman';
const run = (text: string, opts: { bold?: boolean; italics?: boolean } = {}) => new TextRun({ text, font: FONT, size: 26, bold: opts.bold ?? false, italics: opts.italics ?? false });
const para = (text: string, opts: { bold?: boolean; italics?: boolean; center?: boolean; right?: boolean; after?: number } = {}) =>
  new Paragraph({
    children: text.split('\n').map((t, i) => new TextRun({ text: t, font: FONT, size: 26, bold: opts.bold ?? false, italics: opts.italics ?? false, ...(i > 0 ? { break: 1 } : {}) })),
    alignment: opts.center ? AlignmentType.CENTER : opts.right ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    spacing: { after: opts.after ?? 120 },
  });
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

export async function renderAdmissionDocx(m: DocumentModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    para(m.orgName.toUpperCase(), { bold: true }),
    para('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, right: true }),
    ...(m.placeDate ? [para(`…, ${m.placeDate}`, { italics: true, right: true })] : []),
    para(m.title, { bold: true, center: true, after: 60 }),
    ...(m.subtitle ? [para(m.subtitle, { bold: true, center: true, after: 240 })] : []),
    ...m.paragraphs.map((p) => para(p)),
  ];
  if (m.table) {
    const row = (cells: string[], bold = false) =>
      new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph({ children: [run(c, { bold })] })], borders: { top: line, bottom: line, left: line, right: line } })) });
    children.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(m.table.header, true), ...m.table.rows.map((r) => row(r))] }));
  }
  children.push(para(''), para(m.signature, { bold: true, right: true }));
  const doc = new Document({
    creator: 'Hạt Nhân',
    title: m.title,
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
