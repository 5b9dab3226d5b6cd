// 重复问题 and 统计数字 in a real browser, over the real reports plus ~150 generated reports
// and one township's four years (where statements recur): clusters are listed, one expands
// to its cited members, a member link opens the passage in the reader, a place's own
// repeats open, and 统计数字 draws its chart and links the reports that do not add up.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TOWNSHIP, writeTestCorpus } from '../analytics-api/corpus.js';
import { REAL_DIR } from '../helpers/corpus.js';
import { browserApp, skipReason } from './support.js';

const reason = skipReason();

describe('重复问题 and 统计数字 in Chromium', { skip: reason ?? false }, () => {
  const app = browserApp(() => { const corpus = writeTestCorpus(); return { dirs: [REAL_DIR, corpus.dir], dispose: corpus.dispose }; });
  const open = app.open;

  it('lists clusters, expands one and follows a member to the reader', async () => {
    const { page, errors } = await open('/recurring');
    await page.getByRole('link', { name: '重复问题' }).first().waitFor();
    const api = await (await fetch(`${app.url}/api/recurring?size=20&members=50`)).json() as {
      total: number; clusters: Array<{ id: string; representative: string; reports: number; regions: number; years: number[]; members: Array<{ reportId: string; ordinal: number; text: string }> }>;
    };
    const clusters = page.locator('.cluster');
    await clusters.first().waitFor();
    assert.equal(await clusters.count(), Math.min(20, api.total));
    const top = api.clusters[0]!;
    const first = clusters.first();
    assert.equal((await first.locator('.cluster-rep').innerText()).trim(), top.representative);
    const span = top.years.length > 1 ? `${Math.min(...top.years)}–${Math.max(...top.years)}` : String(top.years[0]);
    assert.match(await first.getByTestId('cluster-stats').innerText(), new RegExp(`${top.reports} 份报告 · ${top.regions} 个地区 · ${span}`));
    await first.locator('.recharts-bar-rectangle').first().waitFor();
    assert.match(await page.getByTestId('cluster-total').innerText(), new RegExp(String(api.total)));

    // Expand: the members appear with citations, and the URL keeps it open.
    await first.getByRole('button', { name: /展开原文/ }).click();
    const members = first.locator('.member');
    await members.first().waitFor();
    assert.equal(await members.count(), top.members.length);
    assert.ok(new URL(page.url()).searchParams.getAll('open').includes(top.id));
    // Cited by the report's own heading, the category after it in brackets (or the category alone).
    assert.match(await members.first().locator('.citation').innerText(), /(“存在的主要问题”部分|”部分（存在的主要问题）)，第\d+段/);

    // Follow the first member to the reader: the passage is targeted and holds the statement.
    const m = top.members[0]!;
    await members.first().getByRole('link', { name: '查看原文' }).click();
    await page.waitForURL((u) => u.pathname === `/reports/${m.reportId}` && u.hash === `#p${m.ordinal}`);
    const target = page.locator('.passage.is-target');
    await target.waitFor();
    assert.equal(await target.getAttribute('data-ordinal'), String(m.ordinal));
    const squash = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');
    assert.ok(squash(await target.innerText()).includes(squash(m.text)), 'the passage holds the statement');
    assert.deepEqual(errors, []);
  });

  it('filters by kind and year, and keeps them in the URL', async () => {
    const { page, errors } = await open('/recurring');
    await page.locator('.cluster').first().waitFor();
    await page.getByRole('radio', { name: '改进措施' }).click();
    await page.waitForURL(/kind=improvements/);
    await page.getByLabel('起始年份').selectOption('2020');
    await page.getByLabel('截止年份').selectOption('2022');
    await page.waitForURL((u) => u.searchParams.get('from') === '2020' && u.searchParams.get('to') === '2022');
    const api = await (await fetch(`${app.url}/api/recurring?kind=improvements&year=2020,2021,2022&size=20&members=0`)).json() as { clusters: Array<{ representative: string }> };
    assert.ok(api.clusters.length > 0);
    await page.locator('.cluster-rep', { hasText: api.clusters[0]!.representative }).first().waitFor();
    await page.reload();
    // The year options arrive with the vocabulary; the URL's choice is selected once they are there.
    await page.getByLabel('起始年份').locator('option[value="2020"]').waitFor({ state: 'attached' });
    assert.equal(await page.getByLabel('起始年份').inputValue(), '2020');
    assert.equal(await page.getByRole('radio', { name: '改进措施' }).getAttribute('aria-checked'), 'true');
    assert.deepEqual(errors, []);
  });

  it('opens what one township repeats year after year', async () => {
    // From a member of the township's cluster, as a reader would.
    const { page, errors } = await open(`/recurring?region=${TOWNSHIP.code}`);
    await page.locator('.cluster').first().waitFor();
    await page.locator('.cluster').first().getByRole('button', { name: /展开原文/ }).click();
    await page.locator('.member').first().getByRole('link', { name: '该地历年重复' }).click();
    await page.waitForURL((u) => u.searchParams.get('repeats') === TOWNSHIP.code);
    await page.locator('.repeats-title', { hasText: TOWNSHIP.name }).waitFor();
    const rep = page.locator('.cluster').first();
    assert.match(await rep.locator('.cluster-rep').innerText(), /村级公开栏/);
    assert.match(await rep.getByTestId('cluster-stats').innerText(), /4 份报告 · 1 个地区 · 2019–2022/);
    await rep.getByRole('button', { name: /展开原文/ }).click();
    // The members arrive with their own request: wait for them before counting.
    await rep.locator('.member').nth(3).waitFor();
    assert.equal(await rep.locator('.member').count(), 4);
    assert.deepEqual(errors, []);
  });

  it('统计数字 draws the totals and links the reports that do not add up to the reader', async () => {
    const { page, errors } = await open('/');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '统计数字' }).click();
    await page.waitForURL((u) => u.pathname === '/numbers');
    await page.locator('.numbers-chart .recharts-bar-rectangle').first().waitFor();
    const api = await (await fetch(`${app.url}/api/stat-totals`)).json() as { rows: unknown[]; inconsistent: Array<{ reportId: string; tableSection: number | null }> };
    // Recharts draws the axis ticks in a later pass than the bars: wait for the last one, then count.
    const ticks = page.locator('.numbers-chart .recharts-xAxis .recharts-cartesian-axis-tick');
    await ticks.nth(api.rows.length - 1).waitFor({ state: 'attached' });
    assert.equal(await ticks.count(), api.rows.length);
    // The totals' control (the 跨格式序列 section below has its own).
    await page.getByRole('radio', { name: '按省份' }).first().click();
    await page.waitForURL(/by=province/);
    await page.locator('.numbers-chart .recharts-bar-rectangle').first().waitFor();

    assert.ok(api.inconsistent.length > 0);
    const items = page.locator('.inconsistent-item');
    assert.equal(await items.count(), api.inconsistent.length);
    const bad = api.inconsistent[0]!;
    await items.first().getByRole('link').click();
    await page.waitForURL((u) => u.pathname === `/reports/${bad.reportId}` && u.hash === `#s${bad.tableSection}`);
    await page.locator(`#s${bad.tableSection} table`).first().waitFor();
    assert.deepEqual(errors, []);
  });
});
