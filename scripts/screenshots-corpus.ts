// Screenshots of the four 语料分析 pages (搭配词, 关键词, 高频短语, 分布) at 1280×1000, over
// generated demo reports (never the real ones' text), for docs/screenshots/. The URLs and what is
// waited for are those of tests/web/corpus.test.ts.
//   npx tsx scripts/screenshots-corpus.ts
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generateCorpus } from '../services/corpus-gen/index.js';
import { ROOT } from '../services/paths.js';
import { startServer } from '../tests/helpers/server.js';
import { ensureWebBuilt, launchBrowser } from '../tests/web/support.js';

const OUT = join(ROOT, 'docs', 'screenshots');

async function shoot(browser: Browser, url: string, file: string, ready: (p: Page) => Promise<void>) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(url);
  await ready(page);
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUT, file) });
  console.log(`docs/screenshots/${file}`);
  await context.close();
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  ensureWebBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-shots-'));
  generateCorpus({ out: dir, count: 400, seed: 2024 });
  const server = await startServer([dir]);
  const browser = await launchBrowser();
  const rows = (p: Page) => p.locator('table.corpus-table tbody tr').first().waitFor();
  try {
    await shoot(browser, `${server.url}/corpus/collocates?q=${encodeURIComponent('公开')}&minFreq=2`, 'corpus-collocates.png', rows);
    await shoot(browser, `${server.url}/corpus/keywords?a=${encodeURIComponent('year:2020..2025')}&minRange=2`, 'corpus-keywords.png',
      (p) => p.getByRole('heading', { name: /负关键词/ }).waitFor());
    await shoot(browser, `${server.url}/corpus/ngrams?n=3&boilerplateShare=0.2`, 'corpus-ngrams.png', rows);
    await shoot(browser, `${server.url}/corpus/dispersion?q=${encodeURIComponent('公开')}`, 'corpus-dispersion.png', async (p) => {
      await rows(p);
      await p.locator('.recharts-scatter').first().waitFor();
    });
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
