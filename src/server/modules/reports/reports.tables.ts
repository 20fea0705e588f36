/**
 * A layout read against figures (issue 14 parts 2 and 3): the rows and columns of a table, each cell with its value,
 * the same cell a year earlier when compared, and the link to the list behind it (the member list, the organisation
 * list or the evaluation records, with the query that reproduces the number). Pure: no SQL, no I/O.
 *
 * With a breakdown the table turns: one row per organisation directly below (the subtree's total first), one column per
 * (row, column) of the layout.
 */
import { percent } from '../../../domain/evaluation.ts';
import type { DrillDown, ReportCell, ReportColumn, ReportRow, ReportTable } from '../../../contract/reports.ts';
import type { Figures } from './reports.figures.ts';
import type { Layout, LayoutColumn, LayoutRow, LinkKind } from './reports.layouts.ts';

/** The time a table reads and the values of the links' tokens. */
export interface Times {
  asOf: string;
  from: string;
  to: string;
  /** The day before `from` (the opening roll of a period). */
  opening: string;
  /** The year of a single-year table (evaluation). */
  year: number;
}

export interface RenderInput {
  layout: Layout;
  /** The codes and names of the catalogues rows and columns expand (org_kind, sector_type, the member file's, years). */
  catalogues: Record<string, { code: string; name: string }[]>;
  rootId: string;
  figures: Figures;
  times: Times;
  previous: { figures: Figures; times: Times } | null;
  /** The organisations directly below, for a breakdown; null for the subtree's total. */
  children: { id: string; name: string }[] | null;
  rootName: string;
}

interface Row extends LayoutRow {
  year: number | null;
}
interface Col extends LayoutColumn {
  year: number | null;
}

const fill = (text: string, code: string, name: string) => text.replaceAll('{code}', code).replaceAll('{name}', name);

function expandRows(input: RenderInput): Row[] {
  const out: Row[] = [];
  const root = input.figures.get('');
  for (const r of input.layout.rows) {
    if (!r.expand) {
      out.push({ ...r, year: null });
      continue;
    }
    const e = r.expand;
    const items = (input.catalogues[e.catalogue] ?? []).filter((i) => !(e.except ?? []).includes(i.code));
    if (e.unknown) items.push({ code: '', name: 'Chưa rõ' });
    for (const item of items) {
      const measure = fill(r.measure ?? '', item.code, item.name);
      const seen = (root?.get(measure) ?? 0) !== 0 || (input.previous?.figures.get('')?.get(measure) ?? 0) !== 0;
      if ((e.nonZero || item.code === '') && !seen) continue;
      out.push({
        ...r,
        key: fill(r.key, item.code === '' ? 'none' : item.code, item.name),
        label: fill(r.label, item.code, item.name),
        measure,
        link: r.link ? Object.fromEntries(Object.entries(r.link).map(([k, v]) => [k, fill(v, item.code === '' ? 'none' : item.code, item.name)])) : null,
        year: e.catalogue === 'years' ? Number(item.code) : null,
      });
    }
  }
  return out;
}

function expandColumns(input: RenderInput): Col[] {
  return input.layout.columns.flatMap((c): Col[] =>
    c.expand === 'years'
      ? (input.catalogues.years ?? []).map((y) => ({ ...c, key: fill(c.key, y.code, y.name), label: fill(c.label, y.code, y.name), year: Number(y.code) }))
      : [{ ...c, year: null }],
  );
}

const iso = (y: number, md: string) => `${y}-${md}`;

/** The query of the list behind a cell: the row's filters, the time filled in, the organisation. */
function linkOf(layout: Layout, r: Row, c: Col, orgId: string, isChild: boolean, t: Times): DrillDown | null {
  if (r.link === null || r.measure === null) return null;
  const kind: LinkKind = r.linkKind ?? layout.linkKind;
  const year = r.year ?? c.year ?? (layout.key === 'evaluation' ? t.year : null);
  const yFrom = year === null ? t.from : iso(year, '01-01') > t.from ? iso(year, '01-01') : t.from;
  const yTo = year === null ? t.to : iso(year, '12-31') < t.to ? iso(year, '12-31') : t.to;
  const q: Record<string, string> = { ...r.link };
  if (kind === 'evaluation') q.year ??= String(year ?? t.year);
  else if (kind === 'inspection' || kind === 'disciplines') Object.assign(q, { from: q.from ?? t.from, to: q.to ?? t.to });
  else if ('change' in q) {
    q.changeFrom ??= yFrom;
    q.changeTo ??= yTo;
  } else if (kind === 'meetings' || kind === 'directives') {
    q.from ??= t.from;
    q.to ??= t.to;
  } else q.asOf ??= year === null ? (layout.basis === 'period' ? t.to : t.asOf) : yTo;
  const tokens: Record<string, string> = { '{asOf}': t.asOf, '{from}': t.from, '{to}': t.to, '{opening}': t.opening };
  for (const k of Object.keys(q)) q[k] = tokens[q[k]!] ?? q[k]!;
  const query: Record<string, string> = { orgId, ...q };
  if (kind === 'orgs' && isChild) query.includeSelf = 'true';
  return { kind, query };
}

