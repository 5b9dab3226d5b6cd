// The tantivy core answers searches and trends inside the index (filters, page order,
// collapse, facets, trend counts: crates/gongkai-index/src/tally.rs). Its answers must be
// those of the TypeScript path (rank.ts, facets.ts), which the FTS5 core runs, over the same
// matches: every hit in the same place with the same score, the same totals and facet counts.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../services/config.js';
import { generateCorpus } from '../../services/corpus-gen/index.js';
import { ingest } from '../../services/ingest/ingest.js';
import { openEngine, type Engine } from '../../services/search/engine.js';
import { concordance } from '../../services/search/methods/concordance.js';
import { search } from '../../services/search/methods/search.js';
import { trends } from '../../services/search/methods/trends.js';
import { TantivyBackend } from '../../services/search/tantivy/backend.js';
import { ADDON } from '../../services/search/tantivy/native.js';
import type { Filters, Sort } from '../../services/search/types.js';
import { REAL_DIR } from '../helpers/corpus.js';

const built = existsSync(ADDON);
if (!built && process.env.CI === 'true') throw new Error(`the tantivy core is not built (${ADDON})`);

const QUERIES = ['', '公开', '信息公开', '微信公众号', '"政务公开"', '公开 -微信', '政策 OR 解读', '平台 NOT 网站', '-公开', '依申请公开 年度报告'];
const SORTS: Sort[] = ['relevance', 'year_desc', 'year_asc', 'region'];

describe('searches answered inside the tantivy core', { skip: built ? false : 'the tantivy core is not built' }, () => {
  let corpus: string;
  let dir: string;
  let engine: Engine;
  let core: TantivyBackend;
  let filterSets: Array<Partial<Filters>>;

  before(async () => {
    corpus = mkdtempSync(join(tmpdir(), 'gongkai-answers-corpus-'));
    dir = mkdtempSync(join(tmpdir(), 'gongkai-answers-'));
    generateCorpus({ count: 240, seed: 4_417, out: corpus });
    engine = await openEngine(loadConfig({ dataDir: dir, backend: 'sqlite', embeddedCore: 'tantivy', matchCacheMb: 0 }, {}));
    assert.ok(engine.backend instanceof TantivyBackend);
    core = engine.backend;
    await ingest(engine, [corpus, REAL_DIR]);
    // Filters on values the corpus has: a province, a county, a year; and exclusions.
    const facets = (await search(engine, { q: '公开', facets: true })).facets!;
    const province = facets.region.find((b) => b.value.length === 2 && b.value !== '00')!.value;
    const county = (await search(engine, { q: '公开', facets: true, filters: { regions: [province] } })).facets!
      .region.find((b) => b.value.length >= 6)?.value ?? province;
    filterSets = [
      {}, { years: [2020] }, { levels: ['township'] }, { sections: ['problems', 'improvements'] }, { themes: ['wechat'] },
      { regions: [province] }, { regions: [county], years: [2019, 2021] }, { exclude: { years: [2019] } },
      { exclude: { sections: ['statistics'], themes: ['wechat'] } }, { exclude: { regions: ['00'] }, levels: ['county', 'township'] },
      { themes: ['no_such_theme'] },
    ];
  });
  after(async () => {
    await engine.backend.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(corpus, { recursive: true, force: true });
  });

  const both = async <T>(run: () => Promise<T>): Promise<[T, T]> => {
    core.countInCore = true;
    const inCore = await run();
    core.countInCore = false;
    try { return [inCore, await run()]; } finally { core.countInCore = true; }
  };
  const answerOf = (r: Awaited<ReturnType<typeof search>>) => ({
    total: r.total, facets: r.facets,
    hits: r.hits.map((h) => ({ at: `${h.reportId}:${h.ordinal}`, score: h.score, more: h.moreInReport })),
  });

  it('pages, totals and facets are those of the TypeScript path, for every sort, collapse, page and filter', async () => {
    let cases = 0;
    let nonEmpty = 0;
    for (const [qi, q] of QUERIES.entries()) {
      for (const [fi, filters] of filterSets.entries()) {
        const sort = SORTS[(qi + fi) % SORTS.length]!;
        for (const [collapse, page] of [[false, 1], [true, 1], [false, 3]] as const) {
          const req = { q, filters, sort, collapse, page, size: 10, facets: true };
          const [inCore, reference] = await both(() => search(engine, req));
          assert.deepEqual(answerOf(inCore), answerOf(reference), JSON.stringify(req));
          cases++;
          if (inCore.hits.length) nonEmpty++;
        }
      }
    }
    // The grid is not empty answers compared with empty answers.
    assert.ok(nonEmpty > cases / 2, `${nonEmpty} of ${cases} cases have hits`);
  });

  it('a concordance-sized page of 2,000 passages comes in the same order', async () => {
    for (const sort of ['year_asc', 'relevance'] as const) {
      const [inCore, reference] = await both(() => search(engine, { q: '公开', sort, size: 100, page: 20 }));
      assert.ok(inCore.hits.length > 0);
      assert.deepEqual(answerOf(inCore), answerOf(reference));
    }
  });

  it('a concordance counted in the index has the lines and counts of one that reads every passage', async () => {
    // The same engine with the backend's keywordInContext hidden: the engine reads the texts then.
    const backend = new Proxy(core, { get: (t, p) => (p === 'keywordInContext' ? undefined : Reflect.get(t, p)) });
    const reading = { ...engine, backend } as Engine;
    let compared = 0;
    for (const q of ['公开', '信息公开', '微信公众号', '"政务公开工作"', '政府信息公开工作年度报告', '公开 -微信']) {
      for (const filters of filterSets.slice(0, 6)) {
        for (const limit of [3, 500]) {
          const req = { q, filters, limit };
          const counted = await concordance(engine, req);
          const read = await concordance(reading, req);
          const { tookMs: _a, ...a } = counted;
          const { tookMs: _b, ...b } = read;
          assert.deepEqual(a, b, JSON.stringify(req));
          if (a.total > 0) compared++;
        }
      }
    }
    assert.ok(compared > 30, `${compared} concordances with lines`);
  });

  it('trend counts are those of the TypeScript path, by year, province and city, under filters', async () => {
    for (const q of QUERIES) {
      for (const filters of filterSets.slice(0, 8)) {
        for (const by of ['year', 'province', 'city'] as const) {
          const req = { series: [{ q }], by, filters };
          const [inCore, reference] = await both(() => trends(engine, req));
          assert.deepEqual(inCore.series, reference.series, JSON.stringify(req));
        }
      }
    }
  });
});
