// Collocates, keywords, phrase lists and dispersion give the same tables on Elasticsearch as
// on SQLite: the real reports (reports and dev) ingested into both, every table compared
// whole (its timing aside).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ingest } from '../../services/ingest/ingest.js';
import type { ElasticsearchBackend } from '../../services/search/elasticsearch/backend.js';
import type { Engine } from '../../services/search/engine.js';
import { collocates } from '../../services/search/methods/corpus/collocates.js';
import { dispersion } from '../../services/search/methods/corpus/dispersion.js';
import { keywords } from '../../services/search/methods/corpus/keywords.js';
import { ngrams } from '../../services/search/methods/corpus/ngrams.js';
import { REAL_DIR } from '../helpers/corpus.js';
import { esEngine, freshPrefix, skip, sqliteEngine } from './support.js';

const untimed = (x: { tookMs: number }) => ({ ...x, tookMs: 0 });

describe('corpus tables: Elasticsearch as SQLite', { skip }, () => {
  let sq: Awaited<ReturnType<typeof sqliteEngine>>;
  let es: Engine & { backend: ElasticsearchBackend };

  before(async () => {
    sq = await sqliteEngine();
    es = await esEngine(freshPrefix('corpus'));
    for (const e of [sq.engine, es]) {
      const s = await ingest(e, [REAL_DIR, join(REAL_DIR, '..', 'dev')]);
      assert.deepEqual(s.failed, []);
    }
  });
  after(async () => {
    await es?.backend.dropIndices().catch(() => undefined);
    await es?.backend.close();
    await sq?.dispose();
  });

  const both = async <T extends { tookMs: number }>(run: (e: Engine) => Promise<T>) => {
    const [a, b] = [await run(sq.engine), await run(es)];
    assert.deepEqual(untimed(b), untimed(a));
    return a;
  };

  it('collocates, in windows and in sentences, with filters', async () => {
    for (const q of ['公开', '信息公开 section:problems', '政府信息 year:2015..2025']) {
      for (const sentence of [false, true]) {
        const a = await both((e) => collocates(e, { q, sentence, minFreq: 1, limit: 2000 }));
        assert.ok(a.collocates.length > 0, q);
      }
    }
  });

  it('keywords against another slice and against the rest', async () => {
    const a = await both((e) => keywords(e, { a: 'section:problems', minFreq: 1, minRange: 1, limit: 2000 }));
    assert.ok(a.positive.length > 0 && a.negative.length > 0);
    await both((e) => keywords(e, { a: 'year:2020..2025', b: 'year:2008..2019', minFreq: 2, limit: 2000 }));
  });

  it('n-grams 2–5 and dispersion', async () => {
    for (const n of [2, 3, 4, 5]) await both((e) => ngrams(e, { n, minFreq: 2, minRange: 1, boilerplateShare: 0.2, limit: 2000 }));
    await both((e) => ngrams(e, { q: 'section:problems', n: 2, minFreq: 1, minRange: 1, sort: 'dp' }));
    const d = await both((e) => dispersion(e, { q: '公开', points: 20_000 }));
    assert.ok(d.freq > 0);
  });
});
