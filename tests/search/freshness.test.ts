// The embedded backend answers from columns it keeps in memory and caches in the index file.
// A server must still see every report another process adds or removes, at once, and a new
// process must answer the same from the cached columns as from the tables.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ingest } from '../../services/ingest/ingest.js';
import { search } from '../../services/search/methods/search.js';
import { trends } from '../../services/search/methods/trends.js';
import { openEngine, type Engine } from '../../services/search/engine.js';
import { realPath } from '../helpers/corpus.js';
import { tempEngine } from '../helpers/engine.js';
import { parsedReal, passagesContaining, type ParsedReal } from '../helpers/parsed.js';

const all = parsedReal();
const Q = '公开';

/** What a user sees for Q: total, the first page's passages, year facet and trend. */
async function view(engine: Engine) {
  const out = await search(engine, { q: Q, facets: true, size: 10 });
  const trend = await trends(engine, { series: [{ q: Q }], by: 'year' });
  return {
    total: out.total,
    page: out.hits.map((h) => h.id),
    years: out.facets!.year.map((b) => [b.value, b.count, b.reports]),
    trend: trend.series[0]!.points.map((p) => [p.key, p.passages, p.reports]),
  };
}

const expectedTotal = (reports: ParsedReal[]) => passagesContaining(reports, Q).length;
/** Total and year facet as the parsed reports give them (every real report has its year). */
const expected = (reports: ParsedReal[]) => {
  const years = new Map<string, number>();
  for (const h of passagesContaining(reports, Q)) years.set(String(h.report.parsed.year), (years.get(String(h.report.parsed.year)) ?? 0) + 1);
  return { total: expectedTotal(reports), years: Object.fromEntries([...years].sort()) };
};
const seenOf = (v: Awaited<ReturnType<typeof view>>) => ({ total: v.total, years: Object.fromEntries(v.years.map(([y, n]) => [y, n]).sort()) });

describe('the embedded index seen by a long-running reader while another process writes', () => {
  let reader: Awaited<ReturnType<typeof tempEngine>>;
  let writer: Engine;
  before(async () => {
    reader = await tempEngine();
    writer = await openEngine(reader.config);
  });
  after(async () => { await writer.backend.close(); await reader.dispose(); });

  it('sees reports added by the other process, without a restart', async () => {
    await ingest(writer, all.slice(0, 2).map((r) => realPath(r.file)));
    assert.deepEqual(seenOf(await view(reader.engine)), expected(all.slice(0, 2)));
    await ingest(writer, all.slice(2).map((r) => realPath(r.file)));
    assert.deepEqual(seenOf(await view(reader.engine)), expected(all));
  });

  it('stops finding a report the other process removed', async () => {
    const gone = all[1]!;
    assert.equal(await writer.backend.remove(gone.id), true);
    const seen = await view(reader.engine);
    assert.deepEqual(seenOf(seen), expected(all.filter((r) => r !== gone)));
    assert.ok(!seen.page.some((id) => id.startsWith(gone.id)), 'a removed report still appears on the page');
  });

  it('answers the same in a new process, from the cached columns and from the tables', async () => {
    const before = await view(reader.engine);
    await new Promise((r) => setTimeout(r, 50)); // the reader stores its columns after answering
    const fresh = await openEngine(reader.config);
    try { assert.deepEqual(await view(fresh), before); } finally { await fresh.backend.close(); }

    // A damaged cache is ignored, not trusted.
    const db = new Database(join(reader.dir, 'gongkai.sqlite'));
    assert.equal(db.prepare('SELECT count(*) FROM column_snapshot').pluck().get(), 1, 'the columns were not cached');
    db.prepare('UPDATE column_snapshot SET data = ?').run(Buffer.from('not a snapshot'));
    db.close();
    const rebuilt = await openEngine(reader.config);
    try { assert.deepEqual(await view(rebuilt), before); } finally { await rebuilt.backend.close(); }
  });
});
