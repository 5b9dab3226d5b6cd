// Keywords (keyness) of slice A against slice B — or against the rest of the corpus when B is
// not given: log-likelihood with log ratio and %DIFF, positive (more frequent in A) and
// negative, each with the number of reports using it on either side.
import { z } from 'zod';
import type { Engine } from '../../engine.js';
import { Filters } from '../../types.js';
import { ms } from './collocates.js';
import { keyness, round } from './measures.js';
import { readSlice, termCounts } from './slice.js';

export const KeywordsRequest = z.object({
  a: z.string().max(200).default(''),
  /** Empty: the rest of the corpus (everything not in A). */
  b: z.string().max(200).default(''),
  filtersA: Filters.default(Filters.parse({})),
  filtersB: Filters.default(Filters.parse({})),
  /** At least this many occurrences in A and B together. */
  minFreq: z.number().int().min(1).max(100_000).default(5),
  /** At least this many reports using it on its side (A for positive keywords, B for negative). */
  minRange: z.number().int().min(1).max(100_000).default(2),
  sort: z.enum(['ll', 'logRatio', 'percentDiff']).default('ll'),
  limit: z.number().int().min(1).max(2000).default(100),
});
export type KeywordsRequestInput = z.input<typeof KeywordsRequest>;

export const Keyword = z.object({
  term: z.string(),
  freqA: z.number().int(), freqB: z.number().int(),
  /** Reports using the term in A and in B. */
  rangeA: z.number().int(), rangeB: z.number().int(),
  /** Per million words. */
  perMillionA: z.number(), perMillionB: z.number(),
  ll: z.number(), logRatio: z.number(), percentDiff: z.number(),
});
export type Keyword = z.infer<typeof Keyword>;

const SliceSize = z.object({ q: z.string(), reports: z.number().int(), passages: z.number().int(), tokens: z.number().int() });
export const KeywordsResponse = z.object({
  a: SliceSize, b: SliceSize.extend({ rest: z.boolean() }),
  positive: z.array(Keyword), negative: z.array(Keyword),
  totalPositive: z.number().int(), totalNegative: z.number().int(),
  tookMs: z.number(),
});
export type KeywordsResponse = z.infer<typeof KeywordsResponse>;

