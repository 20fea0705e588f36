/**
 * The list of a term's committee as a Word document (issue 17 part 8), in the party document layout of HD 36 (the
 * shared template): the committee and the inspection committee in force on a date, each with its post and since when,
 * then the changes during the term. The committee's office edits and signs the file.
 */
import { formatVnDate } from '../../../domain/dates.ts';
import { renderPartyDocument, table, text } from '../../office/party-document.ts';
import type { committeeOn } from './congress.terms.ts';

type View = Awaited<ReturnType<typeof committeeOn>>;

function body(v: View) {
  const committee = v.seats.filter((s) => s.body === 'committee');
  const inspection = v.seats.filter((s) => s.body === 'inspection');
  const rows = (list: View['seats']) => list.map((s, i) => [String(i + 1), s.fullName, s.postLabel, `${s.howLabel} (${formatVnDate(s.fromOn)})`]);
  const changes = v.history
    .filter((s) => s.how !== 'elected' || s.endedOn)
    .map((s) => [
      s.fullName,
      s.postLabel,
      s.how !== 'elected' ? `${s.howLabel} từ ${formatVnDate(s.fromOn)}${s.decisionNo ? ` (${s.decisionNo})` : ''}` : '',
      s.endedOn ? `${s.endReasonLabel ?? ''} từ ${formatVnDate(s.endedOn)}${s.endDecisionNo ? ` (${s.endDecisionNo})` : ''}` : '',
    ]);
  return [
    text(
      `Đại hội ${v.term.orgName} nhiệm kỳ ${v.term.label} họp ngày ${formatVnDate(v.term.congressOn)}${
        v.term.decisionNo
          ? `; kết quả bầu cử được chuẩn y theo Quyết định số ${v.term.decisionNo}${v.term.decisionOn ? ` ngày ${formatVnDate(v.term.decisionOn)}` : ''}`
          : ''
      }. Danh sách tính đến ngày ${formatVnDate(v.asOf)}:`,
    ),
    text(`I. CẤP ỦY (${committee.length} đồng chí)`, { bold: true, before: 120 }),
    table(['TT', 'Họ và tên', 'Chức vụ', 'Từ ngày'], rows(committee), [6, 38, 30, 26]),
    ...(inspection.length > 0
      ? [
          text(`II. ỦY BAN KIỂM TRA (${inspection.length} đồng chí)`, { bold: true, before: 120 }),
          table(['TT', 'Họ và tên', 'Chức vụ', 'Từ ngày'], rows(inspection), [6, 38, 30, 26]),
        ]
      : []),
    ...(changes.length > 0
      ? [
          text('THAY ĐỔI TRONG NHIỆM KỲ', { bold: true, before: 120 }),
          table(['Họ và tên', 'Chức vụ', 'Bổ sung', 'Thôi giữ chức vụ'], changes, [28, 24, 24, 24]),
        ]
      : []),
  ];
}

/** The committee list as Word bytes. */
export async function renderCommitteeDocx(v: View): Promise<Buffer> {
  return renderPartyDocument({
    superior: null,
    issuer: v.term.orgName,
    symbol: null,
    place: null,
    date: v.asOf,
    kind: 'DANH SÁCH',
    summary: `Cấp ủy ${v.term.orgName} nhiệm kỳ ${v.term.label}`,
    body: body(v),
    recipients: ['Cấp ủy cấp trên (để báo cáo)', 'Lưu văn phòng'],
    signature: { capacity: 'T/M BAN THƯỜNG VỤ', position: 'BÍ THƯ' },
    title: `Danh sách cấp ủy nhiệm kỳ ${v.term.label}`,
  });
}
