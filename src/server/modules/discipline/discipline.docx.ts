/**
 * The discipline decision as a Word file (issue 15 part 8): filled in from the recorded decision and rendered in the
 * party document layout of HD 36 by the shared template (`renderPartyDocument`), like the inspection decision. The
 * periods it quotes (the complaint window, the lapse) come from the rule set of the decision's day (domain.md §11).
 * The deciding body edits and signs the file; the wording is the usual form, not a legal text.
 */
import type { DisciplineDecisionView } from '../../../contract/discipline.ts';
import { formatVnDate } from '../../../domain/dates.ts';
import { DISCIPLINE_FORM_LABELS } from '../../../domain/discipline.ts';
import { ruleSetOn } from '../../../domain/rulesets.ts';
import { contentDisposition } from '../../office/download.ts';
import { DOCX_MIME } from '../../office/mime.ts';
import { renderPartyDocument, text } from '../../office/party-document.ts';

/** Who signs for each deciding body. */
const SIGNATURES: Record<NonNullable<DisciplineDecisionView['decidingBody']>, { capacity: string; position: string }> = {
  cell: { capacity: 'T/M CHI BỘ', position: 'BÍ THƯ' },
  committee: { capacity: 'T/M ĐẢNG ỦY', position: 'BÍ THƯ' },
  standing_committee: { capacity: 'T/M BAN THƯỜNG VỤ', position: 'BÍ THƯ' },
  inspection_committee: { capacity: 'T/M ỦY BAN KIỂM TRA', position: 'CHỦ NHIỆM' },
};

export interface DisciplineDocNames {
  /** The deciding organisation's name (the label when the decision predates the module and has none). */
  deciding: string | null;
  /** The subject member's organisation on the decision's day, or the disciplined organisation's superior. */
  subjectOrg: string | null;
}

/** The decision's file, or the Vietnamese reason there is none (a state discipline is not a party document). */
export async function disciplineDocx(d: DisciplineDecisionView, names: DisciplineDocNames) {
  if (d.kind === 'state') return 'Kỷ luật về chính quyền, đoàn thể không lập quyết định theo thể thức văn bản của Đảng.';
  const rules = ruleSetOn(d.decidedOn).discipline;
  const form = DISCIPLINE_FORM_LABELS[d.form];
  const member = d.subjectKind === 'member';
  const subject = member ? `đồng chí ${d.subjectName}` : d.subjectName;
  const who = member
    ? `${d.membership === 'probationary' ? 'đảng viên dự bị' : 'đảng viên'}${names.subjectOrg ? `, sinh hoạt tại ${names.subjectOrg}` : ''}`
    : null;
  const issuer = d.decidingBody === 'inspection_committee' && names.deciding ? `Ủy ban Kiểm tra ${names.deciding}` : (names.deciding ?? d.decidingLabel);
  const lapses = d.lapsesOn
    ? `Sau ${rules.lapseMonths} tháng kể từ ngày công bố${d.announcedOn ? ` (${formatVnDate(d.announcedOn)})` : ''}, nếu không có vi phạm mới hoặc khiếu nại, quyết định tự chấm dứt hiệu lực.`
    : null;
  const paragraphs = [
    'Căn cứ Điều lệ Đảng Cộng sản Việt Nam;',
    'Căn cứ các quy định của Trung ương về thi hành kỷ luật trong Đảng;',
    `Xét ${member ? 'vi phạm của' : 'vi phạm của tổ chức đảng'} ${subject}${d.violationOn ? ` (ngày vi phạm ${formatVnDate(d.violationOn)})` : ''}${d.reason ? `: ${d.reason}` : ''};`,
    'QUYẾT ĐỊNH:',
    `Điều 1. Thi hành kỷ luật bằng hình thức ${form.toUpperCase()} đối với ${subject}${who ? ` (${who})` : ''}.`,
    `Điều 2. Quyết định có hiệu lực kể từ ngày ${formatVnDate(d.decidedOn)}.${lapses ? ` ${lapses}` : ''}`,
    `${member ? 'Đảng viên' : 'Tổ chức đảng'} bị kỷ luật có quyền khiếu nại trong thời hạn ${rules.complaintDays} ngày kể từ ngày nhận quyết định.`,
    `Điều 3. Các tổ chức đảng có liên quan và ${subject} chịu trách nhiệm thi hành quyết định này.`,
  ];
  const bytes = await renderPartyDocument({
    superior: null,
    issuer,
    symbol: { kind: 'QĐ', number: d.decisionNo },
    place: null,
    date: d.decidedOn,
    kind: 'QUYẾT ĐỊNH',
    summary: `về việc thi hành kỷ luật đối với ${member ? `đảng viên ${d.subjectName}` : d.subjectName}`,
    body: paragraphs.map((p) => text(p, p === 'QUYẾT ĐỊNH:' ? { bold: true, center: true } : {})),
    recipients: [member ? `Đồng chí ${d.subjectName}` : d.subjectName, ...(names.subjectOrg && member ? [names.subjectOrg] : []), 'Ủy ban kiểm tra cấp trên'],
    signature: d.decidingBody ? SIGNATURES[d.decidingBody] : { capacity: null, position: 'BÍ THƯ' },
    title: `Quyết định kỷ luật ${d.decisionNo}`,
  });
  const name = `quyet-dinh-ky-luat-${d.decidedOn}.docx`;
  return { bytes, mime: DOCX_MIME, contentDisposition: contentDisposition({ utf8: name, ascii: name }) };
}
