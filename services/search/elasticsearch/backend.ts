// The scalable backend: Elasticsearch 8.x, two indices behind aliases (indices.ts), with
// the SQLite backend's answers: the same matches (query.ts), the same scores and order
// (ES approximates FTS5's bm25 from above, Node scores the fetched hits exactly and
// fetches until the page is settled: rank.ts), the same facets and counts.
//
// Visibility: both indices have refresh_interval -1, so nothing a write does is seen by
// searches until Gongkai refreshes — at the end of every upsert and remove (the report
// appears, or is replaced, as a whole), at the end of indexMany, and once a reindex is
// complete. An upsert has resolved only when its writes are searchable.
import type { Client, estypes } from '@elastic/elasticsearch';
import type { Config } from '../../config.js';
import type { IndexedReport } from '../../core/schema.js';
import {
  foldRegions, IndexMismatchError, openedCounties, REGION_BUCKETS, type IndexInfo, type PassageRow, type RawBucket, type RawFacets, type SearchBackend,
  type SearchPlan, type StoredReport, type TrendBy, type TrendPoint, type UpsertOutcome,
} from '../backend.js';
import { FACET_NAMES, type FacetName } from '../types.js';
import { deleteOps, sendOps, writeReports, type BulkOptions } from './bulk.js';
import { PAD, parseRegionKey, passageRow, PASSAGE_SOURCE, storedReport } from './documents.js';
import { BulkWriteError, explain, IndexMissingError, MappingVersionError, safeUrl } from './errors.js';
import {
  aliasNames, checkReachable, concreteName, createIndex, indexMeta, makeClient, MAPPING_VERSION, mappingFile, resolveAlias, type Names,
} from './indices.js';
import {
  allOf, clauseKey, clauseQuery, compile, filterClauses, ftsScore, scoredClauses, slack, sortOf, type Clause, type Compiled,
  type Dsl, type Field, type Stats,
} from './query.js';
import { SliceBuilder } from '../tokens/builder.js';
import type { SliceReport, TokenSlice } from '../tokens/slice.js';
import { exactCmp, groupCmp, outOfBound, settled, type Candidate } from './rank.js';

/** from + size beyond this is refused by ES (index.max_result_window); deeper pages walk with search_after. */
const MAX_WINDOW = 10_000;

/** Report fields newer than some existing indices (put into them on open), as the mapping file declares them. */
const ADDED_REPORT_FIELDS = (() => {
  const props = (mappingFile('reports').mappings as unknown as { properties: Record<string, Record<string, unknown>> }).properties;
  return { url: props.url!, published: props.published! } as unknown as Record<string, estypes.MappingProperty>;
})();
/**
 * Distinct reports are counted by the cardinality aggregation: exactly (up to 32-bit hash
 * collisions) while a bucket holds at most `precision_threshold` reports, approximately
 * (HyperLogLog++, about 1%) beyond. Its memory is 2^p bytes per bucket whatever the count
 * (p = 18 for 40,000, 14 for 3,000), so facets with many buckets (regions, cities) get the
 * lower threshold: a county rarely has 3,000 reports, a year often has more.
 */
const distinct = (threshold: number) => ({ cardinality: { field: 'report_id', precision_threshold: threshold } });
const FEW_BUCKETS = 40_000;
const MANY_BUCKETS = 3_000;
const FACET_FIELD: Record<FacetName, { field: string; size: number; threshold: number }> = {
  year: { field: 'year', size: 500, threshold: FEW_BUCKETS }, section: { field: 'section', size: 100, threshold: FEW_BUCKETS },
  level: { field: 'level', size: 20, threshold: FEW_BUCKETS }, theme: { field: 'themes', size: 500, threshold: FEW_BUCKETS },
  region: { field: 'region_key', size: REGION_BUCKETS, threshold: MANY_BUCKETS },
};
const TREND_FIELD: Record<TrendBy, { field: string; threshold: number }> = {
  year: { field: 'year', threshold: FEW_BUCKETS }, province: { field: 'province', threshold: FEW_BUCKETS },
  city: { field: 'province_city', threshold: MANY_BUCKETS },
};