export async function keywords(engine: Engine, input: KeywordsRequestInput): Promise<KeywordsResponse> {
  const started = performance.now();
  const req = KeywordsRequest.parse(input);
  const rest = req.b.trim() === '' && Object.values(req.filtersB).every((v) => !Array.isArray(v) || v.length === 0);
  const [{ slice: sa }, { slice: sb }] = await Promise.all([
    readSlice(engine, req.a, req.filtersA), readSlice(engine, rest ? '' : req.b, rest ? Filters.parse({}) : req.filtersB),
  ]);
  const ca = termCounts(sa);
  const cb = termCounts(sb);
  // B's id of each of A's terms: the same id when both slices share the index's dictionary (the
  // embedded index), else looked up by term (Elasticsearch numbers each slice's terms itself).
  const shared = sa.terms === sb.terms;
  const bIndex = shared ? null : new Map(sb.terms.map((t, i) => [t, i] as const));
  let reportsB = sb.reports.length;
  let passagesB = sb.start.length - 1;
  let tokensB = cb.total;
  // The rest of the corpus: the whole corpus's counts less A's (A is part of it).
  const aReports = new Set(sa.reports.map((r) => r.id));
  if (rest) {
    passagesB -= sa.start.length - 1;
    tokensB -= ca.total;
    // A report is in the rest when some passage of it is not in A.
    const aPassages = new Map<string, number>();
    for (let p = 0; p + 1 < sa.start.length; p++) aPassages.set(sa.reports[sa.report[p]!]!.id, (aPassages.get(sa.reports[sa.report[p]!]!.id) ?? 0) + 1);
    const bPassages = new Map<string, number>();
    for (let p = 0; p + 1 < sb.start.length; p++) bPassages.set(sb.reports[sb.report[p]!]!.id, (bPassages.get(sb.reports[sb.report[p]!]!.id) ?? 0) + 1);
    reportsB = [...bPassages].filter(([id, n]) => n > (aPassages.get(id) ?? 0)).length;
  }
  // With B the rest, a term's range in B needs the reports of the rest using it: counted apart.
  const restRange = rest ? rangeOutside(sb, sa, aReports) : null;

  const positive: Keyword[] = [];
  const negative: Keyword[] = [];
  const seen = new Set<string>();
  const consider = (term: string, a: number, ra: number, bId: number | undefined) => {
    const b = (bId === undefined ? 0 : cb.freq[bId]!) - (rest ? a : 0);
    const rb = rest ? restRange!.get(term) ?? 0 : bId === undefined ? 0 : cb.range[bId]!;
    if (a + b < req.minFreq || tokensB <= 0 || ca.total <= 0) return;
    const k = keyness(a, b, ca.total, tokensB);
    if (a / ca.total === b / tokensB) return;
    const row: Keyword = {
      term, freqA: a, freqB: b, rangeA: ra, rangeB: rb,
      perMillionA: round((a / ca.total) * 1e6, 2), perMillionB: round((b / tokensB) * 1e6, 2),
      ll: round(k.ll), logRatio: round(k.logRatio), percentDiff: round(k.percentDiff),
    };
    if (k.positive) { if (ra >= req.minRange) positive.push(row); } else if (rb >= req.minRange) negative.push(row);
  };
  for (let id = 2; id < sa.terms.length; id++) {
    if (!ca.freq[id]) continue;
    const term = sa.terms[id]!;
    if (!shared) seen.add(term);
    consider(term, ca.freq[id]!, ca.range[id]!, shared ? id : bIndex!.get(term));
  }
  for (let id = 2; id < sb.terms.length; id++) {
    if (!cb.freq[id] || (shared ? ca.freq[id] : seen.has(sb.terms[id]!))) continue;
    consider(sb.terms[id]!, 0, 0, id);
  }
  const key = req.sort;
  const order = (sign: 1 | -1) => (x: Keyword, y: Keyword) =>
    (key === 'll' ? y.ll - x.ll : sign * (y[key] - x[key])) || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0);
  positive.sort(order(1));
  negative.sort(order(-1));
  return {
    a: { q: req.a, reports: sa.reports.length, passages: sa.start.length - 1, tokens: ca.total },
    b: { q: rest ? '' : req.b, rest, reports: reportsB, passages: passagesB, tokens: tokensB },
    positive: positive.slice(0, req.limit), negative: negative.slice(0, req.limit),
    totalPositive: positive.length, totalNegative: negative.length, tookMs: ms(started),
  };
}

/** Per term, the reports using it in passages of `all` that are not in `a`. */
function rangeOutside(all: import('../../tokens/slice.js').TokenSlice, a: import('../../tokens/slice.js').TokenSlice, aReports: Set<string>): Map<string, number> {
  const inA = new Set<string>();
  for (let p = 0; p + 1 < a.start.length; p++) inA.add(`${a.reports[a.report[p]!]!.id}:${a.ordinal[p]}`);
  const last = new Int32Array(all.terms.length).fill(-1);
  const range = new Uint32Array(all.terms.length);
  for (let p = 0; p + 1 < all.start.length; p++) {
    const r = all.report[p]!;
    const rid = all.reports[r]!.id;
    if (aReports.has(rid) && inA.has(`${rid}:${all.ordinal[p]}`)) continue;
    for (let i = all.start[p]!; i < all.start[p + 1]!; i++) {
      const t = all.tokens[i]!;
      if (t > 1 && last[t] !== r) { last[t] = r; range[t]!++; }
    }
  }
  const out = new Map<string, number>();
  for (let t = 2; t < all.terms.length; t++) if (range[t]) out.set(all.terms[t]!, range[t]!);
  return out;
}
