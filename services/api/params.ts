// Query-string schemas: every request parameter is validated here with zod, and whatever a
// method checks again (list lengths, patterns, a trend series) is checked here with the
// method's own schema, so that a request the route accepts is never refused inside the
// method (which would surface as a 500).
// Repeated parameters (?year=2019&year=2020) and comma lists (?year=2019,2020) both work.
// Each rule carries its own Chinese words (services/api/messages.ts); zod's Chinese locale
// words whatever is left (a method's own rules behind a pipe, wrong types).
import { z } from 'zod';
import { Level, SectionType } from '../core/schema.js';
import { TrendSeriesSpec, TrendsRequest } from '../search/methods/trends.js';
import { Filters, Sort } from '../search/types.js';
import { problem } from './messages.js';

/**
 * `?x=a&x=b` and `?x=a,b` alike: a list of trimmed, non-empty strings. Express's query parser
 * (qs) turns more than 20 repeats of a key into an object `{0: …, 1: …}`: read as the list too.
 */
export const splitList = (v: unknown) => {
  if (v === undefined || v === '') return [];
  const arr = Array.isArray(v) ? v : isIndexed(v) ? Object.values(v) : [v];
  return arr.flatMap((x) => String(x).split(',')).map((s) => s.trim()).filter(Boolean);
};
const isIndexed = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.keys(v).every((k) => /^\d+$/.test(k));

/**
 * A list parameter: each value read as `item` (from text), then the whole list checked by
 * the method's own array schema (`method`: its length limit and item rules). The method's
 * limit is also put on the list as read, where the OpenAPI document (the input side) shows it.
 */
export const list = <T extends z.ZodTypeAny, M extends z.ZodType<unknown, z.output<T>[]>>(item: T, method: M) => {
  const { maxItems } = z.toJSONSchema(method, { unrepresentable: 'any' }) as { maxItems?: number };
  const read = maxItems === undefined ? z.array(item) : z.array(item).max(maxItems, problem.maxValues(maxItems));
  return z.preprocess(splitList, read.pipe(method)).optional();
};

const bool = z.preprocess((v) => v === 'true' || v === '1' || v === true, z.boolean());
/** An integer parameter: one message for every way it can be wrong (not a number, a fraction, out of range). */
export const intBetween = (min: number, max: number) => {
  const error = problem.intBetween(min, max);
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};
export const int = (min: number, max: number, dflt: number) => intBetween(min, max).default(dflt);

export const RegionCode = z.string({ error: problem.regionCode }).regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/, problem.regionCode);
const yearError = problem.year(1900, 2100);
export const Year = z.coerce.number({ error: yearError }).int(yearError).min(1900, yearError).max(2100, yearError);
/** A theme id, by the filters' own pattern (services/search/types.ts), with its words. */
const ThemeId = z.string().regex(/^[a-z0-9_]{1,40}$/, problem.themeId);

const F = Filters.shape;
export const FilterParams = z.object({
  year: list(Year, F.years.unwrap()),
  region: list(RegionCode, F.regions.unwrap()),
  section: list(SectionType, F.sections.unwrap()),
  theme: list(ThemeId, F.themes.unwrap()),
  level: list(Level, F.levels.unwrap()),
  /** Excluded values (the sidebar's 排除, -region:00 in q): not_region=00 leaves out 地区未识别. */
  not_year: list(Year, F.years.unwrap()),
  not_region: list(RegionCode, F.regions.unwrap()),
  not_section: list(SectionType, F.sections.unwrap()),
  not_theme: list(ThemeId, F.themes.unwrap()),
  not_level: list(Level, F.levels.unwrap()),
});

export function toFilters(p: z.infer<typeof FilterParams>): Filters {
  const exclude = { years: p.not_year, regions: p.not_region, sections: p.not_section, themes: p.not_theme, levels: p.not_level };
  const excludes = Object.values(exclude).some((v) => v?.length);
  return Filters.parse({ years: p.year, regions: p.region, sections: p.section, themes: p.theme, levels: p.level, ...(excludes ? { exclude } : {}) });
}

export const SearchParams = FilterParams.extend({
  q: z.string().max(1000, problem.maxChars(1000)).default(''),
  sort: Sort.default('relevance'),
  page: int(1, 10_000, 1),
  size: int(1, 100, 20),
  collapse: bool.default(false),
  facets: bool.default(true),
});

const SERIES_COUNT = problem.seriesCount;

/**
 * `theme:<id>` is a theme, anything else a query in the query language; the theme id checked
 * first with its words, then the whole series with the method's own check.
 */
const Series = z.string().min(1, problem.chars(1, 200)).max(200, problem.chars(1, 200))
  .transform((s): z.input<typeof TrendSeriesSpec> => (/^theme:[a-z0-9_]+$/.test(s) ? { theme: s.slice(6) } : { q: s }))
  .pipe(z.object({ q: z.string().optional(), theme: ThemeId.optional() }))
  .pipe(TrendSeriesSpec);

export const TrendsParams = FilterParams.extend({
  // Required: not `list(…)`, whose `.optional()` would let a missing parameter skip the check.
  series: z.preprocess(splitList, z.array(Series).min(1, SERIES_COUNT).max(8, SERIES_COUNT).pipe(TrendsRequest.shape.series)),
  by: z.enum(['year', 'province', 'city']).default('year'),
});

export const ConcordanceParams = FilterParams.extend({
  q: z.string({ error: problem.chars(1, 200) }).min(1, problem.chars(1, 200)).max(200, problem.chars(1, 200)),
  width: int(1, 200, 20),
  sort: z.enum(['position', 'left', 'right']).default('position'),
  limit: int(1, 5000, 500),
});

export const ExportParams = SearchParams.extend({
  format: z.enum(['csv', 'json', 'md']).default('csv'),
  size: int(1, 5000, 1000),
});

export const ReportIdParam = z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, problem.reportId) });
export const PassageParam = ReportIdParam.extend({ ordinal: intBetween(1, 100_000) });
