/**
 * Directives and their tasks (issue 17 parts 1–3; domain.md §1 "Kế hoạch số 155-KH/TU triển khai Chỉ thị 35", §2
 * `directive`). Pure rules shared by the server, the contract and the web: the kinds, the reading of a symbol such as
 * "155-KH/TU" (number, kind code, issuing body; the party's document-numbering convention, HD 36-HD/VPTW), the due
 * dates of a recurring report, and the state of an assignee's share (late, due soon, rolled up from its split).
 */
import { addDays, daysInMonth, type IsoDate } from './dates.ts';

export const DIRECTIVE_KINDS = ['nghi_quyet', 'chi_thi', 'ket_luan', 'quy_dinh', 'ke_hoach', 'chuong_trinh', 'huong_dan', 'cong_van'] as const;
export type DirectiveKind = (typeof DIRECTIVE_KINDS)[number];

export const DIRECTIVE_KIND_LABELS: Record<DirectiveKind, string> = {
  nghi_quyet: 'Nghị quyết',
  chi_thi: 'Chỉ thị',
  ket_luan: 'Kết luận',
  quy_dinh: 'Quy định',
  ke_hoach: 'Kế hoạch',
  chuong_trinh: 'Chương trình',
  huong_dan: 'Hướng dẫn',
  cong_van: 'Công văn',
};

/** The kind code of a symbol ("KH" in "155-KH/TU") for each kind; "QĐ" (quyết định) is read as a rule (quy định) of older documents. */
export const KIND_CODES: Record<string, DirectiveKind> = {
  NQ: 'nghi_quyet',
  CT: 'chi_thi',
  KL: 'ket_luan',
  QĐI: 'quy_dinh',
  QĐ: 'quy_dinh',
  KH: 'ke_hoach',
  CTR: 'chuong_trinh',
  HD: 'huong_dan',
  CV: 'cong_van',
};

/** The issuing bodies a symbol names most often ("TU" in "155-KH/TU"); others keep their code. */
export const ISSUER_CODES: Record<string, string> = {
  TW: 'Trung ương (Ban Chấp hành, Bộ Chính trị, Ban Bí thư)',
  BTCTW: 'Ban Tổ chức Trung ương',
  UBKTTW: 'Ủy ban Kiểm tra Trung ương',
  BTGTW: 'Ban Tuyên giáo Trung ương',
  VPTW: 'Văn phòng Trung ương Đảng',
  TU: 'Tỉnh ủy',
  TƯ: 'Trung ương',
  HU: 'Huyện ủy',
  ĐU: 'Đảng ủy',
  ĐUK: 'Đảng ủy Khối',
  BTCTU: 'Ban Tổ chức Tỉnh ủy',
  CB: 'Chi bộ',
};

export interface ParsedSymbol {
  number: number;
  /** The kind code as written ("CTr"). */
  kindCode: string;
  /** The issuing body's code as written ("BTCTW"). */
  issuerCode: string;
  /** The kind the code names, null for a code of another kind of document (thông báo, báo cáo). */
  kind: DirectiveKind | null;
  /** The issuing body in words when the code is a known one. */
  issuerName: string | null;
}

const SYMBOL = /^\s*(\d{1,6})\s*-\s*([\p{L}]{1,6})\s*\/\s*([\p{L}\d-]{1,20})\s*$/u;

/**
 * Reads a party document's symbol: "155-KH/TU" → 155, "KH", "TU" (kế hoạch, Tỉnh ủy); "01-CTr/TU" → 1, "CTr"
 * (chương trình); "42-HD/BTCTW" → 42, "HD" (hướng dẫn, Ban Tổ chức Trung ương). Null when the text is not of that form
 * (a State document "08/2024/NĐ-CP" is kept as written, unparsed).
 */
export function parseSymbol(text: string): ParsedSymbol | null {
  const m = SYMBOL.exec(text.normalize('NFC'));
  if (!m) return null;
  const [, num, kindCode, issuerCode] = m as unknown as [string, string, string, string];
  return {
    number: Number(num),
    kindCode,
    issuerCode,
    kind: KIND_CODES[kindCode.toUpperCase()] ?? null,
    issuerName: ISSUER_CODES[issuerCode.toUpperCase()] ?? null,
  };
}

export const RECURRENCES = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export type Recurrence = (typeof RECURRENCES)[number];
export const RECURRENCE_LABELS: Record<Recurrence, string> = { monthly: 'Hằng tháng', quarterly: 'Hằng quý', half_yearly: '6 tháng', yearly: 'Hằng năm' };
const MONTHS: Record<Recurrence, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

