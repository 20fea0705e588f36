/**
 * The attendance of a held meeting (issue 16 part 2): the roll of the meeting's date from the member file, everyone
 * present by default (members hosted elsewhere, suspended or exempt excused by default), the exceptions the secretary
 * lists; recorded in one transaction (the rows, the counts on the meeting, the audit entry). An attendance sheet (xlsx
 * or CSV: name, mark, reason) is read into the same exceptions for a preview; accepting it sends them here.
 */
import { countsForQuorum, quorumOf, type AttendanceMark } from '../../../domain/meetings.ts';
import { foldAccents, normalizeText } from '../../../domain/text.ts';
import type { AttendanceInput, AttendancePreview } from '../../../contract/meetings.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, conflict, invalid } from '../../http/errors.ts';
import { readSheets, sniffFile } from '../../office/sheet-read.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { actorOf, assertCanEdit, loadMeeting, type MeetingsDeps } from './meetings.context.ts';
import { lockMeeting, replaceAttendance } from './meetings.repo.ts';
import { meetingDate, rollWithDefaults } from './meetings.views.ts';

/** Records the attendance: the roll of the date with the default marks, then the exceptions. Answers the quorum. */
export async function recordAttendance(deps: MeetingsDeps, actor: Actor, id: string, input: AttendanceInput) {
  const m = await loadMeeting(deps, actor, id);
  assertCanEdit(actor, m);
  if (m.status !== 'held') throw conflict('Ghi ngày họp (buổi sinh hoạt đã họp) trước khi điểm danh.');
  return deps.db.transaction().execute(async (tx) => {
    const cur = await lockMeeting(tx, id);
    if (!cur || cur.status !== 'held' || !cur.held_on) throw conflict('Ghi ngày họp (buổi sinh hoạt đã họp) trước khi điểm danh.');
    const roll = await rollWithDefaults(tx, cur.org_id, meetingDate(cur));
    const byId = new Map(roll.map((r) => [r.memberId, r]));
    const seen = new Set<string>();
    input.exceptions.forEach((e, i) => {
      if (!byId.has(e.memberId)) throw invalid(`exceptions.${i}.memberId`, 'Đảng viên không có trong danh sách chi bộ vào ngày họp.');
      if (seen.has(e.memberId)) throw invalid(`exceptions.${i}.memberId`, 'Một đảng viên được ghi hai lần.');
      seen.add(e.memberId);
      if (e.attendance === 'excused' && !e.reason) throw invalid(`exceptions.${i}.reason`, 'Ghi lý do vắng mặt (vắng có lý do).');
    });
    const marks = new Map(input.exceptions.map((e) => [e.memberId, e]));
    const rows = roll.map((r) => {
      const e = marks.get(r.memberId);
      const attendance: AttendanceMark = e?.attendance ?? r.attendance;
      const reason = e ? (attendance === 'present' ? null : (e.reason ?? null)) : r.reason;
      return {
        meeting_id: id,
        member_id: r.memberId,
        attendance,
        reason,
        membership: r.official ? ('official' as const) : ('probationary' as const),
        member_status: r.status,
        hosted: r.hosted,
        counts_for_quorum: countsForQuorum(r.rollMember, attendance),
      };
    });
    await replaceAttendance(tx, id, rows);
    const quorum = quorumOf(rows.map((r) => ({ attendance: r.attendance, countsForQuorum: r.counts_for_quorum })));
    await writeAudit(tx, actorOf(actor), deps.clock.now(), [
      {
        action: 'meeting.attendance',
        entityType: 'meeting',
        entityId: id,
        scopeOrgId: cur.org_id,
        before: null,
        after: { exceptions: input.exceptions, quorum },
      },
    ]);
    return quorum;
  });
}

const MARK_WORDS: [RegExp, AttendanceMark][] = [
  [/^(co mat|x|c|present|1)$/, 'present'],
  [/^(vang co ly do|co ly do|p|excused)$/, 'excused'],
  [/^(vang khong ly do|vang|khong ly do|v|k|absent|0)$/, 'absent'],
];

