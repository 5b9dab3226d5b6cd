// The scalable backend: Elasticsearch 8.x, two indices behind aliases (indices.ts), the
// same matching, ranking, facets and counts as the SQLite backend (query.ts says how).
//
// Visibility: both indices have refresh_interval -1, so nothing a write does is seen by
// searches until Gongkai refreshes — at the end of every upsert and remove (the report
// appears, or is replaced, as a whole), at the end of indexMany, and once a reindex is
// complete. An upsert has resolved only when its writes are searchable.
import type { Client } from '@elastic/elasticsearch';
import type { Config } from '../../config.js';
import type { IndexedReport } from '../../core/schema.js';
import {
  IndexMismatchError, type IndexInfo, type PassageRow, type RawBucket, type RawFacets, type SearchBackend,
  type SearchPlan, type StoredReport, type TrendBy, type TrendPoint, type UpsertOutcome,
} from '../backend.js';
import type { Query } from '../query/ast.js';
import { FACET_NAMES, type FacetName } from '../types.js';
import { deleteOps, sendOps, writeReports, type BulkOptions } from './bulk.js';
import { parseRegionKey, passageRow, PASSAGE_SOURCE, storedReport } from './documents.js';
import { BulkWriteError, explain, IndexMissingError, MappingVersionError, safeUrl } from './errors.js';
import {
  aliasNames, checkReachable, concreteName, createIndex, indexMeta, makeClient, MAPPING_VERSION, resolveAlias, type Names,
} from './indices.js';
import {
  allOf, clauseKey, clauseQuery, compile, filterClauses, scoredClauses, sortOf, type Clause, type Compiled, type Dsl,
  type Field, type Stats,
} from './query.js';

/** from + size beyond this is refused by ES (index.max_result_window); deeper pages walk with search_after. */
const MAX_WINDOW = 10_000;
/** Cardinality counts distinct reports exactly (up to hash collisions) below this many per bucket; approximately above. */
const PRECISION = 40_000;
const FACET_FIELD: Record<FacetName, { field: string; size: number }> = {
  year: { field: 'year', size: 500 }, section: { field: 'section', size: 100 }, level: { field: 'level', size: 20 },
  theme: { field: 'themes', size: 500 }, region: { field: 'region_key', size: 20_000 },
};
const TREND_FIELD: Record<TrendBy, string> = { year: 'year', province: 'province', city: 'province_city' };
const distinctReports = { cardinality: { field: 'report_id', precision_threshold: PRECISION } };

type Hit = { _id: string; _source?: Record<string, unknown>; sort?: unknown[]; matched_queries?: string[] | Record<string, number>; inner_hits?: Record<string, { hits: { total?: { value: number } | number } }> };
type Res = { hits: { total?: { value: number } | number; hits: Hit[] }; aggregations?: Record<string, unknown> };
interface Found { id: string; path: string; sha256: string; passageIds: string[] }

const totalOf = (t: { value: number } | number | undefined) => (typeof t === 'number' ? t : t?.value ?? 0);

export interface OpenOptions {
  /** Open even when the index was built with another segmenter (for `gongkai reindex`). */
  allowMismatch?: boolean;
}

export class ElasticsearchBackend implements SearchBackend {
  readonly kind = 'elasticsearch' as const;
  readonly names: Names;
  private ready = false;
  /** Bumped by every write of this process: cached statistics older than that are dropped. */
  private generation = 0;
  private readonly statsCache = new Map<string, { at: number; generation: number; stats: Stats }>();

  private constructor(readonly client: Client, readonly url: string, prefix: string, private readonly signature: string,
    readonly bulkOptions: BulkOptions = {}) {
    this.names = aliasNames(prefix);
  }

  static async open(config: Config, segmenterSignature: string, opts: OpenOptions = {}): Promise<ElasticsearchBackend> {
    const client = makeClient(config);
    const url = safeUrl(config.esUrl);
    try {
      await checkReachable(client, url);
      const backend = new ElasticsearchBackend(client, url, config.esIndex, segmenterSignature);
      await backend.check(opts);
      return backend;
    } catch (err) {
      await client.close().catch(() => undefined);
      throw err;
    }
  }

  private fail(err: unknown, doing: string, index = this.names.passages): Error {
    return explain(err, this.url, index, doing);
  }

