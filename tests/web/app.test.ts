// The web app in a real browser, against a real server over the real reports (plus one
// hostile report whose text is HTML and script): search, facets, reader, citations,
// trends, exports, concordance, and that report text is never executed.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parseCsv } from '../../web/src/state/csv.js';
import { REAL_DIR } from '../helpers/corpus.js';
import { startServer } from '../helpers/server.js';
import { ensureWebBuilt, launchBrowser, skipReason } from './support.js';

const WEIXIN = '微信';
/** A word only the hostile report contains. */
const TOKEN = '跨站脚本测试词';
const HOSTILE_REPORT = `测试镇人民政府2020年政府信息公开工作年度报告

根据《中华人民共和国政府信息公开条例》要求，编制本报告。

一、总体情况
2020年，测试镇认真贯彻落实政务公开工作要求。${TOKEN}<script>window.__pwned=1;alert("xss-script")</script>在此结束。

二、主动公开政府信息情况
通过政府网站公开信息120条。${TOKEN}<img src=x onerror="window.__pwned=2;alert('xss-img')">公开目录。

五、存在的主要问题及改进情况
工作人员力量不足，${TOKEN}"><svg onload="window.__pwned=3;alert(3)"> &amp; & 等字符需原样显示。
`;

interface Opened { page: Page; context: BrowserContext; dialogs: string[]; errors: string[] }

const reason = skipReason();

