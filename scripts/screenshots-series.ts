// Screenshots of the 跨格式序列 section of 统计数字 for docs/screenshots/ (desktop 1280×900 and
// a 390×844 phone), over 900 generated reports (never the real ones' text): enough that recent
// years pass the 30-report threshold and early years show as greyed small samples.
//   npx tsx scripts/screenshots-series.ts
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generateReport } from '../services/corpus-gen/index.js';
import { ROOT } from '../services/paths.js';
import { startServer } from '../tests/helpers/server.js';
import { ensureWebBuilt, launchBrowser, shoot } from '../tests/web/support.js';

const OUT = join(ROOT, 'docs', 'screenshots');
const GENERATED = 900;

// The series section alone, once its first point is drawn and after `act`, with no tooltip left
// where the pointer last was.
const shootSeries = (browser: Browser, url: string, file: string, viewport: { width: number; height: number }, act: (p: Page) => Promise<void>) =>
  shoot(browser, url, file, viewport, async (p) => {
    await p.locator('.series-dot, .series-bar').first().waitFor({ timeout: 120_000 });
    await act(p);
    await p.mouse.move(1, 1);
  }, { element: (p) => p.getByTestId('stat-series') });


async function main() {
  mkdirSync(OUT, { recursive: true });
  ensureWebBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-series-shots-'));
  for (let i = 0; i < GENERATED; i++) {
    const g = generateReport(2026, i);
    writeFileSync(join(dir, g.fileName), g.text);
  }
  const server = await startServer([dir]);
  const browser = await launchBrowser();
  try {
    const url = `${server.url}/numbers`;
    // Desktop: 实质公开率 by year, the 2021 point clicked to list its reports.
    await shootSeries(browser, url, 'numbers-series-desktop.png', { width: 1280, height: 900 }, async (p) => {
      await p.locator('.series-dot[data-key="2021"]').click();
      await p.getByTestId('series-reports').locator('.series-report').first().waitFor();
    });
    await shootSeries(browser, url, 'numbers-series-level-desktop.png', { width: 1280, height: 900 }, async (p) => {
      await p.getByTestId('stat-series').getByLabel('序列', { exact: true }).selectOption('requests.new');
      await p.getByTestId('stat-series').getByRole('radio', { name: '层级', exact: true }).click();
      await p.locator('.series-bar').first().waitFor();
    });
    await shootSeries(browser, url, 'numbers-series-phone.png', { width: 390, height: 844 }, async () => {});
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