type Hit = { _id: string; _source?: Record<string, unknown>; sort?: unknown[]; inner_hits?: Record<string, { hits: { total?: { value: number } | number } }> };
type Res = { hits: { total?: { value: number } | number; hits: Hit[] }; aggregations?: Record<string, unknown> };
interface Found { id: string; path: string; sha256: string; passageIds: string[] }
type TermStats = Record<string, { field_statistics?: { doc_count: number; sum_ttf: number }; terms?: Record<string, { doc_freq?: number }> }>;

const totalOf = (t: { value: number } | number | undefined) => (typeof t === 'number' ? t : t?.value ?? 0);

export class ElasticsearchBackend implements SearchBackend {
  readonly kind = 'elasticsearch' as const;
  readonly names: Names;
  private ready = false;
  /** Primary shards of the passages index: with more than one, scoring uses global statistics (DFS). */
  private shards = 1;
  /** Bumped by every write of this process: cached statistics older than that are dropped. */
  private generation = 0;
  private readonly statsCache = new Map<string, { at: number; generation: number; stats: Stats }>();

  private constructor(readonly client: Client, readonly url: string, prefix: string, private readonly signature: string,
    readonly bulkOptions: BulkOptions = {}) {
    this.names = aliasNames(prefix);
  }

  static async open(config: Config, segmenterSignature: string): Promise<ElasticsearchBackend> {
    const client = makeClient(config);
    const url = safeUrl(config.esUrl);
    try {
      await checkReachable(client, url);
      const backend = new ElasticsearchBackend(client, url, config.esIndex, segmenterSignature);
      await backend.check();
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
  private async check(): Promise<void> {
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
        if (meta.segmenter !== this.signature) {
          const count = await this.client.count({ index: concrete[kind]! });
          if (count.count > 0) throw new IndexMismatchError(location, meta.segmenter ?? '(none)', this.signature);
          await this.client.indices.putMapping({ index: concrete[kind]!, _meta: { gongkai: { ...meta, segmenter: this.signature } } });
        }
      }
      // Fields added to the reports mapping after its indices were made (the page's url and
      // publication date): additive, so put into an existing index rather than a new version.
      await this.client.indices.putMapping({ index: concrete.reports, properties: ADDED_REPORT_FIELDS });
      await this.readShards();
      this.ready = true;
    } catch (err) {
      throw this.fail(err, 'checking the index');
    }
  }

  private async readShards(): Promise<void> {
    const settings = await this.client.indices.getSettings({ index: this.names.passages, name: 'index.number_of_shards' });
    const value = Object.values(settings)[0]?.settings as { index?: { number_of_shards?: string } } | undefined;
    this.shards = Number(value?.index?.number_of_shards ?? 1) || 1;
  }

  /** With several shards, scores must use the statistics of the whole index, as one shard would. */
  private get searchType(): Dsl {
    return this.shards > 1 ? { search_type: 'dfs_query_then_fetch' } : {};
  }

