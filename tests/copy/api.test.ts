// The lineage, copy and compare endpoints over a generated lineage corpus, as a client sees them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from '../helpers/server.js';
import { lineageCorpus } from './lineage-corpus.js';

let server: Awaited<ReturnType<typeof startServer>>;
let corpus: ReturnType<typeof lineageCorpus>;
const get = async (path: string) => {
  const res = await fetch(server.url + path);
  return { status: res.status, body: await res.json() as Record<string, any> };
};

before(async () => {
  corpus = lineageCorpus(12, 29);
  server = await startServer([corpus.dir]);
});
after(async () => {
  await server.close();
  corpus.dispose();
});

test('a report names its unit\'s other years; its previous year compares and carries the copy rate', async () => {
  const copied = await get('/api/copy/copied?min=0&limit=500');
  assert.equal(copied.status, 200);
  const rates = copied.body.reports.map((r: { copyRate: number }) => r.copyRate);
  assert.deepEqual(rates, [...rates].sort((x: number, y: number) => y - x), 'highest first');
  const first = copied.body.reports[0];
  const lineage = await get(`/api/reports/${first.report.id}/lineage`);
  assert.equal(lineage.status, 200);
  const years = lineage.body.reports.map((r: { year: number }) => r.year);
  assert.deepEqual(years, [...years].sort((x: number, y: number) => x - y));
  assert.equal(lineage.body.previous.id, first.previous.id);
  assert.ok(lineage.body.previous.year < first.report.year);

  const copy = await get(`/api/reports/${first.report.id}/copy`);
  assert.equal(copy.body.previous.report.id, first.previous.id);
  const cmp = await get(`/api/compare?a=${first.previous.id}&b=${first.report.id}`);
  assert.equal(cmp.status, 200);
  assert.equal(cmp.body.copyRate.toFixed(3), copy.body.previous.copyRate.toFixed(3), 'the page and the report agree');
  assert.ok(cmp.body.boilerplateShare >= 0 && cmp.body.boilerplateShare <= 1);
  assert.ok(cmp.body.sections.length > 0 && cmp.body.cells.length > 0);
});

test('reports copied more than half, and the trend by year and level', async () => {
  const half = await get('/api/copy/copied');
  for (const r of half.body.reports) assert.ok(r.copyRate > 0.5);
  const trend = await get('/api/copy/trend');
  const pairs = trend.body.points.reduce((a: number, p: { pairs: number }) => a + p.pairs, 0);
  const all = await get('/api/copy/copied?min=0&limit=500');
  assert.ok(pairs >= all.body.total, 'every pair counted once by year and level');
  assert.equal(trend.body.points.reduce((a: number, p: { overHalf: number }) => a + p.overHalf, 0), half.body.total);
});

test('unknown and malformed report ids are answered in Chinese', async () => {
  const missing = await get('/api/reports/0123456789abcdef/lineage');
  assert.equal(missing.status, 404);
  assert.match(missing.body.error, /没有编号为/);
  const bad = await get('/api/compare?a=xyz&b=0123456789abcdef');
  assert.equal(bad.status, 400);
  assert.match(bad.body.error, /无效/);
});