  /**
   * An existing index must carry this code's mapping version and, once it holds passages,
   * this segmenter's signature. A missing one is fine: the first write creates it.
   */
  private async check(opts: OpenOptions): Promise<void> {
    try {
      const concrete = { passages: await resolveAlias(this.client, this.names.passages), reports: await resolveAlias(this.client, this.names.reports) };
      if (!concrete.passages && !concrete.reports) return;
      if (!concrete.passages || !concrete.reports) {
        const missing = concrete.passages ? this.names.reports : this.names.passages;
        throw new Error(`the Gongkai indices at ${this.url} are incomplete: ${missing} is missing; ` +
          `delete the other one (${concrete.passages ?? concrete.reports}) and run \`gongkai ingest\` again`);
      }
      for (const kind of ['passages', 'reports'] as const) {
        const meta = await indexMeta(this.client, concrete[kind]!);
        const location = `${this.url}/${this.names[kind]} (${concrete[kind]})`;
        if (meta?.mapping_version !== MAPPING_VERSION) throw new MappingVersionError(location, meta?.mapping_version ?? 'none', MAPPING_VERSION);
        if (meta.segmenter !== this.signature && !opts.allowMismatch) {
          const count = await this.client.count({ index: concrete[kind]! });
          if (count.count > 0) throw new IndexMismatchError(location, meta.segmenter ?? '(none)', this.signature);
          await this.client.indices.putMapping({ index: concrete[kind]!, _meta: { gongkai: { ...meta, segmenter: this.signature } } });
        }
      }
      this.ready = true;
    } catch (err) {
      throw this.fail(err, 'checking the index');
    }
  }

  /** Creates both indices behind their aliases when they do not exist yet. */
  private async ensureIndices(): Promise<void> {
    if (this.ready) return;
    const passages = await resolveAlias(this.client, this.names.passages);
    const reports = await resolveAlias(this.client, this.names.reports);
    if (!passages) await createIndex(this.client, 'passages', concreteName(this.names.passages), this.signature, [this.names.passages]);
    if (!reports) await createIndex(this.client, 'reports', concreteName(this.names.reports), this.signature, [this.names.reports]);
    this.ready = true;
  }

  /** Makes every write so far visible to searches. */
  async refresh(): Promise<void> {
    this.generation++;
    try {
      await this.client.indices.refresh({ index: [this.names.passages, this.names.reports] });
    } catch (err) {
      throw this.fail(err, 'a refresh');
    }
  }

  async info(): Promise<IndexInfo> {
    try {
      const [reports, passages] = await Promise.all([
        this.client.search({
          index: this.names.reports, size: 0, track_total_hits: true,
          aggs: { demo: { filter: { term: { demo: true } } }, years: { terms: { field: 'year', size: 500, order: { _key: 'asc' } } } },
        }),
        this.client.count({ index: this.names.passages }),
      ]);
      const aggs = reports.aggregations as { demo: { doc_count: number }; years: { buckets: Array<{ key: number; doc_count: number }> } };
      return {
        backend: 'elasticsearch', segmenter: this.signature, reports: totalOf(reports.hits.total), passages: passages.count,
        demoReports: aggs.demo.doc_count, years: aggs.years.buckets.map((b) => ({ year: b.key, reports: b.doc_count })),
        location: `${this.url}/${this.names.passages}`,
      };
    } catch (err) {
      const e = this.fail(err, 'counting reports');
      // Not created yet: an empty index, as a fresh SQLite file is. `gongkai ingest` creates it.
      if (e instanceof IndexMissingError) {
        return { backend: 'elasticsearch', segmenter: this.signature, reports: 0, passages: 0, demoReports: 0, years: [],
          location: `${this.url}/${this.names.passages} (not created yet)` };
      }
      throw e;
    }
  }

  private async find(query: Dsl): Promise<Found[]> {
    const res = await this.client.search({
      index: this.names.reports, size: 1000, query, _source: ['path', 'sha256', 'passage_ids'],
    }) as unknown as Res;
    return res.hits.hits.map((h) => ({
      id: h._id, path: h._source!.path as string, sha256: h._source!.sha256 as string, passageIds: (h._source!.passage_ids as string[]) ?? [],
    }));
  }

