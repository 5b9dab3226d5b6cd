// The Elasticsearch backend answers as the SQLite backend does: the same corpus (the real
// reports plus a generated corpus) in both, and for each query of a fixed set the same
// totals, the same hits over all pages in the same order with the same scores, the same
// facet counts, trend values and concordance lines.
//
// Elasticsearch only approximates FTS5's bm25 (Lucene keeps a passage's length in one byte);
// the backend then scores the hits it fetches exactly and fetches until the order is
// settled (services/search/elasticsearch/rank.ts). So orders are compared exactly, ties
// included (both break them by report id, then ordinal), and scores to 1e-9.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { IndexedReport } from '../../services/core/schema.js';
import { ingest } from '../../services/ingest/ingest.js';
import { toIndexed } from '../../services/ingest/to-indexed.js';
import { parseText } from '../../services/pipeline/parse.js';
import type { PassageRow, RawFacets } from '../../services/search/backend.js';
import type { ElasticsearchBackend } from '../../services/search/elasticsearch/backend.js';
import { planOf, type Engine } from '../../services/search/engine.js';
import { concordance } from '../../services/search/methods/concordance.js';
import { trends, type TrendsRequestInput } from '../../services/search/methods/trends.js';
import { Filters, type Sort } from '../../services/search/types.js';
import { realPath, realReports, REAL_DIR } from '../helpers/corpus.js';
import { generatedCorpus } from './generated.js';
import { esEngine, freshPrefix, skip, sqliteEngine } from './support.js';

/** Generated reports on top of the real ones (2,000 keeps the whole file near a minute and a half on two cores). */
const GENERATED = Number(process.env.GONGKAI_PARITY_REPORTS ?? 2000);
const SEED = 20_261_206;

interface Case { name: string; q: string; filters?: Partial<Filters>; sort?: Sort; collapse?: boolean }

const keyOf = (r: PassageRow) => `${r.reportId}:p${r.ordinal}`;
const count = (s: string) => (s ? s.split(' ').length : 0);

