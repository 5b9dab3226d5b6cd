// The one interface both search backends implement. Backends store and score the
// token streams they are given; they never segment, highlight or format — the engine does.
import type { IndexedReport, Passage, Section } from '../core/schema.js';
import type { Query } from './query/ast.js';
import type { TokenSlice } from './tokens/slice.js';
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
 * The region facet's most populous places, at most this many (by passages, then key): a
 * province's townships number in the tens of thousands, more than a person reads or a page
 * should carry. Both backends cut at the same place.
 */
export const REGION_BUCKETS = 20_000;

/** Counts per facet value: passages and distinct reports. Region keys are full township-level paths. */
export interface RawBucket { value: string; count: number; reports: number }
export type RawFacets = Record<Exclude<FacetName, 'region'>, RawBucket[]> & {
  region: Array<RawBucket & { province: string | null; city: string | null; county: string | null; township: string | null }>;
};

export type TrendBy = 'year' | 'province' | 'city';
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
