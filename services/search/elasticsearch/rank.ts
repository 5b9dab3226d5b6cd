// The exact order of the SQLite backend, over hits fetched in Elasticsearch's order.
//
// Both order by a report-level key (year or region, nulls last; none for relevance), then
// the phrase flag, then the score, then report id and ordinal. Elasticsearch sorts by its
// approximate score e, which is never below the exact score s by more than a known slack
// (query.ts). So once the last hit fetched has e·(1 + slack) below the exact score of the
// hit at the end of the wanted window, and is in the same group (key and phrase flag), no
// hit further down the ES order can enter the window: the window is settled.
import type { Sort } from '../types.js';

export interface Candidate {
  reportId: string;
  ordinal: number;
  year: number | null;
  regionCode: string | null;
  phrase: boolean;
  /** Elasticsearch's score without the phrase boost: an upper bound of `score`, within the slack. */
  approx: number;
  /** The exact score (FTS5's bm25, negated). */
  score: number;
}

const byNull = (a: unknown, b: unknown) => Number(a === null) - Number(b === null);
const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The report-level key: < 0 when a comes first. */
export function primaryCmp(sort: Sort, a: Candidate, b: Candidate): number {
  switch (sort) {
    case 'year_desc': return byNull(a.year, b.year) || (a.year !== null && b.year !== null ? b.year - a.year : 0);
    case 'year_asc': return byNull(a.year, b.year) || (a.year !== null && b.year !== null ? a.year - b.year : 0);
    case 'region': return byNull(a.regionCode, b.regionCode) || (a.regionCode !== null && b.regionCode !== null ? text(a.regionCode, b.regionCode) : 0);
    default: return 0;
  }
}

/** Key, then passages containing the whole query first. */
export const groupCmp = (sort: Sort, a: Candidate, b: Candidate) => primaryCmp(sort, a, b) || Number(b.phrase) - Number(a.phrase);

/** SQLite's ORDER BY (services/search/sqlite/backend.ts). */
export const exactCmp = (sort: Sort) => (a: Candidate, b: Candidate) =>
  groupCmp(sort, a, b) || b.score - a.score || text(a.reportId, b.reportId) || a.ordinal - b.ordinal;

/**
 * Whether the first `want` candidates in exact order are known: no candidate after the
 * last one fetched (in ES order) can come before the want-th. `abs` covers the rounding
 * of the phrase boost.
 */
export function settled(sort: Sort, fetched: Candidate[], want: number, slack: number, abs: number): boolean {
  if (fetched.length < want) return false;
  const t = [...fetched].sort(exactCmp(sort))[want - 1]!;
  const last = fetched.at(-1)!;
  const g = groupCmp(sort, last, t);
  if (g !== 0) return g > 0;
  return last.approx * (1 + slack) + abs < t.score;
}

/** Whether a candidate breaks the bound the settling relies on (then fetching must not stop early). */
export const outOfBound = (c: Candidate, slack: number, abs: number) => c.score > c.approx * (1 + slack) + abs;
