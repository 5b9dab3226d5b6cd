// The query parser and the embedded backend under arbitrary query strings: the parser
// never throws and stays bounded; SQLite never sees user text as FTS5 syntax.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { ingest } from '../../services/ingest/ingest.js';
import { segmenter } from '../../services/pipeline/segment/segmenter.js';
import { search } from '../../services/search/methods/search.js';
import { concordance } from '../../services/search/methods/concordance.js';
import { trends } from '../../services/search/methods/trends.js';
import { parseQuery } from '../../services/search/query/parse.js';
import { matchExpr } from '../../services/search/sqlite/match.js';
import { REAL_DIR } from '../helpers/corpus.js';
import { tempEngine } from '../helpers/engine.js';
import { checkProperty } from '../helpers/property.js';

const RUNS = 300;
const OPERATORS = ['"', "'", '\\', 'OR', 'AND', 'NOT', 'NEAR(', ')', '(', '*', '^', ':', 'words', 'grams', '-', '+', '{', '}',
  'section:', 'year:', 'year:1..9999', 'theme:', 'region:', 'level:', '“', '”', '「', '\u0000', '\ud83d', '\ude00', '𠀀', '微信',
  '公众号', '政府', ' ', '　', '\u3000', 'ＯＲ', '－', '：'];
const queryText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(fc.constantFrom(...OPERATORS), { maxLength: 40 }).map((a) => a.join('')),
  fc.array(fc.constantFrom(...OPERATORS), { maxLength: 40 }).map((a) => a.join(' ')),
);

describe('the query parser', () => {
  const seg = segmenter();
  it('never throws, and what it returns is bounded and well formed', (ctx) => {
    checkProperty(ctx, fc.property(queryText, (raw) => {
      const q = parseQuery(raw, seg);
      assert.ok(q.groups.flat().length + q.exclude.length <= 32 + 32);
      assert.ok(q.groups.length <= 32);
      for (const t of [...q.groups.flat(), ...q.exclude]) {
        assert.ok(t.text.length > 0, 'no empty term');
        assert.ok(!/[\u0000-\u001f]/.test(t.text), 'no control characters');
        for (const g of t.grams) assert.ok(!/\s/.test(g), `gram without space: ${JSON.stringify(g)}`);
      }
      assert.equal(typeof q.understood, 'string');
      const expr = matchExpr(q);
      if (expr !== null) assert.ok(expr.length > 0);
    }), { numRuns: RUNS * 10, seed: 7 });
  });
});

describe('the embedded backend under arbitrary queries', () => {
  let t: Awaited<ReturnType<typeof tempEngine>>;
  before(async () => {
    t = await tempEngine();
    const summary = await ingest(t.engine, [REAL_DIR]);
    assert.deepEqual(summary.failed, []);
  });
  after(async () => { await t.dispose(); });

  it('search, concordance and trends answer every query string without an engine error', async (ctx) => {
    await checkProperty(ctx, fc.asyncProperty(queryText, async (q) => {
      const out = await search(t.engine, { q, size: 5, facets: true });
      assert.ok(out.total >= out.hits.length);
      for (const h of out.hits) assert.match(h.reportId, /^[0-9a-f]{16}$/);
      if (q.length >= 1 && q.length <= 200) await concordance(t.engine, { q, limit: 5 });
      await trends(t.engine, { series: [{ q: q.slice(0, 1000) }] });
    }), { numRuns: RUNS, seed: 11 });
  });

  it('finds any passage by a quoted verbatim piece of its text', async (ctx) => {
    const sample = await search(t.engine, { q: '', size: 100, facets: false });
    const texts = sample.hits.map((h) => ({ id: h.id, text: h.text })).filter((p) => p.text.length >= 8);
    await checkProperty(ctx, fc.asyncProperty(fc.constantFrom(...texts), fc.nat(), fc.integer({ min: 2, max: 12 }), async (p, at, len) => {
      const start = at % (p.text.length - 1);
      const piece = p.text.slice(start, start + len);
      // A quote inside would end the quoted phrase: such pieces are not verbatim queries.
      fc.pre(piece.replace(/\s/g, '').length >= 2 && !/["“”「」『』]/.test(piece));
      const out = await search(t.engine, { q: `"${piece}"`, size: 100, facets: false });
      assert.ok(out.total >= 1, `"${piece}" finds nothing`);
    }), { numRuns: RUNS, seed: 13 });
  });
});
