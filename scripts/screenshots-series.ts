// Screenshots of the 跨格式序列 section of 统计数字 for docs/screenshots/ (desktop 1280×900 and
// a 390×844 phone), over the real reports plus 900 generated ones (enough that recent years
// pass the 30-report threshold and early years show as greyed small samples).
//   npx tsx scripts/screenshots-series.ts
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generateReport } from '../services/corpus-gen/index.js';
import { ROOT } from '../services/paths.js';
import { REAL_DIR } from '../tests/helpers/corpus.js';
import { startServer } from '../tests/helpers/server.js';
import { ensureWebBuilt, launchBrowser } from '../tests/web/support.js';

const OUT = join(ROOT, 'docs', 'screenshots');
const GENERATED = 900;

async function shoot(browser: Browser, url: string, file: string, viewport: { width: number; height: number }, act: (p: Page) => Promise<void>) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: viewport.width < 500 ? 2 : 1, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('.series-dot, .series-bar').first().waitFor({ timeout: 120_000 });
  await act(page);
  await page.mouse.move(1, 1); // no tooltip left where the pointer last was
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  await page.getByTestId('stat-series').screenshot({ path: join(OUT, file) });
  console.log(`docs/screenshots/${file}`);
  await context.close();
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  ensureWebBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-series-shots-'));
  for (let i = 0; i < GENERATED; i++) {
    const g = generateReport(2026, i);
    writeFileSync(join(dir, g.fileName), g.text);
  }
  const server = await startServer([REAL_DIR, dir]);
  const browser = await launchBrowser();
  try {
    const url = `${server.url}/numbers`;
    // Desktop: 实质公开率 by year, the 2021 point clicked to list its reports.
    await shoot(browser, url, 'numbers-series-desktop.png', { width: 1280, height: 900 }, async (p) => {
      await p.locator('.series-dot[data-key="2021"]').click();
      await p.getByTestId('series-reports').locator('.series-report').first().waitFor();
    });
    await shoot(browser, url, 'numbers-series-level-desktop.png', { width: 1280, height: 900 }, async (p) => {
      await p.getByTestId('stat-series').getByLabel('序列', { exact: true }).selectOption('requests.new');
      await p.getByTestId('stat-series').getByRole('radio', { name: '层级', exact: true }).click();
      await p.locator('.series-bar').first().waitFor();
    });
    await shoot(browser, url, 'numbers-series-phone.png', { width: 390, height: 844 }, async () => {});
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
