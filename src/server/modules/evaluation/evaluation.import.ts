/**
 * Results entered on paper, imported from a spreadsheet (xlsx or CSV, the member import's readers): one row per
 * member with his name and birth date (or CCCD) and any of the stages' levels, in words ("Hoàn thành tốt nhiệm vụ"),
 * short forms (HTTNV) or the label codes of the period's rule set. The preview matches every row to a member of the
 * period in the caller's scope and reports each row's problems; the commit parses the same file again and writes
 * nothing unless every row is right, through the grid's own save (same rights, same checks, one transaction).
 */
import { foldAccents } from '../../../domain/text.ts';
import type { CellValue } from '../../../domain/member-import.ts';
import type { EvaluationRuleSet } from '../../../domain/evaluation.ts';
import { invalid } from '../../http/errors.ts';
import { readSheets, sniffFile } from '../../office/sheet-read.ts';
import type { MemberEntryInput } from '../../../contract/evaluation.ts';

type Field = 'name' | 'birth' | 'cccd' | 'selfLabel' | 'cellLabel' | 'grassrootsLabel' | 'decidedLabel';

/** Folded header → field. */
const HEADERS: [RegExp, Field][] = [
  [/^ho (va )?ten/, 'name'],
  [/^(ngay|nam) sinh/, 'birth'],
  [/cccd|can cuoc/, 'cccd'],
  [/^tu (danh gia|xep loai)/, 'selfLabel'],
  [/^chi bo (de xuat|xep loai)/, 'cellLabel'],
  [/^dang uy (co so )?(de xuat|xep loai)/, 'grassrootsLabel'],
  [/^(quyet dinh|xep loai|ket qua)/, 'decidedLabel'],
];

const SHORT: Record<string, string> = { htxsnv: 'excellent', httnv: 'good', htnv: 'completed', khtnv: 'not_completed' };
const LEVEL_FIELDS = ['selfLabel', 'cellLabel', 'grassrootsLabel', 'decidedLabel'] as const;

const fold = (s: string) => foldAccents(s).toLowerCase().replace(/\s+/g, ' ').trim();
const text = (c: CellValue | undefined): string => (c === null || c === undefined ? '' : typeof c === 'object' ? c.date : String(c).trim());
const yearOf = (c: CellValue | undefined): number | null => {
  if (c === null || c === undefined) return null;
  if (typeof c === 'object') return Number(c.date.slice(0, 4));
  if (typeof c === 'number') return c > 1800 && c < 2200 ? c : null;
  const m = String(c).match(/(\d{4})\s*$/) ?? String(c).match(/^(\d{4})-/);
  return m ? Number(m[1]) : null;
};

/** The label code a cell names under the rule set, or undefined. */
export function parseLabel(rules: EvaluationRuleSet, value: string): string | undefined {
  const v = fold(value);
  if (!v) return undefined;
  const labels = rules.labels.member;
  return (
    labels.find((l) => l.code === v)?.code ??
    labels.find((l) => fold(l.label) === v)?.code ??
    (SHORT[v.replace(/[^a-z]/g, '')] && labels.find((l) => l.code === SHORT[v.replace(/[^a-z]/g, '')])?.code) ??
    undefined
  );
}

export interface ImportCandidate {
  memberId: string;
  fullName: string;
  birthDate: string | null;
  birthYear: number | null;
  cccd: string | null;
}

export interface ImportRow {
  row: number;
  fullName: string;
  memberId: string | null;
  entry: MemberEntryInput | null;
  errors: string[];
}

/** Reads the file and matches its rows; throws a Vietnamese 400 for a file it cannot read or without the name column. */
export async function planImport(bytes: Buffer, rules: EvaluationRuleSet, candidates: ImportCandidate[]): Promise<ImportRow[]> {
  const kind = sniffFile(bytes);
  const byCccd = new Map(candidates.filter((c) => c.cccd).map((c) => [c.cccd!, c]));
  const byName = new Map<string, ImportCandidate[]>();
  for (const c of candidates) byName.set(fold(c.fullName), [...(byName.get(fold(c.fullName)) ?? []), c]);
  const out: ImportRow[] = [];
  for await (const sheet of readSheets(kind, bytes)) {
    let columns: Map<Field, number> | null = null;
    for await (const { row, cells } of sheet.rows) {
      if (!columns) {
        const found = new Map<Field, number>();
        cells.forEach((c, i) => {
          const h = fold(text(c));
          const hit = HEADERS.find(([re]) => re.test(h));
          if (hit && !found.has(hit[1])) found.set(hit[1], i);
        });
        if (found.has('name')) columns = found;
        continue;
      }
      const get = (f: Field) => (columns!.has(f) ? cells[columns!.get(f)!] : undefined);
      const fullName = text(get('name'));
      if (!fullName && cells.every((c) => text(c) === '')) continue;
      const errors: string[] = [];
      let match: ImportCandidate | undefined;
      const cccd = text(get('cccd')).replace(/\D/g, '');
      if (cccd) {
        match = byCccd.get(cccd);
        if (!match) errors.push(`Không có đảng viên mang số CCCD ${cccd} trong kỳ đánh giá.`);
      } else {
        const year = yearOf(get('birth'));
        const named = (byName.get(fold(fullName)) ?? []).filter(
          (c) => year === null || (c.birthYear ?? (c.birthDate ? Number(c.birthDate.slice(0, 4)) : null)) === year,
        );
        if (named.length === 1) match = named[0];
        else if (named.length === 0) errors.push(`Không tìm thấy đảng viên «${fullName}»${year ? ` sinh năm ${year}` : ''} trong kỳ đánh giá.`);
        else errors.push(`Có ${named.length} đảng viên «${fullName}»${year ? ` sinh năm ${year}` : ''}: hãy ghi số CCCD.`);
      }
      const entry: MemberEntryInput = { memberId: match?.memberId ?? '' };
      for (const f of LEVEL_FIELDS) {
        const raw = text(get(f));
        if (!raw) continue;
        const code = parseLabel(rules, raw);
        if (code) entry[f] = code;
        else errors.push(`«${raw}» không phải mức xếp loại của quy định ${rules.basis}.`);
      }
      if (LEVEL_FIELDS.every((f) => entry[f] === undefined) && errors.length === 0) errors.push('Dòng không có mức xếp loại nào.');
      out.push({ row, fullName, memberId: match?.memberId ?? null, entry: errors.length ? null : entry, errors });
    }
    if (!columns) throw invalid('file', 'Không tìm thấy dòng tiêu đề có cột «Họ và tên».');
    break; // the first sheet only
  }
  const seen = new Map<string, number>();
  for (const r of out) {
    if (!r.memberId) continue;
    const first = seen.get(r.memberId);
    if (first !== undefined) {
      r.errors.push(`Đảng viên này đã có ở dòng ${first}.`);
      r.entry = null;
    } else seen.set(r.memberId, r.row);
  }
  if (out.length === 0) throw invalid('file', 'Tệp không có dòng kết quả nào.');
  return out;
}
