// The first slice end to end: the real reports become an embedded index that finds them.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { ingest } from '../../services/ingest/ingest.js';
import { reportId } from '../../services/ingest/to-indexed.js';
import { search } from '../../services/search/methods/search.js';
import { realPath, realReports, REAL_DIR } from '../helpers/corpus.js';
import { tempEngine } from '../helpers/engine.js';

const truth = realReports();
const idOf = (file: string) => reportId(createHash('sha256').update(readFileSync(realPath(file))).digest('hex'));

describe('ingesting the real reports', () => {
  let t: Awaited<ReturnType<typeof tempEngine>>;
  before(async () => { t = await tempEngine(); });
  after(async () => { await t.dispose(); });

  it('indexes every report, with no failure', async () => {
    const summary = await ingest(t.engine, [REAL_DIR]);
    assert.deepEqual(summary.failed, []);
    assert.equal(summary.indexed, truth.length);
    assert.ok(summary.passages > truth.length * 10, `only ${summary.passages} passages`);
  });

  it('gives each report its year and township from INDEX.tsv', async () => {
    for (const row of truth) {
      const report = await t.engine.backend.report(idOf(row.file));
      assert.ok(report, `${row.file} is indexed`);
      assert.equal(report.year, row.year, `${row.file} year`);
      assert.equal(report.region.township, row.township, `${row.file} township`);
      assert.equal(report.region.county, row.county, `${row.file} county`);
    }
  });

  it('finds by 微信 every report whose text contains 微信 once PDF spaces are removed', async () => {
    const expected = truth.filter((r) => readFileSync(realPath(r.file), 'utf8').replace(/\s+/g, '').includes('微信')).map((r) => idOf(r.file)).sort();
    assert.ok(expected.length >= 2, 'the corpus has reports mentioning 微信');
    const out = await search(t.engine, { q: '微信', collapse: true, size: 100 });
    assert.deepEqual(out.hits.map((h) => h.reportId).sort(), expected);
    for (const h of out.hits) assert.match(h.html, /<mark>微信<\/mark>/);
  });

  it('changes nothing when the same files are ingested again', async () => {
    const before = await t.engine.backend.info();
    const summary = await ingest(t.engine, [REAL_DIR]);
    assert.equal(summary.unchanged, truth.length);
    assert.equal(summary.indexed + summary.replaced, 0);
    const afterInfo = await t.engine.backend.info();
    assert.equal(afterInfo.reports, before.reports);
    assert.equal(afterInfo.passages, before.passages);
  });
});
