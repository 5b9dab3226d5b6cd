// URL ⇄ state, as pure functions. The whole state of every page (query, filters, sort,
// page, chart choices) lives in the query string, so a copied link reproduces the view.
// The page's parameter names are the API's, so the API request is derived, not translated.
import { MAX_QUERY_CHARS } from './searchState';
import type { Filters, Level, SectionType, Sort } from './types';

export const SORTS = ['relevance', 'year_desc', 'year_asc', 'region'] as const satisfies readonly Sort[];
export const PAGE_SIZE = 20;

const FILTER_PARAMS = { years: 'year', regions: 'region', sections: 'section', themes: 'theme', levels: 'level' } as const;
type FilterKey = keyof typeof FILTER_PARAMS;

export const emptyFilters = (): Filters => ({ years: [], regions: [], sections: [], themes: [], levels: [] });

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

/** Values that cannot be valid are dropped here rather than sent to the server to be refused. */
export function readFilters(p: URLSearchParams): Filters {
  const all = (name: string, ok: RegExp) => unique(p.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => ok.test(v)));
  const values = (prefix: '' | 'not_') => ({
    years: all(`${prefix}year`, /^(19|20|21)\d\d$/).map(Number),
    regions: all(`${prefix}region`, /^(\d{2}|\d{4}|\d{6}|\d{9})$/),
    sections: all(`${prefix}section`, /^[a-z_]{1,40}$/) as SectionType[],
    themes: all(`${prefix}theme`, /^[a-z0-9_]{1,40}$/),
    levels: all(`${prefix}level`, /^[a-z_]{1,40}$/) as Level[],
  });
  const exclude = values('not_');
  return { ...values(''), ...(excludedCount(exclude) ? { exclude } : {}) };
}

/** Ticked values as region=…, excluded ones (the sidebar's 排除) as not_region=…: the API's names. */
export function writeFilters(f: Filters, p: URLSearchParams): URLSearchParams {
  for (const key of Object.keys(FILTER_PARAMS) as FilterKey[]) {
    for (const v of [...f[key]].map(String).sort()) p.append(FILTER_PARAMS[key], v);
  }
  for (const key of Object.keys(FILTER_PARAMS) as FilterKey[]) {
    for (const v of [...(f.exclude?.[key] ?? [])].map(String).sort()) p.append(`not_${FILTER_PARAMS[key]}`, v);
  }
  return p;
}

const excludedCount = (x: Filters['exclude']): number =>
  (x?.years?.length ?? 0) + (x?.regions?.length ?? 0) + (x?.sections?.length ?? 0) + (x?.themes?.length ?? 0) + (x?.levels?.length ?? 0);

export const filterCount = (f: Filters): number =>
  f.years.length + f.regions.length + f.sections.length + f.themes.length + f.levels.length + excludedCount(f.exclude);

/** Excludes `value` from facet `key`, or takes the exclusion back; a ticked value is unticked (it cannot be both). */
export function toggleExcluded<K extends FilterKey>(f: Filters, key: K, value: Filters[K][number]): Filters {
  const excluded = (f.exclude?.[key] ?? []) as Array<Filters[K][number]>;
  const next = { ...f.exclude, [key]: toggle(excluded, value) };
  const ticked = (f[key] as Array<Filters[K][number]>).filter((v) => v !== value);
  return { ...f, [key]: ticked, ...(excludedCount(next) ? { exclude: next } : { exclude: undefined }) };
}

export function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

const readInt = (v: string | null, min: number, max: number, dflt: number) => {
  const n = Number(v);
  return v !== null && Number.isInteger(n) && n >= min && n <= max ? n : dflt;
};
const oneOf = <T extends string>(v: string | null, options: readonly T[], dflt: T): T =>
  (options as readonly string[]).includes(v ?? '') ? (v as T) : dflt;

// ---- 搜索 / ----

export interface SearchState {
  q: string;
  filters: Filters;
  sort: Sort;
  page: number;
  /** Best passage per report (「按报告合并」). */
  collapse: boolean;
}

export function readSearch(p: URLSearchParams): SearchState {
  return {
    q: [...(p.get('q') ?? '')].slice(0, MAX_QUERY_CHARS).join(''),
    filters: readFilters(p),
    sort: oneOf(p.get('sort'), SORTS, 'relevance'),
    page: readInt(p.get('page'), 1, 10_000, 1),
    collapse: p.get('collapse') === '1' || p.get('collapse') === 'true',
  };
}

/** The page URL's query string: defaults are left out so links stay short. */
export function writeSearch(s: SearchState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.q.trim()) p.set('q', s.q.trim());
  writeFilters(s.filters, p);
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.page > 1) p.set('page', String(s.page));
  if (s.collapse) p.set('collapse', '1');
  return p;
}

