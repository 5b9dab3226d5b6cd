// 跨格式序列 on 统计数字 in a real browser, over the real reports plus ~150 generated ones:
// the rate by year with the format changes marked and small samples greyed (the threshold
// configurable), a click on a point lists the reports behind it and opens one in the reader,
// the measure by level as bars, the CSV link carrying the choices, and the outliers listed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StatPointResponse, StatSeriesResponse } from '../../services/analytics/methods/stat-series.js';
import { writeTestCorpus } from '../analytics-api/corpus.js';
import { REAL_DIR } from '../helpers/corpus.js';
import { browserApp, skipReason } from './support.js';

const reason = skipReason();

describe('跨格式序列 in Chromium', { skip: reason ?? false }, () => {
  const app = browserApp(() => { const corpus = writeTestCorpus(); return { dirs: [REAL_DIR, corpus.dir], dispose: corpus.dispose }; });
  const open = app.open;

  const api = async <T>(path: string) => (await fetch(app.url + path)).json() as Promise<T>;

  it('draws the rate by year with the format changes marked and small samples greyed, and lists the reports behind a clicked point', async () => {
    const { page, errors } = await open('/numbers');
    const section = page.getByTestId('stat-series');
    await section.locator('.series-dot').first().waitFor();
    const expected = await api<StatSeriesResponse>('/api/stat-series?metric=disclosure_rate&by=year&minReports=30');
    const drawn = expected.points.filter((p) => p.key !== '' && p.value !== null);
    assert.equal(await section.locator('.series-dot').count(), drawn.length);
    assert.equal(await section.locator('.series-dot.is-small').count(), drawn.filter((p) => p.small).length);
    assert.match(await section.getByTestId('series-definition').innerText(), /实质公开率：（予以公开 \+ 部分公开）÷ 办结申请/);
    // The two format changes, named in Chinese on the chart.
    const markers = await section.locator('.recharts-wrapper text').filter({ hasText: /格式$/ }).allTextContents();
    assert.deepEqual(markers.map((t) => t.trim()), ['2019年试行格式', '2021年格式']);
    // Every row of the table has its sample size; rows under N say so.
    const rows = section.locator('.stat-series-table tbody tr');
    assert.equal(await rows.count(), expected.points.length);
    assert.equal(await section.locator('.stat-series-table tr.is-small .small-flag').count(), expected.points.filter((p) => p.small).length);

    // N = 3: fewer points are greyed, as the API says for minReports=3.
    await section.getByLabel('最少报告数').fill('3');
    const n3 = await api<StatSeriesResponse>('/api/stat-series?metric=disclosure_rate&by=year&minReports=3');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=stat-series] .series-dot.is-small').length === n, n3.points.filter((p) => p.small && p.value !== null).length);
    assert.match(await section.getByTestId('series-csv').getAttribute('href') ?? '', /stat-series\.csv\?.*metric=disclosure_rate.*minReports=3/);

    // Click the point with the most reports: its reports are listed with their own numbers.
    const top = [...drawn].sort((a, b) => b.reports - a.reports)[0]!;
    await section.locator(`.series-dot[data-key="${top.key}"]`).click();
    const list = section.getByTestId('series-reports');
    await list.locator('.series-report').first().waitFor();
    const behind = await api<StatPointResponse>(`/api/stat-series/reports?metric=disclosure_rate&year=${top.key}`);
    assert.equal(behind.total, top.reports);
    assert.equal(await list.locator('.series-report').count(), Math.min(50, behind.total));
    const first = behind.reports[0]!;
    assert.match(await list.locator('.series-report').first().innerText(), new RegExp(`${first.numerator} / ${first.denominator}`));
    await list.locator('.series-report a').first().click();
    await page.waitForURL((u) => u.pathname === `/reports/${first.reportId}`);
    assert.deepEqual(errors, []);
  });

  it('a measure by level as bars; the outliers section belongs to rates only', async () => {
    const { page, errors } = await open('/numbers');
    const section = page.getByTestId('stat-series');
    await section.locator('.series-dot').first().waitFor();
    await section.getByTestId('series-outliers').waitFor();
    await section.getByLabel('序列', { exact: true }).selectOption('requests.new');
    await section.getByRole('radio', { name: '层级', exact: true }).click();
    await section.locator('.series-bar').first().waitFor();
    const expected = await api<StatSeriesResponse>('/api/stat-series?metric=requests.new&by=level&minReports=30');
    assert.equal(await section.locator('.series-bar').count(), expected.points.filter((p) => p.value !== null).length);
    assert.match(await section.getByTestId('series-definition').innerText(), /2008年版统计表：（一）收到申请数/);
    assert.equal(await section.getByTestId('series-outliers').count(), 0);
    const firstRow = section.locator('.stat-series-table tbody tr').first();
    assert.match(await firstRow.innerText(), new RegExp(`${expected.points[0]!.value!.toLocaleString('zh-CN')} 件\\s+${expected.points[0]!.reports}`));
    assert.deepEqual(errors, []);
  });
});
