// Phrase lists: the most frequent word n-grams (2–5) of a slice, never across punctuation,
// with range (reports using it), Gries' DP over the slice's reports, and whether it is the
// format's standard boilerplate — a sentence most reports of the same format carry, found in
// the slice itself (no list is kept): an n-gram is boilerplate when most of its occurrences
// stand in such sentences.
import { z } from 'zod';
import type { Engine } from '../../engine.js';
import { CLAUSE_ID, SENTENCE_ID } from '../../tokens/dictionary.js';
import type { TokenSlice } from '../../tokens/slice.js';
import { Filters } from '../../types.js';
import { ms } from './collocates.js';
import { griesDp, round } from './measures.js';
import { readSlice, reportSizes } from './slice.js';

export const NgramsRequest = z.object({
  q: z.string().max(200).default(''),
  filters: Filters.default(Filters.parse({})),
  n: z.number().int().min(2).max(5).default(3),
  minFreq: z.number().int().min(1).max(100_000).default(3),
  minRange: z.number().int().min(1).max(100_000).default(2),
  /** Boilerplate n-grams: shown and marked, left out, or shown alone. */
  boilerplate: z.enum(['mark', 'exclude', 'only']).default('mark'),
  /** A sentence is boilerplate when at least this share of its format's reports in the slice carry it. */
  boilerplateShare: z.number().min(0.1).max(1).default(0.5),
  sort: z.enum(['freq', 'range', 'dp']).default('freq'),
  limit: z.number().int().min(1).max(2000).default(200),
});
export type NgramsRequestInput = z.input<typeof NgramsRequest>;

export const Ngram = z.object({
  ngram: z.string().describe('the words, joined without spaces'),
  words: z.array(z.string()),
  freq: z.number().int(),
  range: z.number().int().describe('reports using it'),
  dp: z.number().describe("Gries' DP over the slice's reports: 0 even, towards 1 concentrated"),
  boilerplate: z.boolean(),
  /** Share of its occurrences inside boilerplate sentences. */
  boilerplateShare: z.number(),
});
export type Ngram = z.infer<typeof Ngram>;

export const NgramsResponse = z.object({
  q: z.string(), n: z.number().int(),
  reports: z.number().int(), tokens: z.number().int(),
  boilerplateSentences: z.number().int().describe('distinct sentences found to be boilerplate in the slice'),
  total: z.number().int(), ngrams: z.array(Ngram), tookMs: z.number(),
});
export type NgramsResponse = z.infer<typeof NgramsResponse>;

/** Reports of a format fewer than this cannot tell a template sentence from a coincidence. */
const MIN_FORMAT_REPORTS = 5;

/** A 52-bit hash of ids[from..to) (two 26-bit FNV-style halves): keys for the counting maps. */
function hashRange(ids: Uint32Array, from: number, to: number): number {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x01000193 | 0;
  for (let i = from; i < to; i++) {
    const v = ids[i]!;
    h1 = Math.imul(h1 ^ v, 16777619);
    h2 = Math.imul(h2 ^ (v + 0x9e3779b9), 2246822519);
  }
  return (h1 >>> 6) * 0x4000000 + (h2 >>> 6);
}

