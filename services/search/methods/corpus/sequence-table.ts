// Counting id sequences of a slice (n-grams, sentences) by where they first occur: an
// open-addressing table on typed arrays, keyed by a 32-bit hash of the ids and confirmed id
// by id against the first occurrence, so a hash collision costs a comparison, never a wrong
// count. The former JS Map keyed by 52-bit hash doubles boxed every key and was most of a
// phrase list's counting time at 100k reports (a CPU profile); here a lookup allocates nothing.
import { fmix32 } from '../../../core/hash32.js';

/** Kept below half full: linear probing stays short. */
const MAX_LOAD = 0.5;

export class SequenceTable {
  /** Entries so far; entry e stands for tokens[first[e] .. first[e] + length[e]) with tag[e]. */
  size = 0;
  first: Uint32Array;
  length: Uint32Array;
  tag: Uint32Array;
  private hashes: Int32Array;
  /** Entry + 1 per slot; 0 is an empty slot. */
  private slots: Int32Array;
  private mask: number;

  /** `tokens` is the slice's flat stream; a tag (e.g. a format's index) keeps equal sequences of different kinds apart. */
  constructor(private readonly tokens: Uint32Array, expected = 1 << 14) {
    let cap = 1 << 4;
    while (cap * MAX_LOAD < expected) cap <<= 1;
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    const entries = Math.ceil(cap * MAX_LOAD);
    this.first = new Uint32Array(entries);
    this.length = new Uint32Array(entries);
    this.tag = new Uint32Array(entries);
    this.hashes = new Int32Array(entries);
  }

  /** How many entries the per-entry arrays hold before the next growth: callers size their own counters by it. */
  get capacity(): number { return this.first.length; }

  private hash(from: number, len: number, tag: number): number {
    let h = (0x811c9dc5 ^ Math.imul(len, 0x9e3779b1) ^ tag) | 0;
    const t = this.tokens;
    for (let i = from, end = from + len; i < end; i++) h = Math.imul(h ^ t[i]!, 0x01000193);
    return fmix32(h) | 0;
  }

  private same(e: number, from: number, len: number, tag: number): boolean {
    if (this.length[e] !== len || this.tag[e] !== tag) return false;
    const t = this.tokens;
    const f = this.first[e]!;
    for (let j = 0; j < len; j++) if (t[f + j] !== t[from + j]) return false;
    return true;
  }

  /** The entry of tokens[from .. from + len) with `tag`, or -1 when it was never added. */
  find(from: number, len: number, tag = 0): number {
    const h = this.hash(from, len, tag);
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const x = this.slots[s]!;
      if (x === 0) return -1;
      if (this.hashes[x - 1] === h && this.same(x - 1, from, len, tag)) return x - 1;
    }
  }

  /** The entry of tokens[from .. from + len) with `tag`, added (first occurring at `from`) when new. */
  entry(from: number, len: number, tag = 0): number {
    const h = this.hash(from, len, tag);
    let s = h & this.mask;
    for (; ; s = (s + 1) & this.mask) {
      const x = this.slots[s]!;
      if (x === 0) break;
      if (this.hashes[x - 1] === h && this.same(x - 1, from, len, tag)) return x - 1;
    }
    const e = this.size++;
    if (e === this.first.length) this.growEntries();
    this.first[e] = from; this.length[e] = len; this.tag[e] = tag; this.hashes[e] = h;
    this.slots[s] = e + 1;
    if (this.size > this.slots.length * MAX_LOAD) this.rehash();
    return e;
  }

  private growEntries(): void {
    const grow = <T extends Uint32Array | Int32Array>(a: T, make: (n: number) => T) => { const b = make(a.length * 2); b.set(a); return b; };
    this.first = grow(this.first, (n) => new Uint32Array(n));
    this.length = grow(this.length, (n) => new Uint32Array(n));
    this.tag = grow(this.tag, (n) => new Uint32Array(n));
    this.hashes = grow(this.hashes, (n) => new Int32Array(n));
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let e = 0; e < this.size; e++) {
      let s = this.hashes[e]! & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = e + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** A per-entry counter of the caller's, grown (zeros added) when the table has grown past it. */
export function fit<T extends Uint32Array | Int32Array>(a: T, table: SequenceTable): T {
  if (a.length >= table.capacity) return a;
  const b = new (a.constructor as new (n: number) => T)(table.capacity);
  b.set(a);
  return b;
}
