// The Elasticsearch backend's writes, errors and reindexing, against a real node
// (fresh index names per run, deleted afterwards).
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../services/api/app.js';
import { main, UsageError } from '../../services/cli/main.js';
import type { IndexedReport } from '../../services/core/schema.js';
import { IndexMismatchError } from '../../services/search/backend.js';
import { ElasticsearchBackend } from '../../services/search/elasticsearch/backend.js';
import { BulkWriteError, ElasticsearchUnavailableError, IndexMissingError, MappingVersionError } from '../../services/search/elasticsearch/errors.js';
import { aliasNames, mappingFile, MAPPING_VERSION } from '../../services/search/elasticsearch/indices.js';
import { reindex } from '../../services/search/elasticsearch/reindex.js';
import { planOf, type Engine } from '../../services/search/engine.js';
import { search } from '../../services/search/methods/search.js';
import { Filters } from '../../services/search/types.js';
import { segmenter } from '../../services/pipeline/segment/segmenter.js';
import { indexedGenerated } from './generated.js';
import { esConfig, esEngine, esUrl, freshPrefix, skip, sqliteEngine } from './support.js';

const seg = segmenter();
const reports = indexedGenerated(7, 0, 6);
const noFilters = Filters.parse({});
const plan = (e: Engine, q: string, limit = 100) => planOf(e, q, noFilters, { limit }).plan;
/** The same report read from another file: same path, new content (and so a new id). */
const edited = (r: IndexedReport, other: IndexedReport): IndexedReport => ({ ...other, source: { ...other.source, path: r.source.path } });

