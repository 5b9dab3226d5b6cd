// Screenshots of every page for docs/screenshots/: desktop (1280×900) and the search on a
// phone (390×844). Runs a fresh server over the real reports, or uses GONGKAI_URL.
//   npx tsx scripts/screenshots.ts
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../services/paths.js';
import { REAL_DIR } from '../tests/helpers/corpus.js';
import { startServer } from '../tests/helpers/server.js';
import { ensureWebBuilt, launchBrowser, shoot } from '../tests/web/support.js';

const OUT = join(ROOT, 'docs', 'screenshots');


async function main() {
  mkdirSync(OUT, { recursive: true });
  let base = process.env.GONGKAI_URL;
  let close = async () => {};
  if (!base) {
    ensureWebBuilt();
    const server = await startServer([REAL_DIR]);
    base = server.url;
    close = server.close;
  }
  const browser = await launchBrowser();
  try {
    const desktop = { width: 1280, height: 900 };
    const phone = { width: 390, height: 844 };
    const q = encodeURIComponent('微信');
    const results = (p: Page) => p.locator('.hit').first().waitFor();
    await shoot(browser, `${base}/?q=${q}`, 'search-desktop.png', desktop, async (p) => { await results(p); await p.locator('.query-trend-chart svg').waitFor(); });
    await shoot(browser, `${base}/?q=${q}`, 'search-phone.png', phone, results);
    await shoot(browser, `${base}/`, 'search-home-desktop.png', desktop, results);
    await shoot(browser, `${base}/trends?series=theme:wechat&series=theme:weibo&series=${encodeURIComponent('政策解读')}`, 'trends-desktop.png', desktop,
      (p) => p.locator('.recharts-line-curve').first().waitFor());
    await shoot(browser, `${base}/trends?series=theme:wechat&series=theme:weibo&by=city&measure=share`, 'trends-city-desktop.png', desktop,
      (p) => p.locator('.recharts-bar-rectangle').first().waitFor());
    // The reader opened from the first hit, as a researcher would.
    const api = await (await fetch(`${base}/api/search?q=${q}&size=1`)).json() as { hits: Array<{ reportId: string; ordinal: number }> };
    const hit = api.hits[0]!;
    await shoot(browser, `${base}/reports/${hit.reportId}?q=${q}#p${hit.ordinal}`, 'report-desktop.png', desktop, (p) => p.locator('.passage.is-target').waitFor());
    await shoot(browser, `${base}/concordance?q=${q}&sort=right`, 'concordance-desktop.png', desktop, (p) => p.locator('.kwic tbody tr').first().waitFor());
  } finally {
    await browser.close();
    await close();
  }
}

await main();
