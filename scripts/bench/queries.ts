// The fixed query mix, timed in process through the engine's public methods (the same
// calls the API makes, minus HTTP), on either backend. Hit counts are recorded with the
// latencies so a reader can see how much work each query is.
import { loadConfig } from '../../services/config.js';
import { concordance, type ConcordanceRequestInput } from '../../services/search/methods/concordance.js';
import { search } from '../../services/search/methods/search.js';
import { trends, type TrendsRequestInput } from '../../services/search/methods/trends.js';
import { openEngine, type Engine } from '../../services/search/engine.js';
import type { SearchRequestInput } from '../../services/search/types.js';
import { load1, percentiles, type Percentiles } from './stats.js';

export type QueryKind = 'search' | 'facets' | 'trend' | 'concordance';
export interface MixQuery {
  id: string; kind: QueryKind; what: string;
  run: { search: SearchRequestInput } | { trends: TrendsRequestInput } | { concordance: ConcordanceRequestInput };
  /** The same request over HTTP (path and query string). */
  url: string;
}

const enc = encodeURIComponent;
const s = (id: string, what: string, q: string, extra: Omit<SearchRequestInput, 'q'> = {}, qs = ''): MixQuery => ({
  id, kind: extra.facets ? 'facets' : 'search', what, run: { search: { q, ...extra } },
  url: `/api/search?q=${enc(q)}&facets=${extra.facets ? 'true' : 'false'}${qs}`,
});

/** In the generated corpora: 公开 is in ~3/4 of passages, 信息公开 ~1/4, 微信公众号 ~4 %, 兼职为主 ~0.07 %. */
export const MIX: MixQuery[] = [
  s('single', 'one word', '微信公众号'),
  s('two-words', 'two words (AND)', '政策解读 培训'),
  s('phrase', 'exact phrase', '"政府开放日"'),
  s('rare', 'rare term (~0.07 %)', '兼职为主'),
  s('frequent', 'frequent term (~25 %)', '信息公开'),
  s('filtered', 'word + year 2019–21 + township', '微信公众号', { filters: { years: [2019, 2020, 2021], levels: ['township'] } },
    '&year=2019,2020,2021&level=township'),
  s('frequent-filtered', 'frequent + year 2020', '信息公开', { filters: { years: [2020] } }, '&year=2020'),
  s('facets', 'word + facets', '微信公众号', { facets: true }),
  s('facets-filtered', 'frequent + year 2020 + facets', '信息公开', { facets: true, filters: { years: [2020] } }, '&year=2020'),
  s('facets-frequent', 'very frequent (~75 %) + facets', '公开', { facets: true }),
  { id: 'trend', kind: 'trend', what: 'trend of a word by year', run: { trends: { series: [{ q: '微信公众号' }], by: 'year' } },
    url: `/api/trends?series=${enc('微信公众号')}&by=year` },
  { id: 'trend-frequent', kind: 'trend', what: 'trend of a frequent term by year', run: { trends: { series: [{ q: '信息公开' }], by: 'year' } },
    url: `/api/trends?series=${enc('信息公开')}&by=year` },
  { id: 'trend-province', kind: 'trend', what: 'two series by province', run: { trends: { series: [{ q: '政策解读' }, { theme: 'wechat' }], by: 'province' } },
    url: `/api/trends?series=${enc('政策解读')}&series=theme:wechat&by=province` },
  { id: 'concordance', kind: 'concordance', what: 'KWIC of a word, 500 lines', run: { concordance: { q: '微信公众号', limit: 500 } },
    url: `/api/concordance?q=${enc('微信公众号')}&limit=500` },
];

export const QUICK_MIX = ['single', 'frequent', 'facets', 'facets-frequent', 'trend', 'concordance'];

export interface QueryTiming { id: string; kind: QueryKind; what: string; hits: number; latency: Percentiles; load: [number, number] }
export interface MixResult { backend: string; reports: number; queries: QueryTiming[]; byKind: Record<string, Percentiles>; all: Percentiles }

export async function runOnce(engine: Engine, q: MixQuery): Promise<number> {
  const r = q.run;
  if ('search' in r) return (await search(engine, r.search)).total;
  if ('trends' in r) return (await trends(engine, r.trends)).series.reduce((a, x) => a + x.points.reduce((b, p) => b + p.passages, 0), 0);
  return (await concordance(engine, r.concordance)).total;
}

/**
 * The embedded backend keeps recent queries' matches (sqlite/match-cache.ts); the mix repeats
 * each query, so by default it is timed with that cache off: every run does the whole work.
 * `cached` times it on, which is what refining a search (another page or filter) costs.
 */
export async function openFor(backend: 'sqlite' | 'elasticsearch', dataDir: string, esUrl?: string, esIndex?: string, cached = false): Promise<Engine> {
  return await openEngine(loadConfig({ dataDir, backend, esUrl, esIndex, matchCacheMb: cached ? 256 : 0 }, {}));
}

/** Each query: one untimed warm-up, then `repeats` timed runs (fewer if it exceeds `budgetMs`, at least 5). */
export async function benchMix(engine: Engine, mix: MixQuery[], repeats: number, budgetMs: number, label: { backend: string; reports: number },
  log: (s: string) => void): Promise<MixResult> {
  const queries: QueryTiming[] = [];
  const samplesOf = new Map<string, number[]>();
  for (const q of mix) {
    const l0 = load1();
    const hits = await runOnce(engine, q);
    const samples: number[] = [];
    const started = performance.now();
    while (samples.length < repeats && (samples.length < 5 || performance.now() - started < budgetMs)) {
      const t0 = performance.now();
      await runOnce(engine, q);
      samples.push(performance.now() - t0);
    }
    samplesOf.set(q.id, samples);
    const latency = percentiles(samples);
    queries.push({ id: q.id, kind: q.kind, what: q.what, hits, latency, load: [l0, load1()] });
    log(`    ${label.backend} ${label.reports} ${q.id.padEnd(18)} hits ${String(hits).padStart(8)}  p50 ${latency.p50.toFixed(1)} p95 ${latency.p95.toFixed(1)} ms (n=${latency.n})`);
  }
  // A category's percentiles pool the samples of its queries.
  const pooled = (pred: (q: QueryTiming) => boolean) => percentiles(queries.filter(pred).flatMap((q) => samplesOf.get(q.id)!));
  const byKind = Object.fromEntries((['search', 'facets', 'trend', 'concordance'] as const)
    .filter((k) => queries.some((q) => q.kind === k)).map((k) => [k, pooled((q) => q.kind === k)]));
  return { ...label, queries, byKind, all: pooled(() => true) };
}
