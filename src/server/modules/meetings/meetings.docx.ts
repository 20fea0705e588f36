/**
 * The meeting's Word files (issue 16 part 6) on the party-document template (office/party-document.ts, HD 36): the
 * minutes (biên bản sinh hoạt chi bộ) with the attendance filled in, the resolution (nghị quyết) with its tasks, and
 * the attendance sheet to print and sign. Built from the meeting page's model, so the files say what the page says.
 */
import { formatVnDate } from '../../../domain/dates.ts';
import { ATTENDANCE_LABELS, MEETING_KIND_LABELS, meetingMinutes, parseTimeOfDay } from '../../../domain/meetings.ts';
import { formatPercent } from '../../../domain/numbers.ts';
import type { MeetingDetail } from '../../../contract/meetings.ts';
import { heading, renderPartyDocument, table, text, type PartyDocument } from '../../office/party-document.ts';

export const MEETING_DOCUMENTS = ['minutes', 'resolution', 'attendance-sheet'] as const;
export type MeetingDocumentKind = (typeof MEETING_DOCUMENTS)[number];

const FILE_TITLES: Record<MeetingDocumentKind, string> = { minutes: 'bien-ban', resolution: 'nghi-quyet', 'attendance-sheet': 'danh-sach-diem-danh' };

const date = (m: MeetingDetail) => m.heldOn ?? m.plannedOn;
const body = (m: MeetingDetail) => (m.body === 'committee' ? 'CẤP ỦY' : 'CHI BỘ');

function attendanceLines(m: MeetingDetail): string[] {
  const q = m.quorum;
  const absent = m.attendance.filter((a) => a.attendance !== 'present');
  return [
    `Tổng số đảng viên: ${q.roll}; có mặt: ${q.present}; vắng có lý do: ${q.excused}; vắng không lý do: ${q.absent}.`,
    `Số đảng viên chính thức được tính (mẫu số): ${q.denominator}; có mặt ${q.presentCounted}, ${q.quorate ? 'đủ' : 'không đủ'} điều kiện (trên một nửa: ít nhất ${q.majorityNeeds}).`,
    ...(absent.length > 0
      ? [`Vắng: ${absent.map((a) => `${a.name} (${ATTENDANCE_LABELS[a.attendance].toLowerCase()}${a.reason ? `: ${a.reason}` : ''})`).join('; ')}.`]
      : []),
  ];
}

function minutes(m: MeetingDetail): PartyDocument {
  const start = m.startTime ?? '…';
  const end = m.endTime ?? '…';
  const duration = m.startTime && m.endTime ? meetingMinutes(parseTimeOfDay(m.startTime), parseTimeOfDay(m.endTime, true)) : null;
  return {
    superior: null,
    issuer: m.orgName,
    symbol: { kind: 'BB', number: null },
    place: null,
    date: date(m),
    kind: 'BIÊN BẢN',
    summary: `${MEETING_KIND_LABELS[m.kind]}${m.topic ? `: ${m.topic}` : ''}`,
    body: [
      text(`Thời gian: bắt đầu ${start}, kết thúc ${end} ngày ${formatVnDate(date(m))}${duration !== null ? ` (${duration} phút)` : ''}.`),
      text(`Địa điểm: ${m.place ?? '…'}.`),
      text(`Chủ trì: ${m.presidedBy ?? '…'}. Thư ký: ${m.minutesBy ?? '…'}.`),
      text(`Đại biểu cấp trên: ${m.superiorRepName ? `${m.superiorRepName} (${m.superiorPresent ? 'có mặt' : 'vắng'})` : 'không có'}.`),
      heading('I. Thành phần dự họp'),
      ...attendanceLines(m).map((l) => text(l)),
      heading('II. Nội dung'),
      text(m.minutesText ?? '…'),
      ...(m.carriedTasks.length > 0
        ? [
            heading('III. Kiểm điểm việc thực hiện nhiệm vụ kỳ trước'),
            ...m.carriedTasks.map((t) => text(`- ${t.content}${t.outcome ? `: ${t.outcome}` : ''}.`)),
          ]
        : []),
      text(`Buổi sinh hoạt kết thúc lúc ${end} cùng ngày.`),
    ],
    recipients: ['Đảng viên trong chi bộ'],
    signature: { capacity: null, position: 'CHỦ TRÌ', name: m.presidedBy },
    title: `Biên bản sinh hoạt ${formatVnDate(date(m))}`,
  };
}

function resolution(m: MeetingDetail): PartyDocument {
  const q = m.quorum;
  return {
    superior: null,
    issuer: m.orgName,
    symbol: { kind: 'NQ', number: m.resolutionNo },
    place: null,
    date: m.resolutionOn ?? date(m),
    kind: 'NGHỊ QUYẾT',
    summary: m.topic ?? MEETING_KIND_LABELS[m.kind],
    body: [
      text(`Ngày ${formatVnDate(date(m))}, ${m.orgName} họp ${MEETING_KIND_LABELS[m.kind].toLowerCase()}.`),
      text(
        `Có mặt ${q.present}/${q.roll} đảng viên (${formatPercent(q.roll ? (q.present / q.roll) * 100 : 0, 1)}); đảng viên chính thức được tính ${q.presentCounted}/${q.denominator}.`,
      ),
      heading('QUYẾT NGHỊ'),
      text(m.resolutionText ?? '…'),
      ...(m.tasks.length > 0
        ? [
            heading('Nhiệm vụ và phân công'),
            table(
              ['STT', 'Nhiệm vụ', 'Người phụ trách', 'Thời hạn'],
              m.tasks.map((t, i) => [String(i + 1), t.content, t.ownerName ?? '', formatVnDate(t.dueOn)]),
            ),
          ]
        : []),
    ],
    recipients: ['Cấp ủy cấp trên (để báo cáo)', 'Đảng viên trong chi bộ'],
    signature: { capacity: `T/M ${body(m)}`, position: 'BÍ THƯ' },
    title: `Nghị quyết ${formatVnDate(date(m))}`,
  };
}

function attendanceSheet(m: MeetingDetail): PartyDocument {
  return {
    superior: null,
    issuer: m.orgName,
    symbol: null,
    place: null,
    date: date(m),
    kind: 'DANH SÁCH ĐẢNG VIÊN DỰ SINH HOẠT',
    summary: `${MEETING_KIND_LABELS[m.kind]} ngày ${formatVnDate(date(m))}`,
    body: [
      table(
        ['STT', 'Họ và tên', 'Tình trạng', 'Lý do', 'Ký tên'],
        m.attendance.map((a, i) => [
          String(i + 1),
          `${a.name}${a.official ? '' : ' (dự bị)'}${a.hosted ? ' (sinh hoạt tạm thời)' : ''}`,
          m.attendanceRecorded ? ATTENDANCE_LABELS[a.attendance] : '',
          a.reason ?? '',
          '',
        ]),
      ),
    ],
    recipients: [],
    signature: { capacity: null, position: 'NGƯỜI LẬP' },
    title: `Danh sách dự sinh hoạt ${formatVnDate(date(m))}`,
  };
}

/** A meeting's document as a docx file and its file name. */
export async function meetingDocx(m: MeetingDetail, kind: MeetingDocumentKind): Promise<{ bytes: Buffer; fileName: string }> {
  const doc = kind === 'minutes' ? minutes(m) : kind === 'resolution' ? resolution(m) : attendanceSheet(m);
  return { bytes: await renderPartyDocument(doc), fileName: `${FILE_TITLES[kind]}-${date(m)}.docx` };
}
