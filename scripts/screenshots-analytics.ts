// Screenshots of 重复问题 and 统计数字 for docs/screenshots/ (desktop 1280×900, and 重复问题 on a
// phone), over ~150 generated reports plus four constructed ones of one township (where
// statements recur): never the real reports' text.
//   npx tsx scripts/screenshots-analytics.ts
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../services/paths.js';
import { TOWNSHIP, writeTestCorpus } from '../tests/analytics-api/corpus.js';
import { startServer } from '../tests/helpers/server.js';
import { ensureWebBuilt, launchBrowser, shoot } from '../tests/web/support.js';

const OUT = join(ROOT, 'docs', 'screenshots');


async function main() {
  mkdirSync(OUT, { recursive: true });
  ensureWebBuilt();
  const corpus = writeTestCorpus();
  const server = await startServer([corpus.dir]);
  const browser = await launchBrowser();
  try {
    const base = server.url;
    const desktop = { width: 1280, height: 900 };
    const charts = (p: Page) => p.locator('.cluster .recharts-bar-rectangle').first().waitFor();
    await shoot(browser, `${base}/recurring`, 'recurring-desktop.png', desktop, charts);
    const first = await (await fetch(`${base}/api/recurring?size=1&members=0`)).json() as { clusters: Array<{ id: string }> };
    await shoot(browser, `${base}/recurring?open=${first.clusters[0]!.id}`, 'recurring-expanded-desktop.png', desktop,
      async (p) => { await charts(p); await p.locator('.member').first().waitFor(); });
    await shoot(browser, `${base}/recurring?repeats=${TOWNSHIP.code}`, 'recurring-repeats-desktop.png', desktop, (p) => p.locator('.cluster').first().waitFor());
    await shoot(browser, `${base}/recurring`, 'recurring-phone.png', { width: 390, height: 844 }, charts);
    await shoot(browser, `${base}/numbers`, 'numbers-desktop.png', desktop, (p) => p.locator('.recharts-bar-rectangle').first().waitFor(), { fullPage: true });
    await shoot(browser, `${base}/numbers?by=province&measure=reportsWithLitigation`, 'numbers-province-desktop.png', desktop,
      (p) => p.locator('.recharts-bar-rectangle').first().waitFor());
  } finally {
    await browser.close();
    await server.close();
    corpus.dispose();
  }
}

await main();
