// A report's narrative as sentences compared for copying: the sentences of every passage
// outside the statistics tables, each normalised so that what a copying office changes
// without rewriting — the years and other numbers, punctuation, spacing, full-width forms,
// the ordinal in front (一是, 1., （二）) — does not count as a difference. Each sentence keeps
// a 32-bit hash of its normal form (identical sentences) and a small MinHash signature of
// its character trigrams (sentences nearly the same: a word changed, a clause added).
import type { SectionType } from '../../core/schema.js';
import { fmix32 } from '../../core/hash32.js';

/** Sections whose text is narrative (the statistics tables are compared cell by cell instead). */
export const NARRATIVE_SECTIONS: readonly SectionType[] = [
  'preamble', 'overview', 'proactive', 'on_request', 'management', 'platforms', 'supervision',
  'review_litigation', 'fees', 'problems', 'improvements', 'other',
];

/** MinHash values per sentence; `NEAR` of them equal make two sentences nearly the same. */
export const SIG = 16;
export const NEAR = 10;
/** Sentences shorter than this (after normalising) are not compared: 无。, 详见附表。 */
export const MIN_CHARS = 4;

const SPLIT = /[^。！？；!?;]+[。！？；!?;]*/g;
const ORDINAL = /^\s*(?:[一二三四五六七八九十]+是|[（(]?[一二三四五六七八九十\d]+[）)]|\d+[.、．]|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[，,、])/;

/** The form compared: letters, digits as #, CJK; nothing else. */
export function normalize(sentence: string): string {
  return sentence.normalize('NFKC').replace(ORDINAL, '').replace(/\d+(?:\.\d+)?/g, '#').replace(/[^\p{L}\p{N}#]/gu, '');
}

export interface Sentence {
  /** As written (for display), its passage ordinal and offset in the passage's text. */
  text: string;
  ordinal: number;
  start: number;
  norm: string;
}

/** The sentences of a passage's text, with their normal forms. */
export function splitSentences(text: string, ordinal: number): Sentence[] {
  const out: Sentence[] = [];
  for (const m of text.matchAll(SPLIT)) {
    const raw = m[0].trim();
    if (!raw) continue;
    out.push({ text: raw, ordinal, start: m.index! + m[0].indexOf(raw), norm: normalize(raw) });
  }
  return out;
}

export function hashOf(norm: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < norm.length; i++) h = Math.imul(h ^ norm.charCodeAt(i), 0x01000193);
  return fmix32(h) >>> 0;
}

const A = Uint32Array.from({ length: SIG }, (_, k) => fmix32(0x9e3779b9 + k * 0x85ebca6b) | 1);
const B = Uint32Array.from({ length: SIG }, (_, k) => fmix32(0xc2b2ae35 + k * 0x27d4eb2f));

/** MinHash of the trigrams into `out` at `at` (16 bits per value: enough to tell sentences apart). */
export function signature(norm: string, out: Uint16Array, at: number): void {
  const mins = new Uint32Array(SIG).fill(0xffffffff);
  const n = norm.length;
  for (let i = 0; i + 2 < n || (i === 0 && n > 0); i++) {
    const t = fmix32(Math.imul(norm.charCodeAt(i), 0x01000193) ^ Math.imul(norm.charCodeAt(i + 1) | 0, 0x5bd1e995) ^ (norm.charCodeAt(i + 2) | 0));
    for (let k = 0; k < SIG; k++) {
      const v = (Math.imul(A[k]!, t) + B[k]!) >>> 0;
      if (v < mins[k]!) mins[k] = v;
    }
  }
  for (let k = 0; k < SIG; k++) out[at + k] = mins[k]! >>> 16;
}
