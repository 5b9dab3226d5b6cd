// GET /api/stat-series (+ .csv), /api/stat-series/reports and /api/stat-outliers over a real
// server: the five real reports, ~150 generated reports (their truth says what the series
// must sum to) and twelve constructed 2021 county reports, one of which refuses everything.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateReport } from '../../services/corpus-gen/index.js';
import type { StatOutliersResponse, StatPointResponse, StatSeriesResponse } from '../../services/analytics/methods/stat-series.js';
import { REAL_DIR } from '../helpers/corpus.js';
import { startServer } from '../helpers/server.js';
import { writeTestCorpus } from './corpus.js';

const GENERATED = { seed: 4242, n: 150 };
const COUNTIES = ['永宁县', '贺兰县', '平罗县', '盐池县', '同心县', '西吉县', '隆德县', '泾源县', '彭阳县', '中宁县', '海原县', '灵武市'];
/** The county that refuses all its 40 requests while the others grant 36 of 40. */
const REFUSER = '西吉县';

const R = (label: string, n: number) => `${label}\t${n}\t0\t0\t0\t0\t0\t${n}`;
function countyReport(name: string): string {
  const granted = name === REFUSER ? 0 : 36;
  return `${name}人民政府2021年政府信息公开工作年度报告

一、总体情况

2021年，${name}认真落实政务公开各项要求。

三、收到和处理政府信息公开申请情况

\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计
${R('一、本年新收政府信息公开申请数量', 40)}
${R('二、上年结转政府信息公开申请数量', 0)}
${R('三、本年度办理结果\t(一) 予以公开', granted)}
${R('(二) 部分公开', 0)}
${R('(三) 不予公开\t4.保护第三方合法权益', 40 - granted)}
${R('(六) 其他处理\t3.其他', 0)}
${R('(七) 总计', 40)}
${R('四、结转下年度继续办理', 0)}

五、存在的主要问题及改进情况

无。
`;
}