  async isIndexed(path: string, sha256: string): Promise<boolean> {
    try {
      const res = await this.client.count({ index: this.names.reports, query: { bool: { filter: [{ term: { sha256 } }, { term: { path } }] } } });
      return res.count > 0;
    } catch (err) {
      const e = this.fail(err, 'looking a report up', this.names.reports);
      if (e instanceof IndexMissingError) return false;
      throw e;
    }
  }

  async upsert(doc: IndexedReport): Promise<UpsertOutcome> {
    try {
      await this.ensureIndices();
      const found = await this.find({ bool: { should: [{ term: { sha256: doc.source.sha256 } }, { term: { path: doc.source.path } }], minimum_should_match: 1 } });
      const same = found.find((r) => r.sha256 === doc.source.sha256);
      if (same) {
        // The same content under another name is one report: remember the newest path,
        // and drop an older version of this path (the file now holds that other content).
        if (same.path !== doc.source.path) {
          await this.remove_(found.filter((r) => r.path === doc.source.path && r.id !== same.id));
          await this.client.update({ index: this.names.reports, id: same.id, doc: { path: doc.source.path } });
          await this.refresh();
        }
        return 'unchanged';
      }
      const old = found.filter((r) => r.path === doc.source.path);
      await writeReports(this.client, this.names, [doc], { ...this.bulkOptions, rollback: true }, `indexing ${doc.source.path}`)
        .catch(async (err) => { if (err instanceof BulkWriteError) await this.refresh().catch(() => undefined); throw err; });
      await this.remove_(old);
      await this.refresh();
      return old.length ? 'replaced' : 'indexed';
    } catch (err) {
      throw this.fail(err, `indexing ${doc.source.path}`);
    }
  }

  /**
   * Indexes many reports in a few large bulk requests and refreshes once at the end: for
   * first loads and benchmarks. Reports whose content (sha256) is already indexed are
   * skipped; unlike upsert, an older version at the same path is not replaced.
   */
  async indexMany(reports: IndexedReport[], opts: BulkOptions = {}): Promise<{ indexed: number; unchanged: number }> {
    try {
      await this.ensureIndices();
      const known = new Set<string>();
      for (let i = 0; i < reports.length; i += 1000) {
        const shas = reports.slice(i, i + 1000).map((r) => r.source.sha256);
        for (const f of await this.find({ terms: { sha256: shas } })) known.add(f.sha256);
      }
      const fresh = reports.filter((r) => !known.has(r.source.sha256) && (known.add(r.source.sha256), true));
      await writeReports(this.client, this.names, fresh, { ...this.bulkOptions, ...opts, rollback: true }, 'indexing a batch of reports')
        .finally(() => this.refresh().catch(() => undefined));
      return { indexed: fresh.length, unchanged: reports.length - fresh.length };
    } catch (err) {
      throw this.fail(err, 'indexing a batch of reports');
    }
  }

  /** Deletes reports and their passages by the ids their documents record (no delete-by-query). */
  private async remove_(reports: Found[]): Promise<void> {
    if (!reports.length) return;
    const res = await sendOps(this.client, deleteOps(this.names, reports), this.bulkOptions);
    if (res.failed.length) throw new BulkWriteError(res.failed, 'deleting an older version of a report');
  }

  async remove(reportId: string): Promise<boolean> {
    try {
      const found = await this.find({ ids: { values: [reportId] } });
      if (!found.length) return false;
      await this.remove_(found);
      await this.refresh();
      return true;
    } catch (err) {
      const e = this.fail(err, `removing ${reportId}`, this.names.reports);
      if (e instanceof IndexMissingError) return false;
      throw e;
    }
  }

