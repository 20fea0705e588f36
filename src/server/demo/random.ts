/**
 * A small seeded pseudo-random generator for the demo and benchmark data: sfc32 (Chris Doty-Humphrey's Small Fast
 * Counter), seeded through splitmix32. The same seed gives the same sequence on every machine and every run;
 * nothing here reads the clock or Math.random.
 */
import { addDays } from '../../domain/dates.ts';

const DAY_MS = 86_400_000;

/** splitmix32 step: turns an arbitrary 32-bit seed into well-mixed words for the sfc32 state. */
function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [next, z >>> 0];
}

/** FNV-1a hash of a text, for deriving sub-streams from labels. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed | 0;
    let w: number;
    [s, w] = splitmix32(s);
    this.a = w;
    [s, w] = splitmix32(s);
    this.b = w;
    [s, w] = splitmix32(s);
    this.c = w;
    [, w] = splitmix32(s);
    this.d = w;
    // Warm up so that nearby seeds diverge at once.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** The next 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int(${min}, ${max}): empty range`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() from an empty array');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One value, with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    if (!(total > 0)) throw new RangeError('weighted() needs a positive total weight');
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** A shuffled copy (Fisher–Yates); the input is left as it was. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = out[i]!;
      out[i] = out[j]!;
      out[j] = tmp;
    }
    return out;
  }

  /** `count` distinct elements in random order (all of them when count ≥ length). */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, count));
  }

  /** A calendar date 'YYYY-MM-DD' in [fromIso, toIso], both ends included. */
  dateBetween(fromIso: string, toIso: string): string {
    const from = Date.parse(`${fromIso}T00:00:00Z`);
    const to = Date.parse(`${toIso}T00:00:00Z`);
    if (Number.isNaN(from) || Number.isNaN(to)) throw new RangeError(`dateBetween(${fromIso}, ${toIso}): not a date`);
    if (to < from) throw new RangeError(`dateBetween(${fromIso}, ${toIso}): empty range`);
    const days = Math.round((to - from) / DAY_MS);
    return addDays(fromIso, this.int(0, days));
  }

  /** An independent generator derived from this one's seed material and a label, without advancing this one. */
  fork(label: string): Rng {
    return new Rng((this.a ^ Math.imul(this.c, 31) ^ hashString(label)) | 0);
  }
}

export function createRng(seed: number): Rng {
  return new Rng(seed);
}

/** Adds whole years; 29 February falls back to 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  if (md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return `${y}-02-28`;
  return `${String(y).padStart(4, '0')}-${md}`;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
