// Seeded randomness. Every report draws from its own stream derived from (seed, index),
// so a report never depends on how many came before it (corpora can be generated in
// any order, or in parallel) and Math.random is never used.
import { fmix32, mulberry32 } from '../core/hash32.js';

/** Mixes integers into one 32-bit seed (murmur3 finaliser on a running hash). */
export function mix(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) h = fmix32(Math.imul(h ^ (p >>> 0), 0x01000193));
  return h;
}

/** mulberry32 (core/hash32.ts) with the draws the generator needs. */
export class Rng {
  private readonly u32: () => number;
  constructor(seed: number) {
    this.u32 = mulberry32(seed);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }

  /** k distinct items in random order (all of them if k >= length). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }
}
