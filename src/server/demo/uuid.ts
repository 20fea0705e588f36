/**
 * Deterministic UUID v7-shaped ids for generated data (RFC 9562 layout): 48-bit millisecond timestamp, version 7,
 * a 12-bit counter in rand_a (the RFC's "fixed-length dedicated counter" method, so ids sort in creation order),
 * variant 0b10, and 62 bits from the seeded generator. A seeded generation therefore yields the same ids every run.
 */
import type { Rng } from './random.ts';

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function format(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) s += '-';
    s += HEX[bytes[i]!]!;
  }
  return s;
}

function build(ms: number, randA: number, r1: number, r2: number): string {
  const b = new Uint8Array(16);
  // 48-bit big-endian timestamp; ms < 2^48 so the high part fits in 16 bits.
  const hi = Math.floor(ms / 0x100000000);
  const lo = ms >>> 0;
  b[0] = (hi >>> 8) & 0xff;
  b[1] = hi & 0xff;
  b[2] = (lo >>> 24) & 0xff;
  b[3] = (lo >>> 16) & 0xff;
  b[4] = (lo >>> 8) & 0xff;
  b[5] = lo & 0xff;
  b[6] = 0x70 | ((randA >>> 8) & 0x0f);
  b[7] = randA & 0xff;
  b[8] = 0x80 | ((r1 >>> 24) & 0x3f);
  b[9] = (r1 >>> 16) & 0xff;
  b[10] = (r1 >>> 8) & 0xff;
  b[11] = r1 & 0xff;
  b[12] = (r2 >>> 24) & 0xff;
  b[13] = (r2 >>> 16) & 0xff;
  b[14] = (r2 >>> 8) & 0xff;
  b[15] = r2 & 0xff;
  return format(b);
}

export interface UuidFactory {
  /** The next id; ids of one factory are strictly increasing as strings. */
  (): string;
  /** How many ids were made. */
  readonly count: number;
}

/**
 * A factory of v7-shaped ids. `baseTime` is the timestamp of the first id (ISO instant or ms since the epoch);
 * every 4,096 ids the timestamp advances by one millisecond.
 */
export function createUuidFactory(rng: Rng, baseTime: string | number = '2025-01-01T00:00:00Z'): UuidFactory {
  const base = typeof baseTime === 'number' ? baseTime : Date.parse(baseTime);
  if (!Number.isFinite(base) || base < 0) throw new RangeError(`createUuidFactory: bad base time ${String(baseTime)}`);
  let n = 0;
  const make = (() => {
    const id = build(base + Math.floor(n / 4096), n % 4096, rng.uint32(), rng.uint32());
    n++;
    return id;
  }) as UuidFactory;
  Object.defineProperty(make, 'count', { get: () => n });
  return make;
}

/**
 * A second id derived from an existing one and a label (e.g. the 'created' event of an org): same timestamp, the
 * random bits from a hash of both. Deterministic without any generator state.
 */
export function deriveUuid(id: string, label: string): string {
  const hex = id.replace(/-/g, '');
  const ms = parseInt(hex.slice(0, 12), 16);
  const [h1, h2, h3] = cyrb128(`${label}\u0000${id}`);
  return build(ms, h3 & 0x0fff, h1, h2);
}

/** cyrb128: a fast 128-bit non-cryptographic string hash (four 32-bit words). */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export const UUID_V7_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