  /** FTS5's and Lucene's statistics for the query's clauses, cached until this process writes (or 60 s). */
  private async stats(clauses: Clause[]): Promise<Stats> {
    const unique = [...new Map(clauses.map((c) => [clauseKey(c), c])).values()];
    const key = unique.map(clauseKey).sort().join('\n');
    const cached = this.statsCache.get(key);
    if (cached && cached.generation === this.generation && Date.now() - cached.at < 60_000) return cached.stats;
    const tokens: Record<Field, Set<string>> = { words: new Set(), grams: new Set(), heads: new Set() };
    for (const c of unique) for (const t of c.tokens) tokens[c.field].add(t);
    const doc = Object.fromEntries(Object.entries(tokens).filter(([, s]) => s.size).map(([f, s]) => [f, [...s].join(' ')]));
    const [counts, vectors] = await Promise.all([
      this.client.msearch({
        index: this.names.passages,
        searches: [{}, { size: 0, track_total_hits: true, query: { match_all: {} } },
          ...unique.flatMap((c) => [{}, { size: 0, track_total_hits: true, query: clauseQuery(c) }])],
      }),
      this.client.termvectors({ index: this.names.passages, doc, term_statistics: true, field_statistics: true, positions: false, offsets: false, payloads: false }),
    ]);
    const totals = counts.responses.map((r) => {
      if ('error' in r) throw new Error(`Elasticsearch at ${this.url} refused a count: ${r.error.type}: ${r.error.reason ?? ''}`);
      return totalOf(r.hits.total as { value: number } | undefined);
    });
    const tv = (vectors.term_vectors ?? {}) as Record<string, { field_statistics?: { doc_count: number }; terms?: Record<string, { doc_freq?: number }> }>;
    const stats: Stats = {
      n: totals[0]!, hits: new Map(unique.map((c, i) => [clauseKey(c), totals[i + 1]!])),
      docCount: { words: 0, grams: 0, heads: 0 }, docFreq: { words: new Map(), grams: new Map(), heads: new Map() },
    };
    for (const f of ['words', 'grams', 'heads'] as const) {
      stats.docCount[f] = tv[f]?.field_statistics?.doc_count ?? 0;
      for (const [t, s] of Object.entries(tv[f]?.terms ?? {})) stats.docFreq[f].set(t, s.doc_freq ?? 0);
    }
    if (this.statsCache.size > 500) this.statsCache.clear();
    this.statsCache.set(key, { at: Date.now(), generation: this.generation, stats });
    return stats;
  }

  private async compiled(q: Query, scored: boolean): Promise<Compiled> {
    const clauses = scoredClauses(q);
    return compile(q, scored && clauses.length ? await this.stats(clauses) : null);
  }

  /** Hits offset..offset+limit of a sorted search: from/size within the window, search_after beyond it. */
  private async page(body: Dsl, offset: number, limit: number): Promise<{ first: Res; hits: Hit[] }> {
    if (offset + limit <= MAX_WINDOW) {
      const first = await this.client.search({ index: this.names.passages, ...body, from: offset, size: limit }) as unknown as Res;
      return { first, hits: first.hits.hits };
    }
    if (body.collapse) throw new Error(`with one passage per report, Elasticsearch serves the first ${MAX_WINDOW} reports only; narrow the search`);
    let first: Res | undefined;
    let after: unknown[] | undefined;
    let skipped = 0;
    const hits: Hit[] = [];
    while (hits.length < limit) {
      const skipping = skipped < offset;
      const size = Math.min(MAX_WINDOW, skipping ? offset - skipped : limit - hits.length);
      const req: Dsl = { index: this.names.passages, ...body, size, ...(after ? { search_after: after } : {}) };
      if (first) { delete req.aggs; req.track_total_hits = false; }
      if (skipping) req._source = false;
      const res = await this.client.search(req) as unknown as Res;
      first ??= res;
      const got = res.hits.hits;
      if (skipping) skipped += got.length; else hits.push(...got);
      if (got.length < size) break;
      after = got.at(-1)!.sort;
    }
    return { first: first!, hits };
  }

