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
import { fit, SequenceTable } from './sequence-table.js';
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

/** Sentences (per format) that count as boilerplate, and each token's flag of standing in one. */
function boilerplateMarks(slice: TokenSlice, share: number): { inBoilerplate: Uint8Array; sentences: number } {
  const { tokens, start, report, reports } = slice;
  const formats = [...new Set(reports.map((r) => r.format))];
  const formatOf = reports.map((r) => formats.indexOf(r.format));
  const perFormat = new Uint32Array(formats.length);
  for (const f of formatOf) perFormat[f]!++;
  // A sentence with its format → reports carrying it, the last report seen.
  const table = new SequenceTable(tokens, 1 << 16);
  let carried = new Uint32Array(table.capacity);
  let lastReport = new Int32Array(table.capacity);
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
    const before = table.size;
    const x = table.entry(s, e - s, formatOf[r]!);
    if (x === before) { carried = fit(carried, table); lastReport = fit(lastReport, table); carried[x] = 1; lastReport[x] = r; }
    else if (lastReport[x] !== r) { carried[x]!++; lastReport[x] = r; }
  });
  const inBoilerplate = new Uint8Array(tokens.length);
  const boiler = new Uint8Array(table.size);
  let count = 0;
  for (let x = 0; x < table.size; x++) {
    const of = perFormat[table.tag[x]!]!;
    if (of >= MIN_FORMAT_REPORTS && carried[x]! >= share * of) { boiler[x] = 1; count++; }
  }
  if (count) sentences((s, e, p) => { if (boiler[table.find(s, e - s, formatOf[report[p]!]!)]) inBoilerplate.fill(1, s, e); });
  return { inBoilerplate, sentences: count };
}

export async function ngrams(engine: Engine, input: NgramsRequestInput): Promise<NgramsResponse> {
  const started = performance.now();
  const req = NgramsRequest.parse(input);
  const { slice } = await readSlice(engine, req.q, req.filters);
  const { tokens, start, report } = slice;
  const n = req.n;
  const { inBoilerplate, sentences } = boilerplateMarks(slice, req.boilerplateShare);

  // One entry per distinct n-gram (the table knows its first offset, to read the words back): count, range, boilerplate count.
  const table = new SequenceTable(tokens, 1 << 18);
  let freq = new Uint32Array(table.capacity), range = new Uint32Array(table.capacity), boiler = new Uint32Array(table.capacity);
  let last = new Int32Array(table.capacity);
  for (let p = 0; p + 1 < start.length; p++) {
    const r = report[p]!;
    const end = start[p + 1]!;
    let run = 0; // words since the last mark
    for (let i = start[p]!; i < end; i++) {
      if (tokens[i]! <= CLAUSE_ID) { run = 0; continue; }
      if (++run < n) continue;
      const at = i - n + 1;
      const before = table.size;
      const e = table.entry(at, n);
      if (e === before) {
        freq = fit(freq, table); range = fit(range, table); boiler = fit(boiler, table); last = fit(last, table);
        last[e] = -1;
      }
      freq[e]!++;
      if (last[e] !== r) { last[e] = r; range[e]!++; }
      if (inBoilerplate[at]) boiler[e]!++;
    }
  }

  let kept: number[] = [];
  for (let e = 0; e < table.size; e++) {
    if (freq[e]! < req.minFreq || range[e]! < req.minRange) continue;
    const isBoiler = boiler[e]! * 2 > freq[e]!;
    if (req.boilerplate === 'exclude' && isBoiler) continue;
    if (req.boilerplate === 'only' && !isBoiler) continue;
    kept.push(e);
  }
  const total = kept.length;
  // DP needs each report's count of an n-gram: computed for the rows shown (and, sorting by DP, for all kept).
  const first = table.first;
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
  // The chosen n-grams in a table of their own (entry k is chosen[k]), found again at every position.
  const table = new SequenceTable(tokens, chosen.length);
  for (const e of chosen) table.entry(first[e]!, n);
  // Only positions starting with a chosen n-gram's first word are looked up.
  const starts = new Uint8Array(slice.terms.length);
  for (const e of chosen) starts[tokens[first[e]!]!] = 1;
  // Per chosen n-gram, its reports (ascending, as passages come by report) and count in each.
  const inReports = chosen.map(() => [] as number[]);
  const counts = chosen.map(() => [] as number[]);
  for (let p = 0; p + 1 < start.length; p++) {
    const r = report[p]!;
    let run = 0;
    for (let i = start[p]!; i < start[p + 1]!; i++) {
      if (tokens[i]! <= CLAUSE_ID) { run = 0; continue; }
      if (++run < n) continue;
      const at = i - n + 1;
      if (!starts[tokens[at]!]) continue;
      const k = table.find(at, n);
      if (k < 0) continue;
      const rs = inReports[k]!;
      if (rs[rs.length - 1] === r) counts[k]![rs.length - 1]!++;
      else { rs.push(r); counts[k]!.push(1); }
    }
  }
  const { sizes } = reportSizes(slice);
  const c = new Float64Array(sizes.length);
  return chosen.map((_, k) => {
    const rs = inReports[k]!;
    rs.forEach((r, j) => { c[r] = counts[k]![j]!; });
    const dp = griesDp(c, sizes);
    for (const r of rs) c[r] = 0;
    return dp;
  });
}