/**
 * The due dates of a recurring report: the last day of each month, quarter, half-year or year (calendar periods) that
 * falls within [from, until]. A report for the period is due on its last day; the reading is this module's
 * (docs/modules/directives.md), the issue does not say which day of the period a report is due.
 */
export function recurringDueDates(recurrence: Recurrence, from: IsoDate, until: IsoDate): IsoDate[] {
  const step = MONTHS[recurrence];
  const out: IsoDate[] = [];
  let year = Number(from.slice(0, 4));
  let month = Math.ceil(Number(from.slice(5, 7)) / step) * step; // the last month of the period holding `from`
  for (;;) {
    const date = `${year}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
    if (date > until) break;
    if (date >= from) out.push(date);
    month += step;
    if (month > 12) {
      month -= 12;
      year += 1;
    }
  }
  return out;
}

export const TASK_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = { not_started: 'Chưa thực hiện', in_progress: 'Đang thực hiện', done: 'Hoàn thành' };

/** Days ahead in which an open deadline shows in the work queue as due soon. */
export const DUE_SOON_DAYS = 7;

export interface ShareFacts {
  /** The deadline of a one-off task (the share's own or the task's), null for a recurring one or none. */
  dueOn: IsoDate | null;
  /** The due dates of a recurring report (empty otherwise). */
  dueDates: readonly IsoDate[];
  /** The periods (due dates) a report answers. */
  reportedPeriods: ReadonlySet<IsoDate>;
  /** The latest report's status, null when none. */
  latestStatus: TaskStatus | null;
  /** The rolled-up states of the shares split from this one. */
  children: readonly ShareState[];
}

export interface ShareState {
  status: TaskStatus;
  /** A deadline passed without the work done (a recurring period without its report). */
  late: boolean;
  /** The next open deadline (a period without report, or the one-off deadline while not done). */
  nextDueOn: IsoDate | null;
  /** The earliest deadline passed without the work done. */
  lateSince: IsoDate | null;
  reported: boolean;
}

/**
 * The state of a share on `today`. Due today is not late; due yesterday is (`today > dueOn`). A recurring share is
 * done when every period has its report and the last has passed. A split share rolls up: done when its own report and
 * all its parts are done (or, without its own report, all its parts), late when it or any part is late, in progress
 * when anything was reported.
 */
export function shareState(f: ShareFacts, today: IsoDate): ShareState {
  let status: TaskStatus;
  let late = false;
  let nextDueOn: IsoDate | null = null;
  let lateSince: IsoDate | null = null;
  if (f.dueDates.length > 0) {
    const missing = f.dueDates.filter((d) => !f.reportedPeriods.has(d));
    const passedMissing = missing.filter((d) => d < today);
    late = passedMissing.length > 0;
    lateSince = passedMissing[0] ?? null;
    nextDueOn = missing.find((d) => d >= today) ?? null;
    status = missing.length === 0 ? 'done' : f.reportedPeriods.size > 0 ? 'in_progress' : (f.latestStatus ?? 'not_started');
  } else {
    status = f.latestStatus ?? 'not_started';
    if (status !== 'done' && f.dueOn) {
      late = today > f.dueOn;
      lateSince = late ? f.dueOn : null;
      nextDueOn = f.dueOn;
    }
  }
  if (f.children.length > 0) {
    const childrenDone = f.children.every((c) => c.status === 'done');
    const anything = f.latestStatus !== null || f.children.some((c) => c.reported || c.status !== 'not_started');
    if (!childrenDone && status === 'done') status = 'in_progress';
    else if (childrenDone && f.latestStatus === null && f.dueDates.length === 0) status = 'done';
    else if (status === 'not_started' && anything) status = 'in_progress';
    for (const c of f.children) {
      if (c.late) {
        late = true;
        if (c.lateSince && (!lateSince || c.lateSince < lateSince)) lateSince = c.lateSince;
      }
    }
    if (status === 'done') late = f.children.some((c) => c.late);
  }
  return { status, late, nextDueOn, lateSince, reported: f.latestStatus !== null || f.reportedPeriods.size > 0 };
}

/** True when an open deadline falls within the next DUE_SOON_DAYS days (today included). */
export function dueSoon(s: ShareState, today: IsoDate): boolean {
  return s.status !== 'done' && s.nextDueOn !== null && s.nextDueOn >= today && s.nextDueOn <= addDays(today, DUE_SOON_DAYS);
}

export const TOPIC_KINDS = ['chuyen_de', 'de_tai', 'de_an'] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];
export const TOPIC_KIND_LABELS: Record<TopicKind, string> = { chuyen_de: 'Chuyên đề', de_tai: 'Đề tài', de_an: 'Đề án' };
