// GET /api/recurring, /api/repeats and /api/stat-totals over a real server: the five real
// reports plus ~150 generated and four constructed township reports.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { REAL_DIR } from '../helpers/corpus.js';
import { startServer } from '../helpers/server.js';
import { TOWNSHIP, writeTestCorpus } from './corpus.js';

interface Member {
  reportId: string; ordinal: number; item: number; text: string; issuer: string | null; year: number | null; level: string;
  region: { code: string | null; province: string | null };
  citation: { ordinal: number; section: string; text: string; title: string | null };
}
interface Cluster {
  id: string; representative: string; statements: number; variants: number; reports: number; regions: number; years: number[];
  levels: string[]; members: Member[]; truncated: boolean;
  spread?: { byYear: Array<{ year: number; reports: number }>; byProvince: Array<{ code: string; name: string; reports: number }>; complete: boolean };
}
interface RecurringPage { kind: string; total: number; page: number; size: number; statements: number; clusters: Cluster[]; clustering: Record<string, number>; tookMs: number }
interface ErrorBody { error: string; issues?: Array<{ field: string; problem: string }> }

const norm = (s: string) => s.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '').replace(/\d+/g, '0');

describe('analytics API', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let corpus: ReturnType<typeof writeTestCorpus>;

  before(async () => {
    corpus = writeTestCorpus();
    server = await startServer([REAL_DIR, corpus.dir]);
  });
  after(async () => {
    await server?.close();
    corpus?.dispose();
  });

  const get = async <T>(path: string, status = 200): Promise<T> => {
    const res = await fetch(server.url + path);
    const body = await res.json() as T;
    assert.equal(res.status, status, `${path}: ${JSON.stringify(body).slice(0, 300)}`);
    return body;
  };

  /** Each member's statement is in the passage it cites. */
  async function assertCited(members: Member[]) {
    for (const m of members) {
      const p = await get<{ text: string; section: string; citation: { text: string; ordinal: number } }>(`/api/reports/${m.reportId}/passages/${m.ordinal}`);
      assert.ok(norm(p.text).includes(norm(m.text)), `passage ${m.reportId}#p${m.ordinal} holds “${m.text}”`);
      assert.equal(m.citation.ordinal, m.ordinal);
      assert.equal(m.citation.text, p.citation.text);
      assert.ok(['problems', 'improvements'].includes(p.section));
    }
  }

  it('GET /api/recurring: clusters ranked by spread, with members, citations and spread', async () => {
    const page = await get<RecurringPage>('/api/recurring?size=10&members=5');
    assert.equal(page.kind, 'problems');
    assert.equal(page.page, 1);
    assert.equal(page.size, 10);
    assert.ok(page.total >= 10, `clusters recur in the generated corpus (${page.total})`);
    assert.equal(page.clusters.length, 10);
    for (let i = 1; i < page.clusters.length; i++) assert.ok(page.clusters[i - 1]!.reports >= page.clusters[i]!.reports, 'sorted by reports');
    for (const c of page.clusters) {
      assert.ok(c.representative.length > 0);
      assert.ok(c.reports >= 2, 'minReports defaults to 2');
      assert.ok(c.regions >= 1 && c.regions <= c.reports);
      assert.ok(c.members.length > 0 && c.members.length <= 5);
      assert.equal(c.truncated, c.statements > 5);
      assert.ok(c.spread, 'spread');
      assert.equal(c.spread.complete, true);
      assert.deepEqual(c.spread.byYear.map((y) => y.year), c.years, 'spread by year covers the years');
      assert.ok(c.spread.byYear.every((y) => y.reports >= 1));
      assert.equal(c.spread.byProvince.reduce((a, p) => a + p.reports, 0) >= c.reports, true);
      const inRep = c.members.some((m) => norm(m.text) === norm(c.representative));
      assert.ok(inRep || c.members.length < c.statements, 'the representative is one of the wordings');
    }
    await assertCited(page.clusters.slice(0, 4).flatMap((c) => c.members.slice(0, 3)));
  });

  it('pages without overlap', async () => {
    const a = await get<RecurringPage>('/api/recurring?size=5&members=0');
    const b = await get<RecurringPage>('/api/recurring?size=5&page=2&members=0');
    assert.equal(a.total, b.total);
    assert.equal(b.page, 2);
    const ids = new Set(a.clusters.map((c) => c.id));
    assert.ok(b.clusters.every((c) => !ids.has(c.id)));
    assert.ok(a.clusters.every((c) => c.members.length === 0));
  });

  it('filters by kind, year, region and level', async () => {
    const imp = await get<RecurringPage>('/api/recurring?kind=improvements&size=3');
    assert.equal(imp.kind, 'improvements');
    assert.ok(imp.clusters.length > 0);
    await assertCited(imp.clusters[0]!.members.slice(0, 2));

    const years = await get<RecurringPage>('/api/recurring?year=2020,2021&size=20&members=50');
    assert.ok(years.clusters.length > 0);
    for (const c of years.clusters) {
      assert.ok(c.years.every((y) => y === 2020 || y === 2021), `years ${c.years}`);
      assert.ok(c.members.every((m) => m.year === 2020 || m.year === 2021));
    }
    const region = await get<RecurringPage>('/api/recurring?region=64&minReports=1&size=50&members=50');
    assert.ok(region.clusters.length > 0);
    assert.ok(region.clusters.every((c) => c.members.every((m) => m.region.code?.startsWith('64'))));
    // The real reports (宁夏) are in: their statements cite real passages.
    await assertCited(region.clusters.slice(0, 5).flatMap((c) => c.members.slice(0, 2)));

    const level = await get<RecurringPage>('/api/recurring?level=township&size=10&members=20');
    assert.ok(level.clusters.every((c) => c.levels.every((l) => l === 'township') && c.members.every((m) => m.level === 'township')));
    const high = await get<RecurringPage>('/api/recurring?minReports=1000');
    assert.equal(high.total, 0);
    assert.deepEqual(high.clusters, []);
  });

  it('GET /api/repeats: what one township writes again year after year', async () => {
    const r = await get<{ region: string; name: string | null; reports: number; years: number[]; total: number; clusters: Cluster[] }>(`/api/repeats?region=${TOWNSHIP.code}`);
    assert.equal(r.region, TOWNSHIP.code);
    assert.equal(r.reports, 4);
    assert.deepEqual(r.years, [2019, 2020, 2021, 2022]);
    assert.ok(r.name?.includes(TOWNSHIP.name), `name ${r.name}`);
    assert.ok(r.total >= 1);
    const top = r.clusters[0]!;
    assert.ok(top.representative.includes('村级公开栏'), top.representative);
    assert.equal(top.years.length, 4);
    assert.ok(top.members.every((m) => m.region.code === TOWNSHIP.code));
    await assertCited(top.members);
    const none = await get<{ total: number; clusters: Cluster[]; name: string | null }>('/api/repeats?region=110101001');
    assert.equal(none.total, 0);
    assert.equal(none.name, null);
  });

  it('GET /api/stat-totals: per-year and per-region totals and the reports that do not add up', async () => {
    type Row = { key: string; label: string; reports: number; requestsReceived: number; reportsWithLitigation: number; inconsistentReports: number };
    type Totals = { by: string; rows: Row[]; total: Row; inconsistent: Array<{ reportId: string; title: string | null; failed: Array<{ ok: boolean; detail: string }>; tableSection: number | null }> };
    const y = await get<Totals>('/api/stat-totals');
    assert.equal(y.by, 'year');
    assert.equal(y.total.reports, 5 + 150 + 4);
    assert.equal(y.rows.reduce((a, r) => a + r.reports, 0), y.total.reports);
    assert.equal(y.rows.reduce((a, r) => a + r.requestsReceived, 0), y.total.requestsReceived);
    const keys = y.rows.map((r) => r.key).filter(Boolean).map(Number);
    assert.deepEqual(keys, [...keys].sort((a, b) => a - b));
    assert.ok(y.total.requestsReceived > 0);
    assert.ok(y.total.inconsistentReports >= 1, 'the generator plants tables that do not add up');
    assert.equal(y.inconsistent.length, y.total.inconsistentReports);
    for (const i of y.inconsistent) {
      assert.ok(i.failed.length > 0 && i.failed.every((f) => !f.ok && f.detail.length > 0));
      assert.ok(i.tableSection !== null, 'links to the section with the table');
      const report = await get<{ sections: Array<{ text: string }> }>(`/api/reports/${i.reportId}`);
      assert.ok(report.sections[i.tableSection - 1]!.text.includes('\t'));
    }
    const p = await get<Totals>('/api/stat-totals?by=province&level=township,county');
    assert.equal(p.by, 'province');
    assert.ok(p.rows.length > 1);
    assert.ok(p.rows.every((r) => r.key === '' || /^\d{2}$/.test(r.key)));
    const nx = await get<Totals>('/api/stat-totals?by=city&region=64');
    assert.ok(nx.rows.every((r) => r.key.startsWith('64')));
    const two = await get<Totals>('/api/stat-totals?year=2019&inconsistentLimit=0');
    assert.deepEqual(two.inconsistent, []);
    assert.deepEqual(two.rows.map((r) => r.key), ['2019']);
  });

  it('answers 400 naming the field on bad input', async () => {
    const cases: Array<[string, string]> = [
      ['/api/recurring?kind=both', 'kind'],
      ['/api/recurring?year=abc', 'year.0'],
      ['/api/recurring?region=12345', 'region.0'],
      ['/api/recurring?level=village', 'level.0'],
      ['/api/recurring?minReports=0', 'minReports'],
      ['/api/recurring?page=0', 'page'],
      ['/api/recurring?size=1000', 'size'],
      ['/api/recurring?members=-1', 'members'],
      ['/api/repeats', 'region'],
      ['/api/repeats?region=abc', 'region'],
      ['/api/repeats?region=64&minYears=x', 'minYears'],
      ['/api/stat-totals?by=planet', 'by'],
      ['/api/stat-totals?year=1800', 'year.0'],
      ['/api/stat-totals?inconsistentLimit=99999', 'inconsistentLimit'],
    ];
    for (const [path, field] of cases) {
      const body = await get<ErrorBody>(path, 400);
      assert.ok(body.error.includes(field), `${path}: ${body.error}`);
      assert.equal(body.issues?.[0]?.field, field, path);
    }
  });

  it('is in the OpenAPI document', async () => {
    const doc = await get<{ paths: Record<string, { get: { parameters: Array<{ name: string }> } }> }>('/api/openapi.json');
    for (const [path, params] of [['/api/recurring', ['kind', 'year', 'region', 'level', 'minReports', 'page', 'size']], ['/api/repeats', ['region']], ['/api/stat-totals', ['by', 'year']]] as const) {
      const names = doc.paths[path]?.get.parameters.map((p) => p.name) ?? [];
      for (const n of params) assert.ok(names.includes(n), `${path} ${n}`);
    }
  });
});