  /** Creates both indices behind their aliases when they do not exist yet. */
  private async ensureIndices(): Promise<void> {
    if (this.ready) return;
    const passages = await resolveAlias(this.client, this.names.passages);
    const reports = await resolveAlias(this.client, this.names.reports);
    if (!passages) await createIndex(this.client, 'passages', concreteName(this.names.passages), this.signature, [this.names.passages]);
    if (!reports) await createIndex(this.client, 'reports', concreteName(this.names.reports), this.signature, [this.names.reports]);
    await this.readShards();
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
    // Every field is in the artificial document (the padding token where the query has
    // none), for its field statistics.
    const doc = Object.fromEntries(Object.entries(tokens).map(([f, set]) => [f, set.size ? [...set].join(' ') : PAD]));
    const [counts, vectors] = await Promise.all([
      this.client.msearch({
        index: this.names.passages,
        searches: [{}, { size: 0, track_total_hits: true, query: { match_all: {} }, aggs: { length: { sum: { field: 'length' } } } },
          ...unique.flatMap((c) => [{}, { size: 0, track_total_hits: true, query: clauseQuery(c) }])],
      }),
      this.termStatistics(doc),
    ]);
    const responses = counts.responses.map((r) => {
      if ('error' in r) throw new Error(`Elasticsearch at ${this.url} refused a count: ${r.error.type}: ${r.error.reason ?? ''}`);
      return r;
    });
    const totals = responses.map((r) => totalOf(r.hits.total as { value: number } | undefined));
    const tv = vectors;
    const lengths = (responses[0]!.aggregations as { length: { value: number } } | undefined)?.length.value ?? 0;
    const words = tv.words?.field_statistics;
    const stats: Stats = {
      n: totals[0]!, avgdl: totals[0]! ? lengths / totals[0]! : 1,
      luceneAvgdl: words?.doc_count ? words.sum_ttf / words.doc_count : 1,
      hits: new Map(unique.map((c, i) => [clauseKey(c), totals[i + 1]!])),
      docCount: { words: 0, grams: 0, heads: 0 }, docFreq: { words: new Map(), grams: new Map(), heads: new Map() },
    };
    for (const f of ['words', 'grams', 'heads'] as const) {
      stats.docCount[f] = tv[f]?.field_statistics?.doc_count ?? 0;
      for (const [t, st] of Object.entries(tv[f]?.terms ?? {})) stats.docFreq[f].set(t, st.doc_freq ?? 0);
    }
    if (this.statsCache.size > 500) this.statsCache.clear();
    this.statsCache.set(key, { at: Date.now(), generation: this.generation, stats });
    return stats;
  }

  /**
   * Lucene's term and field statistics for an artificial document's tokens. The term
   * vectors API answers from one shard; with several, each is asked and the numbers are
   * summed, which is what a DFS search uses.
   */
  private async termStatistics(doc: Record<string, string>): Promise<TermStats> {
    const ask = (preference?: string) => this.client.termvectors({
      index: this.names.passages, doc, term_statistics: true, field_statistics: true, positions: false, offsets: false, payloads: false,
      ...(preference ? { preference } : {}),
    });
    if (this.shards <= 1) return ((await ask()).term_vectors ?? {}) as TermStats;
    const parts = await Promise.all(Array.from({ length: this.shards }, (_, i) => ask(`_shards:${i}`)));
    const sum: TermStats = {};
    for (const part of parts) {
      for (const [field, v] of Object.entries((part.term_vectors ?? {}) as TermStats)) {
        const into = (sum[field] ??= { field_statistics: { doc_count: 0, sum_ttf: 0 }, terms: {} });
        into.field_statistics!.doc_count += v.field_statistics?.doc_count ?? 0;
        into.field_statistics!.sum_ttf += v.field_statistics?.sum_ttf ?? 0;
        for (const [t, st] of Object.entries(v.terms ?? {})) {
          const term = (into.terms![t] ??= { doc_freq: 0 });
          term.doc_freq = (term.doc_freq ?? 0) + (st.doc_freq ?? 0);
        }
      }
    }
    return sum;
  }

  /** Hits offset..offset+limit in ES's order: from/size within the window, search_after beyond it. */
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

  /** Violations of the score bound seen (0 unless Lucene scores differently than query.ts assumes). */
  boundViolations = 0;
  /** Reports whose best passage needed all their passages scored (collapse), and requests made for windows. */
  readonly work = { reportsRescored: 0, windowRequests: 0, hitsScored: 0 };

