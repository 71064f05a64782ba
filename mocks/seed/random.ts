/**
 * Deterministic randomness for the demo seed. Two kinds:
 * - `Rng`, a seeded PRNG (mulberry32) for draws made while the seed is built;
 * - pure hashes (`unit`, `normal`, `hexId`) for lazy data, so the order in which
 *   pages read lazy histories or bodies never changes what they contain.
 * Never Math.random or Date.now.
 */
import { at } from '../../app/lib/at';

/** FNV-1a over UTF-16 code units, 32-bit. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit avalanche mix (murmur3 finalizer). */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of a seed and up to two integers. */
export function hash3(seed: number, a: number, b = 0): number {
  return mix32(seed ^ mix32(a + 0x9e3779b9) ^ Math.imul(mix32(b ^ 0x7f4a7c15), 3));
}

/** Uniform in [0, 1), a pure function of (seed, i, j). */
export function unit(seed: number, i: number, j = 0): number {
  return hash3(seed, i, j) / 4294967296;
}

/** Roughly standard normal (Irwin–Hall of 4 uniforms, rescaled), pure in (seed, i). */
export function normal(seed: number, i: number): number {
  const s = unit(seed, i, 1) + unit(seed, i, 2) + unit(seed, i, 3) + unit(seed, i, 4);
  return (s - 2) * 1.7320508;
}

/** Lowercase hex id of `length` digits, a pure function of (namespace, index). */
export function hexId(namespace: string, index: number, length = 32): string {
  const base = hashString(namespace);
  let out = '';
  for (let w = 0; out.length < length; w++) {
    out += hash3(base, index, w + 1)
      .toString(16)
      .padStart(8, '0');
  }
  return out.slice(0, length);
}

/** mulberry32: small, fast, good enough for demo data. */
export class Rng {
  private state: number;

  constructor(seed: number | string) {
    this.state = (typeof seed === 'string' ? hashString(seed) : seed) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  range(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  pick<T>(items: readonly T[]): T {
    return at(items, Math.floor(this.next() * items.length), 'Rng.pick');
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Roughly standard normal. */
  normal(): number {
    return (this.next() + this.next() + this.next() + this.next() - 2) * 1.7320508;
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = Math.floor(this.next() * 256);
    return out;
  }
}

/** `items[i mod length]`: picks from a fixed, non-empty list by a counter (throws on an empty one). */
export function cycle<T>(items: readonly T[], i: number): T {
  return at(items, i % items.length, 'cycle');
}
