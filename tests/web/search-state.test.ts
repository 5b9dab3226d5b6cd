// Issue 16, points 1–5, in Chromium, on generated demo reports and on the real reports
// (../shared/corpus: reports/ and dev/), each in its own temporary index: typed filters and
// the sidebar as one state, Boolean habits, counts that add up, Chinese throughout, long input.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createApp } from '../../services/api/app.js';
import { generateCorpus } from '../../services/corpus-gen/index.js';
import { ingest } from '../../services/ingest/ingest.js';
import { parseNoteText } from '../../web/src/state/parseNotes.js';
import { REAL_DIR } from '../helpers/corpus.js';
import { tempEngine } from '../helpers/engine.js';
import { ensureWebBuilt, launchBrowser, skipReason } from './support.js';

const reason = skipReason();
const DEV_DIR = join(REAL_DIR, '..', 'dev');

interface Served { name: string; url: string; close: () => Promise<void> }

async function serve(name: string, paths: string[], demo: boolean): Promise<Served> {
  const t = await tempEngine();
  const summary = await ingest(t.engine, paths, { demo });
  assert.deepEqual(summary.failed, []);
  const server: Server = await new Promise((resolve) => { const s = createApp(t.engine).listen(0, '127.0.0.1', () => resolve(s)); });
  return { name, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: async () => { await new Promise((r) => server.close(r)); await t.dispose(); } };
}

interface Bucket { value: string; label: string; count: number; reports: number; selected: boolean; children?: Bucket[] }
interface Answer {
  total: number; text: string; understood: string;
  warnings: Array<{ code: string; message: string }>;
  hits: Array<{ id: string; reportId: string; ordinal: number; moreInReport?: number }>;
  facets: { section: Bucket[]; region: Bucket[]; theme: Bucket[]; level: Bucket[]; year: Bucket[] };
}

const ENGLISH = /\b(ignored|invalid|no report|not recognised|not supported|format|region named|the URL)\b/i;

