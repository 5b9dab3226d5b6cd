// Screenshots of what issue 16 (points 6–10) changed, for docs/screenshots/: the copy menu's
// citation styles, the reader's 返回结果, the phone filter panel with its 查看结果 bar, trends
// by province on a phone, 统计数字 and 重复问题 over a small index — desktop (1280×900)
// and phone (390×844). Runs fresh servers over two generated corpora: a demo one of 400 reports,
// and 12 reports standing for the small collections of point 9 (the browser tests run those
// pages over the real reports; their text stays out of docs/).
//   npx tsx scripts/screenshots-research.ts
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../services/corpus-gen/index.js';
import { ROOT } from '../services/paths.js';
import { startServer } from '../tests/helpers/server.js';
import { ensureWebBuilt, launchBrowser, shoot } from '../tests/web/support.js';

const OUT = join(ROOT, 'docs', 'screenshots');
const desktop = { width: 1280, height: 900 };
const phone = { width: 390, height: 844 };


async function main() {
  mkdirSync(OUT, { recursive: true });
  ensureWebBuilt();
  const demoDir = mkdtempSync(join(tmpdir(), 'gongkai-shots16-'));
  const fewDir = mkdtempSync(join(tmpdir(), 'gongkai-shots16-few-'));
  generateCorpus({ out: demoDir, count: 400, seed: 16 });
  generateCorpus({ out: fewDir, count: 12, seed: 17 });
  const [few, demo] = await Promise.all([startServer([fewDir]), startServer([demoDir], { demo: true })]);
  const browser = await launchBrowser();
  const q = encodeURIComponent('公开');
  try {
    // The copy menu open on the first hit: the citation names the report's own heading.
    await shoot(browser, `${few.url}/?q=${q}`, 'citation-menu-desktop.png', desktop, async (p) => {
      const hit = p.locator('.hit').first();
      await hit.waitFor();
      await hit.getByText('其他格式').click();
      await hit.getByRole('button', { name: '复制 GB/T 7714' }).waitFor();
    });
    // The reader reached from the results: 返回结果 above the report.
    for (const [file, viewport] of [['reader-back-desktop.png', desktop], ['reader-back-phone.png', phone]] as const) {
      await shoot(browser, `${few.url}/?q=${q}`, file, viewport, async (p) => {
        await p.locator('.hit').first().locator('.hit-title').click();
        await p.locator('.passage.is-target').waitFor();
        await p.evaluate(() => window.scrollTo(0, 0));
        await p.getByRole('link', { name: '← 返回结果' }).waitFor();
      });
    }
    // A phone, the filter panel open, a year ticked: the new total and 查看结果 stay in sight.
    await shoot(browser, `${demo.url}/?q=${q}`, 'search-filters-phone.png', phone, async (p) => {
      await p.locator('.hit').first().waitFor();
      await p.getByRole('button', { name: /^筛选/ }).click();
      const box = p.locator('[data-facet="year"] input').first();
      await box.scrollIntoViewIfNeeded();
      await box.click();
      await p.waitForURL(/year=/);
      await p.getByTestId('panel-total').waitFor();
    });
    await shoot(browser, `${demo.url}/trends?series=${q}&series=theme:wechat&by=province`, 'trends-province-phone.png', phone, async (p) => {
      await p.locator('.recharts-yAxis-tick-labels text').first().waitFor();
      await p.locator('.trend-chart').scrollIntoViewIfNeeded();
    });
    for (const [file, viewport] of [['numbers-few-desktop.png', desktop], ['numbers-few-phone.png', phone]] as const) {
      await shoot(browser, `${few.url}/numbers`, file, viewport, async (p) => {
        await p.locator('.numbers-chart .recharts-bar-rectangle, [data-testid="empty-chart"]').first().waitFor();
        await p.locator('.table-reports').scrollIntoViewIfNeeded();
      });
    }
    for (const [file, viewport] of [['recurring-few-desktop.png', desktop], ['recurring-few-phone.png', phone]] as const) {
      await shoot(browser, `${few.url}/recurring`, file, viewport, (p) => p.getByTestId('reports-looked-at').waitFor());
    }
  } finally {
    await browser.close();
    await Promise.all([few.close(), demo.close()]);
    rmSync(demoDir, { recursive: true, force: true });
    rmSync(fewDir, { recursive: true, force: true });
  }
}

await main();