describe('the web app in Chromium', { skip: reason ?? false }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let hostileDir: string;
  const contexts: BrowserContext[] = [];

  before(async () => {
    ensureWebBuilt();
    hostileDir = mkdtempSync(join(tmpdir(), 'gongkai-hostile-'));
    writeFileSync(join(hostileDir, 'hostile.txt'), HOSTILE_REPORT);
    server = await startServer([REAL_DIR, join(hostileDir, 'hostile.txt')]);
    browser = await launchBrowser();
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.close();
    if (hostileDir) rmSync(hostileDir, { recursive: true, force: true });
  });

  /** A fresh context and page; every dialog (alert) and uncaught page error is recorded. */
  async function open(path: string, opts: { clipboard?: boolean; viewport?: { width: number; height: number } } = {}): Promise<Opened> {
    const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    contexts.push(context);
    if (opts.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url + path);
    return { page, context, dialogs, errors };
  }

  const apiJson = <T>(page: Page, path: string): Promise<T> =>
    page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;
  const totalOf = async (page: Page) => Number((await page.getByTestId('total').innerText()).replace(/[^\d]/g, ''));

  it('searches 微信 and shows highlighted results with their citations', async () => {
    const { page, errors } = await open(`/?q=${encodeURIComponent(WEIXIN)}`);
    await page.locator('.hit').first().waitFor();
    const api = await apiJson<{ total: number; hits: Array<{ citation: { text: string } }> }>(page, `/api/search?q=${encodeURIComponent(WEIXIN)}`);
    assert.ok(api.total >= 2, `the real reports mention 微信 (${api.total})`);
    assert.equal(await totalOf(page), api.total, 'the exact total is shown');
    const hits = page.locator('.hit');
    const n = await hits.count();
    assert.equal(n, Math.min(api.total, 20));
    for (let i = 0; i < n; i++) {
      const hit = hits.nth(i);
      const marks = await hit.locator('.hit-text mark').allInnerTexts();
      assert.ok(marks.length > 0, `hit ${i} has highlights`);
      for (const m of marks) assert.equal(m, WEIXIN);
      const cite = await hit.locator('cite.citation').innerText();
      assert.match(cite, /^《.+》，.+第\d+段。$/, `hit ${i} citation: ${cite}`);
      assert.equal(cite, api.hits[i]!.citation.text);
    }
    await page.locator('.query-trend-chart .recharts-bar-rectangle').first().waitFor();
    assert.deepEqual(errors, []);
  });

  it('narrows by a year facet: the total and counts change and the URL carries the filter', async () => {
    const { page, errors } = await open(`/?q=${encodeURIComponent(WEIXIN)}`);
    await page.locator('[data-facet="year"]').waitFor();
    const before = await totalOf(page);
    const facets = await apiJson<{ facets: { year: Array<{ value: string; count: number }>; section: Array<{ value: string; count: number }> } }>(
      page, `/api/search?q=${encodeURIComponent(WEIXIN)}&facets=true&size=1`);
    const year = facets.facets.year.filter((b) => b.count > 0 && b.count < before).sort((a, b) => a.count - b.count)[0];
    assert.ok(year, 'the matches span several years');
    const sectionsBefore = await page.locator('[data-facet="section"] .facet-count').allInnerTexts();

    // (click, not check(): the box follows the URL, which the router updates in a transition.)
    await page.locator(`[data-facet="year"] input[value="${year.value}"]`).click();
    await page.waitForURL((u) => u.searchParams.getAll('year').includes(year.value));
    await page.waitForFunction((want) => document.querySelector('[data-testid="total"]')?.textContent?.replace(/\D/g, '') === String(want), year.count);
    assert.equal(await totalOf(page), year.count, 'the total is the facet count of the year');
    assert.ok(year.count < before);
    // Disjunctive: the year facet keeps its own counts; other facets are counted within the year.
    assert.equal(await page.locator(`[data-facet="year"] input[value="${year.value}"]`).isChecked(), true);
    await page.waitForFunction((prev) => {
      const now = [...document.querySelectorAll('[data-facet="section"] .facet-count')].map((e) => e.textContent);
      return JSON.stringify(now) !== prev;
    }, JSON.stringify(sectionsBefore));
    await page.locator('.chip', { hasText: `${year.value}年` }).waitFor();

    // The URL alone reproduces the view.
    const url = page.url();
    const again = await open(new URL(url).pathname + new URL(url).search);
    await again.page.locator('.hit').first().waitFor();
    assert.equal(await totalOf(again.page), year.count);
    assert.equal(await again.page.locator(`[data-facet="year"] input[value="${year.value}"]`).isChecked(), true);

    // 清除全部 drops every filter.
    await page.locator('.chips').getByRole('button', { name: '清除全部' }).click();
    await page.waitForURL((u) => !u.searchParams.has('year'));
    await page.waitForFunction((want) => document.querySelector('[data-testid="total"]')?.textContent?.replace(/\D/g, '') === String(want), before);
    assert.deepEqual(errors, []);
  });

  it('opens a passage in the reader, scrolled to and highlighted by its fragment', async () => {
    const { page, errors } = await open(`/?q=${encodeURIComponent(WEIXIN)}`);
    const first = page.locator('.hit').first();
    const ordinal = await first.getAttribute('data-ordinal');
    await first.getByRole('link', { name: /在报告中查看/ }).click();
    await page.waitForURL(new RegExp(`/reports/[0-9a-f]{16}\\?q=.+#p${ordinal}$`));
    const target = page.locator(`#p${ordinal}`);
    await target.waitFor();
    assert.match((await target.getAttribute('class')) ?? '', /is-target/);
    assert.deepEqual([...new Set(await target.locator('mark').allInnerTexts())], [WEIXIN]);
    assert.equal(await page.locator('.passage.is-target').count(), 1);
    const box = await target.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + Math.min(box.height, 100) <= 900, `the passage is on screen (${JSON.stringify(box)})`);
    // The header and the table of contents are there.
    assert.match(await page.locator('.report-header h1').innerText(), /年度报告/);
    assert.ok(await page.locator('.report-toc a').count() > 2);
    // Another fragment moves the highlight.
    const other = await page.locator('.passage').nth(1).getAttribute('data-ordinal');
    await page.goto(page.url().replace(/#p\d+$/, `#p${other}`));
    await page.locator(`#p${other}.is-target`).waitFor();
    assert.deepEqual(errors, []);
  });

  it('copies a citation to the clipboard and says so', async () => {
    const { page, errors } = await open(`/?q=${encodeURIComponent(WEIXIN)}`, { clipboard: true });
    const hit = page.locator('.hit').first();
    await hit.waitFor();
    const cite = await hit.locator('cite.citation').innerText();
    await hit.getByRole('button', { name: '复制引用' }).click();
    await hit.getByText('已复制').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), cite);
    assert.deepEqual(errors, []);
  });

  it('draws a trend of two themes as two lines, and a point opens the search', async () => {
    const { page, errors } = await open('/trends');
    await page.getByText('请添加要比较的主题或检索词').waitFor();
    const select = page.getByLabel('添加主题');
    await select.selectOption('wechat');
    await page.waitForURL((u) => u.searchParams.getAll('series').includes('theme:wechat'));
    await select.selectOption('weibo');
    await page.waitForURL((u) => u.searchParams.getAll('series').length === 2);
    await page.waitForFunction(() => document.querySelectorAll('.recharts-line-curve').length === 2);
    assert.equal(await page.locator('.recharts-line-curve').count(), 2);

    // Share of each year's reports: the axis reads in percent.
    await page.getByRole('radio', { name: '占当年报告比例' }).click();
    await page.waitForURL((u) => u.searchParams.get('measure') === 'share');
    await page.locator('.recharts-yAxis-tick-labels text', { hasText: '%' }).first().waitFor();

    // Clicking a point of 微信 in a year where it occurs opens those passages.
    const trend = await apiJson<{ series: Array<{ points: Array<{ key: string; reports: number }> }> }>(page, '/api/trends?series=theme:wechat');
    const year = trend.series[0]!.points.find((p) => p.reports > 0)!.key;
    // (dispatched, not clicked: where both lines have the same value, the other dot lies on top.)
    await page.locator(`.trend-dot[data-series="0"][data-key="${year}"]`).dispatchEvent('click');
    await page.waitForURL((u) => u.pathname === '/' && u.searchParams.get('theme') === 'wechat' && u.searchParams.get('year') === year);
    await page.locator('.hit').first().waitFor();
    assert.ok(await totalOf(page) > 0);

    // Across cities as bars; a bar opens the search in that city (by its GB/T 2260 code).
    await page.goBack();
    await page.getByRole('radio', { name: '按城市' }).click();
    await page.waitForURL((u) => u.searchParams.get('by') === 'city');
    const bar = page.locator('.recharts-bar-rectangle').first();
    await bar.waitFor();
    await bar.click();
    await page.waitForURL((u) => u.pathname === '/' && /^\d{4}$/.test(u.searchParams.get('region') ?? ''));
    await page.locator('.hit').first().waitFor();
    assert.ok(await totalOf(page) > 0);
    assert.deepEqual(errors, []);
  });

  it('exports the results as CSV with one cited row per passage', async () => {
    const { page, errors } = await open(`/?q=${encodeURIComponent(WEIXIN)}`);
    await page.locator('.hit').first().waitFor();
    const total = await totalOf(page);
    const href = await page.locator('a[data-format="csv"]').getAttribute('href');
    if (!href?.startsWith('/api/export?')) assert.fail(href ?? 'no link');
    assert.equal(new URL(href, server.url).searchParams.get('q'), WEIXIN);
    const csv = await page.evaluate(async (h) => (await fetch(h)).text(), href);
    const [header, ...rows] = parseCsv(csv).filter((r) => r.some((c) => c));
    assert.ok(header);
    const col = (name: string) => header.indexOf(name);
    assert.ok(col('citation') >= 0 && col('text') >= 0, `header: ${header.join(',')}`);
    assert.equal(rows.length, total);
    for (const r of rows) {
      assert.match(r[col('citation')]!, /^《.+》.+第\d+段。$/);
      assert.ok(r[col('text')]!.includes(WEIXIN), r[col('text')]);
    }
    // The JSON and Markdown links carry the same query.
    for (const f of ['json', 'md']) {
      const h = await page.locator(`a[data-format="${f}"]`).getAttribute('href');
      assert.equal(new URL(h!, server.url).searchParams.get('q'), WEIXIN);
    }
    assert.deepEqual(errors, []);
  });

  it('aligns concordance lines on the keyword and sorts them by either context', async () => {
    const { page, errors } = await open(`/concordance?q=${encodeURIComponent(WEIXIN)}`);
    const rows = page.locator('.kwic tbody tr');
    await rows.first().waitFor();
    const n = await rows.count();
    assert.ok(n >= 3, `${n} lines`);
    // Aligned: every keyword cell starts at the same x; every left context ends where it starts.
    const geometry = await page.evaluate(() => [...document.querySelectorAll('.kwic tbody tr')].map((tr) => {
      const kw = tr.querySelector('.kwic-keyword mark')!.getBoundingClientRect();
      const left = tr.querySelector('.kwic-left > span')!.getBoundingClientRect();
      const right = tr.querySelector('.kwic-right > span')!.getBoundingClientRect();
      return { kw: kw.left, leftEnd: left.right, rightStart: right.left };
    }));
    for (const g of geometry) {
      assert.ok(Math.abs(g.kw - geometry[0]!.kw) < 1, 'keywords in one column');
      assert.ok(Math.abs(g.leftEnd - geometry[0]!.leftEnd) < 1, 'left contexts right-aligned');
      assert.ok(Math.abs(g.rightStart - geometry[0]!.rightStart) < 1, 'right contexts left-aligned');
    }
    const collator = new Intl.Collator('zh');
    const reversed = (s: string) => Array.from(s).reverse().join('');
    const texts = (cls: string) => page.locator(`.kwic tbody .${cls}`).evaluateAll((els) => els.map((e) => e.textContent ?? ''));

    // The lines are those of the answer sorted this way: waiting for the URL alone can read the
    // previous order's rows before the new request starts (seen under load).
    const rightAnswer = page.waitForResponse((r) => r.url().includes('/api/concordance') && new URL(r.url()).searchParams.get('sort') === 'right');
    await page.getByRole('radio', { name: '按右侧语境' }).click();
    await page.waitForURL((u) => u.searchParams.get('sort') === 'right');
    await rightAnswer;
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    const right = await texts('kwic-right');
    assert.deepEqual(right, [...right].sort(collator.compare), 'sorted by the right context');

    // The lines are those of the answer sorted this way: waiting for the URL alone can read the
    // previous order's rows before the new request starts (seen under load).
    const leftAnswer = page.waitForResponse((r) => r.url().includes('/api/concordance') && new URL(r.url()).searchParams.get('sort') === 'left');
    await page.getByRole('radio', { name: '按左侧语境' }).click();
    await page.waitForURL((u) => u.searchParams.get('sort') === 'left');
    await leftAnswer;
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    const left = await texts('kwic-left');
    assert.deepEqual(left.map(reversed), left.map(reversed).sort(collator.compare), 'sorted by the left context, nearest character first');

    // Each line is cited and links to its passage.
    const link = page.locator('.kwic tbody .kwic-source a').first();
    assert.match((await link.getAttribute('title')) ?? '', /^《.+》.+第\d+段。$/);
    assert.match((await link.getAttribute('href')) ?? '', /^\/reports\/[0-9a-f]{16}\?q=.+#p\d+$/);

    // The client-side CSV holds every line.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    const file = await download.path();
    const [header, ...lines] = parseCsv(readFileSync(file, 'utf8')).filter((r) => r.some((c) => c));
    assert.deepEqual(header!.slice(0, 4), ['left', 'keyword', 'right', 'citation']);
    assert.equal(lines.length, n);
    assert.ok(lines.every((l) => l[1] === WEIXIN));
    assert.deepEqual(errors, []);
  });

  it('never executes report text: <script>, <img onerror> and <svg onload> stay literal text', async () => {
    const { page, dialogs, errors } = await open(`/?q=${encodeURIComponent(TOKEN)}`);
    const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
    const hit = page.locator('.hit').first();
    await hit.waitFor();
    assert.ok(await totalOf(page) >= 2);
    await expectLiteral(page, '.hits');
    // The whole passage (the other server-built field) too.
    for (const button of await page.getByRole('button', { name: '展开全段' }).all()) await button.click();
    await expectLiteral(page, '.hits');

    await hit.getByRole('link', { name: /在报告中查看/ }).click();
    await page.locator('.passage.is-target').waitFor();
    await expectLiteral(page, '.report-body');
    assert.ok(await page.locator('.report-body mark', { hasText: TOKEN }).count() >= 3, 'the terms are marked in the reader');

    await page.goto(`${server.url}/concordance?q=${encodeURIComponent(TOKEN)}&width=50`);
    await page.locator('.kwic tbody tr').first().waitFor();
    await expectLiteral(page, '.kwic');

    // A hostile query, typed in the box, is shown back as text too.
    await page.goto(`${server.url}/?q=${encodeURIComponent('<img src=x onerror="window.__pwned=9;alert(9)">')}`);
    await page.locator('.search-page .results').waitFor();
    await page.waitForTimeout(300);

    assert.equal(await pwned(), undefined, 'no injected script ran');
    assert.deepEqual(dialogs, [], 'no alert was shown');
    assert.deepEqual(errors, []);

    async function expectLiteral(p: Page, scope: string) {
      const text = await p.locator(scope).innerText();
      assert.ok(text.includes('<script>') || text.includes('<img src=x onerror=') || text.includes('<svg onload='),
        `the markup is visible as text in ${scope}: ${text.slice(0, 200)}`);
      assert.equal(await p.locator(`${scope} script, ${scope} img, ${scope} svg[onload], ${scope} [onerror]`).count(), 0, `no element was created from report text in ${scope}`);
    }
  });

  it('says plainly when the index holds demo data, and shows API errors as such', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    await context.route('**/api/stats', async (route) => {
      const real = await (await route.fetch()).json() as Record<string, unknown>;
      await route.fulfill({ json: { ...real, demo: true, demoReports: 3 } });
    });
    await context.route('**/api/search?**', (route) => route.fulfill({ status: 500, json: { error: 'internal error' } }));
    const page = await context.newPage();
    await page.goto(`${server.url}/?q=${encodeURIComponent(WEIXIN)}`);
    await page.getByText('演示数据：以下报告由程序生成，并非真实报告').waitFor();
    await page.getByRole('alert').getByText('服务器出错').waitFor();
    await page.getByRole('button', { name: '重试' }).waitFor();
  });

  it('works at phone width: the facets fold behind a button', async () => {
    const { page, errors } = await open(`/?q=${encodeURIComponent(WEIXIN)}`, { viewport: { width: 390, height: 844 } });
    await page.locator('.hit').first().waitFor();
    assert.equal(await page.locator('[data-facet="year"]').isVisible(), false);
    await page.getByRole('button', { name: /^筛选/ }).click();
    await page.locator('[data-facet="year"]').waitFor({ state: 'visible' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling (${overflow}px too wide)`);
    assert.deepEqual(errors, []);
  });
});
