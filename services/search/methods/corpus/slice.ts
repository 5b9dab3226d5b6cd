// A slice of the corpus: any query with its typed filters ("year:2021..2025 section:problems"),
// read from the backend as token streams (tokens/slice.ts), and what every analysis counts on it.
import type { SearchPlan } from '../../backend.js';
import { planOf, type Engine } from '../../engine.js';
import type { Query, Term } from '../../query/ast.js';
import { CLAUSE_ID, SENTENCE_ID } from '../../tokens/dictionary.js';
import type { TokenSlice } from '../../tokens/slice.js';
import { Filters } from '../../types.js';

/** Every passage the slice's query and filters select: all of them, never a page. */
const ALL = Number.MAX_SAFE_INTEGER;

export async function readSlice(engine: Engine, q: string, filters: Filters = Filters.parse({})): Promise<{ slice: TokenSlice; query: Query }> {
  const { plan, query } = planOf(engine, q, filters, { limit: ALL });
  return { slice: await engine.backend.tokenSlice(plan), query };
}

/** The slice the query's filters alone describe (its words dropped): what a node's collocates are measured against. */
export async function readFilterSlice(engine: Engine, q: string, filters: Filters = Filters.parse({})): Promise<{ slice: TokenSlice; query: Query }> {
  const { plan, query } = planOf(engine, q, filters, { limit: ALL });
  return { slice: await engine.backend.tokenSlice(barePlan(plan)), query };
}

const barePlan = (plan: SearchPlan): SearchPlan => ({ ...plan, query: { ...plan.query, groups: [], exclude: [], phrase: null } });

/** Word frequencies of a slice, by term (what collocates measure against). */
export interface ReferenceCounts { freq: Map<string, number>; total: number }

/** Recent reference counts by filters, valid while the backend's generation stays the same. */
const referenceCache = new Map<string, ReferenceCounts>();
const REFERENCE_CACHE_ENTRIES = 8;

/**
 * The word frequencies of the slice the query's filters alone describe. Kept per backend
 * generation: a user trying node after node in the same slice reads it once. Backends without
 * a generation (Elasticsearch: another process may write) read it every time.
 */
export async function referenceCounts(engine: Engine, q: string, filters: Filters = Filters.parse({})): Promise<ReferenceCounts> {
  const { plan } = planOf(engine, q, filters, { limit: ALL });
  const generation = engine.backend.writeGeneration ? await engine.backend.writeGeneration() : null;
  const key = generation === null ? null : JSON.stringify([engine.backend.kind, generation, plan.filters]);
  const hit = key === null ? undefined : referenceCache.get(key);
  if (hit) return hit;
  const { terms, freq: byId, total } = engine.backend.termFrequencies
    ? await engine.backend.termFrequencies(barePlan(plan))
    : await readFilterSlice(engine, q, filters).then(({ slice }) => ({ terms: slice.terms, ...termCounts(slice) }));
  const freq = new Map<string, number>();
  for (let id = 2; id < terms.length; id++) if (byId[id]) freq.set(terms[id]!, byId[id]!);
  const out = { freq, total };
  if (key !== null) {
    referenceCache.set(key, out);
    if (referenceCache.size > REFERENCE_CACHE_ENTRIES) referenceCache.delete(referenceCache.keys().next().value!);
  }
  return out;
}

export const isWordId = (id: number) => id !== SENTENCE_ID && id !== CLAUSE_ID;

/** The term a node stands for: the whole query when it is one string, else its only term; null when it has no words. */
export function nodeTerm(query: Query): Term | null {
  if (query.phrase) return query.phrase;
  const terms = query.groups.flat();
  return terms.length === 1 ? terms[0]! : null;
}

/** The node's word ids in the slice's dictionary, or null when one of them never occurs there. */
export function nodeIds(slice: TokenSlice, words: string[]): Uint32Array | null {
  // A scan per word, not a map of the whole dictionary: a node has a few words, the index's dictionary hundreds of thousands.
  const ids = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const id = slice.terms.indexOf(words[i]!, 2);
    if (id < 0) return null;
    ids[i] = id;
  }
  return ids;
}

/** Where the node occurs: token offsets at which its words follow one another (within one passage). */
export function occurrences(slice: TokenSlice, node: Uint32Array, each: (at: number, passage: number) => void): void {
  const { tokens, start } = slice;
  const k = node.length;
  if (!k) return;
  const first = node[0]!;
  for (let p = 0; p + 1 < start.length; p++) {
    const end = start[p + 1]!;
    for (let i = start[p]!; i + k <= end; i++) {
      if (tokens[i] !== first) continue;
      let j = 1;
      while (j < k && tokens[i + j] === node[j]) j++;
      if (j === k) { each(i, p); i += k - 1; }
    }
  }
}

/** Word tokens (marks left out) per report of the slice, and in all. */
export function reportSizes(slice: TokenSlice): { sizes: Uint32Array; total: number } {
  const sizes = new Uint32Array(slice.reports.length);
  let total = 0;
  const { tokens, start, report } = slice;
  for (let p = 0; p + 1 < start.length; p++) {
    let n = 0;
    for (let i = start[p]!; i < start[p + 1]!; i++) if (tokens[i]! > CLAUSE_ID) n++;
    sizes[report[p]!]! += n;
    total += n;
  }
  return { sizes, total };
}

/** Frequency of every term id in the slice, and distinct reports using it. */
export function termCounts(slice: TokenSlice): { freq: Uint32Array; range: Uint32Array; total: number } {
  const n = slice.terms.length;
  const freq = new Uint32Array(n);
  const range = new Uint32Array(n);
  const last = new Int32Array(n).fill(-1);
  const { tokens, start, report } = slice;
  let total = 0;
  for (let p = 0; p + 1 < start.length; p++) {
    const r = report[p]!;
    for (let i = start[p]!; i < start[p + 1]!; i++) {
      const t = tokens[i]!;
      if (t <= CLAUSE_ID) continue;
      freq[t]!++;
      total++;
      if (last[t] !== r) { last[t] = r; range[t]!++; }
    }
  }
  return { freq, range, total };
}