  /**
   * The window offset..offset+limit in SQLite's exact order: hits are fetched in ES's
   * order from the first, scored exactly, until the window is settled (rank.ts).
   */
  private async exactPage(body: Dsl, plan: SearchPlan, score: (h: Hit) => Candidate, slack: number, abs: number): Promise<{ first: Res; hits: Array<{ hit: Hit; c: Candidate }> }> {
    const want = plan.offset + plan.limit;
    const fetched: Array<{ hit: Hit; c: Candidate }> = [];
    let first: Res | undefined;
    let after: unknown[] | undefined;
    let loose = false;
    let size = Math.min(MAX_WINDOW, want + Math.max(50, Math.ceil(want / 4)));
    for (;;) {
      const req: Dsl = { index: this.names.passages, ...this.searchType, ...body, size, ...(after ? { search_after: after } : {}) };
      if (first) { delete req.aggs; req.track_total_hits = false; }
      const res = await this.client.search(req) as unknown as Res;
      this.work.windowRequests++;
      first ??= res;
      const got = res.hits.hits.map((hit) => ({ hit, c: score(hit) }));
      this.work.hitsScored += got.length;
      fetched.push(...got);
      if (got.some((g) => outOfBound(g.c, slack, abs))) { this.boundViolations++; loose = true; }
      if (got.length < size) break;
      // A broken bound: nothing can be settled early, fetch everything.
      if (!loose && settled(plan.sort, fetched.map((f) => f.c), want, slack, abs)) break;
      after = got.at(-1)!.hit.sort;
      size = Math.min(MAX_WINDOW, Math.max(1000, want));
    }
    const cmp = exactCmp(plan.sort);
    fetched.sort((a, b) => cmp(a.c, b.c));
    return { first: first!, hits: fetched.slice(plan.offset, want) };
  }

  /**
   * With collapse: each report's best passage in exact order, from its first few passages in
   * ES's order (more only when those cannot settle it), and the reports in exact order.
   */
  private async exactReports(body: Dsl, plan: SearchPlan, score: (h: Hit) => Candidate, slack: number, abs: number,
    compiled: Compiled, filters: Dsl[]): Promise<{ first: Res; hits: Array<{ hit: Hit; c: Candidate; more: number }> }> {
    const want = plan.offset + plan.limit;
    if (want > MAX_WINDOW) throw new Error(`with one passage per report, Elasticsearch serves the first ${MAX_WINDOW} reports only; narrow the search`);
    const TOP = 3;
    const sort = body.sort as Dsl[];
    // The report's first passages in ES order; their total is the report's count of matches.
    const collapse = { field: 'report_id', inner_hits: { name: 'top', size: TOP, sort, _source: [...PASSAGE_SOURCE, 'streams'] } };
    const cmp = exactCmp(plan.sort);
    // Every collapsed report costs an inner search: ask for few beyond the window.
    let size = Math.min(MAX_WINDOW, want + Math.max(50, Math.ceil(want / 10)));
    for (;;) {
      const res = await this.client.search({ index: this.names.passages, ...this.searchType, ...body, collapse, from: 0, size } as Dsl) as unknown as Res;
      this.work.windowRequests++;
      const reps: Array<{ hit: Hit; c: Candidate; more: number }> = [];
      let loose = false;
      for (const group of res.hits.hits) {
        const inner = group.inner_hits!.top!.hits as unknown as { hits: Hit[] };
        let tops = inner.hits.map((hit) => ({ hit, c: score(hit) }));
        if (tops.some((t) => outOfBound(t.c, slack, abs))) { this.boundViolations++; loose = true; }
        tops.sort((a, b) => cmp(a.c, b.c));
        const last = score(inner.hits.at(-1)!);
        const best = tops[0]!;
        const known = inner.hits.length < TOP || groupCmp(plan.sort, last, best.c) > 0 || last.approx * (1 + slack) + abs < best.c.score;
        if (!known || loose) {
          // Rare: the report's best passage may lie further down; score all its matching passages.
          this.work.reportsRescored++;
          const all = await this.client.search({
            index: this.names.passages, ...this.searchType, query: { bool: { must: [compiled.query], filter: [...filters, { term: { report_id: best.c.reportId } }] } },
            sort, size: MAX_WINDOW, _source: [...PASSAGE_SOURCE, 'streams'],
          } as Dsl) as unknown as Res;
          tops = all.hits.hits.map((hit) => ({ hit, c: score(hit) })).sort((a, b) => cmp(a.c, b.c));
        }
        // The report's place is bounded by its best ES score (the collapsed hit's).
        const top = score(group);
        reps.push({ hit: tops[0]!.hit, c: { ...tops[0]!.c, approx: top.approx }, more: totalOf(group.inner_hits!.top!.hits.total) - 1 });
      }
      // A broken bound settles nothing: take as many reports as ES serves.
      if (reps.length < size || size >= MAX_WINDOW || (!loose && settled(plan.sort, reps.map((r) => r.c), want, slack, abs))) {
        reps.sort((a, b) => cmp(a.c, b.c));
        return { first: res, hits: reps.slice(plan.offset, want) };
      }
      size = loose ? MAX_WINDOW : Math.min(MAX_WINDOW, size * 2);
    }
  }

