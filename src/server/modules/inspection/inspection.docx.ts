/**
 * The documents of an inspection or a supervision as Word files (issue 15 part 8): the decision to carry it out and the
 * notice of its conclusion, filled in from the item and rendered in the party document layout of HD 36 by the shared
 * template (`renderPartyDocument`). The body edits and signs the file; the wording is the usual form, not a legal text.
 */
import { INSPECTION_BODY_LABELS, ITEM_KIND_LABELS } from '../../../contract/inspection.ts';
import { formatVnDate } from '../../../domain/dates.ts';
import { contentDisposition } from '../../office/download.ts';
import { DOCX_MIME } from '../../office/mime.ts';
import { renderPartyDocument, text } from '../../office/party-document.ts';
import type { ItemView } from '../../../contract/inspection.ts';

export const INSPECTION_DOCUMENTS = ['decision', 'conclusion'] as const;
export type InspectionDocumentKind = (typeof INSPECTION_DOCUMENTS)[number];

/** The file of one document of the item, or a Vietnamese reason it cannot be made yet (no conclusion). */
export async function inspectionDocx(item: ItemView, kind: InspectionDocumentKind, superior: string | null) {
  const what = ITEM_KIND_LABELS[item.kind].toLowerCase();
  const issuer = item.body === 'inspection_committee' ? `Ủy ban Kiểm tra ${item.orgName}` : item.orgName;
  const period = item.periodFrom && item.periodTo ? ` trong thời gian từ ${formatVnDate(item.periodFrom)} đến ${formatVnDate(item.periodTo)}` : '';
  const subject = `${item.subject.kind === 'member' ? 'đồng chí ' : ''}${item.subject.name}`;
  if (kind === 'conclusion' && item.status !== 'concluded') return 'Việc chưa có kết luận: chưa lập được thông báo kết luận.';
  const paragraphs =
    kind === 'decision'
      ? [
          `Căn cứ Điều lệ Đảng và các quy định của Trung ương về công tác kiểm tra, giám sát và kỷ luật của Đảng;`,
          `Căn cứ chương trình, kế hoạch kiểm tra, giám sát năm ${item.dueOn.slice(0, 4)} của ${INSPECTION_BODY_LABELS[item.body].toLowerCase()} ${item.orgName},`,
          'QUYẾT ĐỊNH:',
          `Điều 1. Tiến hành ${what} đối với ${subject}${period}.`,
          `Nội dung: ${item.content}.`,
          `Thời hạn hoàn thành: trước ngày ${formatVnDate(item.dueOn)}.${item.inCharge ? ` Phụ trách: ${item.inCharge}.` : ''}`,
          `Điều 2. ${subject.charAt(0).toUpperCase()}${subject.slice(1)} và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành quyết định này.`,
        ]
      : [
          `Thực hiện chương trình, kế hoạch kiểm tra, giám sát năm ${item.dueOn.slice(0, 4)}, ${issuer} đã tiến hành ${what} đối với ${subject}${period}.`,
          `Nội dung: ${item.content}.`,
          `Kết luận ngày ${formatVnDate(item.concludedOn)}: ${item.conclusion ?? '…'}`,
          item.violationFound
            ? 'Qua kiểm tra, giám sát phát hiện có vi phạm; đề nghị xem xét, xử lý theo quy định.'
            : 'Qua kiểm tra, giám sát không phát hiện vi phạm.',
        ];
  const bytes = await renderPartyDocument({
    superior,
    issuer,
    symbol: { kind: kind === 'decision' ? 'QĐ' : 'TB', number: null },
    place: null,
    date: kind === 'conclusion' ? item.concludedOn : null,
    kind: kind === 'decision' ? 'QUYẾT ĐỊNH' : 'THÔNG BÁO KẾT LUẬN',
    summary: `${kind === 'decision' ? 'về việc' : ''} ${what} đối với ${subject}`.trim(),
    body: paragraphs.map((p) => text(p, p === 'QUYẾT ĐỊNH:' ? { bold: true, center: true } : {})),
    recipients: [item.subject.kind === 'org' ? item.subject.name : `Đồng chí ${item.subject.name}`],
    signature: { capacity: item.body === 'inspection_committee' ? 'T/M ỦY BAN KIỂM TRA' : 'T/M BAN THƯỜNG VỤ', position: 'CHỦ NHIỆM' },
    title: `${kind === 'decision' ? 'Quyết định' : 'Thông báo kết luận'} ${what}`,
  });
  const name = `${kind === 'decision' ? 'quyet-dinh' : 'ket-luan'}-${item.kind === 'inspection' ? 'kiem-tra' : 'giam-sat'}`;
  return { bytes, mime: DOCX_MIME, contentDisposition: contentDisposition({ utf8: `${name}.docx`, ascii: `${name}.docx` }) };
}
