// Screenshots of every page for docs/screenshots/: desktop (1280×900) and the search on a
// phone (390×844). Runs a fresh server over the demo corpus (generated reports, never the real
// ones' text), or uses GONGKAI_URL (which should then serve only generated reports too).
//   npx tsx scripts/screenshots.ts
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { generateCorpus } from '../services/corpus-gen/index.js';
import { DEMO_REPORTS, DEMO_SEED } from '../services/ingest/demo.js';
import { ROOT } from '../services/paths.js';
import { startServer } from '../tests/helpers/server.js';
import { ensureWebBuilt, launchBrowser, shoot } from '../tests/web/support.js';

const OUT = join(ROOT, 'docs', 'screenshots');


async function main() {
  mkdirSync(OUT, { recursive: true });
  let base = process.env.GONGKAI_URL;
  let close = async () => {};
  if (!base) {
    ensureWebBuilt();
    // The corpus `serve --seed-demo` indexes, flagged as demo as it is there.
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-shots-demo-'));
    generateCorpus({ out: dir, count: DEMO_REPORTS, seed: DEMO_SEED });
    const server = await startServer([dir], { demo: true });
    base = server.url;
    close = async () => { await server.close(); rmSync(dir, { recursive: true, force: true }); };
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
