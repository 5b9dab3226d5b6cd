// Screenshots of the search pages issue 16 (points 1–5) changed, at desktop (1280×900) and phone
// (390×844) sizes, over generated demo reports (never the real ones' text):
//   npx tsx scripts/screenshots-query.ts
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { generateCorpus } from '../services/corpus-gen/index.js';
import { ROOT } from '../services/paths.js';
import { startServer } from '../tests/helpers/server.js';
import { ensureWebBuilt, launchBrowser, shoot } from '../tests/web/support.js';

const OUT = join(ROOT, 'docs', 'screenshots');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };


async function main() {
  mkdirSync(OUT, { recursive: true });
  ensureWebBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-shots-'));
  generateCorpus({ out: dir, count: 150, seed: 1616 });
  // Every generated report names a place the gazetteer knows, so one made-up report names none:
  // 地区未识别 then has passages, for the merged view and the 排除 shot.
  writeFileSync(join(dir, 'demo_unknown_2021.txt'), [
    '示例单位2021年政府信息公开工作年度报告', '', '一、总体情况', '',
    '2021年，本单位坚持以公开为常态、不公开为例外，主动公开政府信息120条，做到应公开尽公开。', '',
    '二、主动公开政府信息情况', '', '本单位通过门户网站和公开栏公开政策文件15件，公开财政预决算信息8条。', '',
    '三、存在的主要问题及改进情况', '', '公开内容还不够全面，下一步将加强培训，提升公开质量。', '',
  ].join('\n'));
  const server = await startServer([dir]);
  const browser = await launchBrowser();
  const q = (s: string) => `q=${encodeURIComponent(s)}`;
  const hits = (p: Page) => p.locator('.hit').first().waitFor();
  try {
    for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      // 1: typed filters shown as ticks and chips.
      await shoot(browser, `${server.url}/?${q('section:problems level:township 培训')}`, `search-typed-filters-${size}.png`, viewport, async (p) => {
        await p.waitForURL((u) => u.searchParams.get('section') === 'problems');
        await hits(p);
        if (size === 'phone') await p.locator('.sidebar-toggle').click();
      });
      // 2: Boolean words, and what is not supported said in Chinese.
      await shoot(browser, `${server.url}/?${q('(微信 OR 微博) NOT 网站 OR -培训')}`, `search-boolean-${size}.png`, viewport, async (p) => {
        await p.locator('.search-head .warning').first().waitFor();
        await hits(p);
      });
      // 3: merged by report, 本报告共 N 段匹配, facets counted in reports, 地区未识别.
      await shoot(browser, `${server.url}/?${q('公开')}&collapse=1`, `search-merged-${size}.png`, viewport, async (p) => {
        await p.getByTestId('more-in-report').first().waitFor();
        if (size === 'phone') await p.getByTestId('more-in-report').first().scrollIntoViewIfNeeded();
      });
      // 4: a region code as its name; 5: the box at its limit.
      await shoot(browser, `${server.url}/?region=11&${q('公开')}`, `search-long-${size}.png`, viewport, async (p) => {
        await hits(p);
        await p.locator('input[name="q"]').fill('政务公开'.repeat(200));
        await p.getByTestId('query-limit').waitFor();
      });
    }
    // 排除 on 地区未识别: its passages left out, 排除：地区未识别 shown as a chip.
    await shoot(browser, `${server.url}/?${q('公开')}`, 'search-exclude-unknown-region.png', DESKTOP, async (p) => {
      await hits(p);
      await p.getByRole('button', { name: '排除「地区未识别」' }).click();
      await p.waitForURL((u) => u.searchParams.getAll('not_region').includes('00'));
      await p.locator('.chip', { hasText: '排除：地区未识别' }).waitFor();
      await hits(p);
      // The click scrolled the filter column down to the button; the shot shows it from its top.
      await p.evaluate(() => { for (const el of document.querySelectorAll('*')) el.scrollTop = 0; window.scrollTo(0, 0); });
    });
    // The reader opened from a filtered search: only the words are marked.
    const api = await (await fetch(`${server.url}/api/search?${q('培训 section:problems')}&size=1`)).json() as { hits: Array<{ reportId: string; ordinal: number }> };
    const hit = api.hits[0]!;
    for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      await shoot(browser, `${server.url}/reports/${hit.reportId}?${q('培训 section:problems')}#p${hit.ordinal}`, `report-words-only-${size}.png`, viewport,
        (p) => p.locator('.passage.is-target').waitFor());
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
