// Query-string schemas: every request parameter is validated here with zod.
// Repeated parameters (?year=2019&year=2020) and comma lists (?year=2019,2020) both work.
import { z } from 'zod';
import { Level, SectionType } from '../core/schema.js';
import { Filters, Sort } from '../search/types.js';

/** `?x=a&x=b` and `?x=a,b` alike: a list of trimmed, non-empty strings. */
const splitList = (v: unknown) => {
  if (v === undefined || v === '') return [];
  const arr = Array.isArray(v) ? v : [v];
  return arr.flatMap((x) => String(x).split(',')).map((s) => s.trim()).filter(Boolean);
};

const list = <T extends z.ZodTypeAny>(item: T) => z.preprocess(splitList, z.array(item).max(200)).optional();

const bool = z.preprocess((v) => v === 'true' || v === '1' || v === true, z.boolean());
const int = (min: number, max: number, dflt: number) => z.coerce.number().int().min(min).max(max).default(dflt);

export const FilterParams = z.object({
  year: list(z.coerce.number().int().min(1900).max(2100)),
  region: list(z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9})$/, 'a GB/T 2260 code of 2, 4, 6 or 9 digits')),
  section: list(SectionType),
  theme: list(z.string().regex(/^[a-z0-9_]{1,40}$/)),
  level: list(Level),
});

export const toFilters = (p: z.infer<typeof FilterParams>): Filters =>
  Filters.parse({ years: p.year, regions: p.region, sections: p.section, themes: p.theme, levels: p.level });

export const SearchParams = FilterParams.extend({
  q: z.string().max(1000).default(''),
  sort: Sort.default('relevance'),
  page: int(1, 10_000, 1),
  size: int(1, 100, 20),
  collapse: bool.default(false),
  facets: bool.default(true),
});

const SERIES_COUNT = 'give 1 to 8 series (series=微信 or series=theme:wechat)';

export const TrendsParams = FilterParams.extend({
  // Required: not `list(…)`, whose `.optional()` would let a missing parameter skip the check.
  series: z.preprocess(splitList, z.array(z.string().min(1).max(200))
    .min(1, SERIES_COUNT).max(8, SERIES_COUNT)),
  by: z.enum(['year', 'province', 'city']).default('year'),
});

export const ConcordanceParams = FilterParams.extend({
  q: z.string().min(1).max(200),
  width: int(1, 200, 20),
  sort: z.enum(['position', 'left', 'right']).default('position'),
  limit: int(1, 5000, 500),
});

export const ExportParams = SearchParams.extend({
  format: z.enum(['csv', 'json', 'md']).default('csv'),
  size: int(1, 5000, 1000),
});

export const ReportIdParam = z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, 'a 16-character report id') });
export const PassageParam = ReportIdParam.extend({ ordinal: z.coerce.number().int().min(1).max(100_000) });
