// Collocates of a node (a word or phrase) in a slice: the words within N tokens left and right
// of each occurrence (optionally only within its sentence), with frequency, MI, G², t-score
// and logDice against the slice its filters describe. Counted on the stored token streams.
import { z } from 'zod';
import type { Engine } from '../../engine.js';
import { CLAUSE_ID, SENTENCE_ID } from '../../tokens/dictionary.js';
import { Filters } from '../../types.js';
import { association, round } from './measures.js';
import { nodeIds, nodeTerm, occurrences, readSlice, referenceCounts } from './slice.js';

export const COLLOCATE_SORTS = ['freq', 'mi', 'g2', 't', 'logDice'] as const;

export const CollocatesRequest = z.object({
  q: z.string().min(1).max(200),
  filters: Filters.default(Filters.parse({})),
  left: z.number().int().min(0).max(20).default(5),
  right: z.number().int().min(0).max(20).default(5),
  /** Windows stop at the node's sentence ends (。！？；). */
  sentence: z.boolean().default(false),
  minFreq: z.number().int().min(1).max(100_000).default(3),
  sort: z.enum(COLLOCATE_SORTS).default('logDice'),
  limit: z.number().int().min(1).max(2000).default(100),
});
export type CollocatesRequestInput = z.input<typeof CollocatesRequest>;

export const Collocate = z.object({
  term: z.string(),
  /** Co-occurrences in the node's windows (O). */
  freq: z.number().int(),
  /** How often the collocate occurs in the slice at all (f(c)). */
  collocateFreq: z.number().int(),
  /** Occurrences left and right of the node. */
  left: z.number().int(), right: z.number().int(),
  expected: z.number(), mi: z.number(), g2: z.number(), t: z.number(), logDice: z.number(),
});
export type Collocate = z.infer<typeof Collocate>;

export const CollocatesResponse = z.object({
  q: z.string(),
  node: z.array(z.string()).describe('the node as word tokens'),
  nodeFreq: z.number().int().describe('occurrences of the node in the slice'),
  passages: z.number().int().describe('passages holding the query'),
  windowTokens: z.number().int().describe('all positions in the node\'s windows (R1)'),
  corpusTokens: z.number().int().describe('word tokens in the slice (N)'),
  total: z.number().int().describe('collocates at or above minFreq'),
  collocates: z.array(Collocate),
  tookMs: z.number(),
});
export type CollocatesResponse = z.infer<typeof CollocatesResponse>;

export async function collocates(engine: Engine, input: CollocatesRequestInput): Promise<CollocatesResponse> {
  const started = performance.now();
  const req = CollocatesRequest.parse(input);
  const [{ slice, query }, ref] = await Promise.all([readSlice(engine, req.q, req.filters), referenceCounts(engine, req.q, req.filters)]);
  const term = nodeTerm(query);
  const words = term?.words ?? [];
  const empty = { q: req.q, node: words, nodeFreq: 0, passages: slice.start.length - 1, windowTokens: 0, corpusTokens: 0, total: 0, collocates: [] };
  const node = words.length ? nodeIds(slice, words) : null;
  if (!node) return { ...empty, corpusTokens: ref.total, tookMs: ms(started) };

  // Co-occurrences left and right by term id, and the ids seen (in the order first seen).
  const left = new Uint32Array(slice.terms.length);
  const right = new Uint32Array(slice.terms.length);
  const seen: number[] = [];
  const bump = (t: number, side: Uint32Array) => {
    if (!left[t] && !right[t]) seen.push(t);
    side[t]!++;
  };
  const { tokens, start } = slice;
  let nodeFreq = 0;
  let windowTokens = 0;
  const k = node.length;
  occurrences(slice, node, (at, p) => {
    nodeFreq++;
    const lo = start[p]!;
    const hi = start[p + 1]!;
    // Left: up to `left` words, marks skipped, stopping at the passage start (or the sentence's).
    for (let i = at - 1, n = 0; i >= lo && n < req.left; i--) {
      const t = tokens[i]!;
      if (t === SENTENCE_ID && req.sentence) break;
      if (t <= CLAUSE_ID) continue;
      bump(t, left); n++; windowTokens++;
    }
    for (let i = at + k, n = 0; i < hi && n < req.right; i++) {
      const t = tokens[i]!;
      if (t === SENTENCE_ID && req.sentence) break;
      if (t <= CLAUSE_ID) continue;
      bump(t, right); n++; windowTokens++;
    }
  });

  // The node's frequency in the slice: every occurrence is in a passage the query found.
  const rows: Collocate[] = [];
  for (const id of seen) {
    const c = { l: left[id]!, r: right[id]! };
    const o = c.l + c.r;
    if (o < req.minFreq) continue;
    const termText = slice.terms[id]!;
    const fc = ref.freq.get(termText) ?? o;
    const m = association(o, windowTokens, fc, ref.total, nodeFreq);
    rows.push({
      term: termText, freq: o, collocateFreq: fc, left: c.l, right: c.r,
      expected: round(m.expected, 6), mi: round(m.mi), g2: round(m.g2), t: round(m.t), logDice: round(m.logDice),
    });
  }
  const key = req.sort;
  rows.sort((a, b) => b[key] - a[key] || b.freq - a.freq || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return {
    ...empty, nodeFreq, windowTokens, corpusTokens: ref.total, total: rows.length, collocates: rows.slice(0, req.limit), tookMs: ms(started),
  };
}

export const ms = (started: number) => Math.round((performance.now() - started) * 10) / 10;
