// The one interface both search backends implement. Backends store and score the
// token streams they are given; they never segment, highlight or format — the engine does.
import type { IndexedReport, Passage, Section } from '../core/schema.js';
import type { Query, Term } from './query/ast.js';
import type { TokenSlice } from './tokens/slice.js';
import { levelCodes } from '../core/region-code.js';
import type { FacetName, Filters, ReportSummary, Sort } from './types.js';

export interface SearchPlan {
  query: Query;
  filters: Filters;
  sort: Sort;
  offset: number;
  limit: number;
  collapse: boolean;
}

export interface PassageRow {
  reportId: string;
  ordinal: number;
  section: Passage['section'];
  text: string;
  themes: string[];
  /** Higher is better; 0 when the query has no terms. */
  score: number;
  /** The passage contains the whole query verbatim. */
  phrase: boolean;
  report: ReportSummary;
  moreInReport?: number;
}

/**
 * The region facet's most populous rows, at most this many (by passages, then key). The
 * embedded backend folds townships into counties first (foldRegions), so it never reaches the
 * cut (China has under 3,000 counties). Elasticsearch aggregates the full township keys, cut
 * here, and folds them after: its county counts fall short of the embedded backend's only when a
 * query's matches lie in more than this many places.
 */
export const REGION_BUCKETS = 20_000;

/**
 * Counts per facet value: passages and distinct reports. Region rows stop at counties: a
 * township's counts are in its county's row, except in the counties the filters name (ticked
 * or excluded), whose townships keep rows of their own (foldRegions).
 */
export interface RawBucket { value: string; count: number; reports: number }
export type RegionRow = RawBucket & { province: string | null; city: string | null; county: string | null; township: string | null };
export type RawFacets = Record<Exclude<FacetName, 'region'>, RawBucket[]> & { region: RegionRow[] };

/** The counties whose townships the region facet lists: those of the places the filters name. */
export function openedCounties(f: Filters): Set<string> {
  return new Set([...f.regions, ...(f.exclude?.regions ?? [])].map((c) => levelCodes(c).county).filter((c): c is string => c !== null));
}

/**
 * Township rows folded into one row for their county (with the county's own), but in the opened
 * counties. A report has one place, so the county's distinct reports are the sum of its rows'.
 * A row without a county (a province or city body, a place not known) stays as it is.
 */
export function foldRegions(rows: RegionRow[], opened: ReadonlySet<string>): RegionRow[] {
  const out: RegionRow[] = [];
  const county = new Map<string, RegionRow>();
  for (const row of rows) {
    const code = row.county !== null ? levelCodes(row.value).county : null;
    if (code === null || (row.township !== null && opened.has(code))) { out.push(row); continue; }
    let c = county.get(code);
    if (!c) {
      county.set(code, (c = { value: code, count: 0, reports: 0, province: row.province, city: row.city, county: row.county, township: null }));
      out.push(c);
    }
    c.count += row.count;
    c.reports += row.reports;
  }
  return out;
}

export type TrendBy = 'year' | 'province' | 'city';

/** See SearchBackend.keywordInContext: `passages` match in all, the first `scanned` were counted. */
export interface KeywordInContext { passages: number; scanned: number; occurrences: number; rows: PassageRow[] }
export interface TrendPoint { key: string; reports: number; passages: number; totalReports: number }

export interface StoredReport extends ReportSummary {
  format: IndexedReport['format'];
  warnings: string[];
  sections: Section[];
  passages: Passage[];
  text: string;
  source: IndexedReport['source'];
}

export interface IndexInfo {
  backend: 'sqlite' | 'elasticsearch';
  segmenter: string;
  reports: number;
  passages: number;
  demoReports: number;
  years: Array<{ year: number; reports: number }>;
  location: string;
}

export type UpsertOutcome = 'indexed' | 'replaced' | 'unchanged';

export interface SearchBackend {
  readonly kind: IndexInfo['backend'];
  info(): Promise<IndexInfo>;
  /** Whether this exact content (by sha256) is already indexed from this path. */
  isIndexed(path: string, sha256: string): Promise<boolean>;
  /** Atomic per report: afterwards the report is there whole, replacing any older version from its path. */
  upsert(report: IndexedReport): Promise<UpsertOutcome>;
  /**
   * Optional: several reports at once, each as atomic as by `upsert` (a report that fails is
   * returned as its Error and the others are written). Throws when none could be written.
   */
  upsertMany?(reports: IndexedReport[]): Promise<Array<UpsertOutcome | Error>>;
  remove(reportId: string): Promise<boolean>;
  search(plan: SearchPlan, withFacets: boolean): Promise<{ total: number; rows: PassageRow[]; facets?: RawFacets }>;
  trend(plan: SearchPlan, by: TrendBy): Promise<TrendPoint[]>;
  /** Matching passages in a stable order, for concordance lines computed by the engine. */
  matchingPassages(plan: SearchPlan): Promise<{ total: number; rows: PassageRow[] }>;
  /**
   * Optional, for a concordance of one string counted in the index: the first `plan.limit`
   * matching passages in the plan's order, how many times they hold `needle` verbatim in all
   * (every start position counted), and the stored rows of only as many of them, in order, as
   * hold `lines` occurrences. Without it the engine reads all of them and counts in their texts.
   */
  keywordInContext?(plan: SearchPlan, needle: Term, lines: number): Promise<KeywordInContext>;
  /** Optional: changes whenever any report is added or removed, in any process (what derived counts are cached by). */
  writeGeneration?(): Promise<string>;
  /** The token streams of the passages a plan selects (its query and filters), for corpus analysis (tokens/slice.ts). */
  tokenSlice(plan: SearchPlan): Promise<TokenSlice>;
  /**
   * Optional: the word frequencies (marks left out) of the passages a plan selects, counted as
   * they are read, without laying the streams out — what a slice's reference counts need. Else
   * they are counted on its tokenSlice.
   */
  termFrequencies?(plan: SearchPlan): Promise<{ terms: string[]; freq: Uint32Array; total: number }>;
  report(id: string): Promise<StoredReport | null>;
  /** After a batch of writes: whatever makes the next reader fast (optional). */
  afterWrites?(): Promise<void>;
  close(): Promise<void>;
}

/** The backend cannot answer now (a cluster down, an index missing): the API says 503, not 500. */
export class BackendUnavailableError extends Error {}

export class IndexMismatchError extends Error {
  constructor(readonly location: string, readonly found: string, readonly expected: string) {
    super(`the index at ${location} was built with segmenter "${found}", but this Gongkai uses "${expected}"; ` +
      `rebuild it (delete it and run \`gongkai ingest\` again, or \`gongkai reindex\`)`);
  }
}
