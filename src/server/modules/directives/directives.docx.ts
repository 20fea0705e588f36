/**
 * The Word documents of a directive (issue 17 part 8), in the party document layout of HD 36 (the shared template):
 * the plan with its task table (each task, the units given it, the deadline), and the report on the directive's
 * implementation (per task and unit: status, last report, late). The committee edits and signs the file.
 */
import { formatVnDate } from '../../../domain/dates.ts';
import { RECURRENCE_LABELS, type Recurrence } from '../../../domain/directives.ts';
import { formatPercent } from '../../../domain/numbers.ts';
import { renderPartyDocument, table, text } from '../../office/party-document.ts';
import type { directiveView } from './directives.read.ts';
import { kindLabel, topicLabel } from './directives.read.ts';

type View = Awaited<ReturnType<typeof directiveView>>;
export const DIRECTIVE_DOCUMENTS = ['plan', 'report'] as const;
export type DirectiveDocumentKind = (typeof DIRECTIVE_DOCUMENTS)[number];

const deadlineText = (t: View['tasks'][number]) =>
  t.recurrence
    ? `${RECURRENCE_LABELS[t.recurrence as Recurrence]} (${t.dueDates.map(formatVnDate).join(', ')})`
    : t.dueOn
      ? `${formatVnDate(t.dueOn)}${t.dueWorkingDays ? ` (${t.dueWorkingDays} ngày làm việc)` : ''}`
      : '';

const unitsText = (t: View['tasks'][number]) =>
  t.shares
    .filter((s) => !s.parentId)
    .map((s) => `${s.orgName}${s.role === 'lead' ? ' (chủ trì)' : s.role === 'participant' ? ' (phối hợp)' : ''}`)
    .join('; ');

function planBody(v: View) {
  const rows = v.tasks.map((t, i) => [
    String(i + 1),
    `${t.topicKind ? `${topicLabel(t.topicKind)}: ` : ''}${t.title}${t.content ? `\n${t.content}` : ''}`,
    unitsText(t),
    deadlineText(t),
  ]);
  return [
    ...(v.implements
      ? [text(`Thực hiện ${v.implements.kindLabel} ${v.implements.symbol ?? ''} ngày ${formatVnDate(v.implements.issuedOn)} về ${v.implements.title}.`)]
      : []),
    ...(v.summary ? [text(v.summary)] : []),
    text('NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN', { bold: true, center: true, before: 120 }),
    table(['TT', 'Nhiệm vụ', 'Đơn vị thực hiện', 'Thời hạn'], rows, [6, 46, 28, 20]),
    text('Các đơn vị được giao nhiệm vụ báo cáo kết quả thực hiện đúng thời hạn.'),
  ];
}

function reportBody(v: View, today: string) {
  const p = v.progress;
  const share = (n: number) => (p.shares > 0 ? formatPercent((100 * n) / p.shares) : '0%');
  const rows = v.tasks.flatMap((t) =>
    t.shares
      .filter((s) => !s.parentId)
      .map((s) => [t.title, s.orgName, s.statusLabel, s.lastReportedOn ? formatVnDate(s.lastReportedOn) : 'Chưa báo cáo', s.late ? 'Quá hạn' : '']),
  );
  return [
    text(`Tình hình thực hiện ${kindLabel(v.kind)} ${v.symbol ?? ''} ngày ${formatVnDate(v.issuedOn)} về ${v.title}, tính đến ngày ${formatVnDate(today)}:`),
    text(
      `Số lượt đơn vị được giao: ${p.shares}; đã báo cáo: ${p.reported} (${share(p.reported)}); hoàn thành: ${p.done} (${share(p.done)}); quá hạn: ${p.late}.`,
    ),
    table(['Nhiệm vụ', 'Đơn vị', 'Tình trạng', 'Báo cáo gần nhất', 'Ghi chú'], rows, [34, 26, 14, 14, 12]),
  ];
}

/** The document as Word bytes; `today` dates the report. */
export async function renderDirectiveDocx(v: View, kind: DirectiveDocumentKind, today: string): Promise<{ bytes: Buffer; fileTitle: string }> {
  const plan = kind === 'plan';
  const bytes = await renderPartyDocument({
    superior: null,
    issuer: v.ownerOrgName,
    symbol: plan && v.kindCode && v.number !== null ? { kind: v.kindCode, number: String(v.number) } : plan ? null : { kind: 'BC', number: null },
    place: null,
    date: plan ? v.issuedOn : today,
    kind: plan ? kindLabel(v.kind).toUpperCase() : 'BÁO CÁO',
    summary: plan ? v.title : `Kết quả thực hiện ${kindLabel(v.kind)} ${v.symbol ?? ''}`.replace(/\s+/g, ' ').trim(),
    body: plan ? planBody(v) : reportBody(v, today),
    recipients: plan ? [...new Set(v.tasks.flatMap((t) => t.shares.filter((s) => !s.parentId).map((s) => s.orgName)))] : ['Cấp ủy cấp trên (để báo cáo)'],
    signature: { capacity: 'T/M BAN THƯỜNG VỤ', position: 'BÍ THƯ' },
    title: plan ? v.title : 'Báo cáo kết quả thực hiện',
  });
  return { bytes, fileTitle: plan ? 'ke-hoach' : 'bao-cao-thuc-hien' };
}