function valueOf(f: Figures, child: string, r: Row, c: Col): number | null {
  if (r.measure === null) return null;
  const m = f.get(child);
  const measure = `${r.measure}${c.suffix ?? ''}${c.year !== null ? `@${c.year}` : ''}`;
  if (c.value === 'share') {
    if (r.unit === 'years') return null;
    const of = (c.of ?? 'all').replace('{group}', r.measure.split(':')[0]!);
    return percent(m?.get(measure) ?? 0, m?.get(of) ?? 0);
  }
  const v = m?.get(measure);
  if (v === undefined) return r.link === null ? null : 0;
  return v;
}

function cellOf(input: RenderInput, child: string, orgId: string, isChild: boolean, r: Row, c: Col): ReportCell {
  const value = valueOf(input.figures, child, r, c);
  const cell: ReportCell = { value, link: value === null ? null : linkOf(input.layout, r, c, orgId, isChild, input.times) };
  if (input.previous) {
    const previous = valueOf(input.previous.figures, child, r, c);
    cell.previous = previous;
    cell.previousLink = previous === null ? null : linkOf(input.layout, r, c, orgId, isChild, input.previous.times);
  }
  return cell;
}

function checksOf(input: RenderInput): ReportTable['checks'] {
  if (input.layout.key !== 'member-changes') return [];
  const f = input.figures.get('');
  const g = (k: string) => f?.get(k) ?? 0;
  const opening = g('opening');
  const plus = g('admitted') + g('readmitted') + g('transferred_in');
  const minus = g('transferred_out') + g('deceased') + g('struck_off') + g('allowed_to_leave') + g('expelled');
  const closing = g('closing');
  const fmt = (n: number) => n.toLocaleString('vi-VN');
  return [
    {
      label: 'Đầu kỳ + tăng − giảm = cuối kỳ',
      ok: opening + plus - minus === closing,
      detail: `${fmt(opening)} + ${fmt(plus)} − ${fmt(minus)} = ${fmt(opening + plus - minus)}; cuối kỳ: ${fmt(closing)}`,
    },
  ];
}

/** The table of a layout for the figures given. */
export function renderTable(input: RenderInput): ReportTable {
  const rows = expandRows(input);
  const cols = expandColumns(input);
  const base = { key: input.layout.key, title: input.layout.title, basis: input.layout.basis, checks: checksOf(input), notes: input.layout.notes };
  if (input.children === null) {
    return {
      ...base,
      columns: cols.map((c): ReportColumn => ({ key: c.key, label: c.label, unit: c.unit })),
      rows: rows.map((r): ReportRow => ({
        key: r.key,
        label: r.label,
        level: r.level,
        ...(r.unit ? { unit: r.unit } : {}),
        cells: cols.map((c) => cellOf(input, '', input.rootId, false, r, c)),
      })),
    };
  }
  // breakdown: rows are organisations, columns every (row, column) of the layout with a measure
  const pairs = rows.filter((r) => r.measure !== null).flatMap((r) => cols.map((c) => ({ r, c })));
  const orgRows: { key: string; label: string; level: number; child: string; orgId: string; isChild: boolean }[] = [
    { key: 'total', label: `${input.rootName} (toàn đảng bộ)`, level: 0, child: '', orgId: input.rootId, isChild: false },
    ...input.children.map((c) => ({ key: c.id, label: c.name, level: 1, child: c.id, orgId: c.id, isChild: true })),
  ];
  if (input.figures.has('.') && [...input.figures.get('.')!.values()].some((v) => v !== 0))
    orgRows.push({ key: 'own', label: `${input.rootName} (trực tiếp)`, level: 1, child: '.', orgId: input.rootId, isChild: false });
  return {
    ...base,
    columns: pairs.map(({ r, c }) => ({
      key: `${r.key}|${c.key}`,
      label: cols.length > 1 ? `${r.label} – ${c.label}` : r.label,
      unit: c.value === 'share' ? 'percent' : (r.unit ?? c.unit),
    })),
    rows: orgRows.map((o) => ({
      key: o.key,
      label: o.label,
      level: o.level,
      cells: pairs.map(({ r, c }) => {
        const cell = cellOf(input, o.child, o.orgId, o.isChild, r, c);
        // the root's own roll has no list of its own (the organisation's list is its whole subtree)
        return o.key === 'own' ? { ...cell, link: null, ...(input.previous ? { previousLink: null } : {}) } : cell;
      }),
    })),
  };
}