  async search(plan: SearchPlan, withFacets: boolean): Promise<{ total: number; rows: PassageRow[]; facets?: RawFacets }> {
    try {
      const compiled = await this.compiled(plan.query, true);
      const filters = filterClauses(plan.filters);
      // With facets, filters apply to the hits only (post_filter): each facet's
      // aggregation applies every filter but its own (disjunctive facets).
      const post = withFacets && filters.length > 0;
      const sort = sortOf(plan.sort);
      const aggs: Dsl = {};
      if (plan.collapse) aggs.reports = { filter: post ? allOf(filters) : { match_all: {} }, aggs: { n: distinctReports } };
      if (withFacets) {
        for (const f of FACET_NAMES) {
          aggs[`facet_${f}`] = {
            filter: allOf(filterClauses(plan.filters, f)),
            aggs: { v: { terms: { field: FACET_FIELD[f].field, size: FACET_FIELD[f].size }, aggs: { r: distinctReports } } },
          };
        }
      }
      const body: Dsl = {
        query: post || !filters.length ? compiled.query : { bool: { must: [compiled.query], filter: filters } },
        ...(post ? { post_filter: allOf(filters) } : {}),
        sort, track_total_hits: true, track_scores: true, _source: PASSAGE_SOURCE,
        ...(plan.collapse ? { collapse: { field: 'report_id', inner_hits: { name: 'more', size: 0 } } } : {}),
        ...(Object.keys(aggs).length ? { aggs } : {}),
      };
      const { first, hits } = await this.page(body, plan.offset, plan.limit);
      const scoreAt = sort.findIndex((s) => '_score' in s);
      const rows = hits.map((h) => {
        const phrase = Array.isArray(h.matched_queries) ? h.matched_queries.includes('phrase') : h.matched_queries?.phrase !== undefined;
        const raw = Number(h.sort?.[scoreAt] ?? 0);
        const score = compiled.scored ? raw - (phrase ? compiled.phraseBoost : 0) : 0;
        const more = plan.collapse ? totalOf(h.inner_hits?.more?.hits.total) - 1 : undefined;
        return passageRow(h._source!, score, phrase, more);
      });
      const a = first.aggregations as Record<string, { n?: { value: number }; v?: { buckets: Array<{ key: string | number; doc_count: number; r: { value: number } }> } }> | undefined;
      const total = plan.collapse ? a!.reports!.n!.value : totalOf(first.hits.total);
      if (!withFacets) return { total, rows };
      const buckets = (f: FacetName): RawBucket[] =>
        a![`facet_${f}`]!.v!.buckets.map((b) => ({ value: String(b.key), count: b.doc_count, reports: b.r.value }));
      const facets: RawFacets = {
        year: buckets('year'), section: buckets('section'), level: buckets('level'), theme: buckets('theme'),
        region: buckets('region').map((b) => ({ ...parseRegionKey(b.value), count: b.count, reports: b.reports })),
      };
      return { total, rows, facets };
    } catch (err) {
      throw this.fail(err, 'a search');
    }
  }

  async trend(plan: SearchPlan, by: TrendBy): Promise<TrendPoint[]> {
    try {
      const field = TREND_FIELD[by];
      const { query } = await this.compiled(plan.query, false);
      const [hits, totals] = await Promise.all([
        this.client.search({
          index: this.names.passages, size: 0, track_total_hits: false,
          query: { bool: { must: [query], filter: filterClauses(plan.filters) } },
          aggs: { k: { terms: { field, size: 10_000 }, aggs: { r: distinctReports } } },
        }),
        // The denominator: reports of that year or region under the report-level filters only.
        this.client.search({
          index: this.names.reports, size: 0, track_total_hits: false,
          query: allOf(filterClauses(plan.filters, undefined, true)),
          aggs: { k: { terms: { field, size: 10_000 } } },
        }),
      ]);
      type B = { key: string | number; doc_count: number; r?: { value: number } };
      const matched = new Map((hits.aggregations as { k: { buckets: B[] } }).k.buckets.map((b) => [String(b.key), b]));
      return (totals.aggregations as { k: { buckets: B[] } }).k.buckets.map((t) => ({
        key: String(t.key), totalReports: t.doc_count,
        reports: matched.get(String(t.key))?.r?.value ?? 0, passages: matched.get(String(t.key))?.doc_count ?? 0,
      }));
    } catch (err) {
      throw this.fail(err, 'a trend');
    }
  }

  async matchingPassages(plan: SearchPlan): Promise<{ total: number; rows: PassageRow[] }> {
    return this.search({ ...plan, collapse: false }, false);
  }

  async report(id: string): Promise<StoredReport | null> {
    try {
      const res = await this.client.get({ index: this.names.reports, id }, { ignore: [404] });
      return res.found && res._source ? storedReport(res._source as Record<string, unknown>) : null;
    } catch (err) {
      const e = this.fail(err, `reading report ${id}`, this.names.reports);
      if (e instanceof IndexMissingError) return null;
      throw e;
    }
  }

  /** Deletes both indices behind the aliases (tests, and starting over). */
  async dropIndices(): Promise<void> {
    for (const alias of [this.names.passages, this.names.reports]) {
      const concrete = await resolveAlias(this.client, alias).catch(() => null);
      if (concrete) await this.client.indices.delete({ index: concrete });
    }
    this.ready = false;
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