/** Sentence hashes (per format) that count as boilerplate, and each token's sentence flag. */
function boilerplateMarks(slice: TokenSlice, share: number): { inBoilerplate: Uint8Array; sentences: number } {
  const { tokens, start, report, reports } = slice;
  const formats = [...new Set(reports.map((r) => r.format))];
  const formatOf = reports.map((r) => formats.indexOf(r.format));
  const perFormat = new Uint32Array(formats.length);
  for (const f of formatOf) perFormat[f]!++;
  // key (sentence hash with its format folded in) → entry: reports carrying it, the last report seen.
  const index = new Map<number, number>();
  const carried: number[] = [];
  const lastReport: number[] = [];
  const keyOf = (s: number, e: number, f: number) => (hashRange(tokens, s, e) % 0x2000000000000) * 16 + f;
  const sentences = (each: (s: number, e: number, p: number) => void) => {
    for (let p = 0; p + 1 < start.length; p++) {
      let s = start[p]!;
      const end = start[p + 1]!;
      for (let i = s; i <= end; i++) {
        if (i < end && tokens[i] !== SENTENCE_ID) continue;
        if (i > s) each(s, i, p);
        s = i + 1;
      }
    }
  };
  sentences((s, e, p) => {
    const r = report[p]!;
    const key = keyOf(s, e, formatOf[r]!);
    const x = index.get(key);
    if (x === undefined) { index.set(key, carried.length); carried.push(1); lastReport.push(r); }
    else if (lastReport[x] !== r) { carried[x]!++; lastReport[x] = r; }
  });
  const inBoilerplate = new Uint8Array(tokens.length);
  const boiler = new Set<number>();
  for (const [key, x] of index) {
    const of = perFormat[key % 16]!;
    if (of >= MIN_FORMAT_REPORTS && carried[x]! >= share * of) boiler.add(key);
  }
  if (boiler.size) sentences((s, e, p) => { if (boiler.has(keyOf(s, e, formatOf[report[p]!]!))) inBoilerplate.fill(1, s, e); });
  return { inBoilerplate, sentences: boiler.size };
}

