// The API's shapes, taken as TYPES ONLY from the services' zod schemas, so that the
// server stays the single source of truth. `import type` is erased at build time:
// no service code (zod, node modules) ever reaches the browser bundle.
import type { Level as LevelT, Passage, ReportFormat as ReportFormatT, SectionType as SectionTypeT } from '../../../services/core/schema.js';
import type { IndexInfo, StoredReport } from '../../../services/search/backend.js';
import type { ConcordanceLine as ConcordanceLineT, ConcordanceResponse as ConcordanceResponseT } from '../../../services/search/methods/concordance.js';
import type { TrendsResponse as TrendsResponseT } from '../../../services/search/methods/trends.js';
import type {
  Citation as CitationT, Facets as FacetsT, FacetBucket as FacetBucketT, Filters as FiltersT, Hit as HitT, RegionBucket as RegionBucketT,
  SearchResponse as SearchResponseT, Sort as SortT,
} from '../../../services/search/types.js';

export type Level = LevelT;
export type ReportFormat = ReportFormatT;
export type SectionType = SectionTypeT;
export type Sort = SortT;
export type Filters = FiltersT;
export type Hit = HitT;
export type Facets = FacetsT;
export type FacetBucket = FacetBucketT;
export type RegionBucket = RegionBucketT;
export type SearchResponse = SearchResponseT;
export type TrendsResponse = TrendsResponseT;
export type TrendSeries = TrendsResponseT['series'][number];
export type TrendPoint = TrendSeries['points'][number];
export type ConcordanceResponse = ConcordanceResponseT;
export type ConcordanceLine = ConcordanceLineT;
export type Citation = CitationT;

/** GET /api/reports/:id: the stored report, each passage with its citation. */
export type ReportPassage = Passage & { citation: Citation };
export type ReportResponse = Omit<StoredReport, 'passages'> & {
  passages: ReportPassage[];
  /** The text was recognised by OCR from a scan: quotations need checking against the original. */
  ocr: boolean;
};

/** GET /api/stats. */
export type StatsResponse = IndexInfo & { demo: boolean };

/** GET /api/facets: the vocabularies the UI offers. */
export interface VocabularyResponse {
  themes: Array<{ id: string; label: string }>;
  sections: Array<{ id: SectionType; label: string }>;
  levels: readonly Level[];
  years: IndexInfo['years'];
}

/** The JSON body of every API error. */
export interface ApiErrorBody {
  error: string;
  issues?: Array<{ field: string; problem: string }>;
}

// GET /api/recurring, /api/repeats, /api/stat-totals.
export type {
  RecurringPage as RecurringResponse, RepeatsAnswer as RepeatsResponse, StatTotalsAnswer as StatTotalsResponse,
} from '../../../services/api/routes/analytics-extra-schemas.js';
export type RecurringCluster = import('../../../services/api/routes/analytics-extra-schemas.js').RecurringPage['clusters'][number];
export type ClusterMember = RecurringCluster['members'][number];
export type StatTotalsRow = import('../../../services/api/routes/analytics-extra-schemas.js').StatTotalsAnswer['rows'][number];
