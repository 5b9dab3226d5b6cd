// Screenshots of the four 语料分析 pages (搭配词, 关键词, 高频短语, 分布) at 1280×1000, over
// generated demo reports (never the real ones' text), for docs/screenshots/. The URLs and what is
// waited for are those of tests/web/corpus.test.ts.
//   npx tsx scripts/screenshots-corpus.ts
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { generateCorpus } from '../services/corpus-gen/index.js';
import { ROOT } from '../services/paths.js';
import { startServer } from '../tests/helpers/server.js';
import { ensureWebBuilt, launchBrowser, shoot } from '../tests/web/support.js';

const OUT = join(ROOT, 'docs', 'screenshots');
const WIDE = { width: 1280, height: 1000 };

async function main() {
  mkdirSync(OUT, { recursive: true });
  ensureWebBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-shots-'));
  generateCorpus({ out: dir, count: 400, seed: 2024 });
  const server = await startServer([dir]);
  const browser = await launchBrowser();
  const rows = (p: Page) => p.locator('table.corpus-table tbody tr').first().waitFor();
  try {
    await shoot(browser, `${server.url}/corpus/collocates?q=${encodeURIComponent('公开')}&minFreq=2`, 'corpus-collocates.png', WIDE, rows);
    await shoot(browser, `${server.url}/corpus/keywords?a=${encodeURIComponent('year:2020..2025')}&minRange=2`, 'corpus-keywords.png', WIDE,
      (p) => p.getByRole('heading', { name: /负关键词/ }).waitFor());
    await shoot(browser, `${server.url}/corpus/ngrams?n=3&boilerplateShare=0.2`, 'corpus-ngrams.png', WIDE, rows);
    await shoot(browser, `${server.url}/corpus/dispersion?q=${encodeURIComponent('公开')}`, 'corpus-dispersion.png', WIDE, async (p) => {
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
