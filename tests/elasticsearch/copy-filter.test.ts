// copy:… gives the same answers on Elasticsearch as on SQLite (issue 17): the same reports,
// the same totals and the same copy facet, over a generated lineage corpus in both.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ingest } from '../../services/ingest/ingest.js';
import type { Engine } from '../../services/search/engine.js';
import { search } from '../../services/search/methods/search.js';
import { lineageCorpus } from '../copy/lineage-corpus.js';
import { esEngine, freshPrefix, skip, sqliteEngine } from './support.js';

const QUERIES = ['copy:>0.5', 'copy:<0.3', '政务公开 copy:>=0.8', 'copy:>0.2 copy:<0.6 level:乡镇', '公开 copy:>0.5 year:2019..2024'];

describe('copy:… answers the same on both backends', { skip }, () => {
  let sq: Awaited<ReturnType<typeof sqliteEngine>>;
  let es: Engine;
  let corpus: ReturnType<typeof lineageCorpus>;
  before(async () => {
    corpus = lineageCorpus(25, 23);
    sq = await sqliteEngine();
    es = await esEngine(freshPrefix('copy'));
    for (const e of [sq.engine, es]) assert.deepEqual((await ingest(e, [corpus.dir])).failed, []);
  });
  after(async () => {
    await sq?.dispose();
    await es?.backend.close();
    corpus?.dispose();
  });
  for (const q of QUERIES) {
    it(q, async () => {
      const ids = async (e: Engine) => {
        const r = await search(e, { q, collapse: true, facets: true, size: 100 });
        return { total: r.total, ids: r.hits.map((h) => h.reportId).sort(), copy: r.facets?.copy };
      };
      const [a, b] = [await ids(sq.engine), await ids(es)];
      assert.ok(a.total > 0 || q.includes('<0.3'), `${q} finds something`);
      assert.deepEqual(b, a);
    });
  }
});