  async search(plan: SearchPlan, withFacets: boolean): Promise<{ total: number; rows: PassageRow[]; facets?: RawFacets }> {
    try {
      const clauses = scoredClauses(plan.query);
      const stats = clauses.length ? await this.stats(clauses) : null;
      const compiled = compile(plan.query, stats);
      const filters = filterClauses(plan.filters);
      // With facets, filters apply to the hits only (post_filter): each facet's
      // aggregation applies every filter but its own (disjunctive facets).
      const post = withFacets && filters.length > 0;
      const sort = sortOf(plan.sort);
      const aggs: Dsl = {};
      if (plan.collapse) aggs.reports = { filter: post ? allOf(filters) : { match_all: {} }, aggs: { n: distinct(FEW_BUCKETS) } };
      if (withFacets) {
        for (const f of FACET_NAMES) {
          aggs[`facet_${f}`] = {
            filter: allOf(filterClauses(plan.filters, f)),
            aggs: { v: { terms: { field: FACET_FIELD[f].field, size: FACET_FIELD[f].size }, aggs: { r: distinct(FACET_FIELD[f].threshold) } } },
          };
        }
      }
      const body: Dsl = {
        query: post || !filters.length ? compiled.query : { bool: { must: [compiled.query], filter: filters } },
        ...(post ? { post_filter: allOf(filters) } : {}),
        sort, track_total_hits: true, track_scores: true, _source: compiled.scored ? [...PASSAGE_SOURCE, 'streams'] : PASSAGE_SOURCE,
        ...(Object.keys(aggs).length ? { aggs } : {}),
      };
      const scoreAt = sort.findIndex((x) => '_score' in x);
      const candidate = (h: Hit): Candidate => {
        const src = h._source!;
        // The phrase clause adds a constant above any score the others can reach (query.ts).
        const raw = Number(h.sort?.[scoreAt] ?? 0);
        const phrase = compiled.phraseBoost > 0 && raw >= compiled.phraseBoost;
        return {
          reportId: String(src.report_id), ordinal: src.ordinal as number, year: (src.year as number | undefined) ?? null,
          regionCode: (src.region_code as string | undefined) ?? null, phrase,
          approx: raw - (phrase ? compiled.phraseBoost : 0),
          score: ftsScore(clauses, stats!, src.streams as { words: string; grams: string }),
        };
      };
      let first: Res;
      let rows: PassageRow[];
      if (!compiled.scored) {
        // No terms: every score is 0 and ES's order (key, report id, ordinal) is SQLite's.
        const out = await this.page(plan.collapse ? { ...body, collapse: { field: 'report_id', inner_hits: { name: 'more', size: 0 } } } : body, plan.offset, plan.limit);
        first = out.first;
        rows = out.hits.map((h) => passageRow(h._source!, 0, false, plan.collapse ? totalOf(h.inner_hits?.more?.hits.total) - 1 : undefined));
      } else {
        const slackOf = slack(stats!);
        const abs = compiled.phraseBoost * 2 ** -21 + 1e-12;
        if (plan.collapse) {
          const out = await this.exactReports(body, plan, candidate, slackOf, abs, compiled, filters);
          first = out.first;
          rows = out.hits.map((h) => passageRow(h.hit._source!, h.c.score, h.c.phrase, h.more));
        } else {
          const out = await this.exactPage(body, plan, candidate, slackOf, abs);
          first = out.first;
          rows = out.hits.map((h) => passageRow(h.hit._source!, h.c.score, h.c.phrase));
        }
      }
      const a = first.aggregations as Record<string, { n?: { value: number }; v?: { buckets: Array<{ key: string | number; doc_count: number; r: { value: number } }> } }> | undefined;
      const total = plan.collapse ? a!.reports!.n!.value : totalOf(first.hits.total);
      if (!withFacets) return { total, rows };
      const buckets = (f: FacetName): RawBucket[] =>
        a![`facet_${f}`]!.v!.buckets.map((b) => ({ value: String(b.key), count: b.doc_count, reports: b.r.value }));
      const facets: RawFacets = {
        year: buckets('year'), section: buckets('section'), level: buckets('level'), theme: buckets('theme'),
        region: foldRegions(buckets('region').map((b) => ({ ...parseRegionKey(b.value), count: b.count, reports: b.reports })), openedCounties(plan.filters)),
      };
      return { total, rows, facets };
    } catch (err) {
      throw this.fail(err, 'a search');
    }
  }

