// The engine: a backend plus the one segmenter and query parser. Every public verb
// lives in its own file under methods/ and takes the engine as its first argument.
import type { Config } from '../config.js';
import { prefixCode } from '../core/region-code.js';
import { findRegions } from '../pipeline/metadata/gazetteer.js';
import { sqliteFile } from '../config.js';
import { segmenter, type Segmenter } from '../pipeline/segment/segmenter.js';
import type { SearchBackend, SearchPlan } from './backend.js';
import { parseQuery } from './query/parse.js';
import type { RegionResolver } from './query/filters.js';
import { SqliteBackend } from './sqlite/backend.js';
import { recordedCore } from './sqlite/recorded-core.js';
import { passageTokens } from '../ingest/to-indexed.js';
import { Filters, type ExcludedValues, type Sort } from './types.js';
import type { Query } from './query/ast.js';

export interface Engine {
  backend: SearchBackend;
  segmenter: Segmenter;
  resolveRegion: RegionResolver;
}

/** `region:宁夏` → the prefix codes of every place of that name (a name may be ambiguous: 胜利乡). */
export const gazetteerRegions: RegionResolver = (name) => [...new Set(findRegions(name).map((r) => prefixCode(r.code)))];

export async function openEngine(config: Config, resolveRegion: RegionResolver = gazetteerRegions): Promise<Engine> {
  const seg = segmenter();
  let backend: SearchBackend;
  if (config.backend === 'elasticsearch') {
    const { ElasticsearchBackend } = await import('./elasticsearch/backend.js');
    backend = await ElasticsearchBackend.open(config, seg.signature);
  } else {
    const file = sqliteFile(config);
    const core = recordedCore(file) ?? config.embeddedCore;
    if (core === 'tantivy') {
      const { TantivyBackend } = await import('./tantivy/backend.js');
      backend = new TantivyBackend(file, seg.signature, (text) => passageTokens(text, seg), { matchCacheMb: config.matchCacheMb });
    } else {
      backend = new SqliteBackend(file, seg.signature, { matchCacheMb: config.matchCacheMb });
    }
  }
  return { backend, segmenter: seg, resolveRegion };
}

/** Filters from the request merged with those written in the query text. */
export function mergeFilters(a: Filters, b: Partial<Filters>): Filters {
  const union = <T>(x: T[], y: T[] | undefined) => [...new Set([...x, ...(y ?? [])])];
  return Filters.parse({
    years: union(a.years, b.years), regions: union(a.regions, b.regions).map(prefixCode), sections: union(a.sections, b.sections),
    themes: union(a.themes, b.themes), levels: union(a.levels, b.levels),
    ...(a.copy?.length || b.copy?.length ? { copy: [...(a.copy ?? []), ...(b.copy ?? [])] } : {}),
    ...(a.reportIds ? { reportIds: a.reportIds } : {}),
    ...excludedOf(a.exclude, b.exclude, union),
  });
}

/** The excluded values of both, per facet; nothing when neither excludes any (the filters stay as they were). */
function excludedOf(a: ExcludedValues | undefined, b: ExcludedValues | undefined, union: <T>(x: T[], y: T[] | undefined) => T[]): { exclude?: ExcludedValues } {
  const out: ExcludedValues = {};
  for (const key of ['years', 'regions', 'sections', 'themes', 'levels'] as const) {
    const values = union((a?.[key] ?? []) as unknown[], b?.[key] as unknown[] | undefined);
    if (values.length) (out as Record<string, unknown[]>)[key] = key === 'regions' ? (values as string[]).map(prefixCode) : values;
  }
  return Object.keys(out).length ? { exclude: out } : {};
}

export function planOf(engine: Engine, q: string, filters: Filters, opts: Partial<Pick<SearchPlan, 'sort' | 'offset' | 'limit' | 'collapse'>> = {}): { plan: SearchPlan; query: Query } {
  const query = parseQuery(q, engine.segmenter, engine.resolveRegion);
  const plan: SearchPlan = {
    query, filters: mergeFilters(filters, query.filters), sort: (opts.sort ?? 'relevance') as Sort,
    offset: opts.offset ?? 0, limit: opts.limit ?? 20, collapse: opts.collapse ?? false,
  };
  return { plan, query };
}