describe('the Elasticsearch backend', { skip }, () => {
  const opened: ElasticsearchBackend[] = [];
  const track = <T extends ElasticsearchBackend>(b: T) => { opened.push(b); return b; };
  after(async () => {
    for (const b of opened) {
      await b.dropIndices().catch(() => undefined);
      await b.close().catch(() => undefined);
    }
  });

  describe('upsert, by path and content, as SQLite does', () => {
    let es: Awaited<ReturnType<typeof esEngine>>;
    let sq: Awaited<ReturnType<typeof sqliteEngine>>;
    before(async () => { es = await esEngine(freshPrefix('upsert')); track(es.backend); sq = await sqliteEngine(); });
    after(async () => { await sq.dispose(); });

    const both = async <T>(f: (e: Engine) => Promise<T>): Promise<[T, T]> => [await f(sq.engine), await f(es)];

    it('indexes, then finds a report unchanged, with searches seeing each write when upsert resolves', async () => {
      const [a, b] = await both((e) => e.backend.upsert(reports[0]!));
      assert.equal(a, 'indexed');
      assert.equal(b, 'indexed');
      const info = await es.backend.info();
      assert.equal(info.reports, 1);
      assert.equal(info.passages, reports[0]!.passages.length);
      assert.ok(await es.backend.isIndexed(reports[0]!.source.path, reports[0]!.source.sha256));
      assert.equal(await es.backend.upsert(reports[0]!), 'unchanged');
      assert.equal((await es.backend.info()).passages, reports[0]!.passages.length, 'nothing duplicated');
    });

    it('replaces the older version of a path, leaving none of its passages', async () => {
      const next = edited(reports[0]!, reports[1]!);
      const [a, b] = await both((e) => e.backend.upsert(next));
      assert.equal(a, 'replaced');
      assert.equal(b, 'replaced');
      const info = await es.backend.info();
      assert.equal(info.reports, 1);
      assert.equal(info.passages, next.passages.length);
      assert.equal(await es.backend.report(reports[0]!.id), null);
      assert.equal(await es.backend.isIndexed(next.source.path, reports[0]!.source.sha256), false);
      const hits = await es.backend.search(plan(es, ''), false);
      assert.ok(hits.rows.every((r) => r.reportId === next.id));
    });

    it('treats the same content at a new path as the same report, remembering the new path', async () => {
      const moved = { ...reports[1]!, source: { ...reports[1]!.source, path: '/elsewhere/moved.txt' } };
      const [a, b] = await both((e) => e.backend.upsert(moved));
      assert.equal(a, 'unchanged');
      assert.equal(b, 'unchanged');
      assert.ok(await es.backend.isIndexed('/elsewhere/moved.txt', moved.source.sha256));
    });

    it('stores the report whole: report() equals the SQLite backend\'s', async () => {
      for (const r of reports.slice(2, 4)) await both((e) => e.backend.upsert(r));
      for (const r of reports.slice(1, 4)) {
        const [a, b] = await both((e) => e.backend.report(r.id));
        assert.ok(a && b);
        assert.deepEqual(b, a);
      }
      assert.equal(await es.backend.report('0000000000000000'), null);
    });

    it('removes a report and its passages', async () => {
      const before = await es.backend.info();
      assert.equal(await es.backend.remove(reports[2]!.id), true);
      assert.equal(await es.backend.remove(reports[2]!.id), false);
      const after = await es.backend.info();
      assert.equal(after.reports, before.reports - 1);
      assert.equal(after.passages, before.passages - reports[2]!.passages.length);
      assert.equal(await es.backend.report(reports[2]!.id), null);
    });

    it('duplicates nothing when the same documents are sent again (deterministic ids)', async () => {
      const before = await es.backend.info();
      const again = await es.backend.indexMany([reports[3]!, reports[4]!]);
      assert.deepEqual(again, { indexed: 1, unchanged: 1 });
      // And written twice at the bulk level, ids make the second write an overwrite.
      const { writeReports } = await import('../../services/search/elasticsearch/bulk.js');
      await writeReports(es.backend.client, es.backend.names, [reports[4]!]);
      await es.backend.refresh();
      const after = await es.backend.info();
      assert.equal(after.reports, before.reports + 1);
      assert.equal(after.passages, before.passages + reports[4]!.passages.length);
    });

    it('reports refused documents by id and leaves nothing of that report visible', async () => {
      const before = await es.backend.info();
      const broken: IndexedReport = { ...reports[5]!, year: 1e12 }; // beyond an integer field
      await assert.rejects(es.backend.upsert(broken), (err: unknown) => {
        assert.ok(err instanceof BulkWriteError, String(err));
        assert.ok(err.failed.length > reports[5]!.passages.length, 'every refused document is named');
        assert.ok(err.failed.some((f) => f.id === `${broken.id}:p${broken.passages[0]!.ordinal}`));
        assert.match(err.message, /refused \d+ document\(s\) while indexing .*: .*:p\d+ \(400: /);
        return true;
      });
      const after = await es.backend.info();
      assert.equal(after.reports, before.reports);
      assert.equal(after.passages, before.passages);
      assert.equal(await es.backend.report(broken.id), null);
    });
  });

  describe('errors that say what to do', () => {
    it('says when the cluster is not reachable', async () => {
      await assert.rejects(ElasticsearchBackend.open(esConfig('x', { esUrl: 'http://127.0.0.1:9' }), seg.signature),
        (err: unknown) => err instanceof ElasticsearchUnavailableError && /^Elasticsearch at http:\/\/127\.0\.0\.1:9 is not reachable: /.test(err.message));
    });

    it('opens on a missing index: empty info; searching says to run gongkai ingest', async () => {
      const b = track(await ElasticsearchBackend.open(esConfig(freshPrefix('missing')), seg.signature));
      const info = await b.info();
      assert.equal(info.reports, 0);
      await assert.rejects(b.search(plan({ backend: b, segmenter: seg, resolveRegion: () => [] }, '公开'), true),
        (err: unknown) => err instanceof IndexMissingError && /run `gongkai ingest/.test(err.message));
      assert.equal(await b.report('abc'), null);
    });

    it('refuses an index built with another segmenter, and one with another mapping version', async () => {
      const prefix = freshPrefix('mismatch');
      const old = track(await ElasticsearchBackend.open(esConfig(prefix), 'jieba@0;old'));
      await old.upsert(reports[0]!);
      await assert.rejects(ElasticsearchBackend.open(esConfig(prefix), seg.signature), (err: unknown) => {
        assert.ok(err instanceof IndexMismatchError);
        assert.match(err.message, /built with segmenter "jieba@0;old", but this Gongkai uses "jieba@/);
        assert.match(err.message, /gongkai reindex/);
        return true;
      });
      // Another mapping version: an index whose _meta says so.
      const v0 = freshPrefix('mapping');
      const names = aliasNames(v0);
      for (const kind of ['passages', 'reports'] as const) {
        const file = mappingFile(kind);
        await old.client.indices.create({
          index: `${names[kind]}-v0-1`, settings: file.settings,
          mappings: { ...file.mappings, _meta: { gongkai: { kind, mapping_version: 0, segmenter: seg.signature } } },
          aliases: { [names[kind]]: {} },
        } as never);
      }
      try {
        await assert.rejects(ElasticsearchBackend.open(esConfig(v0), seg.signature), (err: unknown) => {
          assert.ok(err instanceof MappingVersionError);
          assert.match(err.message, new RegExp(`uses mapping version 0, but this Gongkai expects version ${MAPPING_VERSION}; run \`gongkai reindex\``));
          return true;
        });
      } finally {
        await old.client.indices.delete({ index: [`${names.passages}-v0-1`, `${names.reports}-v0-1`] });
      }
    });

    it('reports its state on GET /api/health', async () => {
      const es = await esEngine(freshPrefix('health'));
      track(es.backend);
      await es.backend.upsert(reports[0]!);
      const server = createApp(es).listen(0, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
      try {
        const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/health`);
        assert.equal(res.status, 200);
        const body = await res.json() as { backend: string; reports: number; passages: number };
        assert.equal(body.backend, 'elasticsearch');
        assert.equal(body.reports, 1);
        assert.equal(body.passages, reports[0]!.passages.length);
      } finally {
        await new Promise((r) => server.close(r));
      }
    });
  });

  describe('reindex', () => {
    it('rebuilds from the stored reports with this segmenter and swaps both aliases while searches go on', async () => {
      const prefix = freshPrefix('reindex');
      const old = track(await ElasticsearchBackend.open(esConfig(prefix), 'jieba@0;old'));
      await old.indexMany(reports);
      const engine: Engine = { backend: old, segmenter: seg, resolveRegion: () => [] };
      const before = await old.info();
      const expected = (await old.search(plan(engine, '公开', 1000), false)).rows.map((r) => `${r.reportId}:${r.ordinal}`).sort();
      const concreteBefore = Object.keys(await old.client.indices.getAlias({ name: `${prefix}-*` }));

      // Searches keep answering, completely, while the new index is built and swapped in.
      let searching = true;
      let answered = 0;
      const loop = (async () => {
        while (searching) {
          const out = await old.search(plan(engine, '公开', 1000), false);
          assert.deepEqual(out.rows.map((r) => `${r.reportId}:${r.ordinal}`).sort(), expected, 'a search during the reindex');
          answered++;
        }
      })();
      const summary = await reindex(esConfig(prefix), seg).finally(() => { searching = false; });
      await loop;
      assert.ok(answered > 0);
      assert.equal(summary.reports, before.reports);
      assert.equal(summary.passages, before.passages);

      const aliases = await old.client.indices.getAlias({ name: `${prefix}-*` });
      assert.deepEqual(Object.keys(aliases).sort(), [summary.to.passages, summary.to.reports].sort());
      for (const gone of concreteBefore) assert.equal(await old.client.indices.exists({ index: gone }), false, `${gone} deleted`);
      // This Gongkai now opens it, and finds the same.
      const fresh = track(await ElasticsearchBackend.open(esConfig(prefix), seg.signature));
      const after = await fresh.info();
      assert.equal(after.reports, before.reports);
      assert.equal(after.passages, before.passages);
      const out = await fresh.search(plan({ ...engine, backend: fresh }, '公开', 1000), false);
      assert.deepEqual(out.rows.map((r) => `${r.reportId}:${r.ordinal}`).sort(), expected);
    });

    it('is a CLI command for the Elasticsearch backend, and says so on SQLite', async () => {
      const prefix = freshPrefix('cli');
      const b = track(await ElasticsearchBackend.open(esConfig(prefix), 'jieba@0;old'));
      await b.indexMany(reports.slice(0, 2));
      const saved = process.env.ES_INDEX;
      const log = console.log;
      const lines: string[] = [];
      process.env.ES_INDEX = prefix;
      console.log = (...a: unknown[]) => { lines.push(a.join(' ')); };
      try {
        assert.equal(await main(['reindex', '--backend', 'elasticsearch', '--es-url', esUrl]), 0);
        assert.equal(await main(['stats', '--backend', 'elasticsearch', '--es-url', esUrl]), 0);
      } finally {
        console.log = log;
        if (saved === undefined) delete process.env.ES_INDEX; else process.env.ES_INDEX = saved;
      }
      assert.match(lines.join('\n'), /reindexed 2 reports, \d+ passages/);
      assert.match(lines.join('\n'), /^2 reports, \d+ passages \(elasticsearch: /m);
      await assert.rejects(main(['reindex', '--backend', 'sqlite']), (err: unknown) => err instanceof UsageError && /Elasticsearch/.test(err.message));
    });

    it('leaves the old index serving when there is nothing to rebuild from', async () => {
      await assert.rejects(reindex(esConfig(freshPrefix('nothing')), seg), (err: unknown) => err instanceof IndexMissingError);
    });
  });

  it('ranks exactly as SQLite on an index of three shards (global statistics)', async () => {
    const prefix = freshPrefix('shards');
    const names = aliasNames(prefix);
    const admin = track(await ElasticsearchBackend.open(esConfig(freshPrefix('admin')), seg.signature));
    for (const kind of ['passages', 'reports'] as const) {
      const file = mappingFile(kind);
      const settings = { index: { ...(file.settings.index as object), number_of_shards: kind === 'passages' ? 3 : 1 } };
      await admin.client.indices.create({
        index: `${names[kind]}-v${MAPPING_VERSION}-1`, settings,
        mappings: { ...file.mappings, _meta: { gongkai: { kind, mapping_version: MAPPING_VERSION, segmenter: seg.signature } } },
        aliases: { [names[kind]]: {} },
      } as never);
    }
    const es = track(await ElasticsearchBackend.open(esConfig(prefix), seg.signature));
    const sq = await sqliteEngine();
    try {
      const corpus = indexedGenerated(8, 0, 40);
      await es.indexMany(corpus);
      for (const r of corpus) await sq.engine.backend.upsert(r);
      const engine: Engine = { backend: es, segmenter: seg, resolveRegion: () => [] };
      for (const [q, collapse] of [['公开', false], ['政策解读', false], ['微信 公众号', false], ['县', false], ['信息', true]] as const) {
        const opts = { limit: 30, collapse };
        const [a, b] = [await sq.engine.backend.search(planOf(sq.engine, q, noFilters, opts).plan, true), await es.search(planOf(engine, q, noFilters, opts).plan, true)];
        assert.equal(b.total, a.total, q);
        assert.deepEqual(b.rows.map((r) => `${r.reportId}:${r.ordinal}:${r.moreInReport}`), a.rows.map((r) => `${r.reportId}:${r.ordinal}:${r.moreInReport}`), q);
        b.rows.forEach((r, i) => assert.ok(Math.abs(r.score - a.rows[i]!.score) <= 1e-9 * Math.abs(a.rows[i]!.score), `${q}: score`));
        const norm = (f: typeof a.facets) => Object.fromEntries(Object.entries(f!).map(([k, v]) => [k, [...v].map((x) => JSON.stringify(x, Object.keys(x).sort())).sort()]));
        assert.deepEqual(norm(b.facets), norm(a.facets), q);
      }
      assert.equal(es.boundViolations, 0, 'DFS statistics keep ES scores above the exact ones');
    } finally {
      await sq.dispose();
    }
  });

  it('serves search() of the engine with highlights, like SQLite', async () => {
    const es = await esEngine(freshPrefix('engine'));
    track(es.backend);
    const sq = await sqliteEngine();
    try {
      for (const r of reports) { await es.backend.upsert(r); await sq.engine.backend.upsert(r); }
      const [a, b] = [await search(sq.engine, { q: '信息公开', facets: true }), await search(es, { q: '信息公开', facets: true })];
      const strip = (x: typeof a) => ({ ...x, tookMs: 0, hits: x.hits.map((h) => ({ ...h, score: 0 })) });
      assert.deepEqual(strip(b).facets, strip(a).facets);
      assert.equal(b.total, a.total);
      assert.deepEqual(new Set(b.hits.map((h) => h.html)).size, b.hits.length);
      assert.ok(b.hits.every((h) => h.html.includes('<mark>')));
    } finally {
      await sq.dispose();
    }
  });
});