  async trend(plan: SearchPlan, by: TrendBy): Promise<TrendPoint[]> {
    try {
      const { field, threshold } = TREND_FIELD[by];
      const { query } = compile(plan.query, null);
      const [hits, totals] = await Promise.all([
        this.client.search({
          index: this.names.passages, size: 0, track_total_hits: false,
          query: { bool: { must: [query], filter: filterClauses(plan.filters) } },
          aggs: { k: { terms: { field, size: 10_000 }, aggs: { r: distinct(threshold) } } },
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

  /** Every matching passage's stored token stream (streams.tokens), walked with a point in time. */
  async tokenSlice(plan: SearchPlan): Promise<TokenSlice> {
    try {
      const { query } = compile(plan.query, null);
      const builder = new SliceBuilder();
      const pending: Array<{ s: Record<string, unknown> }> = [];
      const pit = await this.client.openPointInTime({ index: this.names.passages, keep_alive: '1m' });
      try {
        let after: unknown[] | undefined;
        for (;;) {
          const res = await this.client.search({
            size: MAX_WINDOW, pit: { id: pit.id, keep_alive: '1m' }, track_total_hits: false,
            query: { bool: { must: [query], filter: filterClauses(plan.filters) } },
            _source: [...PASSAGE_SOURCE.filter((f) => f !== 'text'), 'streams.tokens'], sort: [{ _shard_doc: 'asc' }],
            ...(after ? { search_after: after } : {}),
          }) as unknown as Res;
          for (const h of res.hits.hits) pending.push({ s: h._source! });
          if (res.hits.hits.length < MAX_WINDOW) break;
          after = res.hits.hits.at(-1)!.sort;
        }
      } finally {
        await this.client.closePointInTime({ id: pit.id }).catch(() => undefined);
      }
      // The format is a report's field only: one multi-get for the slice's reports.
      const reportIds = [...new Set(pending.map((p) => String(p.s.report_id)))];
      const formats = new Map<string, string>();
      for (let i = 0; i < reportIds.length; i += 5000) {
        const got = await this.client.mget({ index: this.names.reports, ids: reportIds.slice(i, i + 5000), _source: ['format'] });
        for (const d of got.docs as Array<{ _id: string; _source?: { format?: string } }>) formats.set(d._id, d._source?.format ?? 'unknown');
      }
      const reports = new Map<string, SliceReport>();
      for (const { s } of pending) {
        const id = String(s.report_id);
        let r = reports.get(id);
        if (!r) reports.set(id, (r = { ...passageRow({ ...s, text: '' }, 0, false).report, format: formats.get(id) ?? 'unknown' }));
        builder.addStream(r, s.ordinal as number, s.section as PassageRow['section'], (s.streams as { tokens?: string } | undefined)?.tokens ?? '');
      }
      return builder.build();
    } catch (err) {
      throw this.fail(err, 'reading token streams');
    }
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