export function searchApiParams(s: SearchState): URLSearchParams {
  const p = writeSearch(s);
  p.set('size', String(PAGE_SIZE));
  p.set('facets', 'true');
  return p;
}

/** /api/export takes the search's own parameters, minus paging: it exports every result (up to its limit). */
export function exportApiParams(s: SearchState, format: 'csv' | 'json' | 'md'): URLSearchParams {
  const p = writeSearch({ ...s, page: 1 });
  p.set('format', format);
  return p;
}

/** The year trend of the current query, with the same filters (the chart above the results). */
export function queryTrendApiParams(s: SearchState): URLSearchParams {
  const p = new URLSearchParams();
  p.set('series', s.q.trim());
  p.set('by', 'year');
  return writeFilters(s.filters, p);
}

// ---- 趋势 /trends ----

export const TREND_BYS = ['year', 'province', 'city'] as const;
export type TrendBy = (typeof TREND_BYS)[number];
export const MEASURES = ['reports', 'share'] as const;
export type Measure = (typeof MEASURES)[number];
export const MAX_SERIES = 8;

export interface TrendsState {
  /** Each a query in the query language, or `theme:<id>`. */
  series: string[];
  by: TrendBy;
  measure: Measure;
  filters: Filters;
}

export function readTrends(p: URLSearchParams): TrendsState {
  return {
    series: unique(p.getAll('series').map((s) => s.trim()).filter((s) => s.length > 0 && s.length <= 200)).slice(0, MAX_SERIES),
    by: oneOf(p.get('by'), TREND_BYS, 'year'),
    measure: oneOf(p.get('measure'), MEASURES, 'reports'),
    filters: readFilters(p),
  };
}

export function writeTrends(s: TrendsState): URLSearchParams {
  const p = new URLSearchParams();
  for (const series of s.series) p.append('series', series);
  if (s.by !== 'year') p.set('by', s.by);
  if (s.measure !== 'reports') p.set('measure', s.measure);
  return writeFilters(s.filters, p);
}

export function trendsApiParams(s: TrendsState): URLSearchParams {
  const p = new URLSearchParams();
  for (const series of s.series) p.append('series', series);
  p.set('by', s.by);
  return writeFilters(s.filters, p);
}

export const themeOfSeries = (series: string): string | null => /^theme:([a-z0-9_]{1,40})$/.exec(series)?.[1] ?? null;

/**
 * Where a click on a chart point leads: the search, with the series as its query (or its
 * theme as a filter) and the point's year (or region) as a filter.
 */
export function searchForPoint(series: string, base: Filters, point: { year?: number; region?: string }): SearchState {
  const theme = themeOfSeries(series);
  const filters: Filters = {
    ...base,
    themes: theme ? unique([...base.themes, theme]) : base.themes,
    years: point.year !== undefined ? [point.year] : base.years,
    regions: point.region !== undefined ? [point.region] : base.regions,
  };
  return { q: theme ? '' : series, filters, sort: 'relevance', page: 1, collapse: false };
}

// ---- 语境 /concordance ----

export const KWIC_SORTS = ['position', 'left', 'right'] as const;
export type KwicSort = (typeof KWIC_SORTS)[number];
export const KWIC_WIDTHS = [10, 20, 30, 50] as const;
export const KWIC_LIMIT = 500;

export interface ConcordanceState {
  q: string;
  width: number;
  sort: KwicSort;
  filters: Filters;
}

export function readConcordance(p: URLSearchParams): ConcordanceState {
  return {
    q: (p.get('q') ?? '').slice(0, 200),
    width: readInt(p.get('width'), 1, 200, 20),
    sort: oneOf(p.get('sort'), KWIC_SORTS, 'position'),
    filters: readFilters(p),
  };
}

export function writeConcordance(s: ConcordanceState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.q.trim()) p.set('q', s.q.trim());
  if (s.width !== 20) p.set('width', String(s.width));
  if (s.sort !== 'position') p.set('sort', s.sort);
  return writeFilters(s.filters, p);
}

export function concordanceApiParams(s: ConcordanceState): URLSearchParams {
  const p = writeConcordance(s);
  p.set('width', String(s.width));
  p.set('limit', String(KWIC_LIMIT));
  return p;
}

// ---- 报告 /reports/:id ----

/** The reader link of one passage, carrying the query so its terms are highlighted there. */
export function passageHref(reportId: string, ordinal: number, q?: string): string {
  const qs = q?.trim() ? `?${new URLSearchParams({ q: q.trim() })}` : '';
  return `/reports/${encodeURIComponent(reportId)}${qs}#p${ordinal}`;
}

/** `#p12` → 12. */
export function ordinalOfHash(hash: string): number | null {
  const m = /^#p(\d{1,6})$/.exec(hash);
  return m ? Number(m[1]) : null;
}

export const toQueryString = (p: URLSearchParams): string => {
  const s = p.toString();
  return s ? `?${s}` : '';
};
