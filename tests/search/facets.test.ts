// Counts that researchers compare across regions and years must be exact:
// facets and trends are checked against counts computed from the parsed reports directly.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ingest } from '../../services/ingest/ingest.js';
import { search } from '../../services/search/methods/search.js';
import { trends } from '../../services/search/methods/trends.js';
import { concordance } from '../../services/search/methods/concordance.js';
import { REAL_DIR } from '../helpers/corpus.js';
import { tempEngine } from '../helpers/engine.js';
import { parsedReal, passagesContaining } from '../helpers/parsed.js';

const reports = parsedReal();
const countBy = <T>(items: T[], key: (t: T) => string | number | null) => {
  const m = new Map<string, number>();
  for (const it of items) { const k = key(it); if (k !== null) m.set(String(k), (m.get(String(k)) ?? 0) + 1); }
  return Object.fromEntries([...m].sort());
};
const bucketsOf = (b: Array<{ value: string; count: number }>) => Object.fromEntries(b.map((x) => [x.value, x.count]).sort());

describe('facets, trends and concordance on the real reports', () => {
  let t: Awaited<ReturnType<typeof tempEngine>>;
  before(async () => { t = await tempEngine(); await ingest(t.engine, [REAL_DIR]); });
  after(async () => { await t.dispose(); });

  for (const q of ['公开', '微信', '政策解读', '培训']) {
    it(`facet counts for ${q} equal the counts of the parsed passages`, async () => {
      const hits = passagesContaining(reports, q);
      const out = await search(t.engine, { q, facets: true, size: 1 });
      assert.equal(out.total, hits.length);
      assert.deepEqual(bucketsOf(out.facets!.year), countBy(hits, (h) => h.report.parsed.year));
      assert.deepEqual(bucketsOf(out.facets!.section), countBy(hits, (h) => h.passage.section));
      assert.deepEqual(bucketsOf(out.facets!.level), countBy(hits, (h) => h.report.parsed.level));
      assert.deepEqual(bucketsOf(out.facets!.theme), countBy(hits.flatMap((h) => h.passage.themes.map((th) => ({ th }))), (x) => x.th));
      const counties = countBy(hits, (h) => h.report.parsed.region.code?.slice(0, 6) ?? null);
      const tree = Object.fromEntries(out.facets!.region.flatMap((p) => p.children.flatMap((c) => c.children)).map((c) => [c.value, c.count]).sort());
      assert.deepEqual(tree, counties);
    });
  }

  it('the region facet stops at counties; a chosen county shows its townships, counted exactly', async () => {
    const hits = passagesContaining(reports, '公开');
    const all = await search(t.engine, { q: '公开', facets: true, size: 1 });
    const deepest = (nodes: NonNullable<typeof all.facets>['region']): string[] => nodes.flatMap((n) => [n.level, ...deepest(n.children)]);
    assert.ok(!deepest(all.facets!.region).includes('township'), 'no township without its county chosen');
    const townships = countBy(hits.filter((h) => h.report.parsed.region.township), (h) => h.report.parsed.region.code!.slice(0, 6));
    const county = Object.keys(townships)[0];
    assert.ok(county, 'the real reports hold a township report');
    const chosen = await search(t.engine, { q: '公开', facets: true, size: 1, filters: { regions: [county] } });
    const node = chosen.facets!.region.flatMap((p) => p.children.flatMap((c) => [c, ...c.children])).find((n) => n.value === county)!;
    assert.ok(node.selected);
    const want = countBy(hits.filter((h) => h.report.parsed.region.code?.startsWith(county) && h.report.parsed.region.township), (h) => h.report.parsed.region.code!);
    assert.deepEqual(bucketsOf(node.children), want);
  });

  it('is disjunctive within a facet: choosing a year keeps the other years\' counts', async () => {
    const all = await search(t.engine, { q: '公开', facets: true, size: 1 });
    const year = all.facets!.year[0]!;
    const one = await search(t.engine, { q: '公开', facets: true, size: 1, filters: { years: [Number(year.value)] } });
    assert.equal(one.total, year.count);
    assert.deepEqual(bucketsOf(one.facets!.year), bucketsOf(all.facets!.year));
    assert.ok(one.facets!.year.find((b) => b.value === year.value)!.selected);
    // Other facets narrow to the chosen year.
    const sectionsOfYear = countBy(passagesContaining(reports, '公开').filter((h) => String(h.report.parsed.year) === year.value), (h) => h.passage.section);
    assert.deepEqual(bucketsOf(one.facets!.section), sectionsOfYear);
  });

  it('filters by region names typed in the query, at any level of the gazetteer', async () => {
    const byProvince = (name: string) => new Set(reports.filter((r) => r.parsed.region.province === name).map((r) => r.id));
    const ningxia = await search(t.engine, { q: '公开 region:宁夏', collapse: true, size: 100 });
    assert.deepEqual(new Set(ningxia.hits.map((h) => h.reportId)), byProvince('宁夏回族自治区'));
    const xiayi = await search(t.engine, { q: '公开 region:夏邑县', collapse: true, size: 100 });
    assert.deepEqual(new Set(xiayi.hits.map((h) => h.reportId)), byProvince('河南省'));
    const pengyang = await search(t.engine, { q: 'region:彭阳', collapse: true, size: 100 });
    assert.deepEqual(pengyang.hits.map((h) => h.report.region.county), ['彭阳县']);
    const nowhere = await search(t.engine, { q: '公开 region:不存在的地方', size: 1 });
    assert.deepEqual(nowhere.warnings.map((w) => w.code), ['no_region']);
    assert.match(nowhere.warnings[0]!.message, /没有找到名为「不存在的地方」的地区/);
  });

  it('gives per-year trend values: matching reports and their share of that year\'s reports', async () => {
    const out = await trends(t.engine, { series: [{ q: '微信' }, { theme: 'staffing' }] });
    const [wechat, staffing] = out.series;
    const perYear = countBy(reports, (r) => r.parsed.year);
    for (const p of wechat!.points) {
      const matching = new Set(passagesContaining(reports, '微信').filter((h) => String(h.report.parsed.year) === p.key).map((h) => h.report.id));
      assert.equal(p.reports, matching.size, `year ${p.key}`);
      assert.equal(p.totalReports, perYear[p.key]);
      assert.equal(p.share, Math.round((matching.size / perYear[p.key]!) * 1e4) / 1e4);
    }
    const staffed = new Set(reports.filter((r) => r.parsed.passages.some((p) => p.themes.includes('staffing'))).map((r) => r.id));
    assert.equal(staffing!.points.reduce((s, p) => s + p.reports, 0), staffed.size);
  });

  it('lists every occurrence in context (KWIC), exactly, sortable by either side', async () => {
    const out = await concordance(t.engine, { q: '微信', width: 5 });
    const expected = reports.flatMap((r) => r.parsed.passages.flatMap((p) => {
      const lines: string[] = [];
      for (let i = p.text.indexOf('微信'); i >= 0; i = p.text.indexOf('微信', i + 2)) {
        lines.push(`${p.text.slice(Math.max(0, i - 5), i)}[微信]${p.text.slice(i + 2, i + 7)}`);
      }
      return lines;
    }));
    assert.equal(out.total, expected.length);
    assert.deepEqual(out.lines.map((l) => `${l.left}[${l.keyword}]${l.right}`).sort(), expected.sort());
    const right = await concordance(t.engine, { q: '微信', width: 5, sort: 'right' });
    const rights = right.lines.map((l) => l.right);
    assert.deepEqual(rights, [...rights].sort(new Intl.Collator('zh').compare));
    for (const l of out.lines) assert.match(l.citation.text, /第\d+段/);
  });
});
