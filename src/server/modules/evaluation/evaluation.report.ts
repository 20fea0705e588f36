/**
 * The results report as a Word document in the party document layout of HD 36 (the shared template), with the sentences the committees write in their
 * yearly reports ("… tổ chức cơ sở đảng, trong đó … đạt hoàn thành xuất sắc nhiệm vụ (…%)"), the breakdown per
 * subordinate organisation as a table they can edit, the shares over the years, the commendation candidates and the
 * organisations under consolidation. Built from the same answers as the page and the workbook.
 */
import { formatCount, formatNumber } from '../../../domain/numbers.ts';
import { heading, renderPartyDocument, table, text } from '../../office/party-document.ts';
import type { Distribution, ResultsAnswer } from './evaluation.figures.ts';

const pct = (n: number) => formatNumber(n, 2);

function sentence(d: Distribution, what: string): string {
  if (d.total === 0) return `Chưa có kết quả xếp loại ${what}.`;
  const [ex, good, done, not] = d.levels;
  return (
    `Tổng số ${formatCount(d.total)} ${what} được đánh giá, xếp loại; trong đó: hoàn thành xuất sắc nhiệm vụ ${formatCount(ex!.count)} (${pct(ex!.percent)}%), ` +
    `hoàn thành tốt nhiệm vụ ${formatCount(good!.count)} (${pct(good!.percent)}%), hoàn thành nhiệm vụ ${formatCount(done!.count)} (${pct(done!.percent)}%), ` +
    `không hoàn thành nhiệm vụ ${formatCount(not!.count)} (${pct(not!.percent)}%). Tỷ lệ từ hoàn thành tốt nhiệm vụ trở lên đạt ${pct(d.goodOrBetter.percent)}%.`
  );
}

/** The report in the party document layout of HD 36: the committee of the subtree reports, its superior above it. */
export async function resultsReport(
  r: ResultsAnswer,
  extra: {
    streakYears: number;
    /** The rating the streak counts: a level's words, or an original label ("Trong sạch, vững mạnh tiêu biểu"). */
    streakLabel?: string;
    streakIsLevel?: boolean;
    streaks: string[];
    consolidation: { orgName: string; reason: string; status: string }[];
    today: string;
    superiorName?: string | null;
  },
): Promise<Buffer> {
  const body: Parameters<typeof renderPartyDocument>[0]['body'] = [
    heading('1. Tổ chức cơ sở đảng'),
    text(sentence(r.orgs, 'tổ chức cơ sở đảng')),
    heading('2. Đảng viên'),
    text(sentence(r.members, 'đảng viên')),
  ];
  if (r.children.length > 0) {
    body.push(heading('3. Kết quả theo đơn vị trực thuộc'));
    body.push(
      table(
        ['Đơn vị', 'Đảng viên', 'ĐV HTXSNV', 'ĐV HTTNV trở lên (%)', 'TCCSĐ', 'TCCSĐ HTXSNV', 'TCCSĐ KHTNV'],
        r.children.map((c) => [
          c.name,
          formatCount(c.members.total),
          formatCount(c.members.levels[0]!.count),
          pct(c.members.goodOrBetter.percent),
          formatCount(c.orgs.total),
          formatCount(c.orgs.levels[0]!.count),
          formatCount(c.orgs.levels[3]!.count),
        ]),
        [34, 11, 11, 13, 9, 11, 11],
      ),
    );
  }
  if (r.span && r.span.orgsExcellent) {
    const years = r.span.years.filter((y) => y.orgs.total > 0);
    body.push(heading('4. Qua các năm'));
    body.push(text(`Số tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ hằng năm đạt ${pct(r.span.orgsExcellent.min)} – ${pct(r.span.orgsExcellent.max)}%.`));
    body.push(
      table(
        ['Năm', 'TCCSĐ', 'TCCSĐ HTXSNV (%)', 'Đảng viên', 'ĐV HTTNV trở lên (%)'],
        years.map((y) => [
          String(y.year),
          formatCount(y.orgs.total),
          pct(y.orgs.levels[0]!.percent),
          formatCount(y.members.total),
          pct(y.members.goodOrBetter.percent),
        ]),
        [12, 16, 24, 18, 30],
      ),
    );
  }
  const rating =
    !extra.streakLabel || extra.streakIsLevel !== false ? (extra.streakLabel ?? 'Hoàn thành xuất sắc nhiệm vụ').toLowerCase() : `đạt «${extra.streakLabel}»`;
  body.push(heading(`5. Tổ chức cơ sở đảng ${rating} ${extra.streakYears} năm liền (${r.year - extra.streakYears + 1}–${r.year}): ${extra.streaks.length}`));
  for (const name of extra.streaks) body.push(text(`– ${name}`));
  const open = extra.consolidation.filter((c) => c.status === 'open');
  body.push(heading(`6. Tổ chức đảng yếu kém đang củng cố: ${open.length}`));
  for (const c of open) body.push(text(`– ${c.orgName}: ${c.reason}`));
  return renderPartyDocument({
    superior: extra.superiorName ?? null,
    issuer: r.name,
    symbol: { kind: 'BC', number: null },
    place: null,
    date: extra.today,
    kind: 'BÁO CÁO',
    summary: `Kết quả đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm ${r.year}`,
    body,
    recipients: [extra.superiorName ? `${extra.superiorName} (để báo cáo)` : 'Cấp ủy cấp trên (để báo cáo)', 'Các tổ chức đảng trực thuộc'],
    signature: { capacity: `T/M ${r.name.toUpperCase()}`, position: 'BÍ THƯ' },
    title: `Báo cáo kết quả đánh giá, xếp loại năm ${r.year}`,
  });
}