export async function ngrams(engine: Engine, input: NgramsRequestInput): Promise<NgramsResponse> {
  const started = performance.now();
  const req = NgramsRequest.parse(input);
  const { slice } = await readSlice(engine, req.q, req.filters);
  const { tokens, start, report } = slice;
  const n = req.n;
  const { inBoilerplate, sentences } = boilerplateMarks(slice, req.boilerplateShare);

  // Entries in parallel arrays: first offset (to read the words back), count, range, boilerplate count.
  const index = new Map<number, number>();
  let cap = 1 << 16;
  let first = new Uint32Array(cap), freq = new Uint32Array(cap), range = new Uint32Array(cap), boiler = new Uint32Array(cap);
  let last = new Int32Array(cap);
  let size = 0;
  const grow = () => {
    cap *= 2;
    const g = <T extends Uint32Array | Int32Array>(a: T, make: (k: number) => T) => { const b = make(cap); b.set(a); return b; };
    first = g(first, (k) => new Uint32Array(k)); freq = g(freq, (k) => new Uint32Array(k));
    range = g(range, (k) => new Uint32Array(k)); boiler = g(boiler, (k) => new Uint32Array(k)); last = g(last, (k) => new Int32Array(k));
  };
  const same = (a: number, b: number) => { for (let j = 0; j < n; j++) if (tokens[a + j] !== tokens[b + j]) return false; return true; };
  // Hash collisions (rare at 52 bits) fall back to a map keyed by the ids themselves.
  const exact = new Map<string, number>();
  const entryAt = (i: number): number => {
    const h = hashRange(tokens, i, i + n);
    let e = index.get(h);
    if (e === undefined) {
      if (size === cap) grow();
      e = size++;
      first[e] = i; last[e] = -1;
      index.set(h, e);
      return e;
    }
    if (same(first[e]!, i)) return e;
    const key = Array.from(tokens.subarray(i, i + n)).join(',');
    let x = exact.get(key);
    if (x === undefined) {
      if (size === cap) grow();
      x = size++;
      first[x] = i; last[x] = -1;
      exact.set(key, x);
    }
    return x;
  };
  for (let p = 0; p + 1 < start.length; p++) {
    const r = report[p]!;
    const end = start[p + 1]!;
    let run = 0; // words since the last mark
    for (let i = start[p]!; i < end; i++) {
      if (tokens[i]! <= CLAUSE_ID) { run = 0; continue; }
      if (++run < n) continue;
      const at = i - n + 1;
      const e = entryAt(at);
      freq[e]!++;
      if (last[e] !== r) { last[e] = r; range[e]!++; }
      if (inBoilerplate[at]) boiler[e]!++;
    }
  }

  let kept: number[] = [];
  for (let e = 0; e < size; e++) {
    if (freq[e]! < req.minFreq || range[e]! < req.minRange) continue;
    const isBoiler = boiler[e]! * 2 > freq[e]!;
    if (req.boilerplate === 'exclude' && isBoiler) continue;
    if (req.boilerplate === 'only' && !isBoiler) continue;
    kept.push(e);
  }
  const total = kept.length;
  // DP needs each report's count of an n-gram: computed for the rows shown (and, sorting by DP, for all kept).
  const wordsOf = (e: number) => Array.from(tokens.subarray(first[e]!, first[e]! + n), (t) => slice.terms[t]!);
  const byFreq = (a: number, b: number) => freq[b]! - freq[a]! || range[b]! - range[a]! || cmp(wordsOf(a).join(' '), wordsOf(b).join(' '));
  if (req.sort !== 'dp') {
    kept.sort(req.sort === 'range' ? (a, b) => range[b]! - range[a]! || byFreq(a, b) : byFreq);
    kept = kept.slice(0, req.limit);
  }
  const dps = dispersionOf(slice, kept, n, first);
  const rows = kept.map((e, k): Ngram => {
    const w = wordsOf(e);
    return {
      ngram: w.join(''), words: w, freq: freq[e]!, range: range[e]!, dp: round(dps[k]!),
      boilerplate: boiler[e]! * 2 > freq[e]!, boilerplateShare: round(boiler[e]! / freq[e]!, 3),
    };
  });
  if (req.sort === 'dp') rows.sort((a, b) => a.dp - b.dp || b.freq - a.freq || cmp(a.words.join(' '), b.words.join(' ')));
  const { total: tokenTotal } = reportSizes(slice);
  return {
    q: req.q, n, reports: slice.reports.length, tokens: tokenTotal, boilerplateSentences: sentences,
    total, ngrams: rows.slice(0, req.limit), tookMs: ms(started),
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Gries' DP of each chosen n-gram over the slice's reports (a second pass, over the chosen ones only). */
function dispersionOf(slice: TokenSlice, chosen: number[], n: number, first: Uint32Array): number[] {
  const { tokens, start, report } = slice;
  // A hash hit is confirmed against the chosen n-gram's first occurrence, id by id.
  const same = (k: number, at: number) => { const f = first[chosen[k]!]!; for (let j = 0; j < n; j++) if (tokens[f + j] !== tokens[at + j]) return false; return true; };
  // Only positions starting with a chosen n-gram's first word are hashed.
  const starts = new Uint8Array(slice.terms.length);
  for (const e of chosen) starts[tokens[first[e]!]!] = 1;
  const hashes = new Map<number, number>();
  chosen.forEach((e, k) => hashes.set(hashRange(tokens, first[e]!, first[e]! + n), k));
  const counts = chosen.map(() => new Map<number, number>());
  for (let p = 0; p + 1 < start.length; p++) {
    const r = report[p]!;
    let run = 0;
    for (let i = start[p]!; i < start[p + 1]!; i++) {
      if (tokens[i]! <= CLAUSE_ID) { run = 0; continue; }
      if (++run < n) continue;
      const at = i - n + 1;
      if (!starts[tokens[at]!]) continue;
      const k = hashes.get(hashRange(tokens, at, at + n));
      if (k === undefined) continue;
      if (!same(k, at)) continue;
      const m = counts[k]!;
      m.set(r, (m.get(r) ?? 0) + 1);
    }
  }
  const { sizes } = reportSizes(slice);
  return counts.map((m) => {
    const c = new Float64Array(sizes.length);
    for (const [r, v] of m) c[r] = v;
    return griesDp(c, sizes);
  });
}
