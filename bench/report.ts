/** Benchmark statistics and output: nearest-rank percentiles, the results table and one JSON line per case. */
import os from 'node:os';

export type Scale = 'province' | 'national';

export interface CaseResult {
  case: string;
  engine: string;
  scale: Scale;
  /** Milliseconds (or `unit`), one per timed sample (warm-up excluded). */
  samples: number[];
  /** What the samples measure: milliseconds unless said (the import's peak memory is in MiB). */
  unit?: 'ms' | 'MiB';
  /** The target the p95 must stay under; null when the issue sets none for this case. */
  targetMs: number | null;
  /** The same samples by a label (the depth of the organisation opened), for the breakdown. */
  groups?: Map<string, number[]>;
  /** The hand-written statement's samples, timed interleaved with the application's (issue 13 part 1). */
  reference?: number[];
  /** The ratio of medians (application ÷ statement) the case must stay under. */
  ratioTarget?: number;
}

export interface Summary {
  case: string;
  engine: string;
  scale: Scale;
  n: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  targetMs: number | null;
  unit: 'ms' | 'MiB';
  /** The hand-written statement's median and p95, and the ratio of the medians (application ÷ statement). */
  refMedianMs: number | null;
  refP95Ms: number | null;
  ratio: number | null;
  ratioTarget: number | null;
}

/** Nearest-rank percentile (p in (0, 100]) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** The median: the middle sample, or the mean of the two middle ones. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

export function summarize(r: CaseResult): Summary {
  return {
    case: r.case,
    engine: r.engine,
    scale: r.scale,
    n: r.samples.length,
    medianMs: round(median(r.samples)),
    p95Ms: round(percentile(r.samples, 95)),
    maxMs: round(Math.max(...r.samples)),
    targetMs: r.targetMs,
    unit: r.unit ?? 'ms',
    refMedianMs: r.reference ? round(median(r.reference)) : null,
    refP95Ms: r.reference ? round(percentile(r.reference, 95)) : null,
    ratio: r.reference ? Math.round((median(r.samples) / median(r.reference)) * 100) / 100 : null,
    ratioTarget: r.ratioTarget ?? null,
  };
}

/** 'pass' when the p95 is under the target, 'FAIL' when not, '–' without a target. */
export function verdict(s: Summary): string {
  const checks: boolean[] = [];
  if (s.targetMs !== null) checks.push(s.p95Ms < s.targetMs);
  if (s.ratio !== null && s.ratioTarget !== null) checks.push(s.ratio <= s.ratioTarget);
  if (checks.length === 0) return '–';
  return checks.every(Boolean) ? 'pass' : 'FAIL';
}

function fmt(ms: number): string {
  if (ms >= 1000) return ms.toFixed(0);
  if (ms >= 100) return ms.toFixed(1);
  return ms.toFixed(2);
}

/** A plain-text table, one row per case. */
export function table(summaries: readonly Summary[]): string {
  const head = ['case', 'engine', 'scale', 'n', 'median', 'p95', 'max', 'unit', 'target', 'sql median', 'sql p95', 'ratio', 'result'];
  const rows = summaries.map((s) => [
    s.case,
    s.engine,
    s.scale,
    String(s.n),
    fmt(s.medianMs),
    fmt(s.p95Ms),
    fmt(s.maxMs),
    s.unit,
    s.targetMs === null ? '–' : s.n === 1 ? `< ${s.targetMs} ${s.unit}` : `p95 < ${s.targetMs} ${s.unit}`,
    s.refMedianMs === null ? '–' : fmt(s.refMedianMs),
    s.refP95Ms === null ? '–' : fmt(s.refP95Ms),
    s.ratio === null ? '–' : `${s.ratio.toFixed(2)}${s.ratioTarget === null ? '' : ` (≤ ${s.ratioTarget})`}`,
    verdict(s),
  ]);
  const numeric = new Set([3, 4, 5, 6, 9, 10]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The JSON line of a case, keys in a fixed order. */
export function jsonLine(s: Summary): string {
  if (s.unit !== 'ms')
    return JSON.stringify({
      case: s.case,
      engine: s.engine,
      scale: s.scale,
      n: s.n,
      median: s.medianMs,
      p95: s.p95Ms,
      max: s.maxMs,
      target: s.targetMs,
      unit: s.unit,
    });
  return JSON.stringify({
    case: s.case,
    engine: s.engine,
    scale: s.scale,
    n: s.n,
    medianMs: s.medianMs,
    p95Ms: s.p95Ms,
    maxMs: s.maxMs,
    targetMs: s.targetMs,
    ...(s.ratio === null ? {} : { refMedianMs: s.refMedianMs, refP95Ms: s.refP95Ms, ratio: s.ratio, ratioTarget: s.ratioTarget }),
  });
}

/** CPU model and count, memory, Node version, OS and the date, for the record. */
export function machineDescription(): string[] {
  const cpus = os.cpus();
  return [
    `date: ${new Date().toISOString()}`,
    `cpus: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}`,
    `memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB (free at start ${(os.freemem() / 2 ** 30).toFixed(1)} GiB)`,
    `load average at start: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
    `node: ${process.version}, ${os.type()} ${os.release()} ${os.arch()}`,
  ];
}
