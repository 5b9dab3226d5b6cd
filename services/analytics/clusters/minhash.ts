// MinHash over character shingles, with 32-bit hashing of our own: shingles are hashed
// with FNV-1a and a murmur3 finaliser; each of the permutations is a seeded universal hash
// x ↦ fmix32(a·x + b mod 2³²) with a odd, a bijection of the 32-bit space.
import { fmix32, mulberry32 } from '../../core/hash32.js';

/**
 * The text a statement is compared on: letters and digits only (punctuation, spaces and
 * PDF artefacts carry no meaning here), every run of digits one 0 (numbers vary by year).
 */
export function normalizeStatement(s: string): string {
  // NFKC only where needed (full-width forms, compatibility ideographs): clean text rarely has them.
  const folded = /[\u2460-\u24ff\u3000\uf900-\ufaff\uff00-\uffef]/.test(s) ? s.normalize('NFKC') : s;
  return folded.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '').replace(/\p{Nd}+/gu, '0');
}

/** Sorted distinct hashes of the k-character shingles of a normalized statement (the whole text if shorter). */
export function shingles(norm: string, k: number): Uint32Array {
  const n = Math.max(1, norm.length - k + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    const end = Math.min(norm.length, i + k);
    for (let j = i; j < end; j++) h = Math.imul(h ^ norm.charCodeAt(j), 0x01000193);
    out[i] = fmix32(h ^ (end - i));
  }
  out.sort();
  let w = 0;
  for (let i = 0; i < n; i++) if (i === 0 || out[i] !== out[w - 1]) out[w++] = out[i]!;
  return out.subarray(0, w);
}

/** Jaccard similarity of two sorted distinct hash lists. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const union = a.length + b.length - common;
  return union ? common / union : 1;
}

export class MinHasher {
  private readonly a: Uint32Array;
  private readonly b: Uint32Array;
  private readonly bandSeeds: Uint32Array;

  constructor(readonly perms: number, readonly bands: number, seed: number) {
    if (perms % bands !== 0) throw new Error(`${perms} permutations do not split into ${bands} bands`);
    const rnd = mulberry32(seed); // the permutation coefficients, drawn from the seed
    this.a = new Uint32Array(perms).map(() => (rnd() | 1) >>> 0);
    this.b = new Uint32Array(perms).map(() => rnd());
    this.bandSeeds = new Uint32Array(bands).map(() => rnd());
  }

  get rows(): number {
    return this.perms / this.bands;
  }

  /** The signature of a shingle set into `sig` (length perms). */
  signature(sh: Uint32Array, sig: Uint32Array): void {
    sig.fill(0xffffffff);
    const { a, b, perms } = this;
    for (let s = 0; s < sh.length; s++) {
      const x = sh[s]!;
      for (let p = 0; p < perms; p++) {
        const h = fmix32((Math.imul(a[p]!, x) + b[p]!) >>> 0);
        if (h < sig[p]!) sig[p] = h;
      }
    }
  }

  /** One 32-bit key per band (its rows hashed together) into out[at … at + bands). */
  bandKeys(sig: Uint32Array, out: Uint32Array, at: number): void {
    const r = this.rows;
    for (let band = 0; band < this.bands; band++) {
      let h = this.bandSeeds[band]!;
      for (let i = band * r; i < band * r + r; i++) h = Math.imul(h ^ sig[i]!, 0x9e3779b1) >>> 0;
      out[at + band] = fmix32(h);
    }
  }
}
