// Where a search's time goes in the embedded backend, step by step, for the benchmark's
// search queries on an existing index:
//   npx tsx scripts/bench-profile.ts bench-results/indexes/sqlite-n100000-s1 [repeats]
// Steps: FTS5 evaluating the match (ids only) · the same with BM25 for every match · filters,
// facets and the page over the in-memory columns · reading the page's rows. Medians, ms.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { planOf } from '../services/search/engine.js';
import type { SqliteBackend } from '../services/search/sqlite/backend.js';
import { Columns } from '../services/search/sqlite/columns.js';
import { tallyFacets } from '../services/search/sqlite/facets.js';
import { filterMask } from '../services/search/sqlite/filter-mask.js';
import { findMatches } from '../services/search/sqlite/matches.js';
import { rankPage } from '../services/search/sqlite/rank.js';
import { Filters } from '../services/search/types.js';
import { MIX, openFor } from './bench/queries.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: npx tsx scripts/bench-profile.ts <data dir> [repeats]');
const repeats = Number(process.argv[3] ?? 5);
const engine = await openFor('sqlite', dir);
const db = new Database(join(dir, 'gongkai.sqlite'), { readonly: true });
const t0 = performance.now();
const cols = Columns.sync(db, undefined);
const loadMs = performance.now() - t0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (f: () => unknown) => { const s = performance.now(); f(); return performance.now() - s; };

console.log(`${cols.maxReport} reports, ${cols.maxPassage} passages; columns loaded in ${loadMs.toFixed(0)} ms (from the cached snapshot when present)`);
console.log('| query | matches | FTS5 match, ids | + BM25 | filters, facets, page | read page rows | µs per match: match / BM25 |');
console.log('|---|---|---|---|---|---|---|');
for (const q of MIX) {
  if (!('search' in q.run)) continue;
  const input = q.run.search;
  const { plan } = planOf(engine, input.q ?? '', Filters.parse(input.filters ?? {}), { sort: 'relevance', offset: 0, limit: 20, collapse: false });
  const s = { ids: [] as number[], scored: [] as number[], js: [] as number[], rows: [] as number[] };
  let n = 0;
  for (let i = 0; i < repeats; i++) {
    s.ids.push(time(() => { n = findMatches(db, cols, plan, false).ids.length; }));
    let m = findMatches(db, cols, plan, true);
    s.scored.push(time(() => { m = findMatches(db, cols, plan, true); }));
    let page: ReturnType<typeof rankPage>['page'] = [];
    s.js.push(time(() => { const mask = filterMask(cols, plan.filters); page = rankPage(cols, m, mask, plan).page; tallyFacets(cols, m.ids, mask); }));
    const ids = JSON.stringify(page.map((e) => m.ids[e.i]));
    s.rows.push(time(() => db.prepare(`SELECT p.text, r.title FROM passages p CROSS JOIN reports r ON r.id = p.report_id
      WHERE p.id IN (SELECT value FROM json_each(?))`).all(ids)));
  }
  const [a, b, c, d] = [median(s.ids), median(s.scored), median(s.js), median(s.rows)];
  const per = (ms: number) => (n ? ((ms * 1000) / n).toFixed(2) : '–');
  console.log(`| ${q.id} | ${n} | ${a.toFixed(1)} | ${(b - a).toFixed(1)} | ${c.toFixed(1)} | ${d.toFixed(1)} | ${per(a)} / ${per(b - a)} |`);
}
await (engine.backend as SqliteBackend).close();
db.close();