describe('Elasticsearch answers as SQLite does', { skip }, () => {
  let sq: Awaited<ReturnType<typeof sqliteEngine>>;
  let es: Engine & { backend: ElasticsearchBackend };
  const length = new Map<string, number>();
  let corpus: IndexedReport[] = [];
  const stats = { hits: 0, maxScoreDiff: 0, byCase: {} as Record<string, number> };
  const timings: Record<string, number> = {};

  before(async () => {
    let t = performance.now();
    const lap = (name: string) => { timings[name] = Math.round(performance.now() - t); t = performance.now(); };
    sq = await sqliteEngine();
    es = await esEngine(freshPrefix('parity'));
    // The real reports through ingest() itself (upsert, one report at a time), in both.
    for (const e of [sq.engine, es]) {
      const s = await ingest(e, [REAL_DIR]);
      assert.deepEqual(s.failed, []);
    }
    lap('real reports, ingest() into both');
    const real = realReports().map(({ file }) => {
      const bytes = readFileSync(realPath(file));
      const text = bytes.toString('utf8');
      const source = { path: realPath(file), kind: 'txt' as const, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), encoding: 'utf-8' };
      return toIndexed(parseText(text, { fileName: basename(file) }), source, text, es.segmenter, false);
    });
    const generated = await generatedCorpus(SEED, GENERATED);
    lap(`generate and parse ${GENERATED} reports`);
    // Both at once: Elasticsearch indexes in its own process while SQLite writes in ours
    // (yielding now and then so the bulk requests keep flowing).
    const esLoad = es.backend.indexMany(generated);
    for (const [i, r] of generated.entries()) {
      await sq.engine.backend.upsert(r);
      if (i % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    lap('sqlite upsert (Elasticsearch indexing meanwhile)');
    const loaded = await esLoad;
    assert.equal(loaded.indexed, GENERATED);
    lap('elasticsearch indexMany, the rest');
    corpus = [...real, ...generated];
    for (const r of corpus) for (const p of r.passages) length.set(`${r.id}:p${p.ordinal}`, count(p.words) + count(p.grams));
  });

  after(async () => {
    console.log(`# parity corpus: ${corpus.length} reports, ${length.size} passages; timings (ms): ${JSON.stringify(timings)}`);
    console.log(`# ${stats.hits} hits compared in order, largest relative score difference ${stats.maxScoreDiff.toExponential(2)}; ` +
      `hits per query: ${JSON.stringify(stats.byCase)}; ES work: ${JSON.stringify(es?.backend.work)}`);
    await es?.backend.dropIndices().catch(() => undefined);
    await es?.backend.close();
    await sq?.dispose();
  });

  it('holds the same reports and passages', async () => {
    const [a, b] = await Promise.all([sq.engine.backend.info(), es.backend.info()]);
    assert.equal(b.reports, a.reports);
    assert.equal(b.passages, a.passages);
    assert.deepEqual(b.years, a.years);
    assert.equal(b.passages, length.size);
    assert.equal([...length.values()].filter((d) => d === 0).length, 0, 'no empty passage (Lucene would leave it out of avgD)');
  });

  // Filters drawn from the corpus itself, so every case has hits.
  const most = <T>(xs: T[]) => [...xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<T, number>())].sort((p, q) => q[1] - p[1])[0]![0];
  const codes = () => corpus.map((r) => r.region.code).filter((c): c is string => c !== null);
  const province = () => most(codes().map((c) => c.slice(0, 2)));
  const city = () => most(codes().filter((c) => c.startsWith(province()) && c.length >= 4).map((c) => c.slice(0, 4)));
  const county = () => most(codes().filter((c) => c.length >= 6).map((c) => c.slice(0, 6)));

  const cases = (): Case[] => [
    { name: 'one frequent word (idf at its floor)', q: '公开' },
    { name: 'one word', q: '微信' },
    { name: 'one longer word', q: '政策解读' },
    { name: 'two words, the phrase first', q: '微信 公众号' },
    { name: 'two words, apart', q: '依申请公开 办理' },
    { name: 'an exact phrase', q: '"政府信息公开"' },
    { name: 'OR', q: '微信 OR 微博' },
    { name: 'exclusion', q: '网站 -微信' },
    { name: 'Boolean words in any case', q: '微信 or 微博 NOT 网站' },
    { name: 'parentheses: OR distributed over AND', q: '(政务 公开) OR 微博' },
    { name: 'a lone character (bigram prefix)', q: '县' },
    { name: 'section filter', q: '培训', filters: { sections: ['problems', 'improvements'] } },
    { name: 'theme filter', q: '人员', filters: { themes: ['staffing'] } },
    { name: 'year filter', q: '申请', filters: { years: [2019, 2020] } },
    { name: 'province filter', q: '政务', filters: { regions: [province()] } },
    { name: 'city and county filters', q: '信息', filters: { regions: [city(), county()] } },
    { name: '地区未识别 (00) beside a province', q: '政务', filters: { regions: [province(), '00'] } },
    { name: 'level filter', q: '网站', filters: { levels: ['county', 'township'] } },
    { name: 'excluded values typed: 地区未识别, a section, a year', q: '政务 -region:00 -section:problems NOT year:2020' },
    { name: 'excluded values given apart: a province and a level, beside a ticked year', q: '信息', filters: { years: [2020, 2021], exclude: { regions: [province()], levels: ['county'] } } },
    { name: 'filters only, no words', q: '', filters: { years: [2021], levels: ['township'] } },
    { name: 'collapse by report', q: '微信', collapse: true },
    { name: 'collapse, newest first, with a filter', q: '政策解读', collapse: true, sort: 'year_desc', filters: { levels: ['county'] } },
    { name: 'sorted by year, oldest first', q: '复议', sort: 'year_asc' },
    { name: 'sorted by region', q: '热线', sort: 'region' },
    { name: 'phrase first, newest first', q: '政府 网站', sort: 'year_desc' },
  ];

  async function both(c: Case, limit: number, offset = 0, facets = false) {
    const filters = Filters.parse(c.filters ?? {});
    const opts = { sort: c.sort ?? 'relevance', limit, offset, collapse: c.collapse ?? false };
    return Promise.all([
      sq.engine.backend.search(planOf(sq.engine, c.q, filters, opts).plan, facets),
      es.backend.search(planOf(es, c.q, filters, opts).plan, facets),
    ]);
  }

  const facetMap = (f: RawFacets) => Object.fromEntries(Object.entries(f).map(([name, buckets]) => [name,
    Object.fromEntries((buckets as Array<{ value: string; count: number; reports: number } & Record<string, unknown>>)
      .map((b) => [[b.value, b.province, b.city, b.county, b.township].join('|'), [b.count, b.reports]]).sort())]));

  /** The same rows in the same order, the same flags, scores equal to 1e-9. */
  function sameRows(what: string, sql: PassageRow[], ela: PassageRow[]) {
    const shape = (r: PassageRow) => ({ key: keyOf(r), phrase: r.phrase, more: r.moreInReport, section: r.section, year: r.report.year, text: r.text });
    assert.deepEqual(ela.map(shape), sql.map(shape), what);
    sql.forEach((s, i) => {
      const e = ela[i]!.score;
      const diff = Math.abs(e - s.score) / Math.max(Math.abs(s.score), 1e-300);
      if (s.score !== 0) stats.maxScoreDiff = Math.max(stats.maxScoreDiff, diff);
      assert.ok(s.score === e || diff <= 1e-9, `${what}: score of ${keyOf(s)}: SQLite ${s.score}, ES ${e}`);
    });
    stats.hits += sql.length;
  }

  it('gives the same totals, hit sets (all pages), facets and order for every query', async (t) => {
    for (const c of cases()) {
      await t.test(`${c.name}: ${c.q || '(no words)'} ${JSON.stringify(c.filters ?? {})}${c.sort ? ` ${c.sort}` : ''}${c.collapse ? ' collapse' : ''}`, async () => {
        const [a, b] = await both(c, 1, 0, true);
        assert.equal(b.total, a.total, 'total');
        assert.ok(a.total > 0, 'the case has hits');
        assert.deepEqual(facetMap(b.facets!), facetMap(a.facets!), 'facets');
        // All pages at once (ES walks past its 10,000 window with search_after).
        const [sql, ela] = await both(c, a.total);
        assert.equal(sql.rows.length, a.total);
        sameRows('every hit', sql.rows, ela.rows);
        stats.byCase[c.name] = a.total;
        // Pages: the first, a middle one, and (when that is cheap) the last.
        for (const offset of a.total <= 1000 ? [0, 40, Math.max(0, a.total - 7)] : [0, 40]) {
          const [ps, pe] = await both(c, 20, offset);
          sameRows(`page at ${offset}`, ps.rows, pe.rows);
          assert.deepEqual(pe.rows.map(keyOf), ela.rows.slice(offset, offset + 20).map(keyOf), `page at ${offset} is that slice`);
        }
      });
    }
  });

  it('gives the same trend values, by year, province and city', async () => {
    const requests: TrendsRequestInput[] = [
      { series: [{ q: '微信' }, { q: '政策解读' }, { theme: 'staffing' }], by: 'year' },
      { series: [{ q: '热线' }, { q: '公开 -微信' }], by: 'province', filters: { years: [2018, 2019, 2020] } },
      { series: [{ q: '网站' }, { theme: 'open_day' }], by: 'city', filters: { levels: ['county', 'township'] } },
      { series: [{ q: '培训' }], by: 'year', filters: { sections: ['problems'], regions: [province()] } },
    ];
    for (const r of requests) {
      const [a, b] = await Promise.all([trends(sq.engine, r), trends(es, r)]);
      const strip = (x: typeof a) => x.series.map((s) => ({ ...s, points: [...s.points].sort((p, q) => p.key.localeCompare(q.key)) }));
      assert.deepEqual(strip(b), strip(a), JSON.stringify(r));
      assert.ok(a.series.some((s) => s.points.some((p) => p.reports > 0)), 'the request matches something');
    }
  });

  it('gives the same concordance lines (the matching passages, in both)', async () => {
    // Every line (below the 5,000-line limit), in the same order.
    for (const req of [{ q: '微信', width: 8 }, { q: '政府信息', width: 5, filters: { years: [2019] } }, { q: '"监督保障"', width: 10 }]) {
      const [a, b] = await Promise.all([concordance(sq.engine, { ...req, limit: 5000 }), concordance(es, { ...req, limit: 5000 })]);
      assert.equal(b.total, a.total);
      assert.equal(b.passages, a.passages);
      assert.ok(a.total > 0 && !a.truncated && !b.truncated, `${req.q}: ${a.total} lines`);
      const lines = (x: typeof a) => x.lines.map((l) => `${l.reportId}:${l.ordinal}:${l.offset}:${l.left}[${l.keyword}]${l.right}`);
      assert.deepEqual(lines(b), lines(a));
    }
  });

  it('never saw an ES score below its exact score beyond the slack (the bound the order relies on)', () => {
    assert.equal(es.backend.boundViolations, 0);
  });
});
