// Search request and answer shapes, shared by the engine, both backends, the API,
// the CLI and the web app. Zod schemas are the single source of truth.
import { z } from 'zod';
import { Level, Region, SectionType } from '../core/schema.js';

export const SORTS = ['relevance', 'year_desc', 'year_asc', 'region'] as const;
export const Sort = z.enum(SORTS);
export type Sort = z.infer<typeof Sort>;

export const FACET_NAMES = ['year', 'section', 'theme', 'level', 'region'] as const;
export const FacetName = z.enum(FACET_NAMES);
export type FacetName = z.infer<typeof FacetName>;

export const CopyBound = z.object({ op: z.enum(['>', '>=', '<', '<=']), value: z.number().min(0).max(1) });
export type CopyBound = z.infer<typeof CopyBound>;

const FilterYears = z.array(z.number().int().min(1900).max(2100)).max(200);
/** GB/T 2260 codes of any level: 2 (province), 4 (city), 6 (county) or 9 (township) digits; 00: 地区未识别. */
const FilterRegions = z.array(z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/)).max(200);
const FilterSections = z.array(SectionType).max(20);
const FilterThemes = z.array(z.string().regex(/^[a-z0-9_]{1,40}$/)).max(50);
const FilterLevels = z.array(Level).max(10);

/**
 * Facet values excluded (-region:00, NOT year:2020, the sidebar's 排除): a passage with any of
 * them is left out whatever is ticked, and every facet counts under the exclusion (so the
 * excluded value's own count is 0).
 */
export const ExcludedValues = z.object({
  years: FilterYears.optional(), regions: FilterRegions.optional(), sections: FilterSections.optional(),
  themes: FilterThemes.optional(), levels: FilterLevels.optional(),
});
export type ExcludedValues = z.infer<typeof ExcludedValues>;

export const Filters = z.object({
  years: FilterYears.default([]),
  regions: FilterRegions.default([]),
  sections: FilterSections.default([]),
  themes: FilterThemes.default([]),
  levels: FilterLevels.default([]),
  exclude: ExcludedValues.optional(),
  /** copy:>0.5 — the report's copy rate against its previous year's report (issue 17); all must hold. */
  copy: z.array(CopyBound).max(4).optional(),
  /**
   * The reports a copy filter admits, resolved by the engine from the copy rates before the
   * backend runs (so both backends filter the same set); null: no such restriction.
   */
  reportIds: z.array(z.string()).max(5_000_000).optional(),
});
export type Filters = z.infer<typeof Filters>;

export const SearchRequest = z.object({
  q: z.string().max(1000).default(''),
  filters: Filters.default(Filters.parse({})),
  sort: Sort.default('relevance'),
  page: z.number().int().min(1).max(10_000).default(1),
  size: z.number().int().min(1).max(100).default(20),
  /** Best passage per report, with the count of further matches. */
  collapse: z.boolean().default(false),
  facets: z.boolean().default(false),
});
export type SearchRequest = z.infer<typeof SearchRequest>;
export type SearchRequestInput = z.input<typeof SearchRequest>;

export const Citation = z.object({
  title: z.string().nullable(),
  issuer: z.string().nullable(),
  year: z.number().int().nullable(),
  section: SectionType,
  /** The app's category of the section (平台建设). */
  sectionLabel: z.string(),
  /** The report's own heading over the passage (（二）加强载体建设，提升保障能力), when it has one. */
  heading: z.string().nullable(),
  ordinal: z.number().int(),
  /** Plain text a researcher can paste into a paper (note style: 《题名》，发布机关，年份，部分，段落。). */
  text: z.string(),
  /** The same passage in GB/T 7714-2015's style for a report ([R]). */
  gbt7714: z.string(),
  /** Without book-title marks and quotes, for tables and notes: 题名 发布机关 年份 部分 段落. */
  plain: z.string(),
});
export type Citation = z.infer<typeof Citation>;

export const ReportSummary = z.object({
  id: z.string(),
  title: z.string().nullable(),
  issuer: z.string().nullable(),
  year: z.number().int().nullable(),
  level: Level,
  region: Region,
  demo: z.boolean(),
});
export type ReportSummary = z.infer<typeof ReportSummary>;

export const Hit = z.object({
  id: z.string(),
  reportId: z.string(),
  ordinal: z.number().int(),
  section: SectionType,
  themes: z.array(z.string()),
  score: z.number(),
  text: z.string(),
  /** [start, end) offsets of matched terms in `text`. */
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
  /** The whole passage, HTML-escaped, matches in <mark>. */
  html: z.string(),
  /** A window around the best fragment, HTML-escaped, matches in <mark>. */
  snippet: z.string(),
  citation: Citation,
  report: ReportSummary,
  /** With collapse: further matching passages in the same report. */
  moreInReport: z.number().int().optional(),
});
export type Hit = z.infer<typeof Hit>;

export const FacetBucket = z.object({
  value: z.string(),
  label: z.string(),
  /** Matching passages. */
  count: z.number().int(),
  /** Distinct reports among them. */
  reports: z.number().int(),
  selected: z.boolean(),
});
export type FacetBucket = z.infer<typeof FacetBucket>;

export type RegionBucket = FacetBucket & { level: 'province' | 'city' | 'county' | 'township'; children: RegionBucket[] };
export const RegionBucket: z.ZodType<RegionBucket> = z.lazy(() =>
  FacetBucket.extend({ level: z.enum(['province', 'city', 'county', 'township']), children: z.array(RegionBucket) }));

export const Facets = z.object({
  year: z.array(FacetBucket),
  section: z.array(FacetBucket),
  theme: z.array(FacetBucket),
  level: z.array(FacetBucket),
  region: z.array(RegionBucket).describe('provinces, cities and counties; a county\'s townships only when the region filter (or its exclusion) names that county or a place in it'),
  /** Copy rate against the previous year's report, in bands (values `0-0.1` … `0.8-1`); present once copy rates are computed. */
  copy: z.array(FacetBucket).optional(),
});
export type Facets = z.infer<typeof Facets>;

export const QueryWarning = z.object({ code: z.string(), message: z.string() });
export type QueryWarning = z.infer<typeof QueryWarning>;

export const SearchResponse = z.object({
  q: z.string(),
  /** How the query was understood, in the query language, for display. */
  understood: z.string(),
  terms: z.array(z.string()),
  total: z.number().int(),
  page: z.number().int(),
  size: z.number().int(),
  hits: z.array(Hit),
  facets: Facets.optional(),
  filters: Filters,
  tookMs: z.number(),
  demo: z.boolean(),
  /** What the parser did not take literally: a stable code beside a Chinese sentence. */
  warnings: z.array(QueryWarning),
  /** The query without its typed filters (section:… year:…): the words searched for. */
  text: z.string(),
  /** The filters typed in q, normalised (section:存在的主要问题 → problems); already part of `filters`. */
  typedFilters: Filters,
});
export type SearchResponse = z.infer<typeof SearchResponse>;