describe('stat-series API', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let corpus: ReturnType<typeof writeTestCorpus>;
  let counties: string;

  before(async () => {
    corpus = writeTestCorpus({ generated: GENERATED.n, seed: GENERATED.seed });
    counties = mkdtempSync(join(tmpdir(), 'gongkai-counties-'));
    COUNTIES.forEach((c, i) => writeFileSync(join(counties, `county-${i}.txt`), countyReport(c)));
    server = await startServer([REAL_DIR, corpus.dir, counties]);
  });
  after(async () => {
    await server?.close();
    corpus?.dispose();
    if (counties) rmSync(counties, { recursive: true, force: true });
  });

  const get = async <T>(path: string, status = 200): Promise<T> => {
    const res = await fetch(server.url + path);
    const body = await res.json() as T;
    assert.equal(res.status, status, `${path}: ${JSON.stringify(body).slice(0, 300)}`);
    return body;
  };

  it('sums a measure over all three formats to the generator\'s truth, year by year, and marks the format changes', async () => {
    const s = await get<StatSeriesResponse>('/api/stat-series?metric=requests.new&by=year');
    const truth = new Map<number, { sum: number; reports: number }>();
    for (let i = 0; i < GENERATED.n; i++) {
      const t = generateReport(GENERATED.seed, i).truth;
      const e = truth.get(t.year) ?? { sum: 0, reports: 0 };
      e.sum += t.measures['requests.new']!;
      e.reports++;
      truth.set(t.year, e);
    }
    truth.set(2021, { sum: (truth.get(2021)?.sum ?? 0) + 40 * COUNTIES.length, reports: (truth.get(2021)?.reports ?? 0) + COUNTIES.length });
    for (const real of [2017, 2018, 2019, 2020, 2023]) { // the real reports: every one 0 requests
      const e = truth.get(real) ?? { sum: 0, reports: 0 };
      truth.set(real, { sum: e.sum, reports: e.reports + 1 });
    }
    assert.deepEqual(s.points.map((p) => [Number(p.key), p.value, p.reports]),
      [...truth].sort((a, b) => a[0] - b[0]).map(([y, e]) => [y, e.sum, e.reports]));
    assert.equal(s.metric.label, '本年新收申请');
    assert.deepEqual(s.metric.formats, ['pre2019', '2019', '2021']);
    // The markers: 2019 (统计表 → 2019年试行格式) and 2021 (→ 2021年格式), nowhere else.
    assert.deepEqual(s.points.filter((p) => p.formatChange).map((p) => [p.key, p.format]), [['2019', '2019'], ['2021', '2021']]);
    assert.ok(s.points.every((p) => p.small === p.reports < 30), 'small ⇔ fewer than 30 reports');
  });

  it('a rate: pooled with its sample size, small samples flagged by the configured N, the reports behind a point with their own rates', async () => {
    const s = await get<StatSeriesResponse>('/api/stat-series?metric=disclosure_rate&by=year&minReports=5');
    const p2021 = s.points.find((p) => p.key === '2021')!;
    const behind = await get<StatPointResponse>('/api/stat-series/reports?metric=disclosure_rate&year=2021&size=200');
    assert.equal(behind.total, p2021.reports);
    const num = behind.reports.reduce((a, r) => a + r.numerator!, 0);
    const den = behind.reports.reduce((a, r) => a + r.denominator!, 0);
    assert.equal(p2021.numerator, num);
    assert.equal(p2021.denominator, den);
    assert.equal(p2021.value, num / den);
    assert.equal(p2021.small, p2021.reports < 5);
    for (const r of behind.reports) assert.equal(r.value, r.numerator! / r.denominator!);
    // The refusing county's own rate is 0 of 40; the real reports decided nothing: no rate, so left out.
    assert.deepEqual(behind.reports.filter((r) => r.issuer?.includes(REFUSER)).map((r) => [r.numerator, r.denominator]), [[0, 40]]);
    assert.ok(s.excluded.notDefined >= 5, `${s.excluded.notDefined} reports without a rate`);
    // A pre-2019-only rate leaves the six-part reports out as "format without it", never as 0.
    const w = await get<StatSeriesResponse>('/api/stat-series?metric=website_share&by=year');
    assert.ok(w.points.every((p) => Number(p.key) <= 2018 && p.formats['2019'] === 0 && p.formats['2021'] === 0));
    assert.ok(w.excluded.formatWithout > 0);
  });

  it('lists the county far from its peers (same level and year), with the numbers', async () => {
    const o = await get<StatOutliersResponse>('/api/stat-outliers?rate=disclosure_rate&level=county&year=2021');
    const refuser = o.outliers.find((x) => x.issuer?.includes(REFUSER));
    assert.ok(refuser, JSON.stringify(o.outliers.map((x) => x.issuer)));
    assert.equal(refuser.numerator, 0);
    assert.equal(refuser.denominator, 40);
    assert.ok(refuser.z <= -3, `z ${refuser.z}`);
    // Its peers' rate: the other 2021 county reports' granted ÷ decided, from the reports behind the point.
    const peers = (await get<StatPointResponse>('/api/stat-series/reports?metric=disclosure_rate&year=2021&level=county&size=200')).reports
      .filter((r) => r.reportId !== refuser.reportId);
    assert.equal(refuser.peers, peers.length);
    assert.ok(Math.abs(refuser.peerRate - peers.reduce((a, r) => a + r.numerator!, 0) / peers.reduce((a, r) => a + r.denominator!, 0)) < 1e-12);
    assert.ok(!o.outliers.some((x) => COUNTIES.filter((c) => c !== REFUSER).some((c) => x.issuer?.includes(c))), 'the counties granting 36 of 40 are not outliers');
  });

  it('CSV export: the definition and the sample-size rule in the header, one row a point', async () => {
    const res = await fetch(`${server.url}/api/stat-series.csv?metric=review_correction_rate&by=level&minReports=10`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/csv/);
    const text = (await res.text()).replace(/^\uFEFF/, '');
    const lines = text.split('\r\n');
    assert.match(lines[0]!, /^# 指标：复议纠错率/);
    assert.ok(lines.some((l) => l.includes('复议结果纠正 ÷ 复议审结')), 'the definition');
    assert.ok(lines.some((l) => l.includes('报告数少于 10')), 'the sample-size rule with the configured N');
    const header = lines.find((l) => !l.startsWith('#'))!;
    assert.match(header, /^层级,代码,报告数,值,每份报告,分子,分母,样本不足/);
    const json = await get<StatSeriesResponse>('/api/stat-series?metric=review_correction_rate&by=level&minReports=10');
    assert.equal(lines.filter((l) => l && !l.startsWith('#')).length, 1 + json.points.length + 1); // header, points, 合计
  });

  it('rejects an unknown metric with the field named', async () => {
    const body = await get<{ issues?: Array<{ field: string }> }>('/api/stat-series?metric=nope', 400);
    assert.ok(body.issues?.some((i) => i.field === 'metric'));
  });
});
