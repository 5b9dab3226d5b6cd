// copy:>0.5 and the copy facet on the embedded index: a filtered search returns exactly the
// reports whose copy rate against their previous year meets the bound.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { copyRates } from '../../services/analytics/copy/corpus.js';
import { lineageOf } from '../../services/analytics/lineage/index.js';
import { ingest } from '../../services/ingest/ingest.js';
import { search } from '../../services/search/methods/search.js';
import { lineageCorpus, sqliteEngine } from './lineage-corpus.js';

let sq: Awaited<ReturnType<typeof sqliteEngine>>;
let corpus: ReturnType<typeof lineageCorpus>;

before(async () => {
  corpus = lineageCorpus(20, 17);
  sq = await sqliteEngine();
  const s = await ingest(sq.engine, [corpus.dir]);
  assert.deepEqual(s.failed, []);
});
after(async () => {
  await sq.dispose();
  corpus.dispose();
});

async function reportsOf(q: string): Promise<Set<string>> {
  const out = new Set<string>();
  for (let page = 1; ; page++) {
    const r = await search(sq.engine, { q, collapse: true, size: 100, page });
    for (const h of r.hits) out.add(h.reportId);
    if (r.hits.length < 100) return out;
  }
}

test('copy:>0.5 returns exactly the reports copied more than half from their previous year', async () => {
  const rates = await copyRates(sq.engine);
  const want = new Set(rates.summaries.filter((_, i) => rates.previousRate[i]! > 0.5).map((s) => s.id));
  assert.ok(want.size > 0 && want.size < rates.reports, 'the corpus has reports on both sides of 0.5');
  assert.deepEqual(await reportsOf('copy:>0.5'), want);
  const low = await reportsOf('copy:<=50%');
  for (const id of low) assert.ok(!want.has(id));
  // A first-year report has no previous report, so it is in neither.
  const first = rates.summaries.find((s, i) => Number.isNaN(rates.previousRate[i]!))!;
  assert.equal((await lineageOf(sq.engine, first.id))!.previous, null);
  assert.ok(!want.has(first.id) && !low.has(first.id));
});

test('the copy facet counts reports per band under the other filters', async () => {
  const r = await search(sq.engine, { q: '', collapse: true, facets: true, size: 1 });
  const bands = r.facets!.copy!;
  const rates = await copyRates(sq.engine);
  const pairs = [...rates.previousRate].filter((x) => !Number.isNaN(x)).length;
  assert.equal(bands.reduce((a, b) => a + b.reports, 0), pairs);
  const high = await search(sq.engine, { q: 'copy:>=0.8', collapse: true, facets: true, size: 1 });
  assert.deepEqual(high.facets!.copy!.filter((b) => b.reports > 0).map((b) => b.value), bands.filter((b) => b.value === '0.8-1' && b.reports > 0).map((b) => b.value));
  assert.equal(high.understood.includes('copy:>=0.8'), true);
});

test('a copy bound that cannot be read is ignored with a warning in Chinese', async () => {
  const r = await search(sq.engine, { q: 'copy:很多', collapse: true, size: 1 });
  assert.match(r.warnings[0]!.message, /无法理解 copy:很多/);
});