/** A mark as written on a sheet ("Có mặt", "x", "Vắng có lý do", "P", "Vắng"…); null when unreadable. */
export function markOf(text: string): AttendanceMark | null {
  const t = foldAccents(normalizeText(text)).toLowerCase();
  if (t === '') return 'present';
  for (const [re, mark] of MARK_WORDS) if (re.test(t)) return mark;
  return null;
}

const cellText = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? '' : String(v));

/** The first sheet's rows: the column headed «Họ và tên» (else the first text column), «Tình trạng», «Lý do». */
async function sheetRows(bytes: Buffer) {
  const kind = sniffFile(bytes);
  const out: { row: number; name: string; mark: string; reason: string }[] = [];
  for await (const sheet of readSheets(kind, bytes)) {
    let cols: { name: number; mark: number; reason: number } | null = null;
    for await (const { row, cells } of sheet.rows) {
      const texts = cells.map(cellText);
      if (!cols) {
        const folded = texts.map((t) => foldAccents(t).toLowerCase());
        const name = folded.findIndex((t) => t.includes('ho va ten') || t === 'ho ten');
        if (name >= 0)
          cols = {
            name,
            mark: folded.findIndex((t) => t.includes('tinh trang') || t.includes('du hop')),
            reason: folded.findIndex((t) => t.includes('ly do')),
          };
        continue;
      }
      const name = normalizeText(texts[cols.name] ?? '');
      if (name === '') continue;
      if (out.length >= 2000) throw invalid('file', 'Bảng điểm danh quá dài (tối đa 2.000 dòng).');
      out.push({ row, name, mark: cols.mark >= 0 ? (texts[cols.mark] ?? '') : '', reason: cols.reason >= 0 ? normalizeText(texts[cols.reason] ?? '') : '' });
    }
    if (!cols) throw invalid('file', 'Không tìm thấy cột «Họ và tên» trong bảng điểm danh.');
    break;
  }
  return out;
}

/** Reads an attendance sheet against the roll of the meeting's date; nothing is written. */
export async function previewAttendance(deps: MeetingsDeps, actor: Actor, id: string, bytes: Buffer): Promise<AttendancePreview> {
  const m = await loadMeeting(deps, actor, id);
  assertCanEdit(actor, m);
  if (m.status !== 'held') throw conflict('Ghi ngày họp (buổi sinh hoạt đã họp) trước khi điểm danh.');
  const roll = await rollWithDefaults(deps.db, m.org_id, meetingDate(m));
  const byName = new Map<string, string[]>();
  for (const r of roll) byName.set(foldAccents(r.name).toLowerCase(), [...(byName.get(foldAccents(r.name).toLowerCase()) ?? []), r.memberId]);
  let rows: Awaited<ReturnType<typeof sheetRows>>;
  try {
    rows = await sheetRows(bytes);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw invalid('file', 'Không đọc được bảng điểm danh.');
  }
  const named = new Set<string>();
  const out = rows.map((r) => {
    const errors: string[] = [];
    const ids = byName.get(foldAccents(r.name).toLowerCase()) ?? [];
    if (ids.length === 0) errors.push('Không có trong danh sách chi bộ vào ngày họp.');
    if (ids.length > 1) errors.push('Trùng họ tên với đảng viên khác của chi bộ: ghi điểm danh trên màn hình.');
    const memberId = ids.length === 1 ? ids[0]! : null;
    if (memberId && named.has(memberId)) errors.push('Đảng viên được ghi hai lần.');
    if (memberId) named.add(memberId);
    const attendance = markOf(r.mark);
    if (!attendance) errors.push(`Không hiểu tình trạng «${r.mark}» (có mặt, vắng có lý do, vắng không lý do).`);
    if (attendance === 'excused' && !r.reason) errors.push('Vắng có lý do: thiếu lý do.');
    return { row: r.row, name: r.name, memberId, attendance, reason: r.reason || null, errors };
  });
  const missing = roll.filter((r) => !named.has(r.memberId)).map((r) => ({ memberId: r.memberId, name: r.name }));
  const exceptions = out
    .filter((r) => r.errors.length === 0 && r.memberId && r.attendance)
    .map((r) => ({ memberId: r.memberId!, attendance: r.attendance!, reason: r.attendance === 'present' ? null : r.reason }));
  return { rows: out, missing, exceptions, errorCount: out.filter((r) => r.errors.length > 0).length };
}
