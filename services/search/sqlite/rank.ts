// The page of matches in the search's order, chosen with a bounded heap: O(n log k) for n
// matches and a page ending at k, instead of sorting every match. The order is the one the
// Elasticsearch backend uses too: the phrase flag, then the score, then the passage's own
// key (report id, ordinal), after the year or region when the sort asks for them.
import type { SearchPlan } from '../backend.js';
import type { Columns } from './columns.js';
import type { FilterMask } from './filter-mask.js';
import type { Matches } from './matches.js';

/** An entry of the page: an index into the matches, and with collapse the report's other matches. */
export interface Ranked { i: number; more?: number }

type Cmp = (a: number, b: number) => number;

/** Negative when match `a` comes before match `b` in the plan's order. */
function comparator(cols: Columns, m: Matches, sort: SearchPlan['sort']): Cmp {
  const { ids, phrase } = m;
  const scores = m.scores;
  const rep = cols.report;
  const relevance: Cmp = (a, b) => {
    if (phrase[a] !== phrase[b]) return phrase[b]! - phrase[a]!;
    const sa = scores ? scores[a]! : 0;
    const sb = scores ? scores[b]! : 0;
    if (sa !== sb) return sb - sa;
    const da = cols.docId[rep[ids[a]!]!]!;
    const db = cols.docId[rep[ids[b]!]!]!;
    if (da !== db) return da < db ? -1 : 1;
    return cols.ordinal[ids[a]!]! - cols.ordinal[ids[b]!]!;
  };
  if (sort === 'relevance') return relevance;
  if (sort === 'region') {
    return (a, b) => {
      const ca = cols.regions[cols.region[rep[ids[a]!]!]!]!.code;
      const cb = cols.regions[cols.region[rep[ids[b]!]!]!]!.code;
      if (ca !== cb) {
        if (ca === null) return 1;
        if (cb === null) return -1;
        return ca < cb ? -1 : 1;
      }
      return relevance(a, b);
    };
  }
  const dir = sort === 'year_desc' ? -1 : 1;
  return (a, b) => {
    const ya = cols.year[rep[ids[a]!]!]!;
    const yb = cols.year[rep[ids[b]!]!]!;
    if (ya !== yb) {
      if (!ya) return 1;
      if (!yb) return -1;
      return dir * (ya - yb);
    }
    return relevance(a, b);
  };
}

/** Keeps the k best of what it is offered; `sorted()` gives them best first. */
class TopK {
  private readonly heap: Ranked[] = [];
  constructor(private readonly k: number, private readonly cmp: Cmp) {}
  // The root is the worst entry kept, so a newcomer is compared with it once.
  private worse(x: Ranked, y: Ranked): boolean { return this.cmp(x.i, y.i) > 0; }
  offer(i: number, more?: number): void {
    const h = this.heap;
    // Most matches lose to the worst kept: decided before anything is allocated.
    if (h.length >= this.k && (this.k === 0 || this.cmp(h[0]!.i, i) <= 0)) return;
    const e: Ranked = more === undefined ? { i } : { i, more };
    if (h.length < this.k) {
      h.push(e);
      for (let c = h.length - 1; c > 0;) {
        const p = (c - 1) >> 1;
        if (!this.worse(h[c]!, h[p]!)) break;
        [h[c], h[p]] = [h[p]!, h[c]!];
        c = p;
      }
    } else {
      h[0] = e;
      for (let p = 0; ;) {
        const l = 2 * p + 1;
        const r = l + 1;
        let w = p;
        if (l < h.length && this.worse(h[l]!, h[w]!)) w = l;
        if (r < h.length && this.worse(h[r]!, h[w]!)) w = r;
        if (w === p) break;
        [h[w], h[p]] = [h[p]!, h[w]!];
        p = w;
      }
    }
  }
  sorted(): Ranked[] { return [...this.heap].sort((x, y) => this.cmp(x.i, y.i)); }
}

/**
 * The page (offset, limit) of the matches passing every filter, and their total: passages,
 * or with collapse reports, each shown by its best passage (phrase, score, then ordinal).
 */
export function rankPage(cols: Columns, m: Matches, mask: FilterMask, plan: SearchPlan): { total: number; page: Ranked[] } {
  const cmp = comparator(cols, m, plan.sort);
  const top = new TopK(plan.offset + plan.limit, cmp);
  const { ids } = m;
  let total = 0;
  if (!plan.collapse) {
    const beyond = plan.sort === 'year_asc' || plan.sort === 'year_desc' ? yearsBeyondPage(cols, m, mask, plan) : null;
    for (let i = 0; i < ids.length; i++) {
      if (mask.active && mask.of(ids[i]!) !== 0) continue;
      total++;
      if (beyond && beyond[cols.year[cols.report[ids[i]!]!]! & 0xffff]) continue;
      top.offer(i);
    }
  } else {
    // A report's matches are consecutive (see facets.ts): the best of each run represents it.
    const within = comparator(cols, m, 'relevance');
    let best = -1;
    let n = 0;
    const flush = () => { if (best >= 0) { total++; top.offer(best, n); } };
    for (let i = 0; i < ids.length; i++) {
      if (mask.active && mask.of(ids[i]!) !== 0) continue;
      if (best >= 0 && cols.report[ids[best]!] !== cols.report[ids[i]!]) { flush(); best = -1; n = 0; }
      n++;
      if (best < 0 || within(i, best) < 0) best = i;
    }
    flush();
  }
  return { total, page: top.sorted().slice(plan.offset) };
}

/**
 * Sorted by year, a page can only hold matches of the years up to the one where the count of
 * matches reaches the page's end: the years past it are marked (by year & 0xffff), so their
 * matches are counted but never offered to the heap. A concordance asks for the first 20,000
 * of up to half a million matches, in year order; this keeps the heap to the years it needs.
 */
function yearsBeyondPage(cols: Columns, m: Matches, mask: FilterMask, plan: SearchPlan): Uint8Array | null {
  const k = plan.offset + plan.limit;
  const { ids } = m;
  if (ids.length <= k) return null;
  const perYear = new Uint32Array(1 << 16);
  const rep = cols.report;
  for (let i = 0; i < ids.length; i++) {
    if (mask.active && mask.of(ids[i]!) !== 0) continue;
    perYear[cols.year[rep[ids[i]!]!]! & 0xffff]!++;
  }
  // Known years in the sort's direction, the unknown year (0) last, as the comparator orders them.
  const years: number[] = [];
  for (let y = 1; y < 1 << 15; y++) if (perYear[y]) years.push(y);
  if (plan.sort === 'year_desc') years.reverse();
  years.push(0);
  const beyond = new Uint8Array(1 << 16);
  let seen = 0;
  for (const y of years) {
    if (seen >= k) beyond[y] = 1;
    seen += perYear[y]!;
  }
  return beyond;
}