describe('issue 16: one search state, Boolean habits, counts, Chinese, long input', { skip: reason ?? false }, () => {
  const corpora: Served[] = [];
  let demoDir: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  before(async () => {
    ensureWebBuilt();
    demoDir = mkdtempSync(join(tmpdir(), 'gongkai-demo16q-'));
    generateCorpus({ out: demoDir, count: 150, seed: 1616 });
    corpora.push(...await Promise.all([serve('demo', [demoDir], true), serve('real', [REAL_DIR, DEV_DIR], false)]));
    browser = await launchBrowser();
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    for (const c of corpora) await c.close();
    if (demoDir) rmSync(demoDir, { recursive: true, force: true });
  });

  async function open(base: string, path: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base + path);
    return { page, errors };
  }
  const api = async (base: string, qs: string): Promise<Answer> => (await fetch(`${base}/api/search?${qs}`)).json() as Promise<Answer>;
  const q = (s: string) => `q=${encodeURIComponent(s)}`;
  const totalOf = async (page: Page) => Number((await page.getByTestId('total').innerText()).replace(/[^\d]/g, ''));
  const waitTotal = (page: Page, want: number) =>
    page.waitForFunction((w) => document.querySelector('[data-testid="total"]')?.textContent?.replace(/\D/g, '') === String(w), want);
  const shownCounts = async (page: Page, facet: string) =>
    (await page.locator(`[data-facet="${facet}"] .facet-option`).evaluateAll((els) => els.map((el) => ({
      value: (el.querySelector('input') as HTMLInputElement).value,
      checked: (el.querySelector('input') as HTMLInputElement).checked,
      text: el.querySelector('.facet-count')!.textContent!.trim(),
    }))));

  for (const corpus of ['demo', 'real'] as const) {
    const base = () => corpora.find((c) => c.name === corpus)!.url;

    it(`1 (${corpus}): typed filters become ticks and chips, one rule with the sidebar, and the reader takes no filter for a word`, async () => {
      const { page, errors } = await open(base(), `/?${q('section:problems level:township')}`);
      // The box's filters move into the state: the URL, the ticks, the chips.
      await page.waitForURL((u) => u.searchParams.getAll('section').includes('problems') && u.searchParams.getAll('level').includes('township') && !u.searchParams.get('q'));
      const want = await api(base(), 'section=problems&level=township&facets=true&size=20');
      assert.ok(want.total > 0, 'township reports have problems passages');
      await waitTotal(page, want.total);
      assert.equal(await page.locator('[data-facet="section"] input[value="problems"]').isChecked(), true);
      assert.equal(await page.locator('[data-facet="level"] input[value="township"]').isChecked(), true);
      await page.locator('.chip', { hasText: '存在的主要问题' }).waitFor();
      await page.locator('.chip', { hasText: '乡镇' }).waitFor();
      assert.equal(await page.locator('input[name="q"]').inputValue(), '');
      // Section counts: the ticked ones add up to the total; the others are marked as what ticking adds.
      const sections = await shownCounts(page, 'section');
      const ticked = sections.filter((s) => s.checked);
      assert.deepEqual(ticked.map((s) => s.value), ['problems']);
      assert.equal(ticked.reduce((n, s) => n + Number(s.text.replace(/\D/g, '')), 0), want.total);
      for (const s of sections.filter((x) => !x.checked)) assert.match(s.text, /^\+/, `${s.value}: ${s.text}`);
      // Ticking 改进措施 (or, where the reading found none, another part) widens within the facet (OR) and keeps the level (AND).
      const offered = sections.find((x) => !x.checked && x.value === 'improvements') ?? sections.find((x) => !x.checked)!;
      const other = want.facets.section.find((b) => b.value === offered.value)!;
      assert.equal(offered.text, `+${other.count.toLocaleString('zh-CN')}`);
      const both = await api(base(), `section=problems&section=${other.value}&level=township&size=1`);
      assert.equal(both.total, want.total + other.count, 'sections are exclusive: the union adds the count shown');
      await page.locator(`[data-facet="section"] input[value="${other.value}"]`).click();
      await page.waitForURL((u) => u.searchParams.getAll('section').length === 2);
      await waitTotal(page, both.total);
      await page.locator('.chip', { hasText: other.label }).waitFor();
      await page.locator('.chip', { hasText: '存在的主要问题' }).waitFor();
      // The reader opened from a result has no search words to report missing.
      await page.locator('.hit .hit-title').first().click();
      await page.waitForURL(/\/reports\//);
      await page.locator('.passage.is-target').waitFor();
      assert.equal(await page.locator('.term-nav').count(), 0);
      assert.doesNotMatch(await page.locator('body').innerText(), /section:|level:|未出现在本报告/);
      assert.deepEqual(errors, []);
    });

    it(`1 (${corpus}): theme:微信 by its label, and filters in an old link to the reader are not words`, async () => {
      const byId = await api(base(), 'theme=wechat&size=1');
      assert.ok(byId.total > 0);
      const { page, errors } = await open(base(), `/?${q('theme:微信')}`);
      await page.waitForURL((u) => u.searchParams.get('theme') === 'wechat' && !u.searchParams.get('q'));
      await waitTotal(page, byId.total);
      assert.equal(await page.locator('[data-facet="theme"] input[value="wechat"]').isChecked(), true);
      await page.locator('.chip', { hasText: '主题：微信' }).waitFor();
      const hit = (await api(base(), `${q('微信')}&size=1`)).hits[0]!;
      const reader = await open(base(), `/reports/${hit.reportId}?${q('section:problems 微信')}#p${hit.ordinal}`);
      await reader.page.locator('.term-nav').waitFor();
      const nav = await reader.page.locator('.term-nav').innerText();
      assert.match(nav, /检索词「微信」出现在/);
      assert.doesNotMatch(nav, /section/);
      assert.deepEqual([...errors, ...reader.errors], []);
    });

    it(`2 (${corpus}): AND / OR / NOT in any case and 与/或/非 give the sets' answers; what is not supported is said in Chinese`, async () => {
      const [a, b, ab] = await Promise.all([api(base(), `${q('微信')}&size=1`), api(base(), `${q('网站')}&size=1`), api(base(), `${q('微信 网站')}&size=1`)]);
      assert.ok(a.total > 0 && b.total > 0 && ab.total > 0 && ab.total < a.total, `${a.total} ${b.total} ${ab.total}`);
      const cases: Array<[string, number]> = [
        ['微信 AND 网站', ab.total], ['微信 and 网站', ab.total], ['微信 与 网站', ab.total],
        ['微信 OR 网站', a.total + b.total - ab.total], ['微信 or 网站', a.total + b.total - ab.total], ['微信 或 网站', a.total + b.total - ab.total],
        ['微信 NOT 网站', a.total - ab.total], ['微信 not 网站', a.total - ab.total], ['微信 非 网站', a.total - ab.total],
        ['(微信 OR 网站) 微信', a.total],
      ];
      const { page, errors } = await open(base(), '/');
      for (const [query, want] of cases) {
        await page.goto(`${base()}/?${q(query)}`);
        await waitTotal(page, want);
        assert.equal(await page.locator('.search-head .warning').count(), 0, `${query}: no warning`);
      }
      await page.goto(`${base()}/?${q('微信 OR -网站')}`);
      const warning = page.locator('.search-head .warning').first();
      await warning.waitFor();
      assert.match(await warning.innerText(), /不支持在「或」（OR）里排除/);
      assert.equal(await warning.getAttribute('data-code'), 'not_in_or');
      assert.deepEqual(errors, []);
    });

    it(`3 (${corpus}): the region facet adds up with 地区未识别, order follows the figure shown, and 本报告共 N 段匹配 is right and opens the report`, async () => {
      const all = await api(base(), `${q('公开')}&facets=true&size=1`);
      const regionSum = all.facets.region.reduce((n, r) => n + r.count, 0);
      assert.equal(regionSum, all.total, 'every passage is in one region bucket');
      const { page, errors } = await open(base(), `/?${q('公开')}`);
      await waitTotal(page, all.total);
      assert.match(await page.getByTestId('facet-unit').innerText(), /匹配段落数/);
      const regions = await page.locator('[data-facet="region"] > .region-tree > li > .region-row .facet-option').evaluateAll((els) => els.map((el) => ({
        value: (el.querySelector('input') as HTMLInputElement).value, n: Number(el.querySelector('.facet-count')!.textContent!.replace(/\D/g, '')),
      })));
      const places = regions.filter((r) => r.value !== '00').map((r) => r.n);
      assert.deepEqual(places, [...places].sort((x, y) => y - x), 'provinces ordered by the passages shown');
      const unknown = all.facets.region.find((r) => r.value === '00');
      if (unknown) {
        assert.equal(regions.at(-1)!.value, '00', '地区未识别 comes last');
        await page.locator('[data-facet="region"] input[value="00"]').click();
        await waitTotal(page, unknown.count);
        await page.locator('.chip', { hasText: '地区未识别' }).waitFor();
        await page.locator('[data-facet="region"] input[value="00"]').click();
        await waitTotal(page, all.total);
      }
      // Merged by report: the figures are reports, in that order, and each card's count is the report's matches.
      await page.getByLabel('按报告合并').click();
      await page.waitForURL((u) => u.searchParams.get('collapse') === '1');
      await page.getByTestId('facet-unit').filter({ hasText: '报告数' }).waitFor();
      const merged = await api(base(), `${q('公开')}&collapse=true&size=20`);
      await page.locator('.hit').first().waitFor();
      const perReport = new Map<string, number>();
      for (let p = 1; p <= Math.ceil(all.total / 100); p++) {
        const pageHits = await api(base(), `${q('公开')}&size=100&page=${p}&facets=false`);
        for (const h of pageHits.hits) perReport.set(h.reportId, (perReport.get(h.reportId) ?? 0) + 1);
        if (pageHits.hits.length < 100) break;
      }
      let seenTwo = false;
      for (const [i, h] of merged.hits.entries()) {
        const card = page.locator('.hit').nth(i);
        const n = perReport.get(h.reportId)!;
        if (n === 2) seenTwo = true;
        if (n > 1) assert.match(await card.getByTestId('more-in-report').innerText(), new RegExp(`本报告共 ${n} 段匹配`));
        else assert.equal(await card.getByTestId('more-in-report').count(), 0);
      }
      if (corpus === 'demo') assert.ok(seenTwo || merged.hits.every((h) => perReport.get(h.reportId)! !== 2), 'reports with two matches are counted too');
      const first = merged.hits.findIndex((h) => perReport.get(h.reportId)! > 1);
      assert.ok(first >= 0, 'some report has several matches');
      await page.locator('.hit').nth(first).getByTestId('more-in-report').click();
      await page.waitForURL(/\/reports\//);
      await page.locator('.term-nav').waitFor();
      assert.match(await page.locator('.term-nav').innerText(), /出现在 \d+ 个段落中/);
      assert.deepEqual(errors, []);
    });

    it(`4 (${corpus}): warnings, errors, codes and parse notes in Chinese`, async () => {
      const { page, errors } = await open(base(), `/?${q('- 微信 year:abc')}`);
      await page.locator('.search-head .warning').nth(1).waitFor();
      const warnings = await page.locator('.search-head .warning').allInnerTexts();
      assert.ok(warnings.some((w) => /单独的「-」已忽略/.test(w)), warnings.join(' | '));
      assert.ok(warnings.some((w) => /无法理解 year:abc/.test(w)), warnings.join(' | '));
      for (const w of warnings) assert.doesNotMatch(w, ENGLISH);
      // 检索式理解为 shows names, never the API's keys or ids.
      await page.goto(`${base()}/?${q('微信 NOT 网站')}`);
      await page.locator('.understood').waitFor();
      assert.equal(await page.locator('.understood code').innerText(), '微信 -网站');
      // Region codes show as places: chips here, on 趋势 and 语境.
      await page.goto(`${base()}/?${q('公开')}&region=11`);
      await page.locator('.chip', { hasText: '北京市' }).waitFor();
      await page.goto(`${base()}/trends?series=${encodeURIComponent('公开')}&region=11`);
      await page.locator('.chip', { hasText: '北京市' }).waitFor();
      await page.goto(`${base()}/concordance?${q('公开')}&region=11`);
      await page.locator('.chip', { hasText: '北京市' }).waitFor();
      assert.doesNotMatch(await page.locator('body').innerText(), /区划 11/);
      // Error pages.
      await page.goto(`${base()}/reports/zzz`);
      await page.locator('.error-notice, [role="alert"]').first().waitFor();
      const bad = await page.locator('main, body').first().innerText();
      assert.match(bad, /应为 16 位十六进制的报告编号/);
      assert.doesNotMatch(bad, ENGLISH);
      await page.goto(`${base()}/reports/0000000000000000`);
      await page.getByText('没有编号为 0000000000000000 的报告').waitFor();
      // Every parse note of every report reads in Chinese.
      const reports = await api(base(), `${q('')}&collapse=true&size=100`);
      for (const h of reports.hits) {
        const r = await (await fetch(`${base()}/api/reports/${h.reportId}`)).json() as { warnings: string[] };
        for (const w of r.warnings) assert.doesNotMatch(parseNoteText(w), /解析程序原文/, w);
      }
      assert.deepEqual(errors, []);
    });

    it(`5 (${corpus}): the box stops at 500 characters and says so; long queries get an answer, never a server error`, async () => {
      const { page, errors } = await open(base(), '/');
      const long = '公开'.repeat(600);
      await page.locator('input[name="q"]').fill(long);
      assert.equal([...await page.locator('input[name="q"]').inputValue()].length, 500);
      await page.getByTestId('query-limit').waitFor();
      assert.match(await page.getByTestId('query-limit').innerText(), /最多 500 字/);
      await page.locator('input[name="q"]').press('Enter');
      await page.getByTestId('total').waitFor();
      assert.doesNotMatch(await page.locator('body').innerText(), /服务器|URL|too long/);
      const title = page.locator('.query-trend .section-title, .query-trend-skipped');
      assert.ok((await title.first().innerText()).length < 80, 'no giant chart title');
      // A link with 700 characters (the box never makes one): cut to 500, said.
      await page.goto(`${base()}/?${q('公'.repeat(700))}`);
      await page.getByTestId('query-cut').waitFor();
      await page.getByTestId('total').waitFor();
      // The API: POST answers what GET cannot carry; an over-long URL is refused in Chinese.
      const longQ = '政务公开'.repeat(250);
      const post = await fetch(`${base()}/api/search`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ q: longQ, section: ['problems'], size: 5 }) });
      assert.equal(post.status, 200);
      const posted = await post.json() as Answer;
      assert.equal(typeof posted.total, 'number');
      const get = await fetch(`${base()}/api/search?${q(longQ)}`);
      assert.equal(get.status, 414);
      assert.match((await get.json() as { error: string }).error, /URL 过长/);
      const tooLong = await fetch(`${base()}/api/search`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ q: longQ + '多' }) });
      assert.equal(tooLong.status, 400);
      assert.match((await tooLong.json() as { error: string }).error, /不能超过 1000 个字符/);
      assert.deepEqual(errors, []);
    });
  }

  it('3 (real): 排除 on 地区未识别 leaves its passages out, shows 排除：地区未识别 as a chip, keeps it in the URL, and the chip takes it back', async () => {
    const base = corpora.find((c) => c.name === 'real')!.url;
    const all = await api(base, `${q('公开')}&facets=true&size=1`);
    const unknown = all.facets.region.find((r) => r.value === '00');
    assert.ok(unknown && unknown.count > 0, 'the real reports and the dev set have passages of an unknown place');
    const { page, errors } = await open(base, `/?${q('公开')}`);
    await waitTotal(page, all.total);
    await page.getByRole('button', { name: '排除「地区未识别」' }).click();
    await page.waitForURL((u) => u.searchParams.getAll('not_region').includes('00') && !u.searchParams.getAll('region').includes('00'));
    await waitTotal(page, all.total - unknown.count);
    const chip = page.locator('.chip', { hasText: '排除：地区未识别' });
    await chip.waitFor();
    assert.equal(await page.locator('[data-facet="region"] input[value="00"]').count(), 0, 'no passage of 地区未识别 is left to count');
    const without = await api(base, `${q('公开')}&not_region=00&size=1`);
    assert.equal(without.total + unknown.count, all.total, 'total with + total without = all');
    // Into the run's temporary directory: this page shows real reports, whose text stays out of docs/.
    await page.screenshot({ path: join(tmpdir(), 'search-exclude-unknown-region.png') });
    // The link keeps it; typed in the box it is the same state.
    const kept = await open(base, `/?${q('公开 -region:00')}`);
    await kept.page.waitForURL((u) => u.searchParams.getAll('not_region').includes('00') && u.searchParams.get('q') === '公开');
    await waitTotal(kept.page, without.total);
    await kept.page.locator('.chip', { hasText: '排除：地区未识别' }).waitFor();
    // The chip takes the exclusion back.
    await chip.click();
    await page.waitForURL((u) => !u.searchParams.has('not_region'));
    await waitTotal(page, all.total);
    await page.locator('[data-facet="region"] input[value="00"]').waitFor();
    assert.deepEqual([...errors, ...kept.errors], []);
  });

  it('1–5 on a phone: typed filters shown as chips and the limit message in view', async () => {
    const base = corpora.find((c) => c.name === 'real')!.url;
    const { page, errors } = await open(base, `/?${q('section:problems 公开')}`, { width: 390, height: 844 });
    await page.waitForURL((u) => u.searchParams.get('section') === 'problems' && u.searchParams.get('q') === '公开');
    await page.locator('.chip', { hasText: '存在的主要问题' }).waitFor();
    assert.match(await page.locator('.sidebar-toggle').innerText(), /已选 1/);
    await page.locator('input[name="q"]').fill('问'.repeat(520));
    await page.getByTestId('query-limit').waitFor();
    const box = await page.getByTestId('query-limit').boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390, 'the message fits the phone');
    assert.deepEqual(errors, []);
  });
});
